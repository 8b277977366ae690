"""Which entries each index page lists: entries grouped by the value of a fact (country, theme, year...).

The rules of membership live here once; the index pages, the home page's counts and the browser's filter data
all follow them."""
from __future__ import annotations

from collections import defaultdict

from .model import Catalogue, Entry

# Index dimensions, in the order the pages list them.
DIMENSIONS = ("countries", "themes", "target_groups", "methodologies", "organisations", "sdgs", "years")


def methodologies_of(e: Entry) -> list[str]:
    """The methodologies an entry is listed under: those it applied, and a methodology under its own slug."""
    own = [e.slug] if e.kind == "methodology" else []
    return list(e.facts.get("methodologies") or []) + own


def organisations_of(e: Entry) -> list[str]:
    """Every organisation an entry names, in any role, and those that developed a methodology."""
    f = e.facts
    return list(dict.fromkeys([o["id"] for o in f.get("organisations") or []] + list(f.get("developed_by") or [])))


def group(cat: Catalogue) -> dict[str, dict]:
    """{dimension: {value: [entries]}}, each list in catalogue order."""
    groups: dict[str, dict] = {dim: defaultdict(list) for dim in DIMENSIONS}
    for e in cat.entries.values():
        f = e.facts
        for dim in ("countries", "themes", "target_groups", "sdgs"):
            for v in f.get(dim) or []:
                groups[dim][v].append(e)
        for m in methodologies_of(e):
            groups["methodologies"][m].append(e)
        for o in organisations_of(e):
            groups["organisations"][o].append(e)
        for y in e.years():
            groups["years"][y].append(e)
    return groups


def shared_figures(cat: Catalogue) -> dict[str, list[tuple[str, dict]]]:
    """{slug: [(id, figure)]}: the figures each entry shares with others (data/shared_figures.yml)."""
    out: dict[str, list] = defaultdict(list)
    for fid, rec in cat.shared_figures.items():
        for slug in rec["entries"]:
            out[slug].append((fid, rec))
    return out


def result_count(cat: Catalogue) -> int:
    """How many figures the compendium reports as results: each entry's own, and each shared figure once.
    Context figures describe the setting and are not counted."""
    return sum(len(e.facts.get("results") or []) for e in cat.entries.values()) + len(cat.shared_figures)


def scope_by_country(cat: Catalogue) -> dict[str, list[tuple[Entry, dict]]]:
    """{country: [(entry, scope item)]}: entries that name a country without documenting use there."""
    out: dict[str, list] = defaultdict(list)
    for e in cat.entries.values():
        for item in e.facts.get("scope") or []:
            for code in item["countries"]:
                out[code].append((e, item))
    return out
