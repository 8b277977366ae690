"""Corrections to the theme's HTML after rendering."""
from compendio import pagefixes

CONFIG = '<script id="__config" type="application/json">{"annotate": null, "base": "../..", "features": []}</script>'


def test_language_base_touches_only_the_theme_settings():
    page = '<p>"base": "kept as written"</p>' + CONFIG
    fixed = pagefixes.language_base(page, "en")
    assert '<p>"base": "kept as written"</p>' in fixed
    assert '"base": "../../en/"' in fixed


def test_language_base_at_the_site_root():
    assert '"base": "./en/"' in pagefixes.language_base(CONFIG.replace("../..", "."), "en")


def test_theme_html_is_made_valid_and_named():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<div class="md-search" data-md-component="search" role="dialog">'
            '<label class="md-nav__title" for="__toc">x</label>')
    fixed = pagefixes.fix(html, "es")
    assert 'autocomplete' not in fixed and 'for="__toc"' not in fixed
    assert 'role="dialog" aria-label="Buscar en el compendio"' in fixed
