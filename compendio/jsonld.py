"""An entry as schema.org JSON-LD, for the head of its page."""
from __future__ import annotations

import json

from .format import Formatter
from .model import Entry


def entry(e: Entry, f: Formatter, url: str, other_url: str) -> str:
    """The entry as schema.org JSON, safe to place inside a <script> element."""
    facts = e.facts
    period = facts["period"] if isinstance(facts.get("period"), dict) else {}
    orgs = facts.get("organisations", [])
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "additionalType": f.schema.label("kind", e.kind, "en"),
        "name": e.title(f.lang),
        "description": e.localized(f.lang, "summary"),
        "inLanguage": f.lang if f.lang in e.files else e.files_lang(),
        "url": url,
        "workTranslation": {"@id": other_url},
        "isPartOf": {"@type": "WebSite", "name": "Compendio ESS"},
        "spatialCoverage": [{"@type": "Country", "name": f.country(c), "identifier": c} for c in facts["countries"]],
        "temporalCoverage": (f'{period["start"]}/{period["end"] if isinstance(period.get("end"), int) else ".."}'
                             if period else None),
        "about": [f.label("theme", t) for t in facts.get("themes", [])],
        "audience": [{"@type": "Audience", "audienceType": f.label("target_group", g)}
                     for g in facts.get("target_groups", [])],
        "funder": [{"@type": "Organization", "name": f.plain(f.cat.organisations[o["id"]]["name"])}
                   for o in orgs if o["role"] == "funder"],
        "contributor": [{"@type": "Organization", "name": f.plain(f.cat.organisations[o["id"]]["name"])}
                        for o in orgs if o["role"] != "funder"],
        "citation": [f.cat.sources[s]["title"] for s in facts["sources"]],
    }
    text = json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
