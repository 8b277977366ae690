"""Validation rules one by one: each kind of mistake gives its own message, with file, line and field."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT

from compendio import load
from compendio.problems import InputError

METHOD_ES = """---
kind: methodology
title: "Herramienta de prueba"
summary: "Una metodología inventada para probar la validación del compendio."
modules: ["Primer módulo", "Segundo módulo"]
international_names: ["Test Tool (TT)"]
audience: [smes]
formats: [classroom_training]
developed_by: [ilo]
countries: [PE]
period: {start: 2012, end: null}
status: {value: under_way, as_of: "2016", source: ilo-andean-2016}
themes: [cooperatives]
target_groups: [smes]
sources: [ilo-andean-2016]
---

## Descripción

Texto de la descripción.
"""
METHOD_EN = """---
title: "Test tool"
summary: "A made-up methodology to test the compendium's validation."
modules: ["First module", "Second module"]
---

## Overview

Overview text.
"""
PROG_ES = """---
kind: programme
title: "Programa de prueba"
summary: "Un programa inventado que aplicó la herramienta de prueba en Perú."
countries: [PE]
period: {start: 2013, end: 2015}
status: {value: completed, as_of: "2016", source: ilo-andean-2016}
themes: [cooperatives]
target_groups: [smes]
methodologies: [tool]
organisations:
  - {id: ilo, role: implementer}
results:
  - value: 120
    unit: workers
    what: {es: "trabajadores formados", en: "workers trained"}
    year: 2015
    source: ilo-andean-2016
sources: [ilo-andean-2016]
---

## Descripción

Texto.
"""
PROG_EN = """---
title: "Test programme"
summary: "A made-up programme that applied the test tool in Peru."
---

## Overview

Text.
"""


@pytest.fixture
def mini(tmp_path) -> Path:
    """A small valid project: the real schema and registries, two made-up entries in both languages."""
    for name in ("schema", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.rmtree(tmp_path / "data" / "collections")  # they list the real entries, which this project has not
    (tmp_path / "data" / "shared_figures.yml").unlink(missing_ok=True)  # so do the shared figures
    (tmp_path / "practices").mkdir()
    for name, text in {"tool.es.md": METHOD_ES, "tool.en.md": METHOD_EN,
                       "prog.es.md": PROG_ES, "prog.en.md": PROG_EN}.items():
        (tmp_path / "practices" / name).write_text(text, encoding="utf-8")
    return tmp_path


def problems(root) -> list[str]:
    try:
        load.load(root)
    except InputError as exc:
        return [str(p) for p in exc.problems]
    return []


def edit(root, name, old, new):
    path = root / "practices" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only(root) -> str:
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


def test_the_valid_project_has_no_problem(mini):
    assert problems(mini) == []
    cat = load.load(mini)
    assert set(cat.entries) == {"tool", "prog"}
    assert cat.entries["prog"].facts["results"][0]["value"] == 120


def test_misspelt_theme_suggests_the_closest_term(mini):
    edit(mini, "prog.es.md", "themes: [cooperatives]", "themes: [cooperativs]")
    assert only(mini) == ('practices/prog.es.md:8: themes[0]: "cooperativs" is not an accepted value. '
                          'Did you mean "cooperatives"?')


def test_country_name_instead_of_code_suggests_the_code(mini):
    edit(mini, "prog.es.md", "countries: [PE]", "countries: [Peru]")
    msg = only(mini)
    assert msg.startswith("practices/prog.es.md:5: countries[0]: ")
    assert "ISO 3166-1 alpha-2" in msg and 'Did you mean "PE"?' in msg


def test_unknown_country_code_is_checked_against_cldr(mini):
    edit(mini, "prog.es.md", "countries: [PE]", "countries: [PE, QQ]")
    assert only(mini).startswith('practices/prog.es.md:5: countries[1]: "QQ" is not a country code in CLDR.')


def test_norway_stays_a_country_code_not_false(mini):
    # YAML 1.1 would read NO as false; the loader follows YAML 1.2.
    edit(mini, "prog.es.md", "countries: [PE]", "countries: [PE, NO]")
    edit(mini, "prog.es.md", "{id: ilo, role: implementer}",
         "{id: ilo, role: implementer}\n  - {id: norad, role: funder}")
    assert problems(mini) == []
    assert load.load(mini).entries["prog"].facts["countries"] == ["PE", "NO"]


def test_duplicated_key_is_an_error_with_both_lines(mini):
    edit(mini, "prog.es.md", "themes: [cooperatives]\n", "themes: [cooperatives]\nthemes: [green_jobs]\n")
    assert only(mini) == ('practices/prog.es.md:9: themes: the key "themes" appears twice (first on line 8); keep one')


def test_missing_required_field_names_it(mini):
    edit(mini, "prog.en.md", 'summary: "A made-up programme that applied the test tool in Peru."\n', "")
    assert only(mini) == 'practices/prog.en.md:2: (file): the required field "summary" is missing; add `summary:`'


def test_each_missing_field_gets_its_own_message(mini):
    edit(mini, "prog.es.md", "target_groups: [smes]\n", "")
    edit(mini, "prog.es.md", "themes: [cooperatives]\n", "")
    found = problems(mini)
    assert len(found) == 2 and '"themes" is missing' in found[1] and '"target_groups" is missing' in found[0], found


def test_missing_fact_says_it_can_go_in_either_file(mini):
    edit(mini, "prog.es.md", "target_groups: [smes]\n", "")
    msg = only(mini)
    assert msg.startswith('practices/prog.es.md:2: (file): the required field "target_groups" is missing')
    assert "write it once, in practices/prog.es.md or practices/prog.en.md" in msg


def test_unknown_field_suggests_the_right_one(mini):
    edit(mini, "prog.es.md", "themes:", "theme:")
    msg = only(mini)
    assert msg == 'practices/prog.es.md:8: theme: unknown field "theme". Did you mean "themes"?'


def test_fact_written_in_both_files_that_contradict(mini):
    edit(mini, "prog.en.md", "---\n\n", "countries: [BO]\n---\n\n")
    msg = only(mini)
    assert msg.startswith("practices/prog.en.md:4: countries: contradicts practices/prog.es.md (line 5)")


def test_wrong_type_says_what_is_expected(mini):
    edit(mini, "prog.es.md", "period: {start: 2013, end: 2015}", 'period: {start: "2013", end: 2015}')
    assert only(mini) == ("practices/prog.es.md:6: period.start: must be a whole number, not text. "
                          "Remove the quotes around 2013.")


def test_end_year_before_start_year(mini):
    edit(mini, "prog.es.md", "end: 2015", "end: 2011")
    assert only(mini) == ("practices/prog.es.md:6: period.end: the end year 2011 is before the start year 2013; "
                          "swap or correct them")


def test_percentage_over_100(mini):
    edit(mini, "prog.es.md", "value: 120\n    unit: workers", "value: 120\n    unit: percent")
    assert only(mini) == ("practices/prog.es.md:14: results[0].value: 120 is over 100 but the unit is percent; "
                          "correct the value or the unit")


def test_negative_result(mini):
    edit(mini, "prog.es.md", "value: 120", "value: -5")
    assert only(mini).startswith("practices/prog.es.md:14: results[0].value: -5 is below the minimum of 0")


def test_reference_to_a_missing_methodology_suggests_one(mini):
    edit(mini, "prog.es.md", "methodologies: [tool]", "methodologies: [tol]")
    assert only(mini) == ('practices/prog.es.md:10: methodologies[0]: no methodology entry "tol". '
                          'Did you mean "tool"? Use the slug of a methodology in practices/.')


def test_reference_to_a_missing_organisation_and_source(mini):
    edit(mini, "prog.es.md", "{id: ilo, role: implementer}", "{id: ilx, role: implementer}")
    edit(mini, "prog.es.md", "sources: [ilo-andean-2016]", "sources: [ilo-andean-2061]")
    found = problems(mini)
    assert any(p.startswith('practices/prog.es.md:12: organisations[0].id: no organisation "ilx". Did you mean "ilo"?')
               for p in found), found
    assert any(p.startswith('practices/prog.es.md:19: sources[0]: no source document "ilo-andean-2061". '
                            'Did you mean "ilo-andean-2016"?') for p in found), found


def test_html_in_front_matter_is_refused(mini):
    edit(mini, "prog.en.md", 'title: "Test programme"', 'title: "Test <script>alert(1)</script>"')
    msg = only(mini)
    assert msg.startswith("practices/prog.en.md:2: title: front matter is plain text")


def test_script_and_javascript_links_in_body_are_refused(mini):
    edit(mini, "prog.en.md", "Text.", "Text [click](javascript:alert(1)).")
    msg = only(mini)
    assert msg.startswith('practices/prog.en.md:8: body: "javascript:" is not allowed')


def test_unknown_section_heading_suggests_a_section(mini):
    edit(mini, "prog.en.md", "## Overview", "## Overveiw")
    assert only(mini).startswith('practices/prog.en.md:6: body: "## Overveiw" is not a section of a programme. '
                                 'Did you mean "Overview"?')


def test_empty_section(mini):
    edit(mini, "prog.en.md", "## Overview\n\nText.\n", "## Overview\n")
    assert only(mini) == ('practices/prog.en.md:6: body: the section "Overview" is empty; '
                          "write it or remove the heading")


def test_bad_file_name(mini):
    (mini / "practices" / "Bad_Name.es.md").write_text(PROG_ES, encoding="utf-8")
    msg = only(mini)
    assert msg.startswith('practices/Bad_Name.es.md:1: (file): the file name "Bad_Name.es.md" does not follow')


def test_unsupported_language_suffix(mini):
    (mini / "practices" / "prog.fr.md").write_text(PROG_EN, encoding="utf-8")
    assert '"fr" is not a language of the site' in only(mini)


@pytest.mark.parametrize("raw, expected", [
    (b"\xef\xbb\xbf" + PROG_EN.encode(), "practices/prog.en.md:1: (file): the file starts with a byte-order mark"),
    (PROG_EN.replace("\n", "\r\n").encode(), "practices/prog.en.md:1: (file): the file has Windows (CRLF)"),
    (PROG_EN.encode().replace(b"Text.", b"Text \xff."), "practices/prog.en.md:8: (file): byte 0xff is not valid UTF-8"),
    (PROG_EN.replace("title:", "title:\t").encode(), "practices/prog.en.md:2: (file): the front matter contains a tab"),
    (PROG_EN.replace("---\n\n##", "\n\n##").encode(), "practices/prog.en.md:1: (file): the front matter is not closed"),
    (("\n" + PROG_EN).encode(),
     'practices/prog.en.md:1: (file): the file must start with a line that is exactly "---"'),
])
def test_file_format_problems(mini, raw, expected):
    (mini / "practices" / "prog.en.md").write_bytes(raw)
    assert only(mini).startswith(expected)


def test_broken_yaml_gives_a_line_and_a_hint(mini):
    edit(mini, "prog.en.md", 'title: "Test programme"', "title: Test: programme")
    msg = only(mini)
    assert msg.startswith("practices/prog.en.md:2: (file): the front matter is not valid YAML")
    assert "must be quoted" in msg


def test_alias_bomb_is_refused_without_expanding(mini):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n"
    edit(mini, "prog.en.md", 'title: "Test programme"\n', 'title: "Test programme"\n' + bomb)
    found = problems(mini)
    assert any("anchors and aliases (&name, *name) are not allowed" in p for p in found), found


def test_oversized_file(mini):
    edit(mini, "prog.en.md", "Text.", "Text. " * 40_000)
    assert "over the limit of 200,000" in only(mini)


def test_every_problem_of_every_file_is_reported_in_one_run(mini):
    edit(mini, "prog.es.md", "themes: [cooperatives]", "themes: [cooperativs]")
    edit(mini, "tool.es.md", "formats: [classroom_training]", "formats: [clasroom_training]")
    edit(mini, "tool.en.md", "## Overview", "## Overveiw")
    found = problems(mini)
    files = {p.split(":")[0] for p in found}
    assert files == {"practices/prog.es.md", "practices/tool.es.md", "practices/tool.en.md"}, found


def test_entry_in_one_language_only_is_accepted(mini):
    (mini / "practices" / "prog.en.md").unlink()
    cat = load.load(mini)
    assert cat.entries["prog"].missing == ("en",)


def test_methodology_modules_must_match_across_languages(mini):
    edit(mini, "tool.en.md", 'modules: ["First module", "Second module"]', 'modules: ["First module"]')
    assert only(mini).startswith("practices/tool.en.md:4: modules: lists 1 modules but practices/tool.es.md lists 2")


def test_template_placeholders_are_reported_once_each(mini):
    from compendio import scaffold
    from compendio.schema import load as load_schema

    text = scaffold.entry_text(load_schema(), "programme", "es")
    (mini / "practices" / "new.es.md").write_text(text, encoding="utf-8")
    found = [p for p in problems(mini) if p.startswith("practices/new.es.md")]
    assert ('practices/new.es.md:2: title: "TODO: Título" is a template placeholder; replace it with the real '
            "value") in found
    assert sum(1 for p in found if p.startswith("practices/new.es.md:11: themes[0]")) == 1, found


def test_link_to_a_missing_entry_in_the_body(mini):
    edit(mini, "prog.en.md", "Text.", "Text.\n\nSee [the tool](tol.md#overview).")
    assert only(mini) == ('practices/prog.en.md:10: body: the link to "tol.md" leads to no entry. Did you mean "tool"? '
                          "Link to another entry as [text](slug.md) with the slug of a file in practices/")


COUNTRIES = """PE:
  indicators:
    - {indicator: poverty, value: 21.8, unit: percent, year: null, note: {es: "dato más reciente", en: "latest"},
       source: ilo-andean-2016}
  msme_classification:
    criterion: {es: "Ventas anuales", en: "Annual sales"}
    micro: {es: "Hasta 150 UIT", en: "Up to 150 UIT"}
    small: {es: "150-1700 UIT", en: "150-1,700 UIT"}
    source: ilo-andean-2016
"""
INSTRUMENTS = """r193:
  title: {es: "Recomendación sobre la promoción de las cooperativas", en: "Promotion of Cooperatives Recommendation"}
  short: {es: "R193", en: "R193"}
  type: recommendation
  year: 2002
  summary: {es: "Un resumen propio.", en: "A summary of our own."}
  source: ilo-andean-2016
"""


def test_country_context_and_instruments_are_checked(mini):
    countries = COUNTRIES.replace("PE:", "PR:\n  indicators: []\nPEE:")
    (mini / "data" / "countries.yml").write_text(countries, encoding="utf-8")
    (mini / "data" / "instruments.yml").write_text(INSTRUMENTS.replace("source: ilo-andean-2016", "source: ilo-2016"),
                                                   encoding="utf-8")
    edit(mini, "prog.es.md", "methodologies: [tool]", "methodologies: [tool]\ninstruments: [r139]")
    found = problems(mini)
    assert "data/countries.yml:2: PR.indicators: is empty: it needs at least 1 item; add it" in found, found
    assert any(p.startswith('data/countries.yml:3: PEE: "PEE" is not an ISO 3166-1 alpha-2 country code in CLDR.')
               for p in found), found
    assert 'data/instruments.yml:7: r193.source: no source document "ilo-2016". Did you mean "ilo-andean-2016"? ' \
           "Use an id from data/sources.yml." in found, found
    assert any(p.startswith('practices/prog.es.md:11: instruments[0]: no instrument "r139". Did you mean "r193"?')
               for p in found), found


def test_valid_country_context_and_instruments_load(mini):
    (mini / "data" / "countries.yml").write_text(COUNTRIES, encoding="utf-8")
    (mini / "data" / "instruments.yml").write_text(INSTRUMENTS, encoding="utf-8")
    edit(mini, "prog.es.md", "methodologies: [tool]", "methodologies: [tool]\ninstruments: [r193]")
    cat = load.load(mini)
    assert cat.context["PE"]["indicators"][0]["value"] == 21.8
    assert cat.entries["prog"].facts["instruments"] == ["r193"]


def test_image_path_traversal_and_absolute_paths_are_refused(mini):
    edit(mini, "prog.en.md", "Text.", "Text.\n\n![map](../../../etc/passwd)\n\n[file](/etc/passwd)")
    found = problems(mini)
    assert found[0].startswith('practices/prog.en.md:10: body: "../../../etc/passwd" points outside the '
                               "compendio"), found
    assert found[1].startswith('practices/prog.en.md:12: body: "/etc/passwd" points outside the compendio'), found
    assert len(found) == 2


def test_images_come_from_practices_images(mini):
    edit(mini, "prog.en.md", "Text.", "Text.\n\n![A workshop](images/workshop.png)")
    assert only(mini) == ('practices/prog.en.md:10: body: the image "images/workshop.png" is not in practices/images/; '
                          "add the file there or correct the name")
    (mini / "practices" / "images").mkdir()
    (mini / "practices" / "images" / "workshop.png").write_bytes(b"\x89PNG\r\n")
    assert problems(mini) == []


def test_other_link_schemes_are_refused(mini):
    edit(mini, "prog.en.md", "Text.", 'Text <a href="file:///etc/passwd">x</a> and [y](ftp://example.org/x).')
    found = problems(mini)
    assert len(found) == 2 and all("is not an address an entry can use" in p or "points outside" in p for p in found)


# --- Content that says no more than its sources (issue 10)

def test_what_the_source_does_not_state_can_be_written_as_not_stated(mini):
    edit(mini, "tool.es.md", "countries: [PE]\nperiod: {start: 2012, end: null}\n"
         'status: {value: under_way, as_of: "2016", source: ilo-andean-2016}',
         "countries: []\nscope:\n  - {basis: recommended, countries: [BO, PE], source: ilo-andean-2016}\n"
         "period: not_stated\nstatus: not_stated")
    edit(mini, "prog.es.md", "period: {start: 2013, end: 2015}", "period: {start: 2013, end: not_stated}")
    edit(mini, "prog.es.md", "    year: 2015\n", "    year: null\n")
    assert problems(mini) == []


def test_a_programme_needs_a_documented_country(mini):
    edit(mini, "prog.es.md", "countries: [PE]", "countries: []")
    assert only(mini) == "practices/prog.es.md:5: countries: is empty: it needs at least 1 item; add it"


def test_completed_needs_an_end_year_or_end_not_stated(mini):
    edit(mini, "prog.es.md", "period: {start: 2013, end: 2015}", "period: {start: 2013, end: null}")
    assert only(mini) == ('practices/prog.es.md:6: period.end: the status is "completed" but the period has no end: '
                          "write the end year, or end: not_stated if the source does not give it")


def test_no_figure_or_status_is_dated_after_its_source(mini):
    edit(mini, "prog.es.md", "    year: 2015\n", "    year: 2019\n")
    edit(mini, "prog.es.md", 'as_of: "2016"', 'as_of: "2018-03"')
    assert problems(mini) == [
        "practices/prog.es.md:7: status.as_of: 2018 is after ilo-andean-2016 was published (2016): a source cannot "
        "report a later year; write the year the source gives, or not_stated if it gives none",
        "practices/prog.es.md:17: results[0].year: 2019 is after ilo-andean-2016 was published (2016): a source "
        "cannot report a later year; write the year the source gives, or null if it gives none"]


def test_a_status_date_that_is_no_date_gets_one_message(mini):
    edit(mini, "prog.es.md", 'as_of: "2016"', 'as_of: "hace poco"')
    assert only(mini) == ('practices/prog.es.md:7: status.as_of: "hace poco" is not a date: write a year, a year-month '
                          'or a full date, in quotes, e.g. "2016" or "2016-07"')


def test_an_inferred_year_needs_a_year(mini):
    edit(mini, "prog.es.md", "    year: 2015\n",
         '    year: null\n    year_inferred: {es: "fin del periodo", en: "end of the period"}\n')
    assert only(mini) == ("practices/prog.es.md:18: results[0].year_inferred: says why a year is inferred, but year "
                          "is null: give the inferred year, or remove year_inferred")


def test_a_country_is_either_of_use_or_of_scope(mini):
    edit(mini, "prog.es.md", "countries: [PE]",
         "countries: [PE]\nscope:\n  - {basis: recommended, countries: [BO, PE], source: ilo-andean-2016}")
    assert only(mini) == ('practices/prog.es.md:7: scope[0].countries[1]: "PE" is also in countries: a country is '
                          "either one where the source documents use (countries) or one it only names as scope; "
                          "keep it in one of the two")


def test_period_and_status_in_the_wrong_form_get_the_usual_messages(mini):
    edit(mini, "prog.es.md", "period: {start: 2013, end: 2015}", 'period: {start: "2013", end: 2015}')
    edit(mini, "prog.es.md", "status: {value: completed,", "status: {value: finished,")
    assert problems(mini) == [
        "practices/prog.es.md:6: period.start: must be a whole number, not text. Remove the quotes around 2013.",
        'practices/prog.es.md:7: status.value: "finished" is not an accepted value. Accepted values: planned, '
        "under_way, completed."]


def test_shared_figures_name_existing_entries(mini):
    (mini / "data" / "shared_figures.yml").write_text(
        "joint:\n  value: 6000\n  unit: people\n  qualifier: more_than\n"
        '  what: {es: "agricultores", en: "farmers"}\n  year: 2015\n  source: ilo-andean-2016\n'
        "  entries: [prog, tool, progg]\n", encoding="utf-8")
    assert only(mini) == ('data/shared_figures.yml:8: joint.entries[2]: no entry "progg". Did you mean "prog"? '
                          "Use the slug of an entry in practices/ (its file name without .es.md or .en.md).")


def test_the_slug_page_is_reserved_for_long_lists(mini):
    (mini / "practices" / "page.en.md").write_text((mini / "practices" / "prog.en.md").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    found = problems(mini)
    assert ('practices/page.en.md:1: (file): the slug "page" is reserved for the pages of long lists '
            "(entries/page/2/); rename the file") in found
