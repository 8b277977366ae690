"""Shared fixtures: a throw-away copy of the project to break or build, one real build of it, the site served
on 127.0.0.1, and Debian's Chromium. Tests come in three layers, by folder, each with its pytest marker:
tests/unit (pages and checks in memory, seconds: `make test-fast`), tests/site (one shared real build, and
builds of broken copies) and tests/browser (Chromium on the built site)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import ROOT, copy_project, run_build

LAYERS = ("unit", "site", "browser")


@pytest.hookimpl(tryfirst=True)  # before -m selects by marker
def pytest_collection_modifyitems(config, items):
    """Mark each test with its layer, from the folder it is in: pytest -m unit / site / browser."""
    for item in items:
        layer = Path(str(item.fspath)).parent.name
        if layer in LAYERS:
            item.add_marker(getattr(pytest.mark, layer))


@pytest.fixture(scope="session")
def schema():
    """The project's schema. (tests/unit has its own cat and schema: the fixture catalogue.)"""
    from compendio.schema import load as load_schema
    return load_schema(ROOT / "schema")


@pytest.fixture(scope="session")
def cat(schema):
    """The project's real catalogue, as the build loads it."""
    from compendio import load
    return load.load(ROOT, schema)


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
