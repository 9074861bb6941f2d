"""Cache files are swapped in whole but not flushed to disk; a cut-short one is rebuilt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sysdesign import paths
from sysdesign.library import _cached, load_scenario

DATA = Path(__file__).parent / "data"


def test_cache_writes_skip_the_flush_user_data_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: flushed.append(fd))
    paths.write_cache_bytes(tmp_path / "c" / "x.pickle", b"abc")
    assert (tmp_path / "c" / "x.pickle").read_bytes() == b"abc" and flushed == []
    paths.atomic_write_bytes(tmp_path / "d.json", b"{}")
    assert len(flushed) == 1
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["x.pickle"]  # no temp left


@pytest.mark.parametrize("keep", [0, 10, -1])
def test_a_cut_short_cache_file_is_rebuilt(home: Path, tmp_path: Path, keep: int) -> None:
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini-scenario.yaml", path)
    first = _cached(load_scenario, path)
    (cached,) = (home / "cache").glob("*.pickle")
    whole = cached.read_bytes()
    cached.write_bytes(whole[:keep])  # what a crash before the data reached the disk leaves
    assert _cached(load_scenario, path) == first
    assert cached.read_bytes() == whole  # written again
