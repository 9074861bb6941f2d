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

    id: str = Field(pattern=SLUG, max_length=80, description="File-safe id, e.g. perf-500ms.")
    title: str = Field(min_length=1, max_length=200)
    language: StoryLang = Field(description="The language the story is told in: ko or en.")
    situation: str = Field(min_length=1, description="S: the context, one or two sentences.")
    task: str = Field(min_length=1, description="T: what you were responsible for.")
    action: str = Field(min_length=1, description="A: what you did, step by step (the longest).")
    result: str = Field(min_length=1, description="R: the outcome, with numbers.")
    learned: str | None = Field(default=None, description="What you learned (optional).")
    competencies: list[Tag] = Field(
        default_factory=list,
        description="Competency tags (ownership, conflict, failure, …) or company value ids "
        "written as company:value, e.g. amazon:dive-deep.",
    )
    companies: list[Tag] = Field(default_factory=list, description="Companies to tell it at.")


class Competency(Strict):
    """A trait behavioural rounds probe, such as ownership or conflict."""

    id: str = Field(pattern=SLUG)
    name: Text
    hint: Text = Field(description="What a good story for this competency shows.")


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
