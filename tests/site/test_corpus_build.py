"""One case of the corpus of malformed contributions (tests/corpus/) through a real `mkdocs build --strict`: the
build stops with the case's message and publishes nothing."""
from __future__ import annotations

import shutil
import sys

from helpers import ROOT, copy_project, run_build

sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import runner  # noqa: E402

BUILD_CASE = "57-body-script"


def test_a_corpus_case_fails_the_real_build_and_publishes_nothing(tmp_path):
    """The whole project, plus the base entries, plus one case: `mkdocs build --strict` stops with its message."""
    case = runner.CORPUS / BUILD_CASE
    project = copy_project(tmp_path / "project")
    shutil.copytree(runner.BASE, project, dirs_exist_ok=True)  # tool and prog, beside the real entries
    runner.apply(case, project)
    result = run_build(project)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    for want in runner.expected(case):
        assert (want[:-3] if want.endswith("...") else want) in out, out[-3000:]
    assert not (project / "site").exists(), "nothing may be published when the input is broken"
    assert not (project / "docs" / "entries").exists(), "no page may be generated from broken input"
