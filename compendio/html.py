"""Small helpers for the HTML the generators write. Every value from front matter goes through esc()."""
from __future__ import annotations

import html


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def url_of(page: str) -> str:
    """Directory URL of a page path: "index" -> "", "countries/index" -> "countries/", "entries/x" -> "entries/x/"."""
    if page == "index":
        return ""
    if page.endswith("/index"):
        return page[: -len("index")]
    return page + "/"


def rel(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative URL from one generated page to another (both in the same language tree).

    Every page URL is a directory, so going up to the site root is one "../" per folder of the source URL;
    this is called tens of thousands of times per build, where posixpath.relpath was a measurable cost."""
    up = "../" * url_of(from_page).count("/")
    out = up + url_of(to_page)
    return (out or "./") + (f"#{anchor}" if anchor else "")


def a(href: str, text: str, **attrs) -> str:
    extra = "".join(f' {k.rstrip("_")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{text}</a>'


def front_matter(title: str, description: str = "", extra: dict | None = None) -> str:
    """Front matter of a generated page. MkDocs puts title and description into HTML unescaped, so they are
    escaped here, and written as JSON strings (valid YAML) so no value can break out of its line."""
    import json

    lines = ["---", f"title: {json.dumps(esc(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(esc(description), ensure_ascii=False)}")
    for key, value in (extra or {}).items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
