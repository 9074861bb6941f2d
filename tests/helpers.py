"""Helpers shared by the test modules."""

from __future__ import annotations

from typer.testing import CliRunner

from sysdesign.cli import app


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    runner = CliRunner()
    result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
