"""The schema file contributors' editors use gives them the same answers as the build.

VS Code checks front matter through remark-lint-frontmatter-schema (extension unifiedjs.vscode-remark),
configured in .remarkrc.mjs; this runs the same checker from the command line.
"""
from __future__ import annotations

import shutil
import subprocess

from helpers import ROOT

REMARK = ROOT / "node_modules" / ".bin" / "remark"


def remark(cwd, *paths):
    assert REMARK.exists(), "node tools missing: run `make test` (it runs npm ci)"
    return subprocess.run([str(REMARK), *paths, "--quiet", "--frail", "--no-color"], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_editor_checker_accepts_every_entry():
    result = remark(ROOT, "practices")
    assert result.returncode == 0, result.stderr


def test_editor_checker_flags_a_misspelt_theme_at_its_line(tmp_path):
    for name in ("schema", "practices"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / ".remarkrc.mjs", tmp_path / ".remarkrc.mjs")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    path = tmp_path / "practices" / "score-colombia.es.md"
    text = path.read_text(encoding="utf-8").replace("themes: [productivity_working_conditions",
                                                    "themes: [productivity_workin_conditions")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("themes:"))
    result = remark(tmp_path, "practices")
    assert result.returncode == 1
    assert f"{line}:" in result.stderr and "productivity_working_conditions" in result.stderr, result.stderr
