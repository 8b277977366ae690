"""Charts as inline SVG, made at build time: a world map of entries per country, horizontal bars, a timeline.

Pure functions: data in, one SVG string out, with nothing fetched and no script. Each chart is readable without
colour (every number is written on it) and carries a <title> and a <desc> that summarises it; the pages also give
the numbers as a table. All text is escaped. Ids start with "ce-map-" or "ce-chart-" and a hash of the chart's
inputs, so two different charts on one page never share one.

The SVG is one line with no blank line, so Markdown leaves it alone inside a block-level element: put it in a
<figure> (or <div>) on its own lines, e.g. f'<figure class="ce-figure">\\n{svg}\\n</figure>\\n'. Pages whose HTML
is cleaned by compendio.sanitize (entries/, collections/) would lose it: nh3 keeps no SVG.

The country shapes come from data/geo/countries.json (Natural Earth via world-atlas, Robinson projection, made by
scripts/make_geo.py; see data/geo/README.md).
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from functools import cache
from html import escape
from pathlib import Path

from . import i18n

GEO_FILE = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries.json"

# Sequential scale (indigo, like the site's palette): each step has at least 3:1 contrast against white and
# against the grey of countries without entries, so a shape with entries stands out without relying on hue.
SCALE = ("#6878cc", "#3f51b5", "#283593", "#121a5c")
NO_ENTRIES = "#e6e6e6"
MAP_WIDTH = 1000.0     # px: the map fills the content column (narrower than this on every layout)
MARKER = 0.4           # radius of the marker circle of a small country, in font sizes
BORDER = "#ffffff"
INK = "#1a1a1a"        # text (with a white halo where it sits on shapes)
BAR = "#5c6bc0"        # bars: this fill with a dark outline, so they print in black and white
BAR_EDGE = "#1a237e"

def _t(lang: str, key: str, **values) -> str:
    """A chart's interface string from data/ui.yml (keys chart_*)."""
    return i18n.ui(f"chart_{key}", lang, **values)


def entries_text(n: int, lang: str) -> str:
    """"12 entradas" / "1 entry": a count of entries in words, for labels and tooltips."""
    return _t(lang, "entry" if n == 1 else "entries", n=i18n.number(n, lang))


def _uid(prefix: str, *parts) -> str:
    digest = hashlib.sha1(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    return f"{prefix}{digest[:8]}"


def _n(v: float) -> str:
    """A coordinate with at most one decimal, as short as possible."""
    s = f"{v:.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def _n2(v: float) -> str:
    """A length with two significant decimals (stroke widths, radii)."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return s or "0"


def _text_width(text: str, size: float) -> float:
    """Rough width of text in a sans-serif face (digits and most letters are about 0.55-0.6 em)."""
    return len(text) * 0.6 * size


def _svg_open(uid: str, viewbox: tuple, title: str, desc: str, role: str, css_class: str, width: float) -> str:
    """The <svg> start tag with its title and desc. Responsive: drawn `width` px wide at most, narrower when its
    container is (max-width:100%), keeping its proportions. A fixed width rather than width:100%, because
    Material's <figure> is as wide as its content, in which a 100 % wide SVG would fall back to 300 px."""
    x, y, w, h = viewbox
    height = width * h / w
    return (f'<svg xmlns="http://www.w3.org/2000/svg" id="{uid}" class="{css_class}" '
            f'viewBox="{_n(x)} {_n(y)} {_n(w)} {_n(h)}" width="{_n(width)}" height="{_n(height)}" '
            f'style="max-width:100%;height:auto" role="{role}" aria-labelledby="{uid}-title" '
            f'aria-describedby="{uid}-desc">'
            f'<title id="{uid}-title">{escape(title)}</title><desc id="{uid}-desc">{escape(desc)}</desc>')


# ---------------------------------------------------------------------------------------------------- map
@cache
def geometry() -> dict:
    """Country shapes in the Robinson projection, keyed by ISO 3166-1 alpha-2 code (see scripts/make_geo.py)."""
    return json.loads(GEO_FILE.read_text(encoding="utf-8"))


_TOKEN = re.compile(r"[MLlz]|-?(?:\d+\.?\d*|\.\d+)")


def _rings(d: str) -> list[list[tuple[float, float]]]:
    """The rings of a path made by scripts/make_geo.py (absolute M, relative l, z)."""
    rings, ring, cmd, nums, x, y = [], [], "", [], 0.0, 0.0
    for tok in _TOKEN.findall(d) + ["M"]:
        if tok in ("M", "l", "L", "z"):
            cmd = tok
            if tok in ("M", "z") and ring:
                rings.append(ring)
                ring = []
            continue
        nums.append(float(tok))
        if len(nums) == 2:
            x, y = (nums[0], nums[1]) if cmd in ("M", "L") else (x + nums[0], y + nums[1])
            ring.append((x, y))
            nums = []
            if cmd == "M":
                cmd = "l"
    return rings


@cache
def _land() -> list[tuple[str, tuple, list]]:
    """(code, box, rings) of every shape, for telling land from sea where a label might go."""
    out = []
    for code, c in geometry()["countries"].items():
        rings = _rings(c["d"])
        xs, ys = [p[0] for r in rings for p in r], [p[1] for r in rings for p in r]
        out.append((code, (min(xs), min(ys), max(xs), max(ys)), rings))
    for d in geometry()["other"]:
        rings = _rings(d)
        xs, ys = [p[0] for r in rings for p in r], [p[1] for r in rings for p in r]
        out.append(("", (min(xs), min(ys), max(xs), max(ys)), rings))
    return out


@cache
def _main_box(code: str) -> tuple[float, float, float, float]:
    """The box of a country's main parts: those at least a fifth the size of its largest (Indonesia's Papua,
    but not France's Guiana), for cropping the map around it."""
    rings = next(r for c, _, r in _land() if c == code)
    areas = [abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1], strict=True))) / 2
             for r in rings]
    parts = [r for r, a in zip(rings, areas, strict=True) if a >= 0.2 * max(areas)]
    xs, ys = [p[0] for r in parts for p in r], [p[1] for r in parts for p in r]
    return min(xs), min(ys), max(xs), max(ys)


def _inside(x: float, y: float, rings) -> bool:
    inside = False
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
    return inside


def _where(x: float, y: float) -> str | None:
    """The code of the country at a point, "" for land of no country, None for sea."""
    for code, (x0, y0, x1, y1), rings in _land():
        if x0 <= x <= x1 and y0 <= y <= y1 and _inside(x, y, rings):
            return code
    return None


def _safe_href(href: str | None) -> str | None:
    """A link the map may use: relative, or http(s). Anything else (javascript:, data:...) is not linked."""
    if not href:
        return None
    scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", href)
    return href if scheme is None or scheme.group(1).lower() in ("http", "https") else None


def _nice(v: float) -> int:
    """The nearest of 1, 2, 3, 5, 10, 20, 30, 50, ... (on a log scale)."""
    if v <= 1:
        return 1
    exp = 10 ** math.floor(math.log10(v))
    return min((m * exp for m in (1, 2, 3, 5, 10)), key=lambda c: abs(math.log(v / c)))


def classes(counts) -> list[tuple[int, int]]:
    """Up to len(SCALE) classes (lowest, highest count) covering 1..max, spaced evenly on a log scale."""
    top = max(counts, default=0)
    if top < 1:
        return []
    starts = sorted({1, *(_nice(top ** (k / len(SCALE))) for k in range(1, len(SCALE)))} - {0})
    starts = [s for s in starts if s <= top]
    return [(s, (starts[i + 1] - 1) if i + 1 < len(starts) else top) for i, s in enumerate(starts)]


def _class_of(n: int, bins) -> int:
    return max(i for i, (lo, _) in enumerate(bins) if n >= lo)


def _range_text(lo: int, hi: int, lang: str) -> str:
    return i18n.number(lo, lang) if lo == hi else f"{i18n.number(lo, lang)}–{i18n.number(hi, lang)}"


def _crop(codes, geo, crop: bool) -> tuple[float, float, float, float]:
    """The viewBox (x, y, w, h): the box of the countries with entries plus a margin, at least 30 % of the
    world's width, between 1:1 and 2.1:1, inside the world; the whole world if crop is false or nothing to show."""
    bx0, by0, bx1, by1 = geo["bounds"]
    world = (bx0 - 5, by0 - 5, bx1 - bx0 + 10, by1 - by0 + 10)
    boxes = []
    for c in codes:
        if c in geo["countries"]:
            boxes.append(_main_box(c))
        elif c in geo["points"]:
            x, y = geo["points"][c]["label"]
            boxes.append([x - 5, y - 5, x + 5, y + 5])
    if not crop or not boxes:
        return world
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    margin = 0.06 * (bx1 - bx0)
    x0, y0, x1, y1 = x0 - margin, y0 - margin, x1 + margin, y1 + margin
    w, h = x1 - x0, y1 - y0
    min_w = 0.3 * (bx1 - bx0)
    if w < min_w:
        x0, w = x0 - (min_w - w) / 2, min_w
    if w / h > 2.1:
        y0, h = y0 - (w / 2.1 - h) / 2, w / 2.1
    elif w / h < 1:
        x0, w = x0 - (h - w) / 2, h
    wx, wy, ww, wh = world
    w, h = min(w, ww), min(h, wh)
    x0 = min(max(x0, wx), wx + ww - w)
    y0 = min(max(y0, wy), wy + wh - h)
    return (x0, y0, w, h)


def _overlaps(a, b, pad=0.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


# Label placement is the slow part of a map, and the same for both languages' maps: made once per layout.
_PLACED: dict = {}


def _place_labels(items, viewbox, font):
    """Place each label (number) at its country's label point, or, when it does not fit there or would cover
    another label or marker, at the nearest free spot around it (with a leader line back to the point).

    items: dicts with code, x, y (label point), text, tiny (has a marker), fits (label fits inside the shape).
    Larger countries first, so the labels of small ones move. A label never covers another label or marker;
    among the free spots around its point it prefers the sea, then land without entries, and it avoids other
    countries with entries (so that the "4" of Ecuador goes into the Pacific rather than onto Colombia), the
    nearer the better. Returns {code: (lx, ly, leader)}."""
    vx, vy, vw, vh = viewbox
    taken = [(it["x"] - it["r"], it["y"] - it["r"], it["x"] + it["r"], it["y"] + it["r"]) for it in items if it["tiny"]]
    with_entries = {it["code"] for it in items}
    placed = {}

    def cover(bbox, own) -> float:
        """How much the label would hide: 3 per sample point on another country with entries, 1 on other land."""
        x0, y0, x1, y1 = bbox
        cost = 0.0
        for sx in (x0, (x0 + x1) / 2, x1):
            for sy in (y0, (y0 + y1) / 2, y1):
                at = _where(sx, sy)
                cost += 0 if at is None or at == own else 3 if at in with_entries else 1
        return cost

    for it in items:
        w, h = _text_width(it["text"], font) + 0.2 * font, 0.9 * font
        x, y, r = it["x"], it["y"], it["r"] if it["tiny"] else MARKER * font
        own = (x - r, y - r, x + r, y + r) if it["tiny"] else None
        candidates = [] if it["tiny"] or not it["fits"] else [(0.0, 0.0)]
        gap = r + 0.25 * font
        for ring in (1.0, 1.8, 2.8, 4.0):
            d = gap * ring
            # right, left, above, below, then the diagonals (offsets of the label's centre)
            candidates += [(d + w / 2, 0), (-d - w / 2, 0), (0, -d - h / 2), (0, d + h / 2),
                           (d + w / 2, -d), (-d - w / 2, -d), (d + w / 2, d), (-d - w / 2, d)]
        best, best_cost = None, None
        for dx, dy in candidates:
            cx, cy = x + dx, y + dy
            bbox = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if bbox[0] < vx or bbox[2] > vx + vw or bbox[1] < vy or bbox[3] > vy + vh:
                continue
            if any(_overlaps(bbox, t, 0.1 * font) for t in taken if t is not own):
                continue
            if (dx, dy) == (0.0, 0.0):   # fits on its own shape, and free: take it
                best = (cx, cy, bbox, False)
                break
            # each step further out costs as much as covering two sample points of land
            cost = cover(bbox, it["code"]) + 2 * math.hypot(dx, dy) / gap
            if best_cost is None or cost < best_cost - 1e-9:
                best, best_cost = (cx, cy, bbox, True), cost
        if best is None:  # nowhere free: keep it on its point (still readable through the halo)
            best = (x, y, (x - w / 2, y - h / 2, x + w / 2, y + h / 2), False)
        cx, cy, bbox, moved = best
        taken.append(bbox)
        leader = None
        if moved:
            # a line from the point (or the marker's edge) to the nearest edge of the label, unless the label
            # sits right beside the marker
            ex, ey = min(max(x, bbox[0]), bbox[2]), min(max(y, bbox[1]), bbox[3])
            length = math.hypot(ex - x, ey - y)
            start = r if it["tiny"] else 0.0
            if length - start > (0.4 * font if it["tiny"] else 0.1):
                sx, sy = x + (ex - x) * start / length, y + (ey - y) * start / length
                leader = (sx, sy, ex, ey)
        placed[it["code"]] = (cx, cy, leader)
    return placed


def world_map(counts: dict[str, int], names: dict[str, str], hrefs: dict[str, str], lang: str, title: str,
              *, crop: bool = True) -> str:
    """A world map as inline SVG: each country with entries filled (a sequential scale), linked to its page
    with an aria-label such as "Colombia: 12 entradas", a tooltip and its number written on it; the others grey.

    counts: ISO alpha-2 -> number of entries; names: ISO -> localized name; hrefs: ISO -> relative link (only
    countries with entries have one). crop: show only the area with entries (plus a margin) instead of the
    whole world. Countries too small for the map's scale get a marker circle; a country the geometry does not
    know is left out of the drawing but still named in the description.

    The <svg> has role="group" (not "img": ARIA makes the children of an img presentational, so some screen
    readers would not reach the links), a <title> and a <desc> listing every country with its count."""
    geo = geometry()
    counts = {c: int(n) for c, n in counts.items() if n and n > 0}
    hrefs = {c: h for c, h in ((c, _safe_href(h)) for c, h in hrefs.items()) if h and c in counts}
    name = lambda c: names.get(c) or c  # noqa: E731
    order = sorted(counts, key=lambda c: (-counts[c], name(c).casefold()))
    listing = "; ".join(f"{name(c)}: {i18n.number(counts[c], lang)}" for c in order)
    desc = _t(lang, "map_desc", list=listing) if counts else _t(lang, "map_desc_none")
    uid = _uid("ce-map-", lang, title, sorted(counts.items()), sorted(hrefs.items()), crop)

    vx, vy, vw, vh = _crop(counts, geo, crop)
    font = vw / 55                      # about 13 px on a 720 px wide column, whatever the crop
    legend_h = 2.2 * font
    map_box = (vx, vy, vw, vh)
    viewbox = (vx, vy, vw, vh + legend_h)
    bins = classes(counts.values())
    in_view = lambda b: _overlaps(b, (vx, vy, vx + vw, vy + vh))  # noqa: E731

    out = [_svg_open(uid, viewbox, title, desc, "group", "ce-map", MAP_WIDTH)]
    # Stroke widths in viewBox units, proportional to its width: the same on screen whatever the crop
    # (about 0.5, 1.6 and 3 px on a 800 px wide map). Hover and keyboard focus outline the country.
    border, hover, focus = vw / 1600, vw / 500, vw / 260
    out.append(
        f"<style>#{uid} .ce-map-on:hover path,#{uid} .ce-map-on:hover circle{{stroke:#000;stroke-width:{_n2(hover)}px}}"
        f"#{uid} .ce-map-on:focus{{outline:none}}"
        f"#{uid} .ce-map-on:focus-visible path,#{uid} .ce-map-on:focus-visible circle"
        f"{{stroke:#000;stroke-width:{_n2(focus)}px}}</style>")
    # Countries without entries: grey, not links, hidden from assistive technology (the desc names the others).
    boxes = {code: box for code, box, _ in _land()}
    grey = [f'<path d="{c["d"]}">' + (f"<title>{escape(names[code])}</title>" if code in names else "") + "</path>"
            for code, c in geo["countries"].items() if code not in counts and in_view(boxes[code])]
    grey += [f'<path d="{d}"/>' for d in geo["other"]]
    out.append(f'<g aria-hidden="true" fill="{NO_ENTRIES}" stroke="{BORDER}" stroke-width="{_n2(border)}" '
               f'fill-rule="evenodd">{"".join(grey)}</g>')

    items = _map_items(counts, geo, font, lang)
    links = []
    for it in items:
        code, n = it["code"], counts[it["code"]]
        fill = SCALE[_class_of(n, bins)]
        label = f"{name(code)}: {entries_text(n, lang)}"
        tip = f"<title>{escape(label)}</title>"
        body = f'<path d="{it["shape"]["d"]}">{tip}</path>' if it["shape"] else ""
        if it["tiny"]:
            body += (f'<circle cx="{_n(it["x"])}" cy="{_n(it["y"])}" r="{_n2(it["r"])}" stroke="{INK}" '
                     f'stroke-width="{_n2(2 * border)}">{tip}</circle>')
        href = hrefs.get(code)
        if href:
            links.append(f'<a class="ce-map-on" href="{escape(href)}" aria-label="{escape(label)}" fill="{fill}">'
                         f"{body}</a>")
        else:  # counted but no page to link to: drawn the same, not a link
            links.append(f'<g class="ce-map-nolink" role="img" aria-label="{escape(label)}" fill="{fill}">{body}</g>')
    out.append(f'<g stroke="{BORDER}" stroke-width="{_n2(border)}" fill-rule="evenodd">{"".join(links)}</g>')

    out.append(_map_numbers(items, hrefs, map_box, font, border))
    out.append(_legend(vx, vy + vh, font, bins, border, lang))
    out.append("</svg>")
    return "".join(out)


def _map_items(counts: dict, geo: dict, font: float, lang: str) -> list[dict]:
    """The countries with entries, as the map draws them: where, how large, the number written on them, and
    whether they get a marker (too small to see) or their number fits inside."""
    # Larger first, so the markers of small ones are drawn over their neighbours.
    items = []
    for code in counts:
        shape = geo["countries"].get(code)
        point = geo["points"].get(code)
        if shape is None and point is None:
            continue
        x, y = (shape or point)["label"]
        area = (shape or point)["area"]
        text = i18n.number(counts[code], lang)
        tiny = shape is None or area < (1.2 * font) ** 2
        fits = shape is not None and shape["r"] >= 0.42 * font and _text_width(text, font) <= 2.4 * shape["r"]
        items.append({"code": code, "x": x, "y": y, "area": area, "text": text, "tiny": tiny, "fits": fits,
                      "shape": shape})
    items.sort(key=lambda it: (-it["area"], it["code"]))
    # Markers as large as MARKER, but no larger than half the way to the nearest other marker (down to a quarter
    # of the font size), so that neighbouring small countries (Belgium, the Netherlands...) stay apart.
    tiny = [it for it in items if it["tiny"]]
    for it in tiny:
        nearest = min((math.hypot(it["x"] - o["x"], it["y"] - o["y"]) for o in tiny if o is not it), default=math.inf)
        it["r"] = max(0.25 * font, min(MARKER * font, 0.5 * nearest))
    return items


def _map_numbers(items: list[dict], hrefs: dict, map_box: tuple, font: float, border: float) -> str:
    """The numbers: on the country, or beside it with a leader line; also links (for the mouse), hidden from
    assistive technology and out of the tab order, since the shape's link already says it all."""
    key = (tuple(tuple(sorted((k, v) for k, v in it.items() if k != "shape")) for it in items), tuple(map_box), font)
    if key not in _PLACED:
        if len(_PLACED) > 16:
            _PLACED.clear()
        _PLACED[key] = _place_labels(items, map_box, font)
    placed = _PLACED[key]
    lines, labels = [], []
    for it in items:
        cx, cy, leader = placed[it["code"]]
        if leader:
            lines.append(f'<line x1="{_n(leader[0])}" y1="{_n(leader[1])}" x2="{_n(leader[2])}" y2="{_n(leader[3])}"/>')
        text = f'<text x="{_n(cx)}" y="{_n(cy + 0.35 * font)}">{escape(it["text"])}</text>'
        href = hrefs.get(it["code"])
        labels.append(f'<a href="{escape(href)}" tabindex="-1">{text}</a>' if href else text)
    return ('<g aria-hidden="true">'
            + (f'<g stroke="{INK}" stroke-width="{_n2(2 * border)}">{"".join(lines)}</g>' if lines else "")
            + f'<g font-size="{_n(font)}" font-weight="700" fill="{INK}" text-anchor="middle" '
            f'stroke="#fff" stroke-width="{_n(0.28 * font)}" stroke-linejoin="round" paint-order="stroke">'
            f'{"".join(labels)}</g></g>')


def _legend(vx: float, bottom: float, font: float, bins, border: float, lang: str) -> str:
    """The legend, in a strip below the map: one swatch per class, and one for countries without entries."""
    lx, ly = vx + 0.5 * font, bottom + 1.1 * font
    sw = 0.9 * font
    base = ly + 0.35 * font
    parts = [f'<text x="{_n(lx)}" y="{_n(base)}">{escape(_t(lang, "legend"))}:</text>']
    x = lx + _text_width(_t(lang, "legend") + ":", font) * 0.95 + 0.6 * font
    for (lo, hi), colour in zip(bins, SCALE, strict=False):  # as many colours as classes, or more
        text = _range_text(lo, hi, lang)
        parts.append(f'<rect x="{_n(x)}" y="{_n(ly - sw / 2)}" width="{_n(sw)}" height="{_n(sw)}" fill="{colour}"/>'
                     f'<text x="{_n(x + sw + 0.3 * font)}" y="{_n(base)}">{escape(text)}</text>')
        x += sw + 0.3 * font + _text_width(text, font) + 0.9 * font
    parts.append(f'<rect x="{_n(x)}" y="{_n(ly - sw / 2)}" width="{_n(sw)}" height="{_n(sw)}" fill="{NO_ENTRIES}" '
                 f'stroke="#9e9e9e" stroke-width="{_n2(2 * border)}"/>'
                 f'<text x="{_n(x + sw + 0.3 * font)}" y="{_n(base)}">{escape(_t(lang, "no_entries"))}</text>')
    return f'<g aria-hidden="true" font-size="{_n(font)}" fill="{INK}">{"".join(parts)}</g>'


# ---------------------------------------------------------------------------------------------------- bars
def _truncate(text: str, size: float, width: float) -> str:
    if _text_width(text, size) <= width:
        return text
    keep = max(1, int(width / (0.6 * size)) - 1)
    return text[:keep].rstrip() + "…"


def bar_chart(rows: list[tuple[str, float, str]], title: str, unit_label: str, lang: str) -> str:
    """Horizontal bars as inline SVG, one per row (label, value, formatted value), each labelled with its
    formatted value. Negative values go left of a zero line. role="img"; the <desc> lists every value."""
    width, font, row_h, bar_h, top = 560.0, 13.0, 26.0, 16.0, 8.0
    values = [float(v) for _, v, _ in rows]
    lo, hi = min([0.0, *values]), max([0.0, *values])
    if hi == lo:
        hi = lo + 1
    label_w = min(max((_text_width(name, font) for name, _, _ in rows), default=0) + 8, 0.4 * width)
    value_w = max((_text_width(t, font) for _, _, t in rows), default=0) + 6
    x0 = label_w + 8 + (value_w if lo < 0 else 0)
    x1 = width - (value_w if hi > 0 else 0) - 4
    scale = (x1 - x0) / (hi - lo)
    zero = x0 - lo * scale
    unit = _t(lang, "unit", unit=unit_label) if unit_label else ""
    listing = "; ".join(f"{name}: {t}" for name, _, t in rows)
    desc = _t(lang, "bar_desc", unit=unit, n=len(rows), list=listing)
    uid = _uid("ce-chart-", "bar", lang, title, unit_label, [list(r) for r in rows])
    height = top + len(rows) * row_h + (font * 2 if unit_label else font * 0.5)

    out = [_svg_open(uid, (0, 0, width, height), title, desc, "img", "ce-chart ce-chart-bars", width)]
    out.append(f'<g font-size="{_n(font)}" fill="{INK}">')
    for i, (label, value, text) in enumerate(rows):
        y = top + i * row_h
        cy = y + row_h / 2
        ty = cy + 0.35 * font   # text baseline that centres it on the bar
        v = float(value)
        bx, bw = (zero, v * scale) if v >= 0 else (zero + v * scale, -v * scale)
        shown = escape(_truncate(label, font, label_w - 4))
        value_text = (f'<text x="{_n(zero + v * scale + 4)}" y="{_n(ty)}">{escape(text)}</text>' if v >= 0 else
                      f'<text x="{_n(zero + v * scale - 4)}" y="{_n(ty)}" text-anchor="end">{escape(text)}</text>')
        out.append(f'<g class="ce-chart-row"><title>{escape(label)}: {escape(text)}</title>'
                   f'<text x="{_n(label_w)}" y="{_n(ty)}" text-anchor="end">{shown}</text>'
                   f'<rect class="ce-chart-bar" x="{round(bx, 2)}" y="{_n(cy - bar_h / 2)}" width="{round(bw, 2)}" '
                   f'height="{_n(bar_h)}" fill="{BAR}" stroke="{BAR_EDGE}" stroke-width="1" '
                   f'data-value="{escape(str(value))}"/>{value_text}</g>')
    bottom = top + len(rows) * row_h
    out.append(f'<line x1="{_n(zero)}" y1="{_n(top)}" x2="{_n(zero)}" y2="{_n(bottom)}" stroke="{INK}" '
               'stroke-width="1"/>')
    if unit_label:
        out.append(f'<text x="{_n(x1)}" y="{_n(bottom + font)}" text-anchor="end" font-style="italic">'
                   f"{escape(unit_label)}</text>")
    out.append("</g></svg>")
    return "".join(out)


def timeline_chart(counts: dict[int, int], title: str, lang: str) -> str:
    """Entries per year as vertical bars, one per year from the first to the last (a year without entries gets
    an empty bar and a 0), each with its year below and its count above. role="img"; the <desc> lists them."""
    years = list(range(min(counts), max(counts) + 1)) if counts else []
    font, plot_h, top, left = 12.0, 150.0, 4.0, 6.0
    width = max(560.0, len(years) * 16.0 + 2 * left)
    slot = (width - 2 * left) / max(len(years), 1)
    bar_w = slot * 0.7
    year_w = _text_width("0000", font)
    vertical = year_w + 4 > slot           # years written upwards when they do not fit side by side
    axis_h = (year_w + 8) if vertical else font * 1.8
    top_count = max((counts.get(y, 0) for y in years), default=0) or 1
    count_font = min(font, max(8.0, (slot - 2) / (0.6 * max((len(i18n.number(c, lang)) for c in counts.values()),
                                                              default=1))))
    head = count_font * 1.5
    base = top + head + plot_h
    height = base + axis_h
    nonzero = [y for y in years if counts.get(y, 0)]
    listing = "; ".join(f"{y}: {i18n.number(counts[y], lang)}" for y in nonzero)
    if len(nonzero) < len(years):
        listing += _t(lang, "timeline_rest")
    desc = _t(lang, "timeline_desc", first=years[0], last=years[-1], list=listing) if years else ""
    uid = _uid("ce-chart-", "timeline", lang, title, sorted(counts.items()))

    out = [_svg_open(uid, (0, 0, width, height), title, desc, "img", "ce-chart ce-chart-timeline", width)]
    out.append(f'<g font-size="{_n(font)}" fill="{INK}" text-anchor="middle">')
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        cx = left + slot * (i + 0.5)
        h = plot_h * n / top_count
        out.append(f'<g class="ce-chart-year"><title>{year}: {escape(entries_text(n, lang))}</title>'
                   f'<rect class="ce-chart-bar" x="{_n(cx - bar_w / 2)}" y="{_n(base - h)}" width="{_n(bar_w)}" '
                   f'height="{_n(h)}" fill="{BAR}" stroke="{BAR_EDGE}" stroke-width="{1 if n else 0}" '
                   f'data-year="{year}"/>'
                   f'<text x="{_n(cx)}" y="{_n(base - h - 0.4 * count_font)}" font-size="{_n(count_font)}">'
                   f"{escape(i18n.number(n, lang))}</text>")
        if vertical:
            out.append(f'<text x="{_n(cx)}" y="{_n(base + 4 + 0.35 * font)}" text-anchor="end" '
                       f'transform="rotate(-90 {_n(cx)} {_n(base + 4)})">{year}</text></g>')
        else:
            out.append(f'<text x="{_n(cx)}" y="{_n(base + font * 1.3)}">{year}</text></g>')
    out.append(f'<line x1="{_n(left)}" y1="{_n(base)}" x2="{_n(width - left)}" y2="{_n(base)}" stroke="{INK}" '
               f'stroke-width="1"/></g></svg>')
    return "".join(out)
