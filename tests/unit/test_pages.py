"""Generated pages, built in memory from the fixture catalogue (tests/unit/fixture): what a reader sees in each
language. Expected texts are written out by hand from the fixture's files."""
from __future__ import annotations

import re

import pytest

NBSP = "\u00a0"


def body(site, page: str) -> str:
    """A page without its front matter."""
    text = site[page]
    assert text.startswith("---\n"), page
    return text.split("\n---\n", 1)[1]


def test_every_page_exists_in_both_languages(site):
    es = {p[: -len(".es.md")] for p in site if p.endswith(".es.md")}
    en = {p[: -len(".en.md")] for p in site if p.endswith(".en.md")}
    assert es == en
    assert {"index", "entries/index", "entries/tool", "entries/prog", "entries/solo", "countries/pe", "countries/bo",
            "methodologies/tool", "years/2014", "compare/programmes", "compare/methodology/tool",
            "compare/countries", "instruments/r-test", "collections/set", "collections/set/compare",
            "collections/set/print", "contribute/fields", "sources/index"} <= es


@pytest.mark.parametrize("lang,figures", [
    ("es", ["12.500 trabajadores", f"alrededor de 87,5{NBSP}%", f"más de 1.500.000{NBSP}US$", f"45{NBSP}%"]),
    ("en", ["12,500 workers", "about 87.5%", "more than US$1,500,000", "45%"]),
])
def test_results_table_writes_each_figure_for_its_language(site, lang, figures):
    page = body(site, f"entries/prog.{lang}.md")
    rows = re.findall(r'<tr id="result-\d">(.*?)</tr>', page)
    cells = [re.findall(r'<td class="ce-num">([^<]*)</td>', row) for row in rows]
    assert cells[:3] == [[figures[0], figures[3]], [figures[1], ""], [figures[2], ""]]
    # Every figure links to its source in the bibliography.
    assert page.count('<a href="../../sources/#test-report">') >= 4


@pytest.mark.parametrize("lang,countries,period,status", [
    ("es", '<a href="../../countries/pe/">Perú</a>, <a href="../../countries/bo/">Bolivia</a>', "2013–2015",
     "concluido en 2016, según Informe 2016"),
    ("en", '<a href="../../countries/pe/">Peru</a>, <a href="../../countries/bo/">Bolivia</a>', "2013–2015",
     "completed as of 2016, according to Report 2016"),
])
def test_fact_box(site, lang, countries, period, status):
    page = body(site, f"entries/prog.{lang}.md")
    facts = dict(re.findall(r'<dt id="([a-z_]+)">[^<]*</dt><dd>(.*?)</dd>', page))
    assert facts["countries"] == countries
    assert facts["period"] == period
    assert facts["status"] == status
    assert list(facts) == ["kind", "countries", "places", "period", "status", "methodologies", "themes",
                           "target_groups", "sectors", "organisations", "sdgs", "instruments", "sources"]
    # A methodology is named by its short title and linked to its index page.
    assert facts["methodologies"] == ('<a href="../../methodologies/tool/">'
                                      + ("Herramienta Potosí" if lang == "es" else "Potosí tool") + "</a>")


def test_methodology_facts_and_open_period(site):
    es, en = body(site, "entries/tool.es.md"), body(site, "entries/tool.en.md")
    assert ('<dt id="period">Periodo</dt><dd>desde 2012<br>El inicio se lee de la fecha del primer curso.</dd>'
            in es)
    assert ('<dt id="period">Period</dt><dd>since 2012<br>The start is read from the date of the first course.</dd>'
            in en)
    assert '<ol class="ce-modules"><li>Primer módulo</li><li>Segundo módulo</li></ol>' in es
    assert '<ol class="ce-modules"><li>First module</li><li>Second module</li></ol>' in en
    assert "en marcha en julio de 2016, según Informe 2016" in es
    assert "under way as of July 2016, according to Report 2016" in en


def test_untranslated_entry_is_shown_in_its_language_and_says_so(site):
    en = body(site, "entries/solo.en.md")
    assert '!!! warning "Translation pending"' in en
    assert '<h1 id="title" lang="es">Práctica escrita solo en español</h1>' in en
    assert '<p class="ce-summary" lang="es">Una buena práctica sin traducción al inglés.</p>' in en
    assert '<div lang="es" markdown>' in en
    es = body(site, "entries/solo.es.md")
    assert "Traducción pendiente" not in es and 'lang="es"' not in es
    # In lists too, the untranslated title carries its language.
    listed = body(site, "countries/bo.en.md")
    assert '<a href="../../entries/solo/" lang="es">Práctica escrita solo en español</a>' in listed


def test_index_pages_list_the_entries_of_each_value(site):
    def listed(page):  # the list of documented use, not the entries that only name a country (its scope)
        return re.findall(r'<li><a href="\.\./\.\./entries/([a-z-]+)/"', body(site, page).split('<h2 id="scope">')[0])

    assert listed("countries/pe.es.md") == ["tool", "prog"]  # by short title: Herramienta, Programa
    assert listed("countries/bo.es.md") == ["prog", "solo"]
    assert listed("methodologies/tool.en.md") == ["tool", "prog"]  # a methodology is listed under itself
    assert listed("years/2014.es.md") == ["tool", "prog"]  # tool: since 2012, under way as of 2016
    assert listed("years/2011.es.md") == ["solo"]
    assert "<p class=\"ce-total\">Entradas: 2</p>" in body(site, "countries/pe.es.md")
    assert '<span class="ce-meta">Programme · Peru, Bolivia · 2013–2015</span>' in body(site, "countries/pe.en.md")


def test_country_page_gives_context_figures_with_year_and_source(site):
    es, en = body(site, "countries/pe.es.md"), body(site, "countries/pe.en.md")
    assert '<td class="ce-num">31.151.643</td><td>2015</td>' in es
    assert '<td class="ce-num">31,151,643</td><td>2015</td>' in en
    assert f'<td class="ce-num">más de 22,7{NBSP}%</td><td>último disponible</td>' in es  # with its qualifier
    assert '<td class="ce-num">more than 22.7%</td><td>latest available</td>' in en
    assert "<td>Up to 1,700 UIT</td>" in en and "<td>Hasta 1.700 UIT</td>" in es


def test_comparisons(site):
    programmes = body(site, "compare/programmes.en.md")
    assert '<th scope="row"><a href="../../entries/prog/">Test programme in Peru</a></th>' in programmes
    assert '<li><strong>12,500</strong> workers trained</li>' in programmes  # a count without its unit
    assert "<li><strong>about 87.5%</strong> satisfied enterprises</li>" in programmes
    across = body(site, "compare/methodology/tool.es.md")
    rows = re.findall(r'<tr><th scope="row"><a href="[^"]+">([^<]+)</a></th><td><a href="([^"]+)"', across)
    assert rows == [("Bolivia", "../../../entries/prog/"), ("Perú", "../../../entries/prog/")]



def test_the_programmes_comparison_comes_in_pages(cat, schema):
    """Programmes side by side, like a long list: at most PAGE_SIZE rows a page, each programme once, in title
    order, each page saying which rows it holds and linking to the others (a page stays light at any size)."""
    import dataclasses

    from compendio import pages
    from compendio.pages.context import PAGE_SIZE

    prog = cat.entries["prog"]
    def copy(n):
        names = {"title": f"Programme {n:03d}", "short_title": f"Programme {n:03d}"}
        return dataclasses.replace(prog, slug=f"prog{n:03d}",
                                   text={lang: {**t, **names} for lang, t in prog.text.items()})

    many = {f"prog{n:03d}": copy(n) for n in range(1, PAGE_SIZE + 11)}  # 60 copies + prog: pages of 50 and 11
    big = dataclasses.replace(cat, entries={**cat.entries, **many}, collections={})
    site = pages.generate(big, schema, base_url="https://example.test/")
    assert {"compare/programmes.en.md", "compare/programmes/page/2.es.md"} <= set(site)
    assert "compare/programmes/page/3.en.md" not in site
    first, second = body(site, "compare/programmes.en.md"), body(site, "compare/programmes/page/2.en.md")
    assert '<p class="ce-total">Entries 1–50 of 61</p>' in first
    assert '<p class="ce-total">Entries 51–61 of 61</p>' in second
    assert '<p class="ce-total">Entradas 51–61 de 61</p>' in body(site, "compare/programmes/page/2.es.md")
    rows = [re.findall(r'<tr><th scope="row"><a href="[^"]+">([^<]+)</a></th>', text) for text in (first, second)]
    assert [len(r) for r in rows] == [50, 11]
    assert rows[0][:2] == ["Programme 001", "Programme 002"] and rows[1][-1] == "Test programme in Peru"
    # Links from page 2 (compare/programmes/page/2/) to the entry and to both pages of the table.
    assert '<th scope="row"><a href="../../../../entries/prog060/">Programme 060</a></th>' in second
    assert '<a href="../../../../compare/programmes/">1</a>' in second
    assert '<a href="../../../../compare/programmes/page/2/" aria-current="page">2</a>' in second
    assert site["compare/programmes/page/2.es.md"].startswith('---\ntitle: "Programas lado a lado (página 2 de 2)"')
    # The methodologies side by side name the first 10 programmes that applied one (by title), then link to its
    # own comparison for the other 51.
    lines = body(site, "compare/methodologies.en.md").splitlines()
    row = next(line for line in lines if ">Potosí tool</a></th>" in line)
    assert ">Programme 010</a>; " in row and "Programme 011" not in row
    assert row.endswith('; <a href="../../compare/methodology/tool/">and 51 more</a></td></tr>')
    assert '<a href="../../compare/methodology/tool/">y 51 más</a>' in body(site, "compare/methodologies.es.md")
    # The real catalogue's size (fewer than PAGE_SIZE programmes) keeps one page, with no links to others.
    small = pages.generate(cat, schema, languages=("en",))
    assert "ce-pages" not in small["compare/programmes.en.md"] and "ce-total" not in small["compare/programmes.en.md"]

def test_collection_print_page_reanchors_and_repoints_links(site):
    page = body(site, "collections/set/print.es.md")
    assert re.findall(r'<li><a href="#entry-([a-z]+)">', page) == ["prog", "tool", "solo"]
    assert '<dt id="prog-countries">' in page and '<tr id="prog-result-1">' in page
    assert "### Descripción {#tool-overview}" in page  # sections one level down, anchors prefixed
    # Links written in the entry as [text](prog.md) are relative to this page's file.
    assert "[programa](../../entries/prog.md)" in page


def test_collection_landing_and_comparison(site):
    landing = body(site, "collections/set.en.md")
    assert re.findall(r'<h2 id="([a-z]+)">(\d)\. ', landing) == [("prog", "1"), ("tool", "2"), ("solo", "3")]
    compare = body(site, "collections/set/compare.en.md")
    head = re.findall(r'<th scope="col">([^<]+)</th>', compare)
    assert head == ["Name", "Summary", "Countries", "Key results", "Objectives"]
    # A body section as a cell, made HTML, from the untranslated entry, in its own language.
    assert "<p>Objetivos de la práctica.</p>" in compare


def test_contributor_pages(site):
    translations = body(site, "contribute/translations.en.md")
    assert ('<th scope="row"><a href="../../entries/solo/">Práctica escrita solo en español</a></th>'
            "<td>translated</td><td>pending</td>") in translations
    assert "<strong>3 of 4 entries are in both languages.</strong>" in translations
    wanted = body(site, "contribute/help-wanted.es.md")
    assert "traducción al inglés" in wanted.lower()


def test_front_matter_titles(site):
    assert site["entries/prog.en.md"].startswith('---\ntitle: "Test programme in Peru"\n')
    assert site["countries/pe.es.md"].startswith('---\ntitle: "Por país: Perú"\n')
    assert 'hide: ["navigation", "toc"]' in site["compare/programmes.es.md"]


@pytest.mark.parametrize("lang,not_stated,scope,line", [
    ("es", "no consta en la fuente", "Recomendada para: Bolivia, Ecuador, según Informe 2016<br>País deducido del "
     "contexto, no indicado: Perú, según Informe 2016<br>El informe la cita tras el párrafo sobre el Perú.",
     "Metodología · países no indicados · no consta en la fuente"),
    ("en", "not stated in the source", "Recommended for: Bolivia, Ecuador, according to Report 2016<br>Country "
     "inferred from context, not stated: Peru, according to Report 2016<br>The report lists it after the paragraph "
     "on Peru.",
     "Methodology · countries not stated · not stated in the source"),
])
def test_what_the_source_does_not_state_is_said_so(site, lang, not_stated, scope, line):
    page = body(site, f"entries/guide.{lang}.md")
    facts = dict(re.findall(r'<dt id="([a-z_]+)">[^<]*</dt><dd>(.*?)</dd>', page))
    assert facts["countries"] == not_stated and facts["period"] == not_stated and facts["status"] == not_stated
    assert facts["scope"] == scope
    # Countries it is only recommended for are not countries of use: their pages name it apart, below the list
    # of use; a country with no documented use keeps its page, saying so.
    for code in ("bo", "pe"):
        use, named = body(site, f"countries/{code}.{lang}.md").split('<h2 id="scope">')
        assert "entries/guide/" not in use and '<a href="../../entries/guide/">' in named
    ecuador = body(site, f"countries/ec.{lang}.md")
    assert ("<p class=\"ce-total\">Ninguna entrada documenta su uso aquí.</p>" if lang == "es" else
            "<p class=\"ce-total\">No entry documents its use here.</p>") in ecuador
    assert '<h2 id="scope">' in ecuador and "entries/guide/" in ecuador
    assert "guide" not in "".join(site[p] for p in site if p.startswith("years/"))
    assert f'<span class="ce-meta">{line}</span>' in body(site, f"kinds/methodology.{lang}.md")


@pytest.mark.parametrize("lang,year_none,inferred,context,shared", [
    ("es", "año no indicado", "2014 (deducido: año del informe intermedio)",
     f"alrededor de 71{NBSP}%", "más de 6.000 personas"),
    ("en", "year not stated", "2014 (inferred: year of the interim report)", "about 71%", "more than 6,000 people"),
])
def test_years_context_figures_and_shared_figures(site, lang, year_none, inferred, context, shared):
    page = body(site, f"entries/prog.{lang}.md")
    results = re.findall(r'<tr id="result-\d">(.*?)</tr>', page)
    assert len(results) == 4  # its own results only: context and shared figures are apart
    assert f"<td>{inferred}</td>" in results[2] and f"<td>{year_none}</td>" in results[3]
    context_row = re.search(r'<tr id="context-1">(.*?)</tr>', page).group(1)
    assert f'<td class="ce-num">{context}</td>' in context_row and f"<td>{year_none}</td>" in context_row
    assert "{#context-figures}" in page and "{#shared-figures}" in page
    # A shared figure is shown on each entry it covers, naming the others.
    for slug, other, other_title in (("prog", "solo", "Práctica escrita solo en español"),
                                     ("solo", "prog", "Programa de prueba en el Perú" if lang == "es"
                                      else "Test programme in Peru")):
        row = re.search(r'<tr id="shared-1">(.*?)</tr>', body(site, f"entries/{slug}.{lang}.md")).group(1)
        assert f'<td class="ce-num">{shared}</td>' in row
        assert f'<a href="../../entries/{other}/">{other_title}</a>' in row


def test_results_count_counts_a_shared_figure_once_and_no_context_figure(site):
    # prog has 4 results, the others none; the shared figure covers two entries; context figures never count.
    assert '<strong>5</strong> resultados con su fuente' in body(site, "index.es.md")
    assert '<strong>5</strong> results with their source' in body(site, "index.en.md")


def test_long_lists_come_in_pages(cat, schema):
    """A list longer than a page is split: each page has at most PAGE_SIZE entries, says which, and links to the
    others; together they hold every entry once, in title order."""
    import dataclasses

    from compendio import pages
    from compendio.pages.context import PAGE_SIZE

    tool = cat.entries["tool"]
    def copy(n):
        names = {"title": f"Tool {n:03d}", "short_title": f"Tool {n:03d}"}
        return dataclasses.replace(tool, slug=f"tool{n:03d}",
                                   text={lang: {**t, **names} for lang, t in tool.text.items()})

    many = {f"tool{n:03d}": copy(n) for n in range(1, 2 * PAGE_SIZE + 6)}
    big = dataclasses.replace(cat, entries={**cat.entries, **many}, collections={})
    site = pages.generate(big, schema, languages=("en",), base_url="https://example.test/")
    total = len(big.entries)  # 4 + 105 = 109: three pages of 50, 50 and 9
    assert {"entries/index.en.md", "entries/page/2.en.md", "entries/page/3.en.md"} <= set(site)
    assert "entries/page/4.en.md" not in site
    listed = []
    for page, first, last in (("entries/index", 1, 50), ("entries/page/2", 51, 100), ("entries/page/3", 101, total)):
        text = body(site, f"{page}.en.md")
        assert f"<p class=\"ce-total\">Entries {first}–{last} of {total}</p>" in text
        assert '<nav class="ce-pages" aria-label="Pages of the list">' in text
        listed += re.findall(r'<li(?: data-slug="[a-z0-9-]+")?><a href="(?:\.\./)+entries/([a-z0-9-]+)/"', text)
    assert len(listed) == total == len(set(listed))
    # The "Compare" boxes the filter panel wires: on the first page (where the panel is), one per entry.
    assert body(site, "entries/index.en.md").count('<input type="checkbox" class="ce-pick" value="') == 50
    assert "ce-pick" not in body(site, "entries/page/2.en.md")
    assert '<a href="../../../entries/page/2/" aria-current="page">2</a>' in body(site, "entries/page/2.en.md")
    assert site["entries/page/3.en.md"].startswith('---\ntitle: "All entries (page 3 of 3)"')
    assert 'id="ce-filter"' in site["entries/index.en.md"] and 'id="ce-filter"' not in site["entries/page/2.en.md"]
    # Index pages of one value too: Peru has tool, prog and the 105 copies, in three pages.
    assert "countries/pe/page/3.en.md" in site and "countries/pe/page/4.en.md" not in site
    # And the methodologies side by side (the two of the fixture and 105 copies: 107 rows, pages of 50, 50 and 7).
    assert "compare/methodologies/page/3.en.md" in site and "compare/methodologies/page/4.en.md" not in site
    last = body(site, "compare/methodologies/page/3.en.md")
    assert '<p class="ce-total">Entries 101–107 of 107</p>' in last and last.count('<tr><th scope="row">') == 7
    # Contributors' tables too: the translation status of the 109 entries, its summary on the first page only.
    assert "contribute/translations/page/3.en.md" in site and "contribute/translations/page/4.en.md" not in site
    assert "of 109 entries are in both languages" in body(site, "contribute/translations.en.md")
    third = body(site, "contribute/translations/page/3.en.md")
    assert "in both languages" not in third and third.count('<tr><th scope="row">') == 9
    # The home page shows 12 methodology cards at most: the most applied (the Potosí tool, used by prog), then the
    # first by title; the others are a link away.
    home = body(site, "index.en.md")
    cards = home[home.index('id="methodologies"'):home.index('id="latest"')]
    assert cards.count("<li>") == 12
    assert ">Potosí tool</a>" in cards and ">Tool 010</a>" in cards and "Tool 011" not in cards
    assert '<p><a href="kinds/methodology/">All 107 methodologies</a></p>' in cards
    small = pages.generate(cat, schema, languages=("en",))["index.en.md"]
    assert "methodologies</a></p>" not in small  # both of the fixture's methodologies are shown: no link
