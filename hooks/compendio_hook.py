"""MkDocs adapter: before each build, load and validate the catalogue, then write the generated pages.

Kept thin on purpose: the logic lives in the compendio package, which the tests and scripts call directly.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from compendio import build  # noqa: E402

log = get_plugin_logger(__name__)
# mkdocs-static-i18n runs the whole build once per language, and `serve` rebuilds on every change: remember the
# inputs' signature so the second language's pass does not load and write everything again.
_last = {"signature": None}


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).parent
    signature = build.signature(root)
    if signature == _last["signature"]:
        return
    _last["signature"] = None  # if this build fails, the next one must start from scratch
    try:
        stats = build.generate_site(root, Path(config.docs_dir))
    except build.InputError as exc:
        raise PluginError("\n" + str(exc)) from None
    log.info("generated %(pages)d pages (%(written)d written, %(removed)d removed)", stats)
    _last["signature"] = signature
