"""Load the whole catalogue: read the entry files and the registries, build the model (compendio/assemble.py)
while compendio/validate.py checks everything, and return the catalogue, or raise with every problem found."""
from __future__ import annotations

from pathlib import Path

from . import assemble, bodylinks, entryfile, factrules, gitdates, i18n, validate, yamldata
from .model import Catalogue
from .problems import InputError, did_you_mean
from .schema import Schema
from .schema import load as load_schema

PRACTICES = "practices"
ORGANISATIONS = "data/organisations"
SOURCES = "data/sources.yml"
COUNTRIES = "data/countries.yml"
INSTRUMENTS = "data/instruments.yml"
SHARED_FIGURES = "data/shared_figures.yml"
COLLECTIONS = "data/collections"
IMAGES = "practices/images"


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _slug_key(key, countries):
    if entryfile.FILENAME.match(f"{key}.es.md"):
        return ""
    return f'"{key}" is not a valid id: use lower-case letters, digits and hyphens'


def _country_key(key, countries):
    if key in countries:
        return ""
    return f'"{key}" is not an ISO 3166-1 alpha-2 country code in CLDR.{did_you_mean(key, list(countries))}'


def _read_yaml(path: Path, shown: str, checker: validate.Checker):
    """(data, lines) of a data file, or None with its problem reported."""
    try:
        return yamldata.load(path.read_text(encoding="utf-8"))
    except yamldata.YamlError as exc:
        checker.add(shown, exc.line, exc.field, exc.message)
    except UnicodeDecodeError:
        checker.add(shown, 1, "", "the file is not UTF-8; save it as UTF-8")
    return None


def read_registry(files: list[Path], root: Path, schema: Schema, kind: str, checker: validate.Checker,
                  key_problem=_slug_key):
    """Read YAML files of `id: record` into one dict, checking each record.

    Returns (records, where): where[id] = (file shown, line of the id, line map of the file)."""
    records, where = {}, {}
    for path in files:
        shown = _shown(path, root)
        read = _read_yaml(path, shown, checker)
        if read is None:
            continue
        data, lines = read
        if not isinstance(data, dict):
            checker.add(shown, 1, "", f"the file must be a list of `id:` entries, each a {kind} record")
            continue
        for key, record in data.items():
            line = lines.get((key,), 1)
            problem = key_problem(key, checker.countries)
            if problem:
                checker.add(shown, line, key, problem)
            if key in records:
                checker.add(shown, line, key, f'the id "{key}" is also used in {where[key][0]} (line {where[key][1]}); '
                            "ids must be unique")
                continue
            checker.schema_errors(schema.record_validators[kind], record, shown,
                                  lambda p, _lines=lines: yamldata.line_of(_lines, tuple(p)), prefix=(key,))
            checker.check_plain_text(record, (key,), _Located(shown, lines))
            records[key], where[key] = record, (shown, line, lines)
    return records, where


def read_collections(root: Path, schema: Schema, checker: validate.Checker, entries: dict, unreadable) -> dict:
    """data/collections/<slug>.yml: one collection per file, its slug from the file name."""
    collections = {}
    for path in sorted((root / COLLECTIONS).glob("*")) if (root / COLLECTIONS).is_dir() else []:
        shown = _shown(path, root)
        slug = path.name[:-4] if path.name.endswith(".yml") else ""
        if not slug or not entryfile.FILENAME.match(f"{slug}.es.md"):
            checker.add(shown, 1, "", "a collection file is named <slug>.yml, with lower-case letters, digits and "
                        "hyphens")
            continue
        read = _read_yaml(path, shown, checker)
        if read is None:
            continue
        record, lines = read
        before = len(checker.problems)
        checker.schema_errors(schema.record_validators["collection"], record, shown,
                              lambda p, _lines=lines: yamldata.line_of(_lines, tuple(p)))
        checker.check_plain_text(record, (), _Located(shown, lines))
        factrules.check_entry_list(checker, shown, lambda i, _lines=lines: yamldata.line_of(_lines, ("entries", i)),
                                   "entries", record.get("entries") or [] if isinstance(record, dict) else [],
                                   entries, unreadable)
        if len(checker.problems) == before:
            collections[slug] = record
    return collections


class _Located:
    """Lets plain-text checks report lines of a registry file as they do for entry files."""

    def __init__(self, path, lines):
        self.path, self.lines = path, lines

    def line(self, path=()):
        return yamldata.line_of(self.lines, path)


def read_registries(root: Path, schema: Schema, checker: validate.Checker) -> dict:
    """The registries of data/: {name: (records, where)} for organisations, sources, countries, instruments and
    shared figures, each record checked; the optional ones are empty when their file is absent."""
    org_files = sorted((root / ORGANISATIONS).glob("*.yml"))
    out = {"organisation": read_registry(org_files, root, schema, "organisation", checker)}
    if (root / SOURCES).exists():
        out["source"] = read_registry([root / SOURCES], root, schema, "source", checker)
    else:
        checker.add(SOURCES, 1, "", "the bibliography is missing; create it (see README)")
        out["source"] = ({}, {})
    for kind, rel in (("country", COUNTRIES), ("instrument", INSTRUMENTS), ("shared_figure", SHARED_FIGURES)):
        path = root / rel
        out[kind] = read_registry([path] if path.exists() else [], root, schema, kind, checker,
                                  **({"key_problem": _country_key} if kind == "country" else {}))
    for kind in ("country", "instrument", "shared_figure"):
        validate.check_registry_sources(checker, *out[kind], out["source"][0])
    return out


def read_entry_files(root: Path, checker: validate.Checker) -> tuple[list, set]:
    """Every entry file of practices/, checked one by one: (files read, slugs whose files could not be read)."""
    files, unreadable = [], set()
    practices = root / PRACTICES
    for path in sorted(practices.iterdir()) if practices.is_dir() else []:
        if path.name.startswith((".", "_")) or path.name in ("README.md", "images"):
            continue  # templates, images and notes live beside the entries
        shown = _shown(path, root)
        if path.is_dir():
            checker.add(shown, 1, "", "practices/ holds files only; move the files up and remove the folder")
            continue
        if path.suffix != ".md":
            checker.add(shown, 1, "", "only Markdown entry files (<slug>.es.md, <slug>.en.md) belong in practices/")
            continue
        f, problems = entryfile.read(path, shown)
        checker.problems.extend(problems)
        name = entryfile.FILENAME.match(path.name)
        if problems and name:
            unreadable.add(name["slug"])  # its entry is not merged, so one mistake gives one message
        if f:
            checker.check_file(f)
            files.append(f)
    return files, unreadable


def build_entries(grouped: dict, schema: Schema, checker: validate.Checker, unreadable: set) -> dict:
    """The entries of the readable slugs, each checked as a whole; a slug whose kind is not valid is left out
    (and added to unreadable: its own problem is reported, references to it are not)."""
    entries = {}
    for slug, by_lang in grouped.items():
        if slug in unreadable:
            continue
        merged, owner = assemble.facts(by_lang, schema)
        checker.check_entry_files(by_lang, merged, owner)
        if merged.get("kind") not in schema.terms("kind"):
            unreadable.add(slug)
            continue
        entries[slug] = assemble.entry(slug, by_lang, merged, schema, checker.names)
        checker.check_entry(entries[slug], by_lang, owner)
    return entries


def load(root: Path, schema: Schema | None = None) -> Catalogue:
    """Read and validate everything under root. Raises InputError listing every problem found."""
    root = Path(root)
    schema = schema or load_schema()
    checker = validate.Checker(schema, i18n.country_names())
    registries = read_registries(root, schema, checker)
    organisations, sources, instruments = (registries[k][0] for k in ("organisation", "source", "instrument"))
    shared, shared_where = registries["shared_figure"]
    files, unreadable = read_entry_files(root, checker)
    grouped = assemble.by_slug(files)
    entries = build_entries(grouped, schema, checker, unreadable)

    def located(slug, path):
        by_lang = grouped[slug]
        for f in by_lang.values():
            if path[0] in f.data:
                return f.path, f.line(tuple(path))
        return next(iter(by_lang.values())).path, 1

    for slug, entry in entries.items():
        validate.check_countries(checker, entry, lambda p, _s=slug: located(_s, p))
    validate.check_references(checker, entries, organisations, sources, located, unreadable, instruments)
    factrules.check_dates(checker, entries, sources, located)
    factrules.check_shared_figures(checker, shared, shared_where, entries, sources, unreadable)
    images = {p.name for p in (root / IMAGES).glob("*") if p.is_file()} if (root / IMAGES).is_dir() else set()
    bodylinks.check_body_links(checker, files, sorted(set(grouped) | unreadable), images)
    validate.check_former_slugs(checker, entries, located)
    collections = read_collections(root, schema, checker, entries, unreadable)
    if checker.problems:
        raise InputError(checker.problems)
    return Catalogue(entries=entries, organisations=organisations, sources=sources, context=registries["country"][0],
                     instruments=instruments, collections=collections, shared_figures=shared,
                     dates=gitdates.file_dates(root, PRACTICES))
