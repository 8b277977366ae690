"""A real `mkdocs build --strict` of the project: the generated pages carry the right facts in both languages."""
from __future__ import annotations

import html as html_module
import json
import re

from helpers import run_build
from helpers import page_html, page_text, write


def test_figures_are_formatted_for_each_language(built):
    es = page_text(built, "entries/score-colombia")
    en = page_text(built, "en/entries/score-colombia")
    assert "69.573 trabajadores" in es and "69,573" not in es
    assert "69,573 workers" in en and "69.573" not in en
    assert "93 %" in es and "94 %" in es          # both reported satisfaction rates, Spanish spacing
    assert "93%" in en and "94%" in en
    assert "US$1,000,000" in en and "1.000.000\u00a0US$" in es  # currency: CLDR symbol and grouping


def test_every_result_names_its_source_next_to_the_figure(built):
    from helpers import ROOT

    from compendio import load

    results = load.load(ROOT).entries["score-colombia"].facts["results"]
    html = page_html(built, "en/entries/score-colombia")
    rows = re.findall(r'<tr id="result-\d+">(.*?)</tr>', html, re.S)
    assert len(rows) == len(results) > 10
    for row, result in zip(rows, results):
        assert f'href="../../sources/#{result["source"]}"' in row, row
        assert result["what"]["en"] in html_module.unescape(row), row


def test_country_names_come_from_cldr_in_each_language(built):
    es = page_text(built, "entries/self-help-groups-south-punjab")
    en = page_text(built, "en/entries/self-help-groups-south-punjab")
    assert "Pakistán" in es and "Bangladés" in es
    assert "Pakistan" in en and "Bangladesh" in en and "Pakistán" not in en


def test_language_switch_leads_to_the_same_page(built):
    es = page_html(built, "entries/score")
    en = page_html(built, "en/entries/score")
    assert re.search(r'href="[./]*/?en/entries/score/"[^>]*hreflang="en"', es), "es page must link to its en version"
    assert re.search(r'href="[./]*/entries/score/"[^>]*hreflang="es"', en), "en page must link to its es version"
    assert '<html lang="es"' in es and '<html lang="en"' in en


def test_entry_page_fact_box_and_sections(built):
    html = page_html(built, "entries/score")
    assert 'id="title">SCORE: Promoviendo Empresas Competitivas, Responsables y Sostenibles</h1>' in html
    text = page_text(built, "entries/score")
    assert "Metodología" in text and "Módulos" in text and "La cooperación en el lugar de trabajo" in text
    # Stable section anchors: the field key, the same in both languages.
    assert 'id="overview"' in html and 'id="overview"' in page_html(built, "en/entries/score")
    practice = page_html(built, "en/entries/self-help-groups-south-punjab")
    for key in ("objectives", "cooperation", "effectiveness", "innovation", "sustainability", "adaptability",
                "results", "funds", "contact", "materials"):
        assert f'id="{key}"' in practice, key


def test_index_pages_exist_in_both_languages(built):
    for prefix in ("", "en/"):
        for url in ("entries", "kinds/programme", "countries", "countries/co", "themes/cooperatives"
                    if False else "themes/social-dialogue", "target-groups/women", "methodologies/score",
                    "organisations/seco", "sdgs/8", "years/2015", "sources", "compare"):
            assert (built / f"{prefix}{url}/index.html").exists(), prefix + url
    assert "Proyecto SCORE Colombia" in page_text(built, "countries/co")
    assert "SCORE Colombia project" in page_text(built, "en/countries/co")
    assert "SCORE Peru project" in page_text(built, "en/years/2016")


def test_comparison_pages(built):
    es = page_text(built, "compare/programmes")
    assert "SCORE Colombia" in es and "69.573" in es and "desde 2010" in es and "Financiadores" in es
    en = page_text(built, "en/compare/methodologies")
    assert "SCORE" in en and "5 modules" in en and "Colombia" in en
    across = page_text(built, "en/compare/methodology/score")
    assert "SCORE across countries" in across and "Colombia" in across and "SCORE Colombia" in across


def test_home_page_counts(built):
    es = page_text(built, "")
    en = page_text(built, "en")
    entries = len(list((built / "entries").glob("*/index.html")))
    assert re.search(rf"\b{entries}\s+entradas\b", es) and re.search(rf"\b{entries}\s+entries\b", en)


def test_nothing_generated_is_left_unescaped(project):
    # Markdown and HTML special characters in front matter reach readers as typed, never as markup.
    path = project / "practices" / "score-colombia.en.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title: "SCORE Colombia project"', 'title: "SCORE & *Colombia* [x](http://e.org) \\"q\\""')
    path.write_text(text, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    html = page_html(project / "site", "en/entries/score-colombia")
    h1 = re.search(r'<h1 id="title">(.*?)</h1>', html).group(1)
    assert "<" not in h1 and html_module.unescape(h1) == 'SCORE & *Colombia* [x](http://e.org) "q"'
    assert "&amp;" in h1
    assert "<title>SCORE &amp; *Colombia*" in html
    assert "<em>Colombia</em>" not in html and 'href="http://e.org"' not in html


def test_entry_in_one_language_gets_both_pages_with_a_notice(project):
    (project / "practices" / "score-colombia.en.md").unlink()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    en = page_text(project / "site", "en/entries/score-colombia")
    assert "Translation pending" in en and "Proyecto SCORE Colombia" in en
    assert 'lang="es"' in page_html(project / "site", "en/entries/score-colombia")


def test_broken_entry_fails_the_build_with_every_message_and_no_traceback(project):
    write(project, "broken.es.md", "---\nkind: programme\ntitle: \"Roto\"\nthemes: [cooperativs]\n---\n\nText.\n")
    path = project / "practices" / "score.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Overview", "## Overveiw"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    assert 'practices/broken.es.md:4: themes[0]: "cooperativs" is not an accepted value. Did you mean "cooperatives"?' in out
    line = path.read_text(encoding="utf-8").splitlines().index("## Overveiw") + 1
    assert f'practices/score.en.md:{line}: body: "## Overveiw" is not a section of a methodology. Did you mean "Overview"?' in out
    assert "Aborted with a BuildError" in out
    assert not (project / "site").exists(), "nothing may be published when the input is broken"
    assert not (project / "docs" / "entries").exists(), "no page may be generated from broken input"


def test_deleted_entry_pages_are_removed_on_rebuild(project):
    practices = project / "practices"
    for lang in ("es", "en"):  # a copy of an entry nothing links to, under a new slug
        text = (practices / f"self-help-groups-south-punjab.{lang}.md").read_text(encoding="utf-8")
        (practices / f"temporary-copy.{lang}.md").write_text(text, encoding="utf-8")
    assert run_build(project).returncode == 0
    assert (project / "docs" / "entries" / "temporary-copy.es.md").exists()
    assert (project / "site" / "en" / "entries" / "temporary-copy" / "index.html").exists()
    for lang in ("es", "en"):
        (practices / f"temporary-copy.{lang}.md").unlink()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "docs" / "entries" / "temporary-copy.es.md").exists()
    assert not (project / "site" / "en" / "entries" / "temporary-copy").exists()


def test_every_generated_folder_is_git_ignored():
    from compendio.urls import GENERATED_ROOTS
    from helpers import ROOT

    ignored = (ROOT / "docs" / ".gitignore").read_text(encoding="utf-8").split()
    for root in GENERATED_ROOTS:
        assert (f"/{root}/" in ignored) or (root == "index" and "/index.*.md" in ignored), root


def test_open_data_is_exported_per_language(built):
    for prefix, lang in (("", "es"), ("en/", "en")):
        data = json.loads((built / prefix / "data" / "entries.json").read_text(encoding="utf-8"))
        assert data["language"] == lang
        assert {e["slug"] for e in data["entries"]} >= {"score", "score-colombia", "self-help-groups-south-punjab"}
        assert (built / prefix / "data" / "entries.csv").read_text(encoding="utf-8-sig").startswith("slug,kind,title")


def test_country_pages_show_context_with_year_and_source(built):
    es = page_text(built, "countries/pe")
    en = page_text(built, "en/countries/pe")
    assert "Contexto del país" in es and "Country context" in en
    assert "31.151.643" in es and "31,151,643" in en          # Peru's population, per language
    assert "Clasificación de las micro, pequeñas y medianas empresas" in es
    assert "OIT 2016" in es and "ILO 2016" in en
    table = page_text(built, "en/compare/countries")
    assert all(name in table for name in ("Bolivia", "Colombia", "Ecuador", "Peru", "Venezuela"))


def test_instrument_pages_list_the_entries_that_cite_them(built):
    es = page_text(built, "instruments/r193")
    en = page_text(built, "en/instruments/r193")
    assert "2002" in es and "Recomendación" in es and "Recommendation" in en
    assert "My.COOP" in en


def test_edit_link_leads_to_the_entry_file_not_the_generated_page(built):
    repo = "https://github.com/compendio-ess/compendio-ess"
    assert f'href="{repo}/edit/main/practices/score.es.md"' in page_html(built, "entries/score")
    assert f'href="{repo}/edit/main/practices/score.en.md"' in page_html(built, "en/entries/score")
    assert "md-content__button" not in page_html(built, "countries")     # generated: nothing to edit
    assert f'href="{repo}/edit/main/docs/about.es.md"' in page_html(built, "about")


def test_renamed_entry_keeps_its_old_addresses(project):
    practices = project / "practices"
    for lang in ("es", "en"):
        old = practices / f"score-colombia.{lang}.md"
        text = old.read_text(encoding="utf-8")
        if lang == "es":
            text = text.replace("\nsources:", "\nformer_slugs: [score-col]\nsources:", 1)
        (practices / f"score-colombia-project.{lang}.md").write_text(text, encoding="utf-8")
        old.unlink()
    for path in list(practices.glob("*.md")) + list((project / "data" / "collections").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bscore-colombia\b(?!-)", "score-colombia-project", text), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for prefix in ("", "en/"):
        html = (site / f"{prefix}entries/score-col/index.html").read_text(encoding="utf-8")
        assert 'content="0; url=../score-colombia-project/"' in html
        assert f'rel="canonical" href="https://compendio-ess.example.org/{prefix}entries/score-colombia-project/"' in html
        assert (site / f"{prefix}entries/score-colombia-project/index.html").exists()


def test_a_former_slug_cannot_take_a_current_address(project):
    path = project / "practices" / "score-colombia.es.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\nsources:", "\nformer_slugs: [score]\nsources:", 1),
                    encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert 'former_slugs[0]: "score" is the slug of an existing entry' in result.stdout + result.stderr


def test_raw_html_in_the_body_is_sanitised(project):
    path = project / "practices" / "score-colombia.en.md"
    text = path.read_text(encoding="utf-8").replace(
        "## Results\n", "## Results\n\nThe <abbr title=\"International Labour Organization\">ILO</abbr> "
        "<marquee>moving</marquee> report<sup>1</sup>.\n", 1)
    path.write_text(text, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    html = page_html(project / "site", "en/entries/score-colombia")
    assert '<abbr title="International Labour Organization">ILO</abbr>' in html and "<sup>1</sup>" in html
    assert "<marquee" not in html and "moving" in html  # the tag is dropped, its text kept


def test_atom_feed_per_language(built):
    from xml.etree import ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    for prefix, lang, title in (("", "es", "Proyecto SCORE Colombia"), ("en/", "en", "SCORE Colombia project")):
        feed = ET.parse(built / prefix / "feed.xml").getroot()
        entries = feed.findall("a:entry", ns)
        titles = [e.findtext("a:title", namespaces=ns) for e in entries]
        assert title in titles
        link = entries[titles.index(title)].find("a:link", ns).get("href")
        assert link == f"https://compendio-ess.example.org/{prefix}entries/score-colombia/"
        updated = [e.findtext("a:updated", namespaces=ns) for e in entries]
        assert updated == sorted(updated, reverse=True)  # newest first
        assert 'type="application/atom+xml"' in page_html(built, f"{prefix}entries/score")


def test_entry_pages_carry_schema_org_json_ld(built):
    for prefix, lang, country in (("", "es", "Pakistán"), ("en/", "en", "Pakistan")):
        html = page_html(built, f"{prefix}entries/self-help-groups-south-punjab")
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert data["@context"] == "https://schema.org" and data["inLanguage"] == lang
        assert data["url"].endswith(f"/{prefix}entries/self-help-groups-south-punjab/")
        assert {"@type": "Country", "name": country, "identifier": "PK"} in data["spatialCoverage"]
        assert any(f["name"] == "ICCO Cooperation" for f in data["funder"])


def test_schema_is_published_at_a_stable_address(built):
    from helpers import ROOT

    for name in ("entry.schema.json", "vocabularies.json"):
        assert (built / "schema" / name).read_bytes() == (ROOT / "schema" / name).read_bytes()


def test_entry_offers_apa_and_bibtex_citations_in_its_language(built):
    es = page_text(built, "entries/score-colombia")
    en = page_text(built, "en/entries/score-colombia")
    site = "https://compendio-ess.example.org/"
    assert re.search(rf"Compendio ESS\. \(\d{{4}}, \d+ de \w+\)\. Proyecto SCORE Colombia\. Compendio ESS\. {site}entries/score-colombia/", es)
    assert re.search(rf"Compendio ESS\. \(\d{{4}}, [A-Z][a-z]+ \d+\)\. SCORE Colombia project\. Compendio ESS\. {site}en/entries/score-colombia/", en)
    assert "@misc{compendio-ess-score-colombia-en," in en and f"\\url{{{site}en/entries/score-colombia/}}" in en
    assert "Consultado el" in es and "Retrieved" in en
