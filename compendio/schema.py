"""The JSON Schema and the controlled vocabularies, loaded from schema/ (the one place they live)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fastjsonschema
import jsonschema
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
ENTRY_SCHEMA = "entry.schema.json"
VOCABULARIES = "vocabularies.json"


@dataclass(frozen=True)
class Schema:
    entry_file: dict  # the schema of one file's front matter (root of entry.schema.json)
    vocabularies: dict  # name -> {"terms": [...], "labels": {term: {es, en, ...}}, ...}
    file_validator: jsonschema.protocols.Validator
    entry_validator: jsonschema.protocols.Validator
    record_validators: dict  # "organisation" / "source" -> validator of one registry record
    fast_checks: dict  # validator -> compiled function that only says valid or not (fastjsonschema)

    def errors(self, validator, data):
        """jsonschema's errors for data. Most inputs are valid, so a compiled check answers those first: the
        same schema, about twenty times faster; jsonschema then explains the rest, every error at once."""
        try:
            self.fast_checks[id(validator)](data)
            return []
        except fastjsonschema.JsonSchemaException:
            return list(validator.iter_errors(data))

    def localized_fields(self) -> set[str]:
        return {k for k, v in self.entry_file["properties"].items() if v.get("x-localized")}

    def fact_fields(self) -> set[str]:
        return set(self.entry_file["properties"]) - self.localized_fields()

    def field_title(self, name: str, lang: str) -> str:
        prop = self.entry_file["properties"][name]
        return prop.get("x-title-es", prop["title"]) if lang == "es" else prop["title"]

    def terms(self, vocabulary: str) -> list[str]:
        return self.vocabularies[vocabulary]["terms"]

    def label(self, vocabulary: str, term: str, lang: str, plural: bool = False) -> str:
        labels = self.vocabularies[vocabulary]["labels"][term]
        return labels.get(f"{lang}_plural", labels[lang]) if plural else labels[lang]

    def sections(self, kind: str) -> tuple[list[str], list[str]]:
        spec = self.vocabularies["section"]["kinds"][kind]
        return spec["required"], spec["optional"]

    def unit_format(self, unit: str) -> str:
        return self.vocabularies["unit"]["formats"].get(unit, "count")

    def localized_required(self, kind: str) -> list[str]:
        return self.entry_file["$defs"]["entry"].get("x-localized-required", {}).get(kind, [])


def load(schema_dir: Path = SCHEMA_DIR) -> Schema:
    """Load and check the schema files. A broken schema is a maintainer's bug, so it raises plainly."""
    schema_dir = Path(schema_dir)
    return _compile((schema_dir / ENTRY_SCHEMA).read_text(encoding="utf-8"),
                    (schema_dir / VOCABULARIES).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)  # the same two files give the same validators: compiling them is most of a small run's time
def _compile(entry_text: str, vocab_text: str) -> Schema:
    entry = json.loads(entry_text)
    vocab_doc = json.loads(vocab_text)
    for doc in (entry, vocab_doc):
        jsonschema.Draft7Validator.check_schema(doc)
    vocabularies = {}
    for name, spec in vocab_doc["$defs"].items():
        terms, labels = spec["enum"], spec["x-labels"]
        if set(terms) != set(labels) or any(not {"es", "en"} <= set(v) for v in labels.values()):
            raise ValueError(f"{VOCABULARIES}: vocabulary {name}: every term needs es and en labels, and only terms "
                             "may have labels")
        vocabularies[name] = {"terms": terms, "labels": labels, "formats": spec.get("x-format", {}),
                              "kinds": spec.get("x-kinds", {})}
    # Validators get the schema with every $ref written out in place: the same rules, but jsonschema no longer
    # resolves references for each value of each file, which was most of the validation time.
    entry_inline = _inline(entry, {ENTRY_SCHEMA: entry, VOCABULARIES: vocab_doc}, ENTRY_SCHEMA)
    registry = Registry().with_resources([
        (ENTRY_SCHEMA, Resource.from_contents(entry)),
        (VOCABULARIES, Resource.from_contents(vocab_doc)),
    ])
    file_validator = jsonschema.Draft7Validator(entry_inline, registry=registry)
    entry_validator = jsonschema.Draft7Validator(entry_inline["$defs"]["entry"], registry=registry)
    records = {name: jsonschema.Draft7Validator(entry_inline["$defs"][f"{name}_record"], registry=registry)
               for name in ("organisation", "source", "country", "instrument", "collection", "shared_figure")}
    fast = {id(v): fastjsonschema.compile(v.schema) for v in (file_validator, entry_validator, *records.values())}
    return Schema(entry, vocabularies, file_validator, entry_validator, records, fast)


def _inline(node, documents: dict, base: str):
    """A copy of node with each {"$ref": "file#/json/pointer"} replaced by what it points to (no cycles here)."""
    if isinstance(node, list):
        return [_inline(item, documents, base) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        doc_name = target or base
        found = documents[doc_name]
        for part in filter(None, pointer.split("/")):
            found = found[part]
        merged = {**_inline(found, documents, doc_name), **{k: v for k, v in node.items() if k != "$ref"}}
        return merged
    return {k: _inline(v, documents, base) for k, v in node.items()}
