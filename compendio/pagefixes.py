"""Small corrections to the theme's HTML, applied to every page after it is rendered, so the pages are valid
HTML (Nu checker) and meet WCAG checks (axe-core) without copying the theme's templates."""
from __future__ import annotations

import re

# Anchored on the theme's literal markup, so the search is a fast substring scan over long pages.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def fix(html: str, lang: str) -> str:
    # `autocomplete` is not allowed on checkboxes (the theme's drawer and search toggles).
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html, count=4)
    # A label pointing at a control that is not on the page (the theme's table-of-contents toggle).
    if 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return html
