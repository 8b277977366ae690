"""Compact data for the in-browser filter and comparison (docs/javascripts/compendio.js), one file per language.

browse_data() returns what the hook writes to <site of the language>/data/browse.json. Labels live only in
"f" (facets) and "fl" (field labels); entries refer to values by code. Keys are short because the file is
fetched whole on slow connections: about 0.35 KB gzipped per entry today, 1 KB for a good practice with all
its compendium fields (SECTION_CHARS is the knob; tests/test_browser_readers.py keeps 2,000 entries under 1 MB).

{"v": 1, "lang": "es",
 "ui": {key: string with {placeholders}},          # interface strings, from data/ui.yml (browse_*)
 "f": {facet: [[value, label], ...]},              # values in display order, only those some entry uses
 "fl": {field: label},                              # row names of the comparison (schema compare_field)
 "x": [section, ...],                               # the compendium's fields: body sections a comparison shows
 "e": [{                                            # entries, sorted by short title as on the index pages
   "s": slug, "t": title, "h": short title (only if it differs), "k": kind, "u": "entries/<slug>/",
   "c": countries, "th": themes, "g": target groups, "m": methodologies (facts), "o": organisations (any role,
   and developed_by), "sd": SDGs, "fu": funders, "p": [start, end or null, last year counted], "st": status,
   "sa": status date in the language, "d": summary, "r": [[figure, what], ...] key results (as on the
   entry pages: formatted for the language, a count without its unit label),
   "xs": {section: first ~300 characters, plain text}, "l": language of the text when not translated}]}

Empty lists and absent values are left out. Facet membership follows the index pages (generate.Pages.groups):
a methodology belongs to its own methodology facet value, and an entry is counted in a year when the year is
between p[0] and p[2].
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from . import i18n
from .generate import Pages
from .model import Catalogue, Entry
from .schema import Schema

# Facets, by their key in the data: kind, countries, themes, target groups, methodologies, organisations, SDGs, status.
FACETS = ("k", "c", "th", "g", "m", "o", "sd", "st")
# Rows of the comparison, in order, before the compendium's fields.
COMPARE_ROWS = ("summary", "kind", "countries", "period", "status", "methodologies", "themes", "target_groups",
                "funders", "key_results")
SECTION_CHARS = 300

UI_KEYS = ('filters', 'kind', 'country', 'theme', 'group', 'methodology', 'organisation', 'sdg', 'period', 'status', 'from', 'to', 'any', 'clear', 'active', 'n0', 'n1', 'n', 'list', 'more', 'compare', 'cmp_count', 'cmp_go', 'cmp_clear', 'cmp_hint', 'cmp_need', 'cmp_back', 'cmp_unknown', 'csv', 'field', 'address', 'none', 'period_open', 'period_range')


def ui_strings(lang: str) -> dict:
    """The script's interface strings, from data/ui.yml (keys browse_*, and the period formats shared with the
    pages)."""
    shared = {"period_open", "period_range"}
    return {k: i18n.ui(k if k in shared else f"browse_{k}", lang) for k in UI_KEYS}


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_ATTRS = re.compile(r"\{:?\s*(?:[#.][\w-]|[\w-]+=)[^}\n]*\}")  # attribute lists: { width=300 }, {: .note}
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|\|?\s*:?-{3,}.*$)", re.M)
_EMPHASIS = re.compile(r"(\*{1,3}|~~|`+)|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)")


def plain(markdown_text: str, limit: int = SECTION_CHARS) -> str:
    """The start of a body section as plain text: Markdown marks removed, cut at a word near `limit` characters.
    Regular expressions rather than a Markdown parser: a few thousand sections per build, a summary's precision."""
    text = markdown_text[: limit * 4]
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _ATTRS.sub("", text)
    text = _TAG.sub("", text)
    text = _BLOCK.sub("", text)
    text = _EMPHASIS.sub("", text).replace("|", " ")
    text = re.sub(r"\s+", " ", html.unescape(text)).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.6 else cut).rstrip(" ,;:.—–-") + "…"


def _compact(record: dict) -> dict:
    return {k: v for k, v in record.items() if v not in (None, [], {}, "")}


def browse_data(cat: Catalogue, schema: Schema, lang: str) -> dict:
    """The browse.json of one language (see the module docstring for its shape)."""
    pages = Pages(cat, schema, lang)
    sections = [t for t in schema.terms("compare_field") if t in schema.terms("section")]
    used: dict[str, set] = {k: set() for k in FACETS}
    entries = []
    for e in pages.by_title(cat.entries.values()):
        rec = _entry(e, pages, sections, lang)
        for key in ("c", "th", "g", "sd"):
            used[key].update(rec.get(key, []))
        used["k"].add(e.kind)
        used["st"].add(rec["st"])
        used["m"].update(rec.get("m", []))
        if e.kind == "methodology":
            used["m"].add(e.slug)
        used["o"].update(rec.get("o", []))
        entries.append(rec)

    def ordered(dim, values):  # as the index pages order them
        return sorted(values, key=lambda v: str(pages.value_name(dim, v)).casefold())

    facets = {
        "k": [[k, schema.label("kind", k, lang)] for k in schema.terms("kind") if k in used["k"]],
        "c": [[c, i18n.country(c, lang)] for c in ordered("countries", used["c"])],
        "th": [[t, schema.label("theme", t, lang)] for t in ordered("themes", used["th"])],
        "g": [[g, schema.label("target_group", g, lang)] for g in ordered("target_groups", used["g"])],
        "m": [[m, cat.entries[m].short_title(lang)] for m in ordered("methodologies", used["m"])],
        "o": [[o, pages.org_name(o)] for o in ordered("organisations", used["o"])],
        "sd": [[n, pages.value_name("sdgs", n)] for n in sorted(used["sd"])],
        "st": [[s, schema.label("status", s, lang)] for s in schema.terms("status") if s in used["st"]],
    }
    field_labels = {name: schema.label("compare_field", name, lang) for name in (*COMPARE_ROWS, *sections)}
    return {"v": 1, "lang": lang, "ui": ui_strings(lang), "f": facets, "fl": field_labels, "x": sections, "e": entries}


def _entry(e: Entry, pages: Pages, sections: list[str], lang: str) -> dict:
    f = e.facts
    text_lang = lang if lang in e.files else e.files_lang()
    orgs = list(dict.fromkeys([o["id"] for o in f.get("organisations") or []] + list(f.get("developed_by") or [])))
    body = e.sections.get(text_lang, {})
    # As Pages.key_results writes them: the description names what is counted, so a count has no unit label.
    results = [[pages.figure(r, with_unit=pages.schema.unit_format(r["unit"]) != "count"),
                r["what"].get(lang) or next(iter(r["what"].values()))]
               for r in f.get("results") or [] if r.get("key")]
    status = f["status"]
    period = f["period"]
    return _compact({
        "s": e.slug, "t": e.title(lang), "h": e.short_title(lang) if e.short_title(lang) != e.title(lang) else None,
        "k": e.kind, "u": f"entries/{e.slug}/",
        "c": list(f["countries"]), "th": list(f.get("themes") or []), "g": list(f.get("target_groups") or []),
        "m": list(f.get("methodologies") or []), "o": orgs, "sd": list(f.get("sdgs") or []),
        "fu": [o["id"] for o in f.get("organisations") or [] if o["role"] == "funder"],
        "p": [period["start"], period.get("end"), e.years()[-1]],
        "st": status["value"], "sa": i18n.partial_date(status["as_of"], lang),
        "d": e.localized(lang, "summary"), "r": results,
        "xs": {s: plain(body[s]) for s in sections if body.get(s)},
        "l": text_lang if text_lang != lang else None,
    })


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write(cat: Catalogue, schema: Schema, lang: str, site_dir: Path) -> Path:
    """Write data/browse.json for lang into site_dir (the language's own site root)."""
    path = Path(site_dir) / "data" / "browse.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(browse_data(cat, schema, lang)), encoding="utf-8")
    return path
