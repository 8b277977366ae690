"""Small helpers for tests in every layer: the project root, a throw-away copy of the project, a real build,
writing an entry file, reading a built page as text."""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

from _common import ROOT, copy_project  # scripts/ is on the test path  # noqa: F401

# The address the test builds are published at (mkdocs.yml reads SITE_URL), as the Pages workflow sets it: not the
# address the browser tests serve them on, so any request a page made to its own published host would show.
SITE_URL = "https://compendio-ess.example.org/"


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder, as a contributor runs it (published at SITE_URL)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=project,
                          capture_output=True, text=True, env=env, timeout=600)


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
