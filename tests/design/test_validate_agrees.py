"""`validate` reports, at file:line:col, whatever `check` would refuse in a design (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import invoke

BASE = """\
scenario: chat
components:
  u: client
  api: {kind: api, replicas: 2%s}
  db: {kind: postgres, replicas: 2}
connections:
  - u -> api -> db
estimates:
  dau: 10M
%s"""

# (what to put on the api component, an estimates line, the line:col expected, the path)
CASES = [
    ("", "  writes_per_user: abc\n", "10:20", "estimates.writes_per_user"),
    ("", "  read_write_ratio: lots\n", "10:21", "estimates.read_write_ratio"),
    ("", "  peak_factor: .nan\n", "10:16", "estimates.peak_factor"),
    ("", "  write_size: 10 parsecs\n", "10:15", "estimates.write_size"),
    ("", "  retention: forever\n", "10:14", "estimates.retention"),
    ("", "  concurrent_fraction: 2\n", "10:24", "estimates.concurrent_fraction"),
    (", capacity: lots", "", "4:43", "components.api.capacity"),
    (", capacity: 0", "", "4:43", "components.api.capacity"),
]


@pytest.mark.parametrize(("comp", "line", "where", "path"), CASES, ids=[c[3] for c in CASES])
def test_validate_reports_what_check_refuses(
    tmp_path: Path, comp: str, line: str, where: str, path: str
) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(BASE % (comp, line), encoding="utf-8")
    code, out, _ = invoke("validate", str(design))
    assert code == 1, out
    assert f"{design}:{where}: {path}:" in out
    code, out, err = invoke("check", str(design))
    assert code == 2
    assert f"{design}:{where}: {path}:" in err
    assert "--" not in err.split(path, 1)[1].split("/")[0]  # no flag that was never passed


def test_unknown_scenario_is_located(tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text((BASE % ("", "")).replace("scenario: chat", "scenario: chatt"), "utf-8")
    code, out, _ = invoke("validate", str(design))
    assert code == 1
    assert f"{design}:1:11: scenario: unknown scenario 'chatt'" in out and "'chat'" in out
    code, _, err = invoke("check", str(design))
    assert code == 2 and f"{design}:1:11:" in err


def test_numbers_where_numbers_are_accepted(tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(
        BASE % (", capacity: 8000", "  read_write_ratio: 10\n  writes_per_user: 4\n"), "utf-8"
    )
    code, out, _ = invoke("validate", str(design))
    assert code == 0, out
    code, _, err = invoke("check", str(design))
    assert code == 0, err


def test_every_problem_at_once(tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(
        BASE % (", capacity: lots", "  writes_per_user: abc\n  replicas_typo: 3\n"), "utf-8"
    )
    code, out, _ = invoke("validate", str(design))
    assert code == 1
    assert "estimates.writes_per_user" in out
    assert "components.api.capacity" in out
    assert "estimates.replicas_typo: unknown key" in out
