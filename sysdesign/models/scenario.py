"""A scenario: what the interviewer knows and says."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from sysdesign.messages import render
from sysdesign.models.common import Keywords, Phrasings, Point, Reference, Strict, Text
from sysdesign.models.estimates import EstimateInputs
from sysdesign.models.ids import PHASE_IDS

PhaseId = Literal["requirements", "high_level", "deep_dive", "wrap_up"]
Difficulty = Literal["easy", "medium", "hard"]
Slug = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")


class Phase(Strict):
    """One phase of the interview and its time budget."""

    id: PhaseId
    title: Text
    minutes: float = Field(gt=0)
    goal: Text


def default_phases() -> list[Phase]:
    """The standard 60-minute plan: four phases of 15 minutes."""

    def text(key: str) -> Text:
        return Text(en=render(key, "en"), ko=render(key, "ko"))

    return [
        Phase(
            id=pid,
            title=text(f"models.phase.{pid}.title"),
            minutes=15,
            goal=text(f"models.phase.{pid}.goal"),
        )
        for pid in PHASE_IDS
    ]


class Fact(Strict):
    """Something the interviewer reveals only when asked."""

    id: str = Slug
    topic: Literal["scale", "feature", "constraint", "non_functional", "scope"]
    keywords: Keywords
    examples: Phrasings = Field(
        default_factory=Phrasings,
        description="Questions this fact answers, as candidates ask them (6+ per language). / "
        "이 사실이 답하는 질문들, 지원자가 묻듯이(언어별 6개 이상).",
    )
    answer: Text


class FollowUp(Strict):
    """A question the interviewer asks at the start of (or during) a phase.

    A graded question (deep-dive and wrap-up ones) carries its model answer split into points.
    """

    id: str = Slug
    phase: PhaseId
    question: Text
    points: list[Point] = Field(default_factory=list, max_length=5)
    model_answer: Text | None = None


class CurveballExpects(Strict):
    """What a design that handled the requirement change contains."""

    kinds: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)


class Curveball(Strict):
    """A requirement change announced at a set minute."""

    at_minute: float = Field(gt=0)
    text: Text
    expects: CurveballExpects = Field(default_factory=CurveballExpects)


BookId = Literal["sdi-1", "sdi-2"]


class BookChapter(Strict):
    """The chapter of a system design interview book that covers this scenario.

    `sdi-1`/`sdi-2`: Alex Xu's *System Design Interview* vol. 1 and vol. 2 (2020, 2022), whose
    Korean editions are 『가상 면접 사례로 배우는 대규모 시스템 설계 기초』 1·2권 (인사이트). The
    chapter numbers are the same in both editions.
    """

    book: BookId
    chapter: int = Field(ge=1, le=20)

    @field_validator("chapter")
    @classmethod
    def _chapter_exists(cls, chapter: int, info: ValidationInfo) -> int:
        from sysdesign.books import BOOKS

        book_id = info.data.get("book")
        if book_id in BOOKS:
            last = max(BOOKS[book_id].chapters)
            if chapter not in BOOKS[book_id].chapters:
                raise ValueError(
                    f"{book_id} has chapters 1–{last}; there is no chapter {chapter} / "
                    f"{BOOKS[book_id].short_ko}은 {last}장까지 있어서 {chapter}장은 없습니다"
                )
        return chapter


class Scenario(Strict):
    """What the interviewer knows and says for one problem."""

    id: str = Slug
    title: Text
    summary: Text
    difficulty: Difficulty
    prompt: Text
    phases: list[Phase] = Field(default_factory=default_phases)
    facts: list[Fact] = Field(min_length=1)
    estimates: EstimateInputs
    expected_estimates: dict[str, str] = Field(
        default_factory=dict,
        description="Figures the scenario's text states (result name → value with unit); "
        "a content test checks them against the estimator. / 시나리오 본문에 적힌 수치(결과 "
        "이름 → 단위가 붙은 값). 콘텐츠 테스트가 추정기로 검산합니다.",
    )
    followups: list[FollowUp] = Field(default_factory=list)
    curveball: Curveball
    references: list[Reference] = Field(default_factory=list)
    books: list[BookChapter] = Field(
        default_factory=list,
        description="Book chapters that cover this problem (Alex Xu vol. 1/2; same numbering "
        "in the Korean editions). / 이 문제를 다루는 책의 장(『가상 면접 사례로 배우는 대규모 시스템 "
        "설계 기초』 1·2권, 영문판과 장 번호가 같습니다).",
    )

    @field_validator("phases")
    @classmethod
    def _unique_phases(cls, phases: list[Phase]) -> list[Phase]:
        ids = [p.id for p in phases]
        if len(set(ids)) != len(ids):
            raise ValueError("phase ids must be unique / 단계 id는 서로 달라야 합니다")
        return phases

    @model_validator(mode="after")
    def _unique_ids(self) -> Scenario:
        for name, items in (("facts", self.facts), ("followups", self.followups)):
            ids = [i.id for i in items]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(
                    f"duplicate {name} ids: {', '.join(dupes)} / "
                    f"{name}의 id가 중복됩니다: {', '.join(dupes)}"
                )
        return self

    @property
    def total_minutes(self) -> float:
        return sum(p.minutes for p in self.phases)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)
