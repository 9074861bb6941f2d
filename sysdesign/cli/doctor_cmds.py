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
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.store import db_path
    from sysdesign.store.doctor import examine
    from sysdesign.store.doctor import repair as repair_store

    language = resolve_lang(lang)
    path = db_path()
    report = repair_store(path) if repair else examine(path)
    if json_out:
        print_json(report.to_json())
    else:
        status = render(f"cli.doctor.status.{report.status.replace('-', '_')}", language)
        if report.moved_to:
            status = render("cli.doctor.status.repaired", language)
        typer.echo(f"{report.path}: {status}")
        if report.detail and report.status != "missing":
            was = render("cli.doctor.was", language) if report.moved_to else ""
            typer.echo("  " + was + report.detail)
        if report.integrity and report.integrity != ["ok"]:
            typer.echo(render("cli.doctor.integrity_check", language))
            for line in report.integrity:
                typer.echo("    " + line)
        if report.moved_to:
            typer.echo(render("cli.doctor.moved_damaged_file", language, path=report.moved_to))
            kept = ", ".join(f"{table} {n}" for table, n in report.kept.items()) or "-"
            typer.echo(render("cli.doctor.kept", language, kept=kept))
        elif report.counts:
            counts = ", ".join(f"{t} {n}" for t, n in report.counts.items())
            typer.echo(render("cli.doctor.rows", language, counts=counts))
        if not report.healthy and not repair and report.status == "damaged":
            typer.echo(render("cli.doctor.run_repair", language))
    if not report.healthy:
        raise typer.Exit(1)
