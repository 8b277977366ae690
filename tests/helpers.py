"""Small helpers for tests: write an entry file, read a built page as text."""
from __future__ import annotations

import html
import re
from pathlib import Path


def write(project: Path, name: str, text: str) -> Path:
    path = project / "practices" / name
    path.write_text(text, encoding="utf-8")
    return path


def page_text(site: Path, url: str) -> str:
    """Visible text of a built page (tags removed, entities decoded), for asserting what a reader sees."""
    raw = (site / url / "index.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")
