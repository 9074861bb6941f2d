"""Which of a scenario's facts answers a question: an answer, a clarification, or none.

Each fact is indexed by its example questions (as candidates ask them), its keywords and,
more weakly, its answer. A question is split into clauses ("How many users, and how big is a
message?"); each clause is ranked against the facts. The outcomes:
- `answer`: the best fact clears `ANSWER_THRESHOLD` and leads the next fact by `MARGIN`, or
  clears `LOW_THRESHOLD` and leads the next by `LEAD_RATIO` (not for a question naming a
  side topic left to the candidate's assumptions: that one must clear the threshold);
- `clarify`: two facts both clear the threshold and are too close to choose ("Do you mean …
  or …?");
- `refuse`: nothing clears it: "state your assumption".
The thresholds were calibrated on the development set in tests/data/understanding
(`benchmarks/understanding.py` prints the figures).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from sysdesign.understand.match import (
    WEIGHTS,
    Vector,
    _norm,
    _stopped,
    content_words,
    cosine,
    features,
    token_features,
)
from sysdesign.understand.normalise import is_hangul, tokens

if TYPE_CHECKING:
    from sysdesign.models.scenario import Fact, Scenario
    from sysdesign.understand.lexicon import Entry

ANSWER_THRESHOLD = 0.2
MARGIN = 0.03
# Below the threshold, a fact still answers when it clears `LOW_THRESHOLD` and leads the next
# by `LEAD_RATIO`: an unusual wording of one fact, not a question between several or none.
LOW_THRESHOLD = 0.15
LEAD_RATIO = 1.4
CLARIFY_FLOOR = 0.26
CENTROID_SHARE = 0.3
UNSEEN_WORD_IDF = 2.0
EXAMPLE_WEIGHT = 1.0
KEYWORD_WEIGHT = 0.92
ANSWER_WEIGHT = 0.75
MAX_FACTS_PER_QUESTION = 3
# A question about a topic left to the candidate's assumptions (a lexicon concept marked
# `assumption`: team, launch date, language…) keeps this share of its score for a fact whose own
# questions and keywords never name that topic, or whose answer does not ("Is delivery another
# team's job?" may be asked of a fact whose answer says nothing about any team), or that names it
# only with other words of the concept (a deposit "deadline" is not a sprint, a reseller
# "contract" is not AWS) — unless its answer says every word the question names it with
# ("Chat, voice and the shop are out of scope" for "Is voice chat part of it?"). A technology
# no fact names (Kafka, Redis) is a side topic too, without this share: only content counts.
ASSUMPTION_SHARE = 0.4
# A question that names such a topic ("How many engineers will work on the redirect service?")
# must also share content with the fact: the share of its weight that is neither the topic's own
# words nor generic ones (`GENERIC_WORDS`, `GENERIC_CONCEPTS`) and that the fact's words
# account for. Below `MIN_EVIDENCE` the fact keeps `NO_EVIDENCE_SHARE` of its score. A fact
# whose answer and questions name every such topic of the question, with the question's words
# ("300 teams use it" for "How many teams use it?"), counts them as content. A choice between
# products ("Redis or Memcached?", "우분투예요, CentOS예요?") has no content for a fact that names
# none of them.
MIN_EVIDENCE = 0.1
NO_EVIDENCE_SHARE = 0.2
# Words and concepts that any scenario's questions use and that say nothing about which fact
# is asked: "how many", "system", "need", "build", "몇", "얼마", "서비스", "만들다".
GENERIC_WORDS = (
    "many much number big large long system systems service services app product project "
    "need needs use uses used using build building make making work working handle company "
    "plan planned going 몇 명 얼마 시스템 서비스 앱 제품 프로젝트 필요 사용 쓰 만들 만드 개발 "
    "구축 회사 계획 이거 여기"
)
GENERIC_CONCEPTS = frozenset(["users", "scope", "scale"])
# A topic is the scenario's own domain, not a side topic, when this share of its facts ask
# about it ("search" in a log-search scenario).
DOMAIN_SHARE = 0.4

Outcome = Literal["answer", "clarify", "refuse"]

_CLAUSE = re.compile(
    r"\?|;|\n|,?\s+(?:and|also|plus)\s+(?=(?:how|what|which|who|when|where|why|do|does|is|are|"
    r"can|should|will)\b)|(?:그리고|또한|그리고요)\s|,\s*(?=(?:그리고|또|또한)\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Ranked:
    fact: str
    score: float
    example: str


@dataclass(frozen=True)
class FactMatch:
    """What the interviewer makes of one question."""

    outcome: Outcome
    facts: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    ranked: tuple[Ranked, ...] = field(default=(), repr=False)


def fact_index_items(facts: Sequence[Fact]) -> list[tuple[str, str, float]]:
    items: list[tuple[str, str, float]] = []
    for f in facts:
        for lang in ("en", "ko"):
            for q in getattr(f.examples, lang):
                items.append((f.id, q, EXAMPLE_WEIGHT))
            words = getattr(f.keywords, lang)
            for w in words:
                items.append((f.id, w, KEYWORD_WEIGHT))
            items.append((f.id, getattr(f.answer, lang), ANSWER_WEIGHT))
    return items


@dataclass
class FactIndex:
    """A scenario's facts as vectors: each example, each fact's centroid, each fact's words.

    - IDF counts facts, not examples: a word many facts share ("users" in a chat scenario)
      tells little about which one is meant.
    - A fact's score blends its best example (`1 − CENTROID_SHARE`) with its centroid, then is
      scaled by coverage: the share of the question's weight that the fact's own words
      (examples, keywords, answer) account for. A question about something the facts never
      mention ("How big is the team?") keeps little coverage and is refused.
    - A word the scenario never uses weighs little (it may be a paraphrase's own word); a
      concept the lexicon knows and the scenario never mentions weighs fully (it is a topic
      the facts do not cover).
    - A topic the lexicon marks as left to assumptions ("When do we launch?") is answered only
      by a fact whose own questions or keywords name it; elsewhere the score keeps
      `ASSUMPTION_SHARE`, since an answer that merely mentions the word does not answer it.
    """

    examples: list[tuple[str, Vector, float]] = field(default_factory=list)
    centroids: dict[str, Vector] = field(default_factory=dict)
    vocab: dict[str, set[str]] = field(default_factory=dict)
    asked: dict[str, set[str]] = field(default_factory=dict)
    core: dict[str, set[str]] = field(default_factory=dict)
    said: dict[str, set[str]] = field(default_factory=dict)
    domain_topics: set[str] = field(default_factory=set)
    topic_words: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    answer_words: dict[str, set[str]] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)
    idf: dict[str, float] = field(default_factory=dict)
    unseen_concept_idf: float = 1.0

    @staticmethod
    def build(facts: Sequence[Fact]) -> FactIndex:
        items = fact_index_items(facts)
        raws = [(label, features(text), weight) for label, text, weight in items]
        index = FactIndex()
        for label, raw, weight in raws:
            index.vocab.setdefault(label, set()).update(raw)
            if weight != ANSWER_WEIGHT:
                index.asked.setdefault(label, set()).update(raw)
        df: Counter[str] = Counter()
        for words in index.vocab.values():
            df.update(words)
        n = max(1, len(index.vocab))
        index.idf = {f: math.log((n + 1) / (c + 0.5)) + 1.0 for f, c in df.items()}
        index.unseen_concept_idf = math.log(n + 1) + 1.0
        index._topics(facts)
        for label, raw, weight in raws:
            index.examples.append((label, index.vector(raw), weight))
        sums: dict[str, dict[str, float]] = {}
        for label, vec, weight in index.examples:
            if weight == EXAMPLE_WEIGHT:
                acc = sums.setdefault(label, {})
                for k, v in vec.items():
                    acc[k] = acc.get(k, 0.0) + v
        index.centroids = {label: _norm(acc) for label, acc in sums.items()}
        return index

    def _topics(self, facts: Sequence[Fact]) -> None:
        """Which assumption topics are a fact's own subject (`core`) or the scenario's
        (`domain_topics`): "search" in a log-search scenario is the domain, not a side topic."""
        from sysdesign.understand.lexicon import lexicon

        lex = lexicon()
        for words in self.vocab.values():
            self.named.update(k[2:] for k in words if k.startswith("c:"))
        for f in facts:
            said = {"c:" + c for c in lex.concepts(f"{f.answer.en}\n{f.answer.ko}")}
            self.said[f.id] = said
            texts = [f.answer.en, f.answer.ko, *f.examples.en, *f.examples.ko]
            texts += [*f.keywords.en, *f.keywords.ko]
            naming: dict[str, set[str]] = {}
            for text in texts:
                for cid, words in _topic_words(text).items():
                    naming.setdefault(cid, set()).update(words)
            self.topic_words[f.id] = naming
            answer_words = set(tokens(f"{f.answer.en}\n{f.answer.ko}"))
            for words in _topic_words(f"{f.answer.en}\n{f.answer.ko}").values():
                answer_words |= words
            self.answer_words[f.id] = answer_words
            self.core[f.id] = {
                k
                for k in said & self.asked.get(f.id, set())
                if k[2:] in lex.entries and lex.entries[k[2:]].assumption
            }
        asked_by: Counter[str] = Counter()
        for feats in self.asked.values():
            asked_by.update(k for k in feats if k.startswith("c:"))
        n = max(1, len(self.asked))
        self.domain_topics = {
            k[2:]
            for k, c in asked_by.items()
            if c >= DOMAIN_SHARE * n and k[2:] in lex.entries and lex.entries[k[2:]].assumption
        }

    def vector(self, raw: Counter[str]) -> Vector:
        out: Vector = {}
        for f, c in raw.items():
            idf = self.idf.get(f)
            if idf is None:
                idf = self.unseen_concept_idf if f.startswith("c:") else UNSEEN_WORD_IDF
            out[f] = (1.0 + math.log(c)) * WEIGHTS[f[0]] * idf
        return _norm(out)

    def words(self, label: str) -> set[str]:
        """A fact's stems and concept features (its examples, keywords and answer)."""
        cached = self._words.get(label)
        if cached is None:
            vocab = self.vocab.get(label, set())
            cached = {k if k.startswith("c:") else k[2:] for k in vocab if k[0] in "wc"}
            for naming in self.topic_words.get(label, {}).values():
                cached |= naming  # with the languages or products it names (c:java_lang)
            self._words[label] = cached
        return cached

    def side_topics(self, q: Vector | Counter[str]) -> list[str]:
        """The topics of a question (its features) left to the candidate's assumptions that
        are not this scenario's domain."""
        from sysdesign.understand.lexicon import lexicon

        entries = lexicon().entries
        return [k for k in q if k.startswith("c:") and self.is_side_topic(k[2:], entries)]

    def is_side_topic(self, cid: str, entries: dict[str, Entry]) -> bool:
        """A concept left to the candidate: a lexicon side topic that is not this scenario's
        domain, or a technology product (Kafka, Redis, MySQL) that none of its facts names."""
        entry = entries.get(cid)
        if entry is None:
            return False
        if entry.assumption:
            return cid not in self.domain_topics
        return entry.tech is not None and cid not in self.named

    def rank(self, text: str) -> list[tuple[str, float, str]]:
        """(fact id, score, best example) for every fact, best first."""
        q = self.vector(features(text))
        open_topics = _broadest(self.side_topics(q))
        domain = _domain_features(text, self) if open_topics else None
        asked_words = _topic_words(text) if open_topics else {}
        choices = _alternatives(text, self) if open_topics else []
        best: dict[str, tuple[float, str]] = {}
        for (label, vec, weight), (_, example, _) in zip(self.examples, self._texts, strict=True):
            score = cosine(q, vec) * weight
            if label not in best or score > best[label][0]:
                best[label] = (score, example)
        out: list[tuple[str, float, str]] = []
        for label, (score, example) in best.items():
            centroid = cosine(q, self.centroids.get(label, {}))
            coverage = sum(v * v for k, v in q.items() if k in self.vocab[label])
            blended = (1 - CENTROID_SHARE) * score + CENTROID_SHARE * centroid
            asked = self.asked.get(label, set())
            said = self.said.get(label, set())
            naming = self.topic_words.get(label, {})
            words = self.words(label)
            named = {
                t
                for t in open_topics
                if _same_words(asked_words.get(t[2:], set()), naming.get(t[2:], set()), words)
            }
            answer = self.answer_words.get(label, set())
            if any(
                (t not in asked or t not in said or t not in named)
                and not _all_in(asked_words.get(t[2:], set()), answer)
                for t in open_topics
                if lexicon_entry(t[2:]).assumption
            ):
                blended *= ASSUMPTION_SHARE
            if domain is not None:
                own = self.vocab[label]
                core = self.core.get(label, set())
                if not core.issuperset(open_topics) or not named.issuperset(open_topics):
                    core = set()  # it covers some side topics of the question, not all
                evidence = sum(
                    v * v for k, v in q.items() if k in own and (k in domain or k in core)
                )
                if choices and not any(_same_words(alt, set(), words) for alt in choices):
                    evidence = 0.0  # a choice between products no fact names
                if evidence < MIN_EVIDENCE:
                    blended *= NO_EVIDENCE_SHARE
            out.append((label, blended * coverage, example))
        out.sort(key=lambda item: (-item[1], item[0]))
        return out

    _texts: list[tuple[str, str, float]] = field(default_factory=list)
    _words: dict[str, set[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(tokens(GENERIC_WORDS))


def _domain_features(text: str, index: FactIndex) -> set[str]:
    """The features of `text` that can tell facts apart: not those of a topic left to the
    candidate's assumptions (its concept and the words that name it), not generic ones."""
    from sysdesign.understand.lexicon import lexicon

    lex = lexicon()
    toks = tokens(text)
    spans = lex.spans(text)
    off: set[int] = set()
    for cid, start, end in spans:
        if index.is_side_topic(cid, lex.entries):
            off.update(range(start, end))
    generic = _generic_stems()
    kept = [t for i, t in enumerate(toks) if i not in off and t not in generic]
    out = set(token_features(kept))
    for cid, start, end in spans:
        entry = lex.entries[cid]
        if start < end and off.issuperset(range(start, end)):
            continue
        for c in (cid, *entry.broader):
            if c not in GENERIC_CONCEPTS and not index.is_side_topic(c, lex.entries):
                out.add("c:" + c)
    return out


def _topic_words(text: str) -> dict[str, set[str]]:
    """The words that name each side topic or technology in `text` (concept id → stems)."""
    from sysdesign.understand.lexicon import lexicon

    lex = lexicon()
    toks = tokens(text)
    generic = _generic_stems()
    out: dict[str, set[str]] = {}
    for cid, start, end in lex.spans(text):
        entry = lex.entries[cid]
        if not (entry.assumption or entry.tech is not None):
            continue
        words = {t for t in toks[start:end] if t not in generic and not _stopped(t)}
        if entry.broader:
            words.add("c:" + cid)  # Java and 자바 are one language
        out.setdefault(cid, set()).update(words)
        for b in entry.broader:
            out.setdefault(b, set()).update(words)
    return out


def lexicon_entry(cid: str) -> Entry:
    from sysdesign.understand.lexicon import lexicon

    return lexicon().entries[cid]


# Words that offer a choice between alternatives ("Kafka or RabbitMQ?", "AWS 아니면 GCP?"); a
# Korean question also offers one by asking twice ("C++로 짜요, Go로 짜요?").
_CHOICE = re.compile(r"\b(?:or|vs|versus)\b|아니면|또는|[가-힣]요[,\s]+\S", re.IGNORECASE)


def _alternatives(text: str, index: FactIndex) -> list[set[str]]:
    """The products or side topics a question offers as a choice ("Redis or Memcached?",
    "우분투예요, CentOS예요?"): the words of each, when there are two or more and the question
    offers a choice; else none."""
    from sysdesign.understand.lexicon import lexicon

    if not _CHOICE.search(text):
        return []
    lex = lexicon()
    toks = tokens(text)
    generic = _generic_stems()
    at: dict[int, set[str]] = {}
    for cid, start, end in lex.spans(text):
        if start < end and index.is_side_topic(cid, lex.entries):
            words = {t for t in toks[start:end] if t not in generic and not _stopped(t)}
            at.setdefault(start, set()).update(words or toks[start:end])
    starts = sorted(at)
    kept: list[set[str]] = []
    last_end = -1
    for start in starts:
        if start < last_end:
            continue  # a shorter form inside the last one
        kept.append(at[start])
        last_end = start + 1
    return kept if len(kept) >= 2 else []


def _all_in(asked: set[str], answer: set[str]) -> bool:
    """Whether a fact's answer says every word a question names a side topic with ("Chat,
    voice and the shop are out of scope" for "Is voice chat part of it?")."""
    return bool(asked) and asked <= answer


def _broadest(topics: list[str]) -> list[str]:
    """Side topics without those whose broader topic is there too: "Java" asks about the
    language (`language_stack`), and its word tells which one."""
    from sysdesign.understand.lexicon import lexicon

    entries = lexicon().entries
    present = {t[2:] for t in topics}
    return [t for t in topics if not any(b in present for b in entries[t[2:]].broader)]


def _same_words(asked: set[str], naming: set[str], words: set[str]) -> bool:
    """Whether a fact uses the words a question names a side topic with ("teams" and "300
    teams"; 개발팀 and the fact's 팀; 자바 and Java, one language), not only another word of
    the same concept ("sprint" and a deposit "deadline", "AWS" and a provider "contract").
    `words` are the fact's stems and concepts, `naming` the words it names the topic with. A
    topic read from unspaced Korean text alone has no words and matches any."""
    if not asked or asked & words:
        return True
    return any(
        is_hangul(a) and is_hangul(n) and (a.endswith(n) or n.endswith(a))
        for a in asked
        for n in naming
    )


@lru_cache(maxsize=64)
def _index_for(key: tuple[str, int]) -> FactIndex:
    facts = _FACTS[key]
    index = FactIndex.build(facts)
    index._texts = fact_index_items(facts)
    return index


_FACTS: dict[tuple[str, int], Sequence[Fact]] = {}


def fact_index(scenario: Scenario) -> FactIndex:
    """The scenario's fact index, built once per scenario object."""
    key = (scenario.id, id(scenario.facts))
    _FACTS[key] = scenario.facts
    return _index_for(key)


def clauses(question: str) -> list[str]:
    """A question split into the parts that ask one thing each (short parts stay joined)."""
    parts = [p.strip(" ,") for p in _CLAUSE.split(question) if p and p.strip(" ,")]
    out: list[str] = []
    for part in parts:
        if out and len(content_words(part)) < 2:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out or [question]


def _decide(ranked: list[tuple[str, float, str]], *, side_topic: bool = False) -> FactMatch:
    top = tuple(Ranked(f, s, e) for f, s, e in ranked[:5])
    if not ranked:
        return FactMatch("refuse", ranked=top)
    first = ranked[0]
    second = ranked[1] if len(ranked) > 1 else None
    runner_up = second[1] if second is not None else 0.0
    # a question naming a side topic must clear the threshold itself
    clear_lead = not side_topic and first[1] >= LOW_THRESHOLD and first[1] >= LEAD_RATIO * runner_up
    if first[1] < ANSWER_THRESHOLD and not clear_lead:
        return FactMatch("refuse", ranked=top)
    if second is not None and second[1] >= CLARIFY_FLOOR and first[1] - second[1] < MARGIN:
        return FactMatch("clarify", choices=(first[0], second[0]), ranked=top)
    return FactMatch("answer", facts=(first[0],), ranked=top)


def _names_side_topic(index: FactIndex, text: str) -> bool:
    return bool(index.side_topics(features(text)))


def match_question(question: str, scenario: Scenario) -> FactMatch:
    """Answer, clarify or refuse a candidate's question from the scenario's facts."""
    index = fact_index(scenario)
    whole = _decide(index.rank(question), side_topic=_names_side_topic(index, question))
    parts = clauses(question)
    if len(parts) < 2:
        return whole
    answered: list[str] = []
    choices: tuple[str, ...] = ()
    for part in parts:
        decided = _decide(index.rank(part), side_topic=_names_side_topic(index, part))
        if decided.outcome == "answer":
            answered += [f for f in decided.facts if f not in answered]
        elif decided.outcome == "clarify" and not choices:
            choices = decided.choices
    if whole.outcome == "answer" and whole.facts[0] not in answered:
        answered.insert(0, whole.facts[0])
    if answered:
        return FactMatch(
            "answer", facts=tuple(answered[:MAX_FACTS_PER_QUESTION]), ranked=whole.ranked
        )
    if choices:
        return FactMatch("clarify", choices=choices, ranked=whole.ranked)
    return whole
