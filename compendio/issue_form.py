"""The "propose an entry" issue form, made from the schema's field list (compendio/editor_fields.py), and the
way back: an issue written with that form, as GitHub renders it, into an entry record for
compendio/entrywriter.py (scripts/from_issue.py).

GitHub renders a submitted form as Markdown: each field is a `### <label>` line followed by its value, or by
`_No response_` when it was left empty; a multiple-choice dropdown gives its options joined by ", ", and
checkboxes give `- [X] option` lines. Both directions read the same list of items, so the form and the script
cannot disagree about a field; tests/test_issue_form.py checks that the committed form is the one made here.

What the source does not state is written «no consta» or "not stated" (or the dropdown's option of that name):
in the first part of a field that may be not_stated as a whole (period's start, status's value), in a part that
may be (an end, a date), or in a cell that may be null (a figure's year).
"""
from __future__ import annotations

import re
import unicodedata

import yaml

from . import editor_fields, i18n
from .entryfile import LANGUAGES
from .problems import did_you_mean
from .schema import Schema

FORM_PATH = ".github/ISSUE_TEMPLATE/propose-entry.yml"
NO_RESPONSE = "_No response_"
SEPARATOR = " | "  # between the values of one row (results, organisations, places)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Items that are not fields of the entry: read by people, not by the script.
NOTES, CONFIRM = "notes", "confirm"
LANG_NAMES = {"es": ("español", "Spanish"), "en": ("inglés", "English")}


def _both(es: str, en: str) -> str:
    return f"{es} / {en}"


def _part_title(part: dict, lang: str) -> str:
    if "title" in part:
        return part["title"][lang]
    return i18n.ui(f"editor_part_{part['name']}", lang)


def _kinds_note(schema: Schema, field: dict) -> str:
    """Which kinds the field is for and which need it, in both languages."""
    every = schema.terms("kind")
    parts = []
    for lang in ("es", "en"):
        bits = []
        if field["kinds"] != every:
            names = ", ".join(schema.label("kind", k, lang) for k in field["kinds"])
            bits.append(("Solo para: " if lang == "es" else "Only for: ") + names + ".")
        if field["required"] and field["required"] != every:
            names = ", ".join(schema.label("kind", k, lang) for k in field["required"])
            bits.append(("Obligatorio para: " if lang == "es" else "Required for: ") + names + ".")
        if field.get("empty"):
            kinds = ", ".join(schema.label("kind", k, lang) for k in field["empty"])
            bits.append(i18n.ui("editor_empty_for", lang).format(kinds=kinds))
        parts.append(" ".join(bits))
    return _both(*parts) if parts[0] else ""


def _columns(parts: list[dict]) -> list[tuple[dict, str | None]]:
    """The columns of a row: one per part, two (es, en) for a part written in each language."""
    out = []
    for part in parts:
        if part["widget"] == "texts":
            out.extend((part, lang) for lang in LANGUAGES)
        else:
            out.append((part, None))
    return out


def _column_title(part, lang_of_text, lang) -> str:
    title = _part_title(part, lang)
    return f"{title} ({lang_of_text})" if lang_of_text else title


def _options(schema: Schema, field: dict) -> list[tuple[str, object]]:
    """(option as the form shows it, the value it stands for) of a dropdown."""
    if field["widget"] in ("term", "terms"):
        vocabulary = field["vocabulary"]
        return [(_both(schema.label(vocabulary, t, "es") or t, schema.label(vocabulary, t, "en") or t), t)
                for t in schema.terms(vocabulary)]
    if field["widget"] == "numbers":
        out = []
        for n in range(field["min"], field["max"] + 1):
            if field.get("vocabulary"):
                out.append((f"{n}. " + _both(schema.label(field["vocabulary"], str(n), "es"),
                                             schema.label(field["vocabulary"], str(n), "en")), n))
            else:
                out.append((str(n), n))
        return out
    if field["widget"] == "choice":
        return [(str(c), c) for c in field["choices"]]
    if field["widget"] == "boolean":
        return [(_both("Sí", "Yes"), True), (_both("No", "No"), False)]
    return []


def _both_ui(key: str) -> str:
    return _both(i18n.ui(key, "es"), i18n.ui(key, "en"))


def _field_title(field: dict) -> str:
    return _both(field["title"]["es"], field["title"]["en"])


def _title_in(field: dict, lang: str) -> str:
    """The label of a field's value written in lang: "Título (en inglés) / Title (in English)"."""
    es_name, en_name = LANG_NAMES[lang]
    return _both(f"{field['title']['es']} (en {es_name})", f"{field['title']['en']} (in {en_name})")


def _allowed_sections(schema: Schema, kind: str) -> list[str]:
    required, optional = schema.sections(kind)
    return required + optional


def _item(item_id, kind, label, description="", required=False, target=None, options=None, multiple=False,
          field=None, part=None) -> dict:
    """One item of the form (see items)."""
    return {"id": item_id, "type": kind, "label": label, "description": description, "required": required,
            "target": target, "options": options or [], "multiple": multiple, "field": field, "part": part}


def items(schema: Schema) -> list[dict]:
    """The form's fields, in order: {id, type, label, description, required, options, multiple, target},
    where target says what the value fills: ("kind",), ("slug",), ("text", lang, name), ("facts", name),
    ("facts", name, part), ("sections", lang, key), or None for a note read by people only."""
    fields = editor_fields.fields(schema)
    out = _head_items(schema, fields)
    for field in fields:
        if field["localized"]:
            out.extend(_text_items(schema, field))
    for field in fields:
        if not field["localized"] and field["name"] != editor_fields.KIND:
            out.extend(_fact_items(schema, field))
    for key in schema.terms("section"):
        out.extend(_section_items(schema, key))
    out.append(_notes_item())
    return out


def _head_items(schema: Schema, fields: list[dict]) -> list[dict]:
    """The entry's kind and its slug, which come first."""
    kind_field = next(f for f in fields if f["name"] == editor_fields.KIND)
    return [
        _item("kind", "dropdown", _field_title(kind_field), required=True, target=("kind",),
              options=_options(schema, kind_field), field=kind_field),
        _item("slug", "input", _both_ui("editor_slug"),
              _both_ui("editor_slug_help") + " "
              + _both("Si lo deja vacío, se forma a partir del título.", "Left empty, it is made from the title."),
              target=("slug",)),
    ]


def _text_items(schema: Schema, field: dict) -> list[dict]:
    """A field written in each language: one item per language."""
    out = []
    for lang in LANGUAGES:
        help_text = _both(field["help"]["es"], field["help"]["en"])
        if field["widget"] == "lines":
            help_text += " " + _both_ui("editor_lines_help")
        note = _kinds_note(schema, field)
        long = field["widget"] == "lines" or field.get("max", 0) > 200
        out.append(_item(f"{field['name']}-{lang}", "textarea" if long else "input", _title_in(field, lang),
                         " ".join(filter(None, [help_text, note])), target=("text", lang, field["name"]), field=field))
    return out


def _fact_items(schema: Schema, field: dict) -> list[dict]:
    """A fact (written once for both languages): its item, or one per part or language, by its widget."""
    title = _field_title(field)
    description = " ".join(filter(None, [_both(field["help"]["es"], field["help"]["en"]),
                                         _kinds_note(schema, field)]))
    # Required in GitHub's form only if every kind needs a value (a list some kind may leave empty is not).
    required = field["required"] == schema.terms("kind") and not field.get("empty")
    widget = field["widget"]
    target = ("facts", field["name"])
    if widget in ("terms", "numbers", "term", "choice", "boolean"):
        return [_item(field["name"], "dropdown", title, description, required, target,
                      _options(schema, field), multiple=widget in ("terms", "numbers"), field=field)]
    if widget == "group":
        return [item for part in field["parts"] for item in _part_items(schema, field, part, required)]
    if widget == "rows":
        return [_item(field["name"], "textarea", title, " ".join(filter(None, [description, _rows_help(field)])),
                      required, target, field=field)]
    if widget == "lines":
        return [_item(field["name"], "textarea", title, description + " " + _both_ui("editor_lines_help"),
                      required, target, field=field)]
    if widget == "refs":
        return [_item(field["name"], "input", title, description + " " + _refs_help(field), required, target,
                      field=field)]
    if widget == "texts":
        return [_item(f"{field['name']}-{lang}", "input", _title_in(field, lang), description, False,
                      ("facts", field["name"], lang), field=field) for lang in LANGUAGES]
    return [_item(field["name"], "input", title, description, required, target, field=field)]


def whole_part(field: dict) -> dict | None:
    """The part of a group that also says the whole field's constant (period's start, status's value): "no
    consta / not stated" there, or that option of its dropdown, is period: not_stated."""
    if field["widget"] != "group" or "constant" not in field:
        return None
    return next((p for p in field["parts"] if p["required"]), field["parts"][0])


def constant_label(constant) -> str:
    """The option that stands for a constant (not_stated): "No consta en la fuente / Not stated in the source"."""
    key = f"editor_{constant}"
    return _both_ui(key) if _has_ui(key) else str(constant)


def _part_label(field: dict, part: dict) -> str:
    return _both(f"{field['title']['es']}: {_part_title(part, 'es')}",
                 f"{field['title']['en']}: {_part_title(part, 'en')}")


def _part_items(schema: Schema, field: dict, part: dict, required: bool) -> list[dict]:
    """The items of one part of a group: one, or one per language for a text written in each (a period's note)."""
    item = _part_item(schema, field, part, required)
    if part["widget"] != "texts":
        return [item]
    out = []
    for lang in LANGUAGES:
        es_name, en_name = LANG_NAMES[lang]
        label = _both(f"{field['title']['es']}: {_part_title(part, 'es')} (en {es_name})",
                      f"{field['title']['en']}: {_part_title(part, 'en')} (in {en_name})")
        out.append({**item, "id": f"{item['id']}-{lang}", "label": label, "target": (*item["target"], lang)})
    return out


def _part_item(schema: Schema, field: dict, part: dict, required: bool) -> dict:
    """One part of a group field (a period's start, a figure's value...)."""
    label = _part_label(field, part)
    notes = [next((_both_ui(k) for k in editor_fields.help_keys(field["name"], part["name"]) if _has_ui(k)), "")]
    whole = whole_part(field) is part
    if "constant" in part:
        notes.append(_both_ui("editor_help_not_stated"))
    if whole:
        notes.append(_both(*(i18n.ui("editor_help_whole_not_stated", lang).format(name=field["name"])
                             for lang in ("es", "en"))))
    target = ("facts", field["name"], part["name"])
    options = _options(schema, part) if part["widget"] in ("term", "choice", "boolean") else None
    if whole and options is not None:
        options.append((constant_label(field["constant"]), field["constant"]))
    # A part of a field that may be not_stated as a whole is needed only when the field is stated.
    needed = required and part["required"] and ("constant" not in field or whole)
    return _item(f"{field['name']}-{part['name']}", "dropdown" if options is not None else "input", label,
                 " ".join(filter(None, notes)), needed, target, options, field=field, part=part)


def _rows_help(field: dict) -> str:
    """How to write the rows of a table field, with its columns in order."""
    columns = [_both(_column_title(p, LANG_NAMES[t][0] if t else None, "es"),
                     _column_title(p, LANG_NAMES[t][1] if t else None, "en"))
               for p, t in _columns(field["parts"])]
    text = _both("Una fila por línea, con los valores separados por « | » en este orden:",
                 "One row per line, values separated by \" | \" in this order:") + " " + SEPARATOR.join(columns) + "."
    lists = [p for p in field["parts"] if p["widget"] in ("refs", "terms")]
    if lists:
        text += " " + _both(", ".join(_part_title(p, "es") for p in lists) + ": separados por comas.",
                            ", ".join(_part_title(p, "en") for p in lists) + ": separated by commas.")
    unstated = [p for p in field["parts"] if p.get("nullable") or "constant" in p]
    if unstated:
        short = {lang: i18n.ui("editor_not_stated_short", lang) for lang in ("es", "en")}
        text += " " + _both(", ".join(_part_title(p, "es") for p in unstated)
                            + f": «{short['es']}» si la fuente no lo indica.",
                            ", ".join(_part_title(p, "en") for p in unstated)
                            + f': "{short["en"]}" if the source does not state it.')
    return text


def _refs_help(field: dict) -> str:
    if field["registry"] == "countries":
        return _both("Países por su nombre o su código, separados por comas.",
                     "Countries by name or code, separated by commas.")
    return _both("Ids separados por comas.", "Ids separated by commas.")


def _section_items(schema: Schema, key: str) -> list[dict]:
    """A section of the entry's text: one item per language, saying which kinds have it and which need it."""
    every = schema.terms("kind")
    needed = [k for k in every if key in schema.sections(k)[0]]
    allowed = [k for k in every if key in _allowed_sections(schema, k)]
    note = []
    for code in ("es", "en"):
        bits = [("Para: " if code == "es" else "For: ")
                + ", ".join(schema.label("kind", k, code) for k in allowed) + "."]
        if needed:
            bits.append(("Obligatoria para: " if code == "es" else "Required for: ")
                        + ", ".join(schema.label("kind", k, code) for k in needed) + ".")
        note.append(" ".join(bits))
    out = []
    for lang in LANGUAGES:
        es_name, en_name = LANG_NAMES[lang]
        label = _both(f"Texto en {es_name}: {schema.label('section', key, 'es')}",
                      f"{en_name} text: {schema.label('section', key, 'en')}")
        out.append(_item(f"section-{key}-{lang}", "textarea", label, _both(*note) + " Markdown.",
                         target=("sections", lang, key)))
    return out


def _notes_item() -> dict:
    return _item(NOTES, "textarea", _both("Notas para el equipo", "Notes for the team"),
                 _both("Opcional: un documento fuente que aún no está en la lista (autor, título, año, enlace), "
                       "un contacto, o lo que el equipo deba saber.",
                       "Optional: a source document not listed yet (author, title, year, link), a contact, or "
                       "anything the team should know."))


def _has_ui(key: str) -> bool:
    try:
        i18n.ui(key, "es")
        return True
    except KeyError:
        return False


# ------------------------------------------------------------------------------------------------ the form
INTRO = (
    "Gracias por su propuesta. Cada campo corresponde a un campo de la entrada (véase la página «Campos de una "
    "entrada» del sitio). Complete lo que sepa; si prefiere un formulario que revisa cada campo mientras escribe, use "
    "el editor del sitio (Contribuir > Nueva entrada).\n"
    "Cuando el equipo añade la etiqueta `accepted`, un flujo de trabajo convierte esta propuesta en los archivos de la "
    "entrada y abre una solicitud de cambios, o responde aquí con lo que hay que corregir.\n"
    "\n"
    "*Thank you for your proposal. Each field is a field of the entry (see the site's \"Fields of an entry\" page). "
    "Fill in what you know; if you prefer a form that checks each field as you type, use the site's editor "
    "(Contribute > New entry).\n"
    "When the team adds the `accepted` label, a workflow turns this proposal into the entry's files and opens a pull "
    "request, or replies here with what to fix.*\n"
)
HEADER = (
    "# GitHub issue form: propose a good practice, programme or methodology for the compendium.\n"
    "# MADE BY scripts/make_issue_form.py FROM THE SCHEMA: do not edit by hand; change schema/ or "
    "compendio/issue_form.py and run\n"
    "#   python scripts/make_issue_form.py\n"
    "# Field ids avoid the issue URL's own query parameters (title, body, labels...), so links can prefill fields.\n"
    "# scripts/from_issue.py reads issues written with this form (workflow .github/workflows/from-issue.yml).\n"
)


def form(schema: Schema) -> dict:
    body = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for item in items(schema):
        attributes = {"label": item["label"]}
        if item["description"]:
            attributes["description"] = item["description"]
        if item["type"] == "dropdown":
            attributes["options"] = [label for label, _ in item["options"]]
            if item["multiple"]:
                attributes["multiple"] = True
        entry = {"type": item["type"], "id": item["id"], "attributes": attributes}
        if item["required"]:
            entry["validations"] = {"required": True}
        body.append(entry)
    body.append({"type": "checkboxes", "id": CONFIRM, "attributes": {
        "label": _both("Confirmación", "Confirmation"),
        "options": [{"label": _both("El texto está escrito con mis propias palabras.", "The text is in my own words."),
                     "required": True},
                    {"label": _both("Las cifras vienen de los documentos fuente citados.",
                                    "The figures come from the source documents cited.")}]}})
    return {"name": _both("Proponer una entrada", "Propose an entry"),
            "description": _both("Una buena práctica, un programa o una metodología de la ESS para el compendio.",
                                 "A good practice, programme or methodology of the SSE for the compendium."),
            "title": "[Propuesta / Proposal]: ", "labels": ["entry-proposal"], "body": body}


class _Dumper(yaml.SafeDumper):
    """Texts of several lines as literal blocks (|), as a person would write the form."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def form_text(schema: Schema) -> str:
    return HEADER + yaml.dump(form(schema), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


# --------------------------------------------------------------------------------------- reading an issue
def split_body(body: str, labels: list[str]) -> dict[str, str]:
    """{label: value} of an issue body rendered from the form. Only the form's own labels start a field, so a
    `### ` heading inside a text is kept as text."""
    known = set(labels)
    values: dict[str, list[str]] = {}
    current = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        m = re.match(r"^###\s+(.+?)\s*$", line)
        if m and m.group(1) in known:
            current = m.group(1)
            values[current] = []
            continue
        if current is not None:
            values[current].append(line)
    out = {}
    for label, lines in values.items():
        text = "\n".join(lines).strip("\n").rstrip()
        out[label] = "" if text.strip() == NO_RESPONSE else text
    return out


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def slugify(text: str, limit: int = 60) -> str:
    slug = fold(text).replace(" ", "-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def _multi(value: str, options: list[tuple[str, object]]):
    """Dropdown options joined by ", " back into their values (an option may itself hold a comma)."""
    by_label = {label: v for label, v in options}
    found, unknown, buffer = [], [], ""
    for token in value.split(", "):
        buffer = f"{buffer}, {token}" if buffer else token
        if buffer.strip() in by_label:
            found.append(by_label[buffer.strip()])
            buffer = ""
    if buffer.strip():
        unknown.append(buffer.strip())
    return found, unknown


def _number(text: str, integer: bool):
    text = text.strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if not integer and re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return None


class Reader:
    """Turns the values of one issue into a record, collecting every value it cannot use."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self.problems: list[str] = []
        self.unstated_words = unstated_words()
        names = i18n.country_names()
        self.countries = {fold(n): code for code, both in names.items() for n in both.values()}
        self.countries.update({code.lower(): code for code in names})
        self.country_names = [n for both in names.values() for n in both.values()]

    def problem(self, label: str, message: str):
        self.problems.append(f"{label}: {message}")

    def country(self, label, text):
        code = self.countries.get(fold(text))
        if code is None:
            self.problem(label, f'"{text}" is not a country name or code.{did_you_mean(text, self.country_names)}')
        return code

    def unstated(self, text: str) -> bool:
        """The text says the source does not state the value: «no consta», "not stated", or the option."""
        return fold(text) in self.unstated_words

    def scalar(self, label, spec, text, lang_label=""):
        """One value of a field or part from its text; None (with a problem) when it cannot be used."""
        text = text.strip()
        widget = spec["widget"]
        if "constant" in spec and self.unstated(text):
            return spec["constant"]
        if widget in ("integer", "number"):
            value = _number(text, widget == "integer")
            if value is None:
                self.problem(label, f'"{text}" is not {"a whole number" if widget == "integer" else "a number"}; write '
                             "digits only, with a point for decimals and no thousands separators")
            return value
        if widget in ("term", "choice", "boolean"):
            options = _options(self.schema, spec)
            for shown, value in options:
                if text == shown or fold(text) in (fold(shown), fold(str(value))) or \
                        any(fold(text) == fold(half) for half in shown.split(" / ")):
                    return value
            hint = did_you_mean(text, [o for o, _ in options])
            self.problem(label, f'"{text}" is not one of the accepted values.{hint}')
            return None
        if widget == "ref" and spec.get("registry") == "countries":
            return self.country(label, text)
        if widget == "ref" and not SLUG.match(text):
            self.problem(label, f'"{text}" is not an id: use lower-case letters, digits and hyphens, '
                         "as listed on the site")
            return None
        return text

    def value(self, item: dict, text: str):
        field, label = item["field"], item["label"]
        widget = field["widget"]
        if item["part"] is not None:
            return self.scalar(label, item["part"], text)
        if widget in ("terms", "numbers"):
            found, unknown = _multi(text, item["options"])
            shown = [o for o, _ in item["options"]]
            for u in unknown:
                self.problem(label, f'"{u}" is not one of the accepted values.{did_you_mean(u, shown)}')
            return found
        if widget in ("term", "choice", "boolean", "integer", "number", "text", "ref"):
            return self.scalar(label, field, text)
        if widget == "lines":
            return [line.strip() for line in text.split("\n") if line.strip()]
        if widget == "refs":
            values = [v.strip() for v in re.split(r"[,;\n]", text) if v.strip()]
            spec = {"widget": "ref", "registry": field["registry"]}
            out = [self.scalar(label, spec, v) for v in values]
            return [v for v in out if v is not None]
        if widget == "texts":
            return text.strip()
        if widget == "rows":
            return self.rows(item, text)
        self.problem(label, "this field cannot be read from an issue; add it in the pull request")
        return None

    def rows(self, item, text):
        field, label = item["field"], item["label"]
        columns = _columns(field["parts"])
        out = []
        for n, line in enumerate([ln for ln in text.split("\n") if ln.strip()], 1):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) > len(columns):
                self.problem(label, f"row {n} has {len(cells)} values but a row has at most {len(columns)}: "
                             + SEPARATOR.join(_column_title(p, t, "en") for p, t in columns))
                continue
            row: dict = {}
            for (part, lang), cell in zip(columns, cells, strict=False):  # a row may leave its last values out
                if not cell:
                    continue
                if lang:
                    row.setdefault(part["name"], {})[lang] = cell
                    continue
                if part.get("nullable") and "constant" not in part and self.unstated(cell):
                    row[part["name"]] = None  # year: null, the source states none
                    continue
                value = self.cell(f"{label}, row {n}, {_part_title(part, 'en')}", part, cell)
                if value is not None and value is not False and value != []:
                    row[part["name"]] = value
            missing = [p for p in field["parts"] if p["required"] and p["name"] not in row]
            if missing:
                hint = " (write \"not stated\" where the source gives none)" if any(
                    p.get("nullable") or "constant" in p for p in missing) else ""
                self.problem(label, f"row {n} lacks {', '.join(_part_title(p, 'en') for p in missing)}{hint}")
            out.append(row)
        return out

    def cell(self, label, part, text):
        """One value of a row; a list part (the countries of a scope) separated by commas."""
        if part["widget"] not in ("refs", "terms"):
            return self.scalar(label, part, text)
        spec = {"widget": "ref", "registry": part["registry"]} if part["widget"] == "refs" else \
            {**part, "widget": "term"}
        values = [self.scalar(label, spec, v) for v in re.split(r"[,;]", text) if v.strip()]
        return [v for v in values if v is not None]

    def fact(self, facts: dict, item: dict, text: str):
        """A fact, or one part of a group fact, into facts. The group's first required part may say the whole
        field is not stated (period: not_stated); a part that may be null says so with the same words."""
        field, part, target = item["field"], item["part"], item["target"]
        name = field["name"]
        if part is not None and whole_part(field) is part and self.unstated(text):
            if isinstance(facts.get(name), dict):
                self.problem(item["label"], f'says "{constant_label(field["constant"])}" for the whole field, but '
                             "other parts of it are given: leave them empty, or give this value")
            facts[name] = field["constant"]
            return
        if part is not None and part.get("nullable") and "constant" not in part and self.unstated(text):
            value = None
        else:
            value = self.value(item, text)
            if value in (None, "", []):
                return
        if len(target) < 3:
            facts[name] = value
        elif "constant" in field and facts.get(name) == field["constant"]:
            self.problem(item["label"], f'{_part_label(field, whole_part(field))} says the source does not state '
                         "this field; leave this empty, or give the field in full")
        elif len(target) == 4:  # a part written in each language: {es: ..., en: ...}
            facts.setdefault(name, {}).setdefault(target[2], {})[target[3]] = value
        else:
            facts.setdefault(name, {})[target[2]] = value


def read(body: str, schema: Schema, existing=()) -> tuple[dict, list[str]]:
    """(record, problems) of an issue body. existing: slugs already in practices/."""
    form_items = items(schema)
    values = split_body(body, [i["label"] for i in form_items])
    reader = Reader(schema)
    record = {"slug": "", "languages": [], "facts": {}, "text": {lang: {} for lang in LANGUAGES},
              "sections": {lang: {} for lang in LANGUAGES}}
    if not values:
        return record, ["the issue has none of the form's fields: was it written with the \"Propose an entry\" form?"]
    kind = None
    for item in form_items:
        target, text = item["target"], values.get(item["label"], "")
        if not target or not text:
            if item["required"] and target:
                reader.problem(item["label"], "is required but was left empty")
            continue
        if target == ("kind",):
            kind = reader.scalar(item["label"], item["field"], text)
            if kind:
                record["facts"]["kind"] = kind
        elif target == ("slug",):
            record["slug"] = text.strip()
        elif target[0] == "text":
            value = reader.value(item, text)
            if value not in (None, "", []):
                record["text"][target[1]][target[2]] = value if item["field"]["widget"] != "text" else value.strip()
        elif target[0] == "sections":
            record["sections"][target[1]][target[2]] = text
        else:
            reader.fact(record["facts"], item, text)
    if kind:
        _complete(reader, record["facts"], kind, [i for i in form_items if not values.get(i["label"])], schema)
        fields = {f["name"]: f for f in editor_fields.fields(schema)}
        for name in list(record["facts"]):
            if name != editor_fields.KIND and kind not in fields[name]["kinds"]:
                label = next(i["label"] for i in form_items if i["target"] and i["target"][:2] == ("facts", name))
                reader.problem(label, f"is not a field of a {kind}; leave it empty")
        allowed = _allowed_sections(schema, kind)
        for lang in LANGUAGES:
            for key in list(record["sections"][lang]):
                if key not in allowed:
                    label = next(i["label"] for i in form_items if i["target"] == ("sections", lang, key))
                    reader.problem(label, f"is not a section of a {kind}; leave it empty")
    period = record["facts"].get("period")
    if isinstance(period, dict) and "start" in period and "end" not in period:
        period["end"] = None  # as the templates write an open period
    record["languages"] = [lang for lang in LANGUAGES if record["text"][lang] or record["sections"][lang]]
    if not record["languages"]:
        title_label = next(i["label"] for i in form_items if i["target"] == ("text", LANGUAGES[0], "title"))
        reader.problem(title_label, "give the entry's title and summary in Spanish, English or both")
    if not record["slug"]:
        first = next((record["text"][lang].get("short_title") or record["text"][lang].get("title")
                      for lang in record["languages"] if record["text"][lang].get("title")), "")
        record["slug"] = slugify(first)
    slug_label = next(i["label"] for i in form_items if i["target"] == ("slug",))
    if not SLUG.match(record["slug"]):
        reader.problem(slug_label, f'"{record["slug"]}" is not a valid slug: use lower-case letters, digits and '
                       "single hyphens")
    elif record["slug"] in existing:
        reader.problem(slug_label, f'an entry "{record["slug"]}" already exists; give another slug, or correct that '
                       "entry with a pull request or the site's editor")
    return record, reader.problems


def _complete(reader: Reader, facts: dict, kind: str, left_empty: list[dict], schema: Schema):
    """What the items left empty mean for kind: a list the kind may leave empty is written empty (countries: []
    for a methodology); a stated group lacks none of its required parts."""
    for field in editor_fields.fields(schema):
        name = field["name"]
        if kind in field.get("empty", []) and name not in facts:
            facts[name] = []
        if field["widget"] == "group" and "constant" in field and isinstance(facts.get(name), dict):
            for item in left_empty:
                part = item["part"]
                if item["field"] is not None and item["field"]["name"] == name and part is not None \
                        and part["required"] and part is not whole_part(item["field"]):
                    reader.problem(item["label"], f'is required unless {_part_label(field, whole_part(field))} '
                                   f'says "{constant_label(field["constant"])}"')


def unstated_words(constant: str = "not_stated") -> set[str]:
    """What a person may write for "the source does not state it", folded: the constant itself, and its label
    and short form (data/ui.yml editor_<constant>, editor_<constant>_short) in either language or both."""
    words = {fold(constant)}
    for key in (f"editor_{constant}", f"editor_{constant}_short"):
        if _has_ui(key):
            words |= {fold(i18n.ui(key, "es")), fold(i18n.ui(key, "en")), fold(_both_ui(key))}
    return words


def render(record_values: dict[str, str]) -> str:
    """An issue body as GitHub renders a submitted form ({label: value}; empty values as _No response_). Used
    by the tests and by anyone checking an issue by hand."""
    return "\n\n".join(f"### {label}\n\n{value if value else NO_RESPONSE}"
                       for label, value in record_values.items()) + "\n"
