"""Plain data passed between load, validate and generate."""
from __future__ import annotations

from dataclasses import dataclass, field


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
        period = self.facts.get("period", {})
        start = period.get("start")
        end = period.get("end") or period.get("start")
        status = self.facts.get("status", {})
        if period.get("end") is None and status.get("value") == "under_way":
            # Open-ended: count it up to the year the source last reported it.
            end = max(start, int(str(status.get("as_of", start))[:4]))
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
    dates: dict = field(default_factory=dict)  # practices/<file> -> (first published, last updated), ISO dates

    def by_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]
