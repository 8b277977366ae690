"""The build step the MkDocs hook and the scripts share: load, validate, generate, write, publish."""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import editor, export, feed, links, load, pages, panel, write
from .format import Formatter
from .problems import InputError
from .schema import load as load_schema

__all__ = ["InputError", "generate_site", "prepare", "publish", "signature"]
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


def prepare(root: Path):
    """Load the schema and the validated catalogue. Raises InputError listing every problem."""
    schema = load_schema(Path(root) / "schema")
    return schema, load.load(root, schema)


def generate_site(schema, catalogue, docs_dir: Path, base_url: str = "/", root: Path | None = None) -> dict:
    """Write the generated pages of a validated catalogue into docs_dir, with the entries' images."""
    out: dict = pages.generate(catalogue, schema, base_url=base_url)
    images = Path(root or ".") / load.IMAGES
    for path in sorted(images.glob("*")) if images.is_dir() else []:
        if path.is_file() and not path.is_symlink():
            out[f"entries/images/{path.name}"] = path.read_bytes()
    return write.write(out, docs_dir)


def publish(schema, catalogue, lang: str, site: Path, base_url: str, schema_dir: Path, default: bool) -> None:
    """Write one language's files that are not pages into its built site: redirects from former slugs, the
    entries as JSON and CSV, the Atom feed, the collections' CSVs, the filter panel's and the comparison's data,
    and (once) the schema."""
    site = Path(site)
    f = Formatter(catalogue, schema, lang)
    for rel_path, text in links.redirects(catalogue, base_url, lang).items():
        (site / rel_path).parent.mkdir(parents=True, exist_ok=True)
        (site / rel_path).write_text(text, encoding="utf-8")
    export.write(catalogue, f, site, base_url)
    (site / "feed.xml").write_bytes(feed.atom(catalogue, f, base_url))
    export.write_collections(catalogue, f, site, base_url)
    panel.write(catalogue, f, site)
    editor.write(catalogue, schema, lang, site, default, Path(schema_dir).parent)  # the entry editor's data
    if default:  # the schema contributors' tools and data users read, at a stable address
        export.write_schema(schema_dir, site / "schema")
