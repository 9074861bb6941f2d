"""The STAR checks' promised numbers, written as literals, with a case on each side of each bound.

Ownership passes at 'I' ≥ 60% of first-person words (major below 40% with ≥ 3 'we'); the action
passes at ≥ 45% of the answer (major below 30%); a spoken answer of 2–3 minutes at 150 words or
300 Korean syllables a minute passes (major under half the lower bound or over 4/3 of the upper);
a section needs 4 English words or 8 Korean syllables; 3 filler words make a major finding; a
major finding scores 0, a minor 0.5, weighted 2, 2, 1.5, 1.5, 1, 1, 1.
These tests do not import the module's constants: a changed constant must fail them.
"""

from __future__ import annotations

import pytest

from sysdesign.star.checks import (
    Answer,
    CheckReport,
    Finding,
    check_answer,
    detect_language,
    parse_answer,
    size,
    speaking_seconds,
    target_for_minutes,
)


def _words(n: int, word: str = "alpha") -> str:
    return " ".join([word] * n)


def _answer(lang: str = "en", **sections: str) -> Answer:
    return Answer(language=lang, sections=sections)  # type: ignore[arg-type]


def _only(report: CheckReport, check: str) -> list[Finding]:
    return [f for f in report.findings if f.check == check]


# ---------------------------------------------------------------- ownership: 0.6 and 0.4


def _ownership(mine: int, ours: int, lang: str = "en") -> list[Finding]:
    if lang == "ko":
        steps = ["제가 프로파일링했습니다."] * mine + ["저희 팀이 배포했습니다."] * ours
    else:
        steps = ["I profiled the service."] * mine + ["We deployed the change."] * ours
    answer = _answer(
        lang,
        situation="The checkout service was slow at peak.",
        task="Latency had to come down.",
        action=" ".join(steps),
        result="Latency came down.",
    )
    return _only(check_answer(answer), "ownership")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_ownership_passes_at_sixty_percent_and_not_below(lang: str) -> None:
    assert _ownership(3, 2, lang) == []  # 3 / 5 = 60%
    assert _ownership(6, 4, lang) == []  # 60%
    (finding,) = _ownership(5, 4, lang)  # 5 / 9 = 55.6%
    assert finding.severity == "minor"
    (finding,) = _ownership(1, 1, lang)  # 50%
    assert finding.severity == "minor"


def test_ownership_message_states_the_share_and_the_sixty_percent_aim() -> None:
    (finding,) = _ownership(1, 1)
    assert finding.message.en.startswith("'I' is 50% of first-person words (1 I / 1 we)")
    assert "aim for ≥ 60%" in finding.message.en
    (finding,) = _ownership(1, 1, "ko")
    assert "비율이 50%입니다 (저 1 / 우리 1)" in finding.message.ko
    assert "(60% 이상 권장)" in finding.message.ko


def test_ownership_is_major_below_forty_percent_with_three_we() -> None:
    assert _ownership(2, 3)[0].severity == "minor"  # exactly 40%
    assert _ownership(1, 3)[0].severity == "major"  # 25%, three "we"
    assert _ownership(3, 5)[0].severity == "major"  # 37.5%
    assert _ownership(1, 2)[0].severity == "minor"  # 33%, but only two "we"
    assert _ownership(0, 3)[0].severity == "major"


def test_ownership_share_is_reported_to_two_places() -> None:
    report = check_answer(
        _answer(
            situation="Context.",
            task="Task.",
            action="I did it. I did it. We did it.",
            result="Done.",
        )
    )
    assert report.metrics["i_count"] == 2
    assert report.metrics["we_count"] == 1
    assert report.metrics["i_share"] == 0.67


def test_no_pronoun_is_minor_in_english_and_fine_in_korean() -> None:
    en = _ownership(0, 0, "en")
    assert [f.severity for f in en] == ["minor"]
    assert _ownership(0, 0, "ko") == []


# ---------------------------------------------------------------- action weight: 0.45 and 0.30


def _action_share(action: int, rest: int) -> list[Finding]:
    third, extra = divmod(rest, 3)
    answer = _answer(
        situation=_words(third + extra),
        task=_words(third),
        action=_words(action),
        result=_words(third),
    )
    return _only(check_answer(answer), "action-weight")


def test_action_passes_at_forty_five_percent() -> None:
    assert _action_share(9, 11) == []  # 9 / 20 = 45%
    assert _action_share(10, 10) == []
    (finding,) = _action_share(8, 12)  # 40%
    assert finding.severity == "minor"
    assert finding.message.en.startswith("The action is 40% of the words")
    assert "행동 부분이 전체 단어의 40%입니다" in finding.message.ko


def test_action_is_major_below_thirty_percent() -> None:
    assert _action_share(6, 14)[0].severity == "minor"  # exactly 30%
    assert _action_share(5, 15)[0].severity == "major"  # 25%
    assert _action_share(29, 71)[0].severity == "major"  # 29%


def test_action_share_in_korean_counts_syllables() -> None:
    answer = _answer("ko", situation="가" * 20, task="가" * 20, action="가" * 40, result="가" * 20)
    report = check_answer(answer)
    assert report.metrics["action_share"] == 0.4
    (finding,) = _only(report, "action-weight")
    assert "행동 부분이 전체 음절의 40%입니다" in finding.message.ko


# ---------------------------------------------------------------- length: 2–3 minutes


def _length(n: int, lang: str = "en") -> list[Finding]:
    text = "가" * n if lang == "ko" else _words(n)
    return _only(check_answer(_answer(lang, action=text)), "length")


def test_english_length_bounds_at_150_words_a_minute() -> None:
    assert _length(300) == []  # 2:00
    assert _length(450) == []  # 3:00
    assert _length(299)[0].severity == "minor"
    assert _length(451)[0].severity == "minor"
    assert _length(150)[0].severity == "minor"  # 1:00, half the lower bound
    assert _length(149)[0].severity == "major"
    assert _length(600)[0].severity == "minor"  # 4:00, 4/3 of the upper bound
    assert _length(601)[0].severity == "major"


def test_korean_length_bounds_at_300_syllables_a_minute() -> None:
    assert _length(600, "ko") == []  # 2:00
    assert _length(900, "ko") == []  # 3:00
    assert _length(599, "ko")[0].severity == "minor"
    assert _length(901, "ko")[0].severity == "minor"
    assert _length(299, "ko")[0].severity == "major"
    assert _length(1201, "ko")[0].severity == "major"


def test_length_messages_give_the_time_the_rate_and_the_target() -> None:
    (short,) = _length(149)
    assert short.message.en.startswith(
        "About 1:00 when spoken (at 150 words/min); the target is 2:00–3:00."
    )
    (long,) = _length(465)  # 186 s
    assert long.message.en.startswith("About 3:06 when spoken")
    (ko,) = _length(1000, "ko")  # 200 s
    assert ko.message.ko.startswith(
        "말하면 약 3:20입니다 (분당 300음절 기준). 목표는 2:00–3:00입니다."
    )


def test_speaking_time_and_its_json_rounding() -> None:
    assert speaking_seconds(_words(150), "en") == 60.0
    assert speaking_seconds("가" * 300, "ko") == 60.0
    assert size("pprof 가나다", "ko") == 6  # a Latin token counts as three syllables
    report = check_answer(_answer(action=_words(299)))
    assert report.speaking_seconds == pytest.approx(119.6)
    assert report.to_json("en")["speaking_seconds"] == 119.6


def test_the_target_is_two_thirds_of_the_limit_up_to_the_limit() -> None:
    assert target_for_minutes(3) == (120.0, 180.0)
    assert target_for_minutes(1.5) == (60.0, 90.0)


# ---------------------------------------------------------------- sections: 4 words, 8 syllables


def test_a_section_needs_four_english_words() -> None:
    four = _answer(situation=_words(4), task=_words(4), action=_words(4), result=_words(4))
    assert _only(check_answer(four), "sections") == []
    three = _answer(situation=_words(3), task=_words(4), action=_words(4), result=_words(4))
    (finding,) = _only(check_answer(three), "sections")
    assert finding.severity == "major"
    assert finding.message.en.startswith("Missing or too thin: Situation.")
    assert finding.message.ko.startswith("빠졌거나 너무 짧은 부분: 상황.")


def test_a_korean_section_needs_eight_syllables() -> None:
    full = {s: "가" * 8 for s in ("situation", "task", "action", "result")}
    assert _only(check_answer(_answer("ko", **full)), "sections") == []
    thin = {**full, "result": "가" * 7}
    (finding,) = _only(check_answer(_answer("ko", **thin)), "sections")
    assert "결과" in finding.message.ko


# ---------------------------------------------------------------- filler: 3 is major


def test_three_filler_words_are_major_two_are_minor() -> None:
    two = _only(check_answer(_answer(action="basically we shipped, basically done")), "filler")
    assert [f.severity for f in two] == ["minor"]
    assert "'basically'×2" in two[0].message.en
    three = _only(check_answer(_answer(action="basically, kind of, stuff")), "filler")
    assert [f.severity for f in three] == ["major"]
    ko = _only(check_answer(_answer("ko", action="그냥 좀 했습니다")), "filler")
    assert [f.severity for f in ko] == ["minor"]


# ---------------------------------------------------------------- the overall score

CLEAN = {
    "situation": _words(60),
    "task": _words(60),
    "action": "I profiled it. " * 60,
    "result": "p99 went from 500ms to 50ms.",
    "learned": "I learned to measure first.",
}


def test_overall_score_weights_and_severity_scores() -> None:
    """Weights: sections 2, quantified result 2, ownership 1.5, action 1.5, length 1,
    filler 1, lesson 1 (sum 10); a major finding scores 0 and a minor one 0.5."""
    report = check_answer(_answer(action="I did it."))
    assert report.scores == {
        "sections": 0.0,  # major
        "quantified-result": 0.0,  # major: no numbers at all
        "ownership": 1.0,
        "action-weight": 1.0,  # the only non-empty section
        "length": 0.0,  # major
        "filler": 1.0,
        "lesson": 0.5,  # minor
        "overall": 0.45,  # (1.5 + 1.5 + 1 + 0.5) / 10
    }
    assert report.has_major
    no_lesson = check_answer(_answer(**{**CLEAN, "learned": ""}))
    assert [(f.check, f.severity) for f in no_lesson.findings] == [("lesson", "minor")]
    assert no_lesson.scores["overall"] == 0.95  # (10 − 0.5) / 10
    assert not no_lesson.has_major


def test_a_clean_report_has_no_major() -> None:
    report = check_answer(_answer(**CLEAN))
    assert report.findings == ()
    assert not report.has_major
    assert report.scores["overall"] == 1.0


# ---------------------------------------------------------------- language and markers


def test_korean_when_hangul_is_at_least_a_quarter_of_the_latin_letters() -> None:
    assert detect_language("가 abcd") == "ko"  # 1 × 2 ≥ 4 × 0.5
    assert detect_language("가 abcde") == "en"
    assert detect_language("abc") == "en"


def test_bracketed_letter_markers() -> None:
    parsed = parse_answer("[S] slow API\n[T] mine\n[A] profiled\n[R] 10x faster")
    assert parsed.sections == {
        "situation": "slow API",
        "task": "mine",
        "action": "profiled",
        "result": "10x faster",
    }


def test_messages_follow_the_language() -> None:
    (finding,) = _ownership(1, 1)
    assert finding.to_json("ko")["message"] == finding.message.ko
    assert finding.to_json("en")["message"] == finding.message.en
    assert finding.message.ko != finding.message.en


def test_overall_is_rounded_to_two_places() -> None:
    half_mine = {**CLEAN, "action": "I profiled it. We shipped it. " * 36}
    report = check_answer(_answer(**half_mine))
    assert [(f.check, f.severity) for f in report.findings] == [("ownership", "minor")]
    assert report.scores["overall"] == 0.93  # (10 − 0.75) / 10 = 0.925


def test_the_share_is_shown_as_a_whole_percentage() -> None:
    (finding,) = _ownership(5, 4)  # 55.6%
    assert finding.message.en.startswith("'I' is 56% of first-person words (5 I / 4 we)")


def test_an_empty_action_is_left_to_the_sections_check() -> None:
    report = check_answer(_answer(**{**CLEAN, "action": "", "situation": _words(200)}))
    assert "sections" in report.failed and "action-weight" not in report.failed
    assert report.metrics["action_share"] is None


def test_a_one_word_answer_is_all_action() -> None:
    assert check_answer(_answer(action="Profiled.")).metrics["action_share"] == 1.0
