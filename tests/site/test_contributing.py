"""CONTRIBUTING.md tells the truth: the commands, files and pages it names exist."""
from __future__ import annotations

import os
import re
import signal
import subprocess

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


def test_the_no_git_paths_come_first_in_both_languages():
    for section, editor, form, git in (("## Español", "/contribute/new/", "«Proponer una entrada»", "### Con git"),
                                       ("## English", "/en/contribute/new/", '"Propose an entry"', "### With git")):
        part = TEXT[TEXT.index(section):]
        part = part[: part.index("## English")] if section == "## Español" else part
        assert part.index(editor) < part.index(git) and part.index(form) < part.index(git), section
        assert "`accepted`" in part[: part.index(git)]
        assert "make new" in part[part.index(git):]


def test_the_preview_opens_with_the_one_command_it_gives(built, tmp_path):
    """The command from CONTRIBUTING, run on a zip of the built site as GitHub gives the artifact."""
    import shutil
    import socket
    import time
    import urllib.request

    commands = set(re.findall(r"^(python3 -m zipfile -e site-preview\.zip .+)$", TEXT, re.M))
    assert len(commands) == 1, commands  # the same command in both languages
    command = commands.pop()
    shutil.make_archive(str(tmp_path / "site-preview"), "zip", built)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(command.replace("8000", str(port)), shell=True, cwd=tmp_path, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/contribute/new/", timeout=2) as r:
                    assert r.status == 200 and b'id="ce-editor"' in r.read()
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("the preview server did not answer")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
