"""Korean output never guesses a particle as 「을(를)」: render the common commands in Korean over
the bundled data and look for the guessed forms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sysdesign.paths import bundled
from tests.helpers import invoke

GUESSED = re.compile(r"\((?:를|을|가|이|는|은|과|와|으)\)")
DESIGNS = sorted(bundled("designs").glob("*.yaml"))
SCENARIOS = sorted(p.stem for p in bundled("scenarios").glob("*.yaml") if p.stem != "tracks")


def _assert_no_guess(output: str, what: str) -> None:
    found = [m.group(0) for m in GUESSED.finditer(output)]
    where = [output[max(0, m.start() - 30) : m.end() + 10] for m in GUESSED.finditer(output)]
    assert not found, f"{what}: guessed particles {found} in {where}"


@pytest.fixture(autouse=True)
def _korean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "ko")


def test_the_pattern_catches_every_guessed_form() -> None:
    for guessed in ("을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "과(와)", "와(과)"):
        assert GUESSED.search(f"x{guessed} y")
    assert GUESSED.search("db(으)로 가는")
    assert not GUESSED.search("db로 가는 (로드 밸런서 뒤) 서비스")


def test_bundled_data_is_there() -> None:
    assert len(DESIGNS) >= 16 and len(SCENARIOS) >= 16


def test_scenarios_and_tracks() -> None:
    outputs = [invoke("scenarios", "list", "--lang", "ko"), invoke("tracks", "list")]
    outputs += [invoke("scenarios", "show", sid, "--lang", "ko") for sid in SCENARIOS]
    for code, out, err in outputs:
        assert code == 0, err
        _assert_no_guess(out + err, "scenarios/tracks")


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.stem)
def test_check_every_bundled_design(design: Path) -> None:
    code, out, err = invoke("check", str(design), "--lang", "ko")
    assert code in (0, 1), err
    assert "점" in out
    _assert_no_guess(out + err, f"check {design.name}")


def test_check_findings_of_a_weak_design(tmp_path: Path) -> None:
    """A weak design fires the rules whose messages name components."""
    path = tmp_path / "weak.yaml"
    path.write_text(
        "scenario: chat\n"
        "components:\n"
        "  users: {kind: client}\n"
        "  api-1: {kind: service, replicas: 3}\n"
        "  db-1: {kind: sql_db, capacity: 100 writes}\n"
        "connections:\n"
        "  - users -> api-1 -> db-1: write\n"
        "  - users -> db-1\n",
        encoding="utf-8",
    )
    code, out, err = invoke("check", str(path), "--lang", "ko")
    assert code in (0, 1), err
    assert "db-1" in out
    _assert_no_guess(out + err, "check weak design")
    code, out, err = invoke("check", str(path), "--lang", "ko", "--kill", "nope")
    assert code == 2 and "nope" in err
    _assert_no_guess(out + err, "check --kill")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_estimate_every_preset(scenario: str) -> None:
    code, out, err = invoke("estimate", "--scenario", scenario, "--lang", "ko")
    assert code == 0, err
    _assert_no_guess(out + err, f"estimate {scenario}")


def test_estimate_errors() -> None:
    for args in (
        ("--dau", "many"),
        ("--write-size", "big"),
        ("connections", "--concurrent", "1M", "--connections-per-server", "0"),
    ):
        code, out, err = invoke("estimate", *args, "--lang", "ko")
        assert code == 2, (args, out)
        _assert_no_guess(out + err, f"estimate {args}")


def test_validate_bad_files(tmp_path: Path) -> None:
    design = tmp_path / "bad-design.yaml"
    design.write_text(
        "components:\n"
        "  a: {kind: service, capacity: lots of rps}\n"
        "  b: {kind: cahce, capacity: -5 rps}\n"
        "connections:\n"
        "  - a -> a\n"
        "  - a -> c\n",
        encoding="utf-8",
    )
    scenario = tmp_path / "other-name.yaml"
    scenario.write_text(
        (Path(__file__).parent / "data" / "mini-scenario.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text("components: [\n", encoding="utf-8")
    for path in (design, scenario, broken):
        code, out, err = invoke("validate", str(path))
        assert code in (1, 2), out
        _assert_no_guess(out + err, f"validate {path.name}")
