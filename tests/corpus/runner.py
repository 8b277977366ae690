"""Build and run the cases of the malformed-contribution corpus (used by tests/unit/test_corpus.py and make_readme.py).

A case is a folder `NN-name/` holding the files of one contribution, laid out as in the project, written over
a small valid base project: the project's schema/ and data/ (without data/collections, which list the real
entries), plus the four entry files in _base/practices/ (the same as tests/unit/test_validation.py's `mini`).
Besides the contribution's files a case holds:
- expected.txt: the problem lines the case must produce, one per line: the exact line, or a prefix of it
  followed by `...`;
- delete.txt (optional): base files to remove, one path a line;
- README.md (optional): one line saying what the contribution does wrong.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parent.parent
BASE = CORPUS / "_base"
CONTROL = ("expected.txt", "delete.txt", "README.md")
CASE_NAME = re.compile(r"^\d{2}-[a-z0-9-]+$")


def cases() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_dir() and CASE_NAME.match(p.name))


def contribution(case: Path) -> list[Path]:
    """The case's own files (relative paths), without its control files."""
    return sorted(p.relative_to(case) for p in case.rglob("*")
                  if p.is_file() and not (p.parent == case and p.name in CONTROL))


def build_base(dest: Path) -> Path:
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("schema", "data"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.rmtree(dest / "data" / "collections", ignore_errors=True)  # they list the real entries
    (dest / "data" / "shared_figures.yml").unlink(missing_ok=True)  # so do the shared figures
    shutil.copytree(BASE, dest, dirs_exist_ok=True)
    return dest


def apply(case: Path, dest: Path) -> Path:
    """Write the case's contribution over the project at dest: its files (byte for byte), then its deletions."""
    for rel in contribution(case):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((case / rel).read_bytes())
    for rel in lines(case / "delete.txt"):
        (dest / rel).unlink()
    return dest


def build(case: Path, dest: Path) -> Path:
    """The project of a case: base + the case's files - the case's deletions."""
    return apply(case, build_base(dest))


def lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def expected(case: Path) -> list[str]:
    return lines(case / "expected.txt")


def matches(want: str, got: str) -> bool:
    return got.startswith(want[:-3]) if want.endswith("...") else got == want


def missing(case: Path, problems: list[str]) -> list[str]:
    """The expected lines of case that are not among problems."""
    return [w for w in expected(case) if not any(matches(w, p) for p in problems)]


def describe(case: Path) -> str:
    found = lines(case / "README.md")
    return found[0].lstrip("# ").strip() if found else ""


def run(case: Path, tmp: Path) -> list[str]:
    """The problems the case produces (as printed lines), or [] when the project loads. Other exceptions escape."""
    from compendio import load
    from compendio.problems import InputError

    root = build(case, tmp)
    try:
        load.load(root)
    except InputError as exc:
        return [str(p) for p in exc.problems]
    return []
