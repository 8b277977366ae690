"""Small corrections to the theme's HTML, applied to every page after it is rendered, so the pages are valid
HTML (Nu checker), meet WCAG checks (axe-core) and carry absolute language alternates, without copying the theme's
templates."""
from __future__ import annotations

import re
from urllib.parse import urljoin

# Anchored on the theme's literal markup, so the search is a fast substring scan over long pages.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def fix(html: str, lang: str) -> str:
    # `autocomplete` is not allowed on checkboxes (the theme's drawer and search toggles).
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html, count=4)
    # A label pointing at a control that is not on the page (the theme's table-of-contents toggle).
    if 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return html


_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
_HREFLANG = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang="[^"]+">)')


def absolute_alternates(html: str) -> str:
    """The theme writes the page's language alternates (hreflang) relative to the page; search engines want them
    absolute. They are resolved against the page's canonical address (absolute, from site_url). Only the head's
    hreflang links are touched; the language menu keeps relative links, so it works wherever the site is served."""
    head_end = html.find("</head>")
    canonical = _CANONICAL.search(html, 0, head_end)
    if not canonical:
        return html
    base = canonical.group(1)
    head = _HREFLANG.sub(lambda m: m.group(1) + urljoin(base, m.group(2)) + m.group(3), html[:head_end])
    return head + html[head_end:]
