"""Build the model from the files: one Entry per slug, its language files merged.

Facts (language-neutral front matter) are written once, in either file: the first file that has a fact gives
it. Text fields are per language. A body's `## ` sections are matched to the section keys of the entry's kind
by their heading, in either language, with or without accents. Building reports nothing: compendio/validate.py
checks the same files and says what is wrong."""
from __future__ import annotations

from collections import defaultdict

from .entryfile import EntryFile
from .i18n import LANGUAGES
from .model import Entry
from .schema import Schema
from .text import fold_words


def by_slug(files: list[EntryFile]) -> dict[str, dict[str, EntryFile]]:
    """{slug: {lang: file}}, slugs sorted and each entry's files in the site's language order."""
    grouped: dict[str, dict[str, EntryFile]] = defaultdict(dict)
    for f in files:
        grouped[f.slug][f.lang] = f
    return {slug: {lang: langs[lang] for lang in LANGUAGES if lang in langs} for slug, langs in sorted(grouped.items())}


def facts(files: dict[str, EntryFile], schema: Schema) -> tuple[dict, dict]:
    """(facts, owner): the merged facts, and for each the language of the file it was taken from."""
    localized = schema.localized_fields()
    merged, owner = {}, {}
    for lang, f in files.items():
        for key, value in f.data.items():
            if key not in localized and key not in merged:
                merged[key], owner[key] = value, lang
    return merged, owner


class SectionNames:
    """Folded heading text -> section key, for the sections a kind allows in a language (made once per run)."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self._names: dict = {}

    def __call__(self, kind: str, lang: str) -> dict[str, str]:
        if (kind, lang) not in self._names:
            required, optional = self.schema.sections(kind)
            names = {fold_words(self.schema.label("section", k, lang)): k for k in required + optional}
            names.update({fold_words(k): k for k in required + optional})
            self._names[kind, lang] = names
        return self._names[kind, lang]

    def key(self, kind: str, lang: str, section) -> str | None:
        """The section key a heading stands for, or None. An explicit {#key} wins when it is a key of the kind."""
        required, optional = self.schema.sections(kind)
        if section.key in required + optional:
            return section.key
        return self(kind, lang).get(fold_words(section.heading))


def sections(f: EntryFile, kind: str, names: SectionNames) -> dict[str, str]:
    """{section key: Markdown} of one file, in the kind's order: the recognised sections, the first of any that
    appears twice."""
    required, optional = names.schema.sections(kind)
    found: dict[str, str] = {}
    for sec in f.sections:
        key = names.key(kind, f.lang, sec)
        if key is not None and key not in found:
            found[key] = sec.text
    return {k: found[k] for k in required + optional if k in found}


def entry(slug: str, files: dict[str, EntryFile], merged: dict, schema: Schema, names: SectionNames) -> Entry:
    """The Entry of one slug, from its files and merged facts (whose kind is a valid term)."""
    localized = schema.localized_fields()
    kind = merged["kind"]
    return Entry(
        slug=slug, kind=kind, facts=merged,
        text={lang: {k: v for k, v in f.data.items() if k in localized} for lang, f in files.items()},
        sections={lang: sections(f, kind, names) for lang, f in files.items()},
        lead={lang: f.lead for lang, f in files.items()},
        files={lang: f.path for lang, f in files.items()},
        missing=tuple(lang for lang in LANGUAGES if lang not in files),
    )
