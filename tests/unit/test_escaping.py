"""Front matter is data, never markup: every template, rendered with hostile text in every free-text field of
the fixture catalogue, shows that text as text. The pages are turned into HTML as MkDocs would (Python-Markdown
with the site's extensions), then parsed: no element or attribute may come from a field."""
from __future__ import annotations

import copy
import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import markdown
import pytest

from compendio import pages, panel
from compendio.format import Formatter

TEMPLATES = Path(__file__).resolve().parents[2] / "compendio" / "templates"
# The Markdown extensions of mkdocs.yml that change how raw HTML and code blocks are read.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc", "pymdownx.superfences"]


class Hostile:
    """Hands out hostile strings, each with its own number so that the test can find where each one went."""

    def __init__(self):
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f'<i class="h">h{self.n}</i><script>alert({self.n})</script><img src=x onerror=alert(1)>"\'&amp;'


HOSTILE = Hostile()


def poison(cat, schema):
    """Copies of the catalogue and schema with every free-text field (text per language, names, titles, notes),
    every vocabulary label and every field title hostile. Returns them with the numbers of the catalogue's."""
    cat = copy.deepcopy(cat)
    first = HOSTILE.n + 1
    for e in cat.entries.values():
        for lang in e.text:
            texts(e.text[lang], "title", "short_title", "summary", "modules")
        texts(e.facts, "international_names")
        for place in e.facts.get("places", []):
            texts(place, "name")
        for r in e.facts.get("results", []) + e.facts.get("context_figures", []):
            texts(r, "what", "year_inferred")
        for item in e.facts.get("scope", []):
            texts(item, "note")
        if isinstance(e.facts.get("period"), dict):
            texts(e.facts["period"], "note")
    for o in cat.organisations.values():
        texts(o, "name", "acronym")
    for s in cat.sources.values():
        texts(s, "short", "title", "author", "publisher", "place", "note")
    for i in cat.instruments.values():
        texts(i, "title", "short", "summary", "points")
    for c in cat.context.values():
        texts(c, "context")
        texts(c["msme_classification"], "criterion", "micro", "small", "medium", "note")
        for ind in c["indicators"]:
            texts(ind, "note")
    for c in cat.collections.values():
        texts(c, "title", "event", "introduction")
    for r in cat.shared_figures.values():
        texts(r, "what", "note")
    fields = range(first, HOSTILE.n + 1)
    vocabularies = copy.deepcopy(schema.vocabularies)
    for vocab in vocabularies.values():
        for labels in vocab["labels"].values():
            for key in labels:
                labels[key] = HOSTILE()
    entry_file = copy.deepcopy(schema.entry_file)
    for prop in entry_file["properties"].values():
        texts(prop, "title", "x-title-es")
    return cat, dataclasses.replace(schema, vocabularies=vocabularies, entry_file=entry_file), fields


def texts(d: dict, *keys):
    """Make the text fields named keys of d hostile: a text, a {es, en} text, or a list of either."""
    for k in keys:
        if isinstance(d.get(k), dict):
            d[k] = {lang: HOSTILE() for lang in d[k]}
        elif isinstance(d.get(k), str):
            d[k] = HOSTILE()
        elif isinstance(d.get(k), list):
            d[k] = [({lang: HOSTILE() for lang in v} if isinstance(v, dict) else HOSTILE()) for v in d[k]]


class Elements(HTMLParser):
    """Every element and attribute of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.scripts = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]
        if tag == "script":
            self.scripts.append((dict(attrs).get("src", ""), dict(attrs).get("type", "")))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def hostile(cat, schema, monkeypatch_module):
    """(pages, (catalogue, schema), numbers of the catalogue's fields, templates used)."""
    used = set()
    real = jinja2.Environment.get_template

    def recording(env, name, *args, **kwargs):
        used.add(name)
        return real(env, name, *args, **kwargs)

    monkeypatch_module.setattr(jinja2.Environment, "get_template", recording)
    poisoned, bad_schema, fields = poison(cat, schema)
    return pages.generate(poisoned, bad_schema, base_url="https://example.test/"), (poisoned, bad_schema), fields, used


@pytest.fixture(scope="module")
def html_pages(hostile) -> dict[str, str]:
    """Each page's body as the HTML MkDocs would make of it."""
    site = hostile[0]
    return {path: markdown.markdown(text[4:].split("\n---\n", 1)[1], extensions=EXTENSIONS)
            for path, text in site.items()}


def test_every_template_is_rendered(hostile):
    assert hostile[3] == {p.name for p in TEMPLATES.iterdir() if p.suffix == ".html"}


def test_no_field_becomes_markup(html_pages):
    for path, html in html_pages.items():
        parser = Elements()
        parser.feed(html)
        assert not {"i", "img"} & set(parser.tags), path
        assert "onerror" not in parser.attrs, path
        # The only scripts are the site's own files (the entry editor loads two), and data for them (the list of
        # entries carries its panel's), whose text cannot end its element.
        own_script = re.compile(r"(\.\./)+javascripts/(vendor/ajv7\.min|editor)\.js")
        assert all(kind == "application/json" or own_script.fullmatch(src) for src, kind in parser.scripts), path
        for data in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S):
            assert "<" not in data and json.loads(data), path


def test_titles_and_descriptions_are_escaped_for_the_head(hostile):
    for path, text in hostile[0].items():
        for line in text[4:].split("\n---\n", 1)[0].splitlines():
            key, _, value = line.partition(": ")
            if key in ("title", "description"):  # MkDocs puts them into <title> and <meta> as they are
                assert "<" not in json.loads(value), (path, key)


def test_every_field_is_shown(hostile, html_pages):
    everything = "\n".join(html_pages.values())
    missing = [n for n in hostile[2] if f"&lt;i class=&#34;h&#34;&gt;h{n}&lt;/i&gt;" not in everything
               and f"&lt;i class=&quot;h&quot;&gt;h{n}&lt;/i&gt;" not in everything]
    assert not missing


def test_structured_data_cannot_close_its_script_element(hostile):
    for path, text in hostile[0].items():
        if "\njsonld: " in text:
            jsonld = json.loads(text.split("\njsonld: ", 1)[1].split("\n", 1)[0])
            assert "<" not in jsonld and ">" not in jsonld, path


def test_browser_data_keeps_text_as_data(hostile):
    poisoned, schema = hostile[1]
    f = Formatter(poisoned, schema, "en")
    # Kept as typed: the scripts put them in the page as text, never as HTML.
    assert all(panel.card(e, f)["title"].startswith('<i class="h">') for e in poisoned.entries.values())
    assert all(panel.compare_record(e, f, [])["t"].startswith('<i class="h">') for e in poisoned.entries.values())
