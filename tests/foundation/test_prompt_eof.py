"""A prompt whose input ends (EOF, or Ctrl-C while it waits) is reported once, in both
languages, with exit 2 (no answer given): not click's bare "Aborted!" with exit 1, which the
contract reserves for a negative verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import invoke


@pytest.mark.parametrize(
    "command",
    [["estimate", "drill"], ["estimate", "drill", "--json"], ["star", "add"]],
)
def test_eof_on_a_prompt_is_exit_2_with_a_message(command: list[str]) -> None:
    code, out, err = invoke(*command, input="")
    assert code == 2
    assert "Aborted!" not in out + err
    assert "no answer" in err and "답" in err
    if "--json" in command:
        assert out.strip() == ""


def test_star_add_keeps_the_draft_when_input_ends(home: Path) -> None:
    code, _, err = invoke("star", "add", input="Led the payments migration\n")
    assert "draft" in err
    assert code == 2
    drafts = list((home / "drafts").glob("story-*.yaml"))
    assert drafts and "Led the payments migration" in drafts[0].read_text()
