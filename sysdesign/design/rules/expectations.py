"""What the scenario's rubric expects: kinds, tags and flows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sysdesign.design.findings import arrow
from sysdesign.design.graph import Graph, kind_path
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import message
from sysdesign.models.kinds import satisfies

if TYPE_CHECKING:
    from sysdesign.models.common import Text
    from sysdesign.models.design_plain import PlainText

#: What each kind is for, in a sentence (used when a rubric expects one that is missing).
KIND_PURPOSE: dict[str, tuple[str, str]] = {
    "client": ("the users' apps or browsers", "사용자의 앱이나 브라우저"),
    "dns": ("name resolution and geo-routing", "이름 해석과 지역 라우팅"),
    "cdn": (
        "serving static and media content close to users",
        "정적·미디어 콘텐츠를 사용자 가까이서 제공",
    ),
    "load_balancer": (
        "spreading traffic over instances and removing failed ones",
        "인스턴스에 트래픽을 분산하고 장애 인스턴스를 제외",
    ),
    "api_gateway": (
        "one entry for auth, rate limits and routing",
        "인증·속도 제한·라우팅을 위한 단일 진입점",
    ),
    "rate_limiter": (
        "protecting the system from abusive or runaway clients",
        "악의적이거나 폭주하는 클라이언트로부터 시스템 보호",
    ),
    "auth": ("authenticating users and issuing tokens", "사용자 인증과 토큰 발급"),
    "service": ("the application logic", "애플리케이션 로직"),
    "websocket_gateway": (
        "holding long-lived client connections for real-time delivery",
        "실시간 전달을 위한 장시간 연결 유지",
    ),
    "game_server": (
        "running matches authoritatively; players connect to it directly (UDP)",
        "경기를 서버 권위로 실행하고 플레이어가 직접(UDP) 접속",
    ),
    "worker": ("doing slow work off the request path", "느린 작업을 요청 경로 밖에서 처리"),
    "scheduler": ("starting periodic jobs", "주기 작업 실행"),
    "cache": ("serving hot reads from memory", "자주 읽는 데이터를 메모리에서 제공"),
    "sql_db": ("relational data with transactions", "트랜잭션이 있는 관계형 데이터"),
    "nosql_db": ("high write throughput and horizontal scale", "높은 쓰기 처리량과 수평 확장"),
    "object_store": (
        "durable storage for large blobs (media, files)",
        "큰 바이너리(미디어·파일)의 내구성 있는 저장",
    ),
    "queue": (
        "durable, ordered hand-off between producers and consumers",
        "생산자와 소비자 사이의 내구성 있고 순서 있는 전달",
    ),
    "pubsub": ("broadcasting events to every subscriber", "모든 구독자에게 이벤트 브로드캐스트"),
    "search_index": ("full-text and faceted search", "전문 검색과 패싯 검색"),
    "stream_processor": ("continuous aggregation over event streams", "이벤트 스트림의 연속 집계"),
    "warehouse": ("analytics over historical data", "과거 데이터 분석"),
    "coordination": ("leader election, locks and configuration", "리더 선출·락·설정"),
    "monitoring": ("metrics, alerts and dashboards", "지표·알림·대시보드"),
    "notification": ("push notifications to devices", "기기로 푸시 알림"),
    "external": ("a third-party dependency", "외부 의존성"),
}


def _rubric_refs(ctx: Context) -> str:
    return f" ({ctx.scenario})" if ctx.scenario else ""


@rule("missing-component", severity="major")
def missing_component(ctx: Context) -> Iterator[Hit]:
    """A kind (`expected_kinds`) or tag (`expected_tags`) the scenario's rubric expects is
    absent from the design."""
    if ctx.rubric is None:
        return
    g = ctx.graph
    kinds = {k for _, k in g.nodes(data="kind")}
    tags: set[str] = set()
    for _, node_tags in g.nodes(data="tags"):
        tags |= node_tags
    present = ", ".join(sorted(kinds))
    for kind in ctx.rubric.expected_kinds:
        if any(
            satisfies(data["kind"], data["shards"], wanted)
            for _, data in g.nodes(data=True)
            for wanted in ctx.rubric.accepted_kinds(kind)
        ):
            continue
        en_p, ko_p = KIND_PURPOSE.get(kind, (kind, kind))
        others = ctx.rubric.accepted_kinds(kind)[1:]
        accepted = (
            (message("design.expectations.also_accepted_in_its_place", join=", ".join(others)),)
            if others
            else ()
        )
        yield Hit(
            components=(),
            message=message("design.expectations.the_design_has_no", kind=kind),
            why=message(
                "design.expectations.the_rubric_expects_a_kind",
                rubric_refs=_rubric_refs(ctx),
                kind=kind,
                purpose={"en": en_p, "ko": ko_p},
            ),
            fix=message("design.expectations.add_a_component_of_kind", kind=kind),
            evidence=(
                message("design.expectations.kinds_in_the_design", present=present),
                *accepted,
            ),
        )
    for tag in ctx.rubric.expected_tags:
        if tag in tags:
            continue
        yield Hit(
            components=(),
            message=message("design.expectations.no_component_is_tagged", tag=tag),
            why=message(
                "design.expectations.the_rubric_expects_a_component",
                rubric_refs=_rubric_refs(ctx),
                tag=tag,
            ),
            fix=message("design.expectations.add_tags_to_the_component", tag=tag),
            evidence=(
                message("design.expectations.tags_in_the_design", tags=", ".join(sorted(tags)))
                if tags
                else message("design.expectations.no_tags_in_the_design"),
            ),
        )


def _step_name(step: str) -> str:
    return step


@rule("missing-path", severity="major")
def missing_path(ctx: Context) -> Iterator[Hit]:
    """A flow the rubric expects (a kind sequence, steps may be `tag:NAME`) does not exist.

    Consecutive steps must be joined by a path whose inner nodes are not data stores (see
    `graph.kind_path`).
    """
    if ctx.rubric is None:
        return
    g = ctx.graph
    for expected in ctx.rubric.expected_paths:
        found, partial = kind_path(g, expected.steps, ctx.rubric.equivalents)
        if found is not None:
            continue
        flow = arrow(_step_name(s) for s in expected.steps)
        if partial:
            done = len(_matched_steps(g, partial, expected.steps, ctx.rubric.equivalents))
            nxt = expected.steps[done] if done < len(expected.steps) else expected.steps[-1]
            progress = message(
                "design.expectations.found_but_no_is_reachable",
                arrow=arrow(partial),
                nxt=nxt,
                value=partial[-1],
            )
        else:
            progress = message(
                "design.expectations.no_component_matches_the_first", value=expected.steps[0]
            )
        why: Text | PlainText = expected.why
        yield Hit(
            components=tuple(dict.fromkeys(partial)),
            message=message(
                "design.expectations.expected_flow_is_missing", id=expected.id, flow=flow
            ),
            why=why,
            fix=message("design.expectations.connect_the_components_so_that", flow=flow),
            evidence=(progress,),
        )


def _matched_steps(
    g: Graph, partial: list[str], steps: list[str], equivalents: dict[str, list[str]]
) -> list[str]:
    """The steps a partial witness covers, in order (inner hops skipped)."""
    from sysdesign.design.graph import matches

    covered: list[str] = []
    i = 0
    for node in partial:
        if i < len(steps) and matches(g, node, steps[i], equivalents):
            covered.append(steps[i])
            i += 1
    return covered
