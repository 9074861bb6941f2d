"""`start`, `resume` and `report`: the timed mock interview and what it leaves.

`history` (sessions, drills and STAR rounds, newest first) lives in progress_cmds.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sysdesign import messages
from sysdesign.cli.common import JsonOpt, LangOpt, finite_between, print_json

if TYPE_CHECKING:
    from sysdesign.session.engine import Session


def register(app: typer.Typer) -> None:
    app.command("start")(start)
    app.command("resume")(resume)
    # `history` (with --scenario/--kind filters and `history delete`) is registered by
    # sysdesign.cli.progress_cmds, which lists drills and STAR rounds as well as sessions.
    app.command("report")(report)


PlainOpt = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="Line mode (for pipes and screen readers); the default when stdin is not a TTY. / "
        "줄 단위 모드(파이프·스크린 리더용). 표준 입력이 TTY가 아니면 기본값입니다.",
    ),
]


def start(
    scenario_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[SCENARIO]",
            help="Scenario id, e.g. chat (or give --track instead). / "
            "시나리오 id(예: chat). 대신 --track을 줘도 됩니다.",
        ),
    ] = None,
    track: Annotated[
        str | None,
        typer.Option(
            "--track",
            metavar="ID",
            help="A company track: without SCENARIO, its scenario you have practised least. / "
            "회사별 트랙. SCENARIO가 없으면 그 트랙에서 가장 적게 연습한 시나리오를 고릅니다.",
        ),
    ] = None,
    minutes: Annotated[
        float | None,
        typer.Option(
            "--minutes",
            help="Scale the phase plan to N minutes (a quick round). / "
            "단계별 계획을 N분에 맞춰 줄입니다(짧은 라운드).",
            callback=finite_between("--minutes", 1, 600),
        ),
    ] = None,
    design: Annotated[
        Path | None,
        typer.Option(
            "--design",
            help="Your design file (created from a skeleton if missing; never overwritten). "
            "Default: ./SCENARIO-design.yaml. / 내 설계 파일(없으면 뼈대로 만들고, 있으면 "
            "덮어쓰지 않습니다). 기본값: ./SCENARIO-design.yaml.",
        ),
    ] = None,
    plain: PlainOpt = False,
    script: Annotated[
        Path | None,
        typer.Option(
            "--script",
            help="Replay a YAML of timed actions on a virtual clock, no UI. / "
            "시각이 적힌 동작 YAML을 가상 시계로 재생합니다(UI 없음).",
        ),
    ] = None,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Start a timed mock interview. / 시간제한 모의 면접을 시작합니다."""
    import uuid

    from sysdesign.i18n import resolve_lang
    from sysdesign.library import library
    from sysdesign.store import open_store

    lib = library()
    scenario_id = _pick_scenario(scenario_id, track, lang)
    scenario = lib.scenario(scenario_id)
    rubric = lib.rubric(scenario_id)
    if script is not None:
        from sysdesign.session.script import load_script, run_script

        parsed = load_script(script)
        language = resolve_lang(lang or parsed.lang)
        with open_store() as store:
            session = run_script(
                store,
                scenario,
                rubric,
                parsed,
                script.parent,
                lang=language,
                minutes=minutes,
                track=track,
            )
            _finished(session, language, json_out)
        return

    language = resolve_lang(lang)
    from sysdesign.session.clock import SystemClock
    from sysdesign.session.engine import new_session
    from sysdesign.session.skeleton import write_skeleton

    session_id = uuid.uuid4().hex[:10]
    if design is None:
        design = Path.cwd() / f"{scenario.id}-design.yaml"
        if design.exists():
            design = Path.cwd() / f"{scenario.id}-design-{session_id}.yaml"
    created = write_skeleton(design, scenario)
    with open_store() as store:
        session = new_session(
            store,
            scenario,
            rubric,
            clock=SystemClock(),
            lang=language,
            minutes=minutes,
            design_path=design,
            session_id=session_id,
            track=track,
        )
        out = sys.stderr if json_out else sys.stdout
        if created:
            out.write(
                messages.render("cli.session.created_the_design_file_from", language, design=design)
            )
        _run_live(session, plain, language, out, begin=True)
        if session.status == "finished":
            _finished(session, language, json_out, out=out)


def _pick_scenario(scenario_id: str | None, track_id: str | None, lang: str | None = None) -> str:
    """The scenario to run: the one named, else the track's scenario practised least
    (`sysdesign.tracks`); which one and why goes to stderr, so stdout keeps the session."""
    from sysdesign.errors import UsageError
    from sysdesign.library import library
    from sysdesign.store import open_store

    if track_id is None:
        if scenario_id is None:
            raise UsageError(
                "name a scenario (e.g. `sysdesign start chat`) or a track (--track ID); "
                "see `sysdesign scenarios list` / 시나리오나 --track을 주세요"
            )
        return scenario_id
    lib = library()
    track = lib.track(track_id)
    if scenario_id is not None:
        return scenario_id
    with open_store() as store:
        started = [r.scenario for r in store.sessions()]
        done = [r.item for r in store.results(kind="session")]
    available = [s for s in track.scenarios if s in lib.scenarios]
    if not available:
        raise UsageError(f"track {track_id!r} has no scenario / 트랙에 시나리오가 없습니다")
    from sysdesign.i18n import resolve_lang
    from sysdesign.tracks import pick_least_practised, practice_counts

    pick = pick_least_practised(track_id, available, practice_counts(available, started, done))
    sys.stderr.write(pick.reason(resolve_lang(lang)) + "\n")
    return pick.scenario


def _run_live(session: Session, plain: bool, lang: str, out: Any, *, begin: bool) -> None:
    from sysdesign.ui.plain import PlainUI

    use_plain = plain or not sys.stdin.isatty() or not sys.stdout.isatty() or out is not sys.stdout
    if not use_plain:
        from sysdesign.ui import tui  # Textual: imported only when the full-screen UI runs

        tui.run(session, begin=begin, lang=lang, report_path=_report_file(session.id))
        return
    ui = PlainUI(session, stdout=out, lang=lang)
    ui.run(session.begin() if begin else session.resume())


def _report_file(session_id: str) -> Path:
    from sysdesign import paths

    return paths.user_dir("sessions") / session_id / "report.md"


def _finished(session: Session, lang: str, json_out: bool, *, out: Any = None) -> None:
    """Write the Markdown report beside the session and print the summary or the JSON."""
    from sysdesign.paths import atomic_write_text
    from sysdesign.session.report import build_report, render_report

    doc = session.report or build_report(session.state, session.scenario, session.rubric, lang)
    if session.report and session.lang != lang:
        doc = build_report(session.state, session.scenario, session.rubric, lang)
    target = _report_file(session.id)
    atomic_write_text(
        target, render_report(doc, "md", lang=lang, title=session.scenario.title.get(lang))
    )
    if json_out:
        print_json(doc)
        return
    stream = out or sys.stdout
    stream.write(
        messages.render(
            "cli.session.score_100_report_sysdesign_report",
            lang,
            score=doc["score"],
            target=target,
            id=session.id,
        )
    )
    stream.flush()


def resume(
    session_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Session id (default: the latest unfinished one). / "
            "세션 id(기본값: 가장 최근에 끝나지 않은 세션).",
        ),
    ] = None,
    plain: PlainOpt = False,
    lang: LangOpt = None,
) -> None:
    """Resume an interrupted session where it stopped. / 중단된 면접을 멈춘 곳에서 이어갑니다."""
    from sysdesign.errors import NotFoundError, UsageError
    from sysdesign.session.clock import SystemClock
    from sysdesign.session.engine import open_session
    from sysdesign.store import open_store

    with open_store() as store:
        if session_id is None:
            row = store.latest_unfinished()
            if row is None:
                raise NotFoundError(
                    "no unfinished session; start one with `sysdesign start SCENARIO` / "
                    "이어서 할 세션이 없습니다"
                )
            session_id = row.id
        session = open_session(store, session_id, clock=SystemClock())
        language = lang or session.lang
        if session.status == "finished":
            raise UsageError(
                f"session {session_id} has finished; see `sysdesign report {session_id}` / "
                "이미 끝난 세션입니다"
            )
        with _session_lock(session_id) as other:
            if other:
                typer.echo(
                    messages.render(
                        "cli.session.warning_session_is_already_open",
                        language,
                        session_id=session_id,
                        other=other,
                    ),
                    err=True,
                )
            _run_live(session, plain, language, sys.stdout, begin=False)
        if session.status == "finished":
            _finished(session, language, False)


@contextmanager
def _session_lock(session_id: str) -> Iterator[str | None]:
    """Hold an advisory lock on the session while it runs; yields who else holds it (or None).

    The lock lives in a file under SYSDESIGN_HOME/sessions and goes with the process, so a
    crashed run never leaves it behind. Where it cannot be taken (a read-only home, no
    `fcntl`), nothing is said.
    """
    import os
    import re

    from sysdesign import paths

    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", session_id):
        yield None
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield None
        return
    folder = paths.user_dir("sessions")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / f"{session_id}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield None
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            yield f"pid {holder}" if holder.isdigit() else "another process"
            return
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield None
    finally:
        os.close(fd)


def report(
    session_id: Annotated[
        str, typer.Argument(metavar="ID", help="Session id (see history). / 세션 id(history 참고).")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="md, html or json. / md, html 또는 json.", show_default=True
        ),
    ] = "md",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of stdout. / 표준 출력 대신 이 파일에 씁니다.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overwrite the output file if it exists. / 출력 파일이 있으면 덮어씁니다.",
        ),
    ] = False,
    lang: LangOpt = None,
    json_out: Annotated[
        bool,
        typer.Option("--json", help="Same as --format json. / --format json과 같습니다."),
    ] = False,
) -> None:
    """Show a session's scored report. / 면접의 채점 리포트를 봅니다."""
    from sysdesign.errors import NotFoundError, UsageError
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import library
    from sysdesign.paths import atomic_write_text
    from sysdesign.session.engine import replay
    from sysdesign.session.report import is_stored_report, render_report, score_report
    from sysdesign.store import open_store

    if json_out:
        fmt = "json"
    if fmt not in ("md", "html", "json"):
        raise UsageError(f"unknown format {fmt!r}: use md, html or json / 형식은 md, html, json")
    if output is not None:
        from sysdesign.render.files import check_target

        check_target(output, force=force)  # before any work; never eats an existing file
    with open_store() as store:
        row = store.session(session_id)
        if row is None:
            raise NotFoundError(
                f"no session {session_id!r}; see `sysdesign history` / 세션이 없습니다"
            )
        language = resolve_lang(lang) if lang else row.lang
        lib = library()
        scenario = lib.scenario(row.scenario)
        # The stored report is one language-free record; a session stored by version 0.1
        # (one report per language) is scored again from its events, which are kept whole.
        stored: Any = row.meta.get("report")
        if not is_stored_report(stored):
            stored = score_report(replay(store, session_id), scenario, lib.rubric(row.scenario))
    text = render_report(stored, fmt, lang=language, title=scenario.title.get(language))
    if output is not None:
        atomic_write_text(output, text)
        typer.echo(messages.render("cli.session.wrote", language, output=output), err=True)
        return
    sys.stdout.write(text)
    sys.stdout.flush()
