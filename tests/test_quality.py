"""The built site as outside checkers see it: no broken internal link, valid HTML (Nu checker), and no serious or
critical accessibility violation (axe-core) on the main kinds of page in both languages."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import ROOT

from compendio.linkcheck import broken_links

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = ["", "entries/", "entries/score-colombia/", "entries/self-help-groups-south-punjab/", "countries/",
         "compare/programmes/", "compare/methodology/score/", "collections/sse-academy-madrid-2019/",
         "years/", "contribute/fields/"]


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


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_serious_accessibility_violation(browser, served, prefix):
    found = {}
    for url in PAGES:
        page = browser.new_page()
        page.goto(f"{served}{prefix}{url}")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("""async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))""")
        page.close()
        if violations:
            found[prefix + url] = violations
    assert found == {}
