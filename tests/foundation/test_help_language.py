"""`--help`, usage and errors appear in the chosen language only: `--lang`, SYSDESIGN_LANG or the
locale picks one half of every "English. / 한국어." help text and click's own words follow."""

from __future__ import annotations

import re

import pytest

from sysdesign.cli.helplang import error_text, pick, speaking
from tests.helpers import invoke

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_korean_help_has_no_english_scaffolding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "ko")
    code, out, _ = invoke("--help")
    assert code == 0
    assert out.startswith("사용법: sysdesign")
    for english in ("Usage:", "Options", "Commands", "Show this message", "interview simulator"):
        assert english not in out, english
    assert "옵션:" in out and "명령:" in out and "이 도움말을 보여 주고 끝냅니다." in out
    assert "시간제한 모의 면접을 시작합니다." in out


def test_lang_flag_chooses_the_help_language_of_a_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "en")
    code, out, _ = invoke("check", "--help", "--lang", "ko")
    assert code == 0
    assert "설계 YAML 파일.  [필수]" in out
    assert "A design YAML file" not in out and "[required]" not in out
    code, out, _ = invoke("check", "--help")
    assert code == 0
    assert "A design YAML file.  [required]" in out
    assert not HANGUL.search(out), out


def test_english_help_lines_carry_no_korean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "en")
    for args in (["--help"], ["estimate", "--help"], ["star", "practice", "--help"]):
        code, out, _ = invoke(*args)
        assert code == 0, args
        assert not HANGUL.search(out), (args, out)


def test_click_errors_are_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "ko")
    code, _, err = invoke("check")
    assert code == 2
    assert "오류: 빠진 인자: 'DESIGN'" in err and "도움말: 'sysdesign check -h'" in err
    assert "Missing argument" not in err and "Error" not in err
    monkeypatch.setenv("SYSDESIGN_LANG", "en")
    code, _, err = invoke("check")
    assert code == 2 and "Error: Missing argument 'DESIGN'." in err


def test_our_errors_keep_the_file_and_values_the_korean_half_leaves_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "ko")
    code, _, err = invoke("check", "no-such-design.yaml")
    assert code == 2
    assert err.strip() == "sysdesign: 오류: no-such-design.yaml: 파일이 없습니다"
    code, _, err = invoke("start", "no-such-scenario")
    assert code == 2 and "'no-such-scenario'" in err and "no scenario" not in err


@pytest.mark.parametrize(
    ("text", "en", "ko"),
    [
        ("Show the version. / 버전을 봅니다.", "Show the version.", "버전을 봅니다."),
        ("PNG/SVG output. / PNG/SVG 출력.", "PNG/SVG output.", "PNG/SVG 출력."),
        (
            "md, html or json. / md, html 또는 json.  [default: md]",
            "md, html or json.  [default: md]",
            "md, html 또는 json.  [default: md]",
        ),
        ("No Korean here / at all", "No Korean here / at all", "No Korean here / at all"),
        ("", "", ""),
    ],
)
def test_pick_takes_one_half(text: str, en: str, ko: str) -> None:
    assert pick(text, "en") == en
    assert pick(text, "ko") == ko


def test_error_text_names_what_only_the_english_half_said() -> None:
    with speaking("ko"):
        assert (
            error_text("track 'x' has no scenario / 트랙에 시나리오가 없습니다")
            == "트랙에 시나리오가 없습니다 ('x')"
        )
        assert error_text("a.yaml:3: bad value / 잘못된 값") == "a.yaml:3: 잘못된 값"
    with speaking("en"):
        assert error_text("a.yaml:3: bad value / 잘못된 값") == "a.yaml:3: bad value"
