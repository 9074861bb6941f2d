"""`check`: the bottleneck finder over a design file, with its score and `--kill` what-ifs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sysdesign.cli.common import JsonOpt, LangOpt, console, print_json
from sysdesign.models.design_plain import PlainDesign

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sysdesign.check import CheckResult
    from sysdesign.design.findings import Finding
    from sysdesign.design.whatif import KillResult
    from sysdesign.models.design import Design

SEVERITY_ORDER = ("critical", "major", "minor")
# A design with thousands of findings (100k components) prints the first ones in full and
# counts the rest: the terminal stays readable and rendering stays fast; --json has them all.
SHOWN_PER_SEVERITY = 25
SHOWN_COMPONENTS = 12


def _names(components: tuple[str, ...] | list[str], lang: str) -> str:
    from sysdesign.messages import render

    names = ", ".join(components[:SHOWN_COMPONENTS])
    more = len(components) - SHOWN_COMPONENTS
    if more > 0:
        names += render("check.more_components", lang, more=more)
    return names


def register(app: typer.Typer) -> None:
    app.command("check")(check)


def check(
    design: Annotated[
        Path, typer.Argument(metavar="DESIGN", help="A design YAML file. / 설계 YAML 파일.")
    ],
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario",
            metavar="ID",
            help="Score against this scenario's rubric (default: the file's scenario:). / "
            "이 시나리오의 루브릭으로 채점합니다(기본값: 파일의 scenario:).",
        ),
    ] = None,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="SEVERITY",
            help="Exit 1 when a finding at or above critical|major|minor exists. / "
            "critical|major|minor 중 지정한 심각도 이상의 문제가 있으면 1로 종료합니다.",
        ),
    ] = None,
    kill: Annotated[
        list[str] | None,
        typer.Option(
            "--kill",
            metavar="COMPONENT",
            help="What if this component dies (repeatable): broken journeys and "
            "availability before/after; exit 1 when a journey breaks. / "
            "이 컴포넌트가 죽으면?(여러 번 지정 가능) 끊기는 사용자 흐름과 전후 가용성을 "
            "보여 주고, 끊기는 흐름이 있으면 1로 종료합니다.",
        ),
    ] = None,
) -> None:
    """Find bottlenecks in a design, with evidence, fixes and a score. / 설계의 병목을 근거·해결책·점수와 함께 찾습니다."""
    from sysdesign.i18n import resolve_lang
    from sysdesign.yamlio import read_yaml

    language = resolve_lang(lang)
    if fail_on is not None and fail_on not in SEVERITY_ORDER:
        from sysdesign.errors import UsageError
        from sysdesign.yamlio import did_you_mean

        raise UsageError(
            f"--fail-on: unknown severity {fail_on!r}"
            f"{did_you_mean(fail_on, SEVERITY_ORDER)}; use critical, major or minor"
            " / 심각도는 critical, major, minor 중 하나입니다"
        )
    loaded = read_yaml(design)  # read once: the model and the input checks share it
    if kill:
        from sysdesign.library import parse_design

        model: Design | PlainDesign = parse_design(loaded)
    else:  # plain objects, without pydantic, unless the file needs the model's messages
        from sysdesign.design.reader import read_for_check

        model = read_for_check(loaded)
    from sysdesign.design.inputs import input_problems, scenario_problems
    from sysdesign.errors import InvalidInputError

    refused = input_problems(loaded) + ([] if scenario else scenario_problems(loaded))
    if refused:
        raise InvalidInputError(refused)
    if kill:
        from sysdesign.design.whatif import kill as kill_components

        assert not isinstance(model, PlainDesign)
        outcome = kill_components(model, list(kill))
        if json_out:
            print_json(outcome.to_json())
        else:
            _print_kill(outcome, language)
        if outcome.broken_journeys:
            raise typer.Exit(1)
        return
    from sysdesign.check import check_design

    result = check_design(model, scenario)
    if not model.name:
        result = result.model_copy(update={"design": design.stem})
    if json_out:
        print_json(result.to_json(language))
    else:
        _print_result(result, language)
    if fail_on is not None and result.fails(fail_on):
        raise typer.Exit(1)


def _severity_name(severity: str, lang: str) -> str:
    from sysdesign.messages import render

    return render(f"check.severity.{severity}", lang)


_STYLE = {"critical": "bold red", "major": "yellow", "minor": "cyan"}


def _print_result(result: CheckResult, lang: str) -> None:
    """The findings and the score: as plain text where rich would write plain text (a pipe, a
    file), without importing rich's console (`_plain_result`); else by rich."""
    from sysdesign.cli.plain_out import plain_width

    width = plain_width()
    text = None if width is None else _plain_result(result, lang, width)
    if text is None:
        _print_rich(result, lang)
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def _plain_result(result: CheckResult, lang: str, width: int) -> str | None:
    """What `_print_rich` writes when rich writes no colour, laid out by `plain_out`; None
    when some text is one rich would read as markup (it then prints)."""
    from sysdesign.cli import plain_out
    from sysdesign.messages import render
    from sysdesign.models.localized import in_lang

    lines: list[str] = []
    # texts the rich printer escapes (rich prints them as they are, `[` included), and the
    # ones it prints as markup (fixed words, rule and item ids, numbers)
    user: list[str] = []
    head = in_lang(result.design, lang) or result.design
    user.append(head)
    if result.scenario:
        head += f"  ·  {render('check.scenario', lang)} {result.scenario}"
        user.append(result.scenario)
    lines.append(head)
    user += [reading.text(lang) for reading in result.readings[:20]]
    lines += user[len(user) - len(result.readings[:20]) :]
    markup: list[str] = []
    if not result.findings:
        lines.append(render("check.no_findings", lang))
    for severity in SEVERITY_ORDER:
        group = [f for f in result.findings if f.severity == severity]
        if not group:
            continue
        lines += ["", f"{_severity_name(severity, lang)} ({len(group)})"]
        for f in group[:SHOWN_PER_SEVERITY]:
            names = _names(f.components, lang) if f.components else ""
            where = f" ({names})" if f.components else ""
            lines.append(f"  ✗ {f.rule}: {f.message.get(lang)}{where}")
            lines.append(f"      {render('check.why', lang)}: {f.why.get(lang)}")
            lines += [f"      • {e.get(lang)}" for e in f.evidence]
            lines.append(f"      {render('check.fix', lang)}: {f.fix.get(lang)}")
            user += [names, f.message.get(lang), f.why.get(lang), f.fix.get(lang)]
            user += [e.get(lang) for e in f.evidence]
            markup.append(f.rule)
        rest = group[SHOWN_PER_SEVERITY:]
        if rest:
            lines.append("  " + _and_more(rest, lang))
    rows: list[list[str]] = []
    if result.score is None:
        lines += [
            "",
            render("check.no_scenario", lang),
        ]
    else:
        lines += ["", f"{render('check.score', lang)}: {result.score:g} / 100"]
        for item in result.breakdown:
            points = (
                f"{item.points:+.1f}"
                if item.max_points == 0
                else f"{item.points:.1f}/{item.max_points:.1f}"
            )
            reason = item.reason.get(lang)
            user.append(reason)
            if item.lost and item.references:
                reads = "; ".join(
                    r.title + (f" <{r.url}>" if r.url else "") for r in item.references
                )
                reason += f"\n{render('check.read', lang)}: {reads}"
                user.append(reads)
            rows.append([item.item, points, reason])
            markup.append(item.item)
    headers = [
        render("check.column.item", lang),
        render("check.column.points", lang),
        render("check.column.why", lang),
    ]
    texts = [*lines, *headers, *(c.replace("\n", " ") for row in rows for c in row)]
    if not plain_out.is_plain(*texts) and not plain_out.is_plain_escaped(texts, user, markup):
        return None
    out = "".join(plain_out.line(text, width) if text else "\n" for text in lines)
    if result.score is not None:
        table = plain_out.table(headers, ["left", "right", "left"], rows, width)
        if table is None:
            return None
        out += table
    return out


def _print_rich(result: CheckResult, lang: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from sysdesign.messages import render
    from sysdesign.models.localized import in_lang

    out = console()
    head = f"[bold]{escape(in_lang(result.design, lang) or result.design)}[/bold]"
    if result.scenario:
        head += f"  ·  {render('check.scenario', lang)} {escape(result.scenario)}"
    out.print(head)
    for reading in result.readings[:20]:
        out.print(escape(reading.text(lang)), style="dim")
    if not result.findings:
        out.print(render("check.no_findings", lang), style="green")
    for severity in SEVERITY_ORDER:
        group = [f for f in result.findings if f.severity == severity]
        if not group:
            continue
        out.print()
        out.print(f"[{_STYLE[severity]}]{_severity_name(severity, lang)} ({len(group)})[/]")
        for f in group[:SHOWN_PER_SEVERITY]:
            where = f" [dim]({escape(_names(f.components, lang))})[/dim]" if f.components else ""
            out.print(
                f"  [{_STYLE[severity]}]✗[/] [bold]{f.rule}[/bold]: "
                f"{escape(f.message.get(lang))}{where}"
            )
            out.print(f"      {render('check.why', lang)}: {escape(f.why.get(lang))}")
            for e in f.evidence:
                out.print(f"      • {escape(e.get(lang))}", style="dim")
            out.print(f"      {render('check.fix', lang)}: {escape(f.fix.get(lang))}")
        rest = group[SHOWN_PER_SEVERITY:]
        if rest:
            out.print("  " + _and_more(rest, lang), style="dim")
    if result.score is None:
        out.print()
        out.print(
            render("check.no_scenario", lang),
            style="dim",
        )
        return
    out.print()
    out.print(f"[bold]{render('check.score', lang)}: {result.score:g} / 100[/bold]")
    table = Table(show_edge=False)
    table.add_column(render("check.column.item", lang))
    table.add_column(render("check.column.points", lang), justify="right")
    table.add_column(render("check.column.why", lang))
    for item in result.breakdown:
        points = (
            f"{item.points:+.1f}"
            if item.max_points == 0
            else f"{item.points:.1f}/{item.max_points:.1f}"
        )
        reason = escape(item.reason.get(lang))
        if item.lost and item.references:
            reads = "; ".join(r.title + (f" <{r.url}>" if r.url else "") for r in item.references)
            reason += f"\n[dim]{render('check.read', lang)}: {escape(reads)}[/dim]"
        style = "red" if item.lost > 0 else None
        table.add_row(item.item, points, reason, style=style)
    out.print(table)


def _and_more(rest: Sequence[Finding], lang: str) -> str:
    """The line under a severity's first findings: how many more, by rule."""
    from sysdesign.messages import render

    counts: dict[str, int] = {}
    for f in rest:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    listed = ", ".join(f"{rule} ×{n}" for rule, n in counts.items())
    return render("check.and_more", lang, count=len(rest), listed=listed)


def _pct(value: float) -> str:
    from sysdesign.estimate.units import format_percent

    return format_percent(value, 4)


def _print_kill(outcome: KillResult, lang: str) -> None:
    from rich.markup import escape

    from sysdesign.messages import render

    out = console()
    out.print(
        f"[bold]{render('check.kill.killed', lang)}:[/bold] {escape(', '.join(outcome.killed))}"
    )
    if outcome.broken_journeys:
        out.print(
            render(
                "check.kill.broken_journeys",
                lang,
                broken=len(outcome.broken_journeys),
                total=len(outcome.journeys_before),
            ),
            style="bold red",
        )
        for j in outcome.broken_journeys:
            out.print(
                f"  ✗ {escape(j.client)} → {escape(j.store)}   [dim]"
                f"{render('check.kill.was', lang)}: {escape(' → '.join(j.path))}[/dim]"
            )
    else:
        out.print(
            render("check.kill.no_journey_breaks", lang),
            style="green",
        )
    out.print(
        render("check.kill.availability", lang)
        + f"{_pct(outcome.availability_before)} → {_pct(outcome.availability_after)}"
    )
    after = {(j.client, j.store): j for j in outcome.journeys_after}
    for j in outcome.journeys_before:
        now = after.get((j.client, j.store))
        series = " · ".join(j.series)
        new = _pct(now.availability) if now else "0%"
        out.print(
            f"  {escape(j.client)} → {escape(j.store)}: {_pct(j.availability)} → {new}"
            f"   [dim]{render('check.kill.in_series', lang)}: {escape(series)}[/dim]"
        )
