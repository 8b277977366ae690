"""A problem found in the input: where it is, which field, what is wrong and how to fix it.

Every check in the project reports through this one shape so that the build, the validator script and the
tests print the same `path:line: field: message` lines.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from . import text


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = self.field or "(file)"
        return f"{self.path}:{self.line}: {field}: {self.message}"


class InputError(Exception):
    """Raised with every problem of a run, so callers can report them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    noun = "problem" if len(lines) == 1 else "problems"
    return "\n".join(lines + [f"{len(lines)} {noun} found; nothing was built."])


def closest(value: object, choices, n: int = 1) -> list[str]:
    """The closest valid values to a misspelt one (case- and accent-insensitive; hyphens, spaces and
    underscores alike)."""
    def fold(s) -> str:
        return text.fold(s).replace("-", "_").replace(" ", "_")

    choices = [str(c) for c in choices]
    folded = {fold(c): c for c in choices}
    target = fold(value)
    if target in folded:
        return [folded[target]]
    hits = difflib.get_close_matches(target, list(folded), n=n, cutoff=0.6)
    if not hits:
        # A prefix often says more than edit distance for long snake_case terms.
        hits = [f for f in folded if f.startswith(target[:4])][:n] if len(target) >= 4 else []
    return [folded[h] for h in hits]


def did_you_mean(value: object, choices) -> str:
    hits = closest(value, choices)
    return f' Did you mean "{hits[0]}"?' if hits else ""
