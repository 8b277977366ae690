"""Turn a validated catalogue into the Markdown of every generated page, for one language.

Pure functions: catalogue and schema in, {page path: Markdown} out. Page paths have no language suffix
("entries/score", "countries/index"); the writer adds ".es.md" / ".en.md".
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property

import markdown

from . import charts, feed, i18n
from .html import a, esc, front_matter, rel, url_of
from .model import Catalogue, Entry
from .schema import Schema

# Index dimensions: URL folder, the fact they group by, and how a value is named.
DIMENSIONS = ("countries", "themes", "target_groups", "methodologies", "organisations", "sdgs", "years")
FOLDERS = {"countries": "countries", "themes": "themes", "target_groups": "target-groups",
           "methodologies": "methodologies", "organisations": "organisations", "sdgs": "sdgs", "years": "years"}
# Every top-level folder (and root page) the generator writes, so the writer can prune and git can ignore them.
GENERATED_ROOTS = ("index", "entries", "kinds", "compare", "sources", "instruments", "collections", "contribute",
                   *FOLDERS.values())


def slugify(term) -> str:
    return str(term).lower().replace("_", "-")


class Pages:
    """Generates the pages of one language. Holds the inputs only; every method returns Markdown."""

    def __init__(self, cat: Catalogue, schema: Schema, lang: str, base_url: str = "/"):
        self.cat, self.schema, self.lang = cat, schema, lang
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self._items: dict = {}  # list items by (slug, depth): see list_item

    # ------------------------------------------------------------------ helpers
    def t(self, key, **values):
        return i18n.ui(key, self.lang, **values)

    def label(self, vocab, term, plural=False):
        return self.schema.label(vocab, term, self.lang, plural)

    def country(self, code):
        return i18n.country(code, self.lang)

    def org_name(self, oid):
        rec = self.cat.organisations[oid]
        name = rec["name"].get(self.lang) or next(iter(rec["name"].values()))
        return f'{name} ({rec["acronym"]})' if rec.get("acronym") and rec["acronym"] not in name else name

    def source_short(self, sid):
        short = self.cat.sources[sid]["short"]
        return short.get(self.lang) or next(iter(short.values()))

    def value_name(self, dim, value):
        if dim == "countries":
            return self.country(value)
        if dim == "themes":
            return self.label("theme", value)
        if dim == "target_groups":
            return self.label("target_group", value)
        if dim == "methodologies":
            return self.cat.entries[value].short_title(self.lang)
        if dim == "organisations":
            return self.org_name(value)
        if dim == "sdgs":
            return f'{value}. {self.label("sdg", str(value))}'
        return str(value)

    def value_page(self, dim, value):
        return f"{FOLDERS[dim]}/{slugify(value)}"

    def period(self, e: Entry) -> str:
        p = e.facts.get("period", {})
        if p.get("end") is None:
            return self.t("period_open", start=p["start"])
        if p["end"] == p["start"]:
            return str(p["start"])
        return self.t("period_range", start=p["start"], end=p["end"])

    def figure(self, res, with_unit=True) -> str:
        unit = res["unit"]
        text = (i18n.quantity(res["value"], unit, self.schema.unit_format(unit), self.label("unit", unit), self.lang)
                if with_unit else i18n.number(res["value"], self.lang))
        qualifier = self.label("qualifier", res.get("qualifier", "exact"))
        return f"{qualifier} {text}" if qualifier else text

    def text_in_lang(self, texts: dict) -> str:
        """A {es, en} text in this language, or in the other one marked with its language."""
        if self.lang in texts:
            return esc(texts[self.lang])
        other, value = next(iter(texts.items()))
        return f'<span lang="{other}">{esc(value)}</span>'

    def text_in_lang_plain(self, texts: dict) -> str:
        return texts.get(self.lang) or next(iter(texts.values()))

    def indicator_value(self, ind) -> str:
        unit = ind["unit"]
        fmt = self.schema.unit_format(unit)
        label = self.label("unit", unit)
        return i18n.quantity(ind["value"], unit, fmt, label, self.lang) if unit != "people" else i18n.number(ind["value"], self.lang)

    def context_section(self, code, here) -> str:
        """A country's indicators and MSME classification, each figure with its year and source."""
        rec = self.cat.context.get(code)
        if not rec:
            return ""
        out = [f'<h2 id="context">{esc(self.t("context"))}</h2>\n']
        if rec.get("context"):
            out.append(f"<p>{self.text_in_lang(rec['context'])}</p>\n")
        rows = []
        for ind in rec["indicators"]:
            note = f'<br><span class="ce-meta">{self.text_in_lang(ind["note"])}</span>' if ind.get("note") else ""
            year = ind.get("year") or self.t("latest_available")
            rows.append(f'<tr><th scope="row">{esc(self.label("indicator", ind["indicator"]))}{note}</th>'
                        f'<td class="ce-num">{esc(self.indicator_value(ind))}</td><td>{esc(year)}</td>'
                        f'<td>{a(rel(here, "sources/index", ind["source"]), esc(self.source_short(ind["source"])))}</td></tr>')
        head = "".join(f'<th scope="col">{esc(self.t(k))}</th>' for k in ("indicator", "value", "year", "source"))
        out.append(f'<div class="ce-results"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows)
                   + "\n</tbody>\n</table></div>\n")
        msme = rec.get("msme_classification")
        if msme:
            cells = [self.text_in_lang(msme[k]) if msme.get(k) else "" for k in ("criterion", "micro", "small", "medium")]
            head = "".join(f'<th scope="col">{esc(self.t(k))}</th>' for k in ("criterion", "micro", "small", "medium", "source"))
            src = a(rel(here, "sources/index", msme["source"]), esc(self.source_short(msme["source"])))
            out.append(f'<h3 id="msme">{esc(self.t("msme_classification"))}</h3>\n<div class="ce-results"><table>\n'
                       f'<thead><tr>{head}</tr></thead>\n<tbody><tr>{"".join(f"<td>{c}</td>" for c in cells)}'
                       f"<td>{src}</td></tr></tbody>\n</table></div>\n")
            if msme.get("note"):
                out.append(f'<p class="ce-meta">{self.text_in_lang(msme["note"])}</p>\n')
        return "".join(out)

    def compare_countries(self) -> str:
        here, title = "compare/countries", self.t("compare_countries")
        codes = sorted(self.cat.context, key=self.country)
        indicators = [i for i in self.schema.terms("indicator")
                      if any(ind["indicator"] == i for c in codes for ind in self.cat.context[c]["indicators"])]
        rows = []
        for term in indicators:
            cells = []
            for c in codes:
                found = [ind for ind in self.cat.context[c]["indicators"] if ind["indicator"] == term]
                cells.append("<td class=\"ce-num\">" + "<br>".join(
                    f'{esc(self.indicator_value(ind))} <span class="ce-meta">({esc(ind.get("year") or self.t("latest_available"))}, '
                    f'{a(rel(here, "sources/index", ind["source"]), esc(self.source_short(ind["source"])))})</span>'
                    for ind in found) + "</td>")
            rows.append(f'<tr><th scope="row">{esc(self.label("indicator", term))}</th>{"".join(cells)}</tr>')
        head = [self.t("indicator")] + [self.country(c) for c in codes]
        lead = f"<p>{esc(self.t('compare_countries_lead'))}</p>\n"
        return self._table_page(here, title, head, rows, lead)

    def instrument_pages(self) -> dict:
        here, title = "instruments/index", self.t("instruments")
        pages = {}
        citing = defaultdict(list)
        for e in self.cat.entries.values():
            for i in e.facts.get("instruments") or []:
                citing[i].append(e)
        items = "".join(f'<li>{a(rel(here, "instruments/" + i), esc(self.text_in_lang_plain(rec["title"])))} '
                        f'({esc(self.label("instrument_type", rec["type"]))}, {rec["year"]})</li>'
                        for i, rec in sorted(self.cat.instruments.items(), key=lambda kv: kv[1]["year"]))
        pages[here] = front_matter(title) + f"<h1>{esc(title)}</h1>\n<p>{esc(self.t('instruments_lead'))}</p>\n<ul>{items}</ul>\n"
        for i, rec in self.cat.instruments.items():
            page = f"instruments/{i}"
            name = self.text_in_lang_plain(rec["title"])
            points = "".join(f"<li>{self.text_in_lang(p)}</li>" for p in rec.get("points", []))
            link = f'<p>{a(rec["url"], esc(self.t("official_text")))}</p>\n' if rec.get("url") else ""
            src = a(rel(page, "sources/index", rec["source"]), esc(self.source_short(rec["source"])))
            body = (f'<p class="ce-meta">{esc(self.label("instrument_type", rec["type"]))}, {rec["year"]} · '
                    f'{esc(self.t("source"))}: {src}</p>\n<p>{self.text_in_lang(rec["summary"])}</p>\n'
                    + (f'<h2 id="points">{esc(self.t("main_points"))}</h2>\n<ul>{points}</ul>\n' if points else "") + link)
            lst = (f'<h2 id="entries">{esc(self.t("entries_citing"))}</h2>\n' + self.entry_list(citing[i], page)
                   if citing[i] else "")
            pages[page] = front_matter(name) + f"<h1>{esc(name)}</h1>\n" + body + lst
        return pages

    @cached_property
    def groups(self) -> dict:
        """Entries by index value, per dimension; made when a page first needs it (the collection and contributor
        pages never do)."""
        groups = {dim: defaultdict(list) for dim in DIMENSIONS}
        for e in self.cat.entries.values():
            f = e.facts
            for dim in ("countries", "themes", "target_groups", "sdgs"):
                for v in f.get(dim) or []:
                    groups[dim][v].append(e)
            for m in f.get("methodologies") or []:
                groups["methodologies"][m].append(e)
            if e.kind == "methodology":
                groups["methodologies"][e.slug].append(e)
            for o in {o["id"] for o in f.get("organisations") or []} | set(f.get("developed_by") or []):
                groups["organisations"][o].append(e)
            for y in e.years():
                groups["years"][y].append(e)
        return groups

    # ------------------------------------------------------------------ pieces
    def by_title(self, entries) -> list:
        return sorted(entries, key=lambda e: e.short_title(self.lang).casefold())

    def entry_list(self, entries, here) -> str:
        items = [self.list_item(e, url_of(here).count("/")) for e in self.by_title(entries)]
        return '<ul class="ce-list">\n' + "\n".join(items) + "\n</ul>\n"

    def list_item(self, e: Entry, depth: int) -> str:
        """An entry in a list, as seen from a page `depth` folders deep. An entry appears in a dozen lists,
        all at one of two depths, so the HTML is made once per depth."""
        key = (e.slug, depth)
        if key not in self._items:
            meta = self.list_line(e)
            self._items[key] = (
                f'<li>{a("../" * depth + "entries/" + e.slug + "/", esc(e.title(self.lang)))}'
                f'<br><span class="ce-meta">{esc(meta)}</span>'
                f'<br><span class="ce-summary">{self.text_in_lang({l: e.text[l]["summary"] for l in e.files})}</span></li>')
        return self._items[key]

    def list_line(self, e: Entry) -> str:
        """The line under an entry's title in lists, as plain text: kind · countries · period."""
        return " · ".join([self.label("kind", e.kind), ", ".join(self.country(c) for c in e.facts["countries"]),
                           self.period(e)])

    def links(self, dim, values, here) -> str:
        return ", ".join(a(rel(here, self.value_page(dim, v)), esc(self.value_name(dim, v))) for v in values)

    def results_table(self, e: Entry, here, only_key=False, id_prefix="") -> str:
        results = [(i, r) for i, r in enumerate(e.facts.get("results") or []) if r.get("key") or not only_key]
        if not results:
            return ""
        with_women = any("women_share" in r for _, r in results)  # the column only where some figure has it
        columns = ["figure", "what"] + (["women_share"] if with_women else []) + ["year", "source"]
        rows = []
        for i, r in results:
            women = i18n.quantity(r["women_share"], "percent", "percent", "%", self.lang) if "women_share" in r else ""
            cells = [f'<td class="ce-num">{esc(self.figure(r))}</td>', f'<td>{self.text_in_lang(r["what"])}</td>']
            if with_women:
                cells.append(f'<td class="ce-num">{esc(women)}</td>')
            cells += [f'<td>{r["year"]}</td>',
                      f'<td>{a(rel(here, "sources/index", r["source"]), esc(self.source_short(r["source"])))}</td>']
            rows.append(f'<tr id="{id_prefix}result-{i + 1}">{"".join(cells)}</tr>')
        head = "".join(f'<th scope="col">{esc(self.t(k))}</th>' for k in columns)
        # Material styles only class-less tables, so the class goes on a wrapper.
        return (f'<div class="ce-results">\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows)
                + "\n</tbody>\n</table>\n</div>\n")

    def key_results(self, e: Entry) -> str:
        # In running text the description names what is counted, so a count is shown without its unit label.
        items = [f"<li><strong>{esc(self.figure(r, with_unit=self.schema.unit_format(r['unit']) != 'count'))}</strong> "
                 f"{self.text_in_lang(r['what'])}</li>" for r in e.facts.get("results") or [] if r.get("key")]
        return f'<ul class="ce-key">{"".join(items)}</ul>' if items else ""

    def fact_box(self, e: Entry, here, id_prefix="") -> str:
        f, rows = e.facts, []

        def row(name, html_value):  # each field gets an anchor named after its key, the same in both languages
            if html_value:
                rows.append(f'<dt id="{id_prefix}{name}">{esc(self.schema.field_title(name, self.lang))}</dt><dd>{html_value}</dd>')

        row("kind", a(rel(here, f"kinds/{e.kind}"), esc(self.label("kind", e.kind))))
        if e.kind == "methodology":
            row("international_names", "<br>".join(esc(n) for n in f.get("international_names", [])))
            row("audience", esc(", ".join(self.label("target_group", g) for g in f.get("audience", []))))
            row("formats", esc(", ".join(self.label("format", g) for g in f.get("formats", []))))
            modules = e.localized(self.lang, "modules") or []
            row("modules", '<ol class="ce-modules">' + "".join(f"<li>{esc(m)}</li>" for m in modules) + "</ol>")
            row("developed_by", self.links("organisations", f.get("developed_by", []), here))
        row("countries", self.links("countries", f["countries"], here))
        row("places", esc(", ".join(f'{p["name"]} ({self.country(p["country"])})' for p in f.get("places", []))))
        row("period", esc(self.period(e)))
        st = f["status"]
        row("status", esc(self.t("status_reported", status=self.label("status", st["value"]),
                                    source=self.source_short(st["source"]), date=i18n.partial_date(st["as_of"], self.lang))))
        row("methodologies", self.links("methodologies", f.get("methodologies", []), here))
        row("themes", self.links("themes", f["themes"], here))
        row("target_groups", self.links("target_groups", f["target_groups"], here))
        row("sectors", esc(", ".join(self.label("sector", s) for s in f.get("sectors", []))))
        orgs = [f'{a(rel(here, self.value_page("organisations", o["id"])), esc(self.org_name(o["id"])))} '
                f'<span class="ce-role">({esc(self.label("role", o["role"]))})</span>' for o in f.get("organisations", [])]
        row("organisations", "<br>".join(orgs))
        row("sdgs", self.links("sdgs", f.get("sdgs", []), here))
        row("related", ", ".join(a(rel(here, "entries/" + s), esc(self.cat.entries[s].short_title(self.lang)))
                                 for s in f.get("related", [])))
        row("instruments", "<br>".join(a(rel(here, "instruments/" + i), esc(self.text_in_lang_plain(self.cat.instruments[i]["short"])))
                                       for i in f.get("instruments", [])))
        row("sources", "<br>".join(a(rel(here, "sources/index", s), esc(self.source_short(s))) for s in f["sources"]))
        return f'<dl class="ce-facts" aria-label="{esc(self.t("facts"))}">\n' + "\n".join(rows) + "\n</dl>\n\n"

    # ------------------------------------------------------------------ pages
    def entry_page(self, e: Entry) -> str:
        here = f"entries/{e.slug}"
        lang = self.lang if self.lang in e.files else e.files_lang()
        other = "en" if self.lang == "es" else "es"
        ld = feed.jsonld(e, self.cat, self.schema, self.lang, self.url(here), self.url(here, other))
        out = [front_matter(e.title(self.lang), e.localized(self.lang, "summary"), extra={"jsonld": ld})]
        out.append(f'<h1 id="title">{esc(e.title(self.lang))}</h1>\n\n')
        if self.lang not in e.files:
            out.append(f'!!! warning "{self.t("translation_pending_title")}"\n    {self.t("translation_pending")}\n')
        out.append(f'<p class="ce-summary">{esc(e.localized(self.lang, "summary"))}</p>\n\n')
        out.append(self.fact_box(e, here))
        out.append(self.entry_body(e, here))
        out.append(self.citation(e, here))
        out.append(self.link_box(here))
        return "".join(out)

    def citation(self, e: Entry, here) -> str:
        """APA and BibTeX references to the entry's page in this language, with its permanent URL and the date
        it was last updated. Shown in code blocks, so they copy as typed."""
        import datetime

        updated = datetime.date.fromisoformat(feed.entry_dates(e, self.cat.dates)[1][:10])
        title, url = e.title(self.lang), self.url(here)
        day = i18n.long_date(updated, self.lang)
        apa = f"Compendio ESS. ({i18n.apa_date(updated, self.lang)}). {title}. Compendio ESS. {url}"
        bib_title = re.sub(r"([&%$#_{}])", r"\\\1", title)
        bibtex = "\n".join([
            f"@misc{{compendio-ess-{e.slug}-{self.lang},",
            "  author       = {{Compendio ESS}},",
            f"  title        = {{{bib_title}}},",
            f"  year         = {{{updated.year}}},",
            f"  howpublished = {{\\url{{{url}}}}},",
            f"  note         = {{{self.t('retrieved', date=day)}}},",
            f"  language     = {{{'spanish' if self.lang == 'es' else 'english'}}}",
            "}",
        ])
        return (f'\n## {self.t("cite")} {{#cite}}\n\n{self.t("cite_apa")}\n\n```text\n{apa}\n```\n\n'
                f'{self.t("cite_bibtex")}\n\n```text\n{bibtex}\n```\n\n')

    def entry_body(self, e: Entry, here, level=2, id_prefix="") -> str:
        """The entry's prose as Markdown, one section per field with its stable anchor, and the results table.
        On pages other than the entry's own (a collection's print page), links to entries are re-pointed."""
        lang = self.lang if self.lang in e.files else e.files_lang()
        hashes, body = "#" * level, []
        if e.lead.get(lang):
            body.append(e.lead[lang] + "\n")
        for key, text in e.sections[lang].items():
            if level > 2:  # the section's own sub-headings move down with it
                text = re.sub(r"^(#{3,5}) ", lambda m: "#" * (len(m.group(1)) + level - 2) + " ", text, flags=re.M)
            body.append(f"{hashes} {self.label('section', key)} {{#{id_prefix}{key}}}\n\n{text}\n")
            if key == "results":
                body.append(self.results_table(e, here, id_prefix=id_prefix) + "\n")
        if "results" not in e.sections[lang] and e.facts.get("results"):
            body.append(f"{hashes} {self.label('section', 'results')} {{#{id_prefix}results}}\n\n"
                        + self.results_table(e, here, id_prefix=id_prefix))
        text = "\n".join(body)
        if not here.startswith("entries/"):
            prefix = "../" * here.count("/") + "entries/"
            text = _ENTRY_LINK.sub(lambda m: f"]({prefix}{m.group(1)}.md{m.group(2) or ''})", text)
            text = text.replace("](images/", f"]({prefix}images/")
        if lang != self.lang:  # shown in the other language: say so to browsers and screen readers
            text = f'<div lang="{lang}" markdown>\n\n{text}\n</div>\n'
        return text + "\n"

    def url(self, page: str, lang: str | None = None) -> str:
        """The absolute, permanent URL of a generated page in a language."""
        lang = lang or self.lang
        return self.base_url + ("" if lang == "es" else f"{lang}/") + url_of(page)

    def link_box(self, page: str) -> str:
        """The page's permanent URL and the same page in the other language, ready to copy."""
        other = "en" if self.lang == "es" else "es"
        return (f'<div class="ce-links" markdown>\n\n{self.t("permalink")}\n\n```text\n{self.url(page)}\n```\n\n'
                f'{self.t("other_language")}\n\n```text\n{self.url(page, other)}\n```\n\n</div>\n')

    def list_page(self, here, title, lead_html, entries) -> str:
        return (front_matter(title) + f"<h1>{esc(title)}</h1>\n" + lead_html +
                f'<p>{esc(self.t("entries_in", n=i18n.number(len(entries), self.lang)))}</p>\n' + self.entry_list(entries, here))

    def world_map(self, here) -> str:
        """The map of entries per country, made at build time; each country with entries links to its page."""
        counts = {c: len(es) for c, es in self.groups["countries"].items()}
        names = {c: self.country(c) for c in i18n.country_names()}
        hrefs = {c: rel(here, self.value_page("countries", c)) for c in counts}
        return f'\n<figure class="ce-map">\n{charts.world_map(counts, names, hrefs, self.lang, self.t("map_title"))}\n</figure>\n\n'

    def timeline(self) -> str:
        counts = {y: len(es) for y, es in self.groups["years"].items()}
        title = self.t("timeline_title")
        return (f'\n<figure class="ce-chart">\n{charts.timeline_chart(counts, title, self.lang)}\n'
                f'<figcaption>{esc(title)}</figcaption>\n</figure>\n\n')

    def dimension_pages(self, dim) -> dict:
        pages, here = {}, f"{FOLDERS[dim]}/index"
        values = sorted(self.groups[dim], key=lambda v: (str(self.value_name(dim, v)).casefold() if dim not in ("sdgs", "years") else v))
        title = self.t(f"by_{dim}")
        visual = self.world_map(here) if dim == "countries" else self.timeline() if dim == "years" else ""
        rows = "".join(f'<tr><td>{a(rel(here, self.value_page(dim, v)), esc(self.value_name(dim, v)))}</td>'
                       f'<td class="ce-num">{i18n.number(len(self.groups[dim][v]), self.lang)}</td></tr>\n' for v in values)
        pages[here] = (front_matter(title) + f"<h1>{esc(title)}</h1>\n{visual}<table>\n<thead><tr><th>{esc(self.t('name'))}</th>"
                       f"<th>{esc(self.t('count_entries'))}</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n")
        for v in values:
            page = self.value_page(dim, v)
            lead = ""
            if dim == "methodologies":
                name = self.value_name(dim, v)
                lead = (f'<p>{a(rel(page, "entries/" + v), esc(self.cat.entries[v].title(self.lang)))} · '
                        f'{a(rel(page, "compare/methodology/" + v), esc(self.t("see_comparison", name=name)))}</p>\n')
            if dim == "countries":
                lead = self.context_section(v, page)
            pages[page] = self.list_page(page, f"{title}: {self.value_name(dim, v)}", lead, self.groups[dim][v])
        return pages

    def kind_pages(self) -> dict:
        here, title = "kinds/index", self.t("by_kind")
        items = "".join(f'<li>{a(rel(here, "kinds/" + k), esc(self.label("kind", k, plural=True)))}: '
                        f'{i18n.number(len(self.cat.by_kind(k)), self.lang)}</li>' for k in self.schema.terms("kind"))
        pages = {here: front_matter(title) + f"<h1>{esc(title)}</h1>\n<ul>{items}</ul>\n"}
        for kind in self.schema.terms("kind"):
            page = f"kinds/{kind}"
            pages[page] = self.list_page(page, self.label("kind", kind, plural=True), "", self.cat.by_kind(kind))
        return pages

    def compare_methodologies(self) -> str:
        here, title = "compare/methodologies", self.t("compare_methodologies")
        head = [self.t("name"), self.schema.field_title("audience", self.lang), self.schema.field_title("formats", self.lang),
                self.schema.field_title("modules", self.lang), self.t("where_used"), self.t("used_by")]
        rows = []
        for m in self.by_title(self.cat.by_kind("methodology")):
            users = self.by_title(e for e in self.groups["methodologies"][m.slug] if e.slug != m.slug)
            where = sorted({c for e in users for c in e.facts["countries"]} or set(m.facts["countries"]),
                           key=self.country)
            modules = m.localized(self.lang, "modules") or []
            rows.append("<tr>" + "".join([
                f'<th scope="row">{a(rel(here, "entries/" + m.slug), esc(m.short_title(self.lang)))}</th>',
                f'<td>{esc(", ".join(self.label("target_group", g) for g in m.facts.get("audience", [])))}</td>',
                f'<td>{esc(", ".join(self.label("format", g) for g in m.facts.get("formats", [])))}</td>',
                f'<td>{esc(self.t("module_count", n=len(modules)))}<ol>{"".join(f"<li>{esc(x)}</li>" for x in modules)}</ol></td>',
                f'<td>{self.links("countries", where, here)}</td>',
                f'<td>{", ".join(a(rel(here, "entries/" + e.slug), esc(e.short_title(self.lang))) for e in users)}</td>',
            ]) + "</tr>")
        return self._table_page(here, title, head, rows)

    PROGRAMME_FIELDS = ("countries", "period", "methodologies", "funders", "key_results")

    def cell(self, e: Entry, name: str, here) -> str:
        """One field of an entry as the HTML of a comparison cell (names from schema/vocabularies.json compare_field)."""
        f = e.facts
        if name in ("countries", "themes", "target_groups", "sdgs", "methodologies"):
            return self.links(name, f.get(name) or [], here)
        if name == "funders":
            return self.links("organisations", [o["id"] for o in f.get("organisations", []) if o["role"] == "funder"], here)
        if name == "organisations":
            return "<br>".join(f'{esc(self.org_name(o["id"]))} ({esc(self.label("role", o["role"]))})'
                               for o in f.get("organisations", []))
        if name == "key_results":
            return self.key_results(e)
        if name == "period":
            return esc(self.period(e))
        if name == "status":
            st = f["status"]
            return esc(f'{self.label("status", st["value"])} ({i18n.partial_date(st["as_of"], self.lang)})')
        if name == "kind":
            return esc(self.label("kind", e.kind))
        if name == "places":
            return esc(", ".join(p["name"] for p in f.get("places", [])))
        if name in ("sectors", "audience", "formats"):
            vocab = {"sectors": "sector", "audience": "target_group", "formats": "format"}[name]
            return esc(", ".join(self.label(vocab, t) for t in f.get(name, [])))
        if name == "modules":
            return "<ol>" + "".join(f"<li>{esc(m)}</li>" for m in e.localized(self.lang, "modules") or []) + "</ol>"
        if name == "summary":
            return esc(e.localized(self.lang, "summary"))
        lang = self.lang if self.lang in e.files else e.files_lang()
        text = e.sections.get(lang, {}).get(name)  # a body section: its text, as the reader would see it
        return _markdown_html(text, here) if text else ""

    def comparison_rows(self, entries, fields, here) -> list[str]:
        return ["<tr>" + f'<th scope="row">{a(rel(here, "entries/" + e.slug), esc(e.short_title(self.lang)))}</th>'
                + "".join(f"<td>{self.cell(e, name, here)}</td>" for name in fields) + "</tr>" for e in entries]

    def comparison_head(self, fields) -> list[str]:
        return [self.t("name")] + [self.label("compare_field", name) for name in fields]

    def compare_programmes(self) -> str:
        here, title = "compare/programmes", self.t("compare_programmes")
        rows = self.comparison_rows(self.by_title(self.cat.by_kind("programme")), self.PROGRAMME_FIELDS, here)
        return self._table_page(here, title, self.comparison_head(self.PROGRAMME_FIELDS), rows)

    def compare_methodology(self, m: Entry) -> str:
        here = f"compare/methodology/{m.slug}"
        name = m.short_title(self.lang)
        title = self.t("compare_methodology", name=name)
        by_country = defaultdict(list)
        for e in self.groups["methodologies"][m.slug]:
            if e.slug != m.slug:
                for c in e.facts["countries"]:
                    by_country[c].append(e)
        head = [self.t("country"), self.t("entry"), self.schema.field_title("period", self.lang), self.t("key_results")]
        rows = []
        for c in sorted(by_country, key=self.country):
            for e in self.by_title(by_country[c]):
                rows.append("<tr>" + "".join([
                    f'<th scope="row">{a(rel(here, self.value_page("countries", c)), esc(self.country(c)))}</th>',
                    f'<td>{a(rel(here, "entries/" + e.slug), esc(e.short_title(self.lang)))}</td>',
                    f'<td>{esc(self.period(e))}</td>', f'<td>{self.key_results(e)}</td>']) + "</tr>")
        lead = f'<p>{esc(self.t("compare_methodology_lead", name=name))} {a(rel(here, "entries/" + m.slug), esc(m.title(self.lang)))}</p>\n'
        return self._table_page(here, title, head, rows, lead) + self.result_charts(m, by_country)

    def result_charts(self, m: Entry, by_country) -> str:
        """Bar charts of the programmes' key results, one per unit that two or more programmes report."""
        by_unit = defaultdict(list)
        seen = set()
        for c in sorted(by_country, key=self.country):
            for e in self.by_title(by_country[c]):
                for r in e.facts.get("results") or []:
                    if r.get("key") and (e.slug, id(r)) not in seen:
                        seen.add((e.slug, id(r)))
                        by_unit[r["unit"]].append((e.short_title(self.lang), float(r["value"]), self.figure(r)))
        out = []
        for unit, rows in by_unit.items():
            if len(rows) >= 2:
                label = self.label("unit", unit)
                title = self.t("chart_results", name=m.short_title(self.lang), unit=label)
                out.append(f'\n<figure class="ce-chart">\n{charts.bar_chart(rows, title, label, self.lang)}\n'
                           f'<figcaption>{esc(title)}</figcaption>\n</figure>\n')
        return "".join(out)

    def compare_select(self) -> str:
        """The reader's own comparison: compendio.js fills it from ?e=slug1,slug2 (2 to 4 entries)."""
        here, title = "compare/select", self.t("compare_select")
        fallback = (f'<p>{esc(self.t("compare_select_nojs"))} {a(rel(here, "entries/index"), esc(self.t("all_entries")))} · '
                    f'{a(rel(here, "compare/programmes"), esc(self.t("compare_programmes")))}</p>')
        return (front_matter(title, extra={"hide": ["navigation", "toc"]}) + f"<h1>{esc(title)}</h1>\n"
                f'<div id="ce-compare" data-src="../../data/panel.json">{fallback}</div>\n')

    def compare_index(self) -> str:
        here, title = "compare/index", self.t("compare")
        items = [a(rel(here, "compare/select"), esc(self.t("compare_select"))),
                 a(rel(here, "compare/methodologies"), esc(self.t("compare_methodologies"))),
                 a(rel(here, "compare/programmes"), esc(self.t("compare_programmes")))]
        if self.cat.context:
            items.append(a(rel(here, "compare/countries"), esc(self.t("compare_countries"))))
        per = "".join(f'<li>{a(rel(here, "compare/methodology/" + m.slug), esc(self.t("compare_methodology", name=m.short_title(self.lang))))}</li>'
                      for m in self.cat.by_kind("methodology"))
        return (front_matter(title) + f"<h1>{esc(title)}</h1>\n<ul>" + "".join(f"<li>{i}</li>" for i in items) +
                f"</ul>\n<h2>{esc(self.t('compare_methodology_all'))}</h2>\n<ul>{per}</ul>\n")

    def _table_page(self, here, title, head, rows, lead="") -> str:
        thead = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
        # Wide tables get the whole width: Material hides the sidebars on pages that ask.
        return (front_matter(title, extra={"hide": ["navigation", "toc"]}) + f"<h1>{esc(title)}</h1>\n{lead}<div class=\"ce-compare\">\n<table>\n"
                f"<thead><tr>{thead}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n")

    def sources_page(self) -> str:
        here, title = "sources/index", self.t("sources_title")
        items = []
        for sid, s in self.cat.sources.items():
            year = s.get("year") or self.t("no_year")
            place = f'{s["place"]}: ' if s.get("place") else ""
            items.append(f'<li id="{esc(sid)}"><strong>{esc(s["author"])}</strong> ({esc(year)}). <cite>{esc(s["title"])}</cite>. '
                         f'{esc(place + s["publisher"])}. [{esc(s["language"])}]<br>{self.text_in_lang(s["note"])}</li>')
        return front_matter(title) + f"<h1>{esc(title)}</h1>\n<p>{esc(self.t('sources_lead'))}</p>\n<ul class=\"ce-sources\">\n" + "\n".join(items) + "\n</ul>\n"

    def entries_index(self) -> str:
        here, title = "entries/index", self.t("all_entries")
        # docs/javascripts/compendio.js turns this into filters over the lists below (which work without it).
        parts = [front_matter(title), f"<h1>{esc(title)}</h1>\n", '<div id="ce-filter" data-src="../data/panel.json"></div>\n']
        for kind in self.schema.terms("kind"):
            entries = self.cat.by_kind(kind)
            if entries:
                parts.append(f'<h2 id="{kind}">{esc(self.label("kind", kind, plural=True))}</h2>\n' + self.entry_list(entries, here))
        return "".join(parts)

    def home(self) -> str:
        here, cat = "index", self.cat
        n_results = sum(len(e.facts.get("results") or []) for e in cat.entries.values())
        counts = [(len(cat.entries), "count_entries", "entries/index"),
                  (len(self.groups["countries"]), "count_countries", "countries/index"),
                  (n_results, "count_results", "compare/programmes"),
                  (len(cat.sources), "count_sources", "sources/index"),
                  (len(self.groups["organisations"]), "count_organisations", "organisations/index")]
        counts_html = "".join(f'<li>{a(rel(here, page), f"<strong>{i18n.number(n, self.lang)}</strong> {esc(self.t(key))}")}</li>'
                              for n, key, page in counts)
        kinds = "".join(f'<li>{a(rel(here, "kinds/" + k), esc(self.label("kind", k, plural=True)))}: '
                        f'{i18n.number(len(cat.by_kind(k)), self.lang)}</li>' for k in self.schema.terms("kind"))
        browse = "".join(f'<li>{a(rel(here, FOLDERS[d] + "/index"), esc(self.t("by_" + d)))}</li>' for d in DIMENSIONS)
        browse += f'<li>{a(rel(here, "compare/index"), esc(self.t("compare")))}</li>'
        browse += f'<li>{a(rel(here, "instruments/index"), esc(self.t("instruments")))}</li>'
        return (front_matter(self.t("home_title"), self.t("home_lead")) + f'<h1>{esc(self.t("home_title"))}</h1>\n' +
                f'<p class="ce-lead">{esc(self.t("home_lead"))}</p>\n<h2>{esc(self.t("home_counts"))}</h2>\n'
                f'<ul class="ce-counts">{counts_html}</ul>\n<ul class="ce-kinds">{kinds}</ul>\n'
                f'<h2>{esc(self.t("home_browse"))}</h2>\n<ul class="ce-browse">{browse}</ul>\n')

    def own(self) -> dict:
        """The pages this builder makes (subclasses make other pages with the same helpers)."""
        pages = {"index": self.home(), "entries/index": self.entries_index(), "sources/index": self.sources_page(),
                 "compare/index": self.compare_index(), "compare/methodologies": self.compare_methodologies(),
                 "compare/programmes": self.compare_programmes(), "compare/select": self.compare_select()}
        pages.update({f"entries/{e.slug}": self.entry_page(e) for e in self.cat.entries.values()})
        pages.update({f"compare/methodology/{m.slug}": self.compare_methodology(m) for m in self.cat.by_kind("methodology")})
        pages.update(self.kind_pages())
        pages.update(self.instrument_pages())
        if self.cat.context:
            pages["compare/countries"] = self.compare_countries()
        for dim in DIMENSIONS:
            pages.update(self.dimension_pages(dim))
        return pages


_ENTRY_LINK = re.compile(r"\]\(\s*([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[^)\s]*)?\s*\)")


def _markdown_html(text: str, here: str) -> str:
    """A body section as HTML, for a table cell (where MkDocs does not render Markdown). Links between entries
    point to the entry pages; the text was checked for unsafe markup by validate."""
    html = markdown.markdown(text, extensions=["tables"])
    up = "../" * url_of(here).count("/")
    html = html.replace('src="images/', f'src="{up}entries/images/')
    return re.sub(r'href="([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[^"]*)?"',
                  lambda m: f'href="{up}entries/{m.group(1)}/{m.group(2) or ""}"', html)


def generate(cat: Catalogue, schema: Schema, languages=("es", "en"), base_url: str = "/") -> dict[str, str]:
    """Every generated page in every language: {"entries/score.es.md": Markdown, ...}."""
    from .collection_pages import CollectionPages
    from .contribute_pages import ContributePages

    out = {}
    for lang in languages:
        for builder in (Pages, CollectionPages, ContributePages):
            for page, text in builder(cat, schema, lang, base_url).own().items():
                out[f"{page}.{lang}.md"] = text
    return out
