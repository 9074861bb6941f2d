"""Error messages a user reads are bilingual: the English first (with its "did you mean"),
then the Korean."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import invoke

HANGUL = re.compile(r"[\uac00-\ud7a3]")
DATA = Path(__file__).parent / "data"


def test_pydantic_type_errors_get_korean(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("components:\n  a: {kind: cache, replicas: many}\n")
    code, out, _ = invoke("validate", str(path), "--json")
    (problem,) = json.loads(out)["files"][0]["problems"]
    assert code == 1 and problem["line"] == 2
    english, korean = problem["message"].split(" / ", 1)
    assert "integer" in english and korean == "정수여야 합니다"


def test_our_validators_messages_are_not_doubled(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("components:\n  a: {kind: cahce}\n")
    _, out, _ = invoke("validate", str(path), "--json")
    (problem,) = json.loads(out)["files"][0]["problems"]
    message = problem["message"]
    assert "did you mean 'cache'" in message and "알 수 없는 컴포넌트 종류" in message
    assert "올바르지 않은 값" not in message


def test_unknown_rule_id_in_a_rubric(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text((DATA / "mini-rubric.yaml").read_text().replace("[spof]", "[spoff]"))
    _, out, _ = invoke("validate", str(path))
    assert "unknown rule id 'spoff' / 알 수 없는 규칙 id 'spoff'" in out
    assert "did you mean 'spof'" in out


def test_cli_usage_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors come in the chosen language only, suggestion included."""
    monkeypatch.setenv("SYSDESIGN_LANG", "en")
    _, _, err = invoke("chekc")
    assert "No such command 'chekc' (did you mean 'check'?)" in err and not HANGUL.search(err)
    _, _, err = invoke("schema", "desgn")
    assert "did you mean 'design'" in err and not HANGUL.search(err)
    monkeypatch.setenv("SYSDESIGN_LANG", "ko")
    _, _, err = invoke("chekc")
    assert "'chekc' 명령이 없습니다. (혹시 'check'?)" in err and "No such command" not in err
    _, _, err = invoke("schema", "desgn")
    assert "혹시 'design'?" in err and "중 하나를 고르세요" in err and "did you mean" not in err
