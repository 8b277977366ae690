"""What every page builder of one language shares: the inputs, the formatter, and the pieces many pages show
(an entry list, a fact box, a results table, a wide table, the permanent-link box)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from .. import index, urls
from ..format import Formatter
from ..i18n import other_language
from ..model import Catalogue, Entry
from ..render import code_block, contributor_markdown, environment, front_matter
from ..schema import Schema
from . import facts

PAGE_SIZE = 50  # entries on one page of a list: a list page stays light however large the catalogue grows
_ENTRY_LINK = re.compile(r"\]\(\s*([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[^)\s]*)?\s*\)")
_SUBHEADING = re.compile(r"^(#{3,5}) ", re.M)


@dataclass(frozen=True)
class Part:
    """One page of a long list: its path, its items, its number (from 1) of `pages`, the positions of its first
    and last items in the whole list, and the links to every page [(href from this page, number, is this)]."""
    path: str
    items: list
    n: int
    pages: int
    first: int
    last: int
    nav: list


def paginate(here: str, items: list) -> list[Part]:
    """A list cut into pages of PAGE_SIZE: here, then here's page/2, page/3... (no links when one page is enough).
    The one rule for every long list, of entries or of table rows."""
    chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
    paths = [here] + [urls.list_page(here, n) for n in range(2, len(chunks) + 1)]
    return [Part(path, chunk, n, len(chunks), (n - 1) * PAGE_SIZE + 1, (n - 1) * PAGE_SIZE + len(chunk),
                 [(urls.rel(path, p), i, i == n) for i, p in enumerate(paths, 1)] if len(paths) > 1 else [])
            for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), 1)]


class Context:
    """The pages of one language are made from one Context; it holds the inputs and caches, nothing else."""

    def __init__(self, cat: Catalogue, schema: Schema, lang: str, base_url: str = "/"):
        self.cat, self.schema, self.lang = cat, schema, lang
        self.f = Formatter(cat, schema, lang)
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self._items: dict = {}  # list items by (slug, depth): see list_item
        self.env = environment(f=self.f)

    @cached_property
    def shared(self) -> dict:
        """The shared figures of each entry: {slug: [(id, record)]}."""
        return index.shared_figures(self.cat)

    @cached_property
    def groups(self) -> dict:
        """Entries by index value, per dimension; made when a page first needs it."""
        return index.group(self.cat)

    def render(self, template: str, **values) -> str:
        return self.env.get_template(template).render(**values)

    def url(self, page: str, lang: str | None = None) -> str:
        """The absolute, permanent URL of a generated page in a language (this one by default)."""
        return urls.absolute(self.base_url, page, lang or self.lang)

    def text_lang(self, e: Entry) -> str:
        """The language the entry's text is shown in on this language's pages."""
        return self.lang if self.lang in e.files else e.files_lang()

    # ------------------------------------------------------------------ lists of entries
    def list_item(self, e: Entry, depth: int, pick: bool = False) -> Markup:
        """An entry in a list, as seen from a page `depth` folders deep (pick: with its "Compare" box, which
        the filter panel's script wires). An entry appears in a dozen lists, all at one of two depths, so the
        HTML is made once per depth."""
        key = (e.slug, depth, pick)
        if key not in self._items:
            summary = self.f.text({lang: e.text[lang]["summary"] for lang in e.files})
            self._items[key] = Markup(self.render("list_item.html", e=e, to_root="../" * depth, summary=summary,
                                                  title=self.f.entry_text(e, "title"), line=self.f.list_line(e),
                                                  pick=pick))
        return self._items[key]

    def entry_list(self, entries, here: str, ordered: bool = False, pick: bool = False) -> Markup:
        """A list of entries by title (ordered: already in their order)."""
        depth = urls.url_of(here).count("/")
        items = [self.list_item(e, depth, pick) for e in (entries if ordered else self.f.by_title(entries))]
        return Markup(self.render("entry_list.html", items=items))

    def list_pages(self, here: str, title: str, lead, entries, after="", pick: bool = False) -> dict[str, str]:
        """A list of entries (by title) as pages of PAGE_SIZE at most: here, then here's page/2, page/3...
        each with its front matter, the total, and links to the others; the lead (before the list), after
        (below it) and the entries' "Compare" boxes (pick) only on the first."""
        entries = self.f.by_title(entries)
        out = {}
        for part in paginate(here, entries):
            page_title = self.page_title(title, part)
            out[part.path] = front_matter(page_title) + self.render(
                "list_page.html", title=page_title, lead=lead if part.n == 1 else "",
                after=after if part.n == 1 else "", total=len(entries), nav=part.nav, first=part.first,
                last=part.last, entry_list=self.entry_list(part.items, part.path, ordered=True,
                                                          pick=pick and part.n == 1))
        return out

    def page_title(self, title: str, part: Part) -> str:
        """A long list's first page keeps the list's title; the others say which page they are."""
        return title if part.n == 1 else self.f.t("list_page_title", title=title, n=part.n, total=part.pages)

    # ------------------------------------------------------------------ an entry's parts
    def fact_box(self, e: Entry, here: str, id_prefix: str = "") -> Markup:
        return Markup(self.render("facts.html", rows=facts.fact_rows(self.f, e, here), id_prefix=id_prefix,
                                  label=self.f.t("facts")))

    def figures_table(self, figures: list, here: str, row_id: str, id_prefix: str = "", also=None) -> Markup:
        """A table of figures with their year and source (see templates/figures_table.html); also: for shared
        figures, the other entries each covers."""
        rows = facts.figure_rows(self.f, figures, here)
        if not rows:
            return Markup("")
        with_women = any(row[4] for row in rows)  # the column only where some figure has it
        columns = ["figure", "what"] + (["women_share"] if with_women else []) + (["shared_with"] if also else [])
        return Markup(self.render("figures_table.html", rows=rows, id_prefix=id_prefix, with_women=with_women,
                                  row_id=row_id, also=also, heads=[self.f.t(k) for k in columns + ["year", "source"]]))

    def figure_boxes(self, e: Entry, here: str, hashes: str, id_prefix: str) -> list[str]:
        """The entry's context figures and the figures it shares with others, each under its own heading (as
        Markdown): never among its results."""
        boxes, t = [], self.f.t
        context = e.facts.get("context_figures") or []
        shared = self.shared.get(e.slug, [])
        for anchor, title, lead, table in (
                ("context-figures", t("context_figures_title"), t("context_figures_lead"),
                 context and self.figures_table(context, here, "context", id_prefix)),
                ("shared-figures", t("shared_figures_title"), t("shared_figures_lead"),
                 shared and self.figures_table([rec for _, rec in shared], here, "shared", id_prefix,
                                               also=facts.shared_with(self.f, shared, e, here)))):
            if table:
                boxes.append(f"{hashes} {escape(title)} {{#{id_prefix}{anchor}}}\n\n{escape(lead)}\n\n{table}")
        return boxes

    def entry_body(self, e: Entry, here: str, level: int = 2, id_prefix: str = "") -> Markup:
        """The entry's prose as Markdown, one section per field with its stable anchor, and the results table.
        On pages other than the entry's own (a collection's print page), links to entries are re-pointed.
        Markdown, not HTML, so it is put together here rather than in a template; the contributor's text goes
        in as written (see render.contributor_markdown)."""
        lang = self.text_lang(e)
        hashes, parts = "#" * level, []
        table = self.figures_table(e.facts.get("results") or [], here, "result", id_prefix)
        if e.lead.get(lang):
            parts.append(e.lead[lang] + "\n")
        for key, text in e.sections[lang].items():
            if level > 2:  # the section's own sub-headings move down with it
                text = _SUBHEADING.sub(lambda m: "#" * (len(m.group(1)) + level - 2) + " ", text)
            parts.append(f"{hashes} {escape(self.f.label('section', key))} {{#{id_prefix}{key}}}\n\n{text}\n")
            if key == "results":
                parts.append(table + "\n")
        if "results" not in e.sections[lang] and e.facts.get("results"):
            parts.append(f"{hashes} {escape(self.f.label('section', 'results'))} {{#{id_prefix}results}}\n\n" + table)
        parts += self.figure_boxes(e, here, hashes, id_prefix)
        body = "\n".join(parts)
        if not here.startswith("entries/"):
            prefix = urls.file_up(here) + "entries/"
            body = _ENTRY_LINK.sub(lambda m: f"]({prefix}{m.group(1)}.md{m.group(2) or ''})", body)
            body = body.replace("](images/", f"]({prefix}images/")
        if lang != self.lang:  # shown in the other language: say so to browsers and screen readers
            body = f'<div lang="{lang}" markdown>\n\n{body}\n</div>\n'
        return contributor_markdown(body + "\n")

    # ------------------------------------------------------------------ page shapes
    def table_page(self, here: str, title: str, head: list, rows: list, lead="") -> str:
        """A page that is one wide table. Wide tables get the whole width: Material hides the sidebars on pages
        that ask."""
        return self.render("table_page.html", title=title, head=head, rows=rows, lead=lead)

    def link_box(self, page: str) -> Markup:
        """The page's permanent URL and the same page in the other language, ready to copy. Markdown (its text
        in code blocks), so it is written here rather than in a template."""
        other = self.url(page, other_language(self.lang))
        t = self.f.t
        return Markup(f'<div class="ce-links" markdown>\n\n{escape(t("permalink"))}\n\n{code_block(self.url(page))}\n\n'
                      f'{escape(t("other_language"))}\n\n{code_block(other)}\n\n</div>\n')
