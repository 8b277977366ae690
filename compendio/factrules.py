"""Rules between facts that the JSON Schema cannot say: an entry says no more than its sources. Each rule reports
a problem at the field, with how to fix it, and goes on."""
from __future__ import annotations

import re

from .messages import field_name
from .model import NOT_STATED, Entry
from .problems import did_you_mean

FIGURES = ("results", "context_figures")


def check(checker, entry: Entry, line_of, owner_path) -> None:
    """Rules within one entry's facts (line_of and owner_path locate a path in its files)."""
    facts = entry.facts

    def add(path, message):
        checker.add(owner_path(path), line_of(path), field_name(path), message)

    period, status = facts.get("period"), facts.get("status")
    start, end = (period.get("start"), period.get("end")) if isinstance(period, dict) else (None, None)
    if isinstance(start, int) and isinstance(end, int) and end < start:
        add(("period", "end"), f"the end year {end} is before the start year {start}; swap or correct them")
    if isinstance(status, dict) and status.get("value") == "completed" and isinstance(period, dict) and end is None:
        add(("period", "end"), 'the status is "completed" but the period has no end: write the end year, or '
            "end: not_stated if the source does not give it")
    for name in FIGURES:
        for i, res in enumerate(facts.get(name) or []):
            if not isinstance(res, dict):
                continue
            if res.get("unit") == "percent" and isinstance(res.get("value"), (int, float)) and res["value"] > 100:
                add((name, i, "value"),
                    f"{res['value']} is over 100 but the unit is percent; correct the value or the unit")
            if res.get("year") is None and "year_inferred" in res and "year" in res:
                add((name, i, "year_inferred"), "says why a year is inferred, but year is null: give the inferred "
                    "year, or remove year_inferred")
    countries = facts.get("countries") if isinstance(facts.get("countries"), list) else []
    for i, place in enumerate(facts.get("places") or []):
        if isinstance(place, dict) and place.get("country") not in countries:
            add(("places", i, "country"), f'"{place.get("country")}" is not in this entry\'s countries; add it to '
                "countries or correct it")
    for i, item in enumerate(facts.get("scope") or []):
        for j, code in enumerate(item.get("countries") or [] if isinstance(item, dict) else []):
            if code in countries:
                add(("scope", i, "countries", j), f'"{code}" is also in countries: a country is either one where the '
                    "source documents use (countries) or one it only names as scope; keep it in one of the two")


def check_dates(checker, entries: dict, sources: dict, located) -> None:
    """No figure or status is dated after the publication of the source it comes from (a figure the source
    gives no year for has year: null, never the publication's year in its place)."""
    for slug, e in entries.items():
        dated = [((name, i, "year"), r.get("year"), r.get("source")) for name in FIGURES
                 for i, r in enumerate(e.facts.get(name) or []) if isinstance(r, dict)]
        status = e.facts.get("status")
        as_of = status.get("as_of") if isinstance(status, dict) else None
        if isinstance(as_of, str) and re.match(r"\d{4}(-|$)", as_of):  # a malformed date has its own message
            dated.append((("status", "as_of"), int(as_of[:4]), status.get("source")))
        for path, year, sid in dated:
            problem = _after_source(year, sid, sources, NOT_STATED if path[-1] == "as_of" else "null")
            if problem:
                where, line = located(slug, path)
                checker.add(where, line, field_name(path), problem)


def _after_source(year, sid, sources: dict, unknown: str = "null") -> str:
    published = sources.get(sid, {}).get("year") if isinstance(sid, str) else None
    if isinstance(year, int) and isinstance(published, int) and year > published:
        return (f"{year} is after {sid} was published ({published}): a source cannot report a later year; write the "
                f"year the source gives, or {unknown} if it gives none")
    return ""


def check_shared_figures(checker, shared: dict, where: dict, entries: dict, sources: dict, unreadable=()) -> None:
    """A shared figure names existing entries, each once, and is not dated after its source."""
    from . import yamldata

    for fid, rec in shared.items():
        shown, _, lines = where[fid]
        def line_of(i, _fid=fid, _lines=lines):
            return yamldata.line_of(_lines, (_fid, "entries", i))
        check_entry_list(checker, shown, line_of, f"{fid}.entries", rec.get("entries") or [], entries, unreadable)
        problem = _after_source(rec.get("year"), rec.get("source"), sources)
        if problem:
            checker.add(shown, yamldata.line_of(lines, (fid, "year")), f"{fid}.year", problem)


def check_entry_list(checker, shown: str, line_of, field: str, slugs: list, entries, unreadable=()) -> None:
    """A list of entries by slug (a collection's, a shared figure's): each listed once, each an entry in
    practices/ (or one whose file could not be read, already reported). line_of(i) gives item i's line."""
    seen = set()
    for i, slug in enumerate(slugs):
        if slug in seen:
            checker.add(shown, line_of(i), f"{field}[{i}]", f'"{slug}" is listed twice; keep one')
        elif isinstance(slug, str) and slug not in entries and slug not in unreadable:
            checker.add(shown, line_of(i), f"{field}[{i}]",
                        f'no entry "{slug}".{did_you_mean(slug, sorted(entries))} Use the slug of an entry in '
                        "practices/ (its file name without .es.md or .en.md).")
        seen.add(slug)
