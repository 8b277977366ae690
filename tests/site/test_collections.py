"""Collections: what a curator writes in one file becomes, in both languages, a landing page, a comparison,
a printable page and a CSV; every field of an entry has a stable anchor; pages offer their permanent links."""
from __future__ import annotations

import csv
import io
import re

from helpers import ROOT, run_build
from helpers import page_html, page_text

from compendio import load


def shipped():
    return load.load(ROOT).collections


def test_three_collections_are_shipped():
    assert {"score-andean-countries", "cooperatives-social-economy-andean", "sse-academy-madrid-2019"} <= set(shipped())


def test_collection_pages_in_both_languages(built):
    cat = load.load(ROOT)
    for slug, collection in cat.collections.items():
        for prefix, lang in (("", "es"), ("en/", "en")):
            landing = page_text(built, f"{prefix}collections/{slug}")
            assert collection["title"][lang] in landing
            compare = page_text(built, f"{prefix}collections/{slug}/compare")
            printable = page_html(built, f"{prefix}collections/{slug}/print")
            rows = list(csv.DictReader(io.StringIO(
                (built / f"{prefix}collections/{slug}/entries.csv").read_text(encoding="utf-8-sig"))))
            assert [r["slug"] for r in rows] == collection["entries"]  # the curator's order
            for s in collection["entries"]:
                e = cat.entries[s]
                assert e.title(lang) in landing and e.short_title(lang) in compare
                assert f'id="entry-{s}"' in printable
                for key in e.sections.get(lang, e.sections[e.files_lang()]):
                    assert f'id="{s}-{key}"' in printable, (slug, s, key)
            index = page_text(built, f"{prefix}collections")
            assert collection["title"][lang] in index


def test_landing_page_shows_key_results_formatted_per_language(built):
    es = page_text(built, "collections/score-andean-countries")
    en = page_text(built, "en/collections/score-andean-countries")
    assert "69.573" in es and "69,573" in en


def test_field_anchors_are_the_same_in_both_languages(built):
    for slug in ("score-colombia", "self-help-groups-south-punjab", "score"):
        ids = [set(re.findall(r'id="([a-z_-]+)"', page_html(built, f"{prefix}entries/{slug}"))) for prefix in ("", "en/")]
        assert ids[0] == ids[1]
        assert {"countries", "period", "status", "sources"} <= ids[0]
    practice = page_html(built, "entries/self-help-groups-south-punjab")
    assert 'id="objectives"' in practice and 'id="results"' in practice and "Objetivos" in practice


def test_pages_offer_their_permanent_link_and_the_other_language(built):
    es = page_text(built, "entries/score-colombia")
    en = page_text(built, "en/entries/score-colombia")
    site = "https://compendio-ess.example.org/"
    assert f"{site}entries/score-colombia/" in es and f"{site}en/entries/score-colombia/" in es
    assert f"{site}en/entries/score-colombia/" in en and f"{site}entries/score-colombia/" in en
    col = page_text(built, "en/collections/sse-academy-madrid-2019")
    assert f"{site}en/collections/sse-academy-madrid-2019/" in col and f"{site}collections/sse-academy-madrid-2019/" in col


def test_broken_collection_fails_the_build_with_clear_messages(project):
    folder = project / "data" / "collections"
    (folder / "bad.yml").write_text('title: {es: "Mala", en: "Bad"}\nintroduction: {es: "x.", en: "y."}\n'
                                    "entries: [score, scor-colombia, score]\n", encoding="utf-8")
    (folder / "empty.yml").write_text('title: {es: "Vacía", en: "Empty"}\nintroduction: {es: "x.", en: "y."}\n'
                                      "entries: []\n", encoding="utf-8")
    result = run_build(project)
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out
    assert 'data/collections/bad.yml:3: entries[1]: no entry "scor-colombia". Did you mean "score-colombia"?' in out
    assert 'data/collections/bad.yml:3: entries[2]: "score" is listed twice; keep one' in out
    assert "data/collections/empty.yml:3: entries: is empty: it needs at least 1 item; add it" in out
    assert not (project / "site").exists()
