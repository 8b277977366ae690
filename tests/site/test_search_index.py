"""What the search index is given (compendio/search.py) and the data the filter panel and the comparison read
(compendio/panel.py): each text indexed once, entry pages carrying their filter values and list strings, the other
language's spellings as indexed words, and no browser data that grows as one file with the catalogue."""
from __future__ import annotations

import copy
import dataclasses
import json
import re

import pytest
from helpers import ROOT

from compendio import load, panel, search
from compendio.format import Formatter
from compendio.schema import load as load_schema


SAME = search.synonyms(ROOT / "data" / "search_synonyms.yml")


def test_the_other_spelling_is_added_once_and_only_for_whole_words():
    assert search.extra_words("<p>La <b>quinua</b> andina</p>", SAME) == "quinoa"
    assert search.extra_words("<p>Quinoa and quinua</p>", SAME) == ""          # both already there
    assert search.extra_words("<p>quinuas quinoaxx</p>", SAME) == ""           # not whole words
    assert search.extra_words("<p>Asociación de recicladores</p>", SAME) == "waste pickers"
    assert search.extra_words('<a href="cooperatives/">x</a>', SAME) == ""     # markup is not text


ARTICLE = '<article class="md-content__inner md-typeset">'


def page(body: str) -> str:
    return f"<html><head></head><body>{ARTICLE}{body}</article></body></html>"


def test_print_pages_and_pages_without_an_article_are_not_marked(cat, schema):
    marks = search.Marks(cat, schema, "es", SAME)
    printed = page("<h1>SCORE</h1><p>quinua</p>")
    assert marks.mark(printed, "collections/score-andean-countries/print/") == printed
    assert marks.mark("<html><body><p>redirect</p></body></html>", "entries/old/") == \
        "<html><body><p>redirect</p></body></html>"
    # Page 2, 3... of a long list or table: the first page is the one a search should give.
    for url in ("entries/page/2/", "en/countries/pe/page/3/", "compare/programmes/page/12/"):
        later = page("<h1>Quinua (página 2 de 3)</h1><p>quinua</p>")
        assert marks.mark(later, url) == later
    assert "data-pagefind-body" in marks.mark(page("<h1>Por tema: cooperativas</h1>"), "themes/cooperatives/")
    marked = marks.mark(page("<h1>Por tema: quinua</h1><ul class='ce-list'><li>cooperativa</li></ul>"), "themes/x/")
    assert f"{ARTICLE[:-1]} data-pagefind-body>" in marked
    # Only the title of a page that lists entries brings in other spellings: the list is other pages' text.
    assert 'data-ce-also="quinoa"' in marked and "cooperative" not in marked


def test_an_entry_page_carries_its_filters_list_strings_and_sort_key(cat, schema):
    marks = search.Marks(cat, schema, "en", SAME)
    marked = marks.mark(page("<h1>SCORE in Nariño</h1><p>Text.</p>"), "en/entries/score-narino/")
    block = re.search(r"<div hidden data-pagefind-ignore>(.*?)</div>", marked).group(1)
    filters = re.findall(r'data-pagefind-filter="(\w+)">([^<]*)<', block)
    assert ("kind", "programme") in filters and ("country", "CO") in filters and ("methodology", "score") in filters
    assert ("type", "entry") in filters and ("year", "2015") in filters and ("organisation", "sena") in filters
    meta = dict(re.findall(r'data-pagefind-meta="(\w+)">([^<]*)<', block))
    assert meta["slug"] == "score-narino" and meta["line"] == "Programme · Colombia · since 2015"
    assert meta["summary"] == cat.entries["score-narino"].text["en"]["summary"]
    # Sorted by its folded short title itself (not a rank that every new entry would shift).
    assert re.search(r'data-pagefind-sort="title">([^<]*)<', block).group(1) == "score social economy, nariño"
    assert panel.LIST_WORD in re.search(r'data-ce-also="([^"]*)"', marked).group(1)


def test_the_built_site_has_one_index_per_language_without_print_pages(built):
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"es", "en"}
    assert entry["languages"]["es"]["page_count"] == entry["languages"]["en"]["page_count"] > 100
    for printed in built.glob("**/collections/*/print/index.html"):
        assert "data-pagefind-body" not in printed.read_text(encoding="utf-8")
    assert "data-pagefind-body" in (built / "entries" / "score-narino" / "index.html").read_text(encoding="utf-8")
    assert not (built / "pagefind" / "pagefind-ui.js").exists()  # Pagefind's own interface is not shipped
    assert not (built / "search" / "search_index.json").exists()  # nor Material's whole-site index


def test_panel_data_does_not_grow_with_the_number_of_entries(cat, schema):
    """Ten times the entries (same facets) leave data/panel.json as it is: its size follows the vocabularies."""
    one = panel.dumps(panel.panel_data(cat, Formatter(cat, schema, "es")))
    more = copy.copy(cat)
    more.entries = dict(cat.entries)
    for i in range(9):
        for slug, e in cat.entries.items():
            if e.kind != "methodology":
                more.entries[f"{slug}-{i}"] = dataclasses.replace(e, slug=f"{slug}-{i}")
    assert len(more.entries) > 5 * len(cat.entries)
    bigger = panel.dumps(panel.panel_data(more, Formatter(more, schema, "es")))
    assert len(one.encode()) < 20_000
    # Only the counts of the list's first view change (the same values, larger numbers): a few digits more.
    small, large = json.loads(one), json.loads(bigger)
    assert (small.pop("n"), large.pop("n")) == (len(cat.entries), len(more.entries))
    counts = small.pop("c"), large.pop("c")
    assert {k: set(v) for k, v in counts[0].items()} == {k: set(v) for k, v in counts[1].items()}
    assert large == small and len(bigger) - len(one) < 200


def test_the_comparison_reads_one_small_record_per_entry(built, cat):
    for prefix in ("", "en/"):
        folder = built / prefix / "data" / "compare"
        assert sorted(p.stem for p in folder.glob("*.json")) == sorted(cat.entries)
        sizes = [p.stat().st_size for p in folder.glob("*.json")]
        assert max(sizes) < 12_000, max(sizes)
    record = json.loads((built / "en" / "data" / "compare" / "score-colombia.json").read_text(encoding="utf-8"))
    rows = {name: (label, cell) for name, label, cell, own in record["rows"]}
    assert record["u"] == "entries/score-colombia/" and rows["kind"] == ("Kind", "Programme")
    assert rows["countries"][1] == "Colombia"
    assert any(fig == "69,573" for fig, what in rows["key_results"][1])
    assert not (built / "data" / "browse.json").exists()  # the whole catalogue is no longer one file
