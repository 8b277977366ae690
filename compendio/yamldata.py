"""Read YAML as plain data with the line of every value, following YAML 1.2 scalar rules.

PyYAML's C composer gives a node tree with positions quickly; we build the values ourselves so that:
- scalars follow the YAML 1.2 core schema: `NO`, `yes`, `on`, `12:30`, `0755` and `2016-07-01` stay strings;
- a duplicated key is an error, not a silent overwrite;
- anchors, aliases and custom tags are refused (front matter has no use for them, and aliases allow
  exponential "billion laughs" expansion).
"""
from __future__ import annotations

import re

import yaml

try:  # The C composer is ~10x faster; both give the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

# YAML 1.2 core schema resolution for plain (unquoted) scalars.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
# Tags the composer gives plain data. Any other tag (!!python/object, !!binary, !!set, a custom !tag) is refused.
_STANDARD_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_STR = "tag:yaml.org,2002:str"
_IMPLICIT = yaml.resolver.Resolver()


class YamlError(Exception):
    def __init__(self, line: int, field: str, message: str):
        self.line, self.field, self.message = line, field, message
        super().__init__(f"{line}: {field}: {message}")


def _scalar(node: yaml.ScalarNode):
    text = node.value
    if node.style not in (None, ""):  # quoted or block scalar: always a string (C composer marks plain as "")
        return text
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    if _SPECIAL_FLOAT.match(text):
        raise YamlError(node.start_mark.line + 1, "",
                        f'"{text}" is not a usable number; write a number or quote the text')
    return text


def _field(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load(text: str, first_line: int = 1):
    """Parse YAML text. Returns (data, lines) where lines maps a path tuple to its 1-based line number.

    first_line is the file line of the text's first line, so positions refer to the whole file.
    Raises YamlError with the position of the first problem.
    """
    offset = first_line - 1
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or "invalid YAML").strip()
        context = (exc.context or "").strip()
        if "quoted scalar" in context and exc.context_mark:  # point at the quote that was never closed
            mark, problem = exc.context_mark, "a quote is opened and never closed"
        if "never closed" not in problem and mark:
            # A quote left open swallows the next lines, and the parser only notices further down: look back for it.
            source = text.split("\n")
            for i in range(mark.line, max(mark.line - 3, -1), -1):
                if i < len(source) and _open_quote(source[i]):
                    mark, problem = yaml.Mark("", 0, i, 0, None, None), "a quote is opened and never closed"
                    break
        line = (mark.line + 1 + offset) if mark else first_line
        raise YamlError(line, "", f"the front matter is not valid YAML ({problem}). {_yaml_hint(problem)}") from None
    except yaml.YAMLError as exc:
        raise YamlError(first_line, "", f"the front matter is not valid YAML ({exc}).") from None
    lines: dict[tuple, int] = {}
    if root is None:
        return {}, lines
    seen: set[int] = set()

    def build(node, path):
        if id(node) in seen:
            raise YamlError(node.start_mark.line + 1 + offset, _field(path),
                            "anchors and aliases (&name, *name) are not allowed; write the value out in full")
        seen.add(id(node))
        lines[path] = node.start_mark.line + 1 + offset
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlError(lines[path], _field(path), f"the YAML tag {tag} is not allowed; remove it")
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR and node.style in (None, "") and \
                    _IMPLICIT.resolve(yaml.ScalarNode, node.value, (True, False)) != _STR:
                return node.value  # written !!str 12: the writer asked for text
            try:
                return _scalar(node)
            except YamlError as exc:
                raise YamlError(exc.line + offset, _field(path), exc.message) from None
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (i,)) for i, item in enumerate(node.value)]
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError(key_node.start_mark.line + 1 + offset, _field(path),
                                "keys must be plain names; merge keys (<<) and complex keys are not allowed")
            key = key_node.value
            if key in result:
                raise YamlError(key_node.start_mark.line + 1 + offset, _field(path + (key,)),
                                f'the key "{key}" appears twice (first on line {lines[path + (key,)]}); keep one')
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
            result[key] = build(value_node, path + (key,))
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
        return result

    return build(root, ()), lines


def _open_quote(line: str) -> bool:
    """A value that starts with a quote and does not end with the same quote."""
    _, sep, value = line.partition(": ")
    value = (value if sep else line.lstrip("- ")).strip()
    return len(value) > 0 and value[0] in "\"'" and (len(value) == 1 or value[-1] != value[0])


def _yaml_hint(problem: str) -> str:
    if "never closed" in problem:
        return 'Close the quote at the end of the value, e.g. title: "SCORE Colombia".'
    if "'-' indicator" in problem:
        return 'Every item of a list starts with "- " at the same indentation as the others.'
    if "']'" in problem:
        return 'A list written as [a, b] must close with "]" on the same line.'
    if "'}'" in problem:
        return 'A group written as {key: value} must close with "}" on the same line.'
    if "tab" in problem:
        return "Indent with spaces, not tabs."
    if "mapping values are not allowed" in problem:
        return 'A value that contains ": " must be quoted, e.g. title: "SCORE: a programme".'
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "Check the indentation and that every key ends with a colon."
    return "Check the indentation, colons and quotes around this line."


def line_of(lines: dict, path: tuple, default: int = 1) -> int:
    """The line of the deepest known part of path (a missing key reports its parent's line)."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get((), default)
