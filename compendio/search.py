"""Site search with Pagefind: what each page gives the index (Marks), and the index itself (index).

Pagefind (PyPI `pagefind[bin]`: the binary ships in the wheel) indexes the built site once both languages are
written. It makes one index per <html lang>, so a page only ever searches its own language; the browser loads a
small entry file, then only the index chunks and result fragments a query needs (docs/javascripts/search.js for
the header box, compendio.js for the filter panel of the entries list).

What goes into the index:
- each page's article (`data-pagefind-body`), except the collections' print pages, which repeat whole entries,
  and the later pages of a long list or table (page/2/...), whose title only repeats the first page's; pages
  without the mark (those, redirects of former slugs, 404) are not indexed at all;
- not the parts that repeat other pages' text (EXCLUDE): lists of entries, comparison tables, the permalink
  boxes, charts; each entry's text is found on the entry's own page;
- accents need nothing: Pagefind folds diacritics when indexing ("Narino" finds "Nariño", tested in a browser);
- spellings: the words of data/search_synonyms.yml's groups found in an entry page's text (in other pages' titles)
  bring in the other words of their group, as an indexed attribute (`data-pagefind-index-attrs`) rather than
  hidden text, so "quinua" finds an English page that says "quinoa" and nothing extra is read out by screen
  readers;
- entry pages also carry, in a hidden block that is read for filters and metadata but not indexed as text
  (`data-pagefind-ignore`): their facet values as filters (compendio/panel.py), the strings of their list item as
  metadata, and their folded short title as a sort, so the filter panel renders what the build wrote; and
  panel.LIST_WORD.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import escape as esc
from pathlib import Path

from . import panel, yamldata
from .format import Formatter
from .model import Catalogue
from .schema import Schema
from .text import fold

BUNDLE = "pagefind"  # the index's folder at the site root
# Selectors Pagefind leaves out of the text it indexes: text that belongs to other pages, and links' decorations.
EXCLUDE = (".ce-list", ".ce-compare", ".ce-links", ".ce-map", ".ce-chart svg", ".headerlink")
# Pagefind's ready-made interfaces, which the site does not use (it has its own, in Material's style).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")

ARTICLE = '<article class="md-content__inner md-typeset">'  # Material's page content
ENTRY_URL = re.compile(r"^(?:[a-z]{2}/)?entries/([a-z0-9]+(?:-[a-z0-9]+)*)/$")
PRINT_URL = re.compile(r"^(?:[a-z]{2}/)?collections/[^/]+/print/$")
PAGED_URL = re.compile(r"/page/[0-9]+/$")  # page 2, 3... of a long list or table: page 1 is the one to find
ALSO = "data-ce-also"  # the attribute holding a page's extra words


def synonyms(path: Path) -> dict[str, tuple[re.Pattern, set[str]]]:
    """word -> (a pattern finding it as a whole word, the words that should find it too), from groups such as
    [quinua, quinoa]."""
    if not Path(path).exists():
        return {}
    data, _ = yamldata.load(Path(path).read_text(encoding="utf-8"))
    others: dict[str, set[str]] = {}
    for group in data.get("groups", []):
        words = {fold(w) for w in group}
        for w in words:
            others.setdefault(w, set()).update(words - {w})
    return {w: (re.compile(rf"\b{re.escape(w)}\b"), rest) for w, rest in others.items()}


_TAG = re.compile(r"<[^>]*>")
_H1 = re.compile(r"<h1[\s>].*?</h1>", re.S)
_WORD = re.compile(r"\w+")


def extra_words(html: str, same: dict) -> str:
    """The other spellings of the synonyms found in the text of html, that the text does not already hold."""
    text = _TAG.sub(" ", html)
    lowered = fold(text) if not text.isascii() else text.lower()
    # A one-word spelling is there as a whole word when it is one of the text's words (a set, made once: this runs
    # on every page); a spelling of several words is looked for with its own pattern.
    words = set(_WORD.findall(lowered))
    found = {w for w, (pattern, _) in same.items()
             if (w in words if _WORD.fullmatch(w) else w in lowered and pattern.search(lowered))}
    extra = set().union(*(same[w][1] for w in found)) - found
    return " ".join(sorted(extra))


class Marks:
    """Adds the Pagefind attributes to the pages of one language as they are written."""

    def __init__(self, cat: Catalogue, schema: Schema, lang: str, same: dict):
        self.cat, self.schema, self.lang, self.same = cat, schema, lang, same
        self.f = Formatter(cat, schema, lang)

    def entry_marks(self, slug: str) -> str:
        """The hidden block of an entry page: filter values, list strings, sort rank."""
        e = self.cat.entries[slug]
        spans = ['<span data-pagefind-filter="type">entry</span>']
        for key, values in panel.filters(e).items():
            spans += [f'<span data-pagefind-filter="{key}">{esc(v)}</span>' for v in values]
        spans += [f'<span data-pagefind-meta="{key}">{esc(value)}</span>'
                  for key, value in panel.card(e, self.f).items() if value and key != "title"]
        # The lists' order (by short title, as Formatter.by_title): the title itself, not a rank, so that adding an
        # entry does not change every other entry's page.
        spans.append(f'<span data-pagefind-sort="title">{esc(e.short_title(self.lang).casefold())}</span>')
        return f'<div hidden data-pagefind-ignore>{"".join(spans)}</div>'

    def mark(self, html: str, url: str) -> str:
        """The page with its article marked for indexing, or as it is if it is not to be indexed."""
        start = html.find(ARTICLE)
        if start < 0 or PRINT_URL.match(url) or PAGED_URL.search(url):
            return html
        start += len(ARTICLE)
        end = html.rfind("</article>")
        body = html[start:end]
        entry = ENTRY_URL.match(url)
        head = self.entry_marks(entry.group(1)) if entry and entry.group(1) in self.cat.entries else ""
        # An entry page's whole text; on other pages the title only, as the rest of their text (lists, tables)
        # is mostly other pages' and left out of the index (EXCLUDE).
        h1 = _H1.search(body)
        scope = body if head else (h1.group(0) if h1 else "")
        words = " ".join(filter(None, [extra_words(scope, self.same), panel.LIST_WORD if head else ""]))
        tail = f'<span data-pagefind-index-attrs="{ALSO}" {ALSO}="{esc(words)}"></span>' if words else ""
        return f'{html[:start - 1]} data-pagefind-body>{head}{body}{tail}{html[end:]}'


def index(site: Path) -> dict:
    """Index the built site (every language) into site/pagefind/ with Pagefind's binary (from the pagefind-bin
    wheel). Returns the number of pages indexed per language. Raises RuntimeError with Pagefind's message if it fails.
    The command line rather than the Python API: the API's service was seen to stop before its last file
    (pagefind-entry.json) was written."""
    site = Path(site)
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # file names carry content hashes: start clean
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--quiet"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    entry = bundle / "pagefind-entry.json"
    if result.returncode or not entry.exists():
        raise RuntimeError((result.stderr or result.stdout).strip() or f"exit status {result.returncode}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return {lang: v["page_count"] for lang, v in json.loads(entry.read_text(encoding="utf-8"))["languages"].items()}
