"""The story-draft and practice-round logic in `star/`, without the CLI around it."""

from __future__ import annotations

from pathlib import Path

from sysdesign.star import practice
from sysdesign.star.bank import drafts_dir, stories_dir
from sysdesign.star.checks import parse_answer
from sysdesign.star.drafts import FIELDS, FieldDraft

DATA = Path(__file__).parent / "data"


def test_a_field_draft_says_what_to_ask_again_then_saves() -> None:
    draft = FieldDraft("ko")
    assert draft.path.parent == drafts_dir()
    draft.set("title", "Cache stampede")
    assert draft.default("id") == "cache-stampede"
    assert draft.default("language") == "ko"
    assert draft.default("learned") == ""
    assert draft.default("situation") is None
    wrong, messages = draft.wrong_fields()
    assert wrong == ["id", "language", "situation", "task", "action", "result"]
    assert {name for name, _ in messages} == set(wrong)
    for name, value in zip(
        FIELDS,
        [
            "Cache stampede",
            "cache-stampede",
            "en",
            "Our cache expired at midnight.",
            "I owned the fix.",
            "I added request coalescing.",
            "Database load fell 70%.",
            "",
            "Performance, ownership",
            "",
        ],
        strict=True,
    ):
        draft.set(name, value)
    assert "cache-stampede" in draft.path.read_text(encoding="utf-8")  # kept as it goes
    assert draft.values["competencies"] == ["performance", "ownership"]
    assert "learned" not in draft.values
    assert draft.wrong_fields() == ([], [])
    story, target = draft.save()
    assert story.id == "cache-stampede" and target == stories_dir() / "cache-stampede.yaml"
    assert not draft.path.exists()
    again = FieldDraft("en")
    for name, value in draft.values.items():
        again.set(name, ", ".join(value) if isinstance(value, list) else value)
    wrong, messages = again.wrong_fields()
    assert wrong == ["id"]
    assert messages == [("id", "a story 'cache-stampede' already exists; choose another id")]


def test_a_practice_round_is_a_result_the_cli_renders() -> None:
    setup = practice.prepare(minutes=3.0, language="en", question_id="conflict-teammate")
    assert setup.question.id == "conflict-teammate" and setup.chosen is None
    answer = parse_answer((DATA / "weak-en.txt").read_text(encoding="utf-8"))
    done = practice.finish(setup, answer, 200.0)
    doc = done.to_json("en")
    assert list(doc) == [
        "question",
        "suggestions",
        "guide",
        "timing",
        "check",
        "score",
        "recorded",
    ]
    assert doc["timing"] == {"elapsed_seconds": 200.0, "limit_seconds": 180.0, "over_time": True}
    assert doc["recorded"] is True and doc["score"] == done.result.score
    assert sum(g["seconds"] for g in doc["guide"]) == 180
