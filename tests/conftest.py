"""Every test runs with its own SYSDESIGN_HOME and a fixed language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "sysdesign-home"
    home.mkdir()
    monkeypatch.setenv("SYSDESIGN_HOME", str(home))
    monkeypatch.setenv("SYSDESIGN_LANG", "en")
    monkeypatch.delenv("EDITOR", raising=False)
    yield home


@pytest.fixture()
def home(_isolated_home: Path) -> Path:
    return _isolated_home
