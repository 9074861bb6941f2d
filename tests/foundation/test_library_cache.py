"""The validated-model cache: used when the file is unchanged, rebuilt when it changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sysdesign.library import _cached, load_scenario

DATA = Path(__file__).parent / "data"


def test_cache_reused_then_invalidated(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini-scenario.yaml", path)
    calls: list[Path] = []

    def loader(p: Path) -> object:
        calls.append(p)
        return load_scenario(p)

    loader.__name__ = "load_scenario"
    first = _cached(loader, path)
    second = _cached(loader, path)
    assert first == second and len(calls) == 1
    assert list((home / "cache").glob("*.pickle"))
    path.write_text(path.read_text().replace("Mini scenario", "Renamed"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    third = _cached(loader, path)
    assert len(calls) == 2 and third.title.en == "Renamed"


def test_corrupt_cache_is_rebuilt(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    shutil.copy(DATA / "mini-scenario.yaml", path)
    _cached(load_scenario, path)
    for cached in (home / "cache").glob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert _cached(load_scenario, path).id == "mini"
