"""Check entry files and data files against the schema and against each other.

Every check appends a Problem and goes on, so one run reports everything. Nothing here raises for bad input.
"""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from collections import defaultdict

from . import yamldata
from .entryfile import LANGUAGES, EntryFile
from .model import Entry
from .problems import Problem, closest, did_you_mean
from .scaffold import PLACEHOLDER
from .schema import Schema

_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
    "object": "a group of `key: value` lines", "boolean": "true or false", "null": "empty",
}
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!]|javascript\s*:", re.IGNORECASE)
_UNSAFE_TAGS = ("script", "iframe", "object", "embed", "style", "form", "input", "meta", "link", "base", "frame",
                "frameset", "applet", "svg", "math")
_UNSAFE_BODY = re.compile(
    r"<\s*(?:" + "|".join(_UNSAFE_TAGS) + r")\b|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:"
    r"|\bdata\s*:\s*[a-z-]+/[a-z0-9.+-]+",
    re.IGNORECASE,
)
# Attribute lists ({: .class }) may name classes and ids; setting an address or a style there would override
# what the text shows.
_ATTR_LIST = re.compile(r"\{[^{}\n]*?\b(href|src|srcset|style)\s*=", re.IGNORECASE)
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR", "EN": "GB"}


def _type_name(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a group of `key: value` lines"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def field_name(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Checker:
    """Collects problems for one run. Holds only what the run was given."""

    def __init__(self, schema: Schema, countries: dict[str, dict[str, str]]):
        self.schema = schema
        self.countries = countries  # code -> {"es": name, "en": name}
        self.problems: list[Problem] = []
        self._sections: dict = {}

    def add(self, path, line, field, message):
        self.problems.append(Problem(path, line, field, message))

    # --- schema errors, turned into messages a contributor can act on
    def schema_errors(self, validator, data, shown, line_of, prefix=()):
        errors = self.schema.errors(validator, data)
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
                for name in self.missing_fields(err):
                    if (tuple(err.absolute_path), name) not in meant:
                        self.add(shown, line_of(path), field_name(path), self.missing_message(name, path))
                continue
            self.add(shown, line_of(path), field_name(path), self.explain(err, path))

    def explain(self, err, path) -> str:
        v, schema, inst = err.validator, err.schema, err.instance
        names = [p for p in path if isinstance(p, str)]
        leaf = names[-1] if names else ""
        hint = schema.get("description", "") if isinstance(schema, dict) else ""
        if v == "required":
            return self.missing_message(err.validator_value[0] if not isinstance(inst, dict) else
                                        next(r for r in err.validator_value if r not in inst), path)
        if v == "enum":
            allowed = err.validator_value
            suggestion = did_you_mean(inst, allowed)
            shown = ", ".join(allowed) if len(allowed) <= 25 else "see schema/vocabularies.json"
            return f'"{inst}" is not an accepted value.{suggestion or " Accepted values: " + shown + "."}'
        if v == "type":
            expected = err.validator_value
            expected = expected if isinstance(expected, list) else [expected]
            want = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
            got = _type_name(inst)
            extra = ""
            if {"integer", "number"} & set(expected) and isinstance(inst, str) and inst.strip().isdigit():
                extra = f" Remove the quotes around {inst.strip()}."
            elif {"integer", "number"} & set(expected) and isinstance(inst, str) and re.fullmatch(r"\s*[\d.,]+\s*%\s*", inst):
                extra = f" Write the number alone, {inst.strip().rstrip('%').strip()}: the unit says it is a percentage."
            elif {"integer", "number"} & set(expected) and isinstance(inst, str) and re.fullmatch(r"\d{1,3}([.,]\d{3})+", inst.strip()):
                extra = f" Write it without thousands separators: {re.sub(r'[.,]', '', inst.strip())}."
            elif "boolean" in expected and isinstance(inst, str) and inst.lower() in ("yes", "no", "si", "sí", "y", "n", "on", "off"):
                extra = " Write true or false."
            elif "array" in expected and not isinstance(inst, list):
                extra = f" Write it as a list, e.g. {leaf}: [{inst}]" if isinstance(inst, (str, int)) else ""
            elif "string" in expected and isinstance(inst, (bool, int, float)):
                extra = " Put the value in quotes."
            return f"must be {want}, not {got}.{extra}"
        if v == "pattern":
            return self._pattern_message(inst, path, hint)
        if "sdgs" in path and v in ("minimum", "maximum"):
            return f"there is no Sustainable Development Goal {inst}: the goals are numbered 1 to 17"
        if v in ("minimum", "exclusiveMinimum"):
            return f"{inst} is below the minimum of {err.validator_value}; {hint or 'correct the value'}"
        if v in ("maximum", "exclusiveMaximum"):
            return f"{inst} is above the maximum of {err.validator_value}; {hint or 'correct the value'}"
        if v == "minLength":
            return f"is too short (at least {err.validator_value} characters); write it out in full"
        if v == "maxLength":
            return f"is too long ({len(inst)} characters, at most {err.validator_value}); shorten it"
        if v == "minItems":
            return f"is empty: it needs at least {err.validator_value} item; add it"
        if v == "minProperties":
            return "is empty; give at least one language, e.g. {es: ..., en: ...}"
        if v in ("oneOf", "anyOf"):
            if path and path[-1] == "end":
                return f"must be a year such as 2015, or null if the source gives no end year (got {inst!r})"
            if path and path[-1] == "year":
                return f"must be a year such as 2015, or null (got {inst!r})"
            return f"{inst!r} does not fit this field. {hint}".strip()
        return f"{err.message}. {hint}".strip()

    @staticmethod
    def missing_message(name, path) -> str:
        where = f" to {field_name(path)}" if path else ""
        return f'the required field "{name}" is missing; add `{name}:`{where}'

    @staticmethod
    def missing_fields(err) -> list[str]:
        """A `required` error names every required field; only the absent ones are wrong."""
        return [r for r in err.validator_value if isinstance(err.instance, dict) and r not in err.instance]

    def _pattern_message(self, value, path, hint) -> str:
        leaf = [p for p in path if isinstance(p, str)]
        name = leaf[-1] if leaf else ""
        if name in ("countries", "country"):
            by_name = {n: code for code, names in self.countries.items() for n in names.values()}
            hits = closest(value, list(self.countries) + list(by_name))
            hit = by_name.get(hits[0], hits[0]) if hits else None
            tip = f' Did you mean "{hit}"?' if hit else ""
            return f'"{value}" is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. CO).{tip}'
        if name in ("methodologies", "related"):
            return f'"{value}" is not a valid slug: use lower-case letters, digits and single hyphens, e.g. score-colombia'
        if name in ("as_of", "date"):
            return f'"{value}" is not a date: write a year, a year-month or a full date, in quotes, e.g. "2016" or "2016-07"'
        if name == "url":
            return f'"{value}" is not a web address: it must start with https:// or http://'
        return f'"{value}" has the wrong form. {hint}'.strip()

    # --- one file
    def check_file(self, f: EntryFile):
        self.schema_errors(self.schema.file_validator, f.data, f.path, f.line)
        self._check_plain_text(f.data, (), f)
        for sec in [None, *f.sections]:
            text = f.lead if sec is None else sec.text
            base = f.body_line if sec is None else sec.line
            if text.lstrip().startswith(PLACEHOLDER):
                self.add(f.path, base, "body", f'the section "{sec.heading if sec else "(introduction)"}" still holds the '
                         "template's TODO; write the text, or delete an optional section")
            lowered = text.lower()
            if not ("<" in lowered or "=" in lowered or "script" in lowered or "data" in lowered):
                continue  # the full pattern is slow on long prose, and most text has none of these
            for m in _UNSAFE_BODY.finditer(text):
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

    def _check_plain_text(self, value, path, f: EntryFile):
        if isinstance(value, dict):
            for k, v in value.items():
                self._check_plain_text(v, path + (k,), f)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                self._check_plain_text(v, path + (i,), f)
        elif isinstance(value, str) and value.startswith(PLACEHOLDER):
            self.add(f.path, f.line(path), field_name(path), f'"{value}" is a template placeholder; replace it with the real value')
        elif isinstance(value, str) and ("<" in value or ":" in value) and _MARKUP.search(value):
            self.add(f.path, f.line(path), field_name(path),
                     "front matter is plain text: remove the HTML or javascript: (it would be shown as typed, "
                     "not run); put formatting in the Markdown body instead")

    # --- one entry: its files merged
    def merge(self, slug: str, files: dict[str, EntryFile]) -> Entry | None:
        files = {lang: files[lang] for lang in LANGUAGES if lang in files}
        facts, fact_file = {}, {}
        localized = self.schema.localized_fields()
        known = list(self.schema.entry_file["properties"])
        # A misspelt key is already reported as unknown; do not also report the field it meant as missing.
        meant = {hit for f in files.values() for k in f.data if k not in known for hit in closest(k, known)}
        for lang in LANGUAGES:
            f = files.get(lang)
            if not f:
                continue
            for key, value in f.data.items():
                if key in localized:
                    continue
                if key in facts:
                    other = files[fact_file[key]]
                    if value == facts[key]:
                        msg = (f'is also written in {other.path} (line {other.line((key,))}); facts are written once: '
                               f"delete it from one of the two files")
                    else:
                        msg = (f"contradicts {other.path} (line {other.line((key,))}); facts are written once: "
                               "keep the right value in one file and delete the other")
                    self.add(f.path, f.line((key,)), key, msg)
                    continue
                facts[key], fact_file[key] = value, lang
        first = next((f for f in files.values() if "kind" in f.data), next(iter(files.values())))

        def line_of(path):
            key = path[0] if path else None
            owner = files[fact_file[key]] if key in fact_file else first
            return owner.line(tuple(path))

        def owner_path(path):
            key = path[0] if path else None
            return files[fact_file[key]].path if key in fact_file else first.path

        for err in self.schema.errors(self.schema.entry_validator, facts):
            path = tuple(err.absolute_path)
            msg = self.explain(err, path)
            if err.validator == "required":
                for name in self.missing_fields(err):
                    if name not in meant:
                        self.add(owner_path(path), line_of(path), field_name(path),
                                 self.missing_message(name, path) + " (a fact: write it once, in "
                                 + " or ".join(f.path for f in files.values()) + ")")
                continue
            self.add(owner_path(path), line_of(path), field_name(path), msg)
        kind = facts.get("kind")
        if kind not in self.schema.terms("kind"):
            return None  # the schema errors above already say what is wrong with kind
        entry = Entry(
            slug=slug, kind=kind, facts=facts,
            text={lang: {k: v for k, v in f.data.items() if k in localized} for lang, f in files.items()},
            sections={}, lead={lang: f.lead for lang, f in files.items()},
            files={lang: f.path for lang, f in files.items()},
            missing=tuple(lang for lang in LANGUAGES if lang not in files),
        )
        self._check_localized(entry, files)
        self._check_sections(entry, files)
        self._check_facts(entry, line_of, owner_path)
        return entry

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

    def _section_names(self, kind, lang) -> dict:
        """Folded heading text -> section key, for the sections a kind allows in lang (made once per run)."""
        key = (kind, lang)
        if key not in self._sections:
            required, optional = self.schema.sections(kind)
            names = {_fold(self.schema.label("section", k, lang)): k for k in required + optional}
            names.update({_fold(k): k for k in required + optional})
            self._sections[key] = names
        return self._sections[key]

    def _check_sections(self, entry: Entry, files):
        required, optional = self.schema.sections(entry.kind)
        allowed = required + optional
        for lang, f in files.items():
            labels = self._section_names(entry.kind, lang)
            found: dict[str, str] = {}
            meant: set[str] = set()  # sections a misspelt heading was meant to be: reported once, as misspelt
            for sec in f.sections:
                key = sec.key if sec.key in allowed else labels.get(_fold(sec.heading))
                if key is None:
                    names = [self.schema.label("section", k, lang) for k in allowed]
                    meant.update(labels[_fold(h)] for h in closest(sec.heading, names))
                    self.add(f.path, sec.line, "body",
                             f'"## {sec.heading}" is not a section of a {entry.kind}.'
                             f'{did_you_mean(sec.heading, names) or " Use one of: " + "; ".join(names) + "."}'
                             " Use ### for sub-headings inside a section")
                    continue
                if key in found:
                    self.add(f.path, sec.line, "body", f'the section "{sec.heading}" appears twice; merge the two')
                    continue
                if not sec.text.strip():
                    self.add(f.path, sec.line, "body", f'the section "{sec.heading}" is empty; write it or remove the heading')
                found[key] = sec.text
            for key in required:
                if key not in found and key not in meant:
                    self.add(f.path, f.body_line, "body",
                             f'the section "## {self.schema.label("section", key, lang)}" is missing; a {entry.kind} '
                             "needs it (see practices/_templates/)")
            entry.sections[lang] = {k: found[k] for k in allowed if k in found}

    def _check_facts(self, entry: Entry, line_of, owner_path):
        facts = entry.facts
        period = facts.get("period")
        if isinstance(period, dict) and isinstance(period.get("start"), int) and isinstance(period.get("end"), int):
            if period["end"] < period["start"]:
                self.add(owner_path(("period",)), line_of(("period", "end")), "period.end",
                         f'the end year {period["end"]} is before the start year {period["start"]}; swap or correct them')
        for i, res in enumerate(facts.get("results") or []):
            if isinstance(res, dict) and res.get("unit") == "percent" and isinstance(res.get("value"), (int, float)) \
                    and res["value"] > 100:
                self.add(owner_path(("results",)), line_of(("results", i, "value")), f"results[{i}].value",
                         f"{res['value']} is over 100 but the unit is percent; correct the value or the unit")
        countries = facts.get("countries") or []
        for i, place in enumerate(facts.get("places") or []):
            if isinstance(place, dict) and place.get("country") not in countries and isinstance(countries, list):
                self.add(owner_path(("places",)), line_of(("places", i, "country")), f"places[{i}].country",
                         f'"{place.get("country")}" is not in this entry\'s countries; add it to countries or correct it')


def check_countries(checker: Checker, entry: Entry, line_of_entry):
    for i, code in enumerate(entry.facts.get("countries") or []):
        if isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code) and code not in checker.countries:
            path, line = line_of_entry(("countries", i))
            tip = f' Did you mean "{_COUNTRY_ALIASES[code]}"?' if code in _COUNTRY_ALIASES else \
                did_you_mean(code, list(checker.countries))
            checker.add(path, line, f"countries[{i}]", f'"{code}" is not a country code in CLDR.{tip}')


def check_registry_sources(checker: Checker, records: dict, where: dict, sources: dict):
    """Every `source:` inside a registry record names a document of the bibliography."""
    def walk(value, path, key):
        if isinstance(value, dict):
            for k, v in value.items():
                if k == "source" and isinstance(v, str) and v not in sources:
                    shown, _, lines = where[key]
                    checker.add(shown, yamldata.line_of(lines, path + (k,)), field_name(path + (k,)),
                                f'no source document "{v}".{did_you_mean(v, sorted(sources))} Use an id from data/sources.yml.')
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

        def ref(path, value, pool, what, fix):
            if isinstance(value, str) and value not in pool:
                where, line = located(slug, path)
                checker.add(where, line, field_name(path),
                            f'no {what} "{value}".{did_you_mean(value, sorted(pool))} {fix}')

        for i, m in enumerate(facts.get("methodologies") or []):
            ref(("methodologies", i), m, methodology_slugs, "methodology entry", "Use the slug of a methodology in practices/.")
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
            ref(("sources", i), s, sources, "source document", "Use an id from data/sources.yml, or add the document there.")
        for i, ins in enumerate(facts.get("instruments") or []):
            ref(("instruments", i), ins, instruments or {}, "instrument",
                "Use an id from data/instruments.yml, or add the instrument there.")
        status = facts.get("status")
        if isinstance(status, dict):
            ref(("status", "source"), status.get("source"), sources, "source document", "Use an id from data/sources.yml.")
        for i, res in enumerate(facts.get("results") or []):
            if isinstance(res, dict):
                ref(("results", i, "source"), res.get("source"), sources, "source document",
                    "Use an id from data/sources.yml.")


# Where a link or image in an entry's text may lead. Anything else is refused: a reader must never be sent to a
# file of the build machine, a path outside the site, or a script.
_TARGETS = [
    re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)"),  # [text](target)
    re.compile(r"^\s{0,3}()\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),                         # [ref]: target
]


class _HtmlTargets(HTMLParser):
    """Addresses in raw HTML of an entry's text: (is_image, address, line offset, tag), parsed as browsers do."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0] - 1
        for name, value in attrs:
            if name in ("href", "src"):
                self.found.append((name == "src", (value or "").strip(), line, tag))
            elif name == "srcset":
                for candidate in (value or "").split(","):
                    self.found.append((True, candidate.strip().split(" ")[0], line, tag))
            elif name == "style":
                self.found.append((None, "style", line, tag))

    handle_startendtag = handle_starttag


def _html_targets(text: str):
    if "<" not in text:
        return []
    parser = _HtmlTargets()
    parser.feed(text)
    parser.close()
    return parser.found
_ENTRY_TARGET = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[A-Za-z0-9_-]*)?$")
_IMAGE_TARGET = re.compile(r"^images/([a-z0-9]+(?:[-_][a-z0-9]+)*\.(?:png|jpe?g|webp|gif))$")
_WEB_TARGET = re.compile(r"^(?:https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.I)
TARGET_HELP = ("an entry's text may link to another entry ([text](slug.md)), a section of this page (#results), a "
               "web address (https://...), or show an image kept in practices/images/ (![text](images/name.png))")


def check_body_links(checker: Checker, files, known_slugs, images=frozenset()):
    """Every link and image in the body leads somewhere allowed, and entry links and images exist."""
    for f in files:
        for sec in [None, *f.sections]:
            text = f.lead if sec is None else sec.text
            first = f.body_line if sec is None else sec.text_line
            for pattern in _TARGETS if "]" in text else ():  # most sections have no link at all
                for m in pattern.finditer(text):
                    is_image, target = bool(m.group(1)), m.group(2)
                    line = first + text[: m.start()].count("\n")
                    problem = _target_problem(target, is_image, known_slugs, images)
                    if problem:
                        checker.add(f.path, line, "body", problem)
            html_targets = _html_targets(text)
            flagged = {first + text[: m.start()].count("\n") for m in _UNSAFE_BODY.finditer(text)} if html_targets else set()
            for is_image, target, offset, tag in html_targets:
                if tag in _UNSAFE_TAGS or first + offset in flagged:
                    continue  # the tag or its line is already reported as unsafe
                if is_image is None:
                    checker.add(f.path, first + offset, "body", '"style=" is not allowed in the text (a style can '
                                "cover or disguise the page); delete it")
                    continue
                problem = _target_problem(target, is_image, known_slugs, images)
                if problem:
                    checker.add(f.path, first + offset, "body", problem)


def _target_problem(target: str, is_image: bool, known_slugs, images) -> str:
    if not target:
        return "a link has no address; add it or remove the link"
    if re.match(r"(?i)(javascript|vbscript)\s*:|data\s*:\s*[a-z-]+/", target):
        return ""  # reported once, by the unsafe-text check
    entry = _ENTRY_TARGET.match(target)
    if entry and not is_image:
        if entry.group(1) in known_slugs:
            return ""
        return (f'the link to "{entry.group(1)}.md" leads to no entry.{did_you_mean(entry.group(1), known_slugs)} '
                "Link to another entry as [text](slug.md) with the slug of a file in practices/")
    image = _IMAGE_TARGET.match(target)
    if image and is_image:
        return "" if image.group(1) in images else (
            f'the image "{target}" is not in practices/images/; add the file there or correct the name')
    if _WEB_TARGET.match(target):
        if not is_image:
            return ""
        return (f'the image "{target}" is on another website; images are shown from practices/images/: add the file '
                "there (with permission to use it) and write ![text](images/name.png)")
    if target.startswith("#") and not is_image:
        return ""
    if ".." in target or target.startswith(("/", "\\", "~", "file:")):
        return f'"{target}" points outside the compendio (absolute or ../ paths are not allowed); {TARGET_HELP}'
    return f'"{target}" is not an address an entry can use: {TARGET_HELP}'


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
                            f'"{old}" is also a former slug of "{claimed[old]}"; an old address can lead to one entry only')
            else:
                claimed[old] = slug


def index_by_slug(files: list[EntryFile]) -> dict[str, dict[str, EntryFile]]:
    grouped: dict[str, dict[str, EntryFile]] = defaultdict(dict)
    for f in files:
        grouped[f.slug][f.lang] = f
    return dict(sorted(grouped.items()))
