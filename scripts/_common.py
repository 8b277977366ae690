"""Shared by the scripts (and the tests): import path set-up, and a clean copy of the project."""
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# What a build needs; not the venv, the built site or generated pages.
PROJECT_PARTS = ("compendio", "hooks", "overrides", "schema", "data", "practices", "scripts", "mkdocs.yml")


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """Copy the project's sources to dest, with hand-written docs only (generated pages are rebuilt)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    manifest = root / "docs" / ".generated"
    generated = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    for path in (root / "docs").rglob("*"):
        rel = path.relative_to(root / "docs").as_posix()
        if path.is_file() and rel not in generated and rel != ".generated":
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / "docs" / rel)
    return dest
