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
        seen = set()
        for i, slug_ref in enumerate(record.get("entries") or [] if isinstance(record, dict) else []):
            line = yamldata.line_of(lines, ("entries", i))
            if slug_ref in seen:
                checker.add(shown, line, f"entries[{i}]", f'"{slug_ref}" is listed twice; keep one')
            elif isinstance(slug_ref, str) and slug_ref not in entries and slug_ref not in unreadable:
                checker.add(shown, line, f"entries[{i}]",
                            f'no entry "{slug_ref}".{did_you_mean(slug_ref, sorted(entries))} '
                            "Use the slug of an entry in practices/ (its file name without .es.md or .en.md).")
            seen.add(slug_ref)
        if len(checker.problems) == before:
            collections[slug] = record
    return collections


class _Located:
    """Lets plain-text checks report lines of a registry file as they do for entry files."""

    def __init__(self, path, lines):
        self.path, self.lines = path, lines

    def line(self, path=()):
        return yamldata.line_of(self.lines, path)


def _read_entry_files(root: Path, checker) -> tuple[list, set[str]]:
    """Every entry file of practices/, each checked on its own; and the slugs of the files that cannot be read."""
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


def load(root: Path, schema: Schema | None = None) -> Catalogue:
    """Read and validate everything under root. Raises InputError listing every problem found."""
    root = Path(root)
    schema = schema or load_schema()
    checker = validate.Checker(schema, i18n.country_names())

    org_files = sorted((root / ORGANISATIONS).glob("*.yml"))
    organisations, _ = read_registry(org_files, root, schema, "organisation", checker)
    sources_path = root / SOURCES
    sources = {}
    if sources_path.exists():
        sources, _ = read_registry([sources_path], root, schema, "source", checker)
    else:
        checker.add(SOURCES, 1, "", "the bibliography is missing; create it (see README)")
    optional = {name: root / rel for name, rel in (("country", COUNTRIES), ("instrument", INSTRUMENTS),
                                                   ("shared_figure", SHARED_FIGURES))}
    context, context_where = read_registry([optional["country"]] if optional["country"].exists() else [], root, schema,
                                           "country", checker, key_problem=_country_key)
    instruments, instruments_where = read_registry([optional["instrument"]] if optional["instrument"].exists() else [],
                                                   root, schema, "instrument", checker)
    shared, shared_where = read_registry([optional["shared_figure"]] if optional["shared_figure"].exists() else [],
                                         root, schema, "shared_figure", checker)
    for records, where in ((context, context_where), (instruments, instruments_where), (shared, shared_where)):
        validate.check_registry_sources(checker, records, where, sources)

    files, unreadable = _read_entry_files(root, checker)
    entries = {}
    grouped = assemble.by_slug(files)
    for slug, by_lang in grouped.items():
        if slug in unreadable:
            continue
        merged, owner = assemble.facts(by_lang, schema)
        checker.check_entry_files(by_lang, merged, owner)
        if merged.get("kind") not in schema.terms("kind"):
            unreadable.add(slug)  # the schema errors above say what is wrong with kind; references to it are not
            continue
        entries[slug] = assemble.entry(slug, by_lang, merged, schema, checker.names)
        checker.check_entry(entries[slug], by_lang, owner)

    def located(slug, path):
        by_lang = grouped[slug]
        key = path[0]
        for f in by_lang.values():
            if key in f.data:
                return f.path, f.line(tuple(path))
        first = next(iter(by_lang.values()))
        return first.path, 1

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
    return Catalogue(entries=entries, organisations=organisations, sources=sources, context=context,
                     instruments=instruments, collections=collections, shared_figures=shared,
                     dates=gitdates.file_dates(root, PRACTICES))

