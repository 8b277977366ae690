"""How the site writes things in one language: labels, country and organisation names, periods, figures.

A Formatter answers in plain text; the templates escape it. Every page, the browser data, the exports and the
feed format through it, so each rule (a period, a figure with its unit, the line under an entry's title) is
written once."""
from __future__ import annotations

from typing import NamedTuple

from . import i18n
from .model import NOT_STATED, Catalogue, Entry
from .schema import Schema


class Text(NamedTuple):
    """A text shown in a page of another language when there is no translation: lang says which, else None."""

    text: str
    lang: str | None = None


class Formatter:
    def __init__(self, cat: Catalogue, schema: Schema, lang: str):
        self.cat, self.schema, self.lang = cat, schema, lang

    def t(self, key: str, **values) -> str:
        """An interface string of data/ui.yml."""
        return i18n.ui(key, self.lang, **values)

    def label(self, vocab: str, term, plural: bool = False) -> str:
        return self.schema.label(vocab, term, self.lang, plural)

    def labels(self, vocab: str, terms) -> str:
        return ", ".join(self.label(vocab, t) for t in terms or [])

    def field_title(self, name: str) -> str:
        return self.schema.field_title(name, self.lang)

    def number(self, value) -> str:
        return i18n.number(value, self.lang)

    def date(self, value) -> str:
        """A year, a year-month or a full date, written out: 2016, julio de 2016 / July 2016."""
        return i18n.partial_date(value, self.lang)

    def country(self, code: str) -> str:
        return i18n.country(code, self.lang)

    def countries(self, codes) -> str:
        return ", ".join(self.country(c) for c in codes)

    def text(self, texts: dict) -> Text:
        """A {es, en} text in this language, or in the other one marked with its language."""
        if self.lang in texts:
            return Text(texts[self.lang])
        other, value = next(iter(texts.items()))
        return Text(value, other)

    def entry_text(self, e: Entry, name: str) -> Text:
        """An entry's text field (title, short_title, summary) in this language, or marked with the language it
        is shown in when the entry has no translation yet."""
        if e.has_language(self.lang):
            return Text(e.localized(self.lang, name) if name != "short_title" else e.short_title(self.lang))
        value = e.title(self.lang) if name == "title" else e.short_title(self.lang) if name == "short_title" else \
            e.localized(self.lang, name)
        return Text(value, e.files_lang())

    @staticmethod
    def one_line(text: str, limit: int = 150) -> str:
        """The first sentence of a text, cut at a word near limit characters: a card's one-line summary."""
        end = next((i + 1 for i, c in enumerate(text) if c in ".!?" and (i + 1 == len(text) or text[i + 1] == " ")),
                   len(text))
        first = text[:end].strip()
        if len(first) <= limit:
            return first
        cut = first[:limit].rsplit(" ", 1)[0]
        return cut.rstrip(" ,;:") + "…"

    def plain(self, texts: dict) -> str:
        """A {es, en} text in this language, or in the other one, unmarked (for titles and attributes)."""
        return texts.get(self.lang) or next(iter(texts.values()))

    def org_name(self, oid: str) -> str:
        rec = self.cat.organisations[oid]
        name = self.plain(rec["name"])
        return f'{name} ({rec["acronym"]})' if rec.get("acronym") and rec["acronym"] not in name else name

    def source_short(self, sid: str) -> str:
        return self.plain(self.cat.sources[sid]["short"])

    def value_name(self, dim: str, value) -> str:
        """The name of one value of an index dimension, as its page and the filters show it."""
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

    def by_title(self, entries) -> list[Entry]:
        return sorted(entries, key=lambda e: e.short_title(self.lang).casefold())

    def period(self, e: Entry) -> str:
        """"2013–2015", "desde 2012" / "since 2012", or what the source does not state."""
        p = e.facts.get("period")
        if p == NOT_STATED:
            return self.t("period_not_stated")
        if p.get("end") == NOT_STATED:
            return self.t("period_end_not_stated", start=p["start"])
        if p.get("end") is None:
            return self.t("period_open", start=p["start"])
        if p["end"] == p["start"]:
            return str(p["start"])
        return self.t("period_range", start=p["start"], end=p["end"])

    def status(self, e: Entry) -> str:
        """"en curso en 2016, según Informe OIT" / "under way as of 2016, according to ILO report"."""
        st = e.facts["status"]
        if st == NOT_STATED:
            return self.t("status_not_stated")
        status, source = self.label("status", st["value"]), self.source_short(st["source"])
        if st["as_of"] == NOT_STATED:
            return self.t("status_reported_undated", status=status, source=source)
        return self.t("status_reported", status=status, source=source, date=self.date(st["as_of"]))

    def status_short(self, e: Entry) -> str:
        """"en curso (2016)": the status with its date, for comparison tables."""
        st = e.facts["status"]
        if st == NOT_STATED:
            return self.t("status_not_stated")
        if st["as_of"] == NOT_STATED:
            return self.t("status_short_undated", status=self.label("status", st["value"]))
        return f'{self.label("status", st["value"])} ({self.date(st["as_of"])})'

    def status_value(self, e: Entry) -> str:
        """The status as a code, for filters and data: a status term, or not_stated."""
        st = e.facts["status"]
        return st["value"] if isinstance(st, dict) else NOT_STATED

    def list_line(self, e: Entry) -> str:
        """The line under an entry's title in lists: "Programa · Colombia, Perú · 2010–2015"."""
        countries = self.countries(e.facts["countries"]) or self.t("countries_not_stated")
        return " · ".join([self.label("kind", e.kind), countries, self.period(e)])

    def scope(self, item: dict) -> str:
        """"Recomendada para: Bolivia, Colombia, según OIT 2016": countries a source names without documenting
        use there."""
        return self.t("scope_item", basis=self.label("scope_basis", item["basis"]),
                      countries=self.countries(sorted(item["countries"], key=self.country)),
                      source=self.source_short(item["source"]))

    def year(self, fig: dict) -> str:
        """A figure's year: as the source gives it, marked when inferred, or "year not stated"."""
        if fig.get("year") is None:
            return self.t("year_not_stated")
        if fig.get("year_inferred"):
            return self.t("year_inferred", year=fig["year"], reason=self.plain(fig["year_inferred"]))
        return str(fig["year"])

    def quantity(self, value, unit: str) -> str:
        """A value with its unit: 69.573 trabajadores / 69,573 workers / 43 % / 1.000.000 US$."""
        return i18n.quantity(value, unit, self.schema.unit_format(unit), self.label("unit", unit), self.lang)

    def figure(self, res: dict, with_unit: bool = True) -> str:
        """A result's figure with its qualifier: "más de 4.546 empresas" / "more than 4,546 enterprises"."""
        text = self.quantity(res["value"], res["unit"]) if with_unit else self.number(res["value"])
        qualifier = self.label("qualifier", res.get("qualifier", "exact"))
        return f"{qualifier} {text}" if qualifier else text

    def key_figure(self, res: dict) -> str:
        """A key result's figure in running text, where the description names what is counted: a count is
        shown without its unit label, a percentage or an amount with it."""
        return self.figure(res, with_unit=self.schema.unit_format(res["unit"]) != "count")

    def key_results(self, e: Entry) -> list[tuple[str, Text]]:
        """(figure, what it counts) of each key result of an entry."""
        return [(self.key_figure(r), self.text(r["what"])) for r in e.facts.get("results") or [] if r.get("key")]

    def women_share(self, res: dict) -> str:
        return self.quantity(res["women_share"], "percent") if "women_share" in res else ""

    def indicator_value(self, ind: dict) -> str:
        """A country indicator's value with its qualifier: people are counted without a unit label (the
        indicator names them)."""
        text = self.number(ind["value"]) if ind["unit"] == "people" else self.quantity(ind["value"], ind["unit"])
        qualifier = self.label("qualifier", ind.get("qualifier", "exact"))
        return f"{qualifier} {text}" if qualifier else text

    def indicator_year(self, ind: dict) -> str:
        return str(ind.get("year") or self.t("latest_available"))
