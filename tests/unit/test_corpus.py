"""The corpus of malformed contributions (tests/corpus/, see its README.md): each case is one contribution a
person could send; it must be refused with InputError (never another exception) and print its own message."""
from __future__ import annotations

import sys

import pytest
from helpers import ROOT

from compendio import load
from compendio.problems import InputError

sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import runner

# Cases the validator does not catch yet. Their expected.txt holds the message they should print.
NOT_DETECTED_YET: set[str] = set()
# The case run through a real `mkdocs build --strict` (tests/site/test_corpus_build.py).
BUILD_CASE = "57-body-script"

CASES = runner.cases()


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason="not detected yet", raises=AssertionError)] \
        if case.name in NOT_DETECTED_YET else []
    return pytest.param(case, id=case.name, marks=marks)


def test_the_corpus_is_complete():
    names = [c.name for c in CASES]
    assert len(names) >= 45, names
    assert set(names) >= NOT_DETECTED_YET, NOT_DETECTED_YET - set(names)
    assert BUILD_CASE in names and BUILD_CASE not in NOT_DETECTED_YET
    assert len({n[:2] for n in names}) == len(names), "two cases share a number"
    for case in CASES:
        assert runner.expected(case), f"{case.name}: expected.txt is missing or empty"
        assert runner.contribution(case) or runner.lines(case / "delete.txt"), f"{case.name}: no contribution"
        assert runner.describe(case), f"{case.name}: README.md should say in one line what is wrong"
        for rel in runner.lines(case / "delete.txt"):
            assert (runner.BASE / rel).is_file(), f"{case.name}: delete.txt names {rel}, which is not a base file"


def test_the_base_project_is_valid(tmp_path):
    """The base is tests/unit/test_validation.py's `mini` project: the same four files, and no problem."""
    from test_validation import METHOD_EN, METHOD_ES, PROG_EN, PROG_ES

    base = {"tool.es.md": METHOD_ES, "tool.en.md": METHOD_EN, "prog.es.md": PROG_ES, "prog.en.md": PROG_EN}
    assert {p.name: p.read_text(encoding="utf-8") for p in (runner.BASE / "practices").iterdir()} == base
    cat = load.load(runner.build_base(tmp_path / "project"))
    assert set(cat.entries) == {"tool", "prog"}


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_the_contribution_is_refused_with_its_message(case, tmp_path):
    root = runner.build(case, tmp_path / "project")
    try:
        load.load(root)
    except InputError as exc:
        problems = [str(p) for p in exc.problems]
    else:
        raise AssertionError(f"{case.name}: the project loaded without any problem")
    assert not [p for p in problems if "Traceback" in p], problems
    missing = runner.missing(case, problems)
    assert not missing, "expected, not printed:\n  " + "\n  ".join(missing) + "\nprinted:\n  " + "\n  ".join(problems)
