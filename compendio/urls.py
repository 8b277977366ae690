"""Where generated pages live and how they link to each other, in each language.

A page is named by its path without language suffix: "index", "entries/score", "countries/index". Its URL is a
directory ("entries/score/"); the default language is at the site root and the others under their code ("en/").
"""
from __future__ import annotations

from .i18n import DEFAULT_LANGUAGE

# Index dimensions: the fact they group by -> URL folder.
FOLDERS = {"countries": "countries", "themes": "themes", "target_groups": "target-groups",
           "methodologies": "methodologies", "organisations": "organisations", "sdgs": "sdgs", "years": "years"}
# Every top-level folder (and root page) the generator writes, so the writer can prune and git can ignore them.
GENERATED_ROOTS = ("index", "entries", "kinds", "compare", "sources", "instruments", "collections", "contribute",
                   *FOLDERS.values())


def slugify(term) -> str:
    return str(term).lower().replace("_", "-")


def value_page(dim: str, value) -> str:
    """The index page of one value of a dimension: value_page("countries", "CO") -> "countries/co"."""
    return f"{FOLDERS[dim]}/{slugify(value)}"


def url_of(page: str) -> str:
    """Directory URL of a page path: "index" -> "", "countries/index" -> "countries/", "entries/x" -> "entries/x/"."""
    if page == "index":
        return ""
    if page.endswith("/index"):
        return page[: -len("index")]
    return page + "/"


def up(page: str) -> str:
    """From a page to the root of its language tree: "../" once per folder of its URL."""
    return "../" * url_of(page).count("/")


def list_page(page: str, n: int) -> str:
    """Page n (from 2) of a long list: "countries/pe" -> "countries/pe/page/2", "entries/index" -> "entries/page/2".
    (The slug "page" is reserved for this: see validate.)"""
    return url_of(page) + f"page/{n}"


def file_up(page: str) -> str:
    """From a page's Markdown file to the docs folder: "../" once per folder of its path. Links written in
    Markdown are relative to the file (collections/x/print.es.md), not to its URL (collections/x/print/)."""
    return "../" * page.count("/")


def rel(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative URL from one generated page to another (both in the same language tree).

    Every page URL is a directory, so going up to the site root is one "../" per folder of the source URL;
    this is called tens of thousands of times per build, where posixpath.relpath was a measurable cost."""
    out = up(from_page) + url_of(to_page)
    return (out or "./") + (f"#{anchor}" if anchor else "")


def to_site_root(page: str, lang: str) -> str:
    """From a page to the root of the whole site, where the shared files (scripts, styles, data of the default
    language) are: up its own folders, then out of its language's folder."""
    return up(page) + "../" * lang_prefix(lang).count("/")


def lang_prefix(lang: str) -> str:
    """The folder of a language's pages under the site root: "" for the default language, "en/" for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def language_root(base_url: str, lang: str) -> str:
    """The absolute URL of a language's home: "https://host/" or "https://host/en/"."""
    return base_url.rstrip("/") + "/" + lang_prefix(lang)


def absolute(base_url: str, page: str, lang: str) -> str:
    """The absolute, permanent URL of a generated page in a language."""
    return language_root(base_url, lang) + url_of(page)
