"""The entry editor (contribute/new/) used as a contributor would, in Chromium: fill a new programme in both
languages, download its files, and check that make validate accepts them and a build shows the entry; bad
inputs each get make validate's own message at their field; the draft survives a reload; "Propose on GitHub"
carries the file; an existing entry opens in the editor; and the script writes the same bytes as
compendio/entrywriter.py and suggests what compendio/problems.py suggests."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.parse

import pytest
from _common import ROOT, copy_project
from editor_sample import (
    EXPECTED_EN,
    EXPECTED_ES,
    METHODOLOGY_EN,
    METHODOLOGY_ES,
    METHODOLOGY_SLUG,
    PROGRAMME_SLUG,
    SAMPLES,
    SLUG,
)
from helpers import page_html, page_text, run_build

from compendio import editor, entrywriter, i18n, load
from compendio.problems import closest

LANGS = [("es", ""), ("en", "en/")]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPO = "https://github.com/compendio-ess/compendio-ess"  # repo_url in mkdocs.yml


def ui(key, lang):
    return i18n.ui(f"editor_{key}", lang)


def open_editor(browser, served, prefix, query="", width=1280, records=()):
    """The editor page, ready. records: entries (editor.entry_record) served as the site would serve them to
    "Edit this entry", for entries the built site does not have."""
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    for record in records:
        page.route(f"**/data/entries/{record['slug']}.json", _serve(json.dumps(record)))
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: page.errors.append("failed: " + r.url))
    page.on("response", lambda r: page.errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("dialog", lambda d: d.accept())
    page.goto(f"{served}{prefix}contribute/new/{query}")
    page.wait_for_selector("#ce-editor[data-ready]")
    return page


def _serve(body):
    return lambda route: route.fulfill(status=200, content_type="application/json", body=body)


def validate(project):
    """make validate, run on a copy of the project."""
    return subprocess.run([sys.executable, "scripts/validate.py"], cwd=project, capture_output=True, text=True,
                          timeout=300)


def add_row(page, field_id):
    page.click(f"#ce-ed-facts-{field_id}-add")


def fill_programme(page, lang):
    """A new programme, both languages, as a person fills it (labels and buttons, mostly by id of the field)."""
    page.check("#ce-ed-kind-programme")
    page.fill("#ce-ed-slug", SLUG)
    page.fill("#ce-ed-text-es-title", "Cooperativas rurales de prueba en el Perú")
    page.fill("#ce-ed-text-en-title", "Rural cooperatives test programme in Peru")
    page.fill("#ce-ed-text-es-summary",
              "Programa de prueba que acompañó a 120 cooperativas rurales del Perú entre 2016 y 2019.")
    page.fill("#ce-ed-text-en-summary",
              "Test programme that supported 120 rural cooperatives in Peru from 2016 to 2019.")
    add_row(page, "countries")
    page.fill("#ce-ed-facts-countries-0", "Perú" if lang == "es" else "Peru")
    page.fill("#ce-ed-facts-period-start", "2016")
    page.fill("#ce-ed-facts-period-end", "2019")
    page.select_option("#ce-ed-facts-status-value", "completed")
    page.fill("#ce-ed-facts-status-as_of", "2019")
    page.select_option("#ce-ed-facts-status-source", "ilo-sst-compendium-2019")
    page.check("#ce-ed-facts-themes-cooperatives")
    page.check("#ce-ed-facts-themes-rural_development")
    page.check("#ce-ed-facts-target_groups-agricultural_cooperatives")
    add_row(page, "organisations")
    page.select_option("#ce-ed-facts-organisations-0-id", "ilo")
    page.select_option("#ce-ed-facts-organisations-0-role", "implementer")
    add_row(page, "results")
    page.fill("#ce-ed-facts-results-0-value", "120")
    page.select_option("#ce-ed-facts-results-0-unit", "cooperatives")
    page.fill("#ce-ed-facts-results-0-what-es", "cooperativas rurales acompañadas")
    page.fill("#ce-ed-facts-results-0-what-en", "rural cooperatives supported")
    page.fill("#ce-ed-facts-results-0-year", "2019")
    page.select_option("#ce-ed-facts-results-0-source", "ilo-sst-compendium-2019")
    page.check("#ce-ed-facts-results-0-key")
    add_row(page, "sources")
    page.select_option("#ce-ed-facts-sources-0", "ilo-sst-compendium-2019")
    page.fill("#ce-ed-sections-es-overview",
              "El programa acompañó a cooperativas rurales.\n\n### Cómo\n\nCon **talleres**.")
    page.fill("#ce-ed-sections-en-overview",
              "The programme supported rural cooperatives.\n\n### How\n\nWith **workshops**.")
    page.fill("#ce-ed-sections-en-lessons", "Cooperatives learn from each other.")


def fill_methodology(page):
    """The sample methodology (tests/editor_sample.py), filled in as new: no country of documented use, countries
    named as scope, no period (ticked with the keyboard), no status, a year inferred, a context figure whose year
    the source does not state (its cell left empty)."""
    page.check("#ce-ed-kind-methodology")
    page.fill("#ce-ed-slug", METHODOLOGY_SLUG)
    page.fill("#ce-ed-text-es-title", "Guía de muestra para el editor")
    page.fill("#ce-ed-text-en-title", "Sample guide for the editor")
    page.fill("#ce-ed-text-es-summary",
              "Una guía de muestra que la fuente recomienda para el Ecuador y Bolivia, sin documentar su uso.")
    page.fill("#ce-ed-text-en-summary",
              "A sample guide the source recommends for Ecuador and Bolivia, without documenting its use.")
    page.fill("#ce-ed-text-es-modules", "Diagnóstico\nPlan de mejora")
    page.fill("#ce-ed-text-en-modules", "Diagnosis\nImprovement plan")
    page.fill("#ce-ed-facts-international_names", "Sample Guide (SG)")
    page.check("#ce-ed-facts-audience-cooperatives")
    page.check("#ce-ed-facts-formats-classroom_training")
    add_row(page, "developed_by")
    page.select_option("#ce-ed-facts-developed_by-0", "ilo")
    add_row(page, "scope")
    page.select_option("#ce-ed-facts-scope-0-basis", "recommended")
    for i, country in enumerate(("Ecuador", "BO")):
        page.click("#ce-ed-facts-scope-0-countries-add")
        page.fill(f"#ce-ed-facts-scope-0-countries-{i}", country)
    page.select_option("#ce-ed-facts-scope-0-source", "ilo-andean-2016")
    add_row(page, "scope")
    page.select_option("#ce-ed-facts-scope-1-basis", "inferred")
    page.click("#ce-ed-facts-scope-1-countries-add")
    page.fill("#ce-ed-facts-scope-1-countries-0", "Perú")
    page.select_option("#ce-ed-facts-scope-1-source", "ilo-andean-2016")
    page.fill("#ce-ed-facts-scope-1-note-es", "La fuente la cita tras el Perú.")
    page.fill("#ce-ed-facts-scope-1-note-en", "The source cites it after Peru.")
    page.focus("#ce-ed-facts-period--not_stated")
    page.keyboard.press("Space")
    page.check("#ce-ed-facts-status--not_stated")
    page.check("#ce-ed-facts-themes-cooperatives")
    page.check("#ce-ed-facts-target_groups-cooperatives")
    add_row(page, "results")
    page.fill("#ce-ed-facts-results-0-value", "120")
    page.select_option("#ce-ed-facts-results-0-unit", "applications")
    page.fill("#ce-ed-facts-results-0-what-es", "postulaciones recibidas")
    page.fill("#ce-ed-facts-results-0-what-en", "applications received")
    page.fill("#ce-ed-facts-results-0-year", "2015")
    page.fill("#ce-ed-facts-results-0-year_inferred-es", "año del informe intermedio")
    page.fill("#ce-ed-facts-results-0-year_inferred-en", "year of the interim report")
    page.select_option("#ce-ed-facts-results-0-source", "ilo-andean-2016")
    add_row(page, "context_figures")
    page.fill("#ce-ed-facts-context_figures-0-value", "6")
    page.select_option("#ce-ed-facts-context_figures-0-unit", "modules")
    page.fill("#ce-ed-facts-context_figures-0-what-es", "módulos de la guía")
    page.fill("#ce-ed-facts-context_figures-0-what-en", "modules of the guide")
    page.select_option("#ce-ed-facts-context_figures-0-source", "ilo-andean-2016")
    add_row(page, "sources")
    page.select_option("#ce-ed-facts-sources-0", "ilo-andean-2016")
    page.fill("#ce-ed-sections-es-overview", "La guía acompaña a las cooperativas en dos módulos.")
    page.fill("#ce-ed-sections-en-overview", "The guide takes cooperatives through two modules.")


def download_validate_and_build(page, lang, slug, expected, tmp_path):
    """Check the filled form (no problem), download both files into a copy of the project and compare them with
    the expected texts, then run make validate and a build on that copy. Returns the copy."""
    page.get_by_role("button", name=ui("check", lang)).click()
    assert page.locator("#ce-ed-summary").is_hidden()
    assert page.locator("#ce-ed-files .ce-ed-good").text_content() == ui("no_problems", lang)
    project = copy_project(tmp_path / "project")
    texts = {}
    for file_lang in ("es", "en"):
        name = f"{slug}.{file_lang}.md"
        with page.expect_download() as info:
            page.get_by_role("button", name=ui("download", lang).format(file=name)).click()
        assert info.value.suggested_filename == name
        info.value.save_as(project / "practices" / name)
        texts[file_lang] = (project / "practices" / name).read_text(encoding="utf-8")
    assert texts == expected
    assert page.errors == []
    page.context.close()
    result = validate(project)
    assert result.returncode == 0, result.stdout + result.stderr
    built = run_build(project)
    assert built.returncode == 0, built.stderr
    return project


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_a_new_programme_downloads_validates_and_builds(browser, served, tmp_path, lang, prefix):
    page = open_editor(browser, served, prefix)
    fill_programme(page, lang)
    # Exactly the template's format (compendio/scaffold.py), written out by hand in tests/editor_sample.py.
    project = download_validate_and_build(page, lang, SLUG, {"es": EXPECTED_ES, "en": EXPECTED_EN}, tmp_path)
    site = project / "site"
    es, en = page_text(site, f"entries/{SLUG}"), page_text(site, f"en/entries/{SLUG}")
    assert "Cooperativas rurales de prueba en el Perú" in es and "cooperativas rurales acompañadas" in es
    assert "Rural cooperatives test programme in Peru" in en and "rural cooperatives supported" in en
    assert "Cooperatives learn from each other." in en and "Lecciones" not in es


def test_a_methodology_the_source_says_little_about_downloads_validates_and_builds(browser, served, tmp_path):
    page = open_editor(browser, served, "")
    fill_methodology(page)
    # "Not stated in the source" is a labelled checkbox; ticked, the period's own inputs are hidden.
    assert page.is_checked("#ce-ed-facts-period--not_stated")
    assert page.locator("label[for='ce-ed-facts-period--not_stated']").inner_text() == \
        "Periodo: no consta en la fuente"
    assert page.locator("#ce-ed-facts-period-start").is_hidden()
    # The new terms, with both languages' labels.
    assert "Recomendada para (Recommended for)" in page.locator("#ce-ed-facts-scope-0-basis option").all_inner_texts()
    assert "postulaciones (applications)" in page.locator("#ce-ed-facts-results-0-unit option").all_inner_texts()
    project = download_validate_and_build(page, "es", METHODOLOGY_SLUG,
                                          {"es": METHODOLOGY_ES, "en": METHODOLOGY_EN}, tmp_path)
    es = page_html(project / "site", f"entries/{METHODOLOGY_SLUG}")
    en = page_html(project / "site", f"en/entries/{METHODOLOGY_SLUG}")
    for label, html in (("Países", es), ("Periodo", es), ("Estado según la fuente", es)):
        assert re.search(rf'<dt id="\w+">{label}</dt>\s*<dd>no consta en la fuente</dd>', html), label
    for label, html in (("Countries", en), ("Period", en), ("Status as reported", en)):
        assert re.search(rf'<dt id="\w+">{label}</dt>\s*<dd>not stated in the source</dd>', html), label
    assert re.search(r'<td>módulos de la guía</td>\s*<td>año no indicado</td>', es)
    assert re.search(r'<td>modules of the guide</td>\s*<td>year not stated</td>', en)


BAD_INPUTS = [
    # (what is done, the field's element id, make validate's message in English)
    ("empty title", lambda p: p.fill("#ce-ed-text-es-title", ""), "ce-ed-text-es-title",
     'the required field "title" is missing; add `title:`'),
    ("unknown country", lambda p: p.fill("#ce-ed-facts-countries-0", "Colmbia"), "ce-ed-facts-countries-0",
     '"Colmbia" is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. CO). Did you mean "CO"?'),
    ("end before start", lambda p: p.fill("#ce-ed-facts-period-end", "2010"), "ce-ed-facts-period-end",
     "the end year 2010 is before the start year 2016; swap or correct them"),
    ("negative figure", lambda p: p.fill("#ce-ed-facts-results-0-value", "-5"), "ce-ed-facts-results-0-value",
     "-5 is below the minimum of 0; correct the value"),
    ("markup in a title", lambda p: p.fill("#ce-ed-text-en-title", "Rural <b>cooperatives</b> test"),
     "ce-ed-text-en-title",
     "front matter is plain text: remove the HTML or javascript: (it would be shown as typed, not run); put "
     "formatting in the Markdown body instead"),
]


def shown_message(page, element_id):
    return page.locator(f"#{element_id}-err").inner_text()


def test_bad_inputs_show_make_validates_message_at_the_field_and_survive_a_reload(browser, served, tmp_path):
    page = open_editor(browser, served, "en/")
    fill_programme(page, "en")
    for _, act, element_id, _ in BAD_INPUTS:
        act(page)
        page.locator(f"#{element_id}").blur()
    page.wait_for_timeout(400)
    for what, _, element_id, message in BAD_INPUTS:
        box = page.locator(f"#{element_id}-err")
        assert box.is_visible(), what
        assert message in box.inner_text(), (what, box.inner_text())
        control = page.locator(f"#{element_id}")
        assert control.get_attribute("aria-invalid") == "true", what
        assert f"{element_id}-err" in control.get_attribute("aria-describedby"), what

    # The same files, checked by make validate, give the same messages.
    files = page.evaluate("() => window.compendioEditor.entryFiles(window.compendioEditor.record())")
    project = copy_project(tmp_path / "project")
    for path, text in files.items():
        (project / path).write_text(text, encoding="utf-8")
    result = validate(project)
    assert result.returncode == 1
    for what, _, _, message in BAD_INPUTS:
        assert message in result.stdout + result.stderr, (what, result.stdout)

    # Nothing is lost on reload: the values come back from the draft, and with them the messages.
    page.reload()
    page.wait_for_selector("#ce-editor[data-ready]")
    assert page.input_value("#ce-ed-facts-countries-0") == "Colmbia"
    assert page.input_value("#ce-ed-facts-period-end") == "2010"
    assert page.input_value("#ce-ed-text-en-title") == "Rural <b>cooperatives</b> test"
    assert page.input_value("#ce-ed-sections-en-lessons") == "Cooperatives learn from each other."
    assert page.is_checked("#ce-ed-facts-themes-rural_development")
    page.wait_for_timeout(400)
    for what, _, element_id, message in BAD_INPUTS:
        assert message in shown_message(page, element_id), what
    assert page.locator("#ce-ed-status").text_content() == ui("draft_restored", "en")
    # Cleared on request only.
    page.get_by_role("button", name=ui("clear", "en")).click()
    assert page.input_value("#ce-ed-slug") == ""
    page.reload()
    page.wait_for_selector("#ce-editor[data-ready]")
    assert page.input_value("#ce-ed-slug") == "" and not page.is_checked("#ce-ed-kind-programme")
    assert page.errors == []
    page.context.close()


def add_scope_country(page, country):
    add_row(page, "scope")
    page.select_option("#ce-ed-facts-scope-0-basis", "recommended")
    page.click("#ce-ed-facts-scope-0-countries-add")
    page.fill("#ce-ed-facts-scope-0-countries-0", country)
    page.select_option("#ce-ed-facts-scope-0-source", "ilo-sst-compendium-2019")


def add_context_figure_with_an_inferred_year_but_no_year(page):
    add_row(page, "context_figures")
    page.fill("#ce-ed-facts-context_figures-0-value", "30")
    page.select_option("#ce-ed-facts-context_figures-0-unit", "percent")
    page.fill("#ce-ed-facts-context_figures-0-what-en", "of rural workers in cooperatives")
    page.fill("#ce-ed-facts-context_figures-0-year_inferred-en", "the year of the survey")
    page.select_option("#ce-ed-facts-context_figures-0-source", "ilo-sst-compendium-2019")


NEW_RULES = [
    # The content model's rules (issue 10): (what is done, the field's element id, make validate's message)
    ("completed with no end", lambda p: p.fill("#ce-ed-facts-period-end", ""), "ce-ed-facts-period-end",
     'the status is "completed" but the period has no end: write the end year, or end: not_stated if the source '
     "does not give it"),
    ("a start that is no year", lambda p: p.fill("#ce-ed-facts-period-start", "20x6"), "ce-ed-facts-period-start",
     "must be a whole number, not text."),  # through the alternative of period that was meant
    ("a figure dated after its source", lambda p: p.fill("#ce-ed-facts-results-0-year", "2021"),
     "ce-ed-facts-results-0-year",
     "2021 is after ilo-sst-compendium-2019 was published (2019): a source cannot report a later year; write the "
     "year the source gives, or null if it gives none"),
    ("a status dated after its source", lambda p: p.fill("#ce-ed-facts-status-as_of", "2020-05"),
     "ce-ed-facts-status-as_of",
     "2020 is after ilo-sst-compendium-2019 was published (2019): a source cannot report a later year; write the "
     "year the source gives, or not_stated if it gives none"),
    ("a country of use and of scope", lambda p: add_scope_country(p, "Peru"), "ce-ed-facts-scope-0-countries-0",
     '"PE" is also in countries: a country is either one where the source documents use (countries) or one it only '
     "names as scope; keep it in one of the two"),
    ("an inferred year with no year", add_context_figure_with_an_inferred_year_but_no_year,
     "ce-ed-facts-context_figures-0-year_inferred",
     "says why a year is inferred, but year is null: give the inferred year, or remove year_inferred"),
]


def test_the_content_models_rules_show_make_validates_message_at_the_field(browser, served, tmp_path):
    page = open_editor(browser, served, "en/")
    fill_programme(page, "en")
    for _, act, _, _ in NEW_RULES:
        act(page)
    page.get_by_role("button", name=ui("check", "en")).click()
    for what, _, element_id, message in NEW_RULES:
        box = page.locator(f"#{element_id}-err")
        assert box.is_visible(), what
        assert message in box.inner_text(), (what, box.inner_text())
    summary = page.locator("#ce-ed-summary").inner_text()
    assert summary.count("\n") >= len(NEW_RULES)
    files = page.evaluate("() => window.compendioEditor.entryFiles(window.compendioEditor.record())")
    assert page.errors == []
    page.context.close()
    project = copy_project(tmp_path / "project")
    for path, text in files.items():
        (project / path).write_text(text, encoding="utf-8")
    result = validate(project)
    assert result.returncode == 1
    for what, _, _, message in NEW_RULES:
        assert message in result.stdout + result.stderr, (what, result.stdout)


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_submitting_an_empty_form_marks_the_errors(browser, served, lang, prefix):
    page = open_editor(browser, served, prefix)
    page.get_by_role("button", name=ui("check", lang)).click()
    summary = page.locator("#ce-ed-summary")
    assert summary.is_visible() and summary.evaluate("n => n === document.activeElement")
    assert page.locator("#ce-ed-facts-kind-err").is_visible()  # kind first: it decides the other fields
    assert page.locator("#ce-ed-slug-err").is_visible()
    page.check("#ce-ed-kind-practice")
    page.get_by_role("button", name=ui("check", lang)).click()
    for element_id in ("ce-ed-text-es-title", "ce-ed-text-en-summary", "ce-ed-facts-countries", "ce-ed-facts-themes",
                       "ce-ed-facts-period", "ce-ed-sections-es-objectives", "ce-ed-sections-en-innovation"):
        assert page.locator(f"#{element_id}-err").is_visible(), element_id
    links = page.locator("#ce-ed-summary a")
    assert links.count() == len(page.evaluate("() => window.compendioEditor.problems()"))
    # Each summary line leads to its field.
    href = links.first.get_attribute("href")
    assert page.locator(href).count() == 1
    assert page.errors == []
    page.context.close()


def test_propose_on_github_carries_the_path_and_the_content(browser, served):
    page = open_editor(browser, served, "")
    fill_programme(page, "es")
    page.wait_for_timeout(400)
    links = page.locator("a.ce-ed-propose")
    assert links.count() == 2
    found = {}
    for i in range(2):
        url = urllib.parse.urlsplit(links.nth(i).get_attribute("href"))
        query = urllib.parse.parse_qs(url.query)
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/new/main/practices"
        found[query["filename"][0]] = query["value"][0]
    assert found == {f"{SLUG}.es.md": EXPECTED_ES, f"{SLUG}.en.md": EXPECTED_EN}
    # Text too long for an address: the page for a new file with its name only, and the steps.
    page.fill("#ce-ed-sections-es-overview", "Texto largo. " * 800)
    page.wait_for_timeout(400)
    long_link = page.locator("a.ce-ed-propose-long")
    assert long_link.count() == 1
    assert long_link.get_attribute("href") == f"{REPO}/new/main/practices?filename={SLUG}.es.md"
    assert ui("propose_long", "es").format(file=f"{SLUG}.es.md") in page.locator("#ce-ed-files").inner_text()
    page.context.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_the_editor_is_accessible_and_fits_a_phone(browser, served, lang, prefix):
    page = open_editor(browser, served, prefix, width=390)
    page.check("#ce-ed-kind-programme")
    add_row(page, "results")
    add_row(page, "scope")  # a row with a list of countries in it
    page.click("#ce-ed-facts-scope-0-countries-add")
    add_row(page, "context_figures")
    page.check("#ce-ed-facts-period-end--not_stated")  # a value not stated, and a whole field
    page.check("#ce-ed-facts-status--not_stated")
    page.get_by_role("button", name=ui("check", lang)).click()
    # Nothing wider than the screen.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => (await axe.run(document)).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))""")
    assert violations == []
    # Every control has a name; the keyboard reaches the kind first and the check button.
    unnamed = page.evaluate("""() => [...document.querySelectorAll(
            '#ce-editor input, #ce-editor select, #ce-editor textarea')]
        .filter(n => !n.labels || !n.labels.length).map(n => n.id)""")
    assert unnamed == []
    page.keyboard.press("Tab")
    for _ in range(60):
        if page.evaluate("() => document.activeElement.id") == "ce-ed-kind-methodology":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # radio group: arrows change the kind
    assert page.is_checked("#ce-ed-kind-programme") or page.is_checked("#ce-ed-kind-practice")
    assert page.errors == []
    page.context.close()


def test_edit_this_entry_opens_the_entry_with_its_facts_and_texts(browser, served, built, cat, schema):
    entry = cat.entries["agro-peru"]
    html = (built / "en/entries/agro-peru/index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]+)">' + re.escape(ui("edit_entry", "en")), html)
    assert link and link.group(1) == "../../contribute/new/?edit=agro-peru"
    page = open_editor(browser, served, "en/", "?edit=agro-peru")
    assert page.input_value("#ce-ed-slug") == "agro-peru"
    assert page.locator("#ce-ed-slug").get_attribute("readonly") is not None
    assert page.is_checked("#ce-ed-kind-programme")
    assert page.input_value("#ce-ed-text-es-title") == entry.title("es")
    assert page.input_value("#ce-ed-facts-results-1-value") == "4546"
    assert page.input_value("#ce-ed-facts-countries-0") == "Peru"
    assert page.input_value("#ce-ed-sections-en-overview") == entry.sections["en"]["overview"]
    page.wait_for_timeout(400)
    assert page.evaluate("() => window.compendioEditor.problems()") == []
    # Written back unchanged in meaning: the files hold the same record compendio/entrywriter.py writes.
    files = page.evaluate("() => window.compendioEditor.entryFiles(window.compendioEditor.record())")
    record = editor.entry_record(entry, ROOT)
    assert files == entrywriter.entry_files(record, schema)
    # An existing file is edited on GitHub, not created.
    assert page.locator("a.ce-ed-propose").count() == 0
    assert page.locator(f'a[href="{REPO}/edit/main/practices/agro-peru.es.md"]').count() == 1
    assert page.errors == []
    page.context.close()


def test_edit_this_entry_writes_back_every_form_of_not_stated(browser, served, tmp_path, schema):
    project = copy_project(tmp_path / "project")
    for rel, text in SAMPLES.items():
        (project / rel).write_text(text, encoding="utf-8")
    samples = load.load(project)  # they validate as written
    records = [editor.entry_record(samples.entries[slug], project) for slug in (METHODOLOGY_SLUG, PROGRAMME_SLUG)]

    def written(page):
        return page.evaluate("() => window.compendioEditor.entryFiles(window.compendioEditor.record())")

    page = open_editor(browser, served, "en/", f"?edit={METHODOLOGY_SLUG}", records=records)
    assert page.is_checked("#ce-ed-facts-period--not_stated") and page.is_checked("#ce-ed-facts-status--not_stated")
    assert page.locator("#ce-ed-facts-countries-0").count() == 0  # countries: [], no row
    assert page.input_value("#ce-ed-facts-scope-0-countries-0") == "Ecuador"
    assert page.input_value("#ce-ed-facts-scope-1-note-en") == "The source cites it after Peru."
    assert page.input_value("#ce-ed-facts-context_figures-0-year") == ""  # year: null
    assert page.input_value("#ce-ed-facts-results-0-year_inferred-es") == "año del informe intermedio"
    page.wait_for_timeout(400)
    assert page.evaluate("() => window.compendioEditor.problems()") == []
    assert written(page) == {rel: SAMPLES[rel] for rel in SAMPLES if METHODOLOGY_SLUG in rel}
    assert written(page) == entrywriter.entry_files(records[0], schema)
    assert page.errors == []
    page.context.close()

    page = open_editor(browser, served, "en/", f"?edit={PROGRAMME_SLUG}", records=records)
    end = "#ce-ed-facts-period-end"
    assert page.is_checked(f"{end}--not_stated") and page.is_disabled(end)
    assert page.is_checked("#ce-ed-facts-status-as_of--not_stated") and page.is_disabled("#ce-ed-facts-status-as_of")
    assert page.input_value("#ce-ed-facts-results-0-year") == ""
    # Untick with the keyboard, give a year; tick again: not stated; untick: the year typed comes back.
    page.focus(f"{end}--not_stated")
    page.keyboard.press("Space")
    assert not page.is_checked(f"{end}--not_stated") and page.is_enabled(end)
    page.fill(end, "2016")
    assert page.evaluate("() => window.compendioEditor.record().facts.period.end") == 2016
    page.focus(f"{end}--not_stated")
    page.keyboard.press("Space")
    assert page.evaluate("() => window.compendioEditor.record().facts.period.end") == "not_stated"
    page.focus(f"{end}--not_stated")
    page.keyboard.press("Space")
    assert page.input_value(end) == "2016"
    page.check(f"{end}--not_stated")
    page.wait_for_timeout(400)
    assert page.evaluate("() => window.compendioEditor.problems()") == []
    assert written(page) == {rel: SAMPLES[rel] for rel in SAMPLES if PROGRAMME_SLUG in rel}
    assert written(page) == entrywriter.entry_files(records[1], schema)
    assert page.errors == []
    page.context.close()


def test_the_script_writes_what_the_python_writer_writes_for_every_entry(browser, served, cat, schema):
    page = open_editor(browser, served, "")
    for e in cat.entries.values():
        record = editor.entry_record(e, ROOT)
        written = page.evaluate("r => window.compendioEditor.entryFiles(r)", record)
        assert written == entrywriter.entry_files(record, schema), e.slug
    # Odd values: quotes, backslashes, YAML words, numbers with decimals, null, a code that YAML 1.1 reads as false.
    odd = {"slug": "odd", "languages": ["en"], "facts": {
        "kind": "practice", "countries": ["NO", "CO"], "period": {"start": 2015, "end": None},
        "results": [{"value": 3.4, "unit": "percent", "what": {"en": 'a "quoted" \\ text: yes'}, "year": 2020,
                     "source": "ilo-andean-2016"}], "international_names": ["true", "12:30"]},
        "text": {"en": {"title": "null", "modules": ["a", "b: c"]}}, "sections": {"en": {"objectives": "x\r\n\r\n"}}}
    assert page.evaluate("r => window.compendioEditor.entryFiles(r)", odd) == entrywriter.entry_files(odd, schema)
    page.context.close()


def test_did_you_mean_matches_make_validate(browser, served, schema):
    page = open_editor(browser, served, "")
    themes = schema.terms("theme")
    countries = [c for code, names in i18n.country_names().items() for c in (code, *names.values())]
    cases = [("cooperativs", themes), ("productivity_workin_conditions", themes), ("Rural developement", themes),
             ("soci", themes), ("zzz", themes), ("Colmbia", countries), ("Peru", countries), ("Bolvia", countries),
             ("Ecuadr", countries), ("UK", countries), ("Resultadoss", ["Resultados", "Objetivos", "Fondos"]),
             ("score-columbia", ["score-colombia", "score-peru", "score"])]
    for value, choices in cases:
        suggested = page.evaluate("([v, c]) => window.compendioEditor.closest(v, c)", [value, choices])
        assert suggested == closest(value, choices), value
    page.context.close()


def test_a_new_field_and_term_appear_in_the_editor_without_code_changes(browser, tmp_path):
    """Issue 10 will add fields and terms to the schema: the editor draws and writes them with no code change."""
    import functools
    import http.server
    import threading

    project = copy_project(tmp_path / "project")
    entry = json.loads((project / "schema/entry.schema.json").read_text(encoding="utf-8"))
    entry["properties"]["budget_usd"] = {"title": "Budget (US dollars)", "x-title-es": "Presupuesto (dólares)",
                                         "description": "Total budget the source reports.",
                                         "x-description-es": "Presupuesto total según la fuente.",
                                         "type": "number", "minimum": 0}
    (project / "schema/entry.schema.json").write_text(json.dumps(entry, ensure_ascii=False, indent=2), encoding="utf-8")
    vocab = json.loads((project / "schema/vocabularies.json").read_text(encoding="utf-8"))
    vocab["$defs"]["theme"]["enum"].append("digital_economy")
    vocab["$defs"]["theme"]["x-labels"]["digital_economy"] = {"es": "Economía digital", "en": "Digital economy"}
    (project / "schema/vocabularies.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=2), encoding="utf-8")
    assert run_build(project).returncode == 0
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "site"))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = open_editor(browser, f"http://127.0.0.1:{server.server_address[1]}/", "en/")
        fill_programme(page, "en")
        assert page.locator("label[for='ce-ed-facts-budget_usd']").inner_text().startswith("Budget (US dollars)")
        assert "Total budget the source reports." in page.locator("#ce-ed-facts-budget_usd-help").inner_text()
        term_label = page.locator("label[for='ce-ed-facts-themes-digital_economy']").inner_text()
        assert term_label == "Digital economy\nEconomía digital"
        page.fill("#ce-ed-facts-budget_usd", "-1")
        page.locator("#ce-ed-facts-budget_usd").blur()
        page.wait_for_timeout(400)
        assert page.locator("#ce-ed-facts-budget_usd-err").inner_text() == \
            "-1 is below the minimum of 0; Total budget the source reports."  # as make validate says it
        page.fill("#ce-ed-facts-budget_usd", "250000")
        page.check("#ce-ed-facts-themes-digital_economy")
        page.wait_for_timeout(400)
        assert page.evaluate("() => window.compendioEditor.problems()") == []
        files = page.evaluate("() => window.compendioEditor.entryFiles(window.compendioEditor.record())")
        es = files[f"practices/{SLUG}.es.md"]
        assert "themes: [cooperatives, rural_development, digital_economy]\n" in es
        assert "sources: [ilo-sst-compendium-2019]\nbudget_usd: 250000\n---\n" in es  # schema order: added last
        page.context.close()
    finally:
        server.shutdown()
    for path, text in files.items():
        (project / path).write_text(text, encoding="utf-8")
    result = validate(project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_served_validator_is_the_pinned_npm_package_file(built):
    """docs/javascripts/vendor/ajv7.min.js is ajv-dist's own build, byte for byte, at the version package-lock pins."""
    vendored = ROOT / "docs/javascripts/vendor/ajv7.min.js"
    package = ROOT / "node_modules/ajv-dist/dist/ajv7.min.js"
    assert package.exists(), "node tools missing: run `make test` (it runs npm ci)"
    assert vendored.read_bytes() == package.read_bytes()
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/ajv-dist"]["version"]
    assert json.loads((ROOT / "node_modules/ajv-dist/package.json").read_text(encoding="utf-8"))["version"] == pinned
    assert vendored.read_text(encoding="utf-8").startswith(f"/* ajv {pinned} (ajv7)")
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["ajv-dist"] == pinned
    # Served from the site itself, and the editor pages load nothing from other hosts.
    assert (built / "javascripts/vendor/ajv7.min.js").read_bytes() == package.read_bytes()
    for prefix in ("", "en/"):
        html = (built / prefix / "contribute/new/index.html").read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="(https?:)?//|<link rel="stylesheet"[^>]+href="(https?:)?//', html)


def test_a_new_organisation_and_source_are_written_for_their_registries(browser, served, tmp_path):
    page = open_editor(browser, served, "en/")
    fill_programme(page, "en")
    add_row(page, "organisations")
    page.select_option("#ce-ed-facts-organisations-1-id", "new")   # "New organisation…" opens its form
    assert page.evaluate("() => document.activeElement.id") == "ce-ed-records-organisation-0-id"
    page.fill("#ce-ed-records-organisation-0-id", "coop-fed-test")
    page.fill("#ce-ed-records-organisation-0-name-es", "Federación de cooperativas de prueba")
    page.fill("#ce-ed-records-organisation-0-acronym", "FCP")
    page.fill("#ce-ed-records-organisation-0-country", "Peru")
    page.select_option("#ce-ed-facts-organisations-1-role", "partner")
    add_row(page, "sources")
    page.select_option("#ce-ed-facts-sources-1", "new")
    for part, value in (("id", "coop-report-2019"), ("short-es", "FCP 2019"), ("short-en", "FCP 2019"),
                        ("title", "Informe anual 2019"), ("author", "Federación de cooperativas de prueba"),
                        ("publisher", "FCP"), ("year", "2019"), ("note-en", "The federation's annual report.")):
        page.fill(f"#ce-ed-records-source-0-{part}", value)
    page.select_option("#ce-ed-records-source-0-language", "es")
    page.fill("#ce-ed-records-source-0-url", "ftp://example.org/report.pdf")
    page.locator("#ce-ed-records-source-0-url").blur()
    page.wait_for_timeout(400)
    assert page.locator("#ce-ed-records-source-0-url-err").inner_text() == \
        '"ftp://example.org/report.pdf" is not a web address: it must start with https:// or http://'
    page.fill("#ce-ed-records-source-0-url", "https://example.org/report.pdf")
    page.wait_for_timeout(400)
    assert page.evaluate("() => window.compendioEditor.problems()") == []
    files = {}
    for name in ("cooperativas-rurales-test.es.md", "cooperativas-rurales-test.yml",
                 "cooperativas-rurales-test.sources.yml"):
        with page.expect_download() as info:
            page.get_by_role("button", name=ui("download", "en").format(file=name)).click()
        files[name] = info.value.path().read_text(encoding="utf-8")
    assert files["cooperativas-rurales-test.yml"] == (
        'coop-fed-test:\n  name: {es: "Federación de cooperativas de prueba"}\n  acronym: "FCP"\n  country: PE\n')
    assert "- {id: coop-fed-test, role: partner}" in files["cooperativas-rurales-test.es.md"]
    page.context.close()
    project = copy_project(tmp_path / "project")
    practices, organisations = project / "practices", project / "data/organisations"
    (practices / f"{SLUG}.es.md").write_text(files["cooperativas-rurales-test.es.md"], encoding="utf-8")
    (practices / f"{SLUG}.en.md").write_text(EXPECTED_EN, encoding="utf-8")
    (organisations / f"{SLUG}.yml").write_text(files["cooperativas-rurales-test.yml"], encoding="utf-8")
    with (project / "data/sources.yml").open("a", encoding="utf-8") as f:  # as the steps say: add at the end
        f.write(files["cooperativas-rurales-test.sources.yml"])
    result = validate(project)
    assert result.returncode == 0, result.stdout + result.stderr
