#!/usr/bin/env python3
"""Check every entry and data file exactly as the build does, without building.

    python scripts/validate.py [PROJECT_ROOT]

Prints one line per problem (path:line: field: what is wrong and how to fix it) and exits 1 if there is any;
prints a one-line summary and exits 0 otherwise. Fast enough for a pre-commit hook.
"""
import argparse
import sys
from pathlib import Path

from _common import ROOT

from compendio import load
from compendio.problems import InputError, format_problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", nargs="?", default=str(ROOT), help="project folder (default: this project)")
    args = ap.parse_args(argv)
    try:
        cat = load.load(Path(args.root))
    except InputError as exc:
        print(format_problems(exc.problems).replace("nothing was built", "fix them and run again"), file=sys.stderr)
        return 1
    files = sum(len(e.files) for e in cat.entries.values())
    print(f"OK: {len(cat.entries)} entries in {files} files, {len(cat.organisations)} organisations, "
          f"{len(cat.sources)} sources.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
