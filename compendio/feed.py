"""Open data: an Atom feed of new and updated entries per language, and each entry as schema.org JSON-LD."""
from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

from . import i18n
from .model import Catalogue, Entry
from .schema import Schema

ATOM = "http://www.w3.org/2005/Atom"


def file_dates(root: Path) -> dict[str, tuple[str, str]]:
    """practices/<file> -> (first published, last updated) as ISO dates, from git history in one call; files
    not yet committed (or no git) fall back to their modification time."""
    dates: dict[str, list[str]] = {}
    try:
        out = subprocess.run(["git", "log", "--format=%x00%cI", "--name-only", "--", "practices"], cwd=root,
                             capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    when = ""
    for line in out.splitlines():
        if line.startswith("\x00"):
            when = line[1:]
        elif line.startswith("practices/") and when:
            dates.setdefault(line, []).append(when)  # newest first
    result = {}
    for path in sorted((Path(root) / "practices").glob("*.md")):
        key = f"practices/{path.name}"
        if key in dates:
            result[key] = (dates[key][-1], dates[key][0])
        else:
            mtime = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.timezone.utc).isoformat(timespec="seconds")
            result[key] = (mtime, mtime)
    return result


def entry_dates(e: Entry, dates: dict) -> tuple[str, str]:
    spans = [dates[p] for p in e.files.values() if p in dates]
    if not spans:
        return ("1970-01-01T00:00:00+00:00",) * 2
    return min(s[0] for s in spans), max(s[1] for s in spans)


def atom(cat: Catalogue, schema: Schema, lang: str, base_url: str, dates: dict, limit: int = 100) -> bytes:
    base = base_url.rstrip("/") + "/" + ("" if lang == "es" else f"{lang}/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "Compendio ESS"
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = i18n.ui("home_lead", lang)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = base
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": base, "rel": "alternate"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": base + "feed.xml", "rel": "self"})
    ranked = sorted(cat.entries.values(), key=lambda e: (entry_dates(e, dates)[1], e.slug), reverse=True)[:limit]
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = entry_dates(ranked[0], dates)[1] if ranked else "1970-01-01T00:00:00Z"
    for e in ranked:
        published, updated = entry_dates(e, dates)
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = f"{base}entries/{e.slug}/"
        ET.SubElement(item, f"{{{ATOM}}}title").text = e.title(lang)
        ET.SubElement(item, f"{{{ATOM}}}id").text = url
        ET.SubElement(item, f"{{{ATOM}}}link", {"href": url, "rel": "alternate"})
        ET.SubElement(item, f"{{{ATOM}}}published").text = published
        ET.SubElement(item, f"{{{ATOM}}}updated").text = updated
        ET.SubElement(item, f"{{{ATOM}}}summary").text = e.localized(lang, "summary")
        ET.SubElement(item, f"{{{ATOM}}}category", {"term": e.kind, "label": schema.label("kind", e.kind, lang)})
        author = ET.SubElement(item, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = "Compendio ESS"
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def jsonld(e: Entry, cat: Catalogue, schema: Schema, lang: str, url: str, other_url: str) -> str:
    """The entry as schema.org JSON, safe to place inside a <script> element."""
    f = e.facts
    period = f.get("period", {})
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "additionalType": schema.label("kind", e.kind, "en"),
        "name": e.title(lang),
        "description": e.localized(lang, "summary"),
        "inLanguage": lang if lang in e.files else e.files_lang(),
        "url": url,
        "workTranslation": {"@id": other_url},
        "isPartOf": {"@type": "WebSite", "name": "Compendio ESS"},
        "spatialCoverage": [{"@type": "Country", "name": i18n.country(c, lang), "identifier": c} for c in f["countries"]],
        "temporalCoverage": f'{period.get("start")}/{period.get("end") or ".."}',
        "about": [schema.label("theme", t, lang) for t in f.get("themes", [])],
        "audience": [{"@type": "Audience", "audienceType": schema.label("target_group", g, lang)}
                     for g in f.get("target_groups", [])],
        "funder": [{"@type": "Organization", "name": _org(cat, o["id"], lang)}
                   for o in f.get("organisations", []) if o["role"] == "funder"],
        "contributor": [{"@type": "Organization", "name": _org(cat, o["id"], lang)}
                        for o in f.get("organisations", []) if o["role"] != "funder"],
        "citation": [cat.sources[s]["title"] for s in f["sources"]],
    }
    text = json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _org(cat: Catalogue, oid: str, lang: str) -> str:
    name = cat.organisations[oid]["name"]
    return name.get(lang) or next(iter(name.values()))
