"""`qa`: technical interview questions with follow-up chains (꼬리 질문) — the question bank."""

from __future__ import annotations

from typing import Annotated

import typer

from sysdesign.cli.common import JsonOpt, LangOpt, console, print_json

qa_app = typer.Typer(
    help="Technical interview questions with follow-up chains: the question bank. / "
    "꼬리 질문이 이어지는 기술 면접 질문: 질문 은행.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    app.add_typer(qa_app, name="qa")


@qa_app.command("list")
def qa_list(
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            help="Only this topic (go, java-spring, kafka, kubernetes, database, …). / "
            "이 주제의 질문만(go, java-spring, kafka, kubernetes, database 등).",
        ),
    ] = None,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List the question bank: id, topic, question, depth of its follow-up chain. / 질문 은행 목록: id, 주제, 질문, 꼬리 질문 깊이."""
    from sysdesign.i18n import resolve_lang, say
    from sysdesign.qa.bank import list_rows, qa_bank

    language = resolve_lang(lang)
    rows = list_rows(qa_bank(), language, topic)
    if json_out:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(title=say(language, en="Technical questions", ko="기술 면접 질문"))
    table.add_column("id", style="bold")
    table.add_column(say(language, en="Topic", ko="주제"))
    table.add_column(say(language, en="Question", ko="질문"))
    table.add_column(say(language, en="Depth", ko="깊이"), justify="right")
    for row in rows:
        question = row["question"] if row["root"] else "↳ " + row["question"]
        table.add_row(row["id"], row["topic"], question, str(row["depth"]))
    console().print(table)
    follow = sum(1 for r in rows if not r["root"])
    console().print(
        say(
            language,
            en=f"{len(rows)} questions; ↳ marks the {follow} asked only as follow-ups. Depth: "
            "questions in the longest follow-up chain that starts there.",
            ko=f"질문 {len(rows)}개. ↳ 표시는 꼬리 질문으로만 나오는 질문입니다({follow}개). "
            "깊이: 그 질문에서 시작하는 가장 긴 꼬리 질문 사슬의 질문 수.",
        ),
        style="dim",
    )
