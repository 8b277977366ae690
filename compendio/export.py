"""Entries as open data: one JSON and one CSV file per language, written into the built site."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import index, urls
from .format import Formatter
from .model import NOT_STATED, Catalogue

CSV_COLUMNS = ("slug", "kind", "title", "summary", "countries", "country_names", "scope", "start", "end", "status",
               "status_as_of", "themes", "target_groups", "sectors", "methodologies", "organisations", "sdgs",
               "results", "shared_figures", "context_figures", "sources", "url", "translation_pending")


def records(cat: Catalogue, lang: str, base_url: str) -> list[dict]:
    """One plain record per entry in lang: facts as codes (results, context figures and scope apart, as the
    entry has them), the figures it shares with other entries, text in lang (or the entry's language if
    missing)."""
    out = []
    shared = index.shared_figures(cat)
    for e in cat.entries.values():
        out.append({
            "slug": e.slug, "kind": e.kind, "language": lang if lang in e.files else e.files_lang(),
            "translation_pending": lang not in e.files,
            "title": e.title(lang), "summary": e.localized(lang, "summary"),
            "modules": e.localized(lang, "modules"),
            "url": urls.absolute(base_url, f"entries/{e.slug}", lang),
            "facts": e.facts,
            "shared_figures": [{"id": fid, **rec} for fid, rec in shared.get(e.slug, [])],
        })
    return out


def to_csv(cat: Catalogue, f: Formatter, base_url: str, slugs=None, recs=None) -> str:
    """The entries (all, or those of slugs, in that order) as CSV in f's language (recs: records already made)."""
    lang = f.lang
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    recs = recs if recs is not None else records(cat, lang, base_url)
    if slugs is not None:
        by_slug = {r["slug"]: r for r in recs}
        recs = [by_slug[s] for s in slugs]
    for rec in recs:
        facts = rec["facts"]

        def labels(vocab, terms):
            return "; ".join(f.label(vocab, t) for t in terms or [])

        def figures(items):
            return "; ".join(f'{f.figure(r)} {f.plain(r["what"])} ({f.year(r)}, {r["source"]})' for r in items or [])

        results = figures(facts.get("results"))
        writer.writerow({
            "slug": rec["slug"], "kind": f.label("kind", rec["kind"]), "title": rec["title"],
            "summary": rec["summary"], "countries": "; ".join(facts["countries"]),
            "country_names": "; ".join(f.country(c) for c in facts["countries"]),
            "scope": "; ".join(f.scope(item) + (f' ({f.plain(item["note"])})' if item.get("note") else "")
                               for item in facts.get("scope") or []),
            **_period_and_status(f, facts),
            "themes": labels("theme", facts.get("themes")),
            "target_groups": labels("target_group", facts.get("target_groups")),
            "sectors": labels("sector", facts.get("sectors")),
            "methodologies": "; ".join(facts.get("methodologies") or []),
            "organisations": "; ".join(f'{o["id"]} ({o["role"]})' for o in facts.get("organisations") or []),
            "sdgs": "; ".join(str(n) for n in facts.get("sdgs") or []), "results": results,
            "shared_figures": figures(rec["shared_figures"]),
            "context_figures": figures(facts.get("context_figures")),
            "sources": "; ".join(facts["sources"]), "url": rec["url"],
            "translation_pending": "yes" if rec["translation_pending"] else "",
        })
    return buf.getvalue()


def _period_and_status(f: Formatter, facts: dict) -> dict:
    """The CSV's period and status columns: the years and the status as codes, not_stated where the source
    gives none, the status in words."""
    period, status = facts["period"], facts["status"]
    if period == NOT_STATED:
        start = end = NOT_STATED
    else:
        start, end = period["start"], "" if period.get("end") is None else period["end"]
    if status == NOT_STATED:
        return {"start": start, "end": end, "status": f.t("not_stated"), "status_as_of": NOT_STATED}
    return {"start": start, "end": end, "status": f.label("status", status["value"]), "status_as_of": status["as_of"]}


def write(cat: Catalogue, f: Formatter, site_dir: Path, base_url: str) -> list[Path]:
    """Write data/entries.json and data/entries.csv for f's language into site_dir (the language's own site
    root)."""
    lang = f.lang
    folder = Path(site_dir) / "data"
    folder.mkdir(parents=True, exist_ok=True)
    json_path, csv_path = folder / "entries.json", folder / "entries.csv"
    recs = records(cat, lang, base_url)
    json_path.write_text(json.dumps({"language": lang, "entries": recs}, ensure_ascii=False, separators=(",", ":")),
                         encoding="utf-8")
    # UTF-8 with BOM so spreadsheet programs read accents right.
    csv_path.write_text("\ufeff" + to_csv(cat, f, base_url, recs=recs), encoding="utf-8")
    return [json_path, csv_path]


def write_collections(cat: Catalogue, f: Formatter, site_dir: Path, base_url: str) -> list[Path]:
    """collections/<slug>/entries.csv for each collection, next to its landing page."""
    paths = []
    for slug, collection in cat.collections.items():
        path = Path(site_dir) / "collections" / slug / "entries.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\ufeff" + to_csv(cat, f, base_url, collection["entries"]), encoding="utf-8")
        paths.append(path)
    return paths


def write_schema(schema_dir: Path, target: Path) -> list[Path]:
    """Publish schema/*.json unchanged, so /schema/entry.schema.json is the same file the build uses."""
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for path in sorted(Path(schema_dir).glob("*.json")):
        (target / path.name).write_bytes(path.read_bytes())
        paths.append(target / path.name)
    return paths
