"""Meaning-level similarity: a text becomes weighted features, compared by TF-IDF cosine.

Features of a text:
- `w:` its stems (English stemmed, Korean with particles and endings stripped), minus
  function words;
- `c:` the lexicon's concepts it names (so "user base" meets "DAU" and "이용자");
- `b:` Korean character bigrams (spacing and endings vary freely in Korean);
- `t:` English character trigrams of longer words (typos, compounds).

An `Index` holds labelled example texts (a fact's example questions, a point's phrasings);
`Index.rank` scores each label by its best-matching example. Pure Python, deterministic,
a few milliseconds per query on a scenario's few hundred examples.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sysdesign.understand.normalise import is_hangul, tokens

# Function words carry no topic. Question words that do ("many", "long", "fast") stay.
STOP_EN = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "doe",
        "does",
        "did",
        "done",
        "of",
        "to",
        "in",
        "on",
        "for",
        "at",
        "by",
        "with",
        "and",
        "or",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "how",
        "when",
        "where",
        "why",
        "will",
        "would",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "i",
        "we",
        "you",
        "they",
        "he",
        "she",
        "me",
        "us",
        "them",
        "my",
        "our",
        "your",
        "their",
        "there",
        "here",
        "as",
        "about",
        "so",
        "if",
        "than",
        "then",
        "just",
        "like",
        "any",
        "some",
        "much",
        "really",
        "roughly",
        "approximately",
        "around",
        "kind",
        "sort",
        "also",
        "too",
        "very",
        "please",
        "ok",
        "okay",
        "let",
        "lets",
        "let's",
        "want",
        "need",
        "tell",
        "know",
        "think",
        "say",
        "get",
        "got",
        "go",
        "going",
        "have",
        "has",
        "had",
        "having",
        "one",
        "thing",
        "things",
        "there's",
        "what's",
        "how's",
        "we're",
        "you're",
        "i'm",
        "i'd",
        "we'd",
        "don't",
        "doesn't",
        "isn't",
        "aren't",
        "re",
        "s",
        "d",
        "ll",
        "ve",
        "m",
        "t",
        "expect",
    ]
)
STOP_KO = frozenset(
    [
        "어떻게",
        "얼마나",
        "어느",
        "정도",
        "무엇",
        "뭐",
        "뭔가",
        "뭘",
        "혹시",
        "그",
        "이",
        "저",
        "좀",
        "대략",
        "보통",
        "그럼",
        "그러면",
        "그리고",
        "또",
        "또는",
        "있",
        "있나",
        "없",
        "되",
        "하",
        "것",
        "거",
        "수",
        "때",
        "제가",
        "저희",
        "우리",
        "요",
        "네",
        "음",
        "근데",
        "그런데",
        "그냥",
        "일단",
        "한번",
        "어떤",
        "어떨",
        "어때",
        "같",
        "같은",
        "건가",
        "건",
        "게",
        "인",
        "일",
        "될",
    ]
)
WEIGHTS = {"w": 1.0, "c": 1.6, "b": 0.45, "t": 0.3}


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    """The function words as the tokeniser stems them ("have" → "hav", "roughly" →
    "roughli"): a text's tokens are stems, so the stop list must be too."""
    return frozenset(t for w in STOP_EN for t in tokens(w) if len(t) > 1 or t in STOP_EN)


def _stopped(token: str) -> bool:
    return token in STOP_EN or token in STOP_KO or token in _stop_stems()


def features(text: str) -> Counter[str]:
    """Raw feature counts of a text (before weighting)."""
    from sysdesign.understand.lexicon import lexicon

    lex = lexicon()
    out = token_features(tokens(text))
    for concept in lex.concepts(text):
        entry = lex.entries[concept]
        if entry.assumption and entry.broader:
            continue  # which language or cloud (Java, AWS): its word says it, its topic counts
        out["c:" + concept] += 1
    return out


def token_features(toks: Iterable[str]) -> Counter[str]:
    """The word, bigram and trigram features of stems (no concepts)."""
    out: Counter[str] = Counter()
    for tok in toks:
        if _stopped(tok):
            continue
        out["w:" + tok] += 1
        if is_hangul(tok):
            for i in range(len(tok) - 1):
                out["b:" + tok[i : i + 2]] += 1
        elif tok.isalpha() and len(tok) >= 7:
            padded = f"<{tok}>"
            for i in range(len(padded) - 2):
                out["t:" + padded[i : i + 3]] += 1
    return out


def content_words(text: str) -> list[str]:
    """The stems of a text that carry content (function words dropped)."""
    return [t for t in tokens(text) if not _stopped(t)]


Vector = dict[str, float]


def _norm(vec: Vector) -> Vector:
    length = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / length for k, v in vec.items()} if length else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def containment(query: Vector, example: Vector) -> float:
    """The share of an example's (squared, normalised) weight that the query also has: how
    much of what the example says is in the query, however much else the query says."""
    return sum(v * v for k, v in example.items() if k in query)


def blended(query: Vector, example: Vector) -> float:
    """For grading long answers against short phrasings: half cosine, half containment."""
    return 0.5 * cosine(query, example) + 0.5 * containment(query, example)


@dataclass
class Example:
    label: str
    text: str
    weight: float
    vector: Vector = field(default_factory=dict)


@dataclass
class Index:
    """Labelled example texts, vectorised with IDF computed over the examples themselves."""

    examples: list[Example] = field(default_factory=list)
    idf: dict[str, float] = field(default_factory=dict)
    _raw: list[Counter[str]] = field(default_factory=list)

    def add(self, label: str, text: str, weight: float = 1.0) -> None:
        if text.strip():
            self.examples.append(Example(label, text, weight))

    def build(self) -> Index:
        self._raw = [features(e.text) for e in self.examples]
        df: Counter[str] = Counter()
        for raw in self._raw:
            df.update(raw.keys())
        n = max(1, len(self._raw))
        self.idf = {f: math.log((n + 1) / (c + 0.5)) + 1.0 for f, c in df.items()}
        for example, raw in zip(self.examples, self._raw, strict=True):
            example.vector = self.vector_of(raw)
        return self

    def vector_of(self, raw: Counter[str]) -> Vector:
        default_idf = math.log(max(2, len(self.examples)) + 1.0) + 1.0
        vec = {
            f: (1.0 + math.log(c)) * WEIGHTS[f[0]] * self.idf.get(f, default_idf)
            for f, c in raw.items()
        }
        return _norm(vec)

    def query(self, text: str) -> Vector:
        return self.vector_of(features(text))

    def rank(
        self,
        text: str | Vector,
        *,
        measure: str = "cosine",
        adjust: Callable[[float, str], float] | None = None,
    ) -> list[tuple[str, float, str]]:
        """(label, score, best example) for every label, best first. `measure` is
        "cosine" (question against question) or "blended" (an answer against phrasings).
        `adjust(score, example)` changes each example's score before the best one per label is
        picked (the grader lowers examples whose negation differs from the sentence's)."""
        vec = self.query(text) if isinstance(text, str) else text
        sim = blended if measure == "blended" else cosine
        best: dict[str, tuple[float, str]] = {}
        for e in self.examples:
            score = sim(vec, e.vector) * e.weight
            if adjust is not None:
                score = adjust(score, e.text)
            if score > best.get(e.label, (-1.0, ""))[0]:
                best[e.label] = (score, e.text)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [(label, score, ex) for label, (score, ex) in ranked]


def build_index(items: Iterable[tuple[str, str, float]]) -> Index:
    index = Index()
    for label, text, weight in items:
        index.add(label, text, weight)
    return index.build()
