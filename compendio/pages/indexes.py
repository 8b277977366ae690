"""Index pages: all entries, entries by kind, and one index per dimension (country, theme, target group,
methodology, organisation, SDG, year) with a page per value; the home page."""
from __future__ import annotations

import datetime

from markupsafe import Markup

from .. import charts, feed, i18n, index, urls
from ..format import Text
from ..index import DIMENSIONS
from ..render import front_matter, trusted_svg
from .context import Context

LATEST = 6  # entries under "recently updated" on the home page
HOME_METHODOLOGIES = 12  # cards on the home page at most: the most applied, the rest a link away


def figure(ctx: Context, cls: str, svg: str, caption: str = "", blank: bool = True) -> Markup:
    """A chart in a figure, on lines of its own so that Markdown leaves it alone (blank: a blank line after)."""
    return Markup(ctx.render("figure.html", cls=cls, svg=trusted_svg(svg), caption=caption, blank=blank))


def world_map(ctx: Context, here: str) -> Markup:
    """The map of entries per country, made at build time; each country with entries links to its page."""
    counts = {c: len(es) for c, es in ctx.groups["countries"].items()}
    names = {c: ctx.f.country(c) for c in i18n.country_names()}
    hrefs = {c: urls.rel(here, urls.value_page("countries", c)) for c in counts}
    return figure(ctx, "ce-map", charts.world_map(counts, names, hrefs, ctx.lang, ctx.f.t("map_title")))


def timeline(ctx: Context) -> Markup:
    counts = {y: len(es) for y, es in ctx.groups["years"].items()}
    title = ctx.f.t("timeline_title")
    return figure(ctx, "ce-chart", charts.timeline_chart(counts, title, ctx.lang), title)


def dimension_pages(ctx: Context, dim: str) -> dict[str, str]:
    f, groups = ctx.f, ctx.groups[dim]
    here, title = f"{urls.FOLDERS[dim]}/index", f.t(f"by_{dim}")
    numeric = dim in ("sdgs", "years")
    scope = index.scope_by_country(ctx.cat) if dim == "countries" else {}
    # A country keeps its page while the compendium has its context or names it as scope, with or without use.
    named = set(groups) | (set(ctx.cat.context) | set(scope) if dim == "countries" else set())
    values = sorted(named, key=lambda v: v if numeric else str(f.value_name(dim, v)).casefold())
    visual = world_map(ctx, here) if dim == "countries" else timeline(ctx) if dim == "years" else ""
    rows = [(urls.rel(here, urls.value_page(dim, v)), f.value_name(dim, v), len(groups.get(v, []))) for v in values]
    pages = {here: front_matter(title) + ctx.render("dimension_index.html", title=title, visual=visual, rows=rows)}
    for v in values:
        page = urls.value_page(dim, v)
        lead, after = "", ""
        if dim == "methodologies":
            lead = Markup(ctx.render("methodology_lead.html", here=page, m=ctx.cat.entries[v]))
        elif dim == "countries":
            if v in ctx.cat.context:
                lead = Markup(ctx.render("country_context.html", here=page, rec=ctx.cat.context[v]))
            if v in scope:
                items = [(e, f.entry_text(e, "title"), f.scope(item)) for e, item in scope[v]]
                after = Markup(ctx.render("country_scope.html", here=page, items=items))
        pages.update(ctx.list_pages(page, f"{title}: {f.value_name(dim, v)}", lead, groups.get(v, []), after))
    return pages


def kind_pages(ctx: Context) -> dict[str, str]:
    here, title = "kinds/index", ctx.f.t("by_kind")
    kinds = [(k, len(ctx.cat.by_kind(k))) for k in ctx.schema.terms("kind")]
    pages = {here: front_matter(title) + ctx.render("kinds_index.html", title=title, here=here, kinds=kinds)}
    for kind in ctx.schema.terms("kind"):
        pages.update(ctx.list_pages(f"kinds/{kind}", ctx.f.label("kind", kind, plural=True), "", ctx.cat.by_kind(kind)))
    return pages


def entries_index(ctx: Context) -> dict[str, str]:
    """Every entry, by title, in pages of a bounded length. docs/javascripts/compendio.js puts the filters in
    the box on the first page; the list works without it."""
    n, f = len(ctx.cat.entries), ctx.f
    count = f.t("browse_n0") if n == 0 else f.t("browse_n1") if n == 1 else f.t("browse_n", n=f.number(n))
    lead = Markup(ctx.render("filter_box.html", here="entries/index", count=count))
    return ctx.list_pages("entries/index", ctx.f.t("all_entries"), lead, ctx.cat.entries.values(), pick=True)


def home(ctx: Context) -> str:
    here, cat, f = "index", ctx.cat, ctx.f
    counts = [(len(cat.entries), "count_entries", "entries/index"),
              (len(ctx.groups["countries"]), "count_countries", "countries/index"),
              (index.result_count(cat), "count_results", "compare/programmes"),
              (len(cat.sources), "count_sources", "sources/index"),
              (len(ctx.groups["organisations"]), "count_organisations", "organisations/index")]
    collections = [(slug, f.plain(c["title"]), f.one_line(f.plain(c["introduction"])), len(c["entries"]))
                   for slug, c in cat.collections.items()]
    users = {m.slug: len(ctx.groups["methodologies"][m.slug]) - 1 for m in cat.by_kind("methodology")}
    shown = sorted(f.by_title(cat.by_kind("methodology")), key=lambda m: -users[m.slug])[:HOME_METHODOLOGIES]
    methodologies = [(m, f.entry_text(m, "summary"), users[m.slug]) for m in f.by_title(shown)]
    methodologies = [(m, Text(f.one_line(s.text), s.lang), n) for m, s, n in methodologies]
    updated = {e.slug: feed.entry_dates(e, cat.dates)[1] for e in cat.entries.values()}
    latest = sorted(cat.entries.values(), key=lambda e: (updated[e.slug], e.slug), reverse=True)[:LATEST]
    latest = [(e, f.entry_text(e, "title"), i18n.long_date(datetime.date.fromisoformat(updated[e.slug][:10]), ctx.lang))
              for e in latest]
    browse = [(urls.FOLDERS[d] + "/index", f.t("by_" + d)) for d in DIMENSIONS]
    browse += [("compare/index", f.t("compare")), ("instruments/index", f.t("instruments"))]
    kinds = [(k, len(cat.by_kind(k))) for k in ctx.schema.terms("kind")]
    return (front_matter(f.t("home_title"), f.t("home_lead"), extra={"hide": ["navigation", "toc"]})
            + ctx.render("home.html", here=here, counts=counts, map=world_map(ctx, here), collections=collections,
                         methodologies=methodologies, all_methodologies=len(users), latest=latest, browse=browse,
                         kinds=kinds))


def pages(ctx: Context) -> dict[str, str]:
    out = {"index": home(ctx), **entries_index(ctx)}
    out.update(kind_pages(ctx))
    for dim in DIMENSIONS:
        out.update(dimension_pages(ctx, dim))
    return out
