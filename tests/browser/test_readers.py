"""The filters on the entries index and the comparison of chosen entries, used as a reader would, in both
languages (docs/javascripts/compendio.js on the Pagefind index, with the data of compendio/panel.py). Expectations
come from the catalogue itself; only the spelling of interface strings is taken from panel.ui_strings
(data/ui.yml)."""
from __future__ import annotations

import csv
import io
import re

import pytest

from compendio import i18n, panel

LANGS = [("es", ""), ("en", "en/")]


def by_title(entries, lang):
    return sorted(entries, key=lambda e: e.short_title(lang).casefold())


def count_text(n, lang):
    ui = panel.ui_strings(lang)
    return ui["n0"] if n == 0 else ui["n1"] if n == 1 else ui["n"].format(n=i18n.number(n, lang))


def open_filter(browser, url):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    settled(page)
    summary = page.locator("#ce-filter details.ce-panel > summary")
    if not summary.evaluate("s => s.parentNode.open"):  # closed unless the address chose filters
        summary.click()
    return page, errors


def settled(page):
    """The panel asks Pagefind after each change: wait until it has shown the answer (aria-busy goes false)."""
    page.wait_for_selector('#ce-filter[aria-busy="false"] .ce-count:not(:empty)')


def listed(page):
    settled(page)
    return page.locator("ul.ce-live > li > a").all_text_contents()


def option(group, label):
    """A facet's checkbox, found by its visible label ("Colombia (11)") inside its fieldset."""
    return group.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label)} \(\d+\)$"))


def shown_counts(group) -> dict:
    settled(group.page)
    out = {}
    for text in group.locator("label").all_text_contents():
        m = re.fullmatch(r"\s*(.+?) \(([\d.,\s]+)\)\s*", text)
        out[m[1]] = int(re.sub(r"\D", "", m[2]))
    return out


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_filter_by_country_and_theme_counts_url_and_clear(browser, served, cat, schema, lang, prefix):
    ui = panel.ui_strings(lang)
    entries = list(cat.entries.values())
    country, theme = "CO", "social_dialogue"
    country_name, theme_name = i18n.country(country, lang), schema.label("theme", theme, lang)
    page, errors = open_filter(browser, f"{served}{prefix}entries/")

    # With JavaScript the page's own list becomes the live one (no second list), which starts with every entry;
    # the static list's total and links to its other pages give way to the count and the "more" button.
    assert page.locator("ul.ce-list").count() == 1 and page.locator("ul.ce-list.ce-live").is_visible()
    assert page.locator("p.ce-total").is_hidden()
    assert listed(page) == [e.title(lang) for e in by_title(entries, lang)]
    assert page.locator(".ce-count").text_content() == count_text(len(entries), lang)
    assert page.locator(".ce-count").get_attribute("aria-live") == "polite"

    countries = page.get_by_role("group", name=ui["country"], exact=True)
    themes = page.get_by_role("group", name=ui["theme"], exact=True)
    assert shown_counts(countries)[country_name] == sum(country in e.facts["countries"] for e in entries)
    option(countries, country_name).check()
    option(themes, theme_name).check()

    expected = by_title([e for e in entries if country in e.facts["countries"] and theme in e.facts["themes"]], lang)
    assert expected, "the data should have entries for this test"
    assert listed(page) == [e.title(lang) for e in expected]
    hrefs = page.locator("ul.ce-live > li > a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [f"{served}{prefix}entries/{e.slug}/" for e in expected]
    assert page.locator(".ce-count").text_content() == count_text(len(expected), lang)

    # Each value counts the entries that match the other facets' choices.
    with_theme = [e for e in entries if theme in e.facts["themes"]]
    assert shown_counts(countries) == {
        i18n.country(c, lang): sum(c in e.facts["countries"] for e in with_theme)
        for c in {c for e in entries for c in e.facts["countries"]}}
    in_country = [e for e in entries if country in e.facts["countries"]]
    assert shown_counts(themes) == {
        schema.label("theme", t, lang): sum(t in e.facts["themes"] for e in in_country)
        for t in {t for e in entries for t in e.facts["themes"]}}

    # The state is in the address: reloading (or sharing it) gives the same view.
    assert re.search(rf"[?&]country={country}(&|$)", page.url) and re.search(rf"[?&]theme={theme}(&|$)", page.url)
    page.reload()
    settled(page)
    assert option(countries, country_name).is_checked() and option(themes, theme_name).is_checked()
    assert listed(page) == [e.title(lang) for e in expected]
    assert page.locator(".ce-count").text_content() == count_text(len(expected), lang)

    page.get_by_role("button", name=ui["clear"]).click()
    assert listed(page) == [e.title(lang) for e in by_title(entries, lang)]
    assert not option(countries, country_name).is_checked() and "?" not in page.url
    assert errors == []
    page.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_period_and_kind_combine_and_come_from_the_url(browser, served, cat, schema, lang, prefix):
    ui = panel.ui_strings(lang)
    entries = list(cat.entries.values())
    starts = sorted({e.years()[0] for e in entries if e.years()})  # entries whose source gives no period: none
    start = starts[len(starts) // 2]
    kind = "programme"
    page, errors = open_filter(browser, f"{served}{prefix}entries/?kind={kind}&from={start}")

    expected = by_title([e for e in entries if e.kind == kind and e.years() and e.years()[-1] >= start], lang)
    assert listed(page) == [e.title(lang) for e in expected]
    kinds = page.get_by_role("group", name=ui["kind"], exact=True)
    assert option(kinds, schema.label("kind", kind, lang)).is_checked()
    period = page.get_by_role("group", name=ui["period"], exact=True)
    assert period.get_by_label(ui["from"], exact=True).input_value() == str(start)

    period.get_by_label(ui["to"], exact=True).select_option(str(start))  # entries under way in that one year
    expected = [e for e in expected if start in e.years()]
    assert listed(page) == [e.title(lang) for e in expected]
    assert f"to={start}" in page.url
    assert errors == []
    page.close()


def test_filters_work_from_the_keyboard_with_visible_focus(browser, served, cat, schema):
    ui = panel.ui_strings("en")
    page, errors = open_filter(browser, f"{served}en/entries/")
    page.locator("#ce-filter summary").focus()
    page.keyboard.press("Tab")  # open_filter opened the panel  # into the first facet: kind
    first_kind = next(k for k in schema.terms("kind") if cat.by_kind(k))
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value,"
                            " getComputedStyle(document.activeElement).outlineStyle]")
    assert focused[:2] == ["kind", first_kind] and focused[2] != "none"
    page.keyboard.press("Space")
    assert listed(page) == [e.title("en") for e in by_title(cat.by_kind(first_kind), "en")]
    assert page.get_by_role("group", name=ui["kind"], exact=True).get_by_role("checkbox").first.is_checked()
    assert errors == []
    page.close()


def test_if_the_search_cannot_load_the_page_stays_a_plain_list(browser, served, cat, schema):
    """The first view needs nothing but the page; when a filter asks for Pagefind and it cannot be loaded, the
    filters go away and the page's own list stays, with its links and without the boxes that need the panel."""
    page = browser.new_page()
    page.route("**/pagefind/**", lambda route: route.abort())
    page.goto(f"{served}en/entries/")
    settled(page)
    assert listed(page) == [e.title("en") for e in by_title(cat.entries.values(), "en")]
    page.locator("#ce-filter details.ce-panel > summary").click()
    kinds = page.get_by_role("group", name=panel.ui_strings("en")["kind"], exact=True)
    option(kinds, schema.label("kind", "programme", "en")).check()
    page.wait_for_selector("#ce-filter.ce-static", state="attached")
    assert page.locator("#ce-filter").is_hidden()
    assert page.locator("ul.ce-list > li > a").all_text_contents() == [
        e.title("en") for e in by_title(cat.entries.values(), "en")]
    assert page.locator("ul.ce-list input").count() == 0 and page.locator("p.ce-total").is_visible()
    page.close()


def test_without_javascript_the_static_list_stays(browser, served, cat):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served}entries/")
    assert page.locator("ul.ce-list > li > a").count() == len(cat.entries)
    assert page.locator("ul.ce-list").first.is_visible()
    assert page.locator("#ce-filter").is_hidden()  # its search field and panel need the script
    context.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_compare_two_entries_and_download_the_csv(browser, served, cat, schema, lang, prefix, tmp_path):
    ui = panel.ui_strings(lang)
    # An entry with a key figure of 1,000 or more (written differently in each language) and one other.
    first = next(e for e in cat.entries.values()
                 if any(r.get("key") and r["value"] >= 1000 and schema.unit_format(r["unit"]) == "count"
                        for r in e.facts.get("results") or []))
    second = by_title([e for e in cat.entries.values() if e is not first], lang)[0]
    figure = next(r["value"] for r in first.facts["results"] if r.get("key") and r["value"] >= 1000)
    written = i18n.number(figure, lang)
    assert written != i18n.number(figure, "en" if lang == "es" else "es")  # 69.573 / 69,573

    page, errors = open_filter(browser, f"{served}{prefix}entries/")
    page.get_by_role("checkbox", name=f'{ui["compare"]} {first.title(lang)}', exact=True).check()
    assert page.get_by_role("link", name=ui["cmp_go"]).count() == 0  # one entry is not enough
    page.get_by_role("checkbox", name=f'{ui["compare"]} {second.title(lang)}', exact=True).check()
    assert page.locator(".ce-cmpbar").get_by_text(ui["cmp_count"].format(n=2)).is_visible()
    # It stays in view, under the header, while the reader goes down the list to pick more.
    page.locator("ul.ce-live > li").last.scroll_into_view_if_needed()
    bar = page.locator(".ce-cmpbar").bounding_box()
    assert 0 < bar["y"] < page.viewport_size["height"] / 3
    page.get_by_role("link", name=ui["cmp_go"]).click()

    page.wait_for_selector("#ce-compare table")
    assert page.url == f"{served}{prefix}compare/select/?e={first.slug},{second.slug}"
    heads = page.locator("#ce-compare thead th a")
    assert heads.all_text_contents() == [first.short_title(lang), second.short_title(lang)]
    assert heads.evaluate_all("links => links.map(a => a.href)") == [
        f"{served}{prefix}entries/{e.slug}/" for e in (first, second)]
    label = schema.label("compare_field", "key_results", lang)
    key_row = page.locator("#ce-compare tbody tr", has=page.get_by_role("rowheader", name=label, exact=True))
    assert written in key_row.locator("td").first.text_content()
    for name, value in (("kind", schema.label("kind", first.kind, lang)),
                        ("countries", ", ".join(i18n.country(c, lang) for c in first.facts["countries"]))):
        row = page.locator(f'#ce-compare tr[data-field="{name}"] td').first
        assert row.text_content() == value

    with page.expect_download() as info:
        page.get_by_role("button", name=ui["csv"]).click()
    download = info.value
    assert download.suggested_filename == "compendio-comparison.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for spreadsheets
    rows = {r[0]: r[1:] for r in csv.reader(io.StringIO(raw.decode("utf-8-sig")))}
    assert rows[ui["field"]] == [first.short_title(lang), second.short_title(lang)]
    assert rows[ui["address"]] == [f"{served}{prefix}entries/{e.slug}/" for e in (first, second)]
    assert written in rows[label][0]
    kinds = [schema.label("kind", e.kind, lang) for e in (first, second)]
    assert rows[schema.label("compare_field", "kind", lang)] == kinds
    assert errors == []
    page.close()


@pytest.mark.parametrize("lang,prefix", LANGS)
def test_a_comparison_needs_two_to_four_entries(browser, served, cat, lang, prefix):
    ui = panel.ui_strings(lang)
    slugs = list(cat.entries)
    cases = ((slugs[0], None), (",".join(slugs[:5]), None), (f"{slugs[0]},no-such-entry", "no-such-entry"))
    for query, unknown in cases:
        page = browser.new_page()
        page.goto(f"{served}{prefix}compare/select/?e={query}")
        page.wait_for_selector("#ce-compare .ce-note")
        assert page.locator("#ce-compare table").count() == 0
        assert ui["cmp_need"] in page.locator("#ce-compare").text_content()
        back = page.get_by_role("link", name=ui["cmp_back"])
        assert back.evaluate("a => a.href") == f"{served}{prefix}entries/"
        if unknown:
            assert ui["cmp_unknown"].format(list=unknown) in page.locator("#ce-compare").text_content()
        page.close()
