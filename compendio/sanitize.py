"""Sanitise the HTML of pages that carry contributors' prose, with nh3 (ammonia), after MkDocs renders them.

Validation already refuses scripts, event handlers and unsafe links in entry files; this is the second line:
whatever HTML a contributor's Markdown produces, only the tags and attributes below reach readers."""
from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
    "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
COMMON = {"id", "class", "lang", "title", "aria-label", "aria-hidden"}
ATTRIBUTES = {
    "*": COMMON,
    "a": COMMON | {"href", "download"},
    "img": COMMON | {"src", "alt", "width", "height", "loading"},
    "th": COMMON | {"scope", "colspan", "rowspan", "align"},
    "td": COMMON | {"colspan", "rowspan", "align"},
    "ol": COMMON | {"start"},
    "details": COMMON | {"open"},
}


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel=None, strip_comments=True)


def needs_cleaning(src_uri: str, catalogue) -> bool:
    """Pages that embed entry text with raw HTML in it: the entries (whose text holds a "<") and the collections'
    pages. Text without "<" has no raw HTML, and Markdown alone only makes safe tags (its links are validated),
    so those pages skip the sanitiser, which is most of the cost at thousands of pages."""
    if src_uri.startswith("collections/"):
        return True
    if not src_uri.startswith("entries/") or src_uri.startswith("entries/index."):
        return False
    entry = catalogue.entries.get(src_uri.split("/")[1].split(".")[0]) if catalogue else None
    return entry is None or entry.has_raw_html()
