"""Timed STAR practice: draw a question, suggest stories, time a typed answer, check it.

The clock is injected (`Clock.monotonic()`); tests pass a fake clock and never sleep.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sysdesign.errors import NotFoundError
from sysdesign.messages import Message, message
from sysdesign.star.checks import Answer, CheckReport

if TYPE_CHECKING:
    from sysdesign.models.story import Question, Story
    from sysdesign.star.bank import StoredStory
    from sysdesign.star.questions import Questions


class Clock(Protocol):
    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()


def system_clock() -> Clock:
    """The clock the CLI uses; tests replace this function to inject a fake clock."""
    return SystemClock()


# ---------------------------------------------------------------- drawing a question


def draw_question(
    bank: Questions,
    rng: random.Random,
    *,
    company: str | None = None,
    competency: str | None = None,
    question_id: str | None = None,
    prefer: set[str] | None = None,
) -> Question:
    """The question asked for, or a random one among those matching the filters; with
    `prefer` (a story's tags), among those probing one of them when any do."""
    if question_id:
        return bank.question(question_id)
    pool = bank.select(company=company, competency=competency)
    if prefer:
        fitting = [q for q in pool if prefer & set(q.competencies)]
        pool = fitting or pool
    if not pool:
        raise NotFoundError(
            "no question matches those filters / 조건에 맞는 질문이 없습니다"
            f" (company={company!r}, competency={competency!r})"
        )
    return rng.choice(sorted(pool, key=lambda q: q.id))


@dataclass(frozen=True)
class Suggestion:
    """A story from the bank that fits the question, and why."""

    id: str
    title: str
    language: str
    source: str
    overlap: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "source": self.source,
            "overlap": list(self.overlap),
        }


def story_tags(story: Story, bank: Questions) -> set[str]:
    """A story's competencies, with `company:value` tags expanded to the value's competencies."""
    tags = set()
    for tag in story.competencies:
        tags.add(tag)
        company_id, sep, value_id = tag.partition(":")
        if sep and company_id in bank.companies:
            for value in bank.companies[company_id].values:
                if value.id == value_id:
                    tags.update(value.competencies)
    return tags


def suggest_stories(
    question: Question,
    stories: Sequence[StoredStory],
    bank: Questions,
    *,
    company: str | None = None,
    language: str | None = None,
    limit: int = 3,
) -> list[Suggestion]:
    """Stories sharing competencies with the question, best overlap first; a story already
    tagged with the company, or told in the answer's language, wins ties."""
    wanted = set(question.competencies)
    scored: list[tuple[tuple[int, int, int, str], Suggestion]] = []
    for stored in stories:
        story = stored.story
        overlap = tuple(sorted(wanted & story_tags(story, bank)))
        if not overlap:
            continue
        key = (
            -len(overlap),
            0 if company and company.lower() in story.companies else 1,
            0 if language and story.language == language else 1,
            story.id,
        )
        scored.append(
            (key, Suggestion(story.id, story.title, story.language, stored.source, overlap))
        )
    return [s for _, s in sorted(scored, key=lambda pair: pair[0])][:limit]


# ---------------------------------------------------------------- the time guide

# Share of the answer's time per section: S and T short, A the longest, R with numbers.
GUIDE_SHARES: tuple[tuple[str, float, Message], ...] = (
    ("situation", 0.15, message("star.practice.context_in_one_or_two")),
    ("task", 0.10, message("star.practice.your_responsibility_briefly")),
    (
        "action",
        0.50,
        message("star.practice.what_you_did_step_by"),
    ),
    ("result", 0.15, message("star.practice.the_outcome_with_numbers_before")),
    ("learned", 0.10, message("star.practice.what_you_do_differently_since")),
)


@dataclass(frozen=True)
class GuideStep:
    section: str
    seconds: int
    hint: Message


def time_guide(minutes: float) -> list[GuideStep]:
    """Seconds per section for an answer of `minutes`; the steps add up to the whole."""
    total = round(minutes * 60)
    steps = [GuideStep(s, round(total * share), hint) for s, share, hint in GUIDE_SHARES]
    drift = total - sum(s.seconds for s in steps)
    action = steps[2]
    steps[2] = GuideStep(action.section, action.seconds + drift, action.hint)
    return steps


# ---------------------------------------------------------------- taking the answer


def read_typed_answer(read_line: Callable[[], str], clock: Clock) -> tuple[str, float]:
    """Lines until an empty line or end of input; returns the text and the seconds it took.

    `read_line` returns a line with its newline, or '' at end of input (like `readline`)."""
    start = clock.monotonic()
    lines: list[str] = []
    while True:
        line = read_line()
        if line == "":
            break
        stripped = line.rstrip("\r\n")
        if not stripped.strip():
            if lines:
                break
            continue  # leading blank lines do not end the answer
        lines.append(stripped)
    return "\n".join(lines), clock.monotonic() - start


@dataclass(frozen=True)
class PracticeResult:
    """One practice round: the question, the checked answer and how long it took to give."""

    question: Question
    report: CheckReport
    minutes: float
    elapsed_seconds: float | None = None
    story_id: str | None = None

    @property
    def limit_seconds(self) -> float:
        return self.minutes * 60

    @property
    def over_time(self) -> bool:
        return self.elapsed_seconds is not None and self.elapsed_seconds > self.limit_seconds

    @property
    def score(self) -> float:
        """0–100, the store's scale."""
        return round(self.report.scores["overall"] * 100, 1)

    def payload(self) -> dict[str, Any]:
        """What the history store keeps for this round."""
        return {
            "question": self.question.id,
            "story": self.story_id,
            "language": self.report.answer.language,
            "failed": self.report.failed,
            "scores": self.report.scores,
            "speaking_seconds": round(self.report.speaking_seconds, 1),
            "elapsed_seconds": None
            if self.elapsed_seconds is None
            else round(self.elapsed_seconds, 1),
            "minutes": self.minutes,
        }


def record_result(result: PracticeResult) -> bool:
    """Append the round to the history store; False when the store cannot be used."""
    try:
        from sysdesign.store import open_store
    except ImportError:  # pragma: no cover - the store ships with the package
        return False
    store = open_store()
    try:
        store.record_result(
            kind="star",
            item=result.question.id,
            score=result.score,
            payload=result.payload(),
        )
    finally:
        store.close()
    return True


@dataclass(frozen=True)
class PracticeSetup:
    """A round before the answer: the question drawn, the stories that fit, the time guide."""

    question: Question
    questions: Questions
    suggestions: list[Suggestion]
    guide: list[GuideStep]
    minutes: float
    chosen: StoredStory | None  # the bank story to answer with (`--story`)
    own_stories: bool  # False: the suggestions are the bundled samples


def prepare(
    *,
    minutes: float,
    language: str,
    company: str | None = None,
    competency: str | None = None,
    question_id: str | None = None,
    story_id: str | None = None,
    seed: int | None = None,
) -> PracticeSetup:
    """Draw the question (seeded; leaning to the chosen story's tags) and suggest stories."""
    from sysdesign.star.bank import load_bank
    from sysdesign.star.questions import questions

    qs = questions()
    bank = load_bank()
    chosen = bank.find(story_id) if story_id else None
    question = draw_question(
        qs,
        random.Random(seed),
        company=company,
        competency=competency,
        question_id=question_id,
        prefer=story_tags(chosen.story, qs) if chosen else None,
    )
    pool = bank.all(samples=not bank.stories)
    return PracticeSetup(
        question=question,
        questions=qs,
        suggestions=suggest_stories(question, pool, qs, company=company, language=language),
        guide=time_guide(minutes),
        minutes=minutes,
        chosen=chosen,
        own_stories=bool(bank.stories),
    )


@dataclass(frozen=True)
class PracticeRound:
    """A finished round: what `star practice` shows, and its `--json` document."""

    result: PracticeResult
    suggestions: list[Suggestion]
    guide: list[GuideStep]
    recorded: bool

    def to_json(self, lang: str) -> dict[str, Any]:
        q = self.result.question
        elapsed = self.result.elapsed_seconds
        return {
            "question": {
                "id": q.id,
                "text": q.text.get(lang),
                "competencies": q.competencies,
                "followups": [f.get(lang) for f in q.followups],
            },
            "suggestions": [s.to_json() for s in self.suggestions],
            "guide": [
                {"section": g.section, "seconds": g.seconds, "hint": g.hint.get(lang)}
                for g in self.guide
            ],
            "timing": {
                "elapsed_seconds": None if elapsed is None else round(elapsed, 1),
                "limit_seconds": self.result.limit_seconds,
                "over_time": self.result.over_time,
            },
            "check": self.result.report.to_json(lang),
            "score": self.result.score,
            "recorded": self.recorded,
        }


def finish(setup: PracticeSetup, answer: Answer, elapsed_seconds: float | None) -> PracticeRound:
    """Check the answer against the time limit, record the round in the history."""
    from sysdesign.star.checks import check_answer, target_for_minutes

    report = check_answer(answer, target_for_minutes(setup.minutes))
    result = PracticeResult(
        question=setup.question,
        report=report,
        minutes=setup.minutes,
        elapsed_seconds=elapsed_seconds,
        story_id=setup.chosen.story.id if setup.chosen else answer.id,
    )
    recorded = record_result(result)
    return PracticeRound(result, setup.suggestions, setup.guide, recorded)
