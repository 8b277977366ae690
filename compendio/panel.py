"""What the entries list's filter panel and the reader's comparison need in the browser (docs/javascripts/compendio.js),
computed at build time so that the script only renders. Nothing is one file that grows with the catalogue:

- data/panel.json, one per language: the interface strings and, per facet, its values with their labels in display
  order. Its size follows the vocabularies (countries, themes, organisations...), not the number of entries.
      {"v": 3, "lang": "es", "ui": {key: string}, "f": {facet: [[value, label], ...]}, "years": [first, last],
       "word": the word that lists every entry (LIST_WORD), "n": number of entries,
       "c": {facet: {value: entries}} with nothing chosen}
  The list of all entries draws its first view without it (its own first page, its count, the panel's frame) and
  fetches it after: the counts above fill the closed panel, and the page's list is adopted as the live one.
- data/compare/<slug>.json, one per entry and language, fetched only for the 2 to 4 entries being compared:
      {"s": slug, "t": title, "h": short title, "u": "entries/<slug>/", "l": language of the text when it is not
       the page's, "rows": [[field, label, cell, own], ...]}
  A cell is a text, or [[figure, what], ...] for key results; own says the cell is the entry's own text (marked
  with its language when that is not the page's). Every row is there, empty ones too, so rows line up.
- The list itself (which entries match, counts per value, sorting, the text of each item) comes from the Pagefind
  index: each entry page carries its filter values and its list strings (compendio/search.py, entry_marks).
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from . import i18n, index
from .format import Formatter
from .model import NOT_STATED, Catalogue, Entry

# The panel's facets: URL parameter = Pagefind filter name, and the ui string of its legend (browse_<key>).
FACETS = ("kind", "country", "theme", "group", "methodology", "organisation", "sdg", "status")
# Rows of the comparison, in order, before the compendium's fields (body sections).
COMPARE_ROWS = ("summary", "kind", "countries", "period", "status", "methodologies", "themes", "target_groups",
                "funders", "key_results")
SECTION_CHARS = 300
# A word only entry pages hold (compendio/search.py adds it as an indexed attribute, never shown). The panel
# searches for it to list the entries: Pagefind's own filter-only search (a null term) downloads every chunk of the
# word index, which grows with the catalogue, while the chunk of one word stays small.
LIST_WORD = "zzcelist"

UI_KEYS = ('filters', 'kind', 'country', 'theme', 'group', 'methodology', 'organisation', 'sdg', 'period', 'status',
           'from', 'to', 'any', 'clear', 'active', 'n0', 'n1', 'n', 'list', 'more', 'compare', 'cmp_count', 'cmp_go',
           'cmp_clear', 'cmp_hint', 'cmp_need', 'cmp_back', 'cmp_unknown', 'csv', 'field', 'address', 'none')
# Strings of the search within the list (data/ui.yml, search_*).
SEARCH_KEYS = ("search_within",)


def ui_strings(lang: str) -> dict:
    """The script's interface strings, from data/ui.yml (keys browse_*, and the search field's)."""
    out = {k: i18n.ui(f"browse_{k}", lang) for k in UI_KEYS}
    out.update({k: i18n.ui(k, lang) for k in SEARCH_KEYS})
    return out


def filters(e: Entry) -> dict[str, list[str]]:
    """The entry's values per facet, as codes; membership follows the index pages (compendio/index.py): a
    methodology belongs to its own methodology value, countries are those of documented use, and an entry counts
    in every year it is listed under (Entry.years), which is what the period's from/to select."""
    f = e.facts
    status = f["status"]
    return {
        "kind": [e.kind],
        "country": list(f["countries"]),
        "theme": list(f.get("themes") or []),
        "group": list(f.get("target_groups") or []),
        "methodology": index.methodologies_of(e),
        "organisation": index.organisations_of(e),
        "sdg": [str(n) for n in f.get("sdgs") or []],
        "status": [status["value"] if isinstance(status, dict) else NOT_STATED],
        "year": [str(y) for y in e.years()],
    }


def facets(cat: Catalogue, f: Formatter) -> dict:
    """Per facet, the values some entry uses, with their labels, in the order the index pages use."""
    used: dict[str, set] = {k: set() for k in FACETS}
    for e in cat.entries.values():
        for key, values in filters(e).items():
            if key in used:
                used[key].update(values)

    def ordered(dim, values):
        return sorted(values, key=lambda v: str(f.value_name(dim, v)).casefold())

    statuses = [[s, f.label("status", s)] for s in f.schema.terms("status") if s in used["status"]]
    return {
        "kind": [[k, f.label("kind", k)] for k in f.schema.terms("kind") if k in used["kind"]],
        "country": [[c, f.country(c)] for c in ordered("countries", used["country"])],
        "theme": [[t, f.label("theme", t)] for t in ordered("themes", used["theme"])],
        "group": [[g, f.label("target_group", g)] for g in ordered("target_groups", used["group"])],
        "methodology": [[m, f.value_name("methodologies", m)] for m in ordered("methodologies", used["methodology"])],
        "organisation": [[o, f.org_name(o)] for o in ordered("organisations", used["organisation"])],
        "sdg": [[n, f.value_name("sdgs", int(n))] for n in sorted(used["sdg"], key=int)],
        "status": statuses + ([[NOT_STATED, f.t("not_stated")]] if NOT_STATED in used["status"] else []),
    }


def counts(cat: Catalogue) -> dict[str, dict[str, int]]:
    """Entries per value of each facet, with nothing chosen: the panel's counts when the list opens, so its first
    view needs no search (Pagefind is loaded when the reader filters, searches or asks for more)."""
    out: dict[str, dict[str, int]] = {k: {} for k in FACETS}
    for e in cat.entries.values():
        for key, values in filters(e).items():
            if key in out:
                for v in values:
                    out[key][v] = out[key].get(v, 0) + 1
    return out


def panel_data(cat: Catalogue, f: Formatter) -> dict:
    years = [y for e in cat.entries.values() for y in e.years()]
    return {"v": 3, "lang": f.lang, "ui": ui_strings(f.lang), "f": facets(cat, f),
            "years": [min(years), max(years)] if years else [], "word": LIST_WORD,
            "n": len(cat.entries), "c": counts(cat)}


def text_lang(e: Entry, lang: str) -> str:
    """The language the entry's text is shown in on a page of lang."""
    return lang if lang in e.files else e.files_lang()


def card(e: Entry, f: Formatter) -> dict:
    """The strings of an entry in a list (as on the static lists): title, "kind · countries · period", summary, and
    the language of the text when it is not the page's."""
    shown = text_lang(e, f.lang)
    return {"slug": e.slug, "title": e.title(f.lang), "line": f.list_line(e),
            "summary": e.localized(f.lang, "summary") or "", "lang": shown if shown != f.lang else ""}


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


def compare_record(e: Entry, f: Formatter, sections: list[str]) -> dict:
    """One entry as the comparison shows it: every row's label and cell, written for the page's language."""
    facts = e.facts

    def names(dim, values):
        return ", ".join(str(f.value_name(dim, v)) for v in values)

    cells = {
        "summary": e.localized(f.lang, "summary") or "",
        "kind": f.label("kind", e.kind),
        "countries": names("countries", facts["countries"]) or f.t("not_stated"),
        "period": f.period(e),
        "status": f.status_short(e),
        "methodologies": names("methodologies", facts.get("methodologies") or []),
        "themes": names("themes", facts.get("themes") or []),
        "target_groups": names("target_groups", facts.get("target_groups") or []),
        "funders": names("organisations", [o["id"] for o in facts.get("organisations") or [] if o["role"] == "funder"]),
        "key_results": [[figure, what.text] for figure, what in f.key_results(e)],
    }
    body = e.sections.get(text_lang(e, f.lang), {})
    rows = [[name, f.label("compare_field", name), cells[name], name == "summary"] for name in COMPARE_ROWS]
    rows += [[name, f.label("compare_field", name), plain(body[name]) if body.get(name) else "", True]
             for name in sections]
    shown = text_lang(e, f.lang)
    record = {"s": e.slug, "t": e.title(f.lang), "h": e.short_title(f.lang), "u": f"entries/{e.slug}/", "rows": rows}
    if shown != f.lang:
        record["l"] = shown
    return record


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))



def write(cat: Catalogue, f: Formatter, site_dir: Path) -> None:
    """Write data/panel.json and data/compare/<slug>.json for f's language into site_dir (the language's root)."""
    data = Path(site_dir) / "data"
    (data / "compare").mkdir(parents=True, exist_ok=True)
    (data / "panel.json").write_text(dumps(panel_data(cat, f)), encoding="utf-8")
    sections = [t for t in f.schema.terms("compare_field") if t in f.schema.terms("section")]
    for e in cat.entries.values():
        (data / "compare" / f"{e.slug}.json").write_text(dumps(compare_record(e, f, sections)), encoding="utf-8")
