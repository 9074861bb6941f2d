"""The technical-question bank (`sysdesign qa`): questions with gradable points and 꼬리 질문."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sysdesign.models.common import Point, Reference, Strict, Text

QaTopic = Literal[
    "go",
    "java-spring",
    "kafka",
    "kubernetes",
    "database",
    "redis",
    "network",
    "os",
    "security",
    "distributed",
]
QA_TOPICS: tuple[str, ...] = (
    "go",
    "java-spring",
    "kafka",
    "kubernetes",
    "database",
    "redis",
    "network",
    "os",
    "security",
    "distributed",
)


class QaFollowUp(Strict):
    """The next question (꼬리 질문) an answer opens.

    `when: covered` opens it when the answer covered `point` (any point when `point` is
    omitted); `when: missed` when it missed `point`; `when: always` after any answer.
    """

    ask: str = Field(description="Question id to ask next. / 다음에 물을 질문의 id.")
    when: Literal["covered", "missed", "always"] = "always"
    point: str | None = None


class QaQuestion(Strict):
    """One technical question with its model answer split into 2–5 points."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    level: Literal["junior", "mid", "senior"] = "mid"
    root: bool = Field(
        default=True,
        description="A question that may open a round (false: only reached as a follow-up). / "
        "라운드를 시작할 수 있는 질문인지(false면 꼬리 질문으로만 나옴).",
    )
    question: Text
    points: list[Point] = Field(min_length=2, max_length=5)
    model_answer: Text
    follow_ups: list[QaFollowUp] = Field(default_factory=list)
    sources: list[Reference] = Field(
        default_factory=list,
        description="Where each versioned fact or figure comes from. / 버전이나 수치가 있는 "
        "사실의 출처.",
    )


class QaTopicFile(Strict):
    """data/qa/<topic>.yaml: one topic's questions."""

    topic: QaTopic
    title: Text
    questions: list[QaQuestion] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> QaTopicFile:
        ids = [q.id for q in self.questions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(
                f"duplicate question ids: {', '.join(dupes)} / "
                f"질문 id가 중복됩니다: {', '.join(dupes)}"
            )
        known = set(ids)
        for q in self.questions:
            points = {p.id for p in q.points}
            for f in q.follow_ups:
                if f.ask not in known:
                    raise ValueError(
                        f"{q.id}: follow-up asks unknown question {f.ask!r} / "
                        f"{q.id}: 꼬리 질문으로 지정한 질문 {f.ask!r}, 이 파일에 없습니다"
                    )
                if f.point is not None and f.point not in points:
                    raise ValueError(
                        f"{q.id}: follow-up names unknown point {f.point!r} / "
                        f"{q.id}: 꼬리 질문 조건의 요점 {f.point!r}, 이 질문에 없습니다"
                    )
        return self
