"""`estimate` (traffic model, sub-calculators, drills) and `numbers`."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from sysdesign import messages
from sysdesign.cli.common import JsonOpt, LangOpt, console, print_json, seed_in_range

if TYPE_CHECKING:
    from sysdesign.estimate.model import Calculation, Conventions

estimate_app = typer.Typer(
    help=(
        "Back-of-envelope estimates that show their work. With no subcommand: the traffic "
        "model (QPS, storage, bandwidth, cache, servers). / 계산 과정을 보여 주는 어림 계산. "
        "하위 명령 없이 쓰면 트래픽 모델."
    ),
    invoke_without_command=True,
    no_args_is_help=False,
)

BinaryOpt = Annotated[
    bool, typer.Option("--binary", help="Show sizes in binary units (KiB, MiB…). / 2진 단위.")
]


def register(app: typer.Typer) -> None:
    app.add_typer(estimate_app, name="estimate")
    app.command("numbers")(numbers)


def _opt(help_text: str, metavar: str) -> Any:
    return typer.Option(help=help_text, metavar=metavar, show_default=False)


def _conventions(
    seconds_per_day: str | None, seconds_per_month: str | None, quick: bool, binary: bool
) -> "Conventions":
    from sysdesign.estimate.model import Conventions

    kwargs: dict[str, Any] = {"quick": quick, "binary": binary}
    if seconds_per_day is not None:
        kwargs["seconds_per_day"] = _seconds(seconds_per_day, "--seconds-per-day")
    if seconds_per_month is not None:
        kwargs["seconds_per_month"] = _seconds(seconds_per_month, "--seconds-per-month")
    return Conventions(**kwargs)


def _seconds(text: str, flag: str) -> float:
    from sysdesign.errors import UsageError
    from sysdesign.estimate.units import parse_count, parse_duration

    try:
        return parse_count(text, flag)
    except UsageError:
        return parse_duration(text, flag)


@estimate_app.callback()
def estimate(
    ctx: typer.Context,
    scenario: Annotated[
        str | None,
        _opt(
            "Start from this scenario's preset; flags override it. / 시나리오 프리셋에서 시작.",
            "ID",
        ),
    ] = None,
    track: Annotated[
        str | None, _opt("With --scenario: apply this track's variant. / 트랙 변형 적용.", "ID")
    ] = None,
    dau: Annotated[
        str | None, _opt("Daily active users, e.g. 50M. / 일간 활성 사용자.", "N")
    ] = None,
    writes_per_user: Annotated[
        str | None, _opt("Writes per user per day. / 사용자당 하루 쓰기 수.", "N")
    ] = None,
    reads_per_user: Annotated[
        str | None, _opt("Reads per user per day. / 사용자당 하루 읽기 수.", "N")
    ] = None,
    writes: Annotated[
        str | None, _opt("Total writes, e.g. 100M/day, 10M/month, 4/s. / 전체 쓰기.", "RATE")
    ] = None,
    reads: Annotated[str | None, _opt("Total reads, e.g. 1B/day. / 전체 읽기.", "RATE")] = None,
    read_write_ratio: Annotated[
        str | None, _opt("Reads per write instead of the reads, e.g. 10:1. / 읽기:쓰기 비율.", "R")
    ] = None,
    write_size: Annotated[
        str | None, _opt("Bytes stored per write, e.g. 1.27KB. / 쓰기당 저장 크기.", "SIZE")
    ] = None,
    read_size: Annotated[
        str | None,
        _opt("Bytes returned per read (default: bytes per write). / 읽기당 응답 크기.", "SIZE"),
    ] = None,
    media_fraction: Annotated[
        str | None, _opt("Fraction of writes with media, e.g. 10%. / 미디어 비율.", "F")
    ] = None,
    media_size: Annotated[str | None, _opt("Media size, e.g. 1MB. / 미디어 크기.", "SIZE")] = None,
    retention: Annotated[
        str | None, _opt("How long data is kept, e.g. 5y, 36mo. / 보존 기간.", "DURATION")
    ] = None,
    peak_factor: Annotated[
        str | None, _opt("Peak over average (default 2). / 피크 배수.", "F")
    ] = None,
    replication: Annotated[
        str | None, _opt("Copies of stored data (default 1). / 복제 수.", "N")
    ] = None,
    cache_fraction: Annotated[
        str | None,
        _opt("Hot fraction of a day's reads kept in memory (default 0.2). / 캐시 비율.", "F"),
    ] = None,
    server_qps: Annotated[
        str | None, _opt("Requests per second one server handles. / 서버당 QPS.", "N")
    ] = None,
    seconds_per_day: Annotated[
        str | None, _opt("Seconds in a day (default 86,400). / 하루의 초.", "N")
    ] = None,
    seconds_per_month: Annotated[
        str | None, _opt("Seconds in a month (default 30 days). / 한 달의 초.", "N")
    ] = None,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="Interview shorthand: 100,000 s a day, 2,500,000 s a month. / 면접용 어림값.",
        ),
    ] = False,
    binary: BinaryOpt = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """The traffic model: QPS, storage, bandwidth, cache and servers, step by step. / 트래픽 모델."""
    if ctx.invoked_subcommand is not None:
        return
    flags = {
        "dau": dau,
        "writes_per_user": writes_per_user,
        "reads_per_user": reads_per_user,
        "writes": writes,
        "reads": reads,
        "read_write_ratio": read_write_ratio,
        "write_size": write_size,
        "read_size": read_size,
        "media_fraction": media_fraction,
        "media_size": media_size,
        "retention": retention,
        "peak_factor": peak_factor,
        "replication": replication,
        "cache_fraction": cache_fraction,
        "server_qps": server_qps,
    }
    given = {k: v for k, v in flags.items() if v is not None}
    if scenario is None and not given:
        if json_out:  # --json promises one JSON document: no inputs is a usage error
            from sysdesign.errors import UsageError

            raise UsageError(
                "give --scenario ID or flags such as --dau 50M --writes-per-user 40 / "
                "--scenario ID나 --dau 50M --writes-per-user 40 같은 플래그를 주세요"
            )
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
    from sysdesign.i18n import resolve_lang

    language = resolve_lang(lang)
    conventions = _conventions(seconds_per_day, seconds_per_month, quick, binary)
    inputs: dict[str, object] = {}
    if scenario is not None:
        from sysdesign.estimate.traffic import preset_inputs
        from sysdesign.library import preset_for

        inputs = preset_inputs(preset_for(scenario, track).given())
    elif track is not None:
        from sysdesign.errors import UsageError

        raise UsageError("--track needs --scenario / --track은 --scenario와 함께 쓰세요")
    inputs.update(given)
    from sysdesign.estimate.traffic import traffic_model

    calculation = traffic_model(inputs, conventions)
    if json_out:
        doc = calculation.to_json(language)
        if scenario is not None:
            doc["scenario"] = scenario
        print_json(doc)
        return
    title = messages.render("cli.estimate.traffic_estimate", language)
    if scenario:
        title += f" · {scenario}"
    render(calculation, language, title)


def render(calculation: "Calculation", lang: str, title: str) -> None:
    """Results table, then numbered whiteboard steps, then the conventions.

    Plain text (sysdesign.cli.textable), not rich: this is the command people run most, and
    rich's import and layout cost more than the whole estimate."""
    from sysdesign.cli.textable import Align, echo, style, table

    if not calculation.results:
        echo(messages.render("cli.estimate.nothing_to_compute_from_these", lang))
        return
    names = {s.key: s.name_in(lang) for s in calculation.steps if s.key}
    columns: list[tuple[str, Align]] = [
        (messages.render("cli.estimate.result", lang), "left"),
        (messages.render("cli.estimate.meaning", lang), "left"),
        (messages.render("cli.estimate.value", lang), "right"),
    ]
    rows = [
        (key, names.get(key, messages.render("cli.estimate.given", lang)), result.human_in(lang))
        for key, result in calculation.results.items()
    ]
    echo(table(title, columns, rows))
    if calculation.inputs:
        given = ", ".join(f"{k}={_show(v)}" for k, v in calculation.inputs.items())
        echo(messages.render("cli.estimate.inputs", lang) + given)
    echo(style(messages.render("cli.estimate.steps", lang), bold=True))
    width = len(str(len(calculation.steps)))
    for i, step in enumerate(calculation.steps, 1):
        echo(
            f"{i:>{width}}. {step.name_in(lang)}: {step.formula_in(lang)}\n"
            f"{'':>{width}}    = {step.substituted} = {step.human_in(lang)}"
        )
    conventions = "; ".join(calculation.conventions.describe(lang))
    echo(style(messages.render("cli.estimate.conventions", lang) + conventions, dim=True))


def _show(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _emit(calculation: "Calculation", lang: str | None, json_out: bool, title: str) -> None:
    """Print `calculation` as JSON or as the table titled by the catalogue key `title`."""
    from sysdesign.i18n import resolve_lang

    language = resolve_lang(lang)
    if json_out:
        print_json(calculation.to_json(language))
        return
    render(calculation, language, messages.render(title, language))


def _plain(binary: bool, quick: bool = False) -> "Conventions":
    from sysdesign.estimate.model import Conventions

    return Conventions(binary=binary, quick=quick)


@estimate_app.command("connections")
def connections_cmd(
    concurrent: Annotated[
        str | None, _opt("Concurrent connections, e.g. 10k. / 동시 연결 수.", "N")
    ] = None,
    dau: Annotated[
        str | None,
        _opt("Daily active users (with --concurrent-fraction). / 일간 활성 사용자(DAU).", "N"),
    ] = None,
    concurrent_fraction: Annotated[
        str | None, _opt("Fraction of DAU online at once, e.g. 10%. / 동시 접속 비율.", "F")
    ] = None,
    memory_per_connection: Annotated[
        str | None, _opt("Memory per connection, e.g. 64KB. / 연결당 메모리.", "SIZE")
    ] = None,
    connections_per_server: Annotated[
        str | None, _opt("Connections one server holds, e.g. 50k. / 서버당 연결 수.", "N")
    ] = None,
    update_interval: Annotated[
        str | None,
        _opt("Each connection sends an update this often, e.g. 5s. / 업데이트 간격.", "DURATION"),
    ] = None,
    binary: BinaryOpt = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Long-lived connections: memory, servers, update QPS. / 장기 연결: 메모리, 서버, 업데이트 QPS."""
    from sysdesign.estimate.calculators import connections

    calc = connections(
        {
            "concurrent": concurrent,
            "dau": dau,
            "concurrent_fraction": concurrent_fraction,
            "memory_per_connection": memory_per_connection,
            "connections_per_server": connections_per_server,
            "update_interval": update_interval,
        },
        _plain(binary),
    )
    _emit(calc, lang, json_out, "cli.estimate.title_connections")


@estimate_app.command("concurrency")
def concurrency_cmd(
    throughput: Annotated[
        str | None, _opt("Requests per second, e.g. 1000/s. / 처리량.", "RATE")
    ] = None,
    latency: Annotated[
        str | None, _opt("Time each request is in flight, e.g. 200ms. / 지연 시간.", "DURATION")
    ] = None,
    in_flight: Annotated[
        str | None,
        _opt("Workers in flight, when you know it (e.g. 10k goroutines). / 동시 작업 수.", "N"),
    ] = None,
    stack_size: Annotated[
        str | None,
        _opt(
            "Memory per worker (default 2KB, a goroutine's first stack; an OS thread is 1MB–8MB). / 작업자당 메모리.",
            "SIZE",
        ),
    ] = None,
    binary: BinaryOpt = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Little's law: workers in flight and their memory. / 리틀의 법칙: 동시 작업 수와 메모리."""
    from sysdesign.estimate.calculators import concurrency

    calc = concurrency(
        {
            "throughput": throughput,
            "latency": latency,
            "in_flight": in_flight,
            "stack_size": stack_size,
        },
        _plain(binary),
    )
    _emit(calc, lang, json_out, "cli.estimate.title_concurrency")


@estimate_app.command("pool")
def pool_cmd(
    throughput: Annotated[
        str | None, _opt("Queries per second, e.g. 2000/s. / 초당 쿼리 수.", "RATE")
    ] = None,
    query_time: Annotated[
        str | None, _opt("Time a query holds a connection, e.g. 5ms. / 쿼리 시간.", "DURATION")
    ] = None,
    cores: Annotated[
        str | None, _opt("CPU cores of the database server. / DB 서버 코어 수.", "N")
    ] = None,
    spindles: Annotated[
        str | None,
        _opt("Effective spindles (default 1; 0 when fully cached). / 유효 스핀들 수.", "N"),
    ] = None,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Database connection pool size, two ways side by side. / DB 커넥션 풀 크기."""
    from sysdesign.estimate.calculators import pool

    calc = pool(
        {"throughput": throughput, "query_time": query_time, "cores": cores, "spindles": spindles},
        _plain(False),
    )
    _emit(calc, lang, json_out, "cli.estimate.title_connection_pool")


@estimate_app.command("partitions")
def partitions_cmd(
    target_throughput: Annotated[
        str | None,
        _opt(
            "Messages or bytes per second to carry, e.g. 100k/s or 200MB/s. / 목표 처리량.", "RATE"
        ),
    ] = None,
    partition_throughput: Annotated[
        str | None,
        _opt("What one partition takes on the producer side. / 파티션당 처리량.", "RATE"),
    ] = None,
    consumer_throughput: Annotated[
        str | None, _opt("What one consumer processes. / 컨슈머당 처리량.", "RATE")
    ] = None,
    binary: BinaryOpt = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Partitions of a log or topic. / 로그(토픽)의 파티션 수."""
    from sysdesign.estimate.calculators import partitions

    calc = partitions(
        {
            "target_throughput": target_throughput,
            "partition_throughput": partition_throughput,
            "consumer_throughput": consumer_throughput,
        },
        _plain(binary),
    )
    _emit(calc, lang, json_out, "cli.estimate.title_partitions")


@estimate_app.command("shards")
def shards_cmd(
    data_size: Annotated[
        str | None, _opt("Total data, e.g. 20TB. / 전체 데이터 크기.", "SIZE")
    ] = None,
    write_qps: Annotated[
        str | None, _opt("Writes per second, e.g. 50k. / 초당 쓰기 수.", "N")
    ] = None,
    node_storage: Annotated[
        str | None, _opt("Usable storage per node, e.g. 2TB. / 노드당 저장 용량.", "SIZE")
    ] = None,
    node_write_qps: Annotated[
        str | None, _opt("Writes per second one node sustains. / 노드당 쓰기 QPS.", "N")
    ] = None,
    binary: BinaryOpt = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Nodes (shards) for data size and write load. / 데이터 크기와 쓰기 부하로 본 노드 수."""
    from sysdesign.estimate.calculators import shards

    calc = shards(
        {
            "data_size": data_size,
            "write_qps": write_qps,
            "node_storage": node_storage,
            "node_write_qps": node_write_qps,
        },
        _plain(binary),
    )
    _emit(calc, lang, json_out, "cli.estimate.title_shards")


@estimate_app.command("btree")
def btree_cmd(
    rows: Annotated[str | None, _opt("Rows in the table, e.g. 100M. / 행 수.", "N")] = None,
    key_size: Annotated[str | None, _opt("Key size (default 8B). / 키 크기.", "SIZE")] = None,
    pointer_size: Annotated[
        str | None, _opt("Child pointer size (default 8B). / 포인터 크기.", "SIZE")
    ] = None,
    page_size: Annotated[
        str | None, _opt("Page size (default 16KiB). / 페이지 크기.", "SIZE")
    ] = None,
    binary: BinaryOpt = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """B-tree fanout, height and index size. / B-트리 팬아웃, 높이, 인덱스 크기."""
    from sysdesign.estimate.calculators import btree

    calc = btree(
        {"rows": rows, "key_size": key_size, "pointer_size": pointer_size, "page_size": page_size},
        _plain(binary),
    )
    _emit(calc, lang, json_out, "cli.estimate.title_b_tree")


@estimate_app.command("availability")
def availability_cmd(
    percents: Annotated[
        list[str],
        typer.Argument(
            metavar="PCT...",
            help="Availability of each component, e.g. 99.9 99.95. / 구성 요소별 가용성.",
        ),
    ],
    parallel: Annotated[
        bool,
        typer.Option(
            "--parallel",
            help="Redundant copies: one working is enough (default: in series). / 병렬(중복) 구성.",
        ),
    ] = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Availability of components in series or parallel, and the downtime. / 가용성과 다운타임."""
    from sysdesign.estimate.calculators import availability

    calc = availability(percents, parallel)
    _emit(calc, lang, json_out, "cli.estimate.title_availability")


@estimate_app.command("drill")
def drill_cmd(
    scenario: Annotated[
        str | None,
        _opt("Use this scenario's assumptions (default: random ones). / 시나리오 가정 사용.", "ID"),
    ] = None,
    track: Annotated[
        str | None, _opt("With --scenario: this track's variant. / 트랙 변형.", "ID")
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            help="Seed for a reproducible question. / 재현용 시드.",
            metavar="N",
            show_default=False,
            callback=seed_in_range,
        ),
    ] = None,
    metric: Annotated[
        str | None,
        _opt("The figure to ask for, e.g. peak_write_qps, storage_total. / 물어볼 지표.", "NAME"),
    ] = None,
    answer: Annotated[
        str | None,
        _opt("Your answer with a unit (skips the prompt), e.g. 7k/s. / 답 (단위 포함).", "VALUE"),
    ] = None,
    quick: Annotated[
        bool, typer.Option("--quick", help="Interview shorthand: 100,000 s a day. / 면접용 어림값.")
    ] = False,
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Graded estimation drill: one figure, graded, with the slip named. / 채점되는 어림 계산 연습."""
    from sysdesign.estimate import drill
    from sysdesign.i18n import resolve_lang

    language = resolve_lang(lang)
    preset = None
    if scenario is not None:
        from sysdesign.library import preset_for

        preset = preset_for(scenario, track).given()
    question = drill.make_question(
        seed=seed,
        scenario_inputs=preset,
        scenario=scenario,
        metric=metric,
        conventions=_plain(False, quick),
    )
    if answer is None:
        answer = typer.prompt(question.text(language), err=json_out)
    graded = drill.grade(question, answer)
    drill.record_drill(graded, language)
    if json_out:
        print_json(graded.to_json(language))
        return
    out = console()
    if answer is not None and not json_out:
        out.print(question.text(language), markup=False)
    doc = graded.to_json(language)
    style = {"good": "green", "order_of_magnitude": "yellow", "wrong": "red"}[graded.grade]
    out.print(
        f"{messages.render('cli.estimate.your_answer', language)}: {answer}  →  "
        f"{messages.render('cli.estimate.expected', language)} {doc['expected']['human']}  "
        f"(×{_ratio(graded.ratio)})",
        markup=False,
    )
    out.print(doc["grade_text"], style=f"bold {style}", markup=False)
    if doc["slip"]:
        out.print(
            messages.render("cli.estimate.likely_slip", language) + doc["slip"]["text"],
            style="yellow",
            markup=False,
        )
    render(
        question.calculation,
        language,
        messages.render("cli.estimate.derivation_seed", language, seed=question.seed),
    )


def _ratio(ratio: float) -> str:
    from sysdesign.estimate.units import sig

    return sig(ratio, 3)


def numbers(
    lang: LangOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Latency numbers and powers of two, each with its source and year. / 알아 두어야 할 지연 시간과 2의 거듭제곱(출처·연도 포함)."""
    from sysdesign.estimate.numbers import load_numbers
    from sysdesign.i18n import resolve_lang

    language = resolve_lang(lang)
    doc = load_numbers(language)
    if json_out:
        print_json(doc)
        return
    from rich.table import Table

    out = console()
    lat = Table(
        title=messages.render("cli.estimate.latency_numbers_every_programmer_should", language),
        title_justify="left",
    )
    lat.add_column(messages.render("cli.estimate.operation", language))
    lat.add_column("ns", justify="right")
    lat.add_column(messages.render("cli.estimate.time", language), justify="right")
    lat.add_column(messages.render("cli.estimate.source", language))
    lat.add_column(messages.render("cli.estimate.current_hardware", language), justify="right")
    for row in doc["latency"]:
        current = row["now"]
        lat.add_row(
            row["name"],
            f"{row['ns']:,}",
            row["human"],
            f"{_short(row['source'])} ({row['year']})",
            f"{current['human']} ({current['year']})" if current else "",
        )
    out.print(lat)
    powers = Table(
        title=messages.render("cli.estimate.powers_of_two", language), title_justify="left"
    )
    powers.add_column("2ⁿ", justify="right")
    powers.add_column(messages.render("cli.estimate.exact", language), justify="right")
    powers.add_column(messages.render("cli.estimate.about", language))
    powers.add_column(messages.render("cli.estimate.size", language))
    powers.add_column(messages.render("cli.estimate.note", language))
    for row in doc["powers_of_two"]:
        powers.add_row(
            str(row["power"]), f"{row['exact']:,}", row["approx"], row["unit"], row["note"]
        )
    out.print(powers)
    for row in doc["handy"]:
        out.print(f"• {row['name']}: {row['value']}", markup=False)
    cited = [
        *doc["latency"],
        *doc["powers_of_two"],
        *(r["now"] for r in doc["latency"] if r["now"]),
    ]
    sources = {(r["source"], r["url"], r["year"]) for r in cited}
    out.print(messages.render("cli.estimate.sources", language), style="bold")
    for title, url, year in sorted(sources, key=lambda s: s[2]):
        out.print(f"  {title}, {year} — {url}", markup=False, style="dim")


def _short(title: str) -> str:
    return title.split(",")[0].split(" (")[0].strip('"')
