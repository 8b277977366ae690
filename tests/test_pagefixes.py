"""Corrections to the theme's HTML after rendering."""
from compendio import pagefixes


def test_theme_html_is_made_valid():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<label class="md-nav__title" for="__toc">x</label>')
    fixed = pagefixes.fix(html, "es")
    assert 'autocomplete' not in fixed and 'for="__toc"' not in fixed
