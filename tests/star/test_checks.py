"""Content checks: strong stories pass; each weak story fails exactly the check it should."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sysdesign.models.story import Story
from sysdesign.star import checks
from sysdesign.star.bank import load_bank
from sysdesign.star.checks import (
    CHECK_IDS,
    answer_from_story,
    check_answer,
    check_story,
    detect_language,
    parse_answer,
    speaking_seconds,
)
from tests.star.conftest import sample

SAMPLE_IDS = sorted(load_bank().samples)


@pytest.mark.parametrize("story_id", SAMPLE_IDS)
def test_every_sample_is_a_strong_story(story_id: str) -> None:
    report = check_story(sample(story_id), source="sample")
    assert [f.to_json("en") for f in report.findings] == []
    assert report.scores["overall"] == 1.0
    assert 120 <= report.speaking_seconds <= 180


def test_samples_cover_the_three_roadmap_stories_in_both_languages() -> None:
    stems = {sid.rsplit("-", 1)[0] for sid in SAMPLE_IDS}
    assert stems == {
        "concurrency-bug",
        "performance-500ms",
        "microservices-split",
        # new-graduate stories: a capstone portfolio project and an internship
        "capstone-double-booking",
        "internship-flaky-tests",
    }
    for stem in stems:
        assert {sample(f"{stem}-en").language, sample(f"{stem}-ko").language} == {"en", "ko"}
    assert "sync.Once" in sample("concurrency-bug-en").action
    assert "500ms에서 50ms로" in sample("performance-500ms-ko").result
    assert "99.9%" in sample("microservices-split-en").result
    assert "capstone" in sample("capstone-double-booking-en").situation
    assert "졸업 프로젝트" in sample("capstone-double-booking-ko").situation
    assert "internship" in sample("internship-flaky-tests-en").situation
    assert "인턴" in sample("internship-flaky-tests-ko").situation
    assert "20%에서 1.5%로" in sample("internship-flaky-tests-ko").result


# ---------------------------------------------------------------- weak stories

NO_NUMBERS = {
    "en": "The duplicate messages stopped completely, support stopped receiving complaints "
    "about them, and the race detector in continuous integration caught further data races "
    "before they reached production while the pipeline stayed as fast as before.",
    "ko": "수정 후 중복 메시지 문의가 완전히 사라졌고, 이후에는 CI의 레이스 디텍터가 운영 배포 "
    "전에 다른 데이터 레이스도 잡아냈으며, 파이프라인 속도는 전과 같았습니다.",
}


def _to_we(story: Story) -> Story:
    def swap(text: str) -> str:
        if story.language == "ko":
            text = re.sub(r"(?<![가-힣])제가(?![가-힣])", "저희가", text)
            text = re.sub(r"(?<![가-힣])저는(?![가-힣])", "저희는", text)
            return re.sub(r"(?<![가-힣])제(?![가-힣])", "저희", text)
        text = re.sub(r"\bI\b", "we", text)
        text = re.sub(r"\bmy\b", "our", text)
        text = re.sub(r"\bMy\b", "Our", text)
        text = re.sub(r"\bme\b", "us", text)
        return re.sub(r"\bmyself\b", "ourselves", text)

    return story.model_copy(
        update={k: swap(getattr(story, k)) for k in ("task", "action", "result")}
    )


def _with_filler(story: Story) -> Story:
    if story.language == "ko":
        action = story.action.replace("먼저", "그냥 먼저 좀", 1)
    else:
        action = story.action.replace("First I checked", "Basically, first I kind of checked", 1)
    assert action != story.action
    return story.model_copy(update={"action": action})


SHORT = {
    "en": Story(
        id="short-en",
        title="Short",
        language="en",
        situation="Our API was slow at peak.",
        task="I owned the latency goal.",
        action="I profiled it with pprof, found a missing index, added it, and I pooled the "
        "response buffers with sync.Pool so the garbage collector stopped pausing requests.",
        result="p99 fell from 500 ms to 50 ms.",
        learned="I learned to profile before I optimise anything.",
    ),
    "ko": Story(
        id="short-ko",
        title="짧은 답",
        language="ko",
        situation="피크 시간에 API가 느렸습니다.",
        task="지연 시간 목표는 제 담당이었습니다.",
        action="제가 pprof로 프로파일링해 빠진 인덱스를 찾아 추가했고, sync.Pool로 응답 버퍼를 "
        "재사용하게 해서 가비지 컬렉터 멈춤을 없앴습니다.",
        result="p99가 500ms에서 50ms로 줄었습니다.",
        learned="최적화 전에 먼저 측정해야 한다는 것을 배웠습니다.",
    ),
}

Weaken = Callable[[Story], Story]
WEAKENINGS: dict[str, Weaken] = {
    "sections": lambda s: s.model_copy(update={"task": "-"}),
    "quantified-result": lambda s: s.model_copy(update={"result": NO_NUMBERS[s.language]}),
    "ownership": _to_we,
    "action-weight": lambda s: s.model_copy(update={"situation": s.action, "action": s.situation}),
    "length": lambda s: s.model_copy(update={"action": s.action + "\n" + s.action}),
    "filler": _with_filler,
    "lesson": lambda s: s.model_copy(update={"learned": None}),
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("check", CHECK_IDS)
def test_weak_story_fails_exactly_its_check(check: str, lang: str) -> None:
    strong = sample(f"concurrency-bug-{lang}")
    assert check_story(strong).failed == []
    weak = WEAKENINGS[check](strong)
    report = check_story(weak)
    assert report.failed == [check], [f.message.en for f in report.findings]
    finding = report.findings[0]
    assert finding.message.en and finding.message.ko and finding.fix.en and finding.fix.ko
    assert report.scores[check] < 1.0
    assert report.scores["overall"] < 1.0


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_too_short_story_fails_only_length(lang: str) -> None:
    report = check_story(SHORT[lang])
    assert report.failed == ["length"]
    assert report.findings[0].severity == "major"
    assert report.speaking_seconds < 60


def test_major_and_minor_severities() -> None:
    strong = sample("concurrency-bug-en")
    one_filler = strong.model_copy(
        update={"action": strong.action.replace("First", "Basically", 1)}
    )
    assert [f.severity for f in check_story(one_filler).findings] == ["minor"]
    assert check_story(_with_filler(strong)).findings[0].severity == "minor"
    many = strong.model_copy(update={"action": "Basically stuff, kind of things. " + strong.action})
    assert [f.severity for f in check_story(many).findings] == ["major"]


# ---------------------------------------------------------------- free text


def test_free_text_markers_in_both_languages() -> None:
    en = parse_answer(
        "Situation: a\nslow API\nTask: mine\n**Action**: profiled\nR: 500ms → 50ms\n"
        "Lessons learned: measure first"
    )
    assert en.sections == {
        "situation": "a\nslow API",
        "task": "mine",
        "action": "profiled",
        "result": "500ms → 50ms",
        "learned": "measure first",
    }
    ko = parse_answer(
        "상황: 느린 API\n과제: 제 담당\n[행동]\n프로파일링\n결과: 500ms에서 50ms로\n배운 점: 측정"
    )
    assert ko.language == "ko"
    assert ko.sections["action"] == "프로파일링"
    assert ko.sections["learned"] == "측정"
    assert set(ko.sections) == {"situation", "task", "action", "result", "learned"}


def test_text_without_markers_fails_sections() -> None:
    answer = parse_answer(sample("concurrency-bug-en").action)
    assert answer.sections == {}
    report = check_answer(answer)
    assert "sections" in report.failed
    assert "action-weight" not in report.failed  # reported once, by sections


def test_a_sentence_starting_with_a_letter_is_not_a_marker() -> None:
    answer = parse_answer("A colleague and I disagreed.\nSituation: context here")
    assert answer.unmarked == "A colleague and I disagreed."


SECTION_TEXT = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" .,"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() and ":" not in t)


@given(st.fixed_dictionaries({s: SECTION_TEXT for s in checks.ALL_SECTIONS}))
def test_marked_sections_round_trip(sections: dict[str, str]) -> None:
    labels = {
        "situation": "Situation",
        "task": "Task",
        "action": "Action",
        "result": "Result",
        "learned": "Learned",
    }
    text = "\n".join(f"{labels[k]}: {v}" for k, v in sections.items())
    parsed = parse_answer(text)
    assert parsed.sections == {k: v.strip() for k, v in sections.items()}


# ---------------------------------------------------------------- measures


@pytest.mark.parametrize(
    "text",
    [
        "p99 went from 500ms → 50ms",
        "500ms에서 50ms로 줄었습니다",
        "errors down 80%",
        "saved $4,000 a month",
        "월 500만 원 절감",
        "3배 빨라졌습니다",
        "took 2 weeks instead",
    ],
)
def test_quantified_result_patterns(text: str) -> None:
    strong = sample("concurrency-bug-en")
    lang = detect_language(text)
    base = strong if lang == "en" else sample("concurrency-bug-ko")
    report = check_answer(
        answer_from_story(base.model_copy(update={"result": text + " " + NO_NUMBERS[lang]}))
    )
    assert "quantified-result" not in report.failed


def test_bare_number_is_a_minor_finding() -> None:
    strong = sample("concurrency-bug-en")
    weak = strong.model_copy(update={"result": NO_NUMBERS["en"] + " It was release 2."})
    assert [(f.check, f.severity) for f in check_story(weak).findings] == [
        ("quantified-result", "minor")
    ]


def test_speaking_rates() -> None:
    assert speaking_seconds(" ".join(["word"] * 150), "en") == pytest.approx(60.0)
    assert speaking_seconds("가" * 300, "ko") == pytest.approx(60.0)
    assert checks.size("pprof로 측정", "ko") == 3 + checks.LATIN_TOKEN_SYLLABLES


def test_report_json_shape() -> None:
    doc = check_story(sample("performance-500ms-ko")).to_json("ko")
    assert set(doc) >= {"story", "findings", "speaking_seconds", "scores"}
    assert set(doc["scores"]) == {*CHECK_IDS, "overall"}
