"""Shared building blocks: bilingual text and keyword lists."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema


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


class Localized(str):
    """A design's own words (a label, a note, the name) in English and Korean.

    The design file writes a plain string (the same text for both languages) or a mapping
    `{en: ..., ko: ...}`. The value *is* the English text, so code that reads words for meaning
    keeps working on a plain `str`; `get(lang)` is the text a renderer shows, and `texts` is every
    distinct text, for the checker that reads both languages."""

    ko: str

    def __new__(cls, en: str, ko: str | None = None) -> Localized:
        made = super().__new__(cls, en)
        made.ko = en if ko is None else ko
        return made

    @property
    def en(self) -> str:
        return str.__str__(self)

    def get(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en

    @property
    def texts(self) -> tuple[str, ...]:
        """The English and, when it differs, the Korean text."""
        return (self.en,) if self.ko == self.en else (self.en, self.ko)

    @property
    def both(self) -> str:
        """Both texts as one string (`English / 한국어`), for matching words in either."""
        return " / ".join(self.texts)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(cls._dump),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "description": "The same text for both languages."},
                {
                    "type": "object",
                    "description": "The text per language; both are required.",
                    "properties": {
                        "en": {"type": "string", "pattern": r"\S"},
                        "ko": {"type": "string", "pattern": r"\S"},
                    },
                    "required": ["en", "ko"],
                    "additionalProperties": False,
                },
            ]
        }

    @classmethod
    def parse(cls, value: Any) -> Localized:
        """A plain string, or `{en, ko}` with both languages as non-empty strings."""
        if isinstance(value, Localized):
            return value
        if isinstance(value, str):
            return cls(value)
        if isinstance(value, dict):
            unknown = sorted(str(k) for k in value if k not in ("en", "ko"))
            if unknown:
                raise ValueError(
                    f"unknown language key(s) {', '.join(unknown)}: write {{en: ..., ko: ...}} / "
                    f"알 수 없는 언어 키 {', '.join(unknown)}: {{en: ..., ko: ...}} 형식으로 적으세요"
                )
            missing = [lang for lang in ("en", "ko") if lang not in value]
            if missing:
                names = " and ".join(missing)
                raise ValueError(
                    f"missing the {names} text: a mapping needs both en and ko "
                    f"(or write one plain string for both) / {names} 텍스트가 없습니다. "
                    "매핑에는 en과 ko가 모두 있어야 합니다(둘 다 같은 글이면 문자열 하나로 적으세요)"
                )
            for lang in ("en", "ko"):
                text = value[lang]
                if not isinstance(text, str) or not text.strip():
                    raise ValueError(
                        f"the {lang} text must be a non-empty string, not {text!r} / "
                        f"{lang} 텍스트는 비어 있지 않은 문자열이어야 합니다({text!r})"
                    )
            return cls(value["en"], value["ko"])
        raise ValueError(
            f"expected text or {{en: ..., ko: ...}}, not {type(value).__name__} {value!r} / "
            f"문자열이나 {{en: ..., ko: ...}}이어야 합니다({value!r})"
        )

    @staticmethod
    def _dump(value: Localized) -> str | dict[str, str]:
        return value.en if value.ko == value.en else {"en": value.en, "ko": value.ko}


def in_lang(text: str | None, lang: str) -> str | None:
    """The text a renderer shows in `lang`: a `Localized`'s language, a plain string as is."""
    return text.get(lang) if isinstance(text, Localized) else text
