"""Pages of collections (data/collections/*.yml): landing, comparison table and one printable page each."""
from __future__ import annotations

from .generate import Pages
from .html import a, esc, front_matter, rel

DEFAULT_COMPARE = ("countries", "period", "methodologies", "funders", "key_results")


class CollectionPages(Pages):
    """The collections' pages of a language."""

    def text(self, texts: dict) -> str:
        return self.text_in_lang_plain(texts)

    def collection_index(self) -> str:
        here, title = "collections/index", self.t("collections")
        items = "".join(f'<li>{a(rel(here, "collections/" + slug), esc(self.text(c["title"])))} '
                        f'({esc(self.t("entries_in", n=len(c["entries"])))})</li>'
                        for slug, c in self.cat.collections.items())
        return front_matter(title) + f"<h1>{esc(title)}</h1>\n<p>{esc(self.t('collections_lead'))}</p>\n<ul>{items}</ul>\n"

    def landing(self, slug: str, c: dict) -> str:
        here = f"collections/{slug}"
        title = self.text(c["title"])
        entries = [self.cat.entries[s] for s in c["entries"]]
        event = f'<p class="ce-meta">{self.text_in_lang(c["event"])}</p>\n' if c.get("event") else ""
        tools = (f'<ul class="ce-tools"><li>{a(rel(here, here + "/compare"), esc(self.t("collection_compare")))}</li>'
                 f'<li>{a(rel(here, here + "/print"), esc(self.t("collection_print")))}</li>'
                 f'<li>{a("entries.csv", esc(self.t("collection_csv")), download=f"{slug}.csv")}</li></ul>\n')
        items = []
        for i, e in enumerate(entries, 1):
            items.append(f'<h2 id="{e.slug}">{i}. {a(rel(here, "entries/" + e.slug), esc(e.title(self.lang)))}</h2>\n'
                         f'<p class="ce-meta">{esc(self.label("kind", e.kind))} · '
                         f'{esc(", ".join(self.country(c) for c in e.facts["countries"]))} · {esc(self.period(e))}</p>\n'
                         f'<p>{self.text_in_lang({l: e.text[l]["summary"] for l in e.files})}</p>\n'
                         f'{self.key_results(e)}\n')
        return (front_matter(title, self.text(c["introduction"])[:300]) + f"<h1>{esc(title)}</h1>\n{event}"
                f'<p class="ce-lead">{self.text_in_lang(c["introduction"])}</p>\n{tools}' + "".join(items)
                + self.link_box(here))

    def compare(self, slug: str, c: dict) -> str:
        here = f"collections/{slug}/compare"
        fields = c.get("compare") or DEFAULT_COMPARE
        entries = [self.cat.entries[s] for s in c["entries"]]
        title = self.t("collection_compare") + ": " + self.text(c["title"])
        back = f'<p>{a(rel(here, f"collections/{slug}"), esc(self.t("collection_of", name=self.text(c["title"]))))}</p>\n'
        return self._table_page(here, title, self.comparison_head(fields), self.comparison_rows(entries, fields, here), back)

    def print_page(self, slug: str, c: dict) -> str:
        """The whole collection on one page, made to be printed or saved as PDF from the browser."""
        here = f"collections/{slug}/print"
        title = self.text(c["title"])
        entries = [self.cat.entries[s] for s in c["entries"]]
        out = [front_matter(self.t("print_title", name=title), extra={"hide": ["navigation", "toc"]}),  # a <title> of its own
               f'<div class="ce-cover">\n<h1>{esc(title)}</h1>\n',
               f'<p class="ce-meta">{self.text_in_lang(c["event"])}</p>\n' if c.get("event") else "",
               f'<p class="ce-lead">{self.text_in_lang(c["introduction"])}</p>\n',
               f'<p class="ce-meta">{esc(self.t("printed_from"))} {a(self.url(f"collections/{slug}"), esc(self.url(f"collections/{slug}")))}</p>\n',
               f'<h2 id="contents">{esc(self.t("contents"))}</h2>\n<ol>'
               + "".join(f'<li>{a("#entry-" + e.slug, esc(e.title(self.lang)))}</li>' for e in entries) + "</ol>\n</div>\n\n"]
        cited = []
        for e in entries:
            prefix = f"{e.slug}-"
            out.append(f'<section class="ce-print-entry" markdown>\n\n<h2 id="entry-{e.slug}">{esc(e.title(self.lang))}</h2>\n\n'
                       f'<p class="ce-summary">{esc(e.localized(self.lang, "summary"))}</p>\n\n'
                       f'<p class="ce-meta">{a(self.url("entries/" + e.slug), esc(self.url("entries/" + e.slug)))}</p>\n\n')
            out.append(self.fact_box(e, here, id_prefix=prefix))
            out.append(self.entry_body(e, here, level=3, id_prefix=prefix))
            out.append("</section>\n\n")
            cited += [s for s in e.facts["sources"] if s not in cited]
        out.append(f'<h2 id="sources">{esc(self.t("sources_cited"))}</h2>\n<ul class="ce-sources">'
                   + "".join(f'<li>{esc(self.cat.sources[s]["author"])} ({esc(self.cat.sources[s].get("year") or self.t("no_year"))}). '
                             f'<cite>{esc(self.cat.sources[s]["title"])}</cite>. {esc(self.cat.sources[s]["publisher"])}.</li>'
                             for s in cited) + "</ul>\n")
        return "".join(out)

    def own(self) -> dict:
        pages = {}
        if self.cat.collections:
            pages["collections/index"] = self.collection_index()
        for slug, c in self.cat.collections.items():
            pages[f"collections/{slug}"] = self.landing(slug, c)
            pages[f"collections/{slug}/compare"] = self.compare(slug, c)
            pages[f"collections/{slug}/print"] = self.print_page(slug, c)
        return pages
