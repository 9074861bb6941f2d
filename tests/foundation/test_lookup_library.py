"""`lookup_library`: the ids of the whole library without loading it, one model when read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sysdesign import paths
from sysdesign.errors import InvalidInputError

DATA = Path(__file__).parent / "data"


def _fresh(kind: str) -> object:
    """`lookup_library()` or `library()` as a new process sees it (the memos cleared)."""
    from sysdesign import library as module

    module._CACHE.clear()
    module._LOOKUP.clear()
    return getattr(module, kind)()


def test_same_ids_and_models_as_the_whole_library(home: Path) -> None:
    from sysdesign.library import Library, _Lazy, load_library

    (home / "scenarios").mkdir()
    (home / "rubrics").mkdir()
    shutil.copy(DATA / "mini-scenario.yaml", home / "scenarios" / "mini.yaml")
    # A user rubric under another file name still serves the scenario it names.
    shutil.copy(DATA / "mini-rubric.yaml", home / "rubrics" / "my-rubric.yaml")
    eager = load_library()
    lazy = _fresh("lookup_library")
    assert isinstance(lazy, Library) and isinstance(lazy.scenarios, _Lazy)
    assert not (home / "cache" / "library-index.pickle").exists()  # nothing was validated
    assert list(lazy.scenarios) == list(eager.scenarios)
    assert list(lazy.rubrics) == list(eager.rubrics)
    assert len(eager.scenarios) == 37 and "mini" in lazy.rubrics
    assert lazy.sources == {k: v for k, v in eager.sources.items() if not k.startswith("track:")}
    assert not lazy.scenarios._got and not lazy.rubrics._got
    assert lazy.scenario("chat") == eager.scenarios["chat"]
    assert lazy.rubric("mini") == eager.rubrics["mini"]
    assert list(lazy.scenarios._got) == ["chat"] and list(lazy.rubrics._got) == ["mini"]
    assert dict(lazy.tracks) == dict(eager.tracks)


def test_the_index_is_used_when_valid(home: Path) -> None:
    from sysdesign.library import _Lazy

    _fresh("library")  # loads every file and writes the index
    lib = _fresh("lookup_library")
    assert isinstance(lib.scenarios, _Lazy)  # type: ignore[attr-defined]
    assert lib.track_scenarios  # type: ignore[attr-defined]  # only the index holds these


@pytest.mark.parametrize(
    ("first_lines", "expected"),
    [
        ("scenario: chat\n", "chat"),
        ("weights: {design: 1}\nscenario: 'chat'\n", "chat"),
        ("notes:\n  - {a: [1, {b: 2}]}\n  - x\nscenario: chat\n", "chat"),
        ('scenario: "1:30"\n', "1:30"),
        ("scenario: 1:30\n", "1:30"),  # base-60 stays text, as in the full loader
        ("scenario: !!str 12\n", "12"),
        ("scenario: 12\n", None),  # a number: the model refuses it, so load everything
        ("scenario: yes\n", None),
        ("scenario: ~\n", None),
        ("scenario: [chat]\n", None),
        ("base: &b chat\nscenario: *b\n", None),
        ("- scenario: chat\n", None),
        ("weights: {design: 1}\n", None),
        ("weights: [1\nscenario: chat\n", None),  # a YAML error before the key
        # past the key the file is not read: loading that rubric reports the error
        ("scenario: chat\nweights: [1\n", "chat"),
    ],
)
def test_rubric_scenario_reads_the_first_lines(
    tmp_path: Path, first_lines: str, expected: str | None
) -> None:
    from sysdesign.library import rubric_scenario

    path = tmp_path / "r.yaml"
    path.write_text(first_lines, encoding="utf-8")
    assert rubric_scenario(path) == expected


def test_every_bundled_rubric_names_its_scenario_on_its_first_line() -> None:
    from sysdesign.library import load_rubric, rubric_scenario

    files = sorted(paths.bundled("rubrics").glob("*.yaml"))
    assert len(files) == 36
    for path in files:
        assert rubric_scenario(path) == load_rubric(path).scenario == path.stem


def test_an_unreadable_rubric_loads_the_whole_library_which_reports_it(home: Path) -> None:
    (home / "rubrics").mkdir()
    (home / "rubrics" / "odd.yaml").write_text("scenario: 12\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        _fresh("lookup_library")
    assert "odd.yaml" in str(caught.value.problems[0])


def test_a_first_check_reads_only_the_scenario_and_rubric_it_needs(home: Path) -> None:
    from tests.helpers import invoke

    design = paths.bundled("designs") / "url-shortener.yaml"
    _fresh("lookup_library")  # start like a new process
    code, out, err = invoke("check", str(design))
    assert code == 0, err
    assert "Score" in out
    from sysdesign import library as module

    lib = module._LOOKUP[str(home)]
    assert not lib.scenarios._got  # type: ignore[attr-defined]  # its estimates only
    assert not lib.rubrics._got  # type: ignore[attr-defined]  # what it scores with only


def test_estimates_of_reads_only_the_estimates(home: Path) -> None:
    import os
    import subprocess
    import sys

    from sysdesign.library import load_library

    eager = load_library()
    lazy = _fresh("lookup_library")
    for sid, scenario in eager.scenarios.items():
        assert lazy.estimates_of(sid) == scenario.estimates  # type: ignore[attr-defined]
    assert not lazy.scenarios._got  # type: ignore[attr-defined]
    assert eager.estimates_of("chat") == eager.scenarios["chat"].estimates
    with pytest.raises(Exception, match="no scenario 'chatt'"):
        lazy.estimates_of("chatt")  # type: ignore[attr-defined]
    # Two checks in a new home.
    design = str(paths.bundled("designs") / "url-shortener.yaml")
    argv = [sys.executable, "-X", "importtime", "-m", "sysdesign", "check", design]
    env = {**os.environ, "SYSDESIGN_HOME": str(home / "new")}
    runs = [subprocess.run(argv, capture_output=True, text=True, env=env) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0] and runs[0].stdout == runs[1].stdout
    imported = [{line.split("|")[-1].strip() for line in r.stderr.splitlines()} for r in runs]
    # Neither the first check (the scenario's `estimates:` read without the model) nor the
    # second (from the cache) imports the scenario model.
    assert all("sysdesign.models.scenario" not in names for names in imported)
