#!/usr/bin/env python3
"""Write .github/ISSUE_TEMPLATE/propose-entry.yml from the schema (compendio/issue_form.py).

    python scripts/make_issue_form.py           # write the form
    python scripts/make_issue_form.py --check   # exit 1 if the committed form is not the one the schema makes

Run it after changing schema/entry.schema.json or schema/vocabularies.json: scripts/from_issue.py reads issues
with the same field list, and tests/test_issue_form.py fails while the two differ.
"""
import argparse
import sys

from _common import ROOT

from compendio import issue_form
from compendio.schema import load as load_schema


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only compare; do not write")
    args = ap.parse_args(argv)
    path = ROOT / issue_form.FORM_PATH
    text = issue_form.form_text(load_schema(ROOT / "schema"))
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if args.check:
        if current != text:
            print(f"{issue_form.FORM_PATH} is not the form the schema makes: run python scripts/make_issue_form.py",
                  file=sys.stderr)
            return 1
        return 0
    if current != text:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {issue_form.FORM_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
