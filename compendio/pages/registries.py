"""Pages of the registries entries refer to: the bibliography and the international instruments."""
from __future__ import annotations

from collections import defaultdict

from ..render import front_matter
from .context import Context


def sources_page(ctx: Context) -> str:
    title = ctx.f.t("sources_title")
    return front_matter(title) + ctx.render("sources.html", title=title, sources=list(ctx.cat.sources.items()))


def instrument_pages(ctx: Context) -> dict[str, str]:
    here, title = "instruments/index", ctx.f.t("instruments")
    citing = defaultdict(list)
    for e in ctx.cat.entries.values():
        for i in e.facts.get("instruments") or []:
            citing[i].append(e)
    instruments = sorted(ctx.cat.instruments.items(), key=lambda kv: kv[1]["year"])
    pages = {here: front_matter(title) + ctx.render("instruments_index.html", here=here, title=title,
                                                    instruments=instruments)}
    for i, rec in ctx.cat.instruments.items():
        page = f"instruments/{i}"
        entries = ctx.entry_list(citing[i], page) if citing[i] else ""
        pages[page] = front_matter(ctx.f.plain(rec["title"])) + ctx.render("instrument.html", here=page, rec=rec,
                                                                           citing=entries)
    return pages


def pages(ctx: Context) -> dict[str, str]:
    return {"sources/index": sources_page(ctx), **instrument_pages(ctx)}
