"""data/lexicon.yaml: the bilingual domain lexicon the understanding layer reads text with."""

from __future__ import annotations

from pydantic import Field, model_validator

from sysdesign.models.common import Strict

Slug = Field(pattern=r"^[a-z0-9][a-z0-9_]*$")


class LexiconConcept(Strict):
    """One concept and the words that name it in each language."""

    id: str = Slug
    en: list[str] = Field(default_factory=list)
    ko: list[str] = Field(default_factory=list)
    broader: list[str] = Field(
        default_factory=list,
        description="Concepts this one is a case of (dau → users). / 이 개념을 포함하는 "
        "더 넓은 개념(dau → users).",
    )
    tags: list[str] = Field(
        default_factory=list,
        description="Design tags a component label naming this concept implies. / 컴포넌트 "
        "이름에 이 개념이 있으면 붙는 설계 태그.",
    )
    tech: str | None = Field(
        default=None,
        description="The technology this concept names (mysql, redis…), for catalogue figures "
        "and icons. / 이 개념이 가리키는 기술(mysql, redis 등). 카탈로그 수치와 아이콘에 씁니다.",
    )
    kind: str | None = Field(
        default=None,
        description="The component kind this technology usually is. / 이 기술이 보통 해당하는 "
        "컴포넌트 종류.",
    )
    assumption: bool = Field(
        default=False,
        description="A topic interviewers leave to the candidate's assumptions (team, launch "
        "date, language, cloud vendor): a question about it gets an answer only from a fact that "
        "names it in its own questions or keywords. / 면접관이 지원자의 가정에 맡기는 주제(팀, "
        "출시일, 언어, 클라우드). 이 주제의 질문은 예시 질문이나 키워드에 그 주제가 있는 사실만 답합니다.",
    )


class LexiconFile(Strict):
    """The whole lexicon."""

    concepts: list[LexiconConcept] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> LexiconFile:
        ids = [c.id for c in self.concepts]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(
                f"duplicate concept ids: {', '.join(dupes)} / 개념 id가 중복됩니다: "
                f"{', '.join(dupes)}"
            )
        known = set(ids)
        for c in self.concepts:
            for b in c.broader:
                if b not in known:
                    raise ValueError(
                        f"{c.id}: unknown broader concept {b!r} / {c.id}: 상위 개념 {b!r}, "
                        "이 파일에 없습니다"
                    )
            for word in [*c.en, *c.ko]:
                if word != word.lower() or word.strip() != word or not word:
                    raise ValueError(
                        f"{c.id}: surface forms are lower case and trimmed: {word!r} / "
                        f"{c.id}: 표현은 소문자, 앞뒤 공백 없이 씁니다: {word!r}"
                    )
        return self
