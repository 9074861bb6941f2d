"""The README cannot drift from the CLI: it opens with the two set-up commands, and its command
reference names every command that exists and only those."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from sysdesign.cli import COMMANDS, app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    assert blocks[0] == "./setup.sh && .venv/bin/sysdesign start chat"
    assert blocks[1].startswith("./setup.sh --test && .venv/bin/python -m pytest")


def _reference() -> str:
    return README.split("## Commands", 1)[1].split("\n## ", 1)[0]


def test_every_command_is_in_the_reference() -> None:
    section = _reference()
    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    for name in COMMANDS:
        assert f"`sysdesign {name}" in section, f"README does not mention `sysdesign {name}`"
        cmd = root.get_command(ctx, name)  # type: ignore[attr-defined]
        for sub in getattr(cmd, "commands", {}):
            assert re.search(rf"sysdesign {name} [^`]*\b{sub}\b", section), (
                f"README does not mention `sysdesign {name} {sub}`"
            )


def test_reference_names_only_real_commands_and_options() -> None:
    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    for row in re.findall(r"^\| `(sysdesign [^`]*)`", _reference(), flags=re.M):
        words = row.split()
        name = words[1]
        assert name in COMMANDS, f"README names unknown command {name!r}"
        cmd = root.get_command(ctx, name)  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", {})
        options: set[str] = set()
        targets = [cmd]
        if len(words) > 2 and words[2] in subs:
            targets = [subs[words[2]]]
        for target in targets:
            for param in target.params:
                options.update(getattr(param, "opts", []))
        for opt in re.findall(r"(--[a-z][a-z-]*)", row):
            assert opt in options, f"README: {row!r} names {opt}, which {name} does not take"
