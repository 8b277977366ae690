"""Write tests/corpus/README.md: what the corpus is, and a table of every case with the messages it really prints.

Run from the project root after adding or changing a case:  .venv/bin/python tests/corpus/make_readme.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent.parent)]
import runner  # noqa: E402

HEAD = """# Corpus of malformed contributions

Each folder `NN-name/` is one contribution someone could send, written over a small valid project (the project's
`schema/` and `data/` without `data/collections/`, plus the four entry files in `_base/practices/`, the same as
the `mini` project of `tests/unit/test_validation.py`). A folder holds:

- the contribution's files, laid out as in the project (`practices/prog.en.md`, `data/collections/tests.yml`...);
  they replace or add to the base files, byte for byte (some cases are about bytes: BOM, Latin-1, CRLF, tabs;
  `.gitattributes` keeps git from converting them);
- `delete.txt` (optional): base files the contribution removes, one a line;
- `expected.txt`: the problem lines it must print, one a line: the exact line, or a prefix of it ending in `...`;
- `README.md`: one line, what the contribution does wrong.

`tests/unit/test_corpus.py` builds each case in a temporary folder, runs `compendio.load.load` and checks that it
raises `InputError` (never another exception), that every expected line is printed and that no message holds a
traceback; one case also goes through a real `mkdocs build --strict` (`tests/site/test_corpus_build.py`). Cases
the validator does not catch yet are marked `xfail(strict=True)` there; their `expected.txt` holds the message
they should print.

To add a case: make the next folder, put the contribution's files in it, write `README.md` and `expected.txt`,
then run `.venv/bin/python tests/corpus/make_readme.py` to refresh the table below (made by running the cases).

In the table, *also* marks a printed line that is not in `expected.txt`: a second message for the same mistake,
or, in a case not detected yet, the message printed instead of the right one.

| Case | What is wrong | Status | Printed |
|---|---|---|---|
"""


def cell_code(text: str) -> str:
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def row(case: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        try:
            printed = runner.run(case, Path(tmp) / "project")
        except Exception as exc:  # shown, so a crash is visible in the table too
            printed = [f"CRASH: {type(exc).__name__}: {exc}"]
    missing = runner.missing(case, printed)
    status = "caught" if not missing else "**not detected yet**"
    shown = []
    for line in printed:
        expected = any(runner.matches(w, line) for w in runner.expected(case))
        shown.append(cell_code(line) if expected else "*also:* " + cell_code(line))
    if not printed:
        shown.append("(nothing: the project loads)")
    if missing:
        shown += ["*should print:* " + cell_code(w) for w in missing]
    what = runner.describe(case).replace("|", "\\|").replace("<", "&lt;")
    return f"| `{case.name}` | {what} | {status} | {'<br>'.join(shown)} |"


def main() -> None:
    rows = [row(case) for case in runner.cases()]
    caught = sum("| caught |" in r for r in rows)
    text = HEAD + "\n".join(rows) + f"\n\n{len(rows)} cases: {caught} caught, {len(rows) - caught} not detected yet.\n"
    (HERE / "README.md").write_text(text, encoding="utf-8")
    print(f"wrote {HERE / 'README.md'}: {len(rows)} cases, {caught} caught")


if __name__ == "__main__":
    main()
