"""Check every internal link of a built site: the page or file exists and the #anchor is on it.

A static site's links are files and ids, so this reads the HTML files directly (seconds for thousands of pages)
instead of crawling a server."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for name in ("href", "src"):
            if a.get(name) and not (tag == "link" and a.get("rel") in ("alternate", "canonical")):
                self.links.append(a[name])

    handle_startendtag = handle_starttag


def _target(site: Path, page: Path, link: str) -> tuple[Path | None, str]:
    url, fragment = urldefrag(link)
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:", "javascript:")):
        return None, ""  # another site: the weekly external check looks at those
    path = unquote(parts.path)
    if not path:
        return page, fragment
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, fragment


def broken_links(site: Path) -> list[str]:
    """Every internal link that leads nowhere, as "page: link (why)"."""
    site = Path(site).resolve()
    parsed: dict[Path, _Page] = {}

    def parse(path: Path) -> _Page:
        if path not in parsed:
            parser = _Page()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            parsed[path] = parser
        return parsed[path]

    problems = []
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            target, fragment = _target(site, page, link)
            if target is None:
                continue
            shown = f"{page.relative_to(site)}: {link}"
            if site not in target.parents and target != site:
                problems.append(f"{shown} (outside the site)")
            elif not target.exists():
                problems.append(f"{shown} (no such page or file)")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                problems.append(f"{shown} (no #{fragment} on that page)")
    return problems
