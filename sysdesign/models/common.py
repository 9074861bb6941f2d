"""Shared building blocks: bilingual text and keyword lists."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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


class Reference(Strict):
    """Something to read: a book chapter, an engineering blog post, a paper."""

    title: str
    url: str | None = None
    note: Text | None = None
