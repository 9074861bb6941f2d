"""Graded estimation drills: state assumptions, ask for one figure, grade, name the slip.

Grading compares the answer with the traffic model's figure on a log scale: within 2× is
good, within 10× is the right order of magnitude, beyond that is wrong. The likely slip is the
one whose factor best explains the ratio (bits against bytes ×8, peak forgotten ×peak factor,
per day against per second ×seconds per day, replication forgotten ×replication).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sysdesign.errors import UsageError
from sysdesign.estimate import units
from sysdesign.estimate.model import Calculation, Conventions, Label, Result
from sysdesign.estimate.traffic import DEFAULTS, preset_inputs, traffic_model
from sysdesign.i18n import josa

Grade = Literal["good", "order_of_magnitude", "wrong"]
Measure = Literal["qps", "bytes", "bandwidth"]

METRICS: dict[str, tuple[Measure, Label]] = {
    "write_qps": ("qps", Label("average write QPS", "평균 쓰기 QPS")),
    "read_qps": ("qps", Label("average read QPS", "평균 읽기 QPS")),
    "peak_write_qps": ("qps", Label("peak write QPS", "최대(피크) 쓰기 QPS")),
    "peak_read_qps": ("qps", Label("peak read QPS", "최대(피크) 읽기 QPS")),
    "storage_per_day": ("bytes", Label("new storage per day", "하루 신규 저장량")),
    "storage_per_year": ("bytes", Label("new storage per year", "1년 신규 저장량")),
    "storage_total": (
        "bytes",
        Label(
            "total storage over the retention, with replication",
            "보존 기간 전체 저장량 (복제 포함)",
        ),
    ),
    "ingress_bandwidth": ("bandwidth", Label("average ingress bandwidth", "평균 수신 대역폭")),
    "egress_bandwidth": ("bandwidth", Label("average egress bandwidth", "평균 송신 대역폭")),
    "cache_memory": (
        "bytes",
        Label("cache memory for the hot reads of a day", "하루 읽기 중 핫 데이터용 캐시 메모리"),
    ),
}

EXAMPLE_ANSWER: dict[Measure, str] = {"qps": "7k/s", "bytes": "55PB", "bandwidth": "350MB/s"}

SLIPS: dict[str, Label] = {
    "bits_bytes": Label("bits and bytes mixed up (×8)", "비트와 바이트 혼동 (×8)"),
    "peak_forgotten": Label("peak factor forgotten", "피크 배수를 빠뜨림"),
    "per_day_vs_per_second": Label(
        "per day and per second mixed up (×seconds per day)", "일 단위와 초 단위 혼동 (×하루 초)"
    ),
    "replication_forgotten": Label("replication forgotten", "복제 수를 빠뜨림"),
}

GRADE_NAMES: dict[str, Label] = {
    "good": Label("good (within 2×)", "좋음 (2배 이내)"),
    "order_of_magnitude": Label(
        "right order of magnitude (within 10×)", "자릿수는 맞음 (10배 이내)"
    ),
    "wrong": Label("wrong (off by more than 10×)", "틀림 (10배 넘게 차이)"),
}
SCORES: dict[str, float] = {"good": 100.0, "order_of_magnitude": 50.0, "wrong": 0.0}

SLIP_TOLERANCE = 1.3  # a slip explains the ratio when it is within this factor of it

_RANDOM_CHOICES: dict[str, list[str]] = {
    "dau": ["1M", "5M", "10M", "20M", "50M", "100M", "200M", "500M"],
    "writes_per_user": ["1", "2", "5", "10", "20", "40"],
    "read_write_ratio": ["1", "5", "10", "20", "100"],
    "write_size": ["100B", "200B", "500B", "1KB", "2KB", "10KB"],
    "retention": ["1y", "3y", "5y", "10y"],
    "peak_factor": ["2", "3", "5"],
    "replication": ["1", "3"],
}

_INPUT_NAMES: dict[str, Label] = {
    "dau": Label("daily active users", "일간 활성 사용자(DAU)"),
    "writes_per_user": Label("writes per user per day", "사용자당 하루 쓰기 수"),
    "reads_per_user": Label("reads per user per day", "사용자당 하루 읽기 수"),
    "writes": Label("writes", "쓰기 수"),
    "reads": Label("reads", "읽기 수"),
    "read_write_ratio": Label("read:write ratio", "읽기:쓰기 비율"),
    "write_size": Label("bytes stored per write", "쓰기당 저장 크기"),
    "read_size": Label("bytes returned per read", "읽기당 응답 크기"),
    "media_fraction": Label("share of writes with media", "미디어가 있는 쓰기 비율"),
    "media_size": Label("media size", "미디어 크기"),
    "retention": Label("retention", "보존 기간"),
    "peak_factor": Label("peak factor", "피크 배수"),
    "replication": Label("replication", "복제 수"),
    "cache_fraction": Label("hot fraction of a day's reads", "하루 읽기 중 핫 데이터 비율"),
    "server_qps": Label("QPS per server", "서버당 QPS"),
}


@dataclass(frozen=True)
class Question:
    """One drill question: assumptions, the figure asked for, and the worked answer."""

    metric: str
    inputs: dict[str, object]
    calculation: Calculation
    seed: int
    scenario: str | None = None

    @property
    def measure(self) -> Measure:
        return METRICS[self.metric][0]

    @property
    def expected(self) -> Result:
        return self.calculation.results[self.metric]

    def text(self, lang: str) -> str:
        assumptions = "; ".join(
            f"{_INPUT_NAMES[k].get(lang)} {v}" for k, v in self.inputs.items() if k in _INPUT_NAMES
        )
        asked = METRICS[self.metric][1].get(lang)
        example = EXAMPLE_ANSWER[self.measure]
        if lang == "ko":
            head = f"[{self.scenario}] " if self.scenario else ""
            return (
                f"{head}가정: {assumptions}.\n{josa(asked, '은/는')}? (단위와 함께, 예: {example})"
            )
        head = f"[{self.scenario}] " if self.scenario else ""
        return (
            f"{head}Assumptions: {assumptions}.\nWhat is the {asked}? (with a unit, e.g. {example})"
        )


@dataclass(frozen=True)
class Graded:
    """A graded answer."""

    question: Question
    answer_text: str
    answer: float
    grade: Grade
    ratio: float
    slip: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return SCORES[self.grade]

    def to_json(self, lang: str) -> dict[str, Any]:
        q = self.question
        return {
            "question": q.text(lang),
            "metric": q.metric,
            "scenario": q.scenario,
            "seed": q.seed,
            "assumptions": dict(q.inputs),
            "expected": q.expected.to_json(),
            "answer": {"text": self.answer_text, "value": self.answer},
            "ratio": self.ratio,
            "grade": self.grade,
            "grade_text": GRADE_NAMES[self.grade].get(lang),
            "score": self.score,
            "slip": None
            if self.slip is None
            else {"id": self.slip, "text": SLIPS[self.slip].get(lang)},
            "steps": [s.to_json(lang, i) for i, s in enumerate(q.calculation.steps, 1)],
            "conventions": q.calculation.conventions.to_json(),
        }


def random_inputs(rng: random.Random) -> dict[str, object]:
    """Realistic assumptions for a drill with no scenario."""
    return {name: rng.choice(choices) for name, choices in _RANDOM_CHOICES.items()}


def make_question(
    *,
    seed: int | None = None,
    scenario_inputs: Mapping[str, object] | None = None,
    scenario: str | None = None,
    metric: str | None = None,
    conventions: Conventions | None = None,
) -> Question:
    """A question from a scenario's preset (or random assumptions), reproducible by seed."""
    if metric is not None and metric not in METRICS:
        from sysdesign.yamlio import did_you_mean

        raise UsageError(
            f"--metric: unknown metric {metric!r}{did_you_mean(metric, METRICS)}; "
            f"choose one of {', '.join(METRICS)} / 알 수 없는 지표입니다"
        )
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    rng = random.Random(seed)
    inputs = preset_inputs(scenario_inputs) if scenario_inputs is not None else random_inputs(rng)
    calculation = traffic_model(inputs, conventions)
    available = [m for m in METRICS if m in calculation.results]
    if metric is None:
        if not available:
            raise UsageError(
                "this scenario's preset gives nothing to drill / 이 시나리오 프리셋으로는 "
                "연습할 수치가 없습니다"
            )
        metric = rng.choice(available)
    elif metric not in calculation.results:
        raise UsageError(
            f"--metric {metric}: the assumptions do not give it; available: "
            f"{', '.join(available) or '-'} / 이 가정으로는 구할 수 없는 지표입니다"
        )
    shown = {k: v for k, v in inputs.items() if k in _INPUT_NAMES}
    for key, default in DEFAULTS.items():
        shown.setdefault(key, default)
    return Question(metric, shown, calculation, seed, scenario)


def parse_answer(text: str, measure: Measure) -> float:
    """An answer with its unit: QPS as a rate, storage as a size, bandwidth as bytes or bits/s."""
    if measure == "qps":
        return units.parse_rate(text, "--answer").per_second()
    if measure == "bytes":
        return units.parse_size(text, "--answer")
    raw = text.strip()
    if "/" in raw or raw.lower().endswith("bps"):
        value, kind = units.parse_byte_rate(raw, "--answer")
        if kind != "bytes":
            raise UsageError(
                f"--answer: give a bandwidth such as {EXAMPLE_ANSWER['bandwidth']} or 2.8Gbps / "
                f"대역폭으로 답하세요. 예: {EXAMPLE_ANSWER['bandwidth']}"
            )
        return value
    return units.parse_size(raw, "--answer")


def grade_ratio(ratio: float) -> Grade:
    if ratio <= 0 or not math.isfinite(ratio):
        return "wrong"
    off = max(ratio, 1 / ratio)
    if off <= 2 + 1e-9:
        return "good"
    if off <= 10 + 1e-9:
        return "order_of_magnitude"
    return "wrong"


def slip_factors(question: Question) -> dict[str, list[float]]:
    """Each slip this question allows and the factor(s) it multiplies the answer by."""
    values = question.inputs
    peak = units.parse_count(values.get("peak_factor", "2"))
    replication = units.parse_count(values.get("replication", "1"))
    spd = question.calculation.conventions.seconds_per_day
    out: dict[str, list[float]] = {}
    if question.measure == "bandwidth":
        out["bits_bytes"] = [8.0, 1 / 8]
    if question.metric.startswith("peak_") and peak != 1:
        out["peak_forgotten"] = [1 / peak]
    if question.measure in ("qps", "bandwidth"):
        out["per_day_vs_per_second"] = [spd, 1 / spd]
    if question.metric == "storage_total" and replication != 1:
        out["replication_forgotten"] = [1 / replication]
    if question.measure == "bytes":
        out.setdefault("bits_bytes", [8.0, 1 / 8])
    return out


def likely_slip(question: Question, ratio: float) -> str | None:
    """The slip whose factor explains answer / expected, if one does better than no slip."""
    if ratio <= 0 or not math.isfinite(ratio):
        return None
    best: tuple[float, str] | None = None
    for slip, factors in slip_factors(question).items():
        for factor in factors:
            distance = abs(math.log(ratio / factor))
            if best is None or distance < best[0]:
                best = (distance, slip)
    if best is None:
        return None
    distance, slip = best
    if distance <= math.log(SLIP_TOLERANCE) and distance < abs(math.log(ratio)):
        return slip
    return None


def grade(question: Question, answer_text: str) -> Graded:
    answer = parse_answer(answer_text, question.measure)
    expected = question.expected.value
    ratio = answer / expected if expected else math.inf
    return Graded(
        question, answer_text, answer, grade_ratio(ratio), ratio, likely_slip(question, ratio)
    )


def record_drill(graded: Graded, lang: str) -> None:
    """Keep the result in the user's history store."""
    from sysdesign.store import open_store

    store = open_store()
    try:
        store.record_result("drill", graded.question.metric, graded.score, graded.to_json(lang))
    finally:
        store.close()
