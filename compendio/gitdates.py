"""When each entry file was first published and last updated, from git history."""
from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def file_dates(root: Path, folder: str = "practices") -> dict[str, tuple[str, str]]:
    """<folder>/<file> -> (first published, last updated) as ISO dates, from git history in one call; files
    not yet committed (or no git) fall back to their modification time."""
    dates: dict[str, list[str]] = {}
    try:
        out = subprocess.run(["git", "log", "--format=%x00%cI", "--name-only", "--", folder], cwd=root,
                             capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    when = ""
    for line in out.splitlines():
        if line.startswith("\x00"):
            when = line[1:]
        elif line.startswith(f"{folder}/") and when:
            dates.setdefault(line, []).append(when)  # newest first
    result = {}
    for path in sorted((Path(root) / folder).glob("*.md")):
        key = f"{folder}/{path.name}"
        if key in dates:
            result[key] = (dates[key][-1], dates[key][0])
        else:
            mtime = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC).isoformat(timespec="seconds")
            result[key] = (mtime, mtime)
    return result
