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


def _fresh_library() -> object:
    """`library()` as a new process sees it (the per-process memo cleared)."""
    from sysdesign import library as module

    module._CACHE.clear()
    return module.library()


def test_index_serves_ids_and_summaries_without_loading_models(home: Path) -> None:
    from sysdesign.library import Library, _Lazy, load_library

    eager = load_library()
    first = _fresh_library()  # loads every file, writes the index
    assert (home / "cache" / "library-index.pickle").is_file()
    lazy = _fresh_library()
    assert isinstance(lazy, Library) and isinstance(first, Library)
    assert isinstance(lazy.scenarios, _Lazy) and not lazy.scenarios._got
    assert list(lazy.scenarios) == list(eager.scenarios)
    assert list(lazy.rubrics) == list(eager.rubrics)
    assert list(lazy.tracks) == list(eager.tracks)
    assert "chat" in lazy.scenarios and "no-such" not in lazy.scenarios
    assert lazy.summary("chat").title_in("ko") == eager.scenarios["chat"].title.ko
    assert lazy.summary("chat").minutes == eager.scenarios["chat"].total_minutes
    assert not lazy.scenarios._got  # summaries and membership loaded nothing
    for sid in eager.scenarios:
        assert lazy.tracks_of(sid) == eager.tracks_of(sid)
    assert lazy.scenarios["chat"] == eager.scenarios["chat"]
    assert list(lazy.scenarios._got) == ["chat"]
    assert lazy.rubric("chat") == eager.rubrics["chat"]
    assert lazy.tracks[next(iter(eager.tracks))] == next(iter(eager.tracks.values()))
    assert lazy.cross_problems() == eager.cross_problems() == []


def test_index_is_rebuilt_when_a_user_file_appears_or_breaks(home: Path) -> None:
    from sysdesign.errors import InvalidInputError
    from sysdesign.library import Library

    _fresh_library()
    (home / "scenarios").mkdir()
    (home / "rubrics").mkdir()
    shutil.copy(DATA / "mini-scenario.yaml", home / "scenarios" / "mini.yaml")
    shutil.copy(DATA / "mini-rubric.yaml", home / "rubrics" / "mini.yaml")
    lib = _fresh_library()
    assert isinstance(lib, Library)
    assert "mini" in lib.scenarios and lib.summary("mini").title_in("en") == "Mini scenario"
    assert isinstance(_fresh_library(), Library) and "mini" in lib.rubrics
    broken = home / "scenarios" / "mini.yaml"
    broken.write_text(broken.read_text().replace("difficulty: easy", "difficulty: 7"), "utf-8")
    stat = broken.stat()
    os.utime(broken, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    try:
        _fresh_library()
    except InvalidInputError as exc:
        assert "mini.yaml" in str(exc.problems[0])
    else:
        raise AssertionError("an invalid user scenario must stop the library from loading")
