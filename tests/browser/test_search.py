"""Search as a reader uses it, in a real browser: the header's box (Pagefind), typed as a person types, in both
languages: words of the field, names with and without accents, the other language's spellings, acronyms. Results
come from the page's language only, never from a collection's print page, and filters narrow them."""
from __future__ import annotations

import re

import pytest
from helpers import ROOT

from compendio import i18n, load, panel

STATUS = "#ce-search-status"
RESULTS = "#ce-search-results a"


def type_search(page, query: str) -> None:
    """Click the box and type as a person does, then wait for the results of the whole query."""
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=60)
    results_of(page, query)


def results_of(page, query: str) -> None:
    """Wait for the results of these words (the list says which words it shows)."""
    page.wait_for_function("q => { const list = document.querySelector('#ce-search-results');"
                           " return list.dataset.query === q && list.getAttribute('aria-busy') === 'false'; }",
                           arg=query)
    page.wait_for_selector(RESULTS, timeout=10000)


def search(browser, url: str, query: str) -> list[str]:
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    type_search(page, query)
    hrefs = page.eval_on_selector_all(RESULTS, "links => links.map(a => a.href)")
    page.close()
    assert errors == []
    return hrefs


# (language prefix, what a reader types, the entry expected among the results)
QUERIES = [
    ("", "cooperativa", "cooperative-development-bolivia"),
    ("", "quinua", "granos-andinos"),
    ("", "quinoa", "granos-andinos"),                      # the English spelling finds the Spanish page
    ("", "Nariño", "score-narino"),
    ("", "Narino", "score-narino"),                        # no accent typed
    ("", "Potosí", "indigenous-value-chains-bolivia"),
    ("", "Potosi", "indigenous-value-chains-bolivia"),
    ("", "Inicie y Mejore su Negocio", "imesun"),          # a methodology's name
    ("", "CONFENACOOP", "my-coop-peru"),                   # an organisation's acronym
    ("", "SENA", "score-narino"),
    ("", "recicladores", "recicla-digno-bolivia"),
    ("", "dialogo social", "la-guajira-mining"),           # "diálogo" without its accent
    ("", "economía verde", "page-peru"),
    ("", "waste pickers", "recicla-digno-bolivia"),        # English words on a Spanish page
    ("en/", "cooperative", "cooperative-development-bolivia"),
    ("en/", "quinoa", "granos-andinos"),
    ("en/", "quinua", "granos-andinos"),                   # the Spanish spelling finds the English page
    ("en/", "Narino", "score-narino"),
    ("en/", "Potosi", "indigenous-value-chains-bolivia"),
    ("en/", "Start and Improve Your Business", "imesun"),
    ("en/", "My.COOP", "my-coop"),
    ("en/", "recicladores", "recicla-digno-bolivia"),
    ("en/", "green economy", "page-peru"),
    ("en/", "Tu yo nosotros", "tu-yo-nosotros"),           # "Tú" without its accent
    ("en/", "SECO", "score"),
    ("en/", "Punjab", "self-help-groups-south-punjab"),
    ("en/", "pyme", "thelab-peru"),                        # the Spanish acronym finds "SME"
]


@pytest.mark.parametrize("prefix, query, slug", QUERIES)
def test_search_finds_the_entry_in_the_pages_language(browser, served, prefix, query, slug):
    hrefs = search(browser, f"{served}{prefix}entries/", query)
    assert f"{served}{prefix}entries/{slug}/" in hrefs, (query, hrefs)
    in_english = [h.startswith(f"{served}en/") for h in hrefs]
    assert all(in_english) if prefix else not any(in_english), hrefs


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_collections_print_page_is_never_a_result(browser, served, prefix):
    """Every result of words that the print pages repeat (the whole list, not only the first ten)."""
    page = browser.new_page()
    page.goto(f"{served}{prefix}")
    page.click("input.md-search__input")  # loads Pagefind
    urls = page.evaluate("""async () => { const pf = await window.compendioPagefind(); const out = [];
        for (const q of ['score', 'Nariño', 'cooperativa', 'cooperative', 'quinoa', 'productividad', 'productivity']) {
          const found = await pf.search(q);
          for (const r of found.results) out.push((await r.data()).url); }
        return out; }""")
    page.close()
    assert len(urls) > 50
    assert not [u for u in urls if "/print/" in u]
    assert any(re.search(r"/collections/[^/]+/$", u) for u in urls)  # the collections' own pages are found


def test_the_search_box_from_the_keyboard(browser, served):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{served}en/")
    box = page.get_by_role("textbox", name=i18n.ui("search_label", "en"))
    assert box.is_visible()
    page.keyboard.press("/")  # the shortcut Material readers know
    assert page.evaluate("document.activeElement.name") == "q"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("Punjab", delay=60)
    results_of(page, "Punjab")
    assert page.locator(STATUS).get_attribute("role") == "status"  # the count is announced
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href'),"
                            " getComputedStyle(document.activeElement).outlineStyle]")
    assert "md-search-result__link" in focused[0] and focused[1].endswith("/en/entries/self-help-groups-south-punjab/")
    assert focused[2] != "none"
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("/")
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url("**/en/entries/self-help-groups-south-punjab/")
    page.close()


def test_on_a_phone_the_search_opens_from_a_button(browser, served):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{served}")
    opened = "() => document.getElementById('__search').checked"
    assert not page.evaluate(opened)  # closed: Material's style shows it over the page when open
    button = page.get_by_role("button", name=i18n.ui("search_open", "es"))
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(opened) and button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("quinua", delay=60)
    results_of(page, "quinua")
    assert page.locator(RESULTS).first.get_attribute("href").endswith("/entries/granos-andinos/")
    page.keyboard.press("Escape")
    assert not page.evaluate(opened) and button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == i18n.ui("search_open", "es")
    page.close()


@pytest.mark.parametrize("lang, prefix", [("es", ""), ("en", "en/")])
def test_filters_narrow_the_results_of_a_search(browser, served, lang, prefix):
    """From the header's results to the list of entries with the same words, where a country narrows them."""
    cat = load.load(ROOT)
    ui = panel.ui_strings(lang)
    word = {"es": "cooperativa", "en": "cooperative"}[lang]
    page = browser.new_page()
    page.goto(f"{served}{prefix}")
    type_search(page, word)
    page.get_by_role("link", name=i18n.ui("search_in_list", lang)).click()
    page.wait_for_selector('#ce-filter[aria-busy="false"] .ce-count:not(:empty)')
    assert page.get_by_label(ui["search_within"]).input_value() == word
    titles = page.locator("ul.ce-live > li > a")
    before = {a.split("/")[-2] for a in titles.evaluate_all("links => links.map(a => a.href)")}
    assert {"cooperative-development-bolivia", "my-coop"} <= before
    countries = page.get_by_role("group", name=ui["country"], exact=True)
    countries.get_by_role("checkbox", name=re.compile(rf"^{i18n.country('BO', lang)} \(\d+\)$")).check()
    page.wait_for_selector('#ce-filter[aria-busy="false"]')
    after = {a.split("/")[-2] for a in titles.evaluate_all("links => links.map(a => a.href)")}
    assert after and after < before
    assert all("BO" in cat.entries[s].facts["countries"] for s in after)
    assert "cooperative-development-bolivia" in after
    assert f"q={word}" in page.url and "country=BO" in page.url
    page.close()
