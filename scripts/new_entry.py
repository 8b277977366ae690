#!/usr/bin/env python3
"""Create a new entry file from the template of its kind.

    python scripts/new_entry.py --kind programme --slug my-programme --lang es

Writes practices/<slug>.<lang>.md. If the entry's other language file already exists, the new file holds only
the text fields (facts are written once). Replace every TODO, then run scripts/validate.py.
"""
import argparse
import sys

from _common import ROOT

from compendio import entryfile, scaffold
from compendio.schema import load as load_schema


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", required=True, choices=["methodology", "programme", "practice"])
    ap.add_argument("--slug", required=True, help="lower-case letters, digits and hyphens, e.g. score-peru")
    ap.add_argument("--lang", default="es", choices=list(entryfile.LANGUAGES))
    ap.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    name = f"{args.slug}.{args.lang}.md"
    if not entryfile.FILENAME.match(name):
        print(f'"{args.slug}" is not a valid slug: use lower-case letters, digits and single hyphens', file=sys.stderr)
        return 2
    practices = __import__("pathlib").Path(args.root) / "practices"
    target = practices / name
    if target.exists():
        print(f"{target} already exists; edit it instead", file=sys.stderr)
        return 2
    others = [practices / f"{args.slug}.{lang}.md" for lang in entryfile.LANGUAGES if lang != args.lang]
    with_facts = not any(p.exists() for p in others)
    target.write_text(scaffold.entry_text(load_schema(), args.kind, args.lang, with_facts), encoding="utf-8")
    print(f"created {target.relative_to(args.root)}: replace every TODO, then run: python scripts/validate.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
