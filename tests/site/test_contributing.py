"""CONTRIBUTING.md tells the truth: the commands, files and pages it names exist."""
from __future__ import annotations

import re

from helpers import ROOT
from helpers import page_text

TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_both_languages_are_there():
    assert "## Español" in TEXT and "## English" in TEXT


def test_every_make_target_it_names_exists():
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    named = set(re.findall(r"`make ([a-z-]+)", TEXT))
    assert named and named <= targets, named - targets


def test_every_file_and_script_it_names_exists():
    for path in ("practices/_templates", "data/sources.yml", "data/organisations", "schema/entry.schema.json",
                 "scripts/translate.py", "data/collections", ".pre-commit-config.yaml"):
        assert path in TEXT and (ROOT / path).exists(), path
    for kind in ("methodology", "programme", "practice"):
        assert (ROOT / "practices" / "_templates" / f"{kind}.es.md").exists()


def test_the_site_pages_it_links_exist(built):
    for url in re.findall(r"https://compendio-ess\.example\.org/([a-z/-]+)", TEXT):
        assert (built / url / "index.html").exists(), url
    fields = page_text(built, "en/contribute/fields")
    assert "themes" in fields and "Social and solidarity economy" in fields   # made from the vocabularies
    assert "Objetivos" in page_text(built, "contribute/fields")


def test_translation_status_and_help_wanted(built):
    from compendio import load

    cat = load.load(ROOT)
    done = sum(1 for e in cat.entries.values() if not e.missing)
    assert f"{done} of {len(cat.entries)} entries are in both languages" in page_text(built, "en/contribute/translations")
    assert f"{done} de {len(cat.entries)} entradas están en ambos idiomas" in page_text(built, "contribute/translations")
    assert "Se busca ayuda" in page_text(built, "contribute/help-wanted")
