"""Turn a validated catalogue into the Markdown of every generated page, in every language.

Pure functions: catalogue and schema in, {page path: Markdown} out. Page paths have no language suffix
("entries/score", "countries/index"); generate() adds ".es.md" / ".en.md" for the writer. Each module makes one
family of pages from a Context (pages/context.py) and the templates in compendio/templates/."""
from __future__ import annotations

from ..i18n import LANGUAGES
from ..model import Catalogue
from ..schema import Schema
from . import collections, comparisons, contribute, entry, indexes, registries
from .context import Context

BUILDERS = (entry, indexes, comparisons, registries, collections, contribute)


def generate(cat: Catalogue, schema: Schema, languages=LANGUAGES, base_url: str = "/") -> dict[str, str]:
    """Every generated page in every language: {"entries/score.es.md": Markdown, ...}."""
    out = {}
    for lang in languages:
        ctx = Context(cat, schema, lang, base_url)
        for builder in BUILDERS:
            for page, text in builder.pages(ctx).items():
                out[f"{page}.{lang}.md"] = text
    return out
