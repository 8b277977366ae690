#!/usr/bin/env python3
"""Turn a "propose an entry" issue into the entry's files, and check them as make validate does.

    python scripts/from_issue.py --body-file issue.md [--issue 42] [--report report.md]

The body is the issue's Markdown as GitHub renders the form (.github/ISSUE_TEMPLATE/propose-entry.yml, made from
the schema by scripts/make_issue_form.py). Exit status:
  0  the files were written to practices/ and the whole project validates;
  1  some fields could not be used (each is named; nothing is written), or the written files do not validate
     (every problem is listed, as make validate lists them).
--report writes the same text as Markdown, for a comment on the issue or the pull request's description.
The workflow .github/workflows/from-issue.yml runs this when a maintainer adds the label `accepted`.
"""
import argparse
import sys
from pathlib import Path

from _common import ROOT

from compendio import entryfile, entrywriter, issue_form, load
from compendio.problems import InputError
from compendio.schema import load as load_schema


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--body-file", required=True, help="the issue's body (use - for standard input)")
    ap.add_argument("--issue", help="the issue's number, named in the report")
    ap.add_argument("--report", help="write the outcome as Markdown to this file")
    ap.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    root = Path(args.root)
    body = sys.stdin.read() if args.body_file == "-" else Path(args.body_file).read_text(encoding="utf-8")
    schema = load_schema(root / "schema")
    existing = {m["slug"] for p in (root / "practices").glob("*.md") if (m := entryfile.FILENAME.match(p.name))}
    record, problems = issue_form.read(body, schema, existing)
    where = f"issue #{args.issue}" if args.issue else "the issue"
    if problems:
        lines = [f"These fields of {where} cannot be used yet; correct them in the issue and add the label again:", ""]
        lines += [f"- {p}" for p in problems]
        return finish(lines, 1, args.report)
    files = entrywriter.entry_files(record, schema)
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    written = [f"- `{rel}`" for rel in files]
    try:
        load.load(root, schema)
    except InputError as exc:
        lines = [f"The files made from {where} do not pass `make validate` yet:", "", *written, "", "```text",
                 *[str(p) for p in exc.problems], "```", "",
                 "Correct the issue and add the label again, or fix the files in a pull request."]
        return finish(lines, 1, args.report)
    lines = [f"Entry `{record['slug']}` made from {where}; `make validate` passes.", "", *written]
    missing = [lang for lang in entryfile.LANGUAGES if lang not in record["languages"]]
    if missing:
        lines += ["", "Translation pending: " + ", ".join(missing) + "."]
    return finish(lines, 0, args.report)


def finish(lines, status, report) -> int:
    text = "\n".join(lines) + "\n"
    print(text, end="", file=sys.stdout if status == 0 else sys.stderr)
    if report:
        Path(report).write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
