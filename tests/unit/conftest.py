"""The unit layer: pages and data made in memory from the small fixture catalogue in tests/unit/fixture."""
from __future__ import annotations

from pathlib import Path

import pytest

from compendio import load, pages
from compendio.schema import load as load_schema

FIXTURE = Path(__file__).parent / "fixture"
BASE = "https://example.test/"


@pytest.fixture(scope="session")
def schema():
    return load_schema()


@pytest.fixture(scope="session")
def cat(schema):
    return load.load(FIXTURE, schema)


@pytest.fixture(scope="session")
def site(cat, schema) -> dict[str, str]:
    """Every generated page of the fixture, both languages: {"entries/prog.es.md": Markdown}."""
    return pages.generate(cat, schema, base_url=BASE)
