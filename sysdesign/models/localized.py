"""A design's own words in English and Korean (`Localized`), without pydantic: the design
reader of `check` builds them without importing it; the models validate them through the hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema


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
        from pydantic_core import core_schema

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
