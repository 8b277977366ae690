"""scripts/pr_summary.py, as the pull-request workflow runs it: the entries a change adds or changes, their
validation result, and the built pages that differ from the base's build."""
from __future__ import annotations

import shutil
import subprocess
import sys

from _common import copy_project
from helpers import run_build
from editor_sample import EXPECTED_EN, EXPECTED_ES, SLUG


def git(project, *args):
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"})


def summary(project, *args):
    result = subprocess.run([sys.executable, "scripts/pr_summary.py", "--base", "base", *args], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_summary_lists_entries_their_validation_and_changed_pages(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    git(project, "branch", "base")
    assert run_build(project).returncode == 0
    shutil.move(project / "site", tmp_path / "base-site")

    (project / "practices" / f"{SLUG}.es.md").write_text(EXPECTED_ES, encoding="utf-8")
    (project / "practices" / f"{SLUG}.en.md").write_text(EXPECTED_EN, encoding="utf-8")
    score = project / "practices" / "score-peru.en.md"
    score.write_text(score.read_text(encoding="utf-8").replace("## Overview\n\n", "## Overview\n\nA reviewer's new sentence.\n\n", 1),
                     encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "change")
    assert run_build(project).returncode == 0
    text = summary(project, "--site", "site", "--base-site", str(tmp_path / "base-site"))
    assert f"| `{SLUG}` | `{SLUG}.en.md` added, `{SLUG}.es.md` added | passes |" in text
    assert "| `score-peru` | `score-peru.en.md` changed | passes |" in text
    pages = text.split("## Pages that change")[1]
    added = next(line for line in pages.splitlines() if line.startswith("**Added**"))
    assert f"`/entries/{SLUG}/`" in added and f"`/en/entries/{SLUG}/`" in added
    changed = next(line for line in pages.splitlines() if line.startswith("**Changed**"))
    assert "`/en/entries/score-peru/`" in changed and "`/countries/pe/`" in changed  # a list that now has the entry
    assert "`/entries/score-colombia/`" not in changed                             # untouched
    assert "Removed" not in pages


def test_summary_shows_the_problems_of_a_broken_entry(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    git(project, "branch", "base")
    (project / "practices" / f"{SLUG}.es.md").write_text(EXPECTED_ES.replace("end: 2019", "end: 2010"), encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "change")
    text = summary(project, "--site", "site", "--base-site", str(tmp_path / "nowhere"))
    assert f"| `{SLUG}` | `{SLUG}.es.md` added | 1 problem |" in text
    assert f"practices/{SLUG}.es.md:7: period.end: the end year 2010 is before the start year 2016" in text
    assert "Not compared: the site or the base's site was not built." in text
