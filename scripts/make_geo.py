#!/usr/bin/env python3
"""Make data/geo/countries.json, the country shapes of the world map, from the npm package world-atlas.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz     # gives package/countries-*.json
    python scripts/make_geo.py package/                              # writes data/geo/countries.json

Run once, by hand, when the geometry should change; the build only reads the JSON it writes. Needs nothing
beyond the project's own dependencies: ISO 3166-1 numeric ids become alpha-2 codes through CLDR's territory
aliases (Babel).

What it does, all in plain Python: decodes the TopoJSON of Natural Earth 1:110m (countries-110m.json), projects
it with the Robinson projection into a frame 1000 units wide, simplifies each shared border once (Douglas-Peucker,
so neighbours keep a common edge), cuts the shapes that cross 180°, drops Antarctica and islets too small to see,
and writes per ISO alpha-2 code an SVG path (coordinates to 0.1 unit), the point where a label fits best (pole of
inaccessibility of the largest part), the radius of the largest circle inside that part, its box, and the
country's area. Countries too small for the 1:110m file (Singapore, Malta, Andorra...) get a point from the 1:50m
file, so that a map can still mark them.
"""
from __future__ import annotations

import argparse
import heapq
import itertools
import json
import math
import sys
from pathlib import Path

from _common import ROOT
from babel.core import get_global

OUT = ROOT / "data" / "geo" / "countries.json"
WIDTH = 1000.0                      # projected width of the whole world, in SVG units
TOLERANCE = 0.35                    # Douglas-Peucker tolerance, SVG units (0.035 % of the width)
MIN_ISLAND = 1.0                    # parts smaller than this (units²) are dropped, except a country's largest
DROP = {"AQ"}                       # Antarctica
BY_NAME = {"Kosovo": "XK"}          # features without a numeric id that have a code
UNCLAIMED = {"N. Cyprus", "Somaliland"}  # drawn as land, never as a country of their own
# Territories neither atlas file draws on their own (most are part of another country's shape there): an
# approximate centre (longitude, latitude) of their main island or land, so that a map can still mark them.
EXTRA_POINTS = {
    "BQ": (-68.27, 12.18), "BV": (3.40, -54.42), "CC": (96.85, -12.15), "CX": (105.65, -10.48),
    "GF": (-53.10, 3.95), "GI": (-5.35, 36.14), "GP": (-61.55, 16.25), "MQ": (-61.02, 14.65),
    "RE": (55.53, -21.12), "SJ": (16.00, 78.50), "TK": (-171.85, -9.20), "TV": (179.20, -8.52),
    "YT": (45.15, -12.82),
}

# Robinson projection table (Robinson 1974, as given by Snyder, "Map Projections: A Working Manual", p. 84).
_ROBINSON = [  # latitude, X (parallel length), Y (distance from the equator)
    (0, 1.0000, 0.0000), (5, 0.9986, 0.0620), (10, 0.9954, 0.1240), (15, 0.9900, 0.1860),
    (20, 0.9822, 0.2480), (25, 0.9730, 0.3100), (30, 0.9600, 0.3720), (35, 0.9427, 0.4340),
    (40, 0.9216, 0.4958), (45, 0.8962, 0.5571), (50, 0.8679, 0.6176), (55, 0.8350, 0.6769),
    (60, 0.7986, 0.7346), (65, 0.7597, 0.7903), (70, 0.7186, 0.8435), (75, 0.6732, 0.8936),
    (80, 0.6213, 0.9394), (85, 0.5722, 0.9761), (90, 0.5322, 1.0000),
]
_R = WIDTH / (2 * math.pi * 0.8487)
HEIGHT = 2 * 1.3523 * _R


def robinson(lon: float, lat: float) -> tuple[float, float]:
    """(lon, lat) in degrees -> (x, y) in SVG units, x from 0 (180°W) to WIDTH, y down from 0 (90°N)."""
    a = min(abs(lat), 90.0)
    i = min(int(a // 5), 17)
    t = (a - 5 * i) / 5
    (_, x0, y0), (_, x1, y1) = _ROBINSON[i], _ROBINSON[i + 1]
    px, py = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
    x = WIDTH / 2 + 0.8487 * _R * px * math.radians(lon)
    y = HEIGHT / 2 - math.copysign(1.3523 * _R * py, lat)
    return x, y


# ---------------------------------------------------------------------------------------------- TopoJSON
def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Arcs as (longitude, latitude) points (TopoJSON arcs are quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


# ---------------------------------------------------------------------------------------------- geometry
def simplify(lonlat: list, tolerance: float) -> list:
    """Douglas-Peucker on the projected points, keeping both ends (iterative, so long arcs do not hit the recursion
    limit); returns the (longitude, latitude) points it keeps."""
    if len(lonlat) < 3:
        return lonlat
    points = [robinson(*p) for p in lonlat]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = (abs(dy * (px - ax) - dx * (py - ay)) / norm) if norm else math.hypot(px - ax, py - ay)
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(lonlat, keep, strict=True) if k]


def _clip(ring: list, keep_west: bool, at: float = 180.0) -> list:
    """Sutherland-Hodgman: the part of a ring west (or east) of the meridian `at` (longitudes unwrapped)."""
    inside = (lambda p: p[0] <= at) if keep_west else (lambda p: p[0] >= at)
    out = []
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        if inside(a):
            out.append(a)
        if inside(a) != inside(b):
            t = (at - a[0]) / (b[0] - a[0])
            out.append((at, a[1] + t * (b[1] - a[1])))
    return out


def split_at_antimeridian(polygon: list[list]) -> list[list[list]]:
    """Natural Earth rings that cross 180° (Russia's Chukotka, Fiji) jump from +180 to -180 in the middle: make
    their longitudes continuous, cut them at 180° and move the part beyond back by 360°."""
    outer, holes = polygon[0], polygon[1:]
    if all(abs(a[0] - b[0]) <= 180 for a, b in itertools.pairwise(outer)):
        return [polygon]
    unwrapped = [outer[0]]
    for lon, lat in outer[1:]:
        prev = unwrapped[-1][0]
        lon += 360 * round((prev - lon) / 360)
        unwrapped.append((lon, lat))
    shift = -360 if max(p[0] for p in unwrapped) > 180 else 360   # which way the ring went round
    at = 180.0 if shift == -360 else -180.0
    near, far = _clip(unwrapped, shift == -360, at), _clip(unwrapped, shift != -360, at)
    pieces = []
    if len(near) >= 3:
        pieces.append([near, *holes])
    if len(far) >= 3:
        pieces.append([[(lon + shift, lat) for lon, lat in far]])
    return pieces


def projected(feature: dict, arcs) -> list[list[list]]:
    """A feature's polygons, split at 180 degrees and projected, without degenerate rings."""
    polygons = [[ring_points(r, arcs) for r in polygon] for polygon in polygons_of(feature)]
    polygons = [piece for p in polygons for piece in split_at_antimeridian(p)]
    polygons = [[[robinson(*q) for q in ring] for ring in p] for p in polygons]
    return [p for p in polygons if p and len(p[0]) >= 4]


def area(ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def box(rings) -> list[float]:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return [min(xs), min(ys), max(xs), max(ys)]


def _segment_distance(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    t = 0.0
    if dx or dy:
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _signed_distance(x, y, rings) -> float:
    """Distance from (x, y) to the polygon's outline, negative outside (even-odd rule)."""
    inside, best = False, math.inf
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            best = min(best, _segment_distance(x, y, ax, ay, bx, by))
    return best if inside else -best


def label_point(rings, precision: float = 0.2) -> tuple[float, float, float]:
    """Pole of inaccessibility (the "polylabel" algorithm, Mapbox 2016): the inside point farthest from the edge,
    and that distance (the radius of the largest circle that fits inside)."""
    x0, y0, x1, y1 = box(rings)
    size = min(x1 - x0, y1 - y0)
    if size <= 0:
        return x0, y0, 0.0
    h = size / 2
    queue: list = []

    def push(x, y, half):
        d = _signed_distance(x, y, rings)
        heapq.heappush(queue, (-(d + half * math.sqrt(2)), d, x, y, half))

    x = x0
    while x < x1:
        y = y0
        while y < y1:
            push(x + h, y + h, h)
            y += size
        x += size
    # Start from the area centroid (often good already).
    a = cx = cy = 0.0
    for (ax, ay), (bx, by) in zip(rings[0], rings[0][1:] + rings[0][:1], strict=True):
        f = ax * by - bx * ay
        a, cx, cy = a + f, cx + (ax + bx) * f, cy + (ay + by) * f
    best = ((x0 + x1) / 2, (y0 + y1) / 2) if not a else (cx / (3 * a), cy / (3 * a))
    best_d = _signed_distance(*best, rings)
    while queue:
        _, d, x, y, half = heapq.heappop(queue)
        if d > best_d:
            best, best_d = (x, y), d
        if d + half * math.sqrt(2) - best_d <= precision:
            continue
        half /= 2
        for ox in (-half, half):
            for oy in (-half, half):
                push(x + ox, y + oy, half)
    return best[0], best[1], max(best_d, 0.0)


# ---------------------------------------------------------------------------------------------- output
def tenths(v: float) -> int:
    return round(v * 10)


def number(t: int) -> str:
    """Tenths of a unit as the shortest SVG number: 125 -> "12.5", 120 -> "12", -5 -> "-.5"."""
    whole, frac = divmod(abs(t), 10)
    s = str(whole) if not frac else f"{whole}.{frac}" if whole else f".{frac}"
    return ("-" if t < 0 else "") + s


def join(numbers: list[int]) -> str:
    out = ""
    for i, t in enumerate(numbers):
        s = number(t)
        # A minus sign or a leading "." after a number with no "." separates on its own.
        if i and not (s.startswith("-") or (s.startswith(".") and "." in number(numbers[i - 1]))):
            out += " "
        out += s
    return out


def path(rings) -> str:
    """SVG path data: each ring an absolute moveto and relative linetos, in tenths of a unit."""
    out = []
    for ring in rings:
        pts = [(tenths(x), tenths(y)) for x, y in ring]
        dedup = [pts[0]]
        for p in pts[1:]:
            if p != dedup[-1]:
                dedup.append(p)
        if len(dedup) > 1 and dedup[-1] == dedup[0]:
            dedup.pop()
        if len(dedup) < 3:
            continue
        deltas = []
        for (ax, ay), (bx, by) in itertools.pairwise(dedup):
            deltas += [bx - ax, by - ay]
        out.append(f"M{join(list(dedup[0]))}l{join(deltas)}z")
    return "".join(out)


def r1(v: float) -> float:
    return round(v, 1)


def code_of(feature: dict, aliases: dict) -> str | None:
    name = feature.get("properties", {}).get("name")
    if name in BY_NAME:
        return BY_NAME[name]
    codes = aliases.get(feature.get("id") or "", [])
    return codes[0] if len(codes) == 1 else None


def build(atlas: Path) -> dict:
    aliases = get_global("territory_aliases")
    topo = json.loads((atlas / "countries-110m.json").read_text(encoding="utf-8"))
    arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topo)]
    countries: dict[str, dict] = {}
    other: list[str] = []
    bounds: list[list[float]] = []
    for feature in topo["objects"]["countries"]["geometries"]:
        code = code_of(feature, aliases)
        name = feature.get("properties", {}).get("name")
        if code in DROP:
            continue
        if code is None and name not in UNCLAIMED:
            raise SystemExit(f"no ISO 3166-1 alpha-2 code for feature {feature.get('id')} {name!r}")
        polygons = projected(feature, arcs)
        if not polygons:
            continue
        largest = max(polygons, key=lambda p: area(p[0]))
        kept = [p for p in polygons if p is largest or area(p[0]) >= MIN_ISLAND]
        rings = [r for p in kept for r in p]
        bounds.append(box(rings))
        if code is None:
            other.append(path(rings))
            continue
        if code in countries:
            raise SystemExit(f"{code} appears twice in the atlas")
        lx, ly, inside = label_point(largest)
        countries[code] = {
            "area": r1(sum(area(p[0]) - sum(area(h) for h in p[1:]) for p in kept)),
            "box": [r1(v) for v in box(largest)],
            "label": [r1(lx), r1(ly)],
            "r": r1(inside),
            "d": path(rings),
        }
    # Countries the 1:110m file leaves out: a point (and their small area) from the 1:50m file.
    points: dict[str, dict] = {}
    fine = atlas / "countries-50m.json"
    if fine.exists():
        topo50 = json.loads(fine.read_text(encoding="utf-8"))
        arcs50 = decode_arcs(topo50)
        for feature in topo50["objects"]["countries"]["geometries"]:
            code = code_of(feature, aliases)
            if not code or code in countries or code in DROP:
                continue
            polygons = projected(feature, arcs50)
            if not polygons:
                continue
            largest = max(polygons, key=lambda p: area(p[0]))
            lx, ly, _ = label_point(largest, precision=0.05)
            points[code] = {"area": r1(sum(area(p[0]) for p in polygons)), "label": [r1(lx), r1(ly)]}
    for code, (lon, lat) in EXTRA_POINTS.items():
        if code not in countries and code not in points:
            points[code] = {"area": 0.0, "label": [r1(v) for v in robinson(lon, lat)]}
    x0, y0 = min(b[0] for b in bounds), min(b[1] for b in bounds)
    x1, y1 = max(b[2] for b in bounds), max(b[3] for b in bounds)
    return {
        "source": "Natural Earth 1:110m admin-0 countries (1:50m for the points), via the npm package "
                  "world-atlas@2.0.2 (TopoJSON). Made by scripts/make_geo.py; see data/geo/README.md.",
        "projection": "Robinson; whole world 1000 units wide, x from 180°W, y down from 90°N",
        "bounds": [r1(x0), r1(y0), r1(x1), r1(y1)],
        "countries": dict(sorted(countries.items())),
        "points": dict(sorted(points.items())),
        "other": other,
    }


def dump(data: dict) -> str:
    """JSON with one country a line, so that a change of geometry reads as a diff of the countries it touches."""
    def line(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    out = ["{"]
    for key in ("source", "projection", "bounds"):
        out.append(f" {line(key)}:{line(data[key])},")
    for key in ("countries", "points"):
        items = list(data[key].items())
        out.append(f' {line(key)}:{{')
        out += [f"  {line(k)}:{line(v)}" + ("," if i < len(items) - 1 else "") for i, (k, v) in enumerate(items)]
        out.append(" },")
    out.append(' "other":[')
    out += [f"  {line(d)}" + ("," if i < len(data["other"]) - 1 else "") for i, d in enumerate(data["other"])]
    out.append(" ]")
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("atlas", help="folder with countries-110m.json (and countries-50m.json) of world-atlas@2")
    ap.add_argument("--out", default=str(OUT), help=f"output file (default: {OUT.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    data = build(Path(args.atlas))
    text = dump(data)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(data['countries'])} countries, {len(data['points'])} points, "
          f"{len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
