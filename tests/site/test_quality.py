"""The built site as outside checkers see it: no broken internal link and valid HTML (Nu checker). Accessibility
(axe-core, in Chromium) is in tests/browser/test_accessibility.py."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from helpers import ROOT

from compendio.linkcheck import broken_links

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_no_internal_link_is_broken(built):
    assert broken_links(built) == []


def test_the_link_checker_finds_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="x"></p><a href="../b/">b</a><a href="#y">y</a>'
                                              '<a href="#x">x</a><a href="https://example.org/">e</a>')
    assert broken_links(tmp_path) == ["a/index.html: ../b/ (no such page or file)",
                                      "a/index.html: #y (no #y on that page)"]


def test_built_pages_are_valid_html(built):
    java = shutil.which("java")
    if not java:
        if os.environ.get("CI"):
            pytest.fail("java is missing: .ci/run installs default-jre-headless for the Nu checker")
        pytest.skip("java is not installed (apt-get install default-jre-headless) - HTML validation skipped")
    assert VNU.exists(), "the Nu checker comes from npm: run `make test` (it runs npm ci)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "gnu", str(built)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[:5000]
