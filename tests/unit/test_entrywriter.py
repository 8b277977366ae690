"""An entry opened in the editor ("Edit this entry": compendio/editor.entry_record) and written back by
compendio/entrywriter.py gives files that make validate accepts, with the same facts and text: for every entry of
the fixture, which uses each form of the content model (countries: [], scope, period and status not_stated, an end
or a date not stated, years null or inferred, context figures)."""
from __future__ import annotations

import shutil
from pathlib import Path

from compendio import editor, entrywriter, load

FIXTURE = Path(__file__).parent / "fixture"  # the unit layer's catalogue (tests/unit/conftest.py)

# The fixture's forms, and the two it lacks: an end and a status date the source does not state.
TWEAKS = {"solo.es.md": ("period: {start: 2011, end: 2011}", "period: {start: 2011, end: not_stated}"),
          "tool.es.md": ('as_of: "2016-07"', "as_of: not_stated")}


def test_every_fixture_entry_written_back_validates_with_the_same_facts(tmp_path, schema):
    copy = tmp_path / "fixture"
    shutil.copytree(FIXTURE, copy)
    for name, (old, new) in TWEAKS.items():
        path = copy / "practices" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, name
        path.write_text(text.replace(old, new), encoding="utf-8")
    cat = load.load(copy, schema)
    written = {}
    for e in cat.entries.values():
        written.update(entrywriter.entry_files(editor.entry_record(e, copy), schema))
        for path in e.files.values():
            (copy / path).unlink()
    for rel, text in written.items():
        (copy / rel).write_text(text, encoding="utf-8")
    again = load.load(copy, schema)  # raises InputError, with every problem, if a file does not validate
    for slug, e in cat.entries.items():
        assert again.entries[slug].facts == e.facts, slug
        assert again.entries[slug].text == e.text, slug
        assert again.entries[slug].sections == e.sections, slug
    # Each form of "not stated" is written as the templates write it.
    lines = "\n".join(written.values()).split("\n")
    for line in ("countries: []", "period: not_stated", "status: not_stated", "    year: null",
                 "  - {basis: recommended, countries: [EC, BO], source: test-report}",
                 "period: {start: 2011, end: not_stated}",
                 "status: {value: under_way, as_of: not_stated, source: test-report}",
                 '    year_inferred: {es: "año del informe intermedio", en: "year of the interim report"}'):
        assert line in lines, line
