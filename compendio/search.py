"""Make the site search find words with or without accents, and across the two languages' spellings.

Material's search (lunr) matches words as written: "Narino" does not find "Nariño". After the index is written we
add, to each page's text, the accent-free form of its accented words and the other language's spelling of the
words listed in data/search_synonyms.yml (quinua / quinoa). The index stays one file for both languages; the
index is then written once per language: /search/search_index.json for Spanish pages and
/en/search/search_index.json for English ones, each with its language's pages, so results are in the page's
language (the English pages' search reads the second file, see hooks/compendio_hook.py on_post_page)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import yamldata
from .text import fold

MARK = "compendio"  # set in the index's config once it has been processed


def synonyms(path: Path) -> dict[str, tuple[re.Pattern, set[str]]]:
    """word -> (a pattern finding it as a whole word, the words that should find it too), from groups such as
    [quinua, quinoa]."""
    if not path.exists():
        return {}
    data, _ = yamldata.load(path.read_text(encoding="utf-8"))
    others: dict[str, set[str]] = {}
    for group in data.get("groups", []):
        words = {fold(w) for w in group}
        for w in words:
            others.setdefault(w, set()).update(words - {w})
    return {w: (re.compile(rf"\b{re.escape(w)}\b"), rest) for w, rest in others.items()}


NON_ASCII = re.compile(r"[^\x00-\x7f]")
ENTRY_PAGE = re.compile(r"^(?:[a-z]{2}/)?entries/[^/]+/$")


def accented_words(text: str) -> set[str]:
    """The words of text that hold a non-ASCII letter, found from those letters outwards: this runs over every
    page of the site, and scanning whole words with a regular expression was several times slower."""
    found, end = set(), -1
    for m in NON_ASCII.finditer(text):
        i = m.start()
        if i < end or not text[i].isalpha():
            continue
        start = i
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        end = i + 1
        while end < len(text) and text[end].isalnum():
            end += 1
        found.add(text[start:end])
    return found


def extra_words(text: str, same: dict[str, set[str]]) -> str:
    """The accent-free forms of the text's accented words, and the synonyms of its words."""
    lowered = text.lower()
    accented = accented_words(lowered)
    extra = {fold(w) for w in accented} - accented
    for key, (pattern, others) in same.items():
        if key in lowered and pattern.search(lowered):
            extra |= {o for o in others if o not in lowered}
    return " ".join(sorted(extra))


def publish(index_path: Path, synonyms_path: Path, languages: tuple[str, ...], default: str) -> bool:
    """Read the two-language index at the site root once, add the extra words, and write one index per language.
    Returns False if the index was already processed."""
    index = json.loads(Path(index_path).read_text(encoding="utf-8"))
    if index.get("config", {}).get(MARK):
        return False
    enrich(index, synonyms(synonyms_path))
    site = Path(index_path).parent.parent
    for lang, part in per_language(index, languages, default).items():
        target = site / ("" if lang == default else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def enrich(index: dict, same: dict) -> None:
    """Add the extra words to the documents of a search index, in place, and mark it processed."""
    for doc in index["docs"]:
        # Words of the title go into the title (weighted as a title match). The text of a page's first part (for an
        # entry: its summary and fact box, with places, countries and organisations) gets the others; the
        # sections' long text is left as written, which keeps this step small at thousands of pages.
        # Only entry pages: the index and comparison pages list every entry, and are found by their titles.
        title_extra = extra_words(doc.get("title", ""), same)
        head = "#" not in doc["location"] and ENTRY_PAGE.match(doc["location"])
        extra = extra_words(f'{doc.get("title", "")} {doc.get("text", "")}', same) if head else ""
        if title_extra:
            doc["title"] = f'{doc.get("title", "")}<span hidden> {title_extra}</span>'
        if extra:
            doc["text"] = f'{doc.get("text", "")} <span hidden>{extra}</span>'
    index["config"][MARK] = "folded"


def per_language(index: dict, languages: tuple[str, ...], default: str) -> dict[str, dict]:
    """One index per language from the two-language one, with that language's pages only: every page exists in
    both languages, so a reader finds everything in their own, and each page loads half the index. Locations
    become relative to the language's root."""
    parts = {}
    for lang in languages:
        docs = []
        for doc in index["docs"]:
            loc = doc["location"]
            doc_lang = next((x for x in languages if x != default and loc.startswith(f"{x}/")), default)
            if doc_lang == lang:
                docs.append({**doc, "location": loc[len(lang) + 1:] if lang != default else loc})
        parts[lang] = {**index, "docs": docs}
    return parts
