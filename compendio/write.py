"""Write generated pages into docs/, touching only files whose content changed, and remove stale ones.

Writing only changes keeps `mkdocs serve` from rebuilding in a loop; the manifest lets us delete the pages of
entries that were removed or renamed without ever touching hand-written pages.
"""
from __future__ import annotations

from pathlib import Path

MANIFEST = ".generated"


def write(pages: dict[str, str | bytes], docs_dir: Path) -> dict:
    """pages maps a path under docs_dir to its text (generated Markdown) or bytes (a copied image)."""
    docs_dir = Path(docs_dir)
    manifest = docs_dir / MANIFEST
    old = set(manifest.read_text(encoding="utf-8").split("\n")) - {""} if manifest.exists() else set()
    written = 0
    for rel_path, content in pages.items():
        path = docs_dir / rel_path
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    removed = 0
    for rel_path in sorted(old - set(pages)):
        path = docs_dir / rel_path
        if path.is_file():
            path.unlink()
            removed += 1
    new_manifest = "\n".join(sorted(pages)) + "\n"
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != new_manifest:
        manifest.write_text(new_manifest, encoding="utf-8")
    return {"pages": len(pages), "written": written, "removed": removed}
