"""Pages of the collections (data/collections/*.yml): an index, and for each a landing page, a comparison table
and one printable page."""
from __future__ import annotations

from .. import urls
from ..render import front_matter
from .comparisons import HIDE, entries_table, lead
from .context import Context

DEFAULT_COMPARE = ("countries", "period", "methodologies", "funders", "key_results")


def collection_index(ctx: Context) -> str:
    title = ctx.f.t("collections")
    return front_matter(title) + ctx.render("collections_index.html", here="collections/index", title=title,
                                            collections=list(ctx.cat.collections.items()))


def landing(ctx: Context, slug: str, c: dict) -> str:
    here = f"collections/{slug}"
    entries = [ctx.cat.entries[s] for s in c["entries"]]
    summaries = {e.slug: ctx.f.text({lang: e.text[lang]["summary"] for lang in e.files}) for e in entries}
    head = front_matter(ctx.f.plain(c["title"]), ctx.f.plain(c["introduction"])[:300])
    return head + ctx.render("collection.html", here=here, slug=slug, c=c, entries=entries, summaries=summaries,
                             links=ctx.link_box(here))


def compare(ctx: Context, slug: str, c: dict) -> str:
    here, name = f"collections/{slug}/compare", ctx.f.plain(c["title"])
    back = lead(ctx, href=urls.rel(here, f"collections/{slug}"), link=ctx.f.t("collection_of", name=name))
    return entries_table(ctx, here, ctx.f.t("collection_compare") + ": " + name,
                         [ctx.cat.entries[s] for s in c["entries"]], c.get("compare") or DEFAULT_COMPARE, back)


def print_page(ctx: Context, slug: str, c: dict) -> str:
    """The whole collection on one page. Each entry's anchors get its slug as a prefix, so they stay unique."""
    here = f"collections/{slug}/print"
    entries, cited = [], []
    for s in c["entries"]:
        e = ctx.cat.entries[s]
        prefix = f"{e.slug}-"
        entries.append((e, ctx.url("entries/" + e.slug), ctx.fact_box(e, here, id_prefix=prefix),
                        ctx.entry_body(e, here, level=3, id_prefix=prefix)))
        cited += [sid for sid in e.facts["sources"] if sid not in cited]
    # Its own <title>: not the landing page's.
    return front_matter(ctx.f.t("print_title", name=ctx.f.plain(c["title"])), extra=HIDE) + ctx.render(
        "collection_print.html", c=c, entries=entries, landing_url=ctx.url(f"collections/{slug}"),
        cited=[ctx.cat.sources[sid] for sid in cited])


def pages(ctx: Context) -> dict[str, str]:
    out = {}
    if ctx.cat.collections:
        out["collections/index"] = collection_index(ctx)
    for slug, c in ctx.cat.collections.items():
        out[f"collections/{slug}"] = landing(ctx, slug, c)
        out[f"collections/{slug}/compare"] = compare(ctx, slug, c)
        out[f"collections/{slug}/print"] = print_page(ctx, slug, c)
    return out
