"""Folding text for comparisons that ignore case and accents: one rule, used by every "Did you mean", by the
section-heading lookup and by search."""
from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without accents: "Nariño" -> "narino", "Cooperación" -> "cooperacion"."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()


def fold_words(text: str) -> str:
    """Folded, with every run of other characters made one space: "## Qué se logró?" -> "que se logro"."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()
