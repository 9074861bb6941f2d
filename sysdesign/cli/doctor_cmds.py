"""`doctor`: check the history database; `--repair` moves a damaged one aside."""

from __future__ import annotations

from typing import Annotated

import typer

from sysdesign.cli.common import JsonOpt, LangOpt, print_json


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)


def doctor(
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Move a damaged database aside and start a new one with every row that can "
            "still be read. / 손상된 데이터베이스를 옆으로 옮기고, 읽을 수 있는 기록을 담은 새 "
            "데이터베이스로 바꿉니다.",
        ),
    ] = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Check the history database (SQLite integrity check); exit 1 if it needs repair. / 기록 데이터베이스를 점검합니다(SQLite 무결성 검사). 고쳐야 하면 1로 끝납니다."""
    from sysdesign.i18n import resolve_lang, say
    from sysdesign.store import db_path
    from sysdesign.store.doctor import examine
    from sysdesign.store.doctor import repair as repair_store

    language = resolve_lang(lang)
    path = db_path()
    report = repair_store(path) if repair else examine(path)
    if json_out:
        print_json(report.to_json())
    else:
        status = {
            "ok": say(language, en="healthy", ko="정상"),
            "missing": say(language, en="no history yet", ko="아직 기록 없음"),
            "damaged": say(language, en="damaged", ko="손상됨"),
            "foreign": say(language, en="written by another version", ko="다른 버전이 쓴 파일"),
            "read-only": say(language, en="healthy, read-only", ko="정상(읽기 전용)"),
        }[report.status]
        if report.moved_to:
            status = say(language, en="repaired", ko="복구함")
        typer.echo(f"{report.path}: {status}")
        if report.detail and report.status != "missing":
            was = say(language, en="was: ", ko="이전 상태: ") if report.moved_to else ""
            typer.echo("  " + was + report.detail)
        if report.integrity and report.integrity != ["ok"]:
            typer.echo(say(language, en="  integrity check:", ko="  무결성 검사:"))
            for line in report.integrity:
                typer.echo("    " + line)
        if report.moved_to:
            typer.echo(
                say(
                    language,
                    en=f"  moved the damaged file to {report.moved_to}",
                    ko=f"  손상된 파일을 옮겼습니다: {report.moved_to}",
                )
            )
            kept = ", ".join(f"{table} {n}" for table, n in report.kept.items()) or "-"
            typer.echo(say(language, en=f"  kept: {kept}", ko=f"  살린 기록: {kept}"))
        elif report.counts:
            counts = ", ".join(f"{t} {n}" for t, n in report.counts.items())
            typer.echo(say(language, en=f"  rows: {counts}", ko=f"  행 수: {counts}"))
        if not report.healthy and not repair and report.status == "damaged":
            typer.echo(
                say(
                    language,
                    en="  run `sysdesign doctor --repair` to move it aside and keep what can be "
                    "read",
                    ko="  `sysdesign doctor --repair`로 파일을 옆으로 옮기고 읽을 수 있는 기록을 "
                    "살리세요",
                )
            )
    if not report.healthy:
        raise typer.Exit(1)
