#!/usr/bin/env python3
"""Start the translation of an entry from its other language file.

    python scripts/translate.py --slug score-peru --to en

Writes practices/<slug>.<to>.md with the text fields and sections of the existing file, each marked TODO so
validation lists what is still to translate. Section headings are already in the target language; facts stay
where they are (written once, in the original file).
"""
import argparse
import sys
from pathlib import Path

from _common import ROOT

from compendio import entryfile, scaffold
from compendio.schema import load as load_schema

TEXT_FIELDS = ("title", "short_title", "summary", "modules")


def translation(source: entryfile.EntryFile, schema, lang: str) -> str:
    import json

    kind = source.data.get("kind")
    lines = ["---"]
    for name in TEXT_FIELDS:
        value = source.data.get(name)
        if isinstance(value, str):
            lines.append(f"{name}: {json.dumps(f'{scaffold.PLACEHOLDER}: {value}', ensure_ascii=False)}")
        elif isinstance(value, list):
            lines.append(f"{name}:")
            lines += [f"  - {json.dumps(f'{scaffold.PLACEHOLDER}: {v}', ensure_ascii=False)}" for v in value]
    lines.append("---")
    labels = {_key(schema, s, source.lang, kind): s for s in source.sections}
    body = []
    if source.lead:
        body.append(f"{scaffold.PLACEHOLDER} ({lang}):\n\n{source.lead}\n")
    for key, section in labels.items():
        heading = schema.label("section", key, lang) if key else section.heading
        body.append(f"## {heading}\n\n{scaffold.PLACEHOLDER} ({lang}):\n\n{section.text}\n")
    return "\n".join(lines) + "\n\n" + "\n".join(body)


def _key(schema, section, lang, kind):
    if section.key:
        return section.key
    for key in schema.vocabularies["section"]["terms"]:
        if schema.label("section", key, lang).casefold() == section.heading.casefold():
            return key
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--slug", required=True)
    ap.add_argument("--to", required=True, choices=list(entryfile.LANGUAGES))
    ap.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    practices = Path(args.root) / "practices"
    target = practices / f"{args.slug}.{args.to}.md"
    if target.exists():
        print(f"{target.relative_to(args.root)} already exists", file=sys.stderr)
        return 2
    sources = [practices / f"{args.slug}.{lang}.md" for lang in entryfile.LANGUAGES if lang != args.to]
    source_path = next((p for p in sources if p.exists()), None)
    if source_path is None:
        print(f"no practices/{args.slug}.*.md to translate from", file=sys.stderr)
        return 2
    source, problems = entryfile.read(source_path, source_path.name)
    if problems:
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        return 1
    target.write_text(translation(source, load_schema(), args.to), encoding="utf-8")
    print(f"created {target.relative_to(args.root)}: translate every TODO, then run: python scripts/validate.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
