"""Every `--help` text a user sees is bilingual: "English. / 한국어." for each command,
subcommand, option and argument, so a new flag cannot ship in one language only."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.foundation.test_cli import _tree

HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")
# The Korean half starts after a slash set off by white space ("… exit. / 버전을 …"); a slash
# inside a token such as `100M/day` or `PNG/SVG` does not count.
SEPARATOR = re.compile(r"\s/\s")


def _help_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for the root, every command and subcommand, and all their parameters."""
    import typer

    from sysdesign.cli import app

    def walk(cmd: object, path: str) -> Iterator[tuple[str, str]]:
        yield path, getattr(cmd, "help", None) or ""
        for param in getattr(cmd, "params", []):
            yield f"{path} {param.name}", getattr(param, "help", None) or ""
        for name, child in getattr(cmd, "commands", {}).items():
            yield from walk(child, f"{path} {name}")

    yield from walk(typer.main.get_command(app), "sysdesign")
    for name, cmd in _tree().items():
        yield from walk(cmd, name)


def _is_bilingual(text: str) -> bool:
    parts = SEPARATOR.split(text, maxsplit=1)
    if len(parts) != 2:
        return False
    english, korean = parts
    return bool(LATIN.search(english)) and bool(HANGUL.search(korean))


def test_the_walk_reaches_every_parameter() -> None:
    """The walk itself is not vacuous: it sees subcommands, options and arguments."""
    where = {w for w, _ in _help_texts()}
    assert {"sysdesign", "estimate pool", "star practice seed", "check design"} <= where
    assert len(where) > 200


def test_every_help_text_is_english_then_korean() -> None:
    missing = [f"{w}: {t!r}" for w, t in _help_texts() if not _is_bilingual(t)]
    assert not missing, "help texts not in the 'English. / 한국어.' form:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    "text",
    [
        "Show the version and exit.",
        "버전을 출력합니다.",
        "Answer file (markers such as 'Situation:' or '상황:').",
        "Daily active users. / DAU.",
        "Total writes, e.g. 100M/day.",
    ],
)
def test_the_check_rejects_one_language(text: str) -> None:
    assert not _is_bilingual(text)


def test_the_check_accepts_the_house_form() -> None:
    assert _is_bilingual("Show the version and exit. / 버전을 출력하고 끝냅니다.")
    assert _is_bilingual("Write a new story,\nor ask.\n/ 새 스토리를 씁니다.")
