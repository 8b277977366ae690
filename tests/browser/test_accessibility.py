"""No serious or critical accessibility violation (axe-core, in Debian's Chromium) on the main kinds of page,
in both languages."""
from __future__ import annotations

import pytest
from helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "entries/", "entries/score-colombia/", "entries/self-help-groups-south-punjab/", "countries/",
         "compare/programmes/", "compare/methodology/score/", "collections/sse-academy-madrid-2019/",
         "years/", "contribute/fields/"]


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
