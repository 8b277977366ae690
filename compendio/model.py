"""Plain data passed between load, validate and generate."""
from __future__ import annotations

from dataclasses import dataclass, field

NOT_STATED = "not_stated"  # what an entry says where its source does not state a fact (period, status, a date)


@dataclass
class Entry:
    """One entry once its language files are merged and validated."""

    slug: str
    kind: str
    facts: dict  # language-neutral front matter (countries, period, results...)
    text: dict  # lang -> localized front matter (title, summary, modules...)
    sections: dict  # lang -> {section key: Markdown}
    lead: dict  # lang -> Markdown before the first section
    files: dict  # lang -> source file path, for the languages that exist
    missing: tuple = ()  # languages with no file: shown with a "translation pending" notice

    def title(self, lang: str) -> str:
        return self.text.get(lang, {}).get("title") or self.text[self.files_lang()]["title"]

    def short_title(self, lang: str) -> str:
        return self.localized(lang, "short_title") or self.title(lang)

    def localized(self, lang: str, name: str, default=None):
        """A text field in lang, else in the language the entry was written in."""
        value = self.text.get(lang, {}).get(name)
        if value is None:
            value = self.text.get(self.files_lang(), {}).get(name, default)
        return value

    def has_raw_html(self) -> bool:
        """Whether the text holds raw HTML (or an autolink): anything with a "<"."""
        texts = list(self.lead.values()) + [t for sections in self.sections.values() for t in sections.values()]
        return any("<" in t for t in texts)

    def files_lang(self) -> str:
        return next(iter(self.files))

    def has_language(self, lang: str) -> bool:
        return lang in self.files

    def years(self) -> range:
        """The years the entry is listed under: its period, an open one up to when the source last reported it
        under way; only its start when the source gives no end; none when it gives no period."""
        period, status = self.facts.get("period"), self.facts.get("status")
        if not isinstance(period, dict):
            return range(0)
        start, end = period["start"], period.get("end")
        if end == NOT_STATED:
            end = start
        elif end is None:
            end = start
            if isinstance(status, dict) and status["value"] == "under_way" and status["as_of"] != NOT_STATED:
                end = max(start, int(str(status["as_of"])[:4]))  # open-ended: up to the source's report
        return range(start, end + 1)


@dataclass
class Catalogue:
    """Everything the generators need: entries and the registries they refer to."""

    entries: dict  # slug -> Entry, in a stable order
    organisations: dict  # id -> record
    sources: dict  # id -> record
    context: dict = field(default_factory=dict)  # country code -> indicators and MSME classification
    instruments: dict = field(default_factory=dict)  # id -> international instrument
    collections: dict = field(default_factory=dict)  # slug -> curated list of entries
    shared_figures: dict = field(default_factory=dict)  # id -> a figure several entries share (data/shared_figures.yml)
    dates: dict = field(default_factory=dict)  # practices/<file> -> (first published, last updated), ISO dates

    def by_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]
