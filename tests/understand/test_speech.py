"""A free line that reads as a question is asked, not filed as an answer."""

from __future__ import annotations

import pytest

from sysdesign.understand.speech import is_question

QUESTIONS = [
    "Roughly how big is the user base?",
    "What's the read/write mix like?",
    "How fresh does the feed need to be?",
    "Do we need to support edits?",
    "is video in scope?",
    "Any rules about where data must live?",
    "하루에 몇 명이나 앱을 여나요?",
    "결제 승인 응답은 몇 초 안에 와야 하나요",
    "읽기 쓰기 비율은요?",
    "피드는 얼마나 최신이어야 하나요?",
    "동영상도 지원해야 할까요",
    "DAU가 얼마죠?",
    "장애 때 몇 분까지 허용됩니까",
]

NOT_QUESTIONS = [
    "Fan-out on write: a worker copies the post id into each follower's timeline.",
    "Maybe 100:1?",
    "We shard by user id. Does that hold at 40k writes/s?",
    "users dau qps peak",
    "아마 100대 1 정도?",
    "쓰기 시점에 팔로워 타임라인에 넣습니다.",
    "사용자 ID로 샤딩합니다. 이 정도면 버틸까요?",
    "",
    "   ",
]


@pytest.mark.parametrize("line", QUESTIONS)
def test_questions_are_heard_as_questions(line: str) -> None:
    assert is_question(line)


@pytest.mark.parametrize("line", NOT_QUESTIONS)
def test_answers_and_check_ins_are_not(line: str) -> None:
    assert not is_question(line)
