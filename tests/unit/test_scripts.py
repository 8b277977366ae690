"""The contributor and maintainer commands in scripts/."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from helpers import ROOT, copy_project

from compendio import scaffold
from compendio.schema import load as load_schema


def run(script, *args, cwd=ROOT):
    return subprocess.run([sys.executable, str(cwd / "scripts" / script), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_validate_passes_on_the_project():
    result = run("validate.py")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ") and " entries in " in result.stdout


def test_validate_lists_every_problem_and_exits_1(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "practices" / "score.es.md"
    text = path.read_text(encoding="utf-8").replace("formats: [classroom_training", "formats: [clasroom_training")
    path.write_text(text, encoding="utf-8")
    (project / "practices" / "extra.en.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = run("validate.py", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    line = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ln.startswith("formats:"))
    assert f'practices/score.es.md:{line}: formats[0]: "clasroom_training" is not an accepted value. ' \
           'Did you mean "classroom_training"?' in result.stderr
    assert 'practices/extra.en.md:2: (file): the required field "kind" is missing' in result.stderr
    assert '"audience" is missing' not in result.stderr  # methodology-only fields are not asked of an unknown kind
    assert "practices/extra.en.md:2: title: is too short" in result.stderr
    assert result.stderr.rstrip().endswith("problems found; fix them and run again.")


def test_new_entry_then_translation(tmp_path):
    project = copy_project(tmp_path / "p")
    first = run("new_entry.py", "--kind", "practice", "--slug", "my-practice", "--lang", "en", cwd=project)
    assert first.returncode == 0, first.stderr
    text = (project / "practices" / "my-practice.en.md").read_text(encoding="utf-8")
    assert "kind: practice" in text and "## Objectives" in text and "## Adaptability" in text
    second = run("new_entry.py", "--kind", "practice", "--slug", "my-practice", "--lang", "es", cwd=project)
    assert second.returncode == 0, second.stderr
    translation = (project / "practices" / "my-practice.es.md").read_text(encoding="utf-8")
    assert "kind:" not in translation and "## Objetivos" in translation  # facts stay in the first file
    # Until the placeholders are replaced, validation says which ones.
    result = run("validate.py", cwd=project)
    assert result.returncode == 1 and "is a template placeholder" in result.stderr
    assert run("new_entry.py", "--kind", "practice", "--slug", "Bad Slug", cwd=project).returncode == 2


def test_committed_templates_match_the_schema():
    schema = load_schema()
    for kind in ("methodology", "programme", "practice"):
        assert (ROOT / "practices" / "_templates" / f"{kind}.es.md").read_text(encoding="utf-8") == \
            scaffold.entry_text(schema, kind, "es"), f"regenerate practices/_templates/{kind}.es.md"
        assert (ROOT / "practices" / "_templates" / f"{kind}.en.md").read_text(encoding="utf-8") == \
            scaffold.entry_text(schema, kind, "en", with_facts=False), f"regenerate practices/_templates/{kind}.en.md"


def test_export_writes_json_and_csv_per_language(tmp_path):
    site = tmp_path / "site"
    result = run("export.py", "--site", str(site), "--base-url", "https://example.org/")
    assert result.returncode == 0, result.stderr
    data = json.loads((site / "en" / "data" / "entries.json").read_text(encoding="utf-8"))
    by_slug = {e["slug"]: e for e in data["entries"]}
    assert by_slug["score-colombia"]["title"] == "SCORE Colombia project"
    assert by_slug["score-colombia"]["url"] == "https://example.org/en/entries/score-colombia/"
    rows = list(csv.DictReader(io.StringIO((site / "data" / "entries.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["slug"] == "score-colombia")
    assert row["title"] == "Proyecto SCORE Colombia" and row["country_names"] == "Colombia"
    assert "69.573 trabajadores" in row["results"] and row["url"] == "https://example.org/entries/score-colombia/"


def test_translation_starts_from_the_other_language(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "practices" / "score-peru.en.md").unlink()
    result = run("translate.py", "--slug", "score-peru", "--to", "en", cwd=project)
    assert result.returncode == 0, result.stderr
    text = (project / "practices" / "score-peru.en.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "TODO: Proyecto SCORE Perú"') or 'title: "TODO: ' in text
    assert "## Overview" in text and "kind:" not in text      # English headings; facts stay in the Spanish file
    check = run("validate.py", cwd=project)
    assert check.returncode == 1
    assert 'practices/score-peru.en.md:2: title: "TODO: ' in check.stderr  # the validator lists what to translate
    assert run("translate.py", "--slug", "score-peru", "--to", "en", cwd=project).returncode == 2  # exists now
