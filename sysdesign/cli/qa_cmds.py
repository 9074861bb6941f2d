"""`qa`: technical interview questions with follow-up chains (꼬리 질문) — the question bank."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sysdesign.cli.common import JsonOpt, LangOpt, console, print_json

if TYPE_CHECKING:
    from sysdesign.models.track import Track
    from sysdesign.qa.bank import QaBank
    from sysdesign.qa.round import QaRound

qa_app = typer.Typer(
    help="Technical interview rounds with follow-up chains, graded by meaning; the bank "
    "(`qa list`), reports (`qa report ID`). / 꼬리 질문이 이어지는 기술 면접 라운드(의미로 "
    "채점)와 질문 은행(`qa list`), 리포트(`qa report ID`).",
    invoke_without_command=True,
    rich_markup_mode=None,
)

PlainOpt = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="Line mode (for pipes and screen readers); the default when stdin is not a TTY. / "
        "줄 단위 모드(파이프·스크린 리더용). 표준 입력이 TTY가 아니면 기본값입니다.",
    ),
]


def register(app: typer.Typer) -> None:
    app.add_typer(qa_app, name="qa")


@qa_app.callback()
def qa_round(
    ctx: typer.Context,
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            help="A topic to ask about; repeat for several (go, java-spring, kafka, kubernetes, "
            "database, …). / 물어볼 주제. 여러 번 줄 수 있습니다(go, java-spring, kafka 등).",
        ),
    ] = None,
    company: Annotated[
        str | None,
        typer.Option(
            "--company",
            "--track",
            help="A company track (fintech, korea-bigtech, commerce, faang) or a company it "
            "names: its loop's topics. / 회사 트랙(fintech, korea-bigtech, commerce, faang) "
            "또는 트랙에 있는 회사 이름: 그 면접이 중시하는 주제.",
        ),
    ] = None,
    minutes: Annotated[
        float | None,
        typer.Option(
            "--minutes", help="Length of the round (default 20). / 라운드 길이(기본 20분)."
        ),
    ] = None,
    script: Annotated[
        Path | None,
        typer.Option(
            "--script",
            help="Replay scripted answers (YAML) on a virtual clock. / "
            "스크립트(YAML)의 답을 가상 시계로 재생합니다.",
        ),
    ] = None,
    plain: PlainOpt = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """A timed round of technical questions with follow-ups (꼬리 질문), graded by meaning. / 꼬리 질문이 이어지는 시간제한 기술 면접 라운드(의미로 채점)."""
    if ctx.invoked_subcommand is not None:
        return
    from sysdesign.i18n import resolve_lang
    from sysdesign.qa.bank import qa_bank
    from sysdesign.store import open_store

    bank = qa_bank()
    if script is not None:
        from sysdesign.qa.script import load_qa_script, run_qa_script

        scripted = load_qa_script(script)
        language = resolve_lang(lang or scripted.lang)
        topics = _topics(bank, topic or scripted.topics or None, company)
        log: list[Any] = []
        with open_store() as store:
            rnd = run_qa_script(
                store,
                bank,
                scripted,
                topics=topics,
                lang=language,
                minutes=minutes if minutes is not None else scripted.minutes,
                company=company,
                log=log,
                first={**_first(bank, company), **scripted.first},
            )
            _finished(rnd, language, json_out, transcript=log)
        return
    if json_out:
        from sysdesign.errors import UsageError

        raise UsageError(
            "--json needs --script (a live round prints its report at the end; "
            "`sysdesign qa report ID --json`) / --json은 --script와 함께 쓰세요"
            "(실시간 라운드의 리포트: `sysdesign qa report ID --json`)"
        )
    from sysdesign.qa.round import new_round
    from sysdesign.session.clock import SystemClock

    language = resolve_lang(lang)
    topics = _topics(bank, topic, company)
    with open_store() as store:
        rnd = new_round(
            store,
            bank,
            SystemClock(),
            topics=topics,
            lang=language,
            minutes=minutes,
            company=company,
            first=_first(bank, company),
        )
        _live(rnd, plain, begin=True)


@qa_app.command("resume")
def qa_resume(
    round_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Round id (default: the latest unfinished). / "
            "라운드 id(기본: 가장 최근의 끝나지 않은 라운드).",
        ),
    ] = None,
    plain: PlainOpt = False,
    lang: LangOpt = None,
) -> None:
    """Resume an interrupted round: every acknowledged answer is kept. / 중단된 라운드를 이어갑니다. 저장된 답은 그대로 남습니다."""
    from sysdesign.errors import NotFoundError
    from sysdesign.qa.bank import qa_bank
    from sysdesign.qa.round import load_round
    from sysdesign.session.clock import SystemClock
    from sysdesign.store import open_store

    with open_store() as store:
        if round_id is None:
            open_rounds = [r for r in store.qa_rounds() if r.status != "finished"]
            if not open_rounds:
                raise NotFoundError(
                    "no unfinished qa round to resume / 이어 갈 qa 라운드가 없습니다"
                )
            round_id = open_rounds[0].id
        rnd = load_round(store, qa_bank(), SystemClock(), round_id)
        if lang:
            from sysdesign.i18n import resolve_lang

            rnd.lang = resolve_lang(lang)
        if rnd.status == "finished":
            from sysdesign.errors import UsageError

            raise UsageError(
                f"round {round_id} is finished; see `sysdesign qa report {round_id}` / "
                f"라운드 {round_id}, 이미 끝났습니다. `sysdesign qa report {round_id}`로 보세요"
            )
        if rnd.status == "paused":
            rnd.resume()
        _live(rnd, plain, begin=False)


@qa_app.command("report")
def qa_report(
    round_id: Annotated[str, typer.Argument(metavar="ID", help="Round id. / 라운드 id.")],
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """A round's report: per question your answer, every point, corrections, the model answer, the follow-up path. / 라운드 리포트: 질문마다 내 답, 요점별 판정, 바로잡기, 모범 답안, 꼬리 질문 경로."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.qa.bank import qa_bank
    from sysdesign.qa.report import build_report, render_markdown
    from sysdesign.qa.round import load_round
    from sysdesign.session.clock import SystemClock
    from sysdesign.store import open_store

    with open_store() as store:
        rnd = load_round(store, qa_bank(), SystemClock(), round_id)
        language = resolve_lang(lang or rnd.lang)
        report = build_report(rnd)
    if json_out:
        print_json(report)
        return
    sys.stdout.write(render_markdown(report, language))


def _first(bank: QaBank, company: str | None) -> dict[str, str]:
    """The company track's opening question per topic, where the bank has it."""
    if not company:
        return {}
    track = _track(company)
    return {
        t: q
        for t, q in track.qa_first.items()
        if t in bank.topics and any(x.id == q for x in bank.topics[t].questions)
    }


def _track(company: str) -> Track:
    from sysdesign.library import library

    lib = library()
    wanted = company.lower()
    for tr in lib.tracks.values():
        if tr.id == wanted or wanted in (c.lower() for c in tr.companies):
            return tr
    return lib.track(company)  # the not-found error, with a suggestion


def _topics(bank: QaBank, topics: list[str] | None, company: str | None) -> list[str]:
    """--topic wins; else the company track's topics that the bank has; else every topic."""
    from sysdesign.errors import NotFoundError, UsageError

    if topics:
        out: list[str] = []
        for t in topics:
            bank.topic(t)
            if t not in out:
                out.append(t)
        return out
    if company:
        track = _track(company)
        if not track.qa_topics:
            raise UsageError(
                f"track {track.id!r} names no qa topics; give --topic / "
                f"트랙 {track.id!r}에는 qa 주제가 없습니다. --topic을 주세요"
            )
        have: list[str] = [t for t in track.qa_topics if t in bank.topics]
        if not have:
            raise NotFoundError(
                f"the bank has none of {track.id}'s topics yet ({', '.join(track.qa_topics)}) / "
                f"{track.id} 트랙의 주제({', '.join(track.qa_topics)})에 대한 질문이 아직 없습니다"
            )
        return have
    return [t for t in bank.topics]


def _live(rnd: QaRound, plain: bool, *, begin: bool) -> None:
    from sysdesign.qa.ui import run_plain, use_plain

    if use_plain(plain):
        done = run_plain(rnd, sys.stdin, sys.stdout, begin=begin)
    else:
        from sysdesign.qa import tui  # Textual: imported only when the full-screen UI runs

        done = tui.run(rnd, begin=begin)
    if done:
        _finished(rnd, rnd.lang, False)


def _finished(
    rnd: QaRound, lang: str, json_out: bool, *, transcript: list[Any] | None = None
) -> None:
    """Write the Markdown report beside the round and print it, or print the JSON."""
    from sysdesign import paths
    from sysdesign.paths import atomic_write_text
    from sysdesign.qa.report import build_report, render_markdown

    report = build_report(rnd)
    md = render_markdown(report, lang)
    target = paths.user_dir("qa") / f"{rnd.id}.md"
    atomic_write_text(target, md)
    if json_out:
        if transcript is not None:
            report["transcript"] = [
                {"at": round(at, 1), "kind": m.kind, "text": m.get(lang)} for at, m in transcript
            ]
        report["report_file"] = str(target)
        print_json(report)
        return
    if transcript is not None:
        for _at, m in transcript:
            mark = {"interviewer": "» ", "candidate": "< ", "ack": "✓ ", "hint": "? "}.get(
                m.kind, "  "
            )
            sys.stdout.write(mark + m.get(lang).replace("\n", "\n    ") + "\n")
        sys.stdout.write("\n")
    sys.stdout.write(md)


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
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.qa.bank import list_rows, qa_bank

    language = resolve_lang(lang)
    rows = list_rows(qa_bank(), language, topic)
    if json_out:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(title=render("cli.qa.technical_questions", language))
    table.add_column("id", style="bold")
    table.add_column(render("cli.qa.topic", language))
    table.add_column(render("cli.qa.question", language))
    table.add_column(render("cli.qa.depth", language), justify="right")
    for row in rows:
        question = row["question"] if row["root"] else "↳ " + row["question"]
        table.add_row(row["id"], row["topic"], question, str(row["depth"]))
    console().print(table)
    follow = sum(1 for r in rows if not r["root"])
    console().print(
        render("cli.qa.bank_legend", language, questions=len(rows), follow=follow),
        style="dim",
    )
