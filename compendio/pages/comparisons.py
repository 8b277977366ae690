"""Comparison pages: methodologies side by side, programmes side by side, one methodology across countries
(with charts of the programmes' key results), the countries' context, and the reader's own selection."""
from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from .. import charts, urls
from ..model import Entry
from ..render import front_matter, markdown_html
from . import facts
from .context import Context, paginate
from .indexes import figure

HIDE = {"hide": ["navigation", "toc"]}  # wide tables get the whole width: Material hides the sidebars
PROGRAMME_FIELDS = ("countries", "period", "methodologies", "funders", "key_results")
USERS_SHOWN = 10  # programmes named in a methodology's row; the rest are on its own comparison page


def lead(ctx: Context, text: str = "", href: str = "", link: str = "") -> Markup:
    return Markup(ctx.render("lead.html", text=text, href=href, link=link))


def table(ctx: Context, template: str, here: str, title: str, head: list, lead_html="", **values) -> str:
    """A page that is one wide table, made by a template that extends table_page.html."""
    return front_matter(title, extra=HIDE) + ctx.render(template, here=here, title=title, head=head,
                                                        lead=lead_html, **values)


def table_pages(ctx: Context, template: str, here: str, title: str, head: list, items: list, rows,
                lead_html="") -> dict[str, str]:
    """A wide table whose rows grow with the catalogue, in pages of PAGE_SIZE (see paginate): rows(path, items)
    makes one page's rows; the lead goes on the first page only."""
    return {part.path: table(ctx, template, part.path, ctx.page_title(title, part), head,
                             lead_html if part.n == 1 else "", rows=rows(part.path, part.items), nav=part.nav,
                             first=part.first, last=part.last, total=len(items))
            for part in paginate(here, items)}


def section_html(ctx: Context):
    """A body section of an entry as HTML for a comparison cell, in the language it is shown in."""
    def html(e: Entry, name: str, here: str):
        text = e.sections.get(ctx.text_lang(e), {}).get(name)
        return markdown_html(text, here) if text else ""
    return html


def entry_columns(ctx: Context, fields):
    """The head of a table of entries side by side (one column per field), and the function that makes its rows
    as seen from a page: rows(here, entries)."""
    head = [ctx.f.t("name")] + [ctx.f.label("compare_field", name) for name in fields]
    as_html = section_html(ctx)
    def rows(here, entries):
        return [(e, [facts.cell(ctx.f, e, name, here, as_html) for name in fields]) for e in entries]
    return head, rows


def entries_table(ctx: Context, here: str, title: str, entries, fields, lead_html="") -> str:
    """Entries side by side, one row each, one column per field, on one page: the collections' comparisons."""
    head, rows = entry_columns(ctx, fields)
    return table(ctx, "comparison.html", here, title, head, lead_html, rows=rows(here, entries))


def compare_programmes(ctx: Context) -> dict[str, str]:
    """Every programme side by side, in pages (a page stays light however many there are)."""
    head, rows = entry_columns(ctx, PROGRAMME_FIELDS)
    return table_pages(ctx, "comparison.html", "compare/programmes", ctx.f.t("compare_programmes"), head,
                       ctx.f.by_title(ctx.cat.by_kind("programme")), rows)


def compare_methodologies(ctx: Context) -> dict[str, str]:
    """Every methodology side by side, in pages, as the programmes."""
    f = ctx.f
    head = [f.t("name"), f.field_title("audience"), f.field_title("formats"), f.field_title("modules"),
            f.t("where_used"), f.t("used_by")]
    def rows(here, methodologies):
        out = []
        for m in methodologies:
            users = f.by_title(e for e in ctx.groups["methodologies"][m.slug] if e.slug != m.slug)
            where = sorted({c for e in users for c in e.facts["countries"]} or set(m.facts["countries"]),
                           key=f.country)
            out.append((m, users[:USERS_SHOWN], where, len(users) - USERS_SHOWN))
        return out
    return table_pages(ctx, "compare_methodologies.html", "compare/methodologies", f.t("compare_methodologies"),
                       head, f.by_title(ctx.cat.by_kind("methodology")), rows)


def users_by_country(ctx: Context, m: Entry) -> dict[str, list[Entry]]:
    """The entries that applied a methodology, under each of their countries, countries and entries in order."""
    by_country = defaultdict(list)
    for e in ctx.groups["methodologies"][m.slug]:
        if e.slug != m.slug:
            for c in e.facts["countries"]:
                by_country[c].append(e)
    return {c: ctx.f.by_title(by_country[c]) for c in sorted(by_country, key=ctx.f.country)}


def compare_methodology(ctx: Context, m: Entry) -> str:
    f, here = ctx.f, f"compare/methodology/{m.slug}"
    name = m.short_title(ctx.lang)
    by_country = users_by_country(ctx, m)
    rows = [(urls.rel(here, urls.value_page("countries", c)), f.country(c), urls.rel(here, "entries/" + e.slug),
             e.short_title(ctx.lang), f.period(e), f.key_results(e))
            for c, entries in by_country.items() for e in entries]
    head = [f.t("country"), f.t("entry"), f.field_title("period"), f.t("key_results")]
    intro = lead(ctx, f.t("compare_methodology_lead", name=name), urls.rel(here, "entries/" + m.slug),
                 m.title(ctx.lang))
    return (table(ctx, "compare_methodology.html", here, f.t("compare_methodology", name=name), head, intro, rows=rows)
            + result_charts(ctx, m, by_country))


def result_charts(ctx: Context, m: Entry, by_country: dict) -> str:
    """Bar charts of the programmes' key results, one per unit that two or more programmes report."""
    f, by_unit, seen = ctx.f, defaultdict(list), set()
    for entries in by_country.values():
        for e in entries:
            for r in e.facts.get("results") or []:
                if r.get("key") and (e.slug, id(r)) not in seen:
                    seen.add((e.slug, id(r)))
                    by_unit[r["unit"]].append((e.short_title(ctx.lang), float(r["value"]), f.figure(r)))
    out = []
    for unit, rows in by_unit.items():
        if len(rows) >= 2:
            label = f.label("unit", unit)
            title = f.t("chart_results", name=m.short_title(ctx.lang), unit=label)
            out.append(figure(ctx, "ce-chart", charts.bar_chart(rows, title, label, ctx.lang), title, blank=False))
    return "".join(out)


def compare_countries(ctx: Context) -> str:
    f, context = ctx.f, ctx.cat.context
    codes = sorted(context, key=f.country)
    rows = []
    for term in ctx.schema.terms("indicator"):
        cells = [[ind for ind in context[c]["indicators"] if ind["indicator"] == term] for c in codes]
        if any(cells):
            rows.append((term, cells))
    head = [f.t("indicator")] + [f.country(c) for c in codes]
    return table(ctx, "compare_countries.html", "compare/countries", f.t("compare_countries"), head,
                 lead(ctx, f.t("compare_countries_lead")), rows=rows)


def compare_select(ctx: Context) -> str:
    title = ctx.f.t("compare_select")
    return front_matter(title, extra=HIDE) + ctx.render("compare_select.html", here="compare/select", title=title)


def compare_index(ctx: Context) -> str:
    t, title = ctx.f.t, ctx.f.t("compare")
    items = [("compare/select", t("compare_select")), ("compare/methodologies", t("compare_methodologies")),
             ("compare/programmes", t("compare_programmes"))]
    if ctx.cat.context:
        items.append(("compare/countries", t("compare_countries")))
    return front_matter(title) + ctx.render("compare_index.html", here="compare/index", title=title, items=items,
                                            methodologies=ctx.cat.by_kind("methodology"))


def pages(ctx: Context) -> dict[str, str]:
    out = {"compare/index": compare_index(ctx), "compare/select": compare_select(ctx),
           **compare_methodologies(ctx), **compare_programmes(ctx)}
    out.update({f"compare/methodology/{m.slug}": compare_methodology(ctx, m) for m in ctx.cat.by_kind("methodology")})
    if ctx.cat.context:
        out["compare/countries"] = compare_countries(ctx)
    return out
