"""Search as a reader uses it, in a real browser: with or without accents, across the two languages' spellings,
and the page's own language first."""
from __future__ import annotations

import pytest


def search(browser, url, query):
    page = browser.new_page()
    page.goto(url)
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    page.wait_for_timeout(300)  # let the results settle (they arrive in batches)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    page.close()
    return hrefs


@pytest.mark.parametrize("prefix, query, slug", [
    ("en/", "Narino", "score-narino"),       # no accent typed, "Nariño" in the text
    ("", "Nariño", "score-narino"),
    ("en/", "quinua", "granos-andinos"),     # the Spanish spelling finds the English page
    ("", "quinoa", "granos-andinos"),        # and the other way round
])
def test_search_finds_entries_in_the_pages_language_first(browser, served, prefix, query, slug):
    hrefs = search(browser, f"{served}{prefix}entries/", query)
    assert hrefs, f"no result for {query!r}"
    own = [h for h in hrefs if h.startswith(f"{served}en/") == (prefix == "en/")]
    assert hrefs[: len(own)] == own and own, "results in the page's language come first"
    assert any(h.startswith(f"{served}{prefix}entries/{slug}/") for h in own), (query, hrefs[:5])
