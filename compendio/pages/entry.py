"""Entry pages: one per entry and language."""
from __future__ import annotations

import datetime
import re

from markupsafe import Markup, escape

from .. import feed, jsonld
from ..i18n import apa_date, long_date, other_language
from ..model import Entry
from ..render import code_block, front_matter
from .context import Context


def entry_page(ctx: Context, e: Entry) -> str:
    here = f"entries/{e.slug}"
    lang = ctx.lang
    ld = jsonld.entry(e, ctx.f, ctx.url(here), ctx.url(here, other_language(lang)))
    head = front_matter(e.title(lang), e.localized(lang, "summary"), extra={"jsonld": ld})
    return head + ctx.render("entry.html", e=e, facts=ctx.fact_box(e, here), body=ctx.entry_body(e, here),
                             citation=citation(ctx, e, here), links=ctx.link_box(here))


def citation(ctx: Context, e: Entry, here: str) -> Markup:
    """APA and BibTeX references to the entry's page in this language, with its permanent URL and the date
    it was last updated, in code blocks so they copy as typed. Citation formats are text, not HTML: they are
    written here, not in a template."""
    lang, t = ctx.lang, ctx.f.t
    updated = datetime.date.fromisoformat(feed.entry_dates(e, ctx.cat.dates)[1][:10])
    title, url = e.title(lang), ctx.url(here)
    apa = f"Compendio ESS. ({apa_date(updated, lang)}). {title}. Compendio ESS. {url}"
    bib_title = re.sub(r"([&%$#_{}])", r"\\\1", title)
    bibtex = "\n".join([
        f"@misc{{compendio-ess-{e.slug}-{lang},",
        "  author       = {{Compendio ESS}},",
        f"  title        = {{{bib_title}}},",
        f"  year         = {{{updated.year}}},",
        f"  howpublished = {{\\url{{{url}}}}},",
        f"  note         = {{{t('retrieved', date=long_date(updated, lang))}}},",
        f"  language     = {{{'spanish' if lang == 'es' else 'english'}}}",
        "}",
    ])
    return Markup(f'\n## {escape(t("cite"))} {{#cite}}\n\n{escape(t("cite_apa"))}\n\n{code_block(apa)}\n\n'
                  f'{escape(t("cite_bibtex"))}\n\n{code_block(bibtex)}\n\n')


def pages(ctx: Context) -> dict[str, str]:
    return {f"entries/{e.slug}": entry_page(ctx, e) for e in ctx.cat.entries.values()}
