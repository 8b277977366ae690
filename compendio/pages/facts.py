"""The rows of an entry's fact box and results table, as plain data for the templates (facts.html,
results_table.html): every name, label and address is worked out here, once, so that the templates only lay
them out. (Calling functions from a template costs several times more than in Python, and an entry's page has
dozens of them: at thousands of entries that was most of the build's own time.)"""
from __future__ import annotations

from .. import urls
from ..format import Formatter
from ..model import Entry

# A row: (field key, field title, separator, items); an item: (address or None, text, role or None).
LIST_FIELDS = ("countries", "methodologies", "themes", "target_groups", "sdgs")


def fact_rows(f: Formatter, e: Entry, here: str) -> list[tuple]:
    """The fact box's rows, in order; fields without a value have no row."""
    x, rows = e.facts, []

    def row(name: str, items: list, sep: str = ", "):
        if items:
            rows.append((name, f.field_title(name), sep, items))

    def text(value: str) -> list:
        return [(None, value, None)] if value else []

    def links(dim: str, values) -> list:
        return [(urls.rel(here, urls.value_page(dim, v)), f.value_name(dim, v), None) for v in values or []]

    row("kind", [(urls.rel(here, "kinds/" + e.kind), f.label("kind", e.kind), None)])
    if e.kind == "methodology":
        row("international_names", [(None, n, None) for n in x.get("international_names", [])], "<br>")
        row("audience", text(f.labels("target_group", x.get("audience", []))))
        row("formats", text(f.labels("format", x.get("formats", []))))
        row("modules", [(None, m, None) for m in e.localized(f.lang, "modules") or []] or [(None, "", None)], "ol")
        row("developed_by", links("organisations", x.get("developed_by", [])))
    row("countries", links("countries", x["countries"]) or text(f.t("not_stated")))
    row("scope", [(None, text, None) for item in x.get("scope", [])
                  for text in [f.scope(item)] + ([f.plain(item["note"])] if item.get("note") else [])], "<br>")
    row("places", text(", ".join(f'{p["name"]} ({f.country(p["country"])})' for p in x.get("places", []))))
    note = x["period"].get("note") if isinstance(x.get("period"), dict) else None
    row("period", text(f.period(e)) + (text(f.plain(note)) if note else []), "<br>")
    row("status", text(f.status(e)))
    for name in LIST_FIELDS[1:4]:
        row(name, links(name, x.get(name)))
    row("sectors", text(f.labels("sector", x.get("sectors", []))))
    row("organisations", [(urls.rel(here, urls.value_page("organisations", o["id"])), f.org_name(o["id"]),
                           f.label("role", o["role"])) for o in x.get("organisations", [])], "<br>")
    row("sdgs", links("sdgs", x.get("sdgs")))
    row("related", [(urls.rel(here, "entries/" + s), f.cat.entries[s].short_title(f.lang), None)
                    for s in x.get("related", [])])
    row("instruments", [(urls.rel(here, "instruments/" + i), f.plain(f.cat.instruments[i]["short"]), None)
                        for i in x.get("instruments", [])], "<br>")
    row("sources", [(urls.rel(here, "sources/index", s), f.source_short(s), None) for s in x["sources"]], "<br>")
    return rows


def cell(f: Formatter, e: Entry, name: str, here: str, section_html) -> tuple[str, list]:
    """One field of an entry as a comparison cell (names from schema/vocabularies.json compare_field):
    (separator, items) as in a fact row; "ol" for a numbered list, "key" for key results [(figure, what)],
    "html" for a body section already made HTML."""
    x = e.facts

    def links(dim: str, values) -> list:
        return [(urls.rel(here, urls.value_page(dim, v)), f.value_name(dim, v), None) for v in values or []]

    if name in LIST_FIELDS:
        return ", ", links(name, x.get(name))
    if name == "funders":
        return ", ", links("organisations", [o["id"] for o in x.get("organisations", []) if o["role"] == "funder"])
    if name == "organisations":
        return "<br>", [(None, f'{f.org_name(o["id"])} ({f.label("role", o["role"])})', None)
                        for o in x.get("organisations", [])]
    if name == "key_results":
        return "key", f.key_results(e)
    if name == "modules":
        return "ol", [(None, m, None) for m in e.localized(f.lang, "modules") or []]
    texts = {
        "period": lambda: f.period(e), "status": lambda: f.status_short(e), "kind": lambda: f.label("kind", e.kind),
        "places": lambda: ", ".join(p["name"] for p in x.get("places", [])),
        "sectors": lambda: f.labels("sector", x.get("sectors", [])),
        "audience": lambda: f.labels("target_group", x.get("audience", [])),
        "formats": lambda: f.labels("format", x.get("formats", [])),
        "summary": lambda: e.localized(f.lang, "summary"),
    }
    if name in texts:
        return ", ", [(None, texts[name](), None)]
    return "html", section_html(e, name, here)


def figure_rows(f: Formatter, figures: list, here: str) -> list[tuple]:
    """(number, figure, what it counts, a note, women's share, year, source address, source name) of each
    figure: an entry's results, its context figures, or the figures it shares with other entries."""
    return [(i + 1, f.figure(r), f.text(r["what"]), f.text(r["note"]) if r.get("note") else None, f.women_share(r),
             f.year(r), urls.rel(here, "sources/index", r["source"]), f.source_short(r["source"]))
            for i, r in enumerate(figures)]


def shared_with(f: Formatter, figures: list[tuple[str, dict]], e: Entry, here: str) -> list[list[tuple]]:
    """For each shared figure of an entry, the other entries it covers: [(address, short title)]."""
    return [[(urls.rel(here, "entries/" + s), f.cat.entries[s].short_title(f.lang)) for s in rec["entries"]
             if s != e.slug and s in f.cat.entries] for _, rec in figures]
