"""A rubric: how an answer to one scenario is judged."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sysdesign.models.common import Keywords, Phrasings, Point, Reference, Strict, Text, WrongClaim


class Requirement(Strict):
    """A requirement a candidate should state, recognised by its keywords."""

    id: str
    kind: Literal["functional", "non_functional"]
    text: Text
    keywords: Keywords
    phrasings: Phrasings = Field(
        default_factory=Phrasings,
        description="Sentences that state the requirement, as candidates say them. / "
        "이 요구사항을 말하는 문장들, 지원자가 말하듯이.",
    )


class ExpectedPath(Strict):
    """A flow the design should contain, as a sequence of kinds (or `tag:NAME`)."""

    id: str
    steps: list[str] = Field(min_length=2)
    why: Text


Concept = Point
"""A point a good deep-dive answer makes (the same type as a follow-up's points)."""

__all__ = ["Concept", "Point", "WrongClaim"]


class DeepDive(Strict):
    """A deep-dive follow-up; `triggers` are rule ids whose findings make it likely to be asked."""

    id: str
    question: Text
    triggers: list[str] = Field(default_factory=list)
    concepts: list[Concept] = Field(min_length=1)
    model_answer: Text
    references: list[Reference] = Field(default_factory=list)


class Weights(Strict):
    """Points per area; they add up to 100."""

    clarifying: int = Field(ge=0)
    requirements: int = Field(ge=0)
    estimation: int = Field(ge=0)
    design: int = Field(ge=0)
    deep_dive: int = Field(ge=0)
    time: int = Field(ge=0)

    @model_validator(mode="after")
    def _hundred(self) -> Weights:
        total = sum(self.model_dump().values())
        if total != 100:
            raise ValueError(
                f"weights must add up to 100, not {total} / "
                f"가중치의 합은 100이어야 합니다(지금 {total})"
            )
        return self


class Rubric(Strict):
    """How an answer to one scenario is judged."""

    scenario: str
    key_questions: list[str] = Field(
        min_length=1,
        description="Fact ids a strong candidate asks. / 잘하는 지원자라면 물어볼 사실의 id.",
    )
    requirements: list[Requirement] = Field(min_length=1)
    expected_kinds: list[str] = Field(default_factory=list)
    expected_tags: list[str] = Field(default_factory=list)
    expected_paths: list[ExpectedPath] = Field(default_factory=list)
    fanout: list[str] = Field(
        default_factory=list,
        description="Component kinds this scenario treats as its fan-out point (sync-fanout). / "
        "이 시나리오에서 팬아웃 지점으로 보는 컴포넌트 종류(sync-fanout).",
    )
    avoid_findings: list[str] = Field(default_factory=list)
    key_figures: list[str] = Field(
        default_factory=list,
        max_length=5,
        description="Estimator figures the candidate should state (peak_read_qps, "
        "storage_per_year, egress_bandwidth, cache_memory…); empty: peak QPS both ways, storage "
        "per year and egress. / 지원자가 직접 말해야 할 추정 수치(비어 있으면 양방향 피크 QPS, "
        "연간 저장량, 송출 대역폭).",
    )
    deep_dives: list[DeepDive] = Field(min_length=1)
    weights: Weights
    references: list[Reference] = Field(default_factory=list)
