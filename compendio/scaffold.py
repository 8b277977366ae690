"""The text of a new entry file, made from the schema so templates never drift from it."""
from __future__ import annotations

from .schema import Schema

PLACEHOLDER = "TODO"
# The comment before the facts in a file that holds them (the entry editor writes the same line).
FACTS_COMMENT = {"es": "# Hechos: se escriben una sola vez, en uno de los dos archivos de idioma.",
                 "en": "# Facts: written once, in one of the two language files."}

_FACTS = {
    "methodology": """kind: methodology
international_names: ["TODO: name in English (ACRONYM)"]
audience: [smes]
formats: [classroom_training]
developed_by: [ilo]
""",
    "programme": """kind: programme
methodologies: []
""",
    "practice": """kind: practice
""",
}

_COMMON_FACTS = """countries: [CO]
places: []
period: {start: 2015, end: null}
status: {value: under_way, as_of: "2016", source: ilo-andean-2016}
themes: [TODO]
target_groups: [TODO]
sectors: [TODO]
organisations:
  - {id: ilo, role: implementer}
sdgs: [8]
results:
  - value: 0
    unit: enterprises
    what: {es: "TODO: qué cuenta la cifra", en: "TODO: what the figure counts"}
    year: 2015
    source: ilo-andean-2016
    key: true
sources: [ilo-andean-2016]
"""


def entry_text(schema: Schema, kind: str, lang: str, with_facts: bool = True) -> str:
    """A new entry file for kind in lang. with_facts=False makes a translation file (text fields only)."""
    head = [
        "---",
        f'title: "{PLACEHOLDER}: {schema.field_title("title", lang)}"',
        f'summary: "{PLACEHOLDER}: {schema.field_title("summary", lang)}"',
    ]
    if kind == "methodology":
        head.append(f'modules: ["{PLACEHOLDER}"]')
    if with_facts:
        head.append(FACTS_COMMENT[lang])
        head.append((_FACTS[kind] + _COMMON_FACTS).rstrip("\n"))
    head.append("---")
    required, optional = schema.sections(kind)
    body = []
    for key in required + optional:
        note = "" if key in required else (" (opcional: borre la sección si no aplica)" if lang == "es"
                                           else " (optional: delete the section if it does not apply)")
        body.append(f"## {schema.label('section', key, lang)}\n\n{PLACEHOLDER}{note}\n")
    return "\n".join(head) + "\n\n" + "\n".join(body)
