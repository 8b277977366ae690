"""The fields of an entry as a form shows them, read from schema/entry.schema.json and schema/vocabularies.json.

The entry editor (compendio/editor.py), the issue form and scripts/from_issue.py (compendio/issue_form.py) use
this one list, so a field or a term added to the schema appears in each of them without code changes. Plain
data out: one dict per field, with its titles and help in both languages and a `widget` that says its shape:

  term / terms      one / several terms of a vocabulary        (vocabulary)
  ref / refs        one / several ids from a registry          (registry: countries, organisations, sources,
                                                                instruments, entries, methodologies)
  numbers           several whole numbers in a range, named by a vocabulary whose terms are those numbers (sdgs)
  text / lines      a text / several texts, one per line       (min, max, pattern)
  integer / number / boolean
  texts             one short text per language, {es: ..., en: ...}
  group             an object of parts (period, status)         (parts)
  rows              a list of objects, one row each (results)  (parts)
A part is described the same way, with its own `name`, `required` and `nullable`.

A value the schema offers as a oneOf of alternatives is described by its one real alternative, with what else
it may be: `nullable` (an alternative {type: null}: year: null, "the source states none"; end: null, "still
running") and `constant` (an alternative {const: ...}, such as $defs/not_stated: period: not_stated, "the
source does not state it"). A list the entry must have but may leave empty for some kinds (countries: [] for a
methodology) names those kinds in `empty`: for them an empty list is written, not left out.
"""
from __future__ import annotations

from .schema import Schema

KIND = "kind"
# $defs whose values are ids of something the catalogue lists.
REFERENCES = {"country": "countries", "organisation_id": "organisations", "source_id": "sources",
              "instrument_id": "instruments", "slug": "entries"}
# Fields whose ids come from another list than their $defs says (as validate.check_references checks them):
# methodologies name methodology entries only; former slugs name addresses that no longer exist.
FIELD_REGISTRY = {"methodologies": "methodologies", "former_slugs": None}


def fields(schema: Schema) -> list[dict]:
    """Every property of an entry file, in schema order."""
    out = []
    for name, prop in schema.entry_file["properties"].items():
        field = {
            "name": name,
            "title": {"es": prop.get("x-title-es", prop.get("title", name)), "en": prop.get("title", name)},
            "help": {"es": prop.get("x-description-es", prop.get("description", "")),
                     "en": prop.get("description", "")},
            "localized": bool(prop.get("x-localized")),
            "kinds": list(prop.get("x-kinds") or schema.terms(KIND)),
            "required": required_for(schema, name),
        }
        field.update(describe(schema, prop, name))
        empty = _empty_for(schema, name, field["required"])
        if empty:
            field["empty"] = empty
        out.append(field)
    return out


def _empty_for(schema: Schema, name: str, required: list[str]) -> list[str]:
    """The kinds for which a required list may be empty, written `name: []`: those left out when the kinds set the
    list's minimum themselves ($defs/entry allOf: countries needs an item for a programme or practice only)."""
    minimum = {}
    for cond in schema.entry_file["$defs"]["entry"].get("allOf", []):
        kind = cond.get("if", {}).get("properties", {}).get(KIND, {}).get("const")
        rule = cond.get("then", {}).get("properties", {}).get(name, {})
        if kind and "minItems" in rule:
            minimum[kind] = rule["minItems"]
    return [k for k in required if not minimum.get(k)] if minimum else []


def record_parts(schema: Schema, record: str) -> list[dict]:
    """The parts of a registry record (organisation_record, source_record), to add a new one in a form."""
    return describe(schema, schema.entry_file["$defs"][f"{record}_record"], None)["parts"]


def required_for(schema: Schema, name: str) -> list[str]:
    """The kinds that need the field (in a file, in the merged entry, by a kind's own rule)."""
    entry = schema.entry_file["$defs"]["entry"]
    kinds = schema.terms(KIND)
    if name in schema.entry_file.get("required", []) or name in entry.get("required", []):
        return list(kinds)
    out = [k for k in kinds for cond in entry.get("allOf", [])
           if cond.get("if", {}).get("properties", {}).get(KIND, {}).get("const") == k
           and name in cond.get("then", {}).get("required", [])]
    return out + [k for k in kinds if name in schema.localized_required(k) and k not in out]


def describe(schema: Schema, node: dict, name: str | None) -> dict:
    """The widget of a schema node. name is the top-level field's name (None inside a field)."""
    ref = node.get("$ref")
    if ref:
        document, _, pointer = ref.partition("#")
        target_name = pointer.rstrip("/").split("/")[-1]
        if document == "vocabularies.json":
            return {"widget": "term", "vocabulary": target_name}
        target = schema.entry_file["$defs"][target_name]
        if target_name in REFERENCES:
            registry = FIELD_REGISTRY[name] if name in FIELD_REGISTRY else REFERENCES[target_name]
            if registry:
                return {"widget": "ref", "registry": registry}
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        if target_name in ("text", "long_text"):
            return {"widget": "texts", "min": _string_limit(merged, "minLength"),
                    "max": _string_limit(merged, "maxLength")}
        return describe(schema, merged, name)
    options = node.get("oneOf") or node.get("anyOf")
    if options:
        resolved = [_resolve(schema, o) for o in options]
        constants = [o["const"] for o in resolved if "const" in o]
        real = [o for o, r in zip(options, resolved, strict=True) if r.get("type") != "null" and "const" not in r]
        if len(real) == 1:
            out = {**describe(schema, real[0], name), "nullable": any(r.get("type") == "null" for r in resolved)}
            if constants:
                out["constant"] = constants[0]
            return out
    kind = node.get("type")
    if "enum" in node and kind in (None, "string"):
        return {"widget": "choice", "choices": list(node["enum"])}
    if kind == "array":
        item = describe(schema, node.get("items", {}), name)
        many = {"term": "terms", "ref": "refs", "text": "lines", "group": "rows"}.get(item["widget"])
        if many:
            out = {**item, "widget": many}
        elif item["widget"] == "integer" and "min" in item and "max" in item:
            out = {"widget": "numbers", "min": item["min"], "max": item["max"],
                   "vocabulary": _numbered_vocabulary(schema, item["min"], item["max"])}
        else:
            out = {"widget": "lines", "item": item["widget"]}
        if node.get("minItems"):
            out["min_items"] = node["minItems"]
        return out
    if kind == "object":
        required = node.get("required", [])
        parts = [{"name": key, "required": key in required, **describe(schema, sub, None),
                  **({"title": {"es": sub.get("x-title-es", sub["title"]), "en": sub["title"]}}
                     if "title" in sub else {}),
                  **({"help": {"es": sub.get("x-description-es", sub["description"]), "en": sub["description"]}}
                     if "description" in sub else {})}
                 for key, sub in node.get("properties", {}).items()]
        return {"widget": "group", "parts": parts}
    if kind == "string":
        out = {"widget": "text", "min": _string_limit(node, "minLength"), "max": _string_limit(node, "maxLength")}
        if "pattern" in node:
            out["pattern"] = node["pattern"]
        return out
    if kind in ("integer", "number"):
        out = {"widget": kind}
        for key, short in (("minimum", "min"), ("maximum", "max")):
            if key in node:
                out[short] = node[key]
        return out
    if kind == "boolean":
        return {"widget": "boolean"}
    return {"widget": "text", "min": 0, "max": 0}


def _resolve(schema: Schema, node: dict) -> dict:
    """What a local {"$ref": "#/$defs/x"} points to (other nodes as they are)."""
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return {**schema.entry_file["$defs"][ref.rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def constants(field_list: list[dict]) -> list:
    """Every constant a field or part may take instead of its value (not_stated), once each."""
    out = []
    for _, item in walk(field_list):
        if "constant" in item and item["constant"] not in out:
            out.append(item["constant"])
    return out


def _string_limit(node: dict, key: str) -> int:
    if key in node:
        return node[key]
    inner = node.get("properties", {})
    values = [v.get(key, 0) for v in inner.values()]
    return max(values) if values else 0


def _numbered_vocabulary(schema: Schema, low: int, high: int) -> str | None:
    """A vocabulary whose terms are exactly the numbers low..high (the goals' names for sdgs), if there is one."""
    wanted = [str(n) for n in range(low, high + 1)]
    return next((name for name, v in schema.vocabularies.items() if v["terms"] == wanted), None)


def help_keys(parent: str | None, name: str) -> list[str]:
    """The data/ui.yml keys of a part's help, most specific first: a note of a period is not a note of a source."""
    return ([f"editor_help_{parent}_{name}"] if parent else []) + [f"editor_help_{name}"]


def walk(field_list: list[dict]):
    """Every field and part, depth first: (path of names, description)."""
    def go(items, prefix):
        for item in items:
            path = prefix + (item["name"],)
            yield path, item
            yield from go(item.get("parts", []), path)
    yield from go(field_list, ())
