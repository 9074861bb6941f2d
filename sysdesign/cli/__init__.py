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

# Top-level commands → (module that registers them, help in English, help in Korean).
# Modules are imported only when their command runs, so `sysdesign --help` and every command
# pay for one verb group, not all of them. A test checks this table against each command's
# own help and against what each module registers.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "start": ("session_cmds", "Start a timed mock interview.", "시간제한 모의 면접을 시작합니다."),
    "resume": (
        "session_cmds",
        "Resume an interrupted session where it stopped.",
        "중단된 면접을 멈춘 곳에서 이어갑니다.",
    ),
    "report": ("session_cmds", "Show a session's scored report.", "면접의 채점 리포트를 봅니다."),
    "history": (
        "progress_cmds",
        "Everything you practised, newest first; `history delete ID` removes one.",
        "연습 기록(최신순). `history delete ID`로 하나를 지웁니다.",
    ),
    "progress": (
        "progress_cmds",
        "Scores over time per area, scenario and track, as charts.",
        "영역·시나리오·트랙별 점수 추이를 차트로 봅니다.",
    ),
    "next": (
        "progress_cmds",
        "What to practise next, from your spaced-repetition (SM-2) schedule.",
        "간격 반복(SM-2) 일정에 따라 다음에 연습할 것을 추천합니다.",
    ),
    "estimate": (
        "estimate_cmds",
        "Back-of-envelope estimates that show their work.",
        "풀이 과정을 보여 주는 규모 추정 계산기와 드릴.",
    ),
    "numbers": (
        "estimate_cmds",
        "Latency numbers and powers of two, each with its source and year.",
        "알아 두어야 할 지연 시간과 2의 거듭제곱(출처·연도 포함).",
    ),
    "check": (
        "check_cmds",
        "Find bottlenecks in a design, with evidence, fixes and a score.",
        "설계의 병목을 근거·해결책·점수와 함께 찾습니다.",
    ),
    "diagram": (
        "render_cmds",
        "Draw the design: PNG/SVG/PDF with icons, or Mermaid/DOT text.",
        "설계를 그림(PNG/SVG/PDF) 또는 Mermaid/DOT 텍스트로 그립니다.",
    ),
    "export": (
        "render_cmds",
        "Write a blog post or an HTML review from a design.",
        "설계로 블로그 글이나 HTML 리뷰를 만듭니다.",
    ),
    "star": (
        "star_cmds",
        "Behavioural (STAR) stories: bank, checks, timed practice, coverage.",
        "행동 면접(STAR) 스토리: 보관, 점검, 시간제한 연습, 커버리지.",
    ),
    "qa": (
        "qa_cmds",
        "Technical interview rounds with follow-up chains, graded by meaning; the bank.",
        "꼬리 질문이 이어지는 기술 면접 라운드(의미로 채점)와 질문 은행.",
    ),
    "scenarios": ("library_cmds", "Browse the interview scenarios.", "면접 시나리오를 봅니다."),
    "tracks": (
        "library_cmds",
        "Company tracks: which scenarios each loop stresses.",
        "회사별 트랙: 각 면접이 중시하는 시나리오.",
    ),
    "validate": (
        "library_cmds",
        "Validate files and list every problem (exit 1 if any, 2 if unreadable).",
        "파일을 검증하고 모든 문제를 나열합니다(문제가 있으면 1, 읽을 수 없으면 2로 종료).",
    ),
    "doctor": (
        "doctor_cmds",
        "Check the history database (SQLite integrity check); exit 1 if it needs repair.",
        "기록 데이터베이스를 점검합니다(SQLite 무결성 검사). 고쳐야 하면 1로 끝납니다.",
    ),
    "schema": (
        "library_cmds",
        "Print the JSON Schema of a file kind (for editors).",
        "파일 종류별 JSON 스키마를 출력합니다(편집기용).",
    ),
}

_LOADED: dict[str, TyperGroup] = {}


def load_module_commands(module_name: str) -> TyperGroup:
    """Import one verb-group module and build its commands (once per process)."""
    if module_name not in _LOADED:
        import importlib

        module = importlib.import_module(f"sysdesign.cli.{module_name}")
        holder = typer.Typer(rich_markup_mode=None)

        @holder.callback()
        def _holder() -> None:
            """Holder group; never shown."""

        module.register(holder)
        group = typer.main.get_command(holder)
        assert isinstance(group, TyperGroup)
        _LOADED[module_name] = group
    return _LOADED[module_name]


class _Root(TyperGroup):
    """Loads verb groups lazily and catches every SysdesignError once: message on stderr,
    exit code, never a traceback."""

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        return load_module_commands(COMMANDS[cmd_name][0]).commands.get(cmd_name)

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        """Run a command line with help, usage and errors in the language it asks for."""
        from sysdesign.cli import helplang

        helplang.install()
        argv = list(args) if args is not None else sys.argv[1:]
        with helplang.speaking(helplang.lang_from_args(argv)):
            return super().main(args, *rest, **kwargs)

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        from sysdesign.cli.helplang import current

        korean = current() == "ko"
        rows = [(name, ko if korean else en) for name, (_, en, ko) in COMMANDS.items()]
        with formatter.section("명령" if korean else "Commands"):
            formatter.write_dl(rows)

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from sysdesign.yamlio import did_you_mean

            ctx.fail(
                f"No such command '{name}' / '{name}' 명령이 없습니다."
                f"{did_you_mean(name, COMMANDS)}"
            )
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SysdesignError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except typer.Abort:
            # A prompt got no answer: its input ended (EOF) or Ctrl-C came while it waited.
            # Anything already typed was kept by the command (e.g. `star add`'s draft).
            typer.echo(
                "sysdesign: error: no answer: the input ended or was interrupted / "
                "답이 없습니다: 입력이 끝났거나 중단되었습니다",
                err=True,
            )
            raise typer.Exit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None


def report_error(exc: SysdesignError) -> None:
    from sysdesign.cli.helplang import current, error_text

    prefix = "sysdesign: 오류: " if current() == "ko" else "sysdesign: error: "
    if isinstance(exc, InvalidInputError):
        for problem in exc.problems:
            typer.echo(f"{prefix}{error_text(str(problem))}", err=True)
    else:
        typer.echo(f"{prefix}{error_text(str(exc))}", err=True)


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
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and exit. / 버전을 출력하고 끝냅니다.",
        ),
    ] = False,
) -> None:
    """Offline system-design interview simulator. / 오프라인 시스템 디자인 면접 연습 도구."""


def _exit_on_signal(signum: int, _frame: object) -> None:
    """SIGTERM/SIGHUP end the command like Ctrl-C does: `finally` blocks run, so staging
    folders and temporary files are removed and an open transaction rolls back."""
    raise SystemExit(128 + signum)


def _handle_termination() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, _exit_on_signal)


def _inert_output() -> None:
    """Strip control characters that user text could carry to the terminal."""
    from sysdesign.cli.inert import InertStream

    if not isinstance(sys.stdout, InertStream) and sys.stdout is not None:
        sys.stdout = InertStream(sys.stdout)  # type: ignore[assignment,unused-ignore]
    if not isinstance(sys.stderr, InertStream) and sys.stderr is not None:
        sys.stderr = InertStream(sys.stderr)  # type: ignore[assignment,unused-ignore]


def run() -> None:
    _handle_termination()
    _inert_output()
    try:
        app()
    except SysdesignError as exc:  # raised outside a command (e.g. in a callback)
        report_error(exc)
        sys.exit(exc.exit_code or EXIT_USAGE)
