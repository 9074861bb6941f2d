"""What kind of line the candidate typed: a question to the interviewer, or something said.

A candidate asks "Roughly how big is the user base?" without typing the `?` prefix; the
session must hear a question. A line is a question when its only sentence reads as one:

- English: it ends with "?" and asks (a wh-word such as "how", "what", "which", or it opens
  with an auxiliary: "is", "do", "can", "should"…). "Maybe 100:1?" is a tentative answer, not
  a question.
- Korean: it ends with an interrogative ending (「~나요」, 「~까요」, 「~인가요」, 「~습니까」,
  「~는지요」), with or without "?", or it ends with "?" and holds a question word (몇, 얼마,
  어떻게, 무엇/뭐, 언제, 어디, 누가, 왜, 어느).

A line of several sentences that ends in a question ("We shard by user. Does that hold?") is
an answer that checks in, not a question for the facts.
"""

from __future__ import annotations

import re
import unicodedata

_SENTENCE_END = re.compile(r"[.!?。？！](?=\s|$)")
_WORD = re.compile(r"[a-z']+")
_EN_WH = frozenset(
    ["what", "whats", "what's", "how", "which", "who", "whom", "whose", "when", "where", "why"]
)
_EN_AUX = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "am",
        "do",
        "does",
        "did",
        "can",
        "could",
        "should",
        "would",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "have",
        "has",
        "had",
        "any",
        "isn't",
        "aren't",
        "don't",
        "doesn't",
        "can't",
        "won't",
    ]
)
_KO_ENDINGS = (
    "나요",
    "까요",
    "가요",
    "습니까",
    "입니까",
    "합니까",
    "됩니까",
    "는지요",
    "은지요",
    "던가요",
    "인지요",
)
# Polite or plain endings that, before a "?", ask ("비율은요?", "돼요?", "되죠?", "뭐니?").
_KO_ASKING = ("요", "죠", "니", "냐")
_KO_WH = (
    "몇",
    "얼마",
    "어떻게",
    "어떤",
    "무엇",
    "뭐",
    "뭔",
    "언제",
    "어디",
    "누가",
    "누구",
    "왜",
    "어느",
)


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    return parts or [text]


def is_question(text: str) -> bool:
    """Whether a free line is one question to the interviewer (see the module's doc)."""
    line = unicodedata.normalize("NFKC", text).strip()
    if not line:
        return False
    ends_with_mark = line.endswith("?")
    body = line.rstrip("?!. ")
    if len(_sentences(body)) > 1:
        return False
    hangul = re.findall(r"[\uac00-\ud7a3]+", body)
    if hangul:
        last = hangul[-1] if body.endswith(hangul[-1]) else ""
        if last and last.endswith(_KO_ENDINGS):
            return True
        if ends_with_mark and last.endswith(_KO_ASKING):
            return True
        return ends_with_mark and any(word.startswith(_KO_WH) for word in hangul)
    if not ends_with_mark:
        return False
    words = _WORD.findall(body.lower())
    if len(words) < 3:
        return False
    return words[0] in _EN_AUX or any(w in _EN_WH for w in words)
