"""The question bank: it validates, and references are checked with did-you-mean."""

from __future__ import annotations

import pytest

from sysdesign import paths
from sysdesign.errors import InvalidInputError, NotFoundError, UsageError
from sysdesign.star.questions import bundled_questions_path, load_question_file, load_questions

REQUIRED = {
    "ownership",
    "conflict",
    "failure",
    "leadership",
    "performance",
    "customer-focus",
    "learning",
    "disagreement",
    "deadline",
}


def test_bundled_bank_validates_and_covers_the_competencies() -> None:
    bank = load_question_file(bundled_questions_path())
    ids = {c.id for c in bank.competencies}
    assert ids >= REQUIRED
    probed = {c for q in bank.questions for c in q.competencies}
    assert probed >= REQUIRED
    for q in bank.questions:
        assert q.text.ko and q.text.en


def test_amazon_values_are_published_and_linked() -> None:
    qs = load_questions()
    amazon = qs.company("Amazon")
    assert len(amazon.values) == 16
    assert amazon.source.url and amazon.source.url.startswith("https://www.amazon.jobs/")
    assert qs.select(company="amazon")
    with pytest.raises(NotFoundError, match="amazon"):
        qs.company("amazn")


def test_select_by_competency() -> None:
    qs = load_questions()
    assert all("failure" in q.competencies for q in qs.select(competency="failure"))
    with pytest.raises(UsageError, match="did you mean 'ownership'"):
        qs.select(competency="ownershp")


def test_user_file_adds_questions_and_references_are_checked() -> None:
    folder = paths.user_dir("star")
    folder.mkdir(parents=True)
    good = folder / "mine.yaml"
    good.write_text(
        "questions:\n  - id: why-us\n    text: {ko: 왜 우리 회사인가요?, en: Why us?}\n"
        "    competencies: [ownership]\n",
        encoding="utf-8",
    )
    assert "why-us" in load_questions().questions
    good.write_text(
        "questions:\n  - id: why-us\n    text: {ko: 왜?, en: Why?}\n"
        "    competencies: [ownershop]\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInputError) as err:
        load_questions()
    assert f"{good}:4:20: questions[0].competencies[0]: unknown competency 'ownershop'" in str(
        err.value
    )
    assert "did you mean 'ownership'" in str(err.value)
