"""What to practise next: the item that reviews the most urgent due cards and fits the time.

- With no `--minutes`, the single most urgent due card picks the item that practises it: a
  rule, key question or concept → the scenario where it was missed; a drill metric → that
  drill; a STAR check → a STAR question.
- With 45 minutes or more: a scenario (a mock interview, scaled down with `--minutes` when the
  time is shorter than the scenario's plan), the one whose due cards weigh most.
- With less: a drill or a STAR question (about 5 minutes each), the one whose due cards weigh
  most.
- Nothing due: what was practised longest ago, or never; no history at all: the core scenario,
  or a drill on it when time is short, and the reason says it is a first step.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sysdesign.i18n import josa
from sysdesign.progress.schedule import ALGORITHM, Card, ResultLike, due_cards, parse_at

ItemKind = Literal["scenario", "drill", "star", "qa"]

DRILL_MINUTES = 5
STAR_MINUTES = 5
QA_MINUTES = 10
SCENARIO_MIN_MINUTES = 45
SHORTEST_MINUTES = min(DRILL_MINUTES, STAR_MINUTES)
CORE_SCENARIO = "chat"
FIRST_DRILL_METRIC = "peak_write_qps"
SESSION_CARD_KINDS = ("rule", "question", "requirement", "concept")
# Metrics a drill asks for when the estimate module cannot be asked (kept in its order).
DEFAULT_DRILL_METRICS: tuple[str, ...] = (
    "peak_write_qps",
    "peak_read_qps",
    "storage_per_year",
    "storage_total",
    "ingress_bandwidth",
    "cache_memory",
)


@dataclass(frozen=True)
class ScenarioInfo:
    id: str
    minutes: float


@dataclass(frozen=True)
class Catalogue:
    """What can be practised: scenarios, drill metrics and STAR questions, in display order."""

    scenarios: tuple[ScenarioInfo, ...] = ()
    drill_metrics: tuple[str, ...] = DEFAULT_DRILL_METRICS
    star_questions: tuple[str, ...] = ()

    def scenario(self, scenario_id: str) -> ScenarioInfo:
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        return ScenarioInfo(scenario_id, 60.0)

    @property
    def core(self) -> str:
        ids = [s.id for s in self.scenarios]
        return CORE_SCENARIO if CORE_SCENARIO in ids or not ids else ids[0]


@dataclass(frozen=True)
class Recommendation:
    kind: ItemKind
    id: str
    minutes: float
    command: str
    reason: Mapping[str, str]  # lang → text
    covers: tuple[Card, ...]  # the due cards this item reviews, most urgent first
    due: tuple[Card, ...]  # every due card, most urgent first
    first_step: bool = False
    scenario: str | None = None  # a drill's scenario preset
    extra: Mapping[str, Any] = field(default_factory=dict)

    def reason_text(self, lang: str) -> str:
        return self.reason["ko" if lang == "ko" else "en"]

    def to_json(self, lang: str, now: datetime) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "reason": self.reason_text(lang),
            "due_items": [c.to_json(now) for c in self.due],
            "covers": [c.key for c in self.covers],
            "minutes": self.minutes,
            "command": self.command,
            "first_step": self.first_step,
            "scenario": self.scenario,
            "algorithm": ALGORITHM,
        }


# ------------------------------------------------------------------------------ wording


def _times(n: int, lang: str) -> str:
    if lang == "ko":
        return f"{n}번"
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _ago(then: datetime, now: datetime, lang: str) -> str:
    days = max(0, (now - then).days)
    if days == 0:
        return "오늘" if lang == "ko" else "today"
    if days == 1:
        return "어제" if lang == "ko" else "yesterday"
    return f"{days}일 전" if lang == "ko" else f"{days} days ago"


def _where(card: Card, lang: str) -> str:
    places = [k for k, _ in sorted(card.contexts.items(), key=lambda kv: (-kv[1], kv[0]))]
    places = [p for p in places if p != "random"][:2]
    if not places:
        return ""
    if lang == "ko":
        return " " + ", ".join(places) + "에서"
    return " in " + " and ".join(places)


def describe(card: Card, now: datetime, lang: str) -> str:
    """Why this card is due, in one clause: what was missed, how often, where, when last seen."""
    n, where, ago = card.lapses, _where(card, lang), _ago(card.last_seen, now, lang)
    item = f"`{card.item}`"
    if lang == "ko":
        what = {
            "rule": f"{where} 설계 규칙 {item}에 {_times(n, lang)} 걸렸습니다",
            "question": f"{where} 핵심 질문 {josa(item, '을/를')} {_times(n, lang)} 놓쳤습니다",
            "requirement": f"{where} 요구사항 {josa(item, '을/를')} {_times(n, lang)} 말하지 않았습니다",
            "concept": f"{where} 개념 {josa(item, '을/를')} {_times(n, lang)} 놓쳤습니다",
            "metric": f" 추정 {josa(item, '을/를')} {_times(n, lang)} 틀렸습니다",
            "check": f" 스토리 점검 {item}에서 {_times(n, lang)} 떨어졌습니다",
            "point": f" 기술 질문 요점 {item}: {_times(n, lang)} 설명하지 못했습니다",
        }.get(card.kind, f" {item}: {_times(n, lang)}")
        slip = f" (실수: {card.note})" if card.kind == "metric" and card.note else ""
        return f"{what.strip()}{slip}; 마지막 연습 {ago}"
    what = {
        "rule": f"you missed {item} {_times(n, lang)}{where}",
        "question": f"you skipped the key question {item} {_times(n, lang)}{where}",
        "requirement": f"you left out the requirement {item} {_times(n, lang)}{where}",
        "concept": f"you missed the concept {item} {_times(n, lang)}{where}",
        "metric": f"you misjudged {item} {_times(n, lang)}",
        "check": f"your stories failed the {item} check {_times(n, lang)}",
        "point": f"you did not explain the technical point {item} {_times(n, lang)}",
    }.get(card.kind, f"{item}: {_times(n, lang)}")
    slip = f" (likely slip: {card.note})" if card.kind == "metric" and card.note else ""
    return f"{what}{slip}; last seen {ago}"


def _reason(covers: Sequence[Card], due: Sequence[Card], now: datetime) -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in ("en", "ko"):
        parts = [describe(c, now, lang) for c in covers[:2]]
        text = "; ".join(parts)
        more = len(covers) - len(parts)
        if more > 0:
            text += f" (+{more} more due here)" if lang == "en" else f" (외 {more}개 복습 예정)"
        rest = len(due) - len(covers)
        if rest > 0:
            text += (
                f". {rest} other item(s) are due; `sysdesign next --json` lists them"
                if lang == "en"
                else f". 다른 {rest}개 항목도 복습할 때입니다; `sysdesign next --json`으로 보세요"
            )
        out[lang] = text[:1].upper() + text[1:] if lang == "en" else text
    return out


# ------------------------------------------------------------------------------ items


def _scenario_covers(scenario: str, due: Sequence[Card]) -> list[Card]:
    return [c for c in due if c.kind in SESSION_CARD_KINDS and scenario in c.contexts]


def _value(cards: Sequence[Card], now: datetime) -> float:
    return sum(c.urgency(now) for c in cards)


def _last_practised(results: Sequence[ResultLike], kind: str) -> dict[str, datetime]:
    last: dict[str, datetime] = {}
    for r in results:
        if r.kind == kind:
            at = parse_at(r.at)
            if r.item not in last or at > last[r.item]:
                last[r.item] = at
    return last


def _stalest(ids: Sequence[str], last: Mapping[str, datetime]) -> tuple[str, datetime | None]:
    """The id never practised (first in order), else the one practised longest ago."""
    for i in ids:
        if i not in last:
            return i, None
    best = min(ids, key=lambda i: last[i])
    return best, last[best]


def _scenario_item(
    scenario: str,
    catalogue: Catalogue,
    minutes: float | None,
    covers: Sequence[Card],
    due: Sequence[Card],
    reason: Mapping[str, str],
    *,
    first_step: bool = False,
) -> Recommendation:
    plan = catalogue.scenario(scenario).minutes
    length = plan if minutes is None else min(plan, minutes)
    command = f"sysdesign start {scenario}"
    if length < plan:
        command += f" --minutes {length:g}"
    return Recommendation(
        "scenario", scenario, length, command, reason, tuple(covers), tuple(due), first_step
    )


def _drill_item(
    metric: str,
    scenario: str | None,
    covers: Sequence[Card],
    due: Sequence[Card],
    reason: Mapping[str, str],
    *,
    first_step: bool = False,
) -> Recommendation:
    command = "sysdesign estimate drill"
    if scenario:
        command += f" --scenario {scenario}"
    command += f" --metric {metric}"
    return Recommendation(
        "drill",
        metric,
        DRILL_MINUTES,
        command,
        reason,
        tuple(covers),
        tuple(due),
        first_step,
        scenario,
    )


def _star_item(
    question: str | None, covers: Sequence[Card], due: Sequence[Card], reason: Mapping[str, str]
) -> Recommendation:
    command = "sysdesign star practice"
    if question:
        command += f" --question {question}"
    return Recommendation(
        "star",
        question or "practice",
        STAR_MINUTES,
        command,
        reason,
        tuple(covers),
        tuple(due),
    )


def _qa_item(card: Card, due: Sequence[Card], now: datetime) -> Recommendation:
    topic = card.item.split("/", 1)[0]
    covers = [c for c in due if c.kind == "point" and c.item.startswith(topic + "/")]
    return Recommendation(
        "qa",
        topic,
        QA_MINUTES,
        f"sysdesign qa --topic {topic}",
        _reason(covers, due, now),
        tuple(covers),
        tuple(due),
    )


def _drill_scenario(card: Card) -> str | None:
    context = card.top_context()
    return None if context in (None, "random") else context


def _star_question(catalogue: Catalogue, results: Sequence[ResultLike]) -> str | None:
    if not catalogue.star_questions:
        return None
    question, _ = _stalest(catalogue.star_questions, _last_practised(results, "star"))
    return question


def _item_for_card(
    card: Card,
    due: Sequence[Card],
    catalogue: Catalogue,
    results: Sequence[ResultLike],
    now: datetime,
    minutes: float | None,
) -> Recommendation:
    if card.kind == "metric":
        covers = [card]
        return _drill_item(card.item, _drill_scenario(card), covers, due, _reason(covers, due, now))
    if card.kind == "point":
        return _qa_item(card, due, now)
    if card.kind == "check":
        covers = [c for c in due if c.kind == "check"]
        return _star_item(
            _star_question(catalogue, results), covers, due, _reason(covers, due, now)
        )
    scenario = max(
        sorted(card.contexts),
        key=lambda s: (_value(_scenario_covers(s, due), now), card.contexts[s]),
    )
    covers = _scenario_covers(scenario, due)
    return _scenario_item(scenario, catalogue, minutes, covers, due, _reason(covers, due, now))


def _soonest(cards: Mapping[str, Card]) -> Card | None:
    return min(cards.values(), key=lambda c: (c.due, c.key), default=None)


def _nothing_due(cards: Mapping[str, Card], now: datetime) -> dict[str, str]:
    soon = _soonest(cards)
    if soon is None:
        return {
            "en": "Nothing is due: no mistake is on the schedule",
            "ko": "복습할 항목이 없습니다: 일정에 오른 실수가 없습니다",
        }
    day = soon.due.date().isoformat()
    return {
        "en": f"Nothing is due until {day} (`{soon.item}`)",
        "ko": f"{day}까지 복습할 항목이 없습니다 (`{soon.item}`)",
    }


def _with(head: Mapping[str, str], tail: Mapping[str, str]) -> dict[str, str]:
    return {
        "en": f"{head['en']}. {tail['en'][:1].upper()}{tail['en'][1:]}",
        "ko": f"{head['ko']}. {tail['ko']}",
    }


def _stale_text(what: str, then: datetime | None, now: datetime) -> dict[str, str]:
    if then is None:
        return {
            "en": f"you have not practised {what} yet",
            "ko": f"{josa(what, '은/는')} 아직 연습하지 않았습니다",
        }
    return {
        "en": f"{what} was practised longest ago ({_ago(then, now, 'en')})",
        "ko": f"{josa(what, '을/를')} 가장 오래전에 연습했습니다 ({_ago(then, now, 'ko')})",
    }


def recommend(
    cards: Mapping[str, Card],
    results: Sequence[ResultLike],
    catalogue: Catalogue,
    *,
    now: datetime,
    minutes: float | None = None,
) -> Recommendation:
    """The next practice item for the time available (`minutes`, None for no limit)."""
    if minutes is not None and not math.isfinite(minutes):
        from sysdesign.errors import UsageError

        raise UsageError(
            f"--minutes: {minutes} is not a number of minutes; give e.g. 15 or 60 / "
            f"--minutes: {josa(minutes, '은/는')} 분 단위 숫자가 아닙니다. 예: 15, 60"
        )
    if minutes is not None and minutes < SHORTEST_MINUTES:
        from sysdesign.errors import UsageError

        raise UsageError(
            f"--minutes: the shortest practice item (a drill or a STAR question) takes about "
            f"{SHORTEST_MINUTES} minutes / --minutes: 가장 짧은 연습(추정 드릴, STAR 질문)도 "
            f"약 {SHORTEST_MINUTES}분이 걸립니다"
        )
    long = minutes is None or minutes >= SCENARIO_MIN_MINUTES
    due = due_cards(cards, now)

    if not results:
        core = catalogue.core
        if long:
            return _scenario_item(
                core,
                catalogue,
                minutes,
                [],
                due,
                {
                    "en": f"No practice recorded yet: start with the core `{core}` scenario, a "
                    "full mock interview that exercises every area; the schedule learns from it",
                    "ko": f"아직 연습 기록이 없습니다: 모든 영역을 다루는 핵심 시나리오 `{core}`의 "
                    "모의 면접부터 시작하세요. 일정은 그 결과로 만들어집니다",
                },
                first_step=True,
            )
        return _drill_item(
            FIRST_DRILL_METRIC,
            core,
            [],
            due,
            {
                "en": f"No practice recorded yet and less than {SCENARIO_MIN_MINUTES} minutes: "
                f"start with a capacity-estimation drill on the core `{core}` scenario",
                "ko": f"아직 연습 기록이 없고 {SCENARIO_MIN_MINUTES}분이 안 됩니다: 핵심 시나리오 "
                f"`{core}`의 용량 추정 드릴부터 시작하세요",
            },
            first_step=True,
        )

    if minutes is None and due:
        return _item_for_card(due[0], due, catalogue, results, now, minutes)

    if long:
        ids = [s.id for s in catalogue.scenarios] or sorted({c for d in due for c in d.contexts})
        scored = [(s, _scenario_covers(s, due)) for s in ids]
        best = max(scored, key=lambda sc: _value(sc[1], now), default=None)
        if best is not None and best[1]:
            return _scenario_item(
                best[0], catalogue, minutes, best[1], due, _reason(best[1], due, now)
            )
        scenario, then = _stalest(ids or [catalogue.core], _last_practised(results, "session"))
        head = _nothing_due(cards, now) if not due else _nothing_due_for_scenarios(due)
        reason = _with(head, _stale_text(f"`{scenario}`", then, now))
        return _scenario_item(scenario, catalogue, minutes, [], due, reason)

    # Short: a drill or a STAR question.
    options: list[Recommendation] = []
    for card in due:
        if card.kind == "metric":
            options.append(_item_for_card(card, due, catalogue, results, now, minutes))
    points = [c for c in due if c.kind == "point"]
    if points:
        options.append(_qa_item(points[0], due, now))
    checks = [c for c in due if c.kind == "check"]
    if checks:
        options.append(_item_for_card(checks[0], due, catalogue, results, now, minutes))
    if options:
        return max(options, key=lambda r: _value(r.covers, now))

    last_drill = _last_practised(results, "drill")
    last_star = _last_practised(results, "star")
    newest_drill = max(last_drill.values(), default=None)
    newest_star = max(last_star.values(), default=None)
    head = _nothing_due(cards, now) if not due else _nothing_due_short(due)
    star_first = catalogue.star_questions and (
        newest_star is None or (newest_drill is not None and newest_star < newest_drill)
    )
    if star_first:
        question, then = _stalest(catalogue.star_questions, last_star)
        return _star_item(question, [], due, _with(head, _stale_text(f"`{question}`", then, now)))
    metric, then = _stalest(catalogue.drill_metrics or DEFAULT_DRILL_METRICS, last_drill)
    return _drill_item(metric, None, [], due, _with(head, _stale_text(f"`{metric}`", then, now)))


def _nothing_due_for_scenarios(due: Sequence[Card]) -> dict[str, str]:
    return {
        "en": f"No interview mistake is due ({len(due)} drill or STAR item(s) are: "
        f"`sysdesign next --minutes 15`)",
        "ko": f"복습할 면접 실수는 없습니다 (드릴·STAR 항목 {len(due)}개는 복습할 때입니다: "
        f"`sysdesign next --minutes 15`)",
    }


def _nothing_due_short(due: Sequence[Card]) -> dict[str, str]:
    return {
        "en": f"No drill or STAR item is due ({len(due)} interview item(s) are: "
        f"`sysdesign next --minutes {SCENARIO_MIN_MINUTES}`)",
        "ko": f"복습할 드릴·STAR 항목은 없습니다 (면접 항목 {len(due)}개는 복습할 때입니다: "
        f"`sysdesign next --minutes {SCENARIO_MIN_MINUTES}`)",
    }


def load_catalogue() -> Catalogue:
    """The scenarios, drill metrics and STAR questions this installation offers."""
    from sysdesign.library import library

    lib = library()
    scenarios = tuple(ScenarioInfo(sid, lib.summary(sid).minutes) for sid in lib.scenarios)
    try:
        from sysdesign.estimate.drill import METRICS

        metrics: tuple[str, ...] = tuple(METRICS)
    except ImportError:  # pragma: no cover - the estimate module ships with the package
        metrics = DEFAULT_DRILL_METRICS
    try:
        from sysdesign.star.questions import question_ids

        star: tuple[str, ...] = question_ids()
    except ImportError:  # pragma: no cover - the star module ships with the package
        star = ()
    return Catalogue(scenarios=scenarios, drill_metrics=metrics, star_questions=star)
