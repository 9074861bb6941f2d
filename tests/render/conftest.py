"""Fixtures for the render tests: a fixed design, scenario and rubric; golden-file comparison."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sysdesign.library import load_design
from sysdesign.models.design import Design

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent.parent / "golden" / "render"
DESIGN = DATA / "chat.yaml"


@pytest.fixture()
def design() -> Design:
    return load_design(DESIGN)


@pytest.fixture()
def demo_library(home: Path) -> Path:
    """The demo-chat scenario and rubric installed as the user's own files."""
    for folder in ("scenarios", "rubrics"):
        (home / folder).mkdir(exist_ok=True)
        shutil.copy(DATA / folder / "demo-chat.yaml", home / folder / "demo-chat.yaml")
    return home


@pytest.fixture()
def golden() -> Callable[[str, str], None]:
    """Compare text with tests/golden/render/<name>; UPDATE_GOLDEN=1 rewrites the file."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
            if os.environ.get("UPDATE_GOLDEN") != "1":
                pytest.fail(f"no golden file {path}; run with UPDATE_GOLDEN=1 and read the diff")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"differs from {path}"

    return check
