"""Corrections to the theme's HTML after rendering."""
from compendio import pagefixes

HEAD = ('<head><link rel="canonical" href="https://site.example/sub/en/entries/x/">'
        '<link rel="alternate" href="../../../entries/x/" hreflang="es">'
        '<link rel="alternate" href="./" hreflang="en">'
        '<link rel="alternate" href="/sub/en/" hreflang="en">'
        '<link rel="alternate" type="application/atom+xml" title="Feed" href="https://site.example/sub/feed.xml">'
        '</head><body><a href="../../../entries/x/" hreflang="es">Español</a></body>')


def test_theme_html_is_made_valid():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<label class="md-nav__title" for="__toc">x</label>')
    fixed = pagefixes.fix(html, "es")
    assert 'autocomplete' not in fixed and 'for="__toc"' not in fixed


def test_language_alternates_become_absolute_from_the_canonical_address():
    fixed = pagefixes.absolute_alternates(HEAD)
    assert '<link rel="alternate" href="https://site.example/sub/entries/x/" hreflang="es">' in fixed
    assert '<link rel="alternate" href="https://site.example/sub/en/entries/x/" hreflang="en">' in fixed
    assert '<link rel="alternate" href="https://site.example/sub/en/" hreflang="en">' in fixed
    # The language menu in the body keeps its relative link: it works wherever the site is served.
    assert '<a href="../../../entries/x/" hreflang="es">' in fixed


def test_without_a_canonical_address_nothing_changes():
    page = HEAD.replace('<link rel="canonical" href="https://site.example/sub/en/entries/x/">', "")
    assert pagefixes.absolute_alternates(page) == page
