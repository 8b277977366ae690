"""Printing from the browser: an entry, an index and a comparison print on A4 without navigation, with their
content complete (the last column of a wide table is there) and web addresses written out."""
from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

NAV = {"es": ["Inicio Entradas", "Búsqueda"], "en": ["Home Entries", "Search"]}  # the tabs, in a row


def printed(browser, url, path):
    page = browser.new_page()
    page.goto(url)
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    page.close()
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    return (float(box.width), float(box.height)), text


@pytest.mark.parametrize("prefix, lang", [("", "es"), ("en/", "en")])
@pytest.mark.parametrize("url, must", [
    ("entries/score-colombia/", {"es": ["Proyecto SCORE Colombia", "69.573", "https://compendio-ess.example.org/"],
                                 "en": ["SCORE Colombia project", "69,573", "https://compendio-ess.example.org/"]}),
    ("countries/co/", {"es": ["Colombia", "Contexto del país", "Proyecto SCORE Colombia"],
                       "en": ["Colombia", "Country context", "SCORE Colombia project"]}),
    ("compare/programmes/", {"es": ["Programas lado a lado", "Resultados principales", "69.573"],
                             "en": ["Programmes side by side", "Key results", "69,573"]}),
])
def test_pages_print_on_a4_without_navigation(browser, served, tmp_path, prefix, lang, url, must):
    (width, height), text = printed(browser, f"{served}{prefix}{url}", tmp_path / "page.pdf")
    assert abs(width - 595) < 2 and abs(height - 842) < 2, (width, height)
    for words in must[lang]:
        assert words in text, (url, lang, words)
    for label in NAV[lang]:
        assert label not in text, f"navigation printed: {label}"
