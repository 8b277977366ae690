"""Schema errors (jsonschema) turned into messages a contributor can act on: the field, what is wrong, and how to
fix it, with a "Did you mean" where a close valid value exists."""
from __future__ import annotations

import re

from .problems import closest, did_you_mean

_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
    "object": "a group of `key: value` lines", "boolean": "true or false", "null": "empty",
}

YES_NO = ("yes", "no", "si", "sí", "y", "n", "on", "off")


def type_name(value) -> str:
    """What a value is, in a contributor's words."""
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


def field_name(path) -> str:
    """A path into the front matter as a contributor writes it: results[2].value."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def specific(errors) -> list:
    """Schema errors with each failed oneOf/anyOf replaced by the errors of the alternative the value was meant
    for: the one whose type fits (an object written for period: {start: ...}), else the field's main form (the
    first alternative that is not null or not_stated). So a mistake inside period or status gets the same
    message it would without the alternatives."""
    out = []
    for err in errors:
        if err.validator in ("oneOf", "anyOf") and err.context:
            by_branch: dict = {}
            for sub in err.context:
                by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)
            fits = [subs for subs in by_branch.values()
                    if not any(s.validator in ("type", "const") and not s.relative_path for s in subs)]
            if not fits:
                main = next((i for i, alt in enumerate(err.validator_value)
                             if alt.get("type") != "null" and "const" not in alt), None)
                fits = [by_branch[main]] if main in by_branch else []
            if len(fits) == 1:
                out.extend(specific(fits[0]))
                continue
        out.append(err)
    return out


def explain(err, path, countries: dict) -> str:
    """A schema error as a message a contributor can act on: what is wrong and how to fix it."""
    v, schema, inst = err.validator, err.schema, err.instance
    names = [p for p in path if isinstance(p, str)]
    leaf = names[-1] if names else ""
    hint = schema.get("description", "") if isinstance(schema, dict) else ""
    if v == "required":
        return missing_message(err.validator_value[0] if not isinstance(inst, dict) else
                                    next(r for r in err.validator_value if r not in inst), path)
    if v == "enum":
        allowed = err.validator_value
        suggestion = did_you_mean(inst, allowed)
        shown = ", ".join(allowed) if len(allowed) <= 25 else "see schema/vocabularies.json"
        return f'"{inst}" is not an accepted value.{suggestion or " Accepted values: " + shown + "."}'
    if v == "type":
        return type_message(inst, err.validator_value, leaf)
    if v == "pattern":
        return pattern_message(inst, path, hint, countries)
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

def missing_message(name, path) -> str:
    where = f" to {field_name(path)}" if path else ""
    return f'the required field "{name}" is missing; add `{name}:`{where}'

def missing_fields(err) -> list[str]:
    """A `required` error names every required field; only the absent ones are wrong."""
    return [r for r in err.validator_value if isinstance(err.instance, dict) and r not in err.instance]

def pattern_message(value, path, hint, countries: dict) -> str:
    leaf = [p for p in path if isinstance(p, str)]
    name = leaf[-1] if leaf else ""
    if name in ("countries", "country"):
        by_name = {n: code for code, names in countries.items() for n in names.values()}
        hits = closest(value, list(countries) + list(by_name))
        hit = by_name.get(hits[0], hits[0]) if hits else None
        tip = f' Did you mean "{hit}"?' if hit else ""
        return f'"{value}" is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. CO).{tip}'
    if name in ("methodologies", "related"):
        return f'"{value}" is not a valid slug: use lower-case letters, digits and single hyphens, e.g. score-colombia'
    if name in ("as_of", "date"):
        return (f'"{value}" is not a date: write a year, a year-month or a full date, in quotes, e.g. "2016" or '
                '"2016-07"')
    if name == "url":
        return f'"{value}" is not a web address: it must start with https:// or http://'
    return f'"{value}" has the wrong form. {hint}'.strip()


def type_message(inst, expected, leaf: str) -> str:
    """A value of the wrong type, with the likely fix: quotes around a number, a percent sign, thousands
    separators, yes/no for true/false, one value where a list is needed."""
    expected = expected if isinstance(expected, list) else [expected]
    want = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
    numeric = bool({"integer", "number"} & set(expected)) and isinstance(inst, str)
    extra = ""
    if numeric and inst.strip().isdigit():
        extra = f" Remove the quotes around {inst.strip()}."
    elif numeric and re.fullmatch(r"\s*[\d.,]+\s*%\s*", inst):
        extra = f" Write the number alone, {inst.strip().rstrip('%').strip()}: the unit says it is a percentage."
    elif numeric and re.fullmatch(r"\d{1,3}([.,]\d{3})+", inst.strip()):
        extra = f" Write it without thousands separators: {re.sub(r'[.,]', '', inst.strip())}."
    elif "boolean" in expected and isinstance(inst, str) and inst.lower() in YES_NO:
        extra = " Write true or false."
    elif "array" in expected and not isinstance(inst, list):
        extra = f" Write it as a list, e.g. {leaf}: [{inst}]" if isinstance(inst, (str, int)) else ""
    elif "string" in expected and isinstance(inst, (bool, int, float)):
        extra = " Put the value in quotes."
    return f"must be {want}, not {type_name(inst)}.{extra}"
