"""An Atom feed of new and updated entries, per language."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from . import urls
from .format import Formatter
from .model import Catalogue, Entry

ATOM = "http://www.w3.org/2005/Atom"


def entry_dates(e: Entry, dates: dict) -> tuple[str, str]:
    """(first published, last updated) of an entry: the earliest and latest of its files."""
    spans = [dates[p] for p in e.files.values() if p in dates]
    if not spans:
        return ("1970-01-01T00:00:00+00:00",) * 2
    return min(s[0] for s in spans), max(s[1] for s in spans)


def atom(cat: Catalogue, f: Formatter, base_url: str, limit: int = 100) -> bytes:
    lang = f.lang
    base = urls.language_root(base_url, lang)
    ET.register_namespace("", ATOM)

    def add(parent, tag: str, text: str | None = None, **attrs):
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        node.text = text
        return node

    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    add(feed, "title", "Compendio ESS")
    add(feed, "subtitle", f.t("home_lead"))
    add(feed, "id", base)
    add(feed, "link", href=base, rel="alternate")
    add(feed, "link", href=base + "feed.xml", rel="self")
    ranked = sorted(cat.entries.values(), key=lambda e: (entry_dates(e, cat.dates)[1], e.slug), reverse=True)[:limit]
    add(feed, "updated", entry_dates(ranked[0], cat.dates)[1] if ranked else "1970-01-01T00:00:00Z")
    for e in ranked:
        published, updated = entry_dates(e, cat.dates)
        item = add(feed, "entry")
        url = urls.absolute(base_url, f"entries/{e.slug}", lang)
        add(item, "title", e.title(lang))
        add(item, "id", url)
        add(item, "link", href=url, rel="alternate")
        add(item, "published", published)
        add(item, "updated", updated)
        add(item, "summary", e.localized(lang, "summary"))
        add(item, "category", term=e.kind, label=f.label("kind", e.kind))
        add(add(item, "author"), "name", "Compendio ESS")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
