"""Small corrections to the theme's HTML, applied to every page after it is rendered, so the pages are valid
HTML (Nu checker) and meet WCAG checks (axe-core) without copying the theme's templates."""
from __future__ import annotations

import re

from . import i18n

# Anchored on the theme's literal markup, so the search is a fast substring scan over long pages.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
_SEARCH_DIALOG = re.compile(r'(<div class="md-search"[^>]*?role="dialog")(?![^>]*aria-label)')


def fix(html: str, lang: str) -> str:
    # `autocomplete` is not allowed on checkboxes (the theme's drawer and search toggles).
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html, count=4)
    # A label pointing at a control that is not on the page (the theme's table-of-contents toggle).
    if 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    # The search dialog needs a name for screen readers.
    html = _SEARCH_DIALOG.sub(rf'\1 aria-label="{i18n.ui("search_label", lang)}"', html, count=1)
    return html


# The theme's script settings, where "base" is the address its search reads the index from.
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')


def language_base(html: str, lang: str) -> str:
    """Point a page's script "base" at its language's root (../../en/ instead of ../../), so the search reads
    that language's index (compendio/search.py). Only the theme's settings script is touched."""
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip('/') or '.'}/{lang}/{m.group(3)}", html, count=1)
