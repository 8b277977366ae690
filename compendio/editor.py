"""The entry editor: a page at contribute/new/ in each language, where a contributor fills a form made from the
schema and gets the entry's files, checked as `make validate` checks them.

Everything the browser needs is computed here, at build time, from the schema, the vocabularies, the
registries and data/ui.yml; docs/javascripts/editor.js only draws the form from it, checks with the same JSON
Schema (Ajv, vendored from the npm package ajv-dist) and writes the files as compendio/entrywriter.py does.

The page itself is made by compendio/pages/contribute.py (templates/editor.html); this module makes its data:

- editor_data(...)      data/editor.json of a language: fields, terms, registries, messages, schemas
- entry_record(...)     one entry as the editor's record, for "Edit this entry" (data/entries/<slug>.json)
- write(...)            the files above, into a language's built site
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import editor_fields, i18n, urls, validate
from .entryfile import FILENAME, LANGUAGES
from .model import Catalogue, Entry
from .schema import Schema

PAGE = "contribute/new"
BRANCH = "main"  # the branch proposals are made against (as edit_uri in mkdocs.yml: edit/main/docs/)
URL_LIMIT = 8000  # longest "Propose on GitHub" address; a longer file is proposed by pasting it instead
# Interface strings (data/ui.yml, keys editor_<name>) the script needs.
UI_KEYS = (
    "title", "lead", "kind", "slug", "slug_help", "languages", "write_language", "pending_language", "facts",
    "texts", "sections", "optional", "required", "add", "remove", "new_organisation", "new_source", "choose",
    "none", "new_id", "check", "problems", "problem", "no_problems", "files", "download", "propose", "propose_steps",
    "propose_long", "copy", "copied", "open_new_file", "edit_steps", "open_file", "clear", "clear_confirm",
    "draft_saved", "draft_restored", "loading_entry", "entry_missing", "editing", "other_label", "lines_help",
    "country_help", "section_required", "section_optional", "new_record_help", "registry_steps", "row",
    "yes", "no", "error_at", "load_failed",
)
MESSAGE_KEYS = (
    "missing", "where", "missing_fact", "enum", "accepted", "see_vocab", "did_you_mean", "type", "or",
    "type_string", "type_integer", "type_number", "type_array", "type_object", "type_boolean", "type_null",
    "got_null", "got_boolean", "got_number", "got_string", "got_array", "got_object", "unquote", "percent_alone",
    "thousands", "write_bool", "pattern_country", "pattern_slug", "pattern_date", "pattern_url", "pattern",
    "minimum", "maximum", "correct", "sdg", "min_length", "max_length", "min_items", "min_properties", "end_year",
    "year", "one_of", "other", "unknown_field", "allowed_here", "placeholder", "markup", "end_before_start",
    "percent_over", "place_country", "country_cldr", "no_ref", "localized_required", "modules_count",
    "section_missing", "section_heading", "use_one_of", "unsafe", "section_todo", "filename", "slug_taken",
    "no_language", "id_taken",
    "completed_end", "after_source", "scope_country", "year_inferred",
    "ref_methodologies", "fix_methodologies", "ref_entries", "fix_entries", "ref_organisations",
    "fix_organisations", "ref_sources", "fix_sources", "fix_sources_nested", "ref_instruments", "fix_instruments",
)


def _ui(key: str, lang: str, default: str | None = None) -> str | None:
    try:
        return i18n.ui(key, lang)
    except KeyError:
        return default


# ---------------------------------------------------------------------------------------------- the data
def _localize(item: dict, lang: str, parent: str | None = None) -> dict:
    """A field or part with its label and help in lang (parts without a schema title take data/ui.yml's)."""
    out = {k: v for k, v in item.items() if k not in ("title", "help", "parts")}
    name = item["name"]
    out["label"] = item["title"][lang] if "title" in item else _ui(f"editor_part_{name}", lang, name.replace("_", " "))
    help_text = None
    if "title" not in item:
        help_text = next(filter(None, (_ui(k, lang) for k in editor_fields.help_keys(parent, name))), None)
    if help_text is None and "help" in item:
        help_text = item["help"][lang]
        if lang != "en" and help_text == item["help"]["en"]:
            out["help_lang"] = "en"  # the schema has it in English only
    if help_text:
        out["help"] = help_text
    if "parts" in item:
        out["parts"] = [_localize(p, lang, name) for p in item["parts"]]
    return out


def _vocabularies(schema: Schema, lang: str) -> dict:
    other = "en" if lang == "es" else "es"
    return {name: [[t, v["labels"][t][lang] or t, v["labels"][t][other] or t] for t in v["terms"]]
            for name, v in schema.vocabularies.items()}


def _registries(cat: Catalogue, lang: str) -> dict:
    names = i18n.country_names()
    # In CLDR's order, as validate.Checker reads them: its "Did you mean" breaks ties by that order.
    countries = [[c, n["es"], n["en"]] for c, n in names.items()]  # [code, Spanish name, English name]

    def org_label(rec):
        name = rec["name"].get(lang) or next(iter(rec["name"].values()))
        return f'{name} ({rec["acronym"]})' if rec.get("acronym") and rec["acronym"] not in name else name

    def text(t):
        return t.get(lang) or next(iter(t.values()))

    entries = sorted(cat.entries.values(), key=lambda e: e.short_title(lang).casefold())
    return {
        "countries": countries,
        "organisations": sorted(([k, org_label(r)] for k, r in cat.organisations.items()),
                                key=lambda r: r[1].casefold()),
        # [id, label, year of publication]: no figure or status may be dated after it (factrules.check_dates)
        "sources": [[k, f'{text(r["short"])}: {r["title"]}', r.get("year")] for k, r in cat.sources.items()],
        "instruments": [[k, text(r["short"])] for k, r in cat.instruments.items()],
        "entries": [[e.slug, e.short_title(lang), e.kind] for e in entries],
        "methodologies": [[e.slug, e.short_title(lang), e.kind] for e in entries if e.kind == "methodology"],
    }


def _validation_schema(node, names: bool = False):
    """A schema without its annotations (labels, titles, x- keys): the same rules, a smaller download.
    names: node maps property names to schemas (under "properties"), where every key stays."""
    if isinstance(node, list):
        return [_validation_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {k: _validation_schema(v) for k, v in node.items()}
    return {k: _validation_schema(v, names=k in ("properties", "$defs")) for k, v in node.items()
            if not k.startswith("x-") and k not in ("title", "$comment")}


def editor_data(cat: Catalogue, schema: Schema, lang: str) -> dict:
    """data/editor.json of lang: what docs/javascripts/editor.js draws the form from and checks it with."""
    other = "en" if lang == "es" else "es"
    field_list = editor_fields.fields(schema)
    inline = schema.file_validator.schema
    required_sections = {k: {"required": r, "optional": o}
                         for k in schema.terms("kind") for r, o in [schema.sections(k)]}
    return {
        "v": 1, "lang": lang, "other": other, "languages": list(LANGUAGES),
        "ui": {k: i18n.ui(f"editor_{k}", lang) for k in UI_KEYS},
        "language_names": {code: i18n.ui(f"language_{code}", lang) for code in LANGUAGES},
        "messages": {k: i18n.ui(f"editor_msg_{k}", lang) for k in MESSAGE_KEYS},
        "fields": [_localize(f, lang) for f in field_list],
        "records": {name: [_localize(p, lang, name) for p in editor_fields.record_parts(schema, name)]
                    for name in ("organisation", "source")},
        "vocabularies": _vocabularies(schema, lang),
        # What a field may say instead of a value (not_stated): the label of that choice, "{what}: not stated...".
        "constants": {c: _ui(f"editor_{c}_of", lang, "{what}: " + c) for c in editor_fields.constants(field_list)},
        "registries": _registries(cat, lang),
        "sections": {"kinds": required_sections,
                     "labels": {t: {code: schema.label("section", t, code) for code in LANGUAGES}
                                for t in schema.terms("section")}},
        "facts_comment": {code: _facts_comment(code) for code in LANGUAGES},
        "schemas": {
            "file": _validation_schema(inline),
            "entry": _validation_schema(schema.entry_validator.schema),
            "organisation": _validation_schema(schema.record_validators["organisation"].schema),
            "source": _validation_schema(schema.record_validators["source"].schema),
        },
        "patterns": {"markup": validate.MARKUP.pattern, "unsafe_body": validate.UNSAFE_BODY.pattern,
                     "filename": FILENAME.pattern.replace("(?P<", "(?<"), "placeholder": "TODO"},
        "country_aliases": dict(validate.COUNTRY_ALIASES),
        "edit_base": urls.to_site_root(PAGE, lang) + "data/entries/",
        "branch": BRANCH,
        "url_limit": URL_LIMIT,
    }


def _facts_comment(lang: str) -> str:
    from .scaffold import FACTS_COMMENT

    return FACTS_COMMENT[lang]


def entry_record(e: Entry, root: Path) -> dict:
    """An entry as the editor's record (the shape compendio/entrywriter.py writes files from)."""
    return {
        "slug": e.slug, "languages": [lang for lang in LANGUAGES if lang in e.files],
        "facts_lang": _facts_lang(e, Path(root)), "facts": e.facts,
        "text": {lang: e.text[lang] for lang in LANGUAGES if lang in e.text},
        "sections": {lang: e.sections[lang] for lang in LANGUAGES if lang in e.sections},
        "lead": {lang: e.lead[lang] for lang in LANGUAGES if e.lead.get(lang)},
    }


def _facts_lang(e: Entry, root: Path) -> str:
    """The language file that holds the facts (the one with `kind:` in it), so an edit keeps them there."""
    for lang in LANGUAGES:
        path = e.files.get(lang)
        if path and re.search(r"^kind:", _read_head(root / path), re.M):
            return lang
    return e.files_lang()


def _read_head(path: Path) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""
    return text.split("\n---", 1)[0]


def dumps(data) -> str:
    """JSON for a script to read: compact, and with <, > and & escaped so no value can close a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write(cat: Catalogue, schema: Schema, lang: str, site_dir: Path, default: bool, root: Path) -> list[Path]:
    """data/editor.json of lang; and, once (default language), data/entries/<slug>.json for every entry."""
    site_dir = Path(site_dir)
    folder = site_dir / "data"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "editor.json"]
    paths[0].write_text(dumps(editor_data(cat, schema, lang)), encoding="utf-8")
    if default:
        entries = folder / "entries"
        entries.mkdir(exist_ok=True)
        for e in cat.entries.values():
            path = entries / f"{e.slug}.json"
            path.write_text(dumps(entry_record(e, root)), encoding="utf-8")
            paths.append(path)
    return paths
