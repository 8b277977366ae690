"""The "propose an entry" issue form and scripts/from_issue.py share the schema's field list: the committed form
is the one the schema makes, every field of the schema is in it, and issues written with it (as GitHub renders
them) become entry files that make validate accepts, or a list naming every field that cannot be used."""
from __future__ import annotations

import json
import subprocess
import sys

import yaml
from _common import ROOT, copy_project
from editor_sample import METHODOLOGY_ES

from compendio import editor_fields, issue_form
from compendio.schema import load as load_schema

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "propose-entry.yml"


def github_body(values: dict, form_path=FORM) -> str:
    """An issue body as GitHub renders a submitted form: every field of the form, in order, as `### label`, then its
    value or _No response_; checkboxes as `- [X]` lines. values maps a field id to what the person typed."""
    form = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    parts = []
    for item in form["body"]:
        if item["type"] == "markdown":
            continue
        label = item["attributes"]["label"]
        if item["type"] == "checkboxes":
            ticks = "\n".join(f"- [X] {o['label']}" for o in item["attributes"]["options"])
            parts.append(f"### {label}\n\n{ticks}")
        else:
            parts.append(f"### {label}\n\n{values.get(item['id']) or '_No response_'}")
    return "\n\n".join(parts) + "\n"


GOOD = {
    "kind": "Programa / Programme",
    "title-es": "Cooperativas de ahorro en Nariño",
    "title-en": "Savings cooperatives in Nariño",
    "summary-es": "Programa que acompañó a 40 cooperativas de ahorro de Nariño entre 2013 y 2016 con formación en "
                  "gestión.",
    "summary-en": "Programme that supported 40 savings cooperatives in Nariño from 2013 to 2016 with management "
                  "training.",
    "countries": "Colombia",
    "places": "CO | Nariño",
    "period-start": "2013",
    "period-end": "2016",
    "status-value": "concluido / completed",
    "status-as_of": "2016",
    "status-source": "ilo-andean-2016",
    "themes": "Cooperativas / Cooperatives, Economía social y solidaria / Social and solidarity economy",
    "target_groups": "Cooperativas / Cooperatives",
    "organisations": "ilo | implementer",
    "sdgs": "8. Trabajo decente y crecimiento económico / Decent work and economic growth, "
            "9. Industria, innovación e infraestructura / Industry, innovation and infrastructure",
    # value | unit | qualifier | what (es) | what (en) | year | year inferred (es) | (en) | source | women | key
    "results": "40 | cooperatives | | cooperativas acompañadas | cooperatives supported | 2016 | | | ilo-andean-2016 "
               "| | Sí / Yes",
    "sources": "ilo-andean-2016",
    "section-overview-es": "El programa formó a las directivas de 40 cooperativas.\n\n### Cómo\n\nCon talleres.",
    "section-overview-en": "The programme trained the boards of 40 cooperatives.",
    "notes": "Contact: someone at the cooperative federation.",
}


def run(project, body, *extra):
    path = project / "issue.md"
    path.write_text(body, encoding="utf-8")
    return subprocess.run([sys.executable, "scripts/from_issue.py", "--body-file", str(path), *extra], cwd=project,
                          capture_output=True, text=True, timeout=300)


def test_the_committed_form_is_the_one_the_schema_makes():
    result = subprocess.run([sys.executable, "scripts/make_issue_form.py", "--check"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


def test_every_field_of_the_schema_is_in_the_form():
    schema = load_schema(ROOT / "schema")
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    for field in editor_fields.fields(schema):
        name = field["name"]
        assert name in ids or f"{name}-es" in ids or any(i and i.startswith(f"{name}-") for i in ids), name
    for section in schema.terms("section"):
        assert {f"section-{section}-es", f"section-{section}-en"} <= ids, section
    # The kinds and themes offered are the vocabularies' own, in both languages.
    kinds = next(i for i in form["body"] if i.get("id") == "kind")["attributes"]["options"]
    assert "Programa / Programme" in kinds and len(kinds) == len(schema.terms("kind"))
    themes = next(i for i in form["body"] if i.get("id") == "themes")
    assert themes["attributes"]["multiple"] is True
    assert "Cooperativas / Cooperatives" in themes["attributes"]["options"]


def test_a_new_field_and_term_reach_the_form_and_the_script(tmp_path):
    """Issue 10 will add fields: they must appear without code changes."""
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
    schema = load_schema(project / "schema")
    text = issue_form.form_text(schema)
    assert "Presupuesto (dólares) / Budget (US dollars)" in text and "Economía digital / Digital economy" in text
    (project / issue_form.FORM_PATH).parent.mkdir(parents=True, exist_ok=True)
    (project / issue_form.FORM_PATH).write_text(text, encoding="utf-8")
    values = dict(GOOD, budget_usd="250000", themes=GOOD["themes"] + ", Economía digital / Digital economy")
    result = run(project, github_body(values, project / issue_form.FORM_PATH), "--root", str(project))
    assert result.returncode == 0, result.stderr
    written = (project / "practices/cooperativas-de-ahorro-en-narino.es.md").read_text(encoding="utf-8")
    assert "budget_usd: 250000" in written and "digital_economy]" in written


def test_a_good_issue_becomes_files_that_validate(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run(project, github_body(GOOD), "--issue", "42", "--report", str(tmp_path / "report.md"))
    assert result.returncode == 0, result.stderr
    es = (project / "practices/cooperativas-de-ahorro-en-narino.es.md").read_text(encoding="utf-8")
    en = (project / "practices/cooperativas-de-ahorro-en-narino.en.md").read_text(encoding="utf-8")
    assert es.startswith('---\ntitle: "Cooperativas de ahorro en Nariño"\nsummary: "Programa que acompañó')
    for line in ("kind: programme", "countries: [CO]", "  - {country: CO, name: \"Nariño\"}",
                 "period: {start: 2013, end: 2016}",
                 "status: {value: completed, as_of: \"2016\", source: ilo-andean-2016}",
                 "themes: [cooperatives, social_solidarity_economy]", "sdgs: [8, 9]", "  - value: 40",
                 "    what: {es: \"cooperativas acompañadas\", en: \"cooperatives supported\"}", "    key: true",
                 "## Descripción", "### Cómo"):
        assert line in es.split("\n"), line
    assert "Contact" not in es  # notes are for people, not the entry
    assert en.endswith("## Overview\n\nThe programme trained the boards of 40 cooperatives.\n")
    assert "make validate` passes" in (tmp_path / "report.md").read_text(encoding="utf-8")
    check = subprocess.run([sys.executable, "scripts/validate.py"], cwd=project, capture_output=True, text=True,
                           timeout=300)
    assert check.returncode == 0, check.stdout


def test_a_bad_issue_names_every_field_it_cannot_use_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    before = sorted(p.name for p in (project / "practices").iterdir())
    bad = dict(GOOD, countries="Colombia, Colmbia", themes=GOOD["themes"] + ", Cooperatvas / Cooperatives",
               **{"period-start": "dos mil diecisiete", "status-value": "terminado"},
               results="40 | cooperatives | | a | b | 2016 | | | ilo-andean-2016 | | Sí / Yes | extra",
               audience="Cooperativas / Cooperatives")
    result = run(project, github_body(bad), "--report", str(tmp_path / "report.md"))
    assert result.returncode == 1
    out = result.stderr
    assert 'Países / Countries: "Colmbia" is not a country name or code. Did you mean "Colombia"?' in out
    assert ('Temas / Themes: "Cooperatvas / Cooperatives" is not one of the accepted values. '
            'Did you mean "Cooperativas / Cooperatives"?') in out
    assert 'Periodo: Año de inicio / Period: Start year: "dos mil diecisiete" is not a whole number' in out
    assert 'Estado según la fuente: Fecha del informe' not in out  # a good value is not named
    assert '"terminado" is not one of the accepted values' in out
    assert "Resultados / Results: row 1 has 12 values but a row has at most 11" in out
    assert "Público / Audience: is not a field of a programme; leave it empty" in out
    assert out.count("\n- ") == 6, out
    assert sorted(p.name for p in (project / "practices").iterdir()) == before
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == out


def test_an_issue_whose_files_fail_validation_gets_make_validates_messages(tmp_path):
    project = copy_project(tmp_path / "project")
    values = dict(GOOD, **{"period-end": "2010", "section-overview-es": ""}, sources="no-such-source")
    result = run(project, github_body(values))
    assert result.returncode == 1
    assert "practices/cooperativas-de-ahorro-en-narino.es.md" in result.stderr
    assert "period.end: the end year 2010 is before the start year 2013; swap or correct them" in result.stderr
    assert 'the section "## Descripción" is missing' in result.stderr
    assert 'sources[0]: no source document "no-such-source".' in result.stderr


def test_an_empty_or_foreign_issue_is_refused_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run(project, "I found a typo on the SCORE page.\n")
    assert result.returncode == 1 and "was it written with the \"Propose an entry\" form?" in result.stderr
    result = run(project, github_body({"notes": "hello"}))
    assert result.returncode == 1
    assert "Tipo de entrada / Kind of entry: is required but was left empty" in result.stderr
    result = run(project, github_body(dict(GOOD, slug="score")))
    assert result.returncode == 1 and 'an entry "score" already exists' in result.stderr


# A methodology that uses every form the content model has for what a source does not state (issue 10): no
# countries of documented use, countries it only names as scope, no period, no status, a year inferred, a context
# figure whose year the source does not state. Typed as a person fills GitHub's form: the editor tests' sample
# methodology, whose file (tests/editor_sample.py, written by hand) the script must give too.
METHODOLOGY = {
    "kind": "Metodología / Methodology",
    "title-es": "Guía de muestra para el editor",
    "title-en": "Sample guide for the editor",
    "summary-es": "Una guía de muestra que la fuente recomienda para el Ecuador y Bolivia, sin documentar su uso.",
    "summary-en": "A sample guide the source recommends for Ecuador and Bolivia, without documenting its use.",
    "modules-es": "Diagnóstico\nPlan de mejora",
    "modules-en": "Diagnosis\nImprovement plan",
    "international_names": "Sample Guide (SG)",
    "audience": "Cooperativas / Cooperatives",
    "formats": "Formación en aula / Classroom training",
    "developed_by": "ilo",
    "scope": "Recomendada para / Recommended for | Ecuador, BO | ilo-andean-2016\n"
             "inferred | Perú | ilo-andean-2016 | La fuente la cita tras el Perú. | "
             "The source cites it after Peru.",
    "period-start": "no consta",
    "status-value": "No consta en la fuente / Not stated in the source",
    "themes": "Cooperativas / Cooperatives",
    "target_groups": "Cooperativas / Cooperatives",
    "results": "120 | postulaciones / applications | | postulaciones recibidas | applications received | 2015 | "
               "año del informe intermedio | year of the interim report | ilo-andean-2016",
    "context_figures": "6 | modules | | módulos de la guía | modules of the guide | not stated | | | ilo-andean-2016",
    "sources": "ilo-andean-2016",
    "section-overview-es": "La guía acompaña a las cooperativas en dos módulos.",
    "section-overview-en": "The guide takes cooperatives through two modules.",
}

def test_an_issue_that_says_what_the_source_does_not_state_becomes_files_that_validate(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run(project, github_body(METHODOLOGY))
    assert result.returncode == 0, result.stderr
    slug = "guia-de-muestra-para-el-editor"
    assert (project / f"practices/{slug}.es.md").read_text(encoding="utf-8") == METHODOLOGY_ES
    check = subprocess.run([sys.executable, "scripts/validate.py"], cwd=project, capture_output=True, text=True,
                           timeout=300)
    assert check.returncode == 0, check.stdout
    # A period without a stated end, a status without a date, a figure without a year: "no consta" in either
    # language, in any case.
    project = copy_project(tmp_path / "project2")
    values = dict(GOOD, **{"period-end": "No consta", "status-as_of": "not stated"},
                  results=GOOD["results"].replace("| 2016 |", "| No consta |"))
    result = run(project, github_body(values))
    assert result.returncode == 0, result.stderr
    es = (project / "practices/cooperativas-de-ahorro-en-narino.es.md").read_text(encoding="utf-8").split("\n")
    assert "period: {start: 2013, end: not_stated}" in es
    assert "status: {value: completed, as_of: not_stated, source: ilo-andean-2016}" in es
    assert "    year: null" in es


def test_an_issue_that_mixes_not_stated_with_values_is_refused_field_by_field(tmp_path):
    project = copy_project(tmp_path / "project")
    before = sorted(p.name for p in (project / "practices").iterdir())
    bad = dict(METHODOLOGY, **{"period-end": "2016", "status-value": "en marcha / under way"},
               scope="Recomendada para / Recommended for | Atlantis, BO | ilo-andean-2016",
               context_figures="6 | modules | | módulos de la guía | modules of the guide | | | | ilo-andean-2016")
    result = run(project, github_body(bad))
    assert result.returncode == 1
    out = result.stderr
    assert ("- Periodo: Año de fin / Period: End year: Periodo: Año de inicio / Period: Start year says the source "
            "does not state this field; leave this empty, or give the field in full") in out
    assert ('- Estado según la fuente: Fecha del informe / Status as reported: Date of the report: is required unless '
            'Estado según la fuente: Valor / Status as reported: Value says "No consta en la fuente / Not stated in '
            'the source"') in out
    assert '- Estado según la fuente: Fuente / Status as reported: Source: is required unless' in out
    assert ('- Alcance según la fuente / Scope according to the source, row 1, Countries: "Atlantis" is not a '
            "country name or code.") in out
    assert ('- Cifras de contexto / Context figures: row 1 lacks Year (write "not stated" where the source gives '
            'none)') in out
    assert out.count("\n- ") == 5, out
    assert sorted(p.name for p in (project / "practices").iterdir()) == before


def test_an_issue_against_the_new_rules_gets_make_validates_messages(tmp_path):
    project = copy_project(tmp_path / "project")
    values = dict(GOOD, **{"period-end": ""}, scope="Recomendada para / Recommended for | Colombia | ilo-andean-2016",
                  results="40 | cooperatives | | a b | a b | 2020 | | | ilo-andean-2016\n"
                          "5 | courses | | c d | c d | not stated | año del informe | year of the report | "
                          "ilo-andean-2016")
    result = run(project, github_body(values))
    assert result.returncode == 1
    for message in (
            'period.end: the status is "completed" but the period has no end: write the end year, or end: not_stated '
            "if the source does not give it",
            'scope[0].countries[0]: "CO" is also in countries: a country is either one where the source documents use '
            "(countries) or one it only names as scope; keep it in one of the two",
            "results[0].year: 2020 is after ilo-andean-2016 was published (2016): a source cannot report a later year; "
            "write the year the source gives, or null if it gives none",
            "results[1].year_inferred: says why a year is inferred, but year is null: give the inferred year, or "
            "remove year_inferred"):
        assert message in result.stderr, message
