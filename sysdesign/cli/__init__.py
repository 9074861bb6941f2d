"""The typer application: one thin module per verb group, one error boundary.

Only typer and the standard library are imported here; every command imports what it needs
inside its body so that `sysdesign --help` stays near the floor of any typer CLI.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer import _click
from typer.core import TyperGroup

from sysdesign import __version__
from sysdesign.errors import EXIT_USAGE, InvalidInputError, SysdesignError


class _Root(TyperGroup):
    """Catches every SysdesignError once: message on stderr, exit code, never a traceback."""

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SysdesignError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None


def report_error(exc: SysdesignError) -> None:
    prefix = "sysdesign: error: "
    if isinstance(exc, InvalidInputError):
        for problem in exc.problems:
            typer.echo(f"{prefix}{problem}", err=True)
    else:
        typer.echo(f"{prefix}{exc}", err=True)


app = typer.Typer(
    name="sysdesign",
    cls=_Root,
    help="Offline system-design interview simulator. / 오프라인 시스템 디자인 면접 연습 도구.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sysdesign {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Offline system-design interview simulator. / 오프라인 시스템 디자인 면접 연습 도구."""


def _register() -> None:
    """Each verb group adds its commands; one line per module."""
    from sysdesign.cli import library_cmds

    library_cmds.register(app)
    __import__("sysdesign.cli.estimate_cmds", fromlist=["register"]).register(app)
    __import__("sysdesign.cli.render_cmds", fromlist=["register"]).register(app)
    __import__("sysdesign.cli.session_cmds", fromlist=["register"]).register(app)
    __import__("sysdesign.cli.check_cmds", fromlist=["register"]).register(app)
    __import__("sysdesign.cli.star_cmds", fromlist=["register"]).register(app)


_register()


def run() -> None:
    try:
        app()
    except SysdesignError as exc:  # raised outside a command (e.g. in a callback)
        report_error(exc)
        sys.exit(exc.exit_code or EXIT_USAGE)
