"""`progress`, `next` and `history`: where you stand, what to practise next, what you did."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sysdesign import messages
from sysdesign.cli.common import JsonOpt, LangOpt, console, print_json

if TYPE_CHECKING:
    from rich.console import RenderableType

    from sysdesign.progress.areas import Progress, Series
    from sysdesign.progress.history import HistoryEntry
    from sysdesign.progress.recommend import Recommendation

history_app = typer.Typer(
    help="Everything you practised, newest first; `history delete ID` removes one. / "
    "연습 기록(최신순). `history delete ID`로 하나를 지웁니다.",
    invoke_without_command=True,
)


def register(app: typer.Typer) -> None:
    app.command("progress")(progress)
    app.command("next")(next_item)
    app.add_typer(history_app, name="history")


def _now() -> datetime:
    """The wall clock; tests replace it."""
    return datetime.now(UTC)


def _local_tz() -> tzinfo:
    """The days of a streak are the user's local days; tests replace it."""
    return datetime.now().astimezone().tzinfo or UTC


# ------------------------------------------------------------------------------ progress


def progress(
    json_out: JsonOpt = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Only results from this date (2025-01-31) or span back from today (7d, 2w, 3m). / "
            "이 날짜(2025-01-31) 이후 또는 오늘부터 거슬러 올라간 기간(7d, 2w, 3m)의 결과만.",
        ),
    ] = None,
    png: Annotated[
        Path | None,
        typer.Option(
            "--png",
            metavar="FILE",
            help="Also write the charts as a PNG image. / 차트를 PNG 이미지로도 저장합니다.",
        ),
    ] = None,
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg",
            metavar="FILE",
            help="Also write the charts as an SVG image. / 차트를 SVG 이미지로도 저장합니다.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overwrite an existing --png/--svg file. / 기존 --png/--svg 파일을 덮어씁니다.",
        ),
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Scores over time per area, scenario and track, as charts. / 영역·시나리오·트랙별 점수 추이를 차트로 봅니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.progress.areas import build_progress, parse_since
    from sysdesign.store import open_store

    language = resolve_lang(lang)
    for target in (png, svg):
        if target is not None:
            from sysdesign.render.files import check_target

            check_target(target, force=force)  # before any work; never eats an existing file
    now, tz = _now(), _local_tz()
    since_at = parse_since(since, now, tz) if since else None
    with open_store() as store:
        results = store.results()
    report = build_progress(results, now=now, tz=tz, since=since_at, tracks_of=_tracks_of())
    if png is not None:
        from sysdesign.paths import atomic_write_bytes
        from sysdesign.progress.png import progress_png

        image, notice = progress_png(report, language)
        if notice:
            typer.echo(f"sysdesign: {notice}", err=True)
        atomic_write_bytes(png, image)
        typer.echo(messages.render("cli.progress.wrote", language, png=png), err=True)
    if svg is not None:
        from sysdesign.paths import atomic_write_bytes
        from sysdesign.progress.svg import progress_svg

        atomic_write_bytes(svg, progress_svg(report, language).encode("utf-8"))
        typer.echo(messages.render("cli.progress.wrote_2", language, svg=svg), err=True)
    from sysdesign.qa.progress import qa_topic_lines, qa_topic_rows

    qa_rows = qa_topic_rows(results)
    if json_out:
        print_json({**report.to_json(), "qa_topics": qa_rows})
        return
    out = console()
    for part in render_progress(report, language):
        out.print(part)
    for line in qa_topic_lines(qa_rows, language):
        out.print(line)


def _tracks_of() -> Any:
    """Scenario → its tracks, from the library; none when the library cannot be read."""
    from sysdesign.errors import SysdesignError
    from sysdesign.library import library

    try:
        return library().tracks_of
    except SysdesignError:
        return None


def _trend(value: float | None) -> str:
    if value is None:
        return ""
    arrow = "↑" if value > 0 else "↓" if value < 0 else "→"
    return f"{arrow}{abs(value):g}"


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _spark(series: Series, tz: tzinfo) -> str:
    from sysdesign.progress.areas import sparkline

    return sparkline([score for _, score in series.daily(tz)][-30:])


def render_progress(report: Progress, lang: str) -> list[RenderableType]:
    """The progress page as rich renderables: a headline, then one table per view."""
    from rich.table import Table

    from sysdesign.progress.areas import area_title, bar

    parts: list[RenderableType] = []
    totals = report.totals
    if report.since is not None:
        since = report.since.astimezone(report.tz).date().isoformat()
        parts.append(messages.render("cli.progress.since", lang, since=since))
    parts.append(
        messages.render(
            "cli.progress.streak_day_s_longest_result",
            lang,
            streak=report.streak,
            longest_streak=report.longest_streak,
            results=totals["results"],
            days_practised=totals["days_practised"],
            sessions=totals["sessions"],
            drills=totals["drills"],
            star=totals["star"],
        )
    )
    if report.empty:
        parts.append(messages.render("cli.progress.no_practice_recorded_yet_sysdesign", lang))
        return parts

    areas = Table(title=messages.render("cli.progress.areas_daily_mean_0_100", lang))
    areas.add_column(messages.render("cli.progress.area", lang))
    areas.add_column(messages.render("cli.progress.over_time", lang))
    areas.add_column(messages.render("cli.progress.mean", lang), min_width=20)
    areas.add_column(messages.render("cli.progress.last", lang), justify="right")
    areas.add_column(messages.render("cli.progress.trend", lang), justify="right")
    areas.add_column("n", justify="right")
    for name, series in report.areas.items():
        if not series.points:
            continue
        areas.add_row(
            area_title(name, lang),
            _spark(series, report.tz),
            bar(series.mean or 0.0, 20),
            _num(series.last),
            _trend(series.trend),
            str(series.count),
        )
    parts.append(areas)

    for title, group in (
        (messages.render("cli.progress.scenarios", lang), report.scenarios),
        (messages.render("cli.progress.tracks", lang), report.tracks),
    ):
        if not group:
            continue
        table = Table(title=title)
        table.add_column("id")
        table.add_column(messages.render("cli.progress.over_time", lang))
        table.add_column(messages.render("cli.progress.sessions", lang), justify="right")
        table.add_column(messages.render("cli.progress.best", lang), justify="right")
        table.add_column(messages.render("cli.progress.last", lang), justify="right")
        table.add_column(messages.render("cli.progress.trend", lang), justify="right")
        for key, series in group.items():
            table.add_row(
                key,
                _spark(series, report.tz),
                str(series.count),
                _num(series.best),
                _num(series.last),
                _trend(series.trend),
            )
        parts.append(table)

    if report.drills:
        table = Table(title=messages.render("cli.progress.estimation_drills", lang))
        table.add_column(messages.render("cli.progress.metric", lang))
        table.add_column(messages.render("cli.progress.good", lang), justify="right")
        table.add_column(messages.render("cli.progress.order_of_magnitude", lang), justify="right")
        table.add_column(messages.render("cli.progress.wrong", lang), justify="right")
        for metric, counts in report.drills.items():
            table.add_row(
                metric,
                str(counts.get("good", 0)),
                str(counts.get("order_of_magnitude", 0) + counts.get("order", 0)),
                str(counts.get("wrong", 0)),
            )
        parts.append(table)
    return parts


# ------------------------------------------------------------------------------ next


def next_item(
    minutes: Annotated[
        float | None,
        typer.Option(
            "--minutes",
            help="Time you have: under 45 gives a drill or a STAR question, 45+ an interview. / "
            "쓸 수 있는 시간(분). 45분 미만이면 드릴이나 STAR 질문, 45분 이상이면 모의 면접.",
        ),
    ] = None,
    json_out: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """What to practise next, from your spaced-repetition (SM-2) schedule. / 간격 반복(SM-2) 일정에 따라 다음에 연습할 것을 추천합니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.progress.recommend import load_catalogue, recommend
    from sysdesign.progress.schedule import load_cards
    from sysdesign.store import open_store

    language = resolve_lang(lang)
    now = _now()
    with open_store() as store:
        cards = load_cards(store)
        results = store.results()
    choice = recommend(cards, results, load_catalogue(), now=now, minutes=minutes)
    if json_out:
        print_json(choice.to_json(language, now))
        return
    for part in render_next(choice, language, now):
        console().print(part)


def render_next(choice: Recommendation, lang: str, now: datetime) -> list[RenderableType]:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    kinds = {
        "scenario": messages.render("cli.progress.mock_interview", lang),
        "drill": messages.render("cli.progress.estimation_drill", lang),
        "star": messages.render("cli.progress.star_question", lang),
        "qa": messages.render("cli.progress.technical_questions", lang),
    }
    body = Text()
    body.append(choice.reason_text(lang) + "\n\n")
    body.append(messages.render("cli.progress.run", lang), style="dim")
    body.append(choice.command, style="bold")
    title = f"{kinds[choice.kind]}: {choice.id} · ~{choice.minutes:g} " + messages.render(
        "cli.progress.min", lang
    )
    parts: list[RenderableType] = [Panel(body, title=title, title_align="left")]
    if choice.due:
        table = Table(title=messages.render("cli.progress.due_for_review_sm_2", lang))
        table.add_column(messages.render("cli.progress.item", lang))
        table.add_column(messages.render("cli.progress.kind", lang))
        table.add_column(messages.render("cli.progress.missed", lang), justify="right")
        table.add_column(messages.render("cli.progress.where", lang))
        table.add_column(messages.render("cli.progress.due", lang))
        for card in choice.due[:10]:
            late = int(card.overdue_days(now))
            table.add_row(
                card.item,
                card.kind,
                str(card.lapses),
                ", ".join(sorted(card.contexts)),
                card.due.date().isoformat()
                + (messages.render("cli.progress.d_late", lang, late=late) if late > 0 else ""),
            )
        parts.append(table)
    return parts


# ------------------------------------------------------------------------------ history


@history_app.callback()
def history(
    ctx: typer.Context,
    scenario: Annotated[
        str | None,
        typer.Option("--scenario", metavar="ID", help="Only this scenario. / 이 시나리오만."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Only session, drill or star entries. / session, drill, star 중 한 종류만.",
        ),
    ] = None,
    json_out: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List sessions, drills and STAR rounds, newest first. / 세션, 드릴, STAR 라운드를 최신순으로 나열합니다."""
    if ctx.invoked_subcommand is not None:
        return
    from sysdesign.i18n import resolve_lang
    from sysdesign.progress.history import history_entries
    from sysdesign.store import open_store

    language = resolve_lang(lang)
    with open_store() as store:
        entries = history_entries(store, scenario=scenario, kind=kind)
    if json_out:
        print_json([e.to_json() for e in entries])
        return
    if not entries:
        typer.echo(messages.render("cli.progress.nothing_recorded_yet_sysdesign_start", language))
        return
    console().print(_history_table(entries, language))


def _history_table(entries: list[HistoryEntry], lang: str) -> RenderableType:
    from rich.table import Table

    kinds = {
        "session": messages.render("cli.progress.interview", lang),
        "drill": messages.render("cli.progress.drill", lang),
        "star": "STAR",
    }
    statuses = {
        "running": messages.render("cli.progress.running", lang),
        "paused": messages.render("cli.progress.paused", lang),
        "finished": messages.render("cli.progress.finished", lang),
    }
    table = Table(title=messages.render("cli.progress.history", lang))
    table.add_column("id", style="bold")
    table.add_column(messages.render("cli.progress.kind", lang))
    table.add_column(messages.render("cli.progress.scenario", lang))
    table.add_column(messages.render("cli.progress.item", lang))
    table.add_column(messages.render("cli.progress.started", lang))
    table.add_column(messages.render("cli.progress.status", lang))
    table.add_column(messages.render("cli.progress.score", lang), justify="right")
    for e in entries:
        table.add_row(
            e.id,
            kinds.get(e.kind, e.kind),
            e.scenario or "",
            "" if e.kind == "session" else e.item,
            _when(e.started_at),
            statuses.get(e.status, e.status),
            "" if e.score is None else f"{e.score:g}",
        )
    return table


def _when(at: str) -> str:
    """An ISO time as the user's local `YYYY-MM-DD HH:MM`."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(_local_tz()).strftime("%Y-%m-%d %H:%M")


@history_app.command("delete")
def history_delete(
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A session id, or rN for a drill or STAR round. / "
            "세션 id, 또는 드릴·STAR 라운드는 rN.",
        ),
    ],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask for confirmation. / 확인하지 않습니다.")
    ] = False,
    json_out: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Delete one entry (asks first unless --yes); the schedule forgets it. / 기록 하나를 지웁니다(--yes가 없으면 먼저 묻습니다). 연습 일정에서도 빠집니다."""
    from sysdesign.errors import EXIT_VERDICT
    from sysdesign.i18n import resolve_lang
    from sysdesign.progress.history import delete_entry, find_entry
    from sysdesign.store import open_store

    language = resolve_lang(lang)
    with open_store() as store:
        entry = find_entry(store, entry_id)
        if not yes:
            what = f"{entry.id} ({entry.kind}, {entry.scenario or entry.item}, {entry.started_at}"
            what += ")" if entry.score is None else f", {entry.score:g})"
            try:
                ok = typer.confirm(
                    messages.render("cli.progress.delete", language, what=what),
                    default=False,
                    err=True,
                )
            except typer.Abort:
                ok = False
            if not ok:
                typer.echo(messages.render("cli.progress.nothing_deleted", language), err=True)
                raise typer.Exit(EXIT_VERDICT)
        deleted = delete_entry(store, entry.id)
    if json_out:
        print_json({"deleted": deleted.to_json()})
        return
    typer.echo(messages.render("cli.progress.deleted", language, id=deleted.id))
