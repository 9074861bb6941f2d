"""`scenarios`, `tracks`, `validate` and `schema`: browsing and checking the data files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sysdesign.cli.common import JsonOpt, LangOpt, console, print_json
from sysdesign.errors import EXIT_VERDICT, UsageError

scenarios_app = typer.Typer(
    help="Browse the interview scenarios. / 면접 시나리오를 봅니다.", no_args_is_help=True
)
tracks_app = typer.Typer(
    help="Company tracks: which scenarios each loop stresses. / "
    "회사별 트랙: 각 면접이 중시하는 시나리오.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(scenarios_app, name="scenarios")
    app.add_typer(tracks_app, name="tracks")
    app.command("validate")(validate)
    app.command("schema")(schema)


@scenarios_app.command("list")
def scenarios_list(
    track: Annotated[
        str | None,
        typer.Option("--track", help="Only this track's scenarios. / 이 트랙의 시나리오만."),
    ] = None,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List the scenarios. / 시나리오 목록을 봅니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import library
    from sysdesign.messages import render

    language = resolve_lang(lang)
    lib = library()
    ids = list(lib.scenarios)
    if track:
        ids = [s for s in lib.track(track).scenarios if s in lib.scenarios]
    rows: list[dict[str, Any]] = [
        {
            "id": sid,
            "title": lib.summary(sid).title_in(language),
            "tracks": lib.tracks_of(sid),
            "difficulty": lib.summary(sid).difficulty,
            "summary": lib.summary(sid).summary_in(language),
            "minutes": lib.summary(sid).minutes,
            "books": _books(lib.summary(sid).books, language),
        }
        for sid in ids
    ]
    if json_out:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(title=render("cli.library.scenarios", language))
    table.add_column("id", style="bold")
    table.add_column(render("cli.library.title", language))
    table.add_column(render("cli.library.difficulty", language))
    table.add_column(render("cli.library.tracks", language))
    table.add_column(render("cli.library.book_chapter", language))
    for row in rows:
        table.add_row(
            row["id"],
            row["title"],
            _difficulty(str(row["difficulty"]), language),
            ", ".join(row["tracks"]),
            "\n".join(b["cite"] for b in row["books"]),
        )
    out = console()
    out.print(table)
    from sysdesign.books import BOOKS

    books = " · ".join(f"{b.short(language)} = {b.title(language)}" for b in BOOKS.values())
    out.print(render("cli.library.books", language, books=books), style="dim", markup=False)


def _books(chapters: Any, lang: str) -> list[dict[str, Any]]:
    """A scenario's book chapters with the book and chapter titles in `lang`."""
    from sysdesign.books import BOOKS

    # a scenario's `books` models, or a summary's (book, chapter) pairs
    pairs = [c if isinstance(c, tuple) else (c.book, c.chapter) for c in chapters]
    return [
        {
            "book": book,
            "chapter": chapter,
            "book_title": BOOKS[book].title(lang),
            "chapter_title": BOOKS[book].chapter_title(chapter, lang),
            "cite": BOOKS[book].cite(chapter, lang),
        }
        for book, chapter in pairs
    ]


def _difficulty(value: str, lang: str) -> str:
    from sysdesign.messages import render

    if value in ("easy", "medium", "hard"):
        return render(f"cli.library.difficulty.{value}", lang)
    return value


@scenarios_app.command("show")
def scenarios_show(
    scenario_id: Annotated[
        str, typer.Argument(metavar="ID", help="Scenario id, e.g. chat. / 시나리오 id(예: chat).")
    ],
    lang: LangOpt = None,
    json_out: JsonOpt = False,
    spoilers: Annotated[
        bool,
        typer.Option(
            "--spoilers",
            help="Also show the facts, curveball and rubric. / "
            "숨겨 둔 사실, 돌발 요구사항, 루브릭도 보여 줍니다.",
        ),
    ] = False,
) -> None:
    """Show a scenario's prompt, phase plan and difficulty. / 시나리오의 문제, 단계별 계획, 난이도를 봅니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import library
    from sysdesign.messages import render

    language = resolve_lang(lang)
    lib = library()
    s = lib.scenario(scenario_id)
    doc: dict[str, Any] = {
        "id": s.id,
        "title": s.title.get(language),
        "difficulty": s.difficulty,
        "tracks": lib.tracks_of(s.id),
        "summary": s.summary.get(language),
        "prompt": s.prompt.get(language),
        "books": _books(s.books, language),
        "phases": [
            {
                "id": p.id,
                "title": p.title.get(language),
                "minutes": p.minutes,
                "goal": p.goal.get(language),
            }
            for p in s.phases
        ],
    }
    if spoilers:
        doc["facts"] = [
            {
                "id": f.id,
                "topic": f.topic,
                "answer": f.answer.get(language),
                "keywords": getattr(f.keywords, language),
            }
            for f in s.facts
        ]
        doc["estimates"] = s.estimates.given()
        doc["curveball"] = {
            "at_minute": s.curveball.at_minute,
            "text": s.curveball.text.get(language),
        }
        doc["followups"] = [
            {"id": f.id, "phase": f.phase, "question": f.question.get(language)}
            for f in s.followups
        ]
        doc["references"] = [r.model_dump(exclude_none=True) for r in s.references]
        if s.id in lib.rubrics:
            r = lib.rubrics[s.id]
            doc["rubric"] = {
                "key_questions": r.key_questions,
                "requirements": [q.text.get(language) for q in r.requirements],
                "expected_kinds": r.expected_kinds,
                "expected_tags": r.expected_tags,
                "avoid_findings": r.avoid_findings,
                "deep_dives": [d.question.get(language) for d in r.deep_dives],
                "weights": r.weights.model_dump(),
            }
    if json_out:
        print_json(doc)
        return
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.table import Table

    out = console()
    head = f"{doc['title']}  ·  {_difficulty(s.difficulty, language)}"
    if doc["tracks"]:
        head += f"  ·  {', '.join(doc['tracks'])}"
    out.print(Panel(Markdown(doc["prompt"]), title=head, title_align="left"))
    for b in doc["books"]:
        out.print(
            render("cli.library.in_the_book", language, book=b["book_title"], cite=b["cite"]),
            markup=False,
        )
    plan = Table(title=render("cli.library.phase_plan", language))
    plan.add_column(render("cli.library.phase", language))
    plan.add_column(render("cli.library.minutes", language), justify="right")
    plan.add_column(render("cli.library.goal", language))
    for p in doc["phases"]:
        plan.add_row(p["title"], f"{p['minutes']:g}", p["goal"])
    out.print(plan)
    if not spoilers:
        out.print(render("cli.library.spoilers_hidden", language), style="dim")
        return
    facts = Table(title=render("cli.library.facts", language))
    facts.add_column("id")
    facts.add_column(render("cli.library.answer", language))
    for f in doc["facts"]:
        facts.add_row(f["id"], f["answer"])
    out.print(facts)
    curveball = doc["curveball"]
    out.print(
        render(
            "cli.library.curveball_at",
            language,
            minute=curveball["at_minute"],
            text=curveball["text"],
        )
    )


@tracks_app.command("list")
def tracks_list(lang: LangOpt = None, json_out: JsonOpt = False) -> None:
    """List the tracks. / 트랙 목록을 봅니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import library
    from sysdesign.messages import render

    language = resolve_lang(lang)
    lib = library()
    rows: list[dict[str, Any]] = [
        {
            "id": t.id,
            "title": t.title.get(language),
            "companies": t.companies,
            "stresses": t.stresses.get(language),
            "scenarios": t.scenarios,
        }
        for t in lib.tracks.values()
    ]
    if json_out:
        print_json(rows)
        return
    from rich.table import Table

    table = Table(title=render("cli.library.tracks", language))
    table.add_column("id", style="bold")
    table.add_column(render("cli.library.title", language))
    table.add_column(render("cli.library.companies", language))
    table.add_column(render("cli.library.scenarios", language))
    for row in rows:
        table.add_row(
            row["id"], row["title"], ", ".join(row["companies"]), ", ".join(row["scenarios"])
        )
    console().print(table)


@tracks_app.command("show")
def tracks_show(
    track_id: Annotated[
        str, typer.Argument(metavar="ID", help="Track id, e.g. core. / 트랙 id(예: core).")
    ],
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Show a track: companies, what it stresses, its scenarios. / 트랙의 회사, 중점, 시나리오를 봅니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.library import library
    from sysdesign.messages import render

    language = resolve_lang(lang)
    lib = library()
    t = lib.track(track_id)
    doc: dict[str, Any] = {
        "id": t.id,
        "title": t.title.get(language),
        "companies": t.companies,
        "stresses": t.stresses.get(language),
        "intro": t.intro.get(language),
        "scenarios": [
            {
                "id": s,
                "title": lib.scenarios[s].title.get(language),
                "difficulty": lib.scenarios[s].difficulty,
            }
            for s in t.scenarios
            if s in lib.scenarios
        ],
    }
    if json_out:
        print_json(doc)
        return
    from rich.panel import Panel

    out = console()
    body = f"{doc['intro']}\n\n" + render("cli.library.stresses", language, what=doc["stresses"])
    if t.companies:
        companies = ", ".join(t.companies)
        body += "\n" + render("cli.library.companies_line", language, companies=companies)
    out.print(Panel(body, title=doc["title"], title_align="left"))
    for s in doc["scenarios"]:
        out.print(
            f"  • [bold]{s['id']}[/bold]  {s['title']}  ({_difficulty(s['difficulty'], language)})"
        )


def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="Scenario, rubric, design, tracks, story or question-bank (qa) YAML files. / "
            "시나리오, 루브릭, 설계, 트랙, 스토리, 기술 질문(qa) YAML 파일.",
        ),
    ],
    json_out: JsonOpt = False,
) -> None:
    """Validate files and list every problem (exit 1 if any, 2 if unreadable). / 파일을 검증하고 모든 문제를 나열합니다(문제가 있으면 1, 읽을 수 없으면 2로 종료)."""
    from sysdesign.design.inputs import validate_path
    from sysdesign.errors import InvalidInputError, UnreadableFileError

    results: list[dict[str, Any]] = []
    unreadable = False
    found = False
    for path in files:
        try:
            kind, problems = validate_path(path)
        except InvalidInputError as exc:
            unreadable = unreadable or isinstance(exc, UnreadableFileError)
            kind, problems = None, exc.problems
        found = found or bool(problems)
        results.append(
            {
                "file": str(path),
                "kind": kind,
                "ok": not problems,
                "problems": [p.to_json() for p in problems],
            }
        )
        if not json_out:
            if problems:
                for p in problems:
                    typer.echo(str(p), err=False)
            else:
                typer.echo(f"{path}: ok ({kind})")
    if json_out:
        print_json({"files": results, "ok": not found})
    if unreadable:
        raise typer.Exit(2)
    if found:
        raise typer.Exit(EXIT_VERDICT)


SCHEMA_KINDS = ("scenario", "rubric", "design", "tracks", "story", "qa")


def schema(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="scenario, rubric, design, tracks, story or qa. / "
            "scenario, rubric, design, tracks, story, qa 중 하나.",
        ),
    ],
) -> None:
    """Print the JSON Schema of a file kind (for editors). / 파일 종류별 JSON 스키마를 출력합니다(편집기용)."""
    from sysdesign.schemas import json_schema

    if kind not in SCHEMA_KINDS:
        from sysdesign.yamlio import did_you_mean

        raise UsageError(
            f"unknown schema {kind!r}{did_you_mean(kind, SCHEMA_KINDS)}; "
            f"choose one of {', '.join(SCHEMA_KINDS)} / 알 수 없는 스키마 종류 {kind!r}: "
            f"{', '.join(SCHEMA_KINDS)} 중 하나를 고르세요"
        )
    print_json(json_schema(kind))
