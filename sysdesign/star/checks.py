"""Content checks for a STAR answer: structure, numbers, ownership, balance, length, filler.

Pure functions over text. A story from the bank and a typed free-text answer are both turned
into an `Answer` (four sections, an optional lesson, any text outside the sections) and checked
by `check_answer`, which returns findings with stable ids, bilingual messages and fixes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sysdesign.messages import Message, message

if TYPE_CHECKING:
    from sysdesign.models.story import Story

Lang = Literal["ko", "en"]
Severity = Literal["major", "minor"]
_Outcome = tuple[list["Finding"], dict[str, Any]]

CHECK_IDS: tuple[str, ...] = (
    "sections",
    "quantified-result",
    "ownership",
    "action-weight",
    "length",
    "filler",
    "lesson",
)
STAR_SECTIONS: tuple[str, ...] = ("situation", "task", "action", "result")
ALL_SECTIONS: tuple[str, ...] = (*STAR_SECTIONS, "learned")

# ---------------------------------------------------------------- speaking-rate figures
# The one place these figures live.
# English: about 150 words per minute is the average conversational rate of US English speakers
#   (National Center for Voice and Speech, "Voice qualities": https://ncvs.org/).
# Korean: 300 syllables (Hangul characters) per minute, i.e. 5 syllables per second, is this
#   project's figure for calm, deliberate interview speech. Korean speech rate is measured in
#   syllables per second; for measured rates by region, gender and generation see "Speech rate in
#   Korean across region, gender and generation", Phonetics and Speech Sciences 9(1), 2017
#   (http://koreascience.or.kr/article/JAKO201713647763102.page).
# Latin-script words and numbers inside a Korean answer ("pprof", "500ms") are read aloud as a
#   few syllables each; LATIN_TOKEN_SYLLABLES is the estimate used for them.
WORDS_PER_MINUTE_EN = 150
SYLLABLES_PER_MINUTE_KO = 300
LATIN_TOKEN_SYLLABLES = 3
# The target spoken length of one STAR answer: 2 to 3 minutes.
TARGET_SECONDS: tuple[float, float] = (120.0, 180.0)

# Other thresholds, named so that tests and messages share them.
MIN_SECTION_WORDS_EN = 4
MIN_SECTION_SYLLABLES_KO = 8
ACTION_SHARE_PASS = 0.45  # "at least about half the words"
ACTION_SHARE_MAJOR = 0.30
OWNERSHIP_PASS = 0.6
OWNERSHIP_MAJOR = 0.4
FILLER_MAJOR_COUNT = 3

_SEVERITY_SCORE = {"major": 0.0, "minor": 0.5}
_WEIGHTS = {
    "sections": 2.0,
    "quantified-result": 2.0,
    "ownership": 1.5,
    "action-weight": 1.5,
    "length": 1.0,
    "filler": 1.0,
    "lesson": 1.0,
}


@dataclass(frozen=True)
class Finding:
    """One problem with an answer: a stable check id, how bad it is, why, and how to fix it."""

    check: str
    severity: Severity
    message: Message
    fix: Message

    def to_json(self, lang: str) -> dict[str, str]:
        return {
            "check": self.check,
            "severity": self.severity,
            "message": self.message.get(lang),
            "fix": self.fix.get(lang),
        }


@dataclass(frozen=True)
class Answer:
    """A STAR answer to check: from a stored story, a story file, or typed free text."""

    language: Lang
    sections: dict[str, str]
    unmarked: str = ""
    id: str | None = None
    title: str | None = None
    source: str = "answer"

    def text(self) -> str:
        parts = [self.unmarked, *(self.sections.get(s, "") for s in ALL_SECTIONS)]
        return "\n".join(p for p in parts if p.strip())


@dataclass(frozen=True)
class CheckReport:
    """Every finding for one answer, with its estimated speaking time and per-check scores."""

    answer: Answer
    findings: tuple[Finding, ...]
    speaking_seconds: float
    scores: dict[str, float]
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def failed(self) -> list[str]:
        """Check ids with at least one finding, in CHECK_IDS order."""
        ids = {f.check for f in self.findings}
        return [c for c in CHECK_IDS if c in ids]

    @property
    def has_major(self) -> bool:
        return any(f.severity == "major" for f in self.findings)

    def to_json(self, lang: str) -> dict[str, Any]:
        a = self.answer
        return {
            "story": {"id": a.id, "title": a.title, "language": a.language, "source": a.source},
            "findings": [f.to_json(lang) for f in self.findings],
            "speaking_seconds": round(self.speaking_seconds, 1),
            "scores": self.scores,
            "metrics": self.metrics,
        }


# ---------------------------------------------------------------- measuring text

_HANGUL = re.compile(r"[가-힣]")
_LATIN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’._%/+-]*")
_WORD = re.compile(r"[A-Za-z0-9가-힣][A-Za-z0-9가-힣'’._%/+-]*")


def detect_language(text: str) -> Lang:
    """Korean when Hangul makes up a fair share of the letters, else English."""
    hangul = len(_HANGUL.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul and hangul * 2 >= latin * 0.5 else "en"


def words(text: str) -> int:
    return len(_WORD.findall(text))


def size(text: str, lang: str) -> int:
    """Spoken units: words in English; in Korean, syllables plus an estimate per Latin token."""
    if lang == "ko":
        stripped = _HANGUL.sub(" ", text)
        return len(_HANGUL.findall(text)) + LATIN_TOKEN_SYLLABLES * len(
            _LATIN_TOKEN.findall(stripped)
        )
    return words(text)


def speaking_seconds(text: str, lang: str) -> float:
    """Estimated time to say `text` aloud, at the rates above."""
    rate = SYLLABLES_PER_MINUTE_KO if lang == "ko" else WORDS_PER_MINUTE_EN
    return size(text, lang) * 60.0 / rate


# ---------------------------------------------------------------- free-text parsing

_MARKERS: dict[str, tuple[str, ...]] = {
    "situation": ("situation", "context", "background", "상황", "배경"),
    "task": ("task", "goal", "과제", "과업", "임무", "역할", "목표"),
    "action": ("action", "actions", "행동", "조치", "실행"),
    "result": ("result", "results", "outcome", "결과", "성과"),
    "learned": (
        "lessons learned",
        "lesson learned",
        "lessons",
        "lesson",
        "what i learned",
        "learned",
        "learnings",
        "learning",
        "takeaway",
        "takeaways",
        "배운 점",
        "배운점",
        "교훈",
        "느낀 점",
        "느낀점",
        "회고",
    ),
}
_LETTERS = {"s": "situation", "t": "task", "a": "action", "r": "result", "l": "learned"}
_NAME_TO_SECTION = {name: sec for sec, names in _MARKERS.items() for name in names}
_NAMES = "|".join(re.escape(n) for n in sorted(_NAME_TO_SECTION, key=len, reverse=True))
_LEAD = r"^[ \t]*(?:[-*•>#]+[ \t]*)?(?:\*\*|__)?[ \t]*"
# "Situation:", "**상황**:", "S:", "상황(Situation):"
_COLON_MARKER = re.compile(
    _LEAD + r"(?:(?P<name>" + _NAMES + r")|(?P<letter>[STARLstarl]))"
    r"[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*",
    re.IGNORECASE,
)
# "[상황]", "【Situation】"
_BRACKET_MARKER = re.compile(
    _LEAD + r"[\[【(][ \t]*(?P<name>" + _NAMES + r"|[STARLstarl])[ \t]*[\]】)][ \t]*[:：]?[ \t]*",
    re.IGNORECASE,
)


def _marker(line: str) -> tuple[str, str] | None:
    """(section, rest of the line) when the line starts with a section marker."""
    for pattern in (_COLON_MARKER, _BRACKET_MARKER):
        m = pattern.match(line)
        if not m:
            continue
        name = (m.group("name") or "").lower()
        letter = (m.groupdict().get("letter") or "").lower()
        if name in _NAME_TO_SECTION:
            return _NAME_TO_SECTION[name], line[m.end() :]
        if name in _LETTERS:
            return _LETTERS[name], line[m.end() :]
        if letter in _LETTERS:
            return _LETTERS[letter], line[m.end() :]
    return None


def parse_answer(text: str, language: Lang | None = None) -> Answer:
    """Split free text at section markers in either language; text before any marker is kept
    as `unmarked`. A section named twice is joined."""
    lang: Lang = language or detect_language(text)
    collected: dict[str, list[str]] = {}
    unmarked: list[str] = []
    current: str | None = None
    for line in text.splitlines():
        hit = _marker(line)
        if hit is not None:
            current, rest = hit
            collected.setdefault(current, [])
            if rest.strip():
                collected[current].append(rest.strip())
            continue
        (collected[current] if current else unmarked).append(line.strip())
    sections = {k: "\n".join(v).strip() for k, v in collected.items()}
    return Answer(language=lang, sections=sections, unmarked="\n".join(unmarked).strip())


def answer_from_story(story: Story, source: str = "bank") -> Answer:
    sections = {
        "situation": story.situation,
        "task": story.task,
        "action": story.action,
        "result": story.result,
    }
    if story.learned:
        sections["learned"] = story.learned
    return Answer(
        language=story.language,
        sections=sections,
        id=story.id,
        title=story.title,
        source=source,
    )


# ---------------------------------------------------------------- patterns

_NUM = r"\d[\d,]*(?:\.\d+)?"
_PERCENT = re.compile(_NUM + r"[ \t]*(?:%|퍼센트|프로(?![가-힣])|percent\b|pct\b)", re.I)
_BEFORE_AFTER = re.compile(
    r"(?:from[ \t]+)?" + _NUM + r"[ \t]*[A-Za-zµ가-힣%/]{0,8}[ \t]*"
    r"(?:→|->|=>|⇒|⟶|\bto\b|에서)[ \t]*(?:약[ \t]*|about[ \t]+|~)?" + _NUM,
    re.I,
)
_UNIT_EN = (
    r"ms|msec|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|"
    r"x|users?|customers?|requests?|req/s|rps|qps|tps|errors?|incidents?|tickets?|bugs?|"
    r"alerts?|pages?|kb|mb|gb|tb|pb|servers?|instances?|nodes?|pods?|machines?|engineers?|"
    r"people|teams?|services?|dollars?|usd|krw|won|eur|messages?|orders?|calls?|queries|"
    r"deploys?|deployments?|releases?|lines?|tests?|nines"
)
_UNIT_WITH_NUMBER_EN = re.compile(
    _NUM + r"[ \t]*(?:k|m|b|million|billion|thousand)?[ \t]*(?:" + _UNIT_EN + r")\b", re.I
)
_UNIT_WITH_NUMBER_KO = re.compile(
    _NUM + r"[ \t]*(?:만|천|백|억|조)?[ \t]*"
    r"(?:밀리초|초|분|시간|일|주|개월|달|년|배|원|달러|건|명|개|회|번|대|퍼센트|배로|만원|억원)"
)
_TIMES = re.compile(r"\d+(?:\.\d+)?[ \t]*[x×배]", re.I)
_CURRENCY = re.compile(r"[$₩€£][ \t]*" + _NUM)
_BARE_NUMBER = re.compile(r"\d")
_VAGUE_AMOUNT = re.compile(
    r"\b(?:double[d]?|twice|half|halved|tripled?|significantly|dramatically|a lot)\b|"
    r"두[ \t]*배|세[ \t]*배|절반|반으로|크게|대폭|획기적",
    re.I,
)

_I_EN = re.compile(
    r"(?<![A-Za-z'’])(?:I(?:['’](?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)"
    r"(?![A-Za-z'’])"
)
_WE_EN = re.compile(
    r"(?<![A-Za-z'’])(?:[Ww]e(?:['’](?:re|ve|d|ll))?|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)"
    r"(?![A-Za-z'’])"
)
_I_KO = re.compile(
    r"(?<![가-힣])(?:제가|저는|저도|저를|저의|저만|제게|저에게|저로서는|나는|내가|나도|나를|나의|"
    r"제|저|내)(?![가-힣])"
)
_WE_KO = re.compile(r"(?<![가-힣])(?:우리|저희)")

# Vague filler: each entry is (what to show, pattern).
_FILLER_EN: tuple[tuple[str, str], ...] = (
    ("basically", r"\bbasically\b"),
    ("kind of", r"\bkind of\b"),
    ("sort of", r"\bsort of\b"),
    ("somehow", r"\bsomehow\b"),
    ("stuff", r"\bstuff\b"),
    ("things", r"\bthings\b"),
    ("something like that", r"\bsomething like that\b"),
    ("and so on", r"\band so on\b"),
    ("etc.", r"\betc\b\.?"),
    ("literally", r"\bliterally\b"),
    ("you know", r"\byou know\b"),
    ("I guess", r"\bI guess\b"),
    ("whatever", r"\bwhatever\b"),
)
_KO_PARTICLES = r"(?:을|를|이|가|은|는|의|도|로|으로|만|요|에)?"
_FILLER_KO: tuple[tuple[str, str], ...] = (
    *(
        (w, r"(?<![가-힣])" + w + _KO_PARTICLES + r"(?![가-힣])")
        for w in (
            "좀",
            "약간",
            "그냥",
            "뭔가",
            "등등",
            "어떻게든",
            "이것저것",
            "대충",
            "아무튼",
            "그런 거",
            "이런저런",
            "여러 가지",
            "여러가지",
        )
    ),
    ("것 같다", r"것[ \t]?같(?:아요|습니다|다|았|은데|네요|아서)"),
)
_FILLER_EN_RE = tuple((w, re.compile(p, re.I)) for w, p in _FILLER_EN)
_FILLER_KO_RE = tuple((w, re.compile(p)) for w, p in _FILLER_KO)

_INLINE_LESSON = re.compile(
    r"\bI (?:learned|learnt|realised|realized)\b|\blesson\b|\btaught me\b|\btakeaway\b|"
    r"\bsince then,? I\b|\bnext time,? I\b|\bI now\b|"
    r"배웠|배운[ \t]?점|깨달|교훈|이후로는|그 뒤로 저는|다음부터",
    re.I,
)


def _hits(patterns: Iterable[tuple[str, re.Pattern[str]]], text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for label, pattern in patterns:
        n = len(pattern.findall(text))
        if n:
            found[label] = n
    return found


# ---------------------------------------------------------------- the checks

_SECTION_NAMES = {
    "situation": message("star.checks.situation"),
    "task": message("star.checks.task"),
    "action": message("star.checks.action"),
    "result": message("star.checks.result"),
    "learned": message("star.checks.lesson"),
}


def _thin(text: str, lang: str) -> bool:
    if lang == "ko":
        return size(text, lang) < MIN_SECTION_SYLLABLES_KO
    return words(text) < MIN_SECTION_WORDS_EN


def _check_sections(a: Answer) -> tuple[list[Finding], dict[str, Any]]:
    missing = [s for s in STAR_SECTIONS if _thin(a.sections.get(s, ""), a.language)]
    if not missing:
        return [], {"missing_sections": []}
    names = {
        "en": ", ".join(_SECTION_NAMES[s].en for s in missing),
        "ko": ", ".join(_SECTION_NAMES[s].ko for s in missing),
    }
    finding = Finding(
        "sections",
        "major",
        message("star.checks.missing_sections", sections=names),
        message("star.checks.give_each_section_at_least"),
    )
    return [finding], {"missing_sections": missing}


def _check_quantified(a: Answer) -> tuple[list[Finding], dict[str, Any]]:
    result = a.sections.get("result", "")
    scope = result if not _thin(result, a.language) else a.text()
    strong = (
        _PERCENT.findall(scope)
        + _BEFORE_AFTER.findall(scope)
        + _UNIT_WITH_NUMBER_EN.findall(scope)
        + _UNIT_WITH_NUMBER_KO.findall(scope)
        + _TIMES.findall(scope)
        + _CURRENCY.findall(scope)
    )
    metrics = {"result_quantities": len(strong)}
    if strong:
        return [], metrics
    fix = message("star.checks.state_the_outcome_as_a")
    if _BARE_NUMBER.search(scope) or _VAGUE_AMOUNT.search(scope):
        return [
            Finding(
                "quantified-result",
                "minor",
                message("star.checks.the_result_has_a_number"),
                fix,
            )
        ], metrics
    return [
        Finding(
            "quantified-result",
            "major",
            message("star.checks.the_result_has_no_numbers"),
            fix,
        )
    ], metrics


def _check_ownership(a: Answer) -> tuple[list[Finding], dict[str, Any]]:
    scope = "\n".join(a.sections.get(s, "") for s in ("task", "action", "result")).strip()
    if not scope:
        scope = a.text()
    if a.language == "ko":
        mine, ours = len(_I_KO.findall(scope)), len(_WE_KO.findall(scope))
    else:
        mine, ours = len(_I_EN.findall(scope)), len(_WE_EN.findall(scope))
    total = mine + ours
    share = mine / total if total else None
    metrics = {
        "i_count": mine,
        "we_count": ours,
        "i_share": None if share is None else round(share, 2),
    }
    fix = message("star.checks.say_what_you_did_yourself")
    if total == 0:
        if a.language == "ko":
            return [], metrics  # Korean drops the subject; no pronouns is not a problem by itself
        return [
            Finding(
                "ownership",
                "minor",
                message("star.checks.task_action_and_result_never"),
                fix,
            )
        ], metrics
    assert share is not None
    if share >= OWNERSHIP_PASS:
        return [], metrics
    severity: Severity = "major" if share < OWNERSHIP_MAJOR and ours >= 3 else "minor"
    pct = round(share * 100)
    return [
        Finding(
            "ownership",
            severity,
            message(
                "star.checks.i_is_of_first_person",
                pct=pct,
                mine=mine,
                ours=ours,
                ownership_pass=round(OWNERSHIP_PASS * 100),
            ),
            fix,
        )
    ], metrics


def _check_action_weight(a: Answer) -> tuple[list[Finding], dict[str, Any]]:
    sizes = {s: size(a.sections.get(s, ""), a.language) for s in STAR_SECTIONS}
    total = sum(sizes.values())
    if total == 0 or sizes["action"] == 0:
        return [], {"action_share": None}  # the sections check already reports it
    share = sizes["action"] / total
    metrics = {"action_share": round(share, 2)}
    if share >= ACTION_SHARE_PASS:
        return [], metrics
    severity: Severity = "major" if share < ACTION_SHARE_MAJOR else "minor"
    pct = round(share * 100)
    unit = message("star.checks.syllables") if a.language == "ko" else message("star.checks.words")
    return [
        Finding(
            "action-weight",
            severity,
            message("star.checks.the_action_is_of_the", pct=pct, unit=unit),
            message("star.checks.trim_the_situation_and_task"),
        )
    ], metrics


def _fmt_seconds(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def _check_length(a: Answer, target: tuple[float, float]) -> tuple[list[Finding], dict[str, Any]]:
    seconds = speaking_seconds(a.text(), a.language)
    lo, hi = target
    metrics = {"size": size(a.text(), a.language), "target_seconds": [lo, hi]}
    if lo <= seconds <= hi:
        return [], metrics
    if a.language == "ko":
        rate_text = message(
            "star.checks.syllables_min", syllables_per_minute_ko=SYLLABLES_PER_MINUTE_KO
        )
    else:
        rate_text = message("star.checks.words_min", words_per_minute_en=WORDS_PER_MINUTE_EN)
    span = f"{_fmt_seconds(lo)}–{_fmt_seconds(hi)}"
    said = _fmt_seconds(seconds)
    if seconds < lo:
        severity: Severity = "major" if seconds < lo / 2 else "minor"
        return [
            Finding(
                "length",
                severity,
                message(
                    "star.checks.about_when_spoken_at_the_2",
                    said=said,
                    rate_text=rate_text,
                    span=span,
                ),
                message("star.checks.add_the_concrete_steps_of"),
            )
        ], metrics
    severity = "major" if seconds > hi * 4 / 3 else "minor"
    return [
        Finding(
            "length",
            severity,
            message(
                "star.checks.about_when_spoken_at_the", said=said, rate_text=rate_text, span=span
            ),
            message("star.checks.cut_the_situation_to_one"),
        )
    ], metrics


def _check_filler(a: Answer) -> tuple[list[Finding], dict[str, Any]]:
    text = a.text()
    found = _hits(_FILLER_EN_RE, text)
    if a.language == "ko" or _HANGUL.search(text):
        for word, n in _hits(_FILLER_KO_RE, text).items():
            found[word] = found.get(word, 0) + n
    count = sum(found.values())
    metrics = {"filler": found}
    if not count:
        return [], metrics
    listed = ", ".join(f"'{w}'×{n}" if n > 1 else f"'{w}'" for w, n in found.items())
    severity: Severity = "major" if count >= FILLER_MAJOR_COUNT else "minor"
    return [
        Finding(
            "filler",
            severity,
            message("star.checks.vague_or_filler_words_they", listed=listed),
            message("star.checks.replace_each_with_the_specific"),
        )
    ], metrics


def _check_lesson(a: Answer) -> tuple[list[Finding], dict[str, Any]]:
    learned = a.sections.get("learned", "")
    if not _thin(learned, a.language):
        return [], {"lesson": "section"}
    if _INLINE_LESSON.search(a.text()):
        return [], {"lesson": "inline"}
    return [
        Finding(
            "lesson",
            "minor",
            message("star.checks.no_lesson_learned_the_answer"),
            message("star.checks.close_with_one_or_two"),
        )
    ], {"lesson": None}


def check_answer(answer: Answer, target: tuple[float, float] = TARGET_SECONDS) -> CheckReport:
    """Run every check; findings come in CHECK_IDS order."""
    findings: list[Finding] = []
    metrics: dict[str, Any] = {}
    scores: dict[str, float] = {}
    steps: tuple[tuple[str, Callable[[], _Outcome]], ...] = (
        ("sections", lambda: _check_sections(answer)),
        ("quantified-result", lambda: _check_quantified(answer)),
        ("ownership", lambda: _check_ownership(answer)),
        ("action-weight", lambda: _check_action_weight(answer)),
        ("length", lambda: _check_length(answer, target)),
        ("filler", lambda: _check_filler(answer)),
        ("lesson", lambda: _check_lesson(answer)),
    )
    for check_id, run in steps:
        found, measured = run()
        findings.extend(found)
        metrics.update(measured)
        scores[check_id] = min((_SEVERITY_SCORE[f.severity] for f in found), default=1.0)
    total_weight = sum(_WEIGHTS.values())
    overall = sum(scores[c] * _WEIGHTS[c] for c in CHECK_IDS) / total_weight
    scores["overall"] = round(overall, 2)
    return CheckReport(
        answer=answer,
        findings=tuple(findings),
        speaking_seconds=speaking_seconds(answer.text(), answer.language),
        scores=scores,
        metrics=metrics,
    )


def check_story(story: Story, source: str = "bank") -> CheckReport:
    return check_answer(answer_from_story(story, source))


def target_for_minutes(minutes: float) -> tuple[float, float]:
    """The spoken-length window for a time limit: two thirds of it up to all of it
    (3 minutes gives the standard 2–3 minute target)."""
    return (minutes * 40.0, minutes * 60.0)
