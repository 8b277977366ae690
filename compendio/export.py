"""Entries as open data: one JSON and one CSV file per language, written into the built site."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import i18n
from .model import Catalogue
from .schema import Schema

CSV_COLUMNS = ("slug", "kind", "title", "summary", "countries", "country_names", "start", "end", "status",
               "status_as_of", "themes", "target_groups", "sectors", "methodologies", "organisations", "sdgs",
               "results", "sources", "url", "translation_pending")


def records(cat: Catalogue, schema: Schema, lang: str, base_url: str) -> list[dict]:
    """One plain record per entry in lang: facts as codes, text in lang (or the entry's language if missing)."""
    out = []
    prefix = "" if lang == "es" else f"{lang}/"
    for e in cat.entries.values():
        out.append({
            "slug": e.slug, "kind": e.kind, "language": lang if lang in e.files else e.files_lang(),
            "translation_pending": lang not in e.files,
            "title": e.title(lang), "summary": e.localized(lang, "summary"),
            "modules": e.localized(lang, "modules"),
            "url": f"{base_url}{prefix}entries/{e.slug}/",
            "facts": e.facts,
        })
    return out


def to_csv(cat: Catalogue, schema: Schema, lang: str, base_url: str, slugs=None, recs=None) -> str:
    """The entries (all, or those of slugs, in that order) as CSV in lang (recs: records already made)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    recs = recs if recs is not None else records(cat, schema, lang, base_url)
    if slugs is not None:
        by_slug = {r["slug"]: r for r in recs}
        recs = [by_slug[s] for s in slugs]
    for rec in recs:
        f = rec["facts"]

        def labels(vocab, terms):
            return "; ".join(schema.label(vocab, t, lang) for t in terms or [])

        results = "; ".join(
            f'{i18n.quantity(r["value"], r["unit"], schema.unit_format(r["unit"]), schema.label("unit", r["unit"], lang), lang)}'
            f' {r["what"].get(lang) or next(iter(r["what"].values()))} ({r["year"]}, {r["source"]})'
            for r in f.get("results") or [])
        writer.writerow({
            "slug": rec["slug"], "kind": schema.label("kind", rec["kind"], lang), "title": rec["title"],
            "summary": rec["summary"], "countries": "; ".join(f["countries"]),
            "country_names": "; ".join(i18n.country(c, lang) for c in f["countries"]),
            "start": f["period"]["start"], "end": f["period"].get("end") or "",
            "status": schema.label("status", f["status"]["value"], lang), "status_as_of": f["status"]["as_of"],
            "themes": labels("theme", f.get("themes")), "target_groups": labels("target_group", f.get("target_groups")),
            "sectors": labels("sector", f.get("sectors")), "methodologies": "; ".join(f.get("methodologies") or []),
            "organisations": "; ".join(f'{o["id"]} ({o["role"]})' for o in f.get("organisations") or []),
            "sdgs": "; ".join(str(n) for n in f.get("sdgs") or []), "results": results,
            "sources": "; ".join(f["sources"]), "url": rec["url"],
            "translation_pending": "yes" if rec["translation_pending"] else "",
        })
    return buf.getvalue()


def write(cat: Catalogue, schema: Schema, lang: str, site_dir: Path, base_url: str) -> list[Path]:
    """Write data/entries.json and data/entries.csv for lang into site_dir (the language's own site root)."""
    folder = Path(site_dir) / "data"
    folder.mkdir(parents=True, exist_ok=True)
    json_path, csv_path = folder / "entries.json", folder / "entries.csv"
    recs = records(cat, schema, lang, base_url)
    json_path.write_text(json.dumps({"language": lang, "entries": recs}, ensure_ascii=False, separators=(",", ":")),
                         encoding="utf-8")
    # UTF-8 with BOM so spreadsheet programs read accents right.
    csv_path.write_text("\ufeff" + to_csv(cat, schema, lang, base_url, recs=recs), encoding="utf-8")
    return [json_path, csv_path]


def write_collections(cat: Catalogue, schema: Schema, lang: str, site_dir: Path, base_url: str) -> list[Path]:
    """collections/<slug>/entries.csv for each collection, next to its landing page."""
    paths = []
    for slug, collection in cat.collections.items():
        path = Path(site_dir) / "collections" / slug / "entries.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\ufeff" + to_csv(cat, schema, lang, base_url, collection["entries"]), encoding="utf-8")
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
