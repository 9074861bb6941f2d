"""`star`: behavioural (STAR) stories — the bank, content checks, timed practice, coverage."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sysdesign.cli.common import (
    JsonOpt,
    LangOpt,
    console,
    finite_between,
    print_json,
    seed_in_range,
)

if TYPE_CHECKING:
    from sysdesign.models.story import Story
    from sysdesign.star.bank import StoryBank
    from sysdesign.star.checks import Answer, CheckReport
    from sysdesign.star.practice import PracticeResult, PracticeSetup

star_app = typer.Typer(
    help="Behavioural (STAR) stories: bank, checks, timed practice, coverage. / "
    "행동 면접(STAR) 스토리: 보관함, 점검, 시간제한 연습, 역량 커버리지.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def register(app: typer.Typer) -> None:
    app.add_typer(star_app, name="star")


# ---------------------------------------------------------------- helpers


SECTIONS = ("situation", "task", "action", "result", "learned")


def _section_name(section: str, lang: str) -> str:
    from sysdesign.messages import render

    return render(f"cli.star.section.{section}", lang) if section in SECTIONS else section


def _story_doc(story: Story, source: str, path: Path | None) -> dict[str, Any]:
    doc: dict[str, Any] = story.model_dump()
    doc["source"] = source
    doc["path"] = str(path) if path else None
    return doc


def _is_story_file(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def _answer_from_target(target: str, bank: StoryBank | None = None) -> Answer:
    """A story file (.yaml), a free-text file, '-' for standard input, or a story id."""
    from sysdesign.star.bank import load_bank, load_story
    from sysdesign.star.checks import answer_from_story, parse_answer

    if target == "-":
        return parse_answer(sys.stdin.read())
    path = Path(target)
    if path.is_file():
        if _is_story_file(path):
            return answer_from_story(load_story(path), source="file")
        from sysdesign.yamlio import read_input_text

        text = read_input_text(path)  # bounded size; not UTF-8 is located by line:column
        from dataclasses import replace

        return replace(parse_answer(text), id=path.stem, title=path.name, source="file")
    if os.sep in target or _is_story_file(path) or path.suffix:
        from sysdesign.errors import InvalidInputError, Problem

        raise InvalidInputError([Problem(target, None, None, "", "no such file / 파일이 없습니다")])
    found = (bank or load_bank()).find(target)
    return answer_from_story(found.story, source=found.source)


def _fmt_seconds(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def _render_report(report: CheckReport, lang: str, *, heading: bool = True) -> None:
    from rich.text import Text

    from sysdesign.messages import render
    from sysdesign.star.checks import CHECK_IDS

    out = console()
    a = report.answer
    if heading:
        name = a.title or a.id or render("cli.star.answer", lang)
        out.print(Text(f"{name}", style="bold") + Text(f"  ({a.id or '-'}, {a.language})"))
    lo, hi = report.metrics.get("target_seconds", [120, 180])
    out.print(
        render(
            "cli.star.spoken_length",
            lang,
            length=_fmt_seconds(report.speaking_seconds),
            low=_fmt_seconds(lo),
            high=_fmt_seconds(hi),
            score=round(report.scores["overall"] * 100),
        )
    )
    by_check = {f.check: f for f in report.findings}
    for check in CHECK_IDS:
        finding = by_check.get(check)
        if finding is None:
            out.print(Text("  ✓ ", style="green") + Text(check))
            continue
        style = "red" if finding.severity == "major" else "yellow"
        line = Text("  ✗ ", style=style) + Text(f"{check} [{finding.severity}] ", style=style)
        out.print(line + Text(finding.message.get(lang)))
        out.print(Text("      → " + finding.fix.get(lang), style="dim"))


# ---------------------------------------------------------------- list / show


@star_app.command("list")
def star_list(
    samples: Annotated[
        bool,
        typer.Option(
            "--samples",
            help="Also list the bundled sample stories. / 기본 제공 샘플 스토리도 함께 나열합니다.",
        ),
    ] = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List the stories in your bank. / 내 스토리 보관함의 스토리를 나열합니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.star.bank import load_bank, stories_dir

    language = resolve_lang(lang)
    bank = load_bank()
    rows = [_story_doc(s.story, s.source, s.path) for s in bank.all(samples=samples)]
    if json_out:
        print_json(rows)
        return
    out = console()
    if not rows:
        out.print(render("cli.star.no_stories_yet", language, folder=stories_dir()))
        return
    from rich.table import Table

    table = Table(title=render("cli.star.stories", language))
    table.add_column("id", style="bold")
    table.add_column(render("cli.star.title", language))
    table.add_column(render("cli.star.lang", language))
    table.add_column(render("cli.star.competencies", language))
    if samples:
        table.add_column(render("cli.star.source", language))
    for row in rows:
        cells = [row["id"], row["title"], row["language"], ", ".join(row["competencies"])]
        if samples:
            cells.append(render("cli.star.sample", language) if row["source"] == "sample" else "")
        table.add_row(*cells)
    out.print(table)


@star_app.command("show")
def star_show(
    story_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="A story id (yours or a sample). / 스토리 id(내 것 또는 샘플)."
        ),
    ],
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Show one story, section by section. / 스토리 하나를 섹션별로 봅니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.star.bank import load_bank

    language = resolve_lang(lang)
    found = load_bank().find(story_id)
    doc = _story_doc(found.story, found.source, found.path)
    if json_out:
        print_json(doc)
        return
    from rich.panel import Panel

    s = found.story
    parts = []
    for section in SECTIONS:
        text = getattr(s, section)
        if text:
            parts.append(f"[bold]{_section_name(section, language)}[/bold]\n{text.strip()}")
    tags = ", ".join(s.competencies) or "-"
    parts.append(render("cli.star.competencies_line", language, tags=tags))
    if s.companies:
        companies = ", ".join(s.companies)
        parts.append(render("cli.star.companies_line", language, companies=companies))
    title = f"{s.title}  ·  {s.id}  ·  {s.language}"
    if found.source == "sample":
        title += "  ·  " + render("cli.star.sample", language)
    console().print(Panel("\n\n".join(parts), title=title, title_align="left"))


# ---------------------------------------------------------------- import


@star_app.command("import")
def star_import(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE...",
            help="Story YAML files to copy into your bank. / 내 보관함에 복사할 스토리 YAML 파일.",
        ),
    ] = None,
    samples: Annotated[
        bool,
        typer.Option(
            "--samples",
            help="Import the bundled sample stories (ids already in your bank are skipped). / "
            "기본 제공 샘플 스토리를 가져옵니다(보관함에 이미 있는 id는 건너뜁니다).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace a story with the same id. / 같은 id의 스토리를 바꿔 씁니다."
        ),
    ] = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Validate story files and copy them into your bank (refuses an existing id without
    --force). / 스토리 파일을 검증해 내 보관함에 복사합니다(같은 id가 있으면 --force 없이는
    거부합니다)."""
    from sysdesign.errors import UsageError
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.star.bank import existing_path, import_story, samples_dir

    language = resolve_lang(lang)
    sources = list(files or [])
    skipped: list[str] = []
    if samples:
        from sysdesign.star.bank import load_story

        for path in sorted(samples_dir().glob("*.yaml")):
            if not force and existing_path(load_story(path).id) is not None:
                skipped.append(load_story(path).id)
                continue
            sources.append(path)
    if not sources and not skipped:
        raise UsageError(
            "give story files to import, or --samples / 가져올 파일을 주거나 --samples를 쓰세요"
        )
    imported = []
    for path in sources:
        story, target = import_story(path, force=force)
        imported.append({"id": story.id, "from": str(path), "to": str(target)})
        if not json_out:
            typer.echo(render("cli.star.imported", language, id=story.id, target=target))
    if json_out:
        print_json({"imported": imported, "skipped": skipped})
        return
    for sid in skipped:
        typer.echo(render("cli.star.skipped_already_in_bank", language, id=sid))
    _warn_unknown_tags([row["id"] for row in imported], language)


def _warn_unknown_tags(story_ids: list[str], lang: str) -> None:
    """A gentle note for competency tags the question bank does not know (typos)."""
    from sysdesign.messages import render
    from sysdesign.star.bank import load_bank, unknown_tags
    from sysdesign.star.questions import questions
    from sysdesign.yamlio import did_you_mean

    qs = questions()
    companies = {c.id: {v.id for v in c.values} for c in qs.companies.values()}
    known = [*qs.competencies, *(f"{c}:{v}" for c, vs in companies.items() for v in vs)]
    bank = load_bank()
    for sid in story_ids:
        story = bank.find(sid).story
        for tag in unknown_tags(story, set(qs.competencies), companies):
            typer.echo(
                render("cli.star.unknown_competency", lang, id=sid, tag=tag)
                + did_you_mean(tag, known),
                err=True,
            )


# ---------------------------------------------------------------- add


@star_app.command("add")
def star_add(
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive",
            "-i",
            help="Ask section by section instead of opening $EDITOR. / "
            "$EDITOR를 여는 대신 섹션별로 묻습니다.",
        ),
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Write a new story: opens $EDITOR on a template (validated on save; your draft is kept
    until it is valid), or asks section by section without $EDITOR or with --interactive.
    / 새 스토리를 씁니다. $EDITOR로 템플릿을 열고(저장할 때 검증하며, 유효해질 때까지 초안을
    보관합니다), $EDITOR가 없거나 --interactive이면 섹션별로 묻습니다."""
    from sysdesign.i18n import resolve_lang

    language = resolve_lang(lang)
    editor = os.environ.get("EDITOR", "").strip()
    if editor and not interactive:
        story_id = _add_with_editor(editor, language)
    else:
        story_id = _add_interactively(language)
    _warn_unknown_tags([story_id], language)


def _add_with_editor(editor: str, lang: str) -> str:
    from sysdesign.messages import render
    from sysdesign.star.drafts import EditorDraft

    draft = EditorDraft(lang)
    typer.echo(render("cli.star.draft", lang, path=draft.path), err=True)
    while True:
        status = draft.edit(editor)
        if status != 0:
            typer.echo(
                render("cli.star.editor_failed", lang, status=status, path=draft.path), err=True
            )
            raise typer.Exit(1)
        submitted = draft.submit()
        if submitted.outcome == "unchanged":
            typer.echo(render("cli.star.no_changes", lang), err=True)
            raise typer.Exit(1)
        if submitted.story is not None:
            story_id, target = submitted.story.id, submitted.target
            typer.echo(render("cli.star.saved", lang, id=story_id, target=target))
            return submitted.story.id
        for problem in submitted.problems:
            typer.echo(str(problem), err=True)
        if typer.confirm(render("cli.star.edit_again", lang), default=True):
            continue
        typer.echo(render("cli.star.draft_kept", lang, path=draft.path), err=True)
        raise typer.Exit(2) from None


def _add_interactively(lang: str) -> str:
    from sysdesign.messages import render
    from sysdesign.star.drafts import FIELDS, FieldDraft, prompt

    draft = FieldDraft(lang)

    def ask(name: str) -> None:
        default = draft.default(name)
        answer = typer.prompt(prompt(name, lang), default=default, show_default=bool(default))
        draft.set(name, answer)

    typer.echo(render("cli.star.draft", lang, path=draft.path), err=True)
    for name in FIELDS:
        ask(name)
    while True:
        wrong, messages = draft.wrong_fields()
        for name, text in messages:
            typer.echo(f"{name}: {text}", err=True)
        if not wrong:
            break
        for name in wrong:
            ask(name)
    story, target = draft.save()
    typer.echo(render("cli.star.saved", lang, id=story.id, target=target))
    return story.id


# ---------------------------------------------------------------- check


@star_app.command("check")
def star_check(
    target: Annotated[
        str,
        typer.Argument(
            metavar="FILE|ID",
            help="A story YAML file, a free-text answer file (markers such as 'Situation:' or "
            "'상황:'), '-' for standard input, or a story id. / 스토리 YAML 파일, 자유 형식 답변 "
            "파일('Situation:'이나 '상황:' 같은 표시 사용), 표준 입력이면 '-', 또는 스토리 id.",
        ),
    ],
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 when any major finding exists (default: exit 0). / "
            "major 문제가 하나라도 있으면 1로 종료합니다(기본값: 0으로 종료).",
        ),
    ] = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Check a story's content: sections, quantified-result, ownership, action-weight, length,
    filler, lesson. Reports and exits 0; with --strict exits 1 on any major finding.
    / 스토리 내용을 점검합니다: 섹션, 수치화된 결과, 주도성, 행동 비중, 길이, 군더더기 말, 배운 점.
    기본은 종료 코드 0, --strict이면 major 문제가 있을 때 1."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.star.checks import check_answer

    language = resolve_lang(lang)
    report = check_answer(_answer_from_target(target))
    if json_out:
        print_json(report.to_json(language))
    else:
        _render_report(report, language)
    if strict and report.has_major:
        raise typer.Exit(1)


# ---------------------------------------------------------------- practice


@star_app.command("practice")
def star_practice(
    company: Annotated[
        str | None,
        typer.Option(
            "--company",
            help="Draw from questions for a company's values. / 회사의 가치에 맞춘 질문에서 뽑습니다.",
        ),
    ] = None,
    competency: Annotated[
        str | None,
        typer.Option(
            "--competency",
            help="Draw a question probing this tag. / 이 역량 태그를 묻는 질문을 뽑습니다.",
        ),
    ] = None,
    question_id: Annotated[
        str | None,
        typer.Option(
            "--question", help="Practise this question id. / 이 id의 질문으로 연습합니다."
        ),
    ] = None,
    minutes: Annotated[
        float,
        typer.Option(
            "--minutes",
            callback=finite_between("--minutes", 0.5, 15),
            help="Time for the answer, 0.5 to 15. / 답변 제한 시간(분, 0.5~15).",
        ),
    ] = 3.0,
    answer_file: Annotated[
        Path | None,
        typer.Option(
            "--answer",
            help="Check this answer file (text or story YAML; '-' = stdin) "
            "instead of typing: non-interactive. / 직접 입력하는 대신 이 답변 파일(텍스트나 "
            "스토리 YAML, '-'는 표준 입력)을 점검합니다. 비대화형.",
        ),
    ] = None,
    story_id: Annotated[
        str | None,
        typer.Option(
            "--story",
            help="Answer with this story from your bank. / 보관함의 이 스토리로 답합니다.",
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", callback=seed_in_range, help="Seed for the question draw. / 질문 추첨용 시드."
        ),
    ] = None,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Draw a behavioural question, suggest your fitting stories, time your typed answer (end
    it with an empty line) and check it; the result goes to your history.
    / 행동 면접 질문을 뽑고, 어울리는 내 스토리를 추천하고, 입력한 답(빈 줄로 끝냄)의 시간을
    재서 점검합니다. 결과는 연습 기록에 남습니다."""
    from sysdesign.errors import UsageError
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.star import practice
    from sysdesign.star.checks import answer_from_story, parse_answer

    language = resolve_lang(lang)
    if answer_file is not None and story_id is not None:
        raise UsageError("use --answer or --story, not both / --answer와 --story 중 하나만")
    setup = practice.prepare(
        minutes=minutes,
        language=language,
        company=company,
        competency=competency,
        question_id=question_id,
        story_id=story_id,
        seed=seed,
    )
    if not json_out:
        _render_question(setup, language)

    elapsed: float | None = None
    if setup.chosen is not None:
        answer = answer_from_story(setup.chosen.story, source=setup.chosen.source)
    elif answer_file is not None:
        answer = _answer_from_target(str(answer_file))
    else:
        typer.echo(render("cli.star.answer_now", language, minutes=minutes), err=json_out)
        text, elapsed = practice.read_typed_answer(sys.stdin.readline, practice.system_clock())
        if not text.strip():
            raise UsageError("no answer given / 답변이 없습니다")
        answer = parse_answer(text)
    done = practice.finish(setup, answer, elapsed)
    if json_out:
        print_json(done.to_json(language))
        return
    _render_practice_result(done.result, language)


def _render_question(setup: PracticeSetup, lang: str) -> None:
    from rich.panel import Panel

    from sysdesign.messages import render

    question, qs, suggestions = setup.question, setup.questions, setup.suggestions
    guide, minutes, own_stories = setup.guide, setup.minutes, setup.own_stories

    out = console()
    tags = ", ".join(
        qs.competencies[c].name.get(lang) if c in qs.competencies else c
        for c in question.competencies
    )
    out.print(
        Panel(
            question.text.get(lang),
            title=f"{question.id}  ·  {tags}",
            title_align="left",
        )
    )
    if suggestions:
        head = render("cli.star.stories_that_fit", lang)
        if not own_stories:
            head += render("cli.star.samples_bank_empty", lang)
        out.print(f"[bold]{head}[/bold]")
        for s in suggestions:
            out.print(f"  • {s.id}  {s.title}  [dim]({', '.join(s.overlap)})[/dim]")
    else:
        out.print(render("cli.star.no_story_fits", lang))
    parts = []
    for g in guide:
        section = _section_name(g.section, lang)
        parts.append(render("cli.star.section_time", lang, section=section, seconds=g.seconds))
    out.print(render("cli.star.time_guide", lang, minutes=minutes, parts=" · ".join(parts)))


def _render_practice_result(result: PracticeResult, lang: str) -> None:
    from sysdesign.messages import render

    out = console()
    if result.elapsed_seconds is not None:
        took = _fmt_seconds(result.elapsed_seconds)
        limit = _fmt_seconds(result.limit_seconds)
        if result.over_time:
            out.print(render("cli.star.over_time", lang, took=took, limit=limit))
        else:
            out.print(render("cli.star.time_taken", lang, took=took, limit=limit))
    _render_report(result.report, lang, heading=result.story_id is not None)
    if result.question.followups:
        out.print(render("cli.star.likely_followups", lang))
        for f in result.question.followups:
            out.print(f"  • {f.get(lang)}")


# ---------------------------------------------------------------- coverage / questions


@star_app.command("coverage")
def star_coverage(
    company: Annotated[
        str | None,
        typer.Option(
            "--company",
            help="Against this company's published values instead. / "
            "역량 대신 이 회사가 공개한 가치를 기준으로 봅니다.",
        ),
    ] = None,
    samples: Annotated[
        bool,
        typer.Option("--samples", help="Include the sample stories. / 샘플 스토리도 포함합니다."),
    ] = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Matrix of your stories against the competencies (or a company's values), with the gaps.
    / 내 스토리와 역량(또는 회사 가치)의 매트릭스, 그리고 비어 있는 칸."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.star.bank import load_bank
    from sysdesign.star.coverage import coverage
    from sysdesign.star.questions import questions

    language = resolve_lang(lang)
    bank = load_bank()
    matrix = coverage(bank.all(samples=samples), questions(), company)
    if json_out:
        print_json(matrix.to_json(language))
        return
    from rich.table import Table
    from rich.text import Text

    head = render("cli.star.coverage", language)
    if matrix.company:
        head += f" · {questions().companies[matrix.company].name}"
    table = Table(title=head)
    table.add_column(render("cli.star.value" if company else "cli.star.competency", language))
    for i, _row in enumerate(matrix.rows, start=1):
        table.add_column(str(i), justify="center")
    table.add_column("#", justify="right")
    for col in matrix.columns:
        n = len(col.stories)
        style = "red" if n == 0 else ("yellow" if n == 1 else "")
        cells: list[Text | str] = [Text(col.name.get(language), style=style)]
        cells += ["✓" if row.id in col.stories else "·" for row in matrix.rows]
        cells.append(Text(str(n) if n else render("cli.star.gap", language), style=style))
        table.add_row(*cells)
    out = console()
    out.print(table)
    for i, row in enumerate(matrix.rows, start=1):
        out.print(f"  {i}. {row.id}  [dim]{row.title}[/dim]")
    if not matrix.rows:
        out.print(render("cli.star.bank_empty", language))
    gaps = [c.name.get(language) for c in matrix.columns if not c.stories]
    if gaps:
        out.print(render("cli.star.gaps", language, gaps=", ".join(gaps)), style="red")


@star_app.command("questions")
def star_questions(
    company: Annotated[
        str | None,
        typer.Option(
            "--company", help="Questions for a company's values. / 회사의 가치에 맞춘 질문."
        ),
    ] = None,
    competency: Annotated[
        str | None,
        typer.Option(
            "--competency", help="Questions probing this tag. / 이 역량 태그를 묻는 질문."
        ),
    ] = None,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List the behavioural questions and the competencies they probe. / 행동 면접 질문과 각 질문이 보는 역량을 나열합니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.messages import render
    from sysdesign.star.questions import questions

    language = resolve_lang(lang)
    qs = questions()
    chosen = qs.select(company=company, competency=competency)
    doc: dict[str, Any] = {
        "questions": [
            {"id": q.id, "text": q.text.get(language), "competencies": q.competencies}
            for q in chosen
        ],
        "competencies": [
            {"id": c.id, "name": c.name.get(language), "hint": c.hint.get(language)}
            for c in qs.competencies.values()
        ],
    }
    if company:
        found = qs.company(company)
        doc["company"] = {
            "id": found.id,
            "name": found.name,
            "source": found.source.model_dump(exclude_none=True, mode="json"),
            "values": [
                {"id": v.id, "name": v.name.get(language), "competencies": v.competencies}
                for v in found.values
            ],
        }
        if found.source.note:
            doc["company"]["source"]["note"] = found.source.note.get(language)
    if json_out:
        print_json(doc)
        return
    from rich.table import Table

    out = console()
    names = {c["id"]: c["name"] for c in doc["competencies"]}

    def named(tags: list[str]) -> str:
        """Competency tags by their names in the output language (an unknown tag as written)."""
        return ", ".join(names.get(tag, tag) for tag in tags)

    if company:
        c = doc["company"]
        out.print(
            f"[bold]{c['name']}[/bold] — {c['source'].get('title', '')} "
            f"{c['source'].get('url', '')}"
        )
        for v in c["values"]:
            out.print(f"  • {v['name']}  [dim]({named(v['competencies'])})[/dim]")
    table = Table(title=render("cli.star.questions", language))
    table.add_column("id", style="bold")
    table.add_column(render("cli.star.question", language))
    table.add_column(render("cli.star.competencies", language))
    for q in doc["questions"]:
        table.add_row(q["id"], q["text"], named(q["competencies"]))
    out.print(table)
