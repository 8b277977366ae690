"""A collection printed to PDF from Chromium: A4, every entry, no navigation, each entry on its own page."""
from __future__ import annotations

import re

from helpers import ROOT

from compendio import load


def test_printed_collection_is_a4_with_every_entry_and_no_navigation(browser, served, tmp_path):
    from pypdf import PdfReader

    cat = load.load(ROOT)
    slug = "sse-academy-madrid-2019"
    for prefix, lang, nav in (("", "es", ["Por país", "Búsqueda"]), ("en/", "en", ["By country", "Search"])):
        page = browser.new_page()
        page.goto(f"{served}{prefix}collections/{slug}/print/")
        pdf = tmp_path / f"{lang}.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        page.close()
        reader = PdfReader(str(pdf))
        text = " ".join(p.extract_text() for p in reader.pages)
        flat = re.sub(r"\s+", " ", text)
        width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
        assert abs(width - 595) < 2 and abs(height - 842) < 2, (width, height)  # A4 in points
        for s in cat.collections[slug]["entries"]:
            title = cat.entries[s].title(lang)
            assert re.sub(r"\s+", " ", title)[:40] in flat, (lang, title)
        assert not any(label in flat for label in nav), "navigation must not be printed"
        assert len(reader.pages) >= len(cat.collections[slug]["entries"])  # each entry starts a page
