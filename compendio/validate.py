"""Check entry files and data files against the schema and against each other.

Every check appends a Problem and goes on, so one run reports everything. Nothing here raises for bad input, and
nothing here builds the model (compendio/assemble.py does): checks only say what is wrong and how to fix it.
"""
from __future__ import annotations

import re

from . import factrules, yamldata
from .assemble import SectionNames
from .entryfile import EntryFile
from .messages import explain, field_name, missing_fields, missing_message, specific
from .model import Entry
from .problems import Problem, closest, did_you_mean
from .scaffold import PLACEHOLDER
from .schema import Schema
from .text import fold_words

MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!]|javascript\s*:", re.IGNORECASE)
UNSAFE_TAGS = ("script", "iframe", "object", "embed", "style", "form", "input", "meta", "link", "base", "frame",
                "frameset", "applet", "svg", "math")
UNSAFE_BODY = re.compile(
    r"<\s*(?:" + "|".join(UNSAFE_TAGS) + r")\b|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:"
    r"|\bdata\s*:\s*[a-z-]+/[a-z0-9.+-]+",
    re.IGNORECASE,
)
# Attribute lists ({: .class }) may name classes and ids; setting an address or a style there would override
# what the text shows.
_ATTR_LIST = re.compile(r"\{[^{}\n]*?\b(href|src|srcset|style)\s*=", re.IGNORECASE)
RESERVED_SLUGS = {"page"}  # entries/page/2/ is the second page of the list of all entries (urls.list_page)
COUNTRY_ALIASES = {"UK": "GB", "EL": "GR", "EN": "GB"}


class Checker:
    """Collects problems for one run. Holds only what the run was given."""

    def __init__(self, schema: Schema, countries: dict[str, dict[str, str]], names: SectionNames | None = None):
        self.schema = schema
        self.countries = countries  # code -> {"es": name, "en": name}
        self.names = names or SectionNames(schema)
        self.problems: list[Problem] = []

    def add(self, path, line, field, message):
        self.problems.append(Problem(path, line, field, message))

    # --- schema errors, turned into messages a contributor can act on
    def schema_errors(self, validator, data, shown, line_of, prefix=()):
        errors = specific(self.schema.errors(validator, data))
        # A misspelt key is reported as unknown, with the field it meant: that field is not also "missing".
        meant = {(tuple(e.absolute_path), hit) for e in errors if e.validator == "additionalProperties"
                 for k in e.instance if k not in e.schema.get("properties", {})
                 for hit in closest(k, list(e.schema.get("properties", {})))}
        for err in errors:
            if isinstance(err.instance, str) and err.instance.startswith(PLACEHOLDER):
                continue  # reported once, as a placeholder, by _check_plain_text
            path = prefix + tuple(err.absolute_path)
            if err.validator == "additionalProperties":  # one message per unknown key, at its own line
                allowed = list(err.schema.get("properties", {}))
                for key in [k for k in err.instance if k not in allowed]:
                    hint = did_you_mean(key, allowed) or " Allowed here: " + ", ".join(allowed) + "."
                    self.add(shown, line_of(path + (key,)), field_name(path + (key,)), f'unknown field "{key}".{hint}')
                continue
            if err.validator == "required":
                for name in missing_fields(err):
                    if (tuple(err.absolute_path), name) not in meant:
                        self.add(shown, line_of(path), field_name(path), missing_message(name, path))
                continue
            self.add(shown, line_of(path), field_name(path), explain(err, path, self.countries))

    # --- one file
    def check_file(self, f: EntryFile):
        if f.slug in RESERVED_SLUGS:
            self.add(f.path, 1, "", f'the slug "{f.slug}" is reserved for the pages of long lists (entries/page/2/); '
                     "rename the file")
        self.schema_errors(self.schema.file_validator, f.data, f.path, f.line)
        self.check_plain_text(f.data, (), f)
        for sec in [None, *f.sections]:
            text = f.lead if sec is None else sec.text
            base = f.body_line if sec is None else sec.line
            if text.lstrip().startswith(PLACEHOLDER):
                where = sec.heading if sec else "(introduction)"
                self.add(f.path, base, "body", f'the section "{where}" still holds the '
                         "template's TODO; write the text, or delete an optional section")
            lowered = text.lower()
            if not ("<" in lowered or "=" in lowered or "script" in lowered or "data" in lowered):
                continue  # the full pattern is slow on long prose, and most text has none of these
            for m in UNSAFE_BODY.finditer(text):
                line = (sec.text_line if sec else base) + text[: m.start()].count("\n")
                self.add(f.path, line, "body", f'"{m.group(0).strip()}" is not allowed in the text (scripts, '
                         "embedded pages, event handlers and javascript: or data: links are removed for readers' "
                         "safety); delete it or use a plain Markdown link")
            for m in _ATTR_LIST.finditer(text):
                line = (sec.text_line if sec else base) + text[: m.start()].count("\n")
                name = m.group(1).lower()
                if name == "style":
                    self.add(f.path, line, "body", '"style=" is not allowed in the text (a style can cover or disguise '
                             "the page); delete it")
                else:
                    self.add(f.path, line, "body", f'"{name}=" is not allowed in an attribute list {{ ... }}: it would '
                             "replace the address of the link; write the address in the link itself, [text](address)")

    def check_plain_text(self, value, path, f):
        """Front matter is plain text: a template placeholder or markup in a value is reported."""
        if isinstance(value, dict):
            for k, v in value.items():
                self.check_plain_text(v, path + (k,), f)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                self.check_plain_text(v, path + (i,), f)
        elif isinstance(value, str) and value.startswith(PLACEHOLDER):
            self.add(f.path, f.line(path), field_name(path),
                     f'"{value}" is a template placeholder; replace it with the real value')
        elif isinstance(value, str) and ("<" in value or ":" in value) and MARKUP.search(value):
            self.add(f.path, f.line(path), field_name(path),
                     "front matter is plain text: remove the HTML or javascript: (it would be shown as typed, "
                     "not run); put formatting in the Markdown body instead")

    # --- one entry: its files together
    def check_entry_files(self, files: dict[str, EntryFile], merged: dict, owner: dict):
        """Facts written in both files, and the merged facts against the schema."""
        localized = self.schema.localized_fields()
        known = list(self.schema.entry_file["properties"])
        # A misspelt key is already reported as unknown; do not also report the field it meant as missing.
        meant = {hit for f in files.values() for k in f.data if k not in known for hit in closest(k, known)}
        for lang, f in files.items():
            for key, value in f.data.items():
                if key in localized or owner.get(key) == lang:
                    continue
                other = files[owner[key]]
                if value == merged[key]:
                    msg = (f'is also written in {other.path} (line {other.line((key,))}); facts are written once: '
                           f"delete it from one of the two files")
                else:
                    msg = (f"contradicts {other.path} (line {other.line((key,))}); facts are written once: "
                           "keep the right value in one file and delete the other")
                self.add(f.path, f.line((key,)), key, msg)
        line_of, owner_path = _locators(files, owner)
        for err in specific(self.schema.errors(self.schema.entry_validator, merged)):
            path = tuple(err.absolute_path)
            if err.validator == "required":
                for name in missing_fields(err):
                    if name not in meant:
                        self.add(owner_path(path), line_of(path), field_name(path),
                                 missing_message(name, path) + " (a fact: write it once, in "
                                 + " or ".join(f.path for f in files.values()) + ")")
                continue
            self.add(owner_path(path), line_of(path), field_name(path), explain(err, path, self.countries))

    def check_entry(self, entry: Entry, files: dict[str, EntryFile], owner: dict):
        """An entry whose facts fit the schema: text fields per language, body sections, rules between facts."""
        self._check_localized(entry, files)
        self._check_sections(entry, files)
        factrules.check(self, entry, *_locators(files, owner))

    def _check_localized(self, entry: Entry, files):
        for name in self.schema.localized_required(entry.kind):
            for f in files.values():
                if name not in f.data:
                    self.add(f.path, 1, name, f'a {entry.kind} needs "{name}" in each language file; add `{name}:` '
                             "with the list in this file's language")
        modules = {lang: f.data.get("modules") for lang, f in files.items() if f.data.get("modules")}
        if len(modules) == 2 and len(modules["es"]) != len(modules["en"]):
            f = files["en"]
            self.add(f.path, f.line(("modules",)), "modules",
                     f'lists {len(modules["en"])} modules but {files["es"].path} lists {len(modules["es"])}; '
                     "the two language files must list the same modules in the same order")

    def _check_sections(self, entry: Entry, files):
        required, optional = self.schema.sections(entry.kind)
        allowed = required + optional
        for lang, f in files.items():
            labels = self.names(entry.kind, lang)
            found: set[str] = set()
            meant: set[str] = set()  # sections a misspelt heading was meant to be: reported once, as misspelt
            for sec in f.sections:
                key = self.names.key(entry.kind, lang, sec)
                if key is None:
                    names = [self.schema.label("section", k, lang) for k in allowed]
                    meant.update(labels[fold_words(h)] for h in closest(sec.heading, names))
                    self.add(f.path, sec.line, "body",
                             f'"## {sec.heading}" is not a section of a {entry.kind}.'
                             f'{did_you_mean(sec.heading, names) or " Use one of: " + "; ".join(names) + "."}'
                             " Use ### for sub-headings inside a section")
                elif key in found:
                    self.add(f.path, sec.line, "body", f'the section "{sec.heading}" appears twice; merge the two')
                else:
                    if not sec.text.strip():
                        self.add(f.path, sec.line, "body",
                                 f'the section "{sec.heading}" is empty; write it or remove the heading')
                    found.add(key)
            for key in required:
                if key not in found and key not in meant:
                    self.add(f.path, f.body_line, "body",
                             f'the section "## {self.schema.label("section", key, lang)}" is missing; a {entry.kind} '
                             "needs it (see practices/_templates/)")


def _locators(files: dict[str, EntryFile], owner: dict):
    """(line_of, owner_path) for paths into an entry's merged facts: the file a fact was written in, or for an
    absent one, the file that gives the kind (else the first)."""
    first = next((f for f in files.values() if "kind" in f.data), next(iter(files.values())))

    def file_of(path) -> EntryFile:
        key = path[0] if path else None
        return files[owner[key]] if key in owner else first

    return (lambda path: file_of(path).line(tuple(path))), (lambda path: file_of(path).path)


def check_countries(checker: Checker, entry: Entry, line_of_entry):
    """Country codes of documented use and of scope are ISO codes CLDR knows."""
    codes = [(("countries", i), c) for i, c in enumerate(entry.facts.get("countries") or [])]
    codes += [(("scope", i, "countries", j), c) for i, item in enumerate(entry.facts.get("scope") or [])
              for j, c in enumerate(item.get("countries") or [])]
    for where, code in codes:
        if isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code) and code not in checker.countries:
            path, line = line_of_entry(where)
            tip = f' Did you mean "{COUNTRY_ALIASES[code]}"?' if code in COUNTRY_ALIASES else \
                did_you_mean(code, list(checker.countries))
            checker.add(path, line, field_name(where), f'"{code}" is not a country code in CLDR.{tip}')


def check_registry_sources(checker: Checker, records: dict, where: dict, sources: dict):
    """Every `source:` inside a registry record names a document of the bibliography."""
    def walk(value, path, key):
        if isinstance(value, dict):
            for k, v in value.items():
                if k == "source" and isinstance(v, str) and v not in sources:
                    shown, _, lines = where[key]
                    checker.add(shown, yamldata.line_of(lines, path + (k,)), field_name(path + (k,)),
                                f'no source document "{v}".{did_you_mean(v, sorted(sources))} '
                                "Use an id from data/sources.yml.")
                else:
                    walk(v, path + (k,), key)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,), key)

    for key, record in records.items():
        walk(record, (key,), key)


def check_references(checker: Checker, entries: dict, organisations: dict, sources: dict, located, unreadable=(),
                     instruments=None):
    """Every slug, organisation and source an entry names must exist. located(slug, path) -> (file, line).
    Slugs whose files could not be read count as existing: their own problem is already reported."""
    methodology_slugs = {s for s, e in entries.items() if e.kind == "methodology"} | set(unreadable)
    all_slugs = set(entries) | set(unreadable)
    for slug, e in entries.items():
        facts = e.facts

        def ref(path, value, pool, what, fix, slug=slug):
            if isinstance(value, str) and value not in pool:
                where, line = located(slug, path)
                checker.add(where, line, field_name(path),
                            f'no {what} "{value}".{did_you_mean(value, sorted(pool))} {fix}')

        for i, m in enumerate(facts.get("methodologies") or []):
            ref(("methodologies", i), m, methodology_slugs, "methodology entry",
                "Use the slug of a methodology in practices/.")
        for i, r in enumerate(facts.get("related") or []):
            ref(("related", i), r, all_slugs - {slug}, "other entry", "Use the slug of an entry in practices/.")
        for i, o in enumerate(facts.get("organisations") or []):
            if isinstance(o, dict):
                ref(("organisations", i, "id"), o.get("id"), organisations, "organisation",
                    "Use an id from data/organisations/, or add the organisation there.")
        for i, o in enumerate(facts.get("developed_by") or []):
            ref(("developed_by", i), o, organisations, "organisation",
                "Use an id from data/organisations/, or add the organisation there.")
        for i, s in enumerate(facts.get("sources") or []):
            ref(("sources", i), s, sources, "source document",
                "Use an id from data/sources.yml, or add the document there.")
        for i, ins in enumerate(facts.get("instruments") or []):
            ref(("instruments", i), ins, instruments or {}, "instrument",
                "Use an id from data/instruments.yml, or add the instrument there.")
        status = facts.get("status")
        if isinstance(status, dict):
            ref(("status", "source"), status.get("source"), sources, "source document",
                "Use an id from data/sources.yml.")
        for name in ("results", "context_figures", "scope"):
            for i, res in enumerate(facts.get(name) or []):
                if isinstance(res, dict):
                    ref((name, i, "source"), res.get("source"), sources, "source document",
                        "Use an id from data/sources.yml.")


def check_former_slugs(checker: Checker, entries: dict, located):
    """A former slug keeps an old address alive: it cannot be a current slug or belong to two entries."""
    claimed: dict[str, str] = {}
    for slug, e in entries.items():
        for i, old in enumerate(e.facts.get("former_slugs") or []):
            if not isinstance(old, str):
                continue
            path, line = located(slug, ("former_slugs", i))
            if old in entries:
                checker.add(path, line, f"former_slugs[{i}]",
                            f'"{old}" is the slug of an existing entry, so its address cannot lead here; remove it '
                            "(former slugs are the addresses this entry had before it was renamed)")
            elif old in claimed:
                checker.add(path, line, f"former_slugs[{i}]",
                            f'"{old}" is also a former slug of "{claimed[old]}"; an old address can lead to one '
                            "entry only")
            else:
                claimed[old] = slug


