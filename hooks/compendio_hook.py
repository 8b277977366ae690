"""MkDocs adapter: before each build, load and validate the catalogue and write the generated pages; after it,
publish the open data and, once both languages are written, index the site for search (Pagefind); on each page,
edit links, sanitising, theme fixes and the marks that tell the search what to index.
Kept thin: the logic lives in the compendio package, which tests call directly.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from compendio import build, i18n, links, pagefixes, sanitize, search, urls

log = get_plugin_logger(__name__)
# mkdocs-static-i18n runs the whole build once per language, and `serve` rebuilds on every change: keep the last
# validated catalogue with the signature of its inputs, so the second language's pass reuses it.
_last: dict = {"signature": None, "schema": None, "catalogue": None, "marks": {}}
# Time spent in the per-page handlers during one whole build (both languages), logged once at the end.
_page_time = {"seconds": 0.0}


def on_pre_build(config, **kwargs):
    started = time.perf_counter()
    if not getattr(config.plugins.get("i18n"), "building", False):
        _page_time["seconds"] = 0.0  # the outer build starts
    root = Path(config.config_file_path).parent
    signature = build.signature(root)
    if signature == _last["signature"]:
        log.info("hook time: %.3f s (inputs unchanged)", time.perf_counter() - started)
        return
    _last.update(signature=None, schema=None, catalogue=None, marks={})  # a failed build leaves no stale data
    try:
        schema, catalogue = build.prepare(root)
    except build.InputError as exc:
        raise PluginError("\n" + str(exc)) from None
    stats = build.generate_site(schema, catalogue, Path(config.docs_dir), config.site_url or "/", root)
    log.info("generated %(pages)d pages (%(written)d written, %(removed)d removed)", stats)
    log.info("hook time: %.3f s", time.perf_counter() - started)
    _last.update(signature=signature, schema=schema, catalogue=catalogue)


def _language(config) -> str:
    """The language being built (mkdocs-static-i18n builds each in turn)."""
    return getattr(config.plugins.get("i18n"), "current_language", None) or config.theme["language"]


@event_priority(0)
def _export(config, **kwargs):
    started = time.perf_counter()
    lang = _language(config)
    default = getattr(config.plugins.get("i18n"), "default_language", None) or lang
    # When this runs for the second language, the i18n plugin has already put site_dir back to the site root.
    site = Path(config.site_dir)
    if lang != default and site.name != lang:
        site = site / lang
    build.publish(_last["schema"], _last["catalogue"], lang, site, config.site_url or "/",
                  Path(config.config_file_path).parent / "schema", lang == default)
    log.info("hook time: %.3f s (export)", time.perf_counter() - started)


@event_priority(-150)
def _search(config, **kwargs):
    """Once every language is written (after mkdocs-static-i18n's own post-build, -100, built the others)."""
    plugin = config.plugins.get("i18n")
    if plugin and getattr(plugin, "building", False):
        return  # an inner, per-language build: the site is not complete yet
    started = time.perf_counter()
    try:
        pages = search.index(Path(config.site_dir))
    except (OSError, RuntimeError) as exc:  # the Pagefind binary is missing or failed: say so, without a traceback
        raise PluginError(f"the search index (Pagefind) could not be made: {exc}") from None
    log.info("search: pages indexed per language: %s", pages)
    log.info("hook time: %.3f s (search)", time.perf_counter() - started)
    log.info("hook time: %.3f s (pages)", _page_time["seconds"])


on_post_build = CombinedEvent(_export, _search)


def on_page_context(context, page, config, nav, **kwargs):
    """Generated pages: "edit this page" leads to the entry's file in practices/, or nowhere."""
    started = time.perf_counter()
    url = links.edit_url(page.file.src_uri, _language(config), _last["catalogue"], config.repo_url or "",
                         config.edit_uri or "", set(urls.GENERATED_ROOTS))
    if url is not ...:
        page.edit_url = url
    _page_time["seconds"] += time.perf_counter() - started
    return context


def on_page_content(html, page, config, files, **kwargs):
    """Pages that carry contributors' prose are sanitised after rendering (see compendio/sanitize.py)."""
    started = time.perf_counter()
    html = sanitize.clean(html) if sanitize.needs_cleaning(page.file.src_uri, _last["catalogue"]) else html
    _page_time["seconds"] += time.perf_counter() - started
    return html


def on_env(env, config, files, **kwargs):
    """The theme's templates (overrides/) read their strings from data/ui.yml in the language being built."""
    lang = _language(config)
    env.globals["ce_t"] = lambda key, **values: i18n.ui(key, lang, **values)
    return env


def _marks(config, lang: str) -> search.Marks:
    """The search marks of a language's pages, made once per validated catalogue."""
    if lang not in _last["marks"]:
        same = search.synonyms(Path(config.config_file_path).parent / "data" / "search_synonyms.yml")
        _last["marks"][lang] = search.Marks(_last["catalogue"], _last["schema"], lang, same)
    return _last["marks"][lang]


def on_post_page(output, page, config, **kwargs):
    """Theme HTML corrections (compendio/pagefixes.py), and what the search indexes (compendio/search.py)."""
    started = time.perf_counter()
    lang = _language(config)
    output = pagefixes.absolute_alternates(pagefixes.fix(output, lang))
    output = _marks(config, lang).mark(output, page.url)
    _page_time["seconds"] += time.perf_counter() - started
    return output


def on_post_template(output_content, template_name, config, **kwargs):
    """Pages made from a template alone (404.html) get the same corrections."""
    return pagefixes.fix(output_content, _language(config)) if template_name.endswith(".html") else output_content
