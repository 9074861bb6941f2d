"""A SYSDESIGN_HOME where the database cannot be created is a usage error naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import invoke


@pytest.mark.parametrize("command", [["history"], ["history", "--json"], ["next"], ["resume"]])
def test_unusable_home_is_exit_2_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv("SYSDESIGN_HOME", str(blocker / "home"))
    code, out, err = invoke(*command)
    assert code == 2
    assert out == ""
    assert str(blocker / "home") in err
