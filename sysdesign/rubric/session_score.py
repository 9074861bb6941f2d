"""A session's score, area by area, as typed and language-free results.

`score_session(report, weights, hints)` reads the parts of a session report (what was asked,
stated, explained, estimated, designed, and how the time was used) and returns one `ScoreItem`
per point source: area, points, maximum, a reason id and its parameters. The words come later:
`reason_text(item, lang)` renders the reason in the language the report is shown in, from the
templates in `REASONS`, so a session held in English can be read in Korean and the stored report
is one record.

Parameters are numbers, plain strings (what the candidate typed, ids) or stored pairs
(``{"en": ..., "ko": ...}``: a topic, a point's text); a list of texts renders joined by "; ".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sysdesign.i18n import localise

CLOSE_FACTOR = 2.0  # within ×2 of the computed figure: full credit
ROUGH_FACTOR = 10.0  # within an order of magnitude: half credit
TIME_GRACE = 0.10  # an overrun up to 10 % of the phase budget costs nothing
TIME_LIMIT = 0.50  # an overrun of half the budget costs the phase's time points
CURVEBALL_SHARE = 0.25  # of the deep-dive points: the requirement change's own share
RUSHED = 1 / 3  # a phase left before a third of its budget, its points not covered
EARLY_FACTOR = 1.5  # time points ≤ weight × 1.5 × (time used / time planned)
# The design counts as far as the candidate explained it: a drawn (or loaded) design earns this
# share of its rubric score on its own, the rest in proportion to the graded discussion points
# explained (an interviewer grades the design discussed, not the picture).
DESIGN_DRAWN_SHARE = 0.5
SOUP_QUESTION_CREDIT = 0.5  # a key question asked as a list of terms ("users dau qps?")

# Every reason a breakdown item can give, in every language. Parameters in braces; format
# specs as in `str.format`.
REASONS: dict[str, dict[str, str]] = {
    "question.listed": {
        "en": "asked about {topic} only as a list of terms: “{question}”",
        "ko": "{topic}에 대해 용어만 나열해 질문함: “{question}”",
    },
    "question.asked": {
        "en": "asked about {topic}: “{question}”",
        "ko": "{topic}에 대해 질문함: “{question}”",
    },
    "question.missed": {"en": "never asked about {topic}", "ko": "{topic}에 대해 묻지 않음"},
    "requirement.stated": {"en": "stated: {text} (“{said}”)", "ko": "언급함: {text} (“{said}”)"},
    "requirement.listed": {
        "en": "listed terms without explaining them: {text} (“{said}”)",
        "ko": "설명 없이 용어만 나열함: {text} (“{said}”)",
    },
    "requirement.missed": {"en": "not stated: {text}", "ko": "언급하지 않음: {text}"},
    "estimate.none": {"en": "no key figure to compare with", "ko": "비교할 핵심 수치가 없음"},
    "estimate.missing": {
        "en": "{figure}: you never stated it (computed {computed})",
        "ko": "{figure}: 직접 말하지 않음 (계산값 {computed})",
    },
    "estimate.calculator_only": {
        "en": " (:estimate and the design file's estimates are the calculator's, not yours)",
        "ko": " (:estimate와 설계 파일의 estimates는 계산기 값이라 점수가 없음)",
    },
    "estimate.close": {
        "en": "{figure}: you said “{said}”, within ×2 of {computed}",
        "ko": "{figure}: “{said}”라고 함, 계산값({computed})과 비교해 ×2 이내",
    },
    "estimate.rough": {
        "en": "{figure}: you said “{said}”, within ×10 of {computed}",
        "ko": "{figure}: “{said}”라고 함, 계산값({computed})과 비교해 ×10 이내",
    },
    "estimate.off": {
        "en": "{figure}: you said “{said}”, more than ×10 away from {computed}",
        "ko": "{figure}: “{said}”라고 함, 계산값({computed})과 비교해 ×10 넘게 벗어남",
    },
    "slip.bits_bytes": {"en": " — bits for bytes?", "ko": " — 비트와 바이트를 혼동?"},
    "slip.per_day_vs_per_second": {
        "en": " — per day for per second?",
        "ko": " — 하루와 초 단위를 혼동?",
    },
    "slip.peak_forgotten": {"en": " — the peak factor forgotten?", "ko": " — 피크 배수를 빠뜨림?"},
    "design.none": {
        "en": "no valid design file was saved",
        "ko": "유효한 설계 파일이 저장되지 않음",
    },
    "design.scored": {
        "en": "the final design scores {score:g}/100 on the rubric ({findings} finding(s)); "
        "you explained {explained:.0%} of the discussion points, so it counts {counts:.0%}",
        "ko": "최종 설계의 루브릭 점수 {score:g}/100 (지적 {findings}개). "
        "논의할 점의 {explained:.0%}를 설명해 설계 점수의 {counts:.0%}를 인정함",
    },
    "deep_dive.not_reached": {
        "en": "the deep dive was not reached",
        "ko": "상세 설계 단계에 도달하지 않음",
    },
    "deep_dive.graded": {
        "en": "{question} — explained {got}/{total}",
        "ko": "{question} — {total}개 중 {got}개 설명함",
    },
    "deep_dive.listed": {
        "en": "; listed terms without explaining them: {points}",
        "ko": "; 설명 없이 용어만 나열함: {points}",
    },
    "deep_dive.wrong": {
        "en": "; wrong: “{sentence}” — {correction}",
        "ko": "; 틀린 주장: “{sentence}” — {correction}",
    },
    "deep_dive.missed": {"en": "; missed: {points}", "ko": "; 빠짐: {points}"},
    "curveball.not_reached": {
        "en": "requirement change not reached: the session ended before it",
        "ko": "요구사항 변경에 도달하지 않음: 그 전에 세션이 끝남",
    },
    "curveball.answered": {
        "en": "requirement change: your answer spoke to it",
        "ko": "요구사항 변경: 답변에서 다룸",
    },
    "curveball.unanswered": {
        "en": "requirement change: no answer spoke to it",
        "ko": "요구사항 변경: 답변에서 다루지 않음",
    },
    "curveball.already": {
        "en": "; the design already had what it calls for",
        "ko": "; 설계에 이미 반영되어 있었음",
    },
    "curveball.built": {"en": "; the design now has what it calls for", "ko": "; 설계에 반영함"},
    "curveball.lacking": {
        "en": "; the design lacks {missing}",
        "ko": "; 설계에 빠진 것: {missing}",
    },
    "time.not_reached": {"en": "{phase}: not reached", "ko": "{phase}: 도달하지 않음"},
    "time.rushed": {
        "en": "{phase}: rushed ({used} of {budget}, its points not covered)",
        "ko": "{phase}: 서두름 ({budget} 중 {used}, 다룰 것을 다 다루지 않음)",
    },
    "time.on_time": {"en": "{phase}: on time", "ko": "{phase}: 시간 내"},
    "time.over": {"en": "{phase}: {over} over", "ko": "{phase}: {over} 초과"},
    "time.capped": {
        "en": "ended at {used} of {planned}: time points capped at {cap:.1f}",
        "ko": "{planned} 중 {used}에 끝냄: 시간 점수 상한 {cap:.1f}",
    },
    "hint.taken": {"en": "hint taken: {hint}", "ko": "힌트 사용: {hint}"},
}


@dataclass(frozen=True)
class Reason:
    """A reason id and its parameters."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "params": dict(self.params)}


@dataclass(frozen=True)
class ScoreItem:
    """One source of points in a session's score: `points` of `max` in `area`, and why — a
    reason and the details that follow it (a wrong claim quoted, a slip named)."""

    area: str
    points: float
    max: float
    reason: Reason
    details: tuple[Reason, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The stored, language-free form."""
        return {
            "area": self.area,
            "points": round(self.points + 0.0, 2),
            "max": round(self.max + 0.0, 2),
            "reason": {**self.reason.to_json(), "details": [d.to_json() for d in self.details]},
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> ScoreItem:
        reason = doc["reason"]
        return cls(
            area=str(doc["area"]),
            points=float(doc["points"]),
            max=float(doc["max"]),
            reason=Reason(str(reason["id"]), dict(reason.get("params") or {})),
            details=tuple(
                Reason(str(d["id"]), dict(d.get("params") or {}))
                for d in reason.get("details") or []
            ),
        )


def render_reason(reason: Reason, lang: str) -> str:
    """One reason in `lang` (English where `lang` has no template)."""
    templates = REASONS[reason.id]
    template = templates.get(lang, templates["en"])
    params: dict[str, Any] = {}
    for key, value in reason.params.items():
        value = localise(value, lang)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        params[key] = value
    return template.format(**params)


def reason_text(item: ScoreItem | Mapping[str, Any], lang: str) -> str:
    """The whole reason of a breakdown item (stored or typed) in `lang`."""
    typed = item if isinstance(item, ScoreItem) else ScoreItem.from_json(item)
    return render_reason(typed.reason, lang) + "".join(
        render_reason(d, lang) for d in typed.details
    )


def is_stored_item(value: object) -> bool:
    """Whether `value` is a breakdown item in its stored form (a reason id, not words)."""
    return (
        isinstance(value, Mapping)
        and {"area", "points", "max", "reason"} <= set(value)
        and isinstance(value["reason"], Mapping)
        and "id" in value["reason"]
    )


def mmss(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


def phase_covered(report: Mapping[str, Any], phase: str) -> bool:
    """Whether a phase's own points are all covered (for "rushed")."""
    if phase == "requirements":
        asked, reqs = report["asked"], report["requirements"]
        return bool(asked["asked"] == asked["total"] and reqs["stated"] == reqs["total"])
    if phase == "high_level":
        return report["design"]["score"] is not None
    items = [d for d in report["deep_dive"]["items"] if d.get("phase") == phase]
    return bool(all(c["status"] == "explained" for d in items for c in d["concepts"]))


@dataclass(frozen=True)
class Hint:
    """A hint taken: what it cost, and its text (a stored pair or a plain string)."""

    cost: float
    text: Any


def total(items: Sequence[ScoreItem]) -> float:
    """The points of `items`, unrounded."""
    return float(sum(i.points for i in items))


def score_session(
    report: Mapping[str, Any], weights: Any, hints: Sequence[Hint] = ()
) -> list[ScoreItem]:
    """Every point of a session, from the report's parts and the rubric's `weights`."""
    w = weights
    out: list[ScoreItem] = []

    def add(area: str, points: float, maximum: float, rid: str, *details: Reason, **p: Any) -> None:
        out.append(ScoreItem(area, points, maximum, Reason(rid, p), tuple(details)))

    keys = report["asked"]["key_questions"]
    for k in keys:
        each = w.clarifying / len(keys)
        if k["asked"] and k.get("listed"):
            add(
                "clarifying",
                each * SOUP_QUESTION_CREDIT,
                each,
                "question.listed",
                topic=k["topic"],
                question=k["question"],
            )
        elif k["asked"]:
            add(
                "clarifying", each, each, "question.asked", topic=k["topic"], question=k["question"]
            )
        else:
            add("clarifying", 0, each, "question.missed", topic=k["topic"])

    reqs = report["requirements"]["items"]
    for r in reqs:
        each = w.requirements / len(reqs)
        if r["status"] == "explained":
            add("requirements", each, each, "requirement.stated", text=r["text"], said=r["matched"])
        elif r["status"] == "listed":
            add(
                "requirements",
                each * r["credit"],
                each,
                "requirement.listed",
                text=r["text"],
                said=r["matched"],
            )
        else:
            add("requirements", 0, each, "requirement.missed", text=r["text"])

    est = report["estimates"]
    figures = est["figures"]
    if not figures:
        add("estimation", 0, w.estimation, "estimate.none")
    for f in figures:
        each = w.estimation / len(figures)
        if f["verdict"] == "missing":
            extra = (Reason("estimate.calculator_only"),) if est["source"] else ()
            add(
                "estimation",
                0,
                each,
                "estimate.missing",
                *extra,
                figure=f["name"],
                computed=f["computed"],
            )
            continue
        share = {"close": 1.0, "rough": 0.5, "off": 0.0}[f["verdict"]]
        slip = f.get("slip")
        extra = (Reason(f"slip.{slip}"),) if f"slip.{slip}" in REASONS else ()
        add(
            "estimation",
            each * share,
            each,
            f"estimate.{f['verdict']}",
            *extra,
            figure=f["name"],
            said=f["candidate"],
            computed=f["computed"],
        )

    design = report["design"]
    if design["score"] is None:
        add("design", 0, w.design, "design.none")
    else:
        concepts = [c for d in report["deep_dive"]["items"] for c in d["concepts"]]
        explained = sum(c["credit"] for c in concepts) / len(concepts) if concepts else 0.0
        counts = DESIGN_DRAWN_SHARE + (1 - DESIGN_DRAWN_SHARE) * explained
        add(
            "design",
            w.design * design["score"] / 100 * counts,
            w.design,
            "design.scored",
            score=float(design["score"]),
            findings=len(design["findings"]),
            explained=explained,
            counts=counts,
        )

    dives = report["deep_dive"]["items"]
    cb_max = w.deep_dive * CURVEBALL_SHARE
    dive_pool = w.deep_dive - cb_max
    if not dives:
        add("deep_dive", 0, dive_pool, "deep_dive.not_reached")
    for d in dives:
        each = dive_pool / len(dives)
        concepts = d["concepts"]
        got = [c for c in concepts if c["status"] == "explained"]
        listed = [c["text"] for c in concepts if c["status"] == "listed"]
        wrong = [c for c in concepts if c["status"] == "wrong"]
        miss = [c["text"] for c in concepts if c["status"] == "missed"]
        details: list[Reason] = []
        if listed:
            details.append(Reason("deep_dive.listed", {"points": listed}))
        for c in wrong:
            correction = c.get("correction") or c["text"]
            details.append(
                Reason("deep_dive.wrong", {"sentence": c["sentence"], "correction": correction})
            )
        if miss:
            details.append(Reason("deep_dive.missed", {"points": miss}))
        share = sum(c["credit"] for c in concepts) / len(concepts) if concepts else 0.0
        add(
            "deep_dive",
            each * share,
            each,
            "deep_dive.graded",
            *details,
            question=d["question"],
            got=len(got),
            total=len(concepts),
        )

    cb = report["curveball"]
    if not cb["fired"]:
        add("curveball", 0, cb_max, "curveball.not_reached")
    else:
        share = (0.5 if cb["answered"] else 0.0) + (0.5 if cb["design_ok"] else 0.0)
        if cb["already_handled"]:
            built = Reason("curveball.already")
        elif cb["design_ok"]:
            built = Reason("curveball.built")
        else:
            built = Reason("curveball.lacking", {"missing": ", ".join(cb["missing"])})
        said = "curveball.answered" if cb["answered"] else "curveball.unanswered"
        add("curveball", cb_max * share, cb_max, said, built)

    phases = report["phases"]
    for p in phases:
        each = w.time / len(phases)
        budget = p["budget_seconds"] or 1.0
        over = p["overrun_seconds"] / budget
        if not p["reached"]:
            add("time", 0, each, "time.not_reached", phase=p["title"])
            continue
        share = (
            1.0 if over <= TIME_GRACE else max(0.0, (TIME_LIMIT - over) / (TIME_LIMIT - TIME_GRACE))
        )
        rushed = p["used_seconds"] < budget * RUSHED and not phase_covered(report, p["id"])
        if rushed:
            share = min(share, p["used_seconds"] / (budget * RUSHED))
            add(
                "time",
                each * share,
                each,
                "time.rushed",
                phase=p["title"],
                used=mmss(p["used_seconds"]),
                budget=mmss(budget),
            )
        elif over <= 0:
            add("time", each * share, each, "time.on_time", phase=p["title"])
        else:
            add(
                "time",
                each * share,
                each,
                "time.over",
                phase=p["title"],
                over=mmss(p["overrun_seconds"]),
            )
    # A session ended well before its budget cannot keep the time points of the phases it
    # skimmed: time points are capped in proportion to the time used.
    planned = sum(p["budget_seconds"] for p in phases) or 1.0
    used_all = sum(p["used_seconds"] for p in phases)
    cap = w.time * min(1.0, EARLY_FACTOR * used_all / planned)
    earned_time = sum(i.points for i in out if i.area == "time")
    if earned_time > cap + 1e-9:
        add(
            "time",
            cap - earned_time,
            0,
            "time.capped",
            used=mmss(used_all),
            planned=mmss(planned),
            cap=cap,
        )

    # A hint costs what was earned at most, so the breakdown always adds up to the score shown.
    earned = total(out)
    for h in hints:
        cost = min(h.cost, max(0.0, earned))
        earned -= cost
        add("hints", -cost, 0, "hint.taken", hint=h.text)
    return out
