"""The build-time SVG charts of compendio.charts: the world map, the bar chart and the timeline.

Each chart must be well-formed XML, carry no script and no outside reference, escape every text, write its
numbers on it (readable without colour) and have a title and a description."""
from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET

import markdown
import pytest

from compendio import charts, i18n

SVG = "{http://www.w3.org/2000/svg}"
# Entries per country of documented use (issue 10: WIND, DEC, MESUNCO and EPI have none, so Ecuador has none; Bangladesh
# is the self-help groups' partner country, scope rather than use).
COUNTS = {"PE": 11, "CO": 7, "BO": 7, "GH": 1, "ZA": 1, "IN": 1, "ID": 1, "VN": 1, "CN": 1, "PK": 1}


def names(lang: str) -> dict[str, str]:
    return {code: i18n.country(code, lang) for code in i18n.country_names()}


def hrefs(counts) -> dict[str, str]:
    return {code: f"{code.lower()}/" for code in counts}


def parse(svg: str) -> ET.Element:
    """The SVG as XML, wrapped in an HTML-ish parent as it sits in a page; fails on anything malformed."""
    root = ET.fromstring(f"<div>{svg}</div>")
    (element,) = list(root)
    assert element.tag == SVG + "svg"
    return element


def direct_text(element, tag) -> str:
    child = element.find(SVG + tag)
    return child.text if child is not None else None


def links(svg_root) -> list[ET.Element]:
    """The map's real links: focusable, with an aria-label (the numbers' links are aria-hidden copies)."""
    return [a for a in svg_root.iter(SVG + "a") if a.get("aria-label")]


def no_active_content(svg: str) -> None:
    assert "<script" not in svg.lower()
    assert not re.search(r"\son\w+\s*=", svg), "no event handler attributes"
    assert "javascript:" not in svg.lower()
    assert "xlink:href" not in svg and "url(" not in svg and "@import" not in svg
    for href in re.findall(r'href="([^"]*)"', svg):
        assert not re.match(r"[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith(("http://", "https://")), href


def ids_are_prefixed(svg: str, prefix: str) -> None:
    ids = re.findall(r'\sid="([^"]*)"', svg)
    assert ids and all(i.startswith(prefix) for i in ids), ids
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------------------------------- geometry
def test_stored_geometry_is_small_and_keyed_by_country_code():
    raw = charts.GEO_FILE.read_bytes()
    assert len(raw) < 200_000
    geo = json.loads(raw)
    known = i18n.country_names()
    assert set(geo["countries"]) <= set(known) and set(geo["points"]) <= set(known)
    assert "AQ" not in geo["countries"]                                  # Antarctica dropped
    assert {"CO", "EC", "PE", "BO", "VE", "CL", "AR", "BR"} <= set(geo["countries"])
    assert len(geo["countries"]) > 170 and {"SG", "MT", "AD"} <= set(geo["points"])
    for code, shape in geo["countries"].items():
        assert re.fullmatch(r"(M[-\d. ]+l[-\d. ]+z)+", shape["d"]), code
        # one decimal at most, as stored
        assert not re.search(r"\.\d\d", shape["d"]), code
        x0, y0, x1, y1 = shape["box"]
        assert x0 <= shape["label"][0] <= x1 and y0 <= shape["label"][1] <= y1, code


def test_label_points_are_inside_their_country():
    for code in ("CO", "EC", "PE", "BO", "CL", "VN", "FR", "US", "RU", "ID"):
        x, y = charts.geometry()["countries"][code]["label"]
        assert charts._where(x, y) == code, code


def test_no_shape_crosses_the_map():
    """Shapes crossing 180° (Chukotka, Fiji) are cut there: no part spans most of the world's width."""
    for code, shape in charts.geometry()["countries"].items():
        for ring in charts._rings(shape["d"]):
            xs = [p[0] for p in ring]
            assert max(xs) - min(xs) < 500, code


# --------------------------------------------------------------------------------------------------- map
@pytest.fixture(scope="module", params=["es", "en"])
def lang(request):
    return request.param


@pytest.fixture(scope="module")
def world(lang):
    title = "Entradas por país" if lang == "es" else "Entries by country"
    svg = charts.world_map(COUNTS, names(lang), hrefs(COUNTS), lang, title)
    return svg, parse(svg)


def test_map_has_one_labelled_link_per_country_with_entries(world, lang):
    _svg, root = world
    found = {a.get("href"): a.get("aria-label") for a in links(root)}
    assert set(found) == set(hrefs(COUNTS).values())
    word = "entradas" if lang == "es" else "entries"
    one = "entrada" if lang == "es" else "entry"
    assert found["co/"] == f"Colombia: 7 {word}"
    assert found["pe/"] == ("Perú: 11 entradas" if lang == "es" else "Peru: 11 entries")
    assert found["gh/"] == f"Ghana: 1 {one}"
    for a in links(root):
        # each shape has a tooltip saying the same as the link
        titles = [t.text for t in a.iter(SVG + "title")]
        assert titles and all(t == a.get("aria-label") for t in titles)
        assert a.get("tabindex") is None


def test_map_writes_each_count_on_the_map(world, lang):
    _svg, root = world
    numbers = sorted(t.text for t in root.iter(SVG + "text") if t.text and t.text.isdigit())
    # one number per country with entries, plus the legend's "1"
    assert numbers.count("11") == 1 and numbers.count("7") == 2
    assert numbers.count("1") == 7 + 1
    label_links = [a for a in root.iter(SVG + "a") if a.get("tabindex") == "-1"]
    assert len(label_links) == len(COUNTS)     # the numbers link too, but stay out of the tab order
    for a in label_links:
        assert a.get("aria-label") is None


def test_map_countries_without_entries_are_grey_and_not_links(world, lang):
    _svg, root = world
    grey = [g for g in root.iter(SVG + "g") if g.get("fill") == charts.NO_ENTRIES]
    assert len(grey) == 1 and grey[0].get("aria-hidden") == "true"
    shapes = grey[0].findall(SVG + "path")
    assert len(shapes) > 100
    assert not list(grey[0].iter(SVG + "a"))
    titles = {direct_text(p, "title") for p in shapes}
    assert names(lang)["BR"] in titles and names(lang)["CO"] not in titles
    # countries with entries are filled from the scale, never grey
    for a in links(root):
        assert a.get("fill") in charts.SCALE


def test_map_has_title_desc_and_a_role(world, lang):
    _svg, root = world
    title_id, desc_id = root.get("aria-labelledby"), root.get("aria-describedby")
    assert root.get("role") == "group"        # "img" would hide the links from screen readers
    title = root.find(SVG + "title")
    desc = root.find(SVG + "desc")
    assert title.get("id") == title_id and desc.get("id") == desc_id
    assert title.text == ("Entradas por país" if lang == "es" else "Entries by country")
    # the description names every country with its count, the largest first
    assert desc.text.index("11") < desc.text.index("Colombia") < desc.text.index("Ghana")
    for code in COUNTS:
        assert names(lang)[code] in desc.text
    # responsive: as wide as the column at most, in the proportions of its viewBox
    _vx, _vy, vw, vh = map(float, root.get("viewBox").split())
    assert "max-width:100%" in root.get("style") and "height:auto" in root.get("style")
    assert float(root.get("width")) / float(root.get("height")) == pytest.approx(vw / vh, rel=0.01)


def test_map_is_self_contained(world):
    svg, _ = world
    no_active_content(svg)
    ids_are_prefixed(svg, "ce-map-")
    assert len(svg.encode()) < 150_000


def test_map_escapes_every_text():
    evil = '<script>alert("x")</script> & "quotes" \'single\''
    svg = charts.world_map({"CO": 3, "EC": 1}, {"CO": evil, "EC": "Ecuador", "BR": evil},
                           {"CO": 'co/"><script>x</script>', "EC": "javascript:alert(1)"}, "es", evil)
    root = parse(svg)
    no_active_content(svg)
    assert root.find(SVG + "title").text == evil
    (colombia,) = links(root)                         # the javascript: link is dropped; Ecuador is not a link
    assert colombia.get("aria-label") == f"{evil}: 3 entradas"
    assert colombia.get("href") == 'co/"><script>x</script>'
    assert evil in root.find(SVG + "desc").text
    assert any(g.get("aria-label") == "Ecuador: 1 entrada" for g in root.iter(SVG + "g"))


def test_map_shows_small_countries_with_a_marker():
    counts = {"SG": 2, "MT": 1, "EC": 3, "CO": 5, "LU": 1}
    root = parse(charts.world_map(counts, names("en"), hrefs(counts), "en", "Small"))
    by_href = {a.get("href"): a for a in links(root)}
    for code in ("SG", "MT", "LU"):                    # not in the 1:110m shapes, or too small to click
        assert by_href[f"{code.lower()}/"].find(SVG + "circle") is not None, code
    assert by_href["co/"].find(SVG + "circle") is None


def test_map_labels_do_not_overlap_in_the_andes():
    counts = {"CO": 11, "EC": 4, "PE": 16, "BO": 11, "VE": 2, "CL": 1}
    root = parse(charts.world_map(counts, names("es"), hrefs(counts), "es", "Andes"))
    font = float(next(g.get("font-size") for g in root.iter(SVG + "g") if g.get("font-weight") == "700"))
    boxes = []
    for text in (t for a in root.iter(SVG + "a") if a.get("tabindex") == "-1" for t in a.iter(SVG + "text")):
        x, y, w = float(text.get("x")), float(text.get("y")), len(text.text) * 0.6 * font
        boxes.append((x - w / 2, y - font, x + w / 2, y))
    assert len(boxes) == len(counts)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not charts._overlaps(a, b), (a, b)


def test_map_crop_and_whole_world():
    andes = {"CO": 1, "EC": 1, "PE": 1, "BO": 1}
    cropped = parse(charts.world_map(andes, names("es"), hrefs(andes), "es", "x"))
    whole = parse(charts.world_map(andes, names("es"), hrefs(andes), "es", "x", crop=False))
    width = lambda root: float(root.get("viewBox").split()[2])  # noqa: E731
    assert width(cropped) < 0.5 * width(whole)
    # the cropped map still shows the four countries
    assert len(links(cropped)) == 4


def test_map_without_entries_and_with_unknown_codes():
    empty = charts.world_map({}, names("en"), {}, "en", "Nothing")
    root = parse(empty)
    assert not links(root) and "no country has entries" in root.find(SVG + "desc").text
    odd = charts.world_map({"ZZ": 2, "CO": 1}, {"ZZ": "Nowhere", "CO": "Colombia"}, {"ZZ": "zz/", "CO": "co/"},
                           "en", "x")
    root = parse(odd)
    assert [a.get("href") for a in links(root)] == ["co/"]
    assert "Nowhere: 2" in root.find(SVG + "desc").text


def test_map_is_deterministic_and_ids_differ_between_maps():
    a = charts.world_map({"CO": 2}, names("es"), {"CO": "co/"}, "es", "A")
    assert a == charts.world_map({"CO": 2}, names("es"), {"CO": "co/"}, "es", "A")
    b = charts.world_map({"CO": 3}, names("es"), {"CO": "co/"}, "es", "A")
    assert set(re.findall(r'id="([^"]+)"', a)).isdisjoint(re.findall(r'id="([^"]+)"', b))


def test_map_numbers_follow_the_language():
    counts = {"PE": 1234}
    es = parse(charts.world_map(counts, names("es"), hrefs(counts), "es", "x"))
    en = parse(charts.world_map(counts, names("en"), hrefs(counts), "en", "x"))
    assert links(es)[0].get("aria-label") == f"Perú: {i18n.number(1234, 'es')} entradas"
    assert links(en)[0].get("aria-label") == "Peru: 1,234 entries"


def test_map_scale_contrasts_with_white_and_grey():
    def luminance(colour):
        rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a, b):
        la, lb = sorted((luminance(a), luminance(b)))
        return (lb + 0.05) / (la + 0.05)

    for colour in charts.SCALE:
        assert contrast(colour, "#ffffff") >= 3 and contrast(colour, charts.NO_ENTRIES) >= 3, colour
    assert contrast(charts.BAR, "#ffffff") >= 3


def test_map_classes():
    assert charts.classes([1]) == [(1, 1)]
    assert charts.classes([1, 16]) == [(1, 1), (2, 4), (5, 9), (10, 16)]
    bins = charts.classes([3, 250])
    assert bins[0][0] == 1 and bins[-1][1] == 250 and len(bins) <= len(charts.SCALE)
    assert all(lo <= hi for lo, hi in bins) and all(a[1] + 1 == b[0] for a, b in itertools.pairwise(bins))


def test_svg_survives_markdown_in_a_figure():
    svg = charts.world_map({"CO": 2, "EC": 1}, {"CO": "Colombia *x*", "EC": "E_c_"}, {"CO": "co/"}, "es", "_A_ *B*")
    html = markdown.markdown(f'<figure class="ce-figure">\n{svg}\n</figure>\n',
                             extensions=["attr_list", "md_in_html", "admonition", "tables", "toc"])
    assert svg in html


# --------------------------------------------------------------------------------------------------- bars
def bars(svg):
    return [r for r in parse(svg).iter(SVG + "rect") if r.get("class") == "ce-chart-bar"]


def test_bar_widths_are_proportional_to_values():
    rows = [("Perú", 16.0, "16"), ("Colombia", 11.0, "11"), ("Ecuador", 4.0, "4"), ("Ghana", 1.0, "1")]
    svg = charts.bar_chart(rows, "Entradas por país", "entradas", "es")
    rects = bars(svg)
    assert len(rects) == 4
    widths = [float(r.get("width")) for r in rects]
    for (_, value, _), width in zip(rows, widths, strict=True):
        assert width / widths[0] == pytest.approx(value / 16.0, rel=0.01)
    starts = {float(r.get("x")) for r in rects}
    assert len(starts) == 1                                   # one common baseline
    root = parse(svg)
    texts = [t.text for t in root.iter(SVG + "text")]
    for label, _, formatted in rows:
        assert label in texts and formatted in texts
    assert root.get("role") == "img"
    assert root.find(SVG + "title").text == "Entradas por país"
    desc = root.find(SVG + "desc").text
    assert "Perú: 16" in desc and "Ghana: 1" in desc and "entradas" in desc
    # one colour, outlined, so the bars print in black and white
    assert {r.get("fill") for r in rects} == {charts.BAR} and all(r.get("stroke") for r in rects)
    no_active_content(svg)
    ids_are_prefixed(svg, "ce-chart-")


def test_bar_chart_negative_values_and_escaping():
    evil = "<b>&amp;</b> \"x\""
    rows = [("Bolivia", 4.8, "4,8 %"), (evil, -1.2, "-1,2 %"), ("Perú", 0.0, "0 %")]
    svg = charts.bar_chart(rows, evil, "%", "es")
    root = parse(svg)
    rects = bars(svg)
    widths = [float(r.get("width")) for r in rects]
    assert widths[1] / widths[0] == pytest.approx(1.2 / 4.8, rel=0.01) and widths[2] == 0
    zero = float(rects[2].get("x"))
    assert float(rects[0].get("x")) == pytest.approx(zero)                             # starts at zero
    assert float(rects[1].get("x")) + widths[1] == pytest.approx(zero)                 # ends at zero
    assert root.find(SVG + "title").text == evil
    assert [t.text for t in root.iter(SVG + "title")][2] == f"{evil}: -1,2 %"
    no_active_content(svg)


def test_bar_chart_long_labels_are_shortened_but_kept_in_the_tooltip():
    long = "Programa de desarrollo económico local con un nombre muy largo que no cabe en la columna"
    root = parse(charts.bar_chart([(long, 3.0, "3"), ("B", 1.0, "1")], "T", "", "es"))
    texts = [t.text for t in root.iter(SVG + "text")]
    assert long not in texts and any(t.endswith("…") and long.startswith(t[:-1]) for t in texts)
    assert any(t.text == f"{long}: 3" for t in root.iter(SVG + "title"))


# --------------------------------------------------------------------------------------------------- timeline
def test_timeline_has_a_bar_per_year():
    counts = {2009: 2, 2010: 10, 2011: 11, 2012: 15, 2014: 17, 2016: 19}
    svg = charts.timeline_chart(counts, "Entradas por año", "es")
    root = parse(svg)
    rects = bars(svg)
    years = [int(r.get("data-year")) for r in rects]
    assert years == list(range(2009, 2017))                 # every year, 2013 and 2015 without entries
    heights = {int(r.get("data-year")): float(r.get("height")) for r in rects}
    assert heights[2013] == 0 and heights[2015] == 0
    assert heights[2010] / heights[2016] == pytest.approx(10 / 19, rel=0.01)
    texts = [t.text for t in root.iter(SVG + "text")]
    for year, n in counts.items():
        assert str(year) in texts and str(n) in texts
    assert root.get("role") == "img" and root.find(SVG + "title").text == "Entradas por año"
    desc = root.find(SVG + "desc").text
    assert "2009" in desc and "2016: 19" in desc and "demás años, 0" in desc
    no_active_content(svg)
    ids_are_prefixed(svg, "ce-chart-")


def test_timeline_many_years_and_empty():
    counts = {1980: 3, 2000: 150, 2024: 7}
    svg = charts.timeline_chart(counts, "Entries per year", "en")
    assert len(bars(svg)) == 45
    assert "rotate(-90" in svg                              # years written upwards when they do not fit
    assert "other years, 0" in parse(svg).find(SVG + "desc").text
    parse(charts.timeline_chart({}, "Nothing", "en"))
    parse(charts.bar_chart([], "Nothing", "", "en"))


def test_chart_sizes_are_reasonable():
    rows = [(f"Row {i}", float(i), str(i)) for i in range(30)]
    assert len(charts.bar_chart(rows, "T", "u", "en")) < 20_000
    assert len(charts.timeline_chart({y: y % 7 for y in range(1990, 2025)}, "T", "en")) < 20_000
