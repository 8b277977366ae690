"""The build step the MkDocs hook and the scripts share: load, validate, generate, write."""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import generate, load, write
from .problems import InputError
from .schema import load as load_schema

__all__ = ["InputError", "generate_site", "signature"]
INPUTS = ("practices", "data", "schema")


def signature(root: Path) -> str:
    """A digest of the input files' names, sizes and modification times: changes when any input changes."""
    h = hashlib.sha256(str(Path(root).resolve()).encode())
    for folder in INPUTS:
        base = Path(root) / folder
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            st = path.lstat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def generate_site(root: Path, docs_dir: Path) -> dict:
    """Validate everything under root and write the generated pages into docs_dir. Raises InputError, having
    written nothing, if any input has a problem."""
    schema = load_schema(Path(root) / "schema")
    catalogue = load.load(root, schema)
    pages = generate.generate(catalogue, schema)
    return write.write(pages, docs_dir)
