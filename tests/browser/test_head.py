"""A real deployment: the published and repository addresses come from the environment, every page's head carries
absolute canonical and language links and a title of its own, and a page view asks nothing of another host and
downloads nothing whole (no sitemap.xml, no search index) until the reader searches."""
from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from helpers import ROOT, SITE_URL
from mkdocs.config import load_config


def test_site_and_repository_addresses_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("REPO_URL", raising=False)
    local = load_config(str(ROOT / "mkdocs.yml"))
    assert local.site_url == "http://127.0.0.1:8000/"  # what `make serve` serves: links work locally
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/compendio-fork/")
    monkeypatch.setenv("REPO_URL", "https://github.com/someone/compendio-fork")
    fork = load_config(str(ROOT / "mkdocs.yml"))
    assert fork.site_url == "https://someone.github.io/compendio-fork/"
    assert fork.repo_url == "https://github.com/someone/compendio-fork"


def pages(site: Path):
    """(language, path under the language's root, html) of every page of the built site but redirects."""
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if rel.startswith(("pagefind/", "schema/")):
            continue
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html[:3000]:
            continue  # a former slug's redirect
        lang = "en" if rel.startswith("en/") else "es"
        yield lang, rel[3:] if lang == "en" else rel, html


def head(html: str) -> str:
    return html[: html.index("</head>")]


def test_canonical_and_language_links_are_absolute(built):
    seen = 0
    for lang, rel, html in pages(built):
        h = head(html)
        own = SITE_URL + ("en/" if lang == "en" else "") + rel
        assert re.findall(r'<link rel="canonical" href="([^"]+)">', h) == [own], rel
        links = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(\w+)">', h)
        alternates = {code: href for href, code in links}
        assert alternates == {"es": SITE_URL + rel, "en": SITE_URL + "en/" + rel}, (lang, rel, alternates)
        seen += 1
    assert seen > 400


def test_every_page_has_a_title_of_its_own(built):
    titles = collections.defaultdict(list)
    for lang, rel, html in pages(built):
        titles[lang, re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()].append(rel)
    assert {k: v for k, v in titles.items() if len(v) > 1} == {}
    by_page = {(lang, rel[0]): title for (lang, title), rel in titles.items()}
    assert by_page["es", ""] == ("Compendio ESS - Buenas prácticas, programas y metodologías de la economía social "
                                 "y solidaria")
    assert by_page["en", ""] == ("Compendio ESS - Good practices, programmes and methodologies of the social and "
                                 "solidarity economy")
    assert by_page["es", "collections/score-andean-countries/print/"] == \
        "SCORE en los países andinos (versión para imprimir) - Compendio ESS"


# One page of each kind, in both languages.
PAGE_KINDS = ["", "entries/", "entries/score-narino/", "compare/programmes/", "compare/select/?e=score-peru,my-coop",
              "countries/co/", "collections/score-andean-countries/", "collections/score-andean-countries/print/",
              "contribute/fields/", "about/"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_page_view_asks_nothing_of_other_hosts_and_loads_nothing_whole(browser, served, prefix):
    problems = {}
    for url in PAGE_KINDS:
        page = browser.new_page()
        requests, errors = [], []
        page.on("request", lambda r, requests=requests: requests.append(r.url))
        page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
        page.goto(f"{served}{prefix}{url}", wait_until="networkidle")
        page.wait_for_timeout(300)
        page.close()
        found = [f"request to another host: {r}" for r in requests if not r.startswith(served)]
        found += [f"sitemap: {r}" for r in requests if "sitemap" in r]
        found += [f"console: {e}" for e in errors]
        # Pagefind only on the list of entries (its filters); elsewhere not before the reader searches.
        if url != "entries/":
            found += [f"search loaded: {r}" for r in requests if "/pagefind/" in r]
        if found:
            problems[prefix + url] = found
    assert problems == {}


def test_the_language_menu_leads_to_the_same_page_in_the_other_language(browser, served):
    page = browser.new_page()
    page.goto(f"{served}entries/score-narino/")
    link = page.locator('.md-select__link[hreflang="en"]')
    assert link.evaluate("a => a.href") == f"{served}en/entries/score-narino/"
    page.locator(".md-header__option .md-select button").hover()
    link.click()
    page.wait_for_url(f"{served}en/entries/score-narino/")
    page.close()


def test_the_theme_script_is_deferred_and_still_runs(browser, served, built):
    """Material's bundle does not hold up the first paint, and still does its work: here, the copy button it adds
    to an entry's citation (in the page's language)."""
    html = (built / "entries" / "score-narino" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="(\.\./)+assets/javascripts/bundle\.[0-9a-f]+\.min\.js" defer>', html)
    page = browser.new_page()
    page.goto(f"{served}entries/score-narino/")
    copy = page.locator("pre button[title='Copiar al portapapeles']")
    copy.first.wait_for()  # times out (and fails) if the theme's script never ran
    assert copy.count() == page.locator("pre").count() >= 2
    page.close()
