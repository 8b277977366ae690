"""The shape of the code (ARCHITECTURE.md): no import cycle inside the package, and small classes and functions."""
from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "compendio"
MAX_CLASS, MAX_FUNCTION = 250, 80


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def imports(name: str, path: Path, known: dict) -> set[str]:
    """The package's modules that a module imports, at any depth of its code."""
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            target = ".".join(base[: len(base) - node.level + 1] + [node.module or ""]).strip(".") if node.level \
                else node.module or ""
            subs = {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known}
            found |= subs if len(subs) == len(node.names) else subs | {target}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m in known and m != name}


def test_no_import_cycle_in_the_package():
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    assert graph["compendio.pages"] >= {"compendio.pages.entry", "compendio.pages.context"}  # the parser sees imports

    def cycle_from(start):
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return path + [start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, path + [nxt]))
        return None

    cycles = [c for c in map(cycle_from, graph) if c]
    assert not cycles, cycles


def test_classes_and_functions_stay_small():
    too_long = []
    for path in [*PACKAGE.rglob("*.py"), *(ROOT / "scripts").glob("*.py"), *(ROOT / "hooks").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            limit = MAX_CLASS if isinstance(node, ast.ClassDef) else MAX_FUNCTION \
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
            if limit and node.end_lineno - node.lineno + 1 > limit:
                too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not too_long



def test_every_interface_string_exists_in_both_languages_with_the_same_placeholders():
    """data/ui.yml holds every string a reader sees: each in es and en, neither empty, both taking the same
    {values} (a placeholder missing in one language would show a raw "{n}" or drop a figure there)."""
    import string

    from compendio import i18n

    strings = i18n._ui(str(i18n.UI_FILE))
    assert len(strings) > 300
    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    wrong = [key for key, value in strings.items()
             if not isinstance(value, dict) or set(value) != {"es", "en"}
             or not all(isinstance(value[lang], str) and value[lang].strip() for lang in ("es", "en"))
             or fields(value["es"]) != fields(value["en"])]
    assert wrong == []
