"""Shared fixtures: a throw-away copy of the project to break or build, and one real build of it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from _common import ROOT, copy_project  # noqa: F401  (scripts/ is on the test path)


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=project,
                          capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real project, built once with --strict; returns the site folder."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"
