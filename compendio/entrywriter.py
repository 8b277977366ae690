"""Write an entry's files from plain data, in the format of practices/_templates/ (compendio/scaffold.py).

The record, as the entry editor keeps it (docs/javascripts/editor.js writes the same bytes from the same
record; tests/test_browser_editor.py compares the two) and scripts/from_issue.py builds it:

    {"slug": "my-programme", "languages": ["es", "en"], "facts_lang": "es" (optional),
     "facts": {"kind": "programme", "countries": ["CO"], ...},       # as the front matter holds them
     "text": {"es": {"title": ..., "summary": ..., "modules": [...]}, "en": {...}},
     "sections": {"es": {"overview": "Markdown", ...}, "en": {...}},
     "lead": {"es": "Markdown before the first section"} (optional)}

The text fields go in each language's file; the facts once, in facts_lang's file (the first language written
when it is not given), after the comment the templates carry. Codes (terms, ids, country codes, and a constant
the schema offers instead of a value: period: not_stated) are written plain, texts in double quotes; empty
values are left out, except a list the kind must have but may leave empty (countries: [] for a
methodology: editor_fields' `empty`). Sections follow the kind's order, each as
`## <heading in the file's language>`.
"""
from __future__ import annotations

import json
import re

from .editor_fields import fields as schema_fields
from .entryfile import LANGUAGES
from .scaffold import FACTS_COMMENT
from .schema import Schema

CODE_WIDGETS = {"term", "terms", "ref", "refs", "choice"}
_PLAIN = re.compile(r"^(?:[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*|[A-Z]{2})$")
# Words some YAML readers take for something other than text (YAML 1.1 booleans, nulls): always quoted.
_SPECIAL = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "NO", "ON"}


def scalar(value, code: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    text = str(value)
    if code and _PLAIN.match(text) and text not in _SPECIAL:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(value, spec: dict | None = None) -> str:
    """A value on one line: [a, b] or {key: value}."""
    spec = spec or {}
    if isinstance(value, list):
        item_spec = {**spec, "widget": _item_widget(spec)}
        return "[" + ", ".join(flow(v, item_spec) for v in value) + "]"
    if isinstance(value, dict):
        parts = _parts(spec)
        return "{" + ", ".join(f"{k}: {flow(v, parts.get(k))}" for k, v in _ordered(value, parts)) + "}"
    code = spec.get("widget") in CODE_WIDGETS or (spec.get("widget") == "text" and "pattern" in spec) or \
        ("constant" in spec and value == spec["constant"])
    return scalar(value, code)


def _item_widget(spec: dict) -> str | None:
    widget = spec.get("widget")
    return {"terms": "term", "refs": "ref", "rows": "group", "lines": "text"}.get(widget, widget)


def _parts(spec: dict | None) -> dict:
    return {p["name"]: p for p in (spec or {}).get("parts", [])}


def _ordered(value: dict, parts: dict):
    """Keys in the schema's order, then any others as given."""
    keys = [k for k in parts if k in value] + [k for k in value if k not in parts]
    return [(k, value[k]) for k in keys if not _empty(value[k])]


def _empty(value) -> bool:
    """Left out of the file. None is not empty: it is an explicit null (period: {start: 2015, end: null})."""
    return isinstance(value, (str, list, dict)) and not value


def field_lines(name: str, value, spec: dict) -> list[str]:
    """The lines of one top-level field."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out = [f"{name}:"]
        parts = _parts(spec)
        for item in value:
            pairs = _ordered(item, parts)
            if all(not isinstance(v, dict) for _, v in pairs):  # one line: {basis: region, countries: [EC, BO]}
                out.append(f"  - {flow(item, {**spec, 'widget': 'group'})}")
                continue
            for i, (key, v) in enumerate(pairs):
                out.append(("  - " if i == 0 else "    ") + f"{key}: {flow(v, parts.get(key))}")
        return out
    return [f"{name}: {flow(value, spec)}"]


def body_text(text) -> str:
    """A text area's Markdown as the file holds it: LF line ends, no blank lines or spaces around it."""
    return re.sub(r"\r\n?", "\n", str(text or "")).strip("\n").rstrip()


def entry_files(record: dict, schema: Schema) -> dict[str, str]:
    """{"practices/<slug>.<lang>.md": file text} for each language of the record."""
    specs = schema_fields(schema)
    by_name = {f["name"]: f for f in specs}
    languages = [lang for lang in LANGUAGES if lang in (record.get("languages") or [])]
    if not languages:
        return {}
    facts_lang = record.get("facts_lang") if record.get("facts_lang") in languages else languages[0]
    facts = record.get("facts") or {}
    kind = facts.get("kind")
    required, optional = schema.sections(kind) if kind in schema.terms("kind") else ([], [])
    files = {}
    for lang in languages:
        head = ["---"]
        text = (record.get("text") or {}).get(lang) or {}
        for spec in specs:
            if spec["localized"] and spec["name"] in text and not _empty(text[spec["name"]]):
                value = text[spec["name"]]
                text_spec = {**spec, "widget": "lines" if isinstance(value, list) else "text"}
                head.append(f"{spec['name']}: {flow(value, text_spec)}")
        if lang == facts_lang:
            head.append(FACTS_COMMENT[lang])
            names = [f["name"] for f in specs if not f["localized"]]
            for name in names + [k for k in facts if k not in by_name]:
                spec = by_name.get(name, {})
                if name in facts and (not _empty(facts[name]) or (facts[name] == [] and kind in spec.get("empty", []))):
                    head.extend(field_lines(name, facts[name], spec))
        head.append("---")
        sections = (record.get("sections") or {}).get(lang) or {}
        keys = [k for k in required + optional if k in sections] + [k for k in sections if k not in required + optional]
        body = []
        lead = body_text((record.get("lead") or {}).get(lang))
        if lead:
            body.append(lead + "\n")
        for key in keys:
            section = body_text(sections[key])
            if section:
                heading = schema.label("section", key, lang) if key in schema.terms("section") else key
                body.append(f"## {heading}\n\n{section}\n")
        files[f"practices/{record['slug']}.{lang}.md"] = ("\n".join(head) + "\n"
                                                          + ("\n" + "\n".join(body) if body else ""))
    return files
