#!/usr/bin/env python3
"""Write every entry as JSON and CSV into a built site, per language.

    python scripts/export.py [--site site]

Writes site/data/entries.{json,csv} (Spanish) and site/en/data/entries.{json,csv} (English). The build does
the same on every run; this is for re-exporting without rebuilding.
"""
import argparse
import sys
from pathlib import Path

from _common import ROOT

from compendio import build, export, urls
from compendio.format import Formatter
from compendio.i18n import LANGUAGES
from compendio.problems import InputError


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", default=str(ROOT / "site"))
    ap.add_argument("--base-url", default="/", help="site URL that entry URLs start with")
    args = ap.parse_args(argv)
    try:
        schema, catalogue = build.prepare(ROOT)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    for lang in LANGUAGES:
        folder = Path(args.site) / urls.lang_prefix(lang)
        for path in export.write(catalogue, Formatter(catalogue, schema, lang), folder, args.base_url):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
