"""STAR stories (the user's bank) and the behavioural question bank (bundled data)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from sysdesign.models.common import Reference, Strict, Text

StoryLang = Literal["ko", "en"]
SLUG = r"^[a-z0-9][a-z0-9_-]*$"
TAG = r"^[a-z0-9][a-z0-9_:-]*$"
Tag = Annotated[str, Field(pattern=TAG, max_length=80)]


class Story(Strict):
    """One behavioural story, told in one language, in the STAR shape."""

    id: str = Field(
        pattern=SLUG,
        max_length=80,
        description="File-safe id, e.g. perf-500ms. / 파일 이름으로 쓸 수 있는 id(예: perf-500ms).",
    )
    title: str = Field(min_length=1, max_length=200)
    language: StoryLang = Field(
        description="The language the story is told in: ko or en. / 스토리를 말하는 언어: ko 또는 en."
    )
    situation: str = Field(
        min_length=1,
        description="S: the context, one or two sentences. / S(상황): 배경을 한두 문장으로.",
    )
    task: str = Field(
        min_length=1, description="T: what you were responsible for. / T(과제): 본인이 맡은 책임."
    )
    action: str = Field(
        min_length=1,
        description="A: what you did, step by step (the longest). / "
        "A(행동): 본인이 한 일을 단계별로(가장 길게).",
    )
    result: str = Field(
        min_length=1, description="R: the outcome, with numbers. / R(결과): 숫자로 보여 주는 성과."
    )
    learned: str | None = Field(
        default=None, description="What you learned (optional). / 배운 점(선택)."
    )
    competencies: list[Tag] = Field(
        default_factory=list,
        description="Competency tags (ownership, conflict, failure, …) or company value ids "
        "written as company:value, e.g. amazon:dive-deep. / 역량 태그(ownership, conflict, "
        "failure, …) 또는 company:value 형식의 회사 가치 id(예: amazon:dive-deep).",
    )
    companies: list[Tag] = Field(
        default_factory=list, description="Companies to tell it at. / 이 스토리를 말할 회사."
    )


class Competency(Strict):
    """A trait behavioural rounds probe, such as ownership or conflict."""

    id: str = Field(pattern=SLUG)
    name: Text
    hint: Text = Field(
        description="What a good story for this competency shows. / "
        "이 역량에 맞는 좋은 스토리가 보여 주는 것."
    )


class CompanyValue(Strict):
    """One published value or principle of a company, mapped onto competencies."""

    id: str = Field(pattern=SLUG)
    name: Text
    competencies: list[str] = Field(min_length=1)


class Company(Strict):
    """A company's publicly published values; no claim about its interview process."""

    id: str = Field(pattern=SLUG)
    name: str
    source: Reference
    values: list[CompanyValue] = Field(min_length=1)


class Question(Strict):
    """A behavioural question in both languages and the competencies it probes."""

    id: str = Field(pattern=SLUG)
    text: Text
    competencies: list[str] = Field(min_length=1)
    followups: list[Text] = Field(default_factory=list)


class QuestionBank(Strict):
    """data/star/questions.yaml (and any user additions in $SYSDESIGN_HOME/star/)."""

    competencies: list[Competency] = Field(default_factory=list)
    companies: list[Company] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
