#!/usr/bin/env python3
"""Summarise a pull request for its reviewers, in Markdown (the pull-request workflow adds it to the job summary).

    python scripts/pr_summary.py --base origin/main [--site site] [--base-site ../base-site]

Says which entries the change adds, changes or removes (from `git diff` against the base), whether each passes
make validate's checks (with its problems when not), and which built pages differ from the base's build when
both sites are given (added, changed and removed pages, by address). Never fails the build itself: make
validate and the build do that; this only reports.
"""
import argparse
import subprocess
import sys
from pathlib import Path

from _common import ROOT

from compendio import entryfile, load
from compendio.problems import InputError
from compendio.schema import load as load_schema

STATUS = {"A": "added", "M": "changed", "D": "removed"}
MAX_PAGES = 200


def changed_files(root: Path, base: str) -> list[tuple[str, str]]:
    """(status letter, path) of the files the change touches under practices/, data/ and schema/."""
    command = ["git", "diff", "--name-status", "--no-renames", f"{base}...HEAD", "--", "practices", "data", "schema"]
    out = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True).stdout
    return [(line.split("\t")[0][0], line.split("\t")[-1]) for line in out.splitlines() if line.strip()]


def entries(changes) -> dict[str, dict[str, str]]:
    """slug -> {language: added/changed/removed}."""
    found: dict[str, dict[str, str]] = {}
    for status, path in changes:
        p = Path(path)
        m = entryfile.FILENAME.match(p.name)
        if p.parent.as_posix() == "practices" and m:
            found.setdefault(m["slug"], {})[m["lang"]] = STATUS.get(status, "changed")
    return dict(sorted(found.items()))


def problems_by_file(root: Path) -> list:
    try:
        load.load(root, load_schema(root / "schema"))
    except InputError as exc:
        return exc.problems
    return []


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def address(rel: str) -> str:
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def page_changes(site: Path, base_site: Path) -> dict[str, list[str]]:
    new, old = pages(site), pages(base_site)
    return {"added": sorted(address(p) for p in new.keys() - old.keys()),
            "changed": sorted(address(p) for p in new.keys() & old.keys() if new[p] != old[p]),
            "removed": sorted(address(p) for p in old.keys() - new.keys())}


def summary(root: Path, base: str, site: Path | None, base_site: Path | None) -> str:
    lines = ["## Entries in this change", ""]
    try:
        changes = changed_files(root, base)
    except (subprocess.CalledProcessError, OSError) as exc:
        return "\n".join(lines + [f"Could not compare with `{base}`: {exc}", ""])
    touched = entries(changes)
    problems = problems_by_file(root)
    if not touched:
        lines.append("No entry is added, changed or removed.")
    else:
        lines += ["| Entry | Files | make validate |", "| --- | --- | --- |"]
        details = []
        for slug, langs in touched.items():
            files = ", ".join(f"`{slug}.{lang}.md` {what}" for lang, what in sorted(langs.items()))
            mine = [p for p in problems if Path(p.path).name.split(".")[0] == slug and p.path.startswith("practices/")]
            if all(what == "removed" for what in langs.values()):
                result = "removed"
            else:
                result = "passes" if not mine else f"{len(mine)} problem{'s' if len(mine) > 1 else ''}"
            lines.append(f"| `{slug}` | {files} | {result} |")
            if mine:
                details += [f"**{slug}**", "", "```text", *[str(p) for p in mine], "```", ""]
        if details:
            lines += ["", *details]
    others = [p for p in problems if not any(p.path.startswith(f"practices/{s}.") for s in touched)]
    if others:
        lines += ["", f"Other problems ({len(others)}), in files this summary does not list as entries:", "", "```text",
                  *[str(p) for p in others[:50]], "```"]
    data = sorted({path for _, path in changes if not path.startswith("practices/")})
    if data:
        lines += ["", "Data and schema files changed: " + ", ".join(f"`{p}`" for p in data) + "."]
    lines += ["", "## Pages that change", ""]
    if site and base_site and site.is_dir() and base_site.is_dir():
        diff = page_changes(site, base_site)
        if not any(diff.values()):
            lines.append("No built page differs from the base.")
        for what, addresses in diff.items():
            if addresses:
                shown = addresses[:MAX_PAGES]
                more = f" (and {len(addresses) - MAX_PAGES} more)" if len(addresses) > MAX_PAGES else ""
                lines.append(f"**{what.capitalize()}** ({len(addresses)}){more}: " + ", ".join(f"`{a}`" for a in shown))
                lines.append("")
        lines.append("Open them in the `site-preview` artifact of this run (see CONTRIBUTING.md, \"Preview\").")
    else:
        lines.append("Not compared: the site or the base's site was not built.")
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="origin/main", help="the branch or commit the change is compared with")
    ap.add_argument("--site", help="this change's built site")
    ap.add_argument("--base-site", help="the base's built site")
    ap.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    print(summary(Path(args.root), args.base, Path(args.site) if args.site else None,
                  Path(args.base_site) if args.base_site else None), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
