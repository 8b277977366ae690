"""The project's own Jinja environment for page layouts (compendio/templates/), with autoescaping on.

MkDocs renders its theme with autoescaping off, so the generated pages never go through it: every value a
template prints is escaped unless it is Markup. Markup is made in this module only, at four audited places:
trusted_svg (charts made and escaped by compendio.charts), markdown_html (entry text turned into HTML),
contributor_markdown (entry text kept as Markdown for MkDocs) and code_block (text in a fenced code block).
Front matter is YAML, not HTML: front_matter() writes it here too, with JSON strings."""
from __future__ import annotations

import html
import json
import re

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import urls


def environment(**values) -> Environment:
    """An environment whose templates see values (e.g. f, the Formatter of the language being made) and the URL
    helpers. One per language: the templates compile once each, and imported macros are shared between pages."""
    env = Environment(loader=PackageLoader("compendio", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.globals.update(rel=urls.rel, url_of=urls.url_of, value_page=urls.value_page, up=urls.up, code=code_block,
                       **values)
    return env


def trusted_svg(svg: str) -> Markup:
    """An SVG chart from compendio.charts, which escapes every text it writes (tested in tests/unit)."""
    return Markup(svg)


def contributor_markdown(text: str) -> Markup:
    """Entry text as Markdown, for MkDocs to render. Not escaped here, because it is Markdown: validate refuses
    scripts, event handlers and unsafe links in it, and compendio.sanitize cleans the rendered HTML."""
    return Markup(text)


_ENTRY_LINK = re.compile(r'href="([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[^"]*)?"')


def markdown_html(text: str, here: str) -> Markup:
    """A body section as HTML, for a table cell (where MkDocs does not render Markdown). Links between entries
    point to the entry pages; the text was checked for unsafe markup by validate, and the pages that show it are
    cleaned by compendio.sanitize."""
    out = markdown.markdown(text, extensions=["tables"])
    to_root = urls.up(here)
    out = out.replace('src="images/', f'src="{to_root}entries/images/')
    return Markup(_ENTRY_LINK.sub(lambda m: f'href="{to_root}entries/{m.group(1)}/{m.group(2) or ""}"', out))


def front_matter(title: str, description: str = "", extra: dict | None = None) -> str:
    """Front matter of a generated page. MkDocs puts title and description into HTML unescaped, so they are
    escaped here, and written as JSON strings (valid YAML) so no value can break out of its line."""
    lines = ["---", f"title: {json.dumps(html.escape(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(html.escape(description), ensure_ascii=False)}")
    for key, value in (extra or {}).items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def code_block(text: str) -> Markup:
    """Markdown that shows text as typed (a citation, an address to copy): a fenced code block, whose content
    Markdown escapes itself. The fence is longer than any run of backticks inside, so the text cannot end it."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return Markup(f"{fence}text\n{text}\n{fence}")
