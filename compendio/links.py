"""Addresses that must not break: edit links to an entry's source file, and redirects from former slugs."""
from __future__ import annotations

import html
from pathlib import PurePosixPath

from . import urls
from .model import Catalogue


def edit_url(src_uri: str, lang: str, cat: Catalogue, repo_url: str, edit_uri: str, generated: set[str]):
    """Where "edit this page" should lead. An entry page is edited in its practices/ file (or, for a missing
    translation, by creating it); other generated pages have no file to edit (None); hand-written pages keep
    MkDocs' own link (returns ...)."""
    path = PurePosixPath(src_uri)
    root = path.parts[0] if len(path.parts) > 1 else path.name.split(".")[0]
    if root not in generated:
        return ...
    if path.parts[0] != "entries" or len(path.parts) != 2:
        return None
    slug = path.name.split(".")[0]
    entry = cat.entries.get(slug)
    if entry is None:
        return None
    repo = repo_url.rstrip("/")
    parts = edit_uri.strip("/").split("/")  # e.g. edit/main/docs: the entry files are beside docs/, not in it
    if parts and parts[-1] == "docs":
        parts = parts[:-1]
    if lang in entry.files:
        return f"{repo}/{'/'.join(parts)}/practices/{slug}.{lang}.md"
    branch = parts[-1] if len(parts) > 1 else "main"
    return f"{repo}/new/{branch}/practices?filename={slug}.{lang}.md"


def redirects(cat: Catalogue, base_url: str, lang: str) -> dict[str, str]:
    """{"entries/<former-slug>/index.html": HTML} sending each former address to the entry's current page."""
    out = {}
    for e in cat.entries.values():
        for old in e.facts.get("former_slugs") or []:
            target = urls.absolute(base_url, f"entries/{e.slug}", lang)
            title = html.escape(e.title(lang))
            out[f"entries/{old}/index.html"] = (
                f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">\n<title>{title}</title>\n'
                f'<link rel="canonical" href="{html.escape(target)}">\n'
                f'<meta http-equiv="refresh" content="0; url=../{e.slug}/">\n'
                '<meta name="robots" content="noindex">\n</head>\n'
                f'<body><p><a href="../{e.slug}/">{title}</a></p></body></html>\n')
    return out
