"""Shared fixtures: a throw-away copy of the project to break or build, and one real build of it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from _common import ROOT, copy_project  # noqa: F401  (scripts/ is on the test path)


# The address the test builds are published at (mkdocs.yml reads SITE_URL), as the Pages workflow sets it: not the
# address the browser tests serve them on, so any request a page made to its own published host would show.
SITE_URL = "https://compendio-ess.example.org/"


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL)
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


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def served(built):
    """The built site served on 127.0.0.1 (a free port), for browser tests. Yields the base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output readable
            pass

    handler = functools.partial(Quiet, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Playwright (never a downloaded browser). CI installs it (.ci/run);
    elsewhere the browser tests are skipped with a note when it is missing."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium) - browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
