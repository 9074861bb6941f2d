"""A small scenario of our own, so these tests do not move when the bundled content changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def minichat(home: Path) -> Path:
    """Install the `minichat` scenario and rubric as the user's own files; returns DATA."""
    (home / "scenarios").mkdir(exist_ok=True)
    (home / "rubrics").mkdir(exist_ok=True)
    shutil.copy(DATA / "minichat.scenario.yaml", home / "scenarios" / "minichat.yaml")
    shutil.copy(DATA / "minichat.rubric.yaml", home / "rubrics" / "minichat.yaml")
    return DATA
