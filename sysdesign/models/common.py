"""Shared building blocks: bilingual text and keyword lists."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sysdesign.models.localized import Localized, in_lang

__all__ = [
    "Keywords",
    "Localized",
    "Phrasings",
    "Point",
    "Reference",
    "Strict",
    "Text",
    "WrongClaim",
    "in_lang",
]


class Strict(BaseModel):
    """Base for every file model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A human-readable text in both languages."""

    ko: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


class Keywords(Strict):
    """Words and phrases, per language, that signal a topic in what the candidate types."""

    ko: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.ko, *self.en]


class Phrasings(Keywords):
    """Whole sentences, per language, as candidates say them: examples for the matcher."""


class WrongClaim(Strict):
    """A mistaken claim interviewers hear, how candidates put it, and the pushback it earns."""

    id: str
    says: Phrasings = Field(
        description="Sentences a candidate might type that make the claim (examples for the "
        "matcher, not keywords). / 지원자가 이 주장을 할 때 쓸 법한 문장(키워드가 아닌 예문)."
    )
    correction: Text
    pushback: Text = Field(
        description="What the interviewer asks back. / 면접관이 되묻는 말.",
    )


class Point(Strict):
    """One gradable point of a model answer, with the ways a candidate might express it."""

    id: str
    text: Text
    keywords: Keywords = Field(default_factory=Keywords)
    phrasings: Phrasings = Field(
        default_factory=Phrasings,
        description="Sentences that express the point, as candidates say them (2+ per "
        "language). / 이 요점을 말하는 문장들, 지원자가 말하듯이(언어별 2개 이상).",
    )
    wrong_claims: list[WrongClaim] = Field(default_factory=list)


class Reference(Strict):
    """Something to read: a book chapter, an engineering blog post, a paper."""

    title: str
    url: str | None = None
    note: Text | None = None
