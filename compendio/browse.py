"""Compact data for the in-browser filter and comparison (docs/javascripts/compendio.js), one file per language.

browse_data() returns what the hook writes to <site of the language>/data/browse.json. Labels live only in
"f" (facets) and "fl" (field labels); entries refer to values by code. Keys are short because the file is
fetched whole on slow connections: about 0.35 KB gzipped per entry today, 1 KB for a good practice with all
its compendium fields (SECTION_CHARS is the knob; tests/browser/test_readers.py keeps 2,000 entries under 1 MB).

{"v": 1, "lang": "es",
 "ui": {key: string with {placeholders}},          # interface strings, from data/ui.yml (browse_*)
 "f": {facet: [[value, label], ...]},              # values in display order, only those some entry uses
 "fl": {field: label},                              # row names of the comparison (schema compare_field)
 "x": [section, ...],                               # the compendium's fields: body sections a comparison shows
 "e": [{                                            # entries, sorted by short title as on the index pages
   "s": slug, "t": title, "h": short title (only if it differs), "k": kind, "u": "entries/<slug>/",
   "ln": the line under the title in lists ("Programa · Colombia · 2010–2015"),
   "c": countries, "th": themes, "g": target groups, "m": the methodologies it is listed under (for a
   methodology, its own slug too, as on the index pages), "o": organisations (any role, and developed_by),
   "sd": SDGs, "st": status (or not_stated), "p": [first year, last year counted] (the years it is listed
   under; absent when the source gives no period),
   "cv": {field: text} the comparison's fact rows (kind, countries, period, status, methodologies, themes,
   target groups, funders), "d": summary, "r": [[figure, what], ...] key results (as on the entry pages),
   "xs": {section: first ~300 characters, plain text}, "l": language of the text when not translated}]}

Empty lists and absent values are left out. Every string the script shows is made here, by the same Formatter
as the pages (compendio/format.py), and facet membership follows compendio/index.py: the script only renders.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from . import i18n, index
from .format import Formatter
from .model import NOT_STATED, Catalogue, Entry

# Facets, by their key in the data: kind, countries, themes, target groups, methodologies, organisations, SDGs, status.
FACETS = ("k", "c", "th", "g", "m", "o", "sd", "st")
# Rows of the comparison, in order, before the compendium's fields.
COMPARE_ROWS = ("summary", "kind", "countries", "period", "status", "methodologies", "themes", "target_groups",
                "funders", "key_results")
# Of those, the rows that are one text made from the facts.
FACT_ROWS = ("kind", "countries", "period", "status", "methodologies", "themes", "target_groups", "funders")
SECTION_CHARS = 300

UI_KEYS = ("filters", "kind", "country", "theme", "group", "methodology", "organisation", "sdg", "period", "status",
           "from", "to", "any", "clear", "active", "n0", "n1", "n", "list", "more", "compare", "cmp_count", "cmp_go",
           "cmp_clear", "cmp_hint", "cmp_need", "cmp_back", "cmp_unknown", "csv", "field", "address", "none")


def ui_strings(lang: str) -> dict:
    """The script's interface strings, from data/ui.yml (keys browse_*)."""
    return {k: i18n.ui(f"browse_{k}", lang) for k in UI_KEYS}


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


def browse_data(cat: Catalogue, f: Formatter) -> dict:
    """The browse.json of one language (see the module docstring for its shape)."""
    schema, lang = f.schema, f.lang
    sections = [t for t in schema.terms("compare_field") if t in schema.terms("section")]
    used: dict[str, set] = {k: set() for k in FACETS}
    entries = []
    for e in f.by_title(cat.entries.values()):
        rec = _entry(e, f, sections)
        for key in FACETS:
            value = rec.get(key, [])
            used[key].update(value if isinstance(value, list) else [value])
        entries.append(rec)

    def ordered(dim, values):  # as the index pages order them
        return sorted(values, key=lambda v: str(f.value_name(dim, v)).casefold())

    facets = {
        "k": [[k, f.label("kind", k)] for k in schema.terms("kind") if k in used["k"]],
        "c": [[c, f.country(c)] for c in ordered("countries", used["c"])],
        "th": [[t, f.label("theme", t)] for t in ordered("themes", used["th"])],
        "g": [[g, f.label("target_group", g)] for g in ordered("target_groups", used["g"])],
        "m": [[m, f.value_name("methodologies", m)] for m in ordered("methodologies", used["m"])],
        "o": [[o, f.org_name(o)] for o in ordered("organisations", used["o"])],
        "sd": [[n, f.value_name("sdgs", n)] for n in sorted(used["sd"])],
        "st": [[s, f.label("status", s)] for s in schema.terms("status") if s in used["st"]]
              + ([[NOT_STATED, f.t("not_stated")]] if NOT_STATED in used["st"] else []),
    }
    field_labels = {name: f.label("compare_field", name) for name in (*COMPARE_ROWS, *sections)}
    return {"v": 2, "lang": lang, "ui": ui_strings(lang), "f": facets, "fl": field_labels, "x": sections, "e": entries}


def _entry(e: Entry, f: Formatter, sections: list[str]) -> dict:
    facts, lang = e.facts, f.lang
    text_lang = lang if lang in e.files else e.files_lang()
    body = e.sections.get(text_lang, {})
    funders = [o["id"] for o in facts.get("organisations") or [] if o["role"] == "funder"]
    fact_rows = {
        "kind": f.label("kind", e.kind), "countries": f.countries(facts["countries"]), "period": f.period(e),
        "status": f.status_short(e),
        "methodologies": ", ".join(f.value_name("methodologies", m) for m in facts.get("methodologies") or []),
        "themes": f.labels("theme", facts.get("themes")),
        "target_groups": f.labels("target_group", facts.get("target_groups")),
        "funders": ", ".join(f.org_name(o) for o in funders),
    }
    years = e.years()
    return _compact({
        "s": e.slug, "t": e.title(lang), "h": e.short_title(lang) if e.short_title(lang) != e.title(lang) else None,
        "k": e.kind, "u": f"entries/{e.slug}/", "ln": f.list_line(e),
        "c": list(facts["countries"]), "th": list(facts.get("themes") or []),
        "g": list(facts.get("target_groups") or []),
        "m": index.methodologies_of(e), "o": index.organisations_of(e), "sd": list(facts.get("sdgs") or []),
        "st": f.status_value(e), "p": [years[0], years[-1]] if years else None,
        "cv": {k: v for k, v in fact_rows.items() if v},
        "d": e.localized(lang, "summary"), "r": [[fig, what.text] for fig, what in f.key_results(e)],
        "xs": {s: plain(body[s]) for s in sections if body.get(s)},
        "l": text_lang if text_lang != lang else None,
    })


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write(cat: Catalogue, f: Formatter, site_dir: Path) -> Path:
    """Write data/browse.json for f's language into site_dir (the language's own site root)."""
    path = Path(site_dir) / "data" / "browse.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(browse_data(cat, f)), encoding="utf-8")
    return path
