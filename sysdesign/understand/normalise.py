"""Text normalisation for Korean and English: the one place the project does it.

- `normalise`: NFKC, lower case, punctuation to spaces, single spaces.
- `strip_korean`: Korean particles and endings stripped repeatedly, so stacked ones go
  ("서버에서의" → "서버", "저장하나요" → "저장"). One list, longest first.
- `stem_english`: plurals and common inflections ("caches", "cached", "caching" → "cach").
- `tokens`: the stems of a text, in order.
- `has_term`: whether a keyword occurs in a text; Korean keywords of two syllables or fewer
  match whole tokens only ("감사" is not in "감사합니다").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s.%]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_DOT_NOT_DECIMAL = re.compile(r"(?<!\d)\.|\.(?!\d)")
_NUM_UNIT = re.compile(r"(\d)([a-z가-힣%])")

# Verb and copula endings (after a noun or a 하다/되다 stem), then particles. Stripped
# repeatedly, longest first, from the end of a Hangul token.
ENDINGS: tuple[str, ...] = (
    "었어요",
    "았어요",
    "였어요",
    "었나요",
    "았나요",
    "거든요",
    "잖아요",
    "는데요",
    "을까요",
    "으려면",
    "으니까",
    "이어야",
    "여야",
    "어야",
    "아야",
    "여서",
    "어요",
    "아요",
    "어서",
    "아서",
    "네요",
    "군요",
    "는데",
    "지만",
    "면서",
    "으면",
    "니까",
    "려면",
    "는지",
    "을지",
    "하려면",
    "하는지",
    "되는지",
    "해야",
    "하나요",
    "할까요",
    "합니까",
    "합니다",
    "했나요",
    "했어요",
    "하세요",
    "해요",
    "하죠",
    "하는",
    "하면",
    "하고",
    "하기",
    "해서",
    "했",
    "할",
    "한",
    "되나요",
    "될까요",
    "됩니다",
    "돼야",
    "되어야",
    "되는",
    "되면",
    "되고",
    "되어",
    "돼요",
    "된",
    "될",
    "시키",
    "입니까",
    "입니다",
    "인가요",
    "일까요",
    "이에요",
    "인지",
    "인가",
    "이죠",
    "예요",
    "이고",
    "이면",
    "이라",
    "이라는",
    "라는",
    "이랑",
    "나요",
    "까요",
    "가요",
    "죠",
    "요",
)
PARTICLES: tuple[str, ...] = (
    "에서는",
    "에서도",
    "에서의",
    "으로는",
    "으로도",
    "으로의",
    "에게서",
    "에게는",
    "까지는",
    "부터는",
    "에서",
    "에게",
    "한테",
    "께서",
    "으로",
    "이나",
    "처럼",
    "보다",
    "까지",
    "부터",
    "마다",
    "조차",
    "밖에",
    "이랑",
    "하고",
    "와의",
    "과의",
    "에는",
    "에도",
    "에의",
    "로는",
    "로도",
    "로의",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "로",
    "와",
    "과",
    "도",
    "나",
    "랑",
    "뿐",
)
_SUFFIXES: tuple[str, ...] = tuple(sorted({*ENDINGS, *PARTICLES}, key=len, reverse=True))
_PARTICLES_ONLY: tuple[str, ...] = tuple(sorted(PARTICLES, key=len, reverse=True))
# A one-syllable ending may leave a one-syllable word only for these (초는 → 초, 명을 → 명);
# others would cut real words (속도 → 속, 평가 → 평, 회의 → 회).
_ONE_SYLLABLE_OK = frozenset("은는을를")


def normalise(text: str) -> str:
    """Lower case, NFKC, punctuation to spaces (decimal points and % kept), single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("_", " ")
    text = _PUNCT.sub(" ", text)
    text = _DOT_NOT_DECIMAL.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def is_hangul(token: str) -> bool:
    return bool(_HANGUL.search(token))


@lru_cache(maxsize=65536)
def strip_korean(token: str, *, endings: bool = True) -> str:
    """Strip particles (and, unless `endings=False`, verb endings) from the end of a Korean
    token, repeatedly."""
    if not _HANGUL.search(token):
        return token
    suffixes = _SUFFIXES if endings else _PARTICLES_ONLY
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if not token.endswith(suffix):
                continue
            rest = len(token) - len(suffix)
            if rest >= 2 or (rest == 1 and (len(suffix) >= 2 or suffix in _ONE_SYLLABLE_OK)):
                token = token[:rest]
                changed = True
                break
    return token


_DOUBLED = re.compile(r"([bdgmnprt])\1$")


@lru_cache(maxsize=65536)
def stem_english(word: str) -> str:
    """A light stemmer: plurals, -ing, -ed, a final -e. Same stem for related forms."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    w = word
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses") or (w.endswith("es") and re.search(r"(s|x|z|ch|sh)es$", w)):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        w = _DOUBLED.sub(r"\1", w)
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
        w = _DOUBLED.sub(r"\1", w)
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    return w


_VERB_ENDING_START = tuple("하해했할한합되돼됩될된시")


def whole_word(token: str) -> bool:
    """Whether a Korean token, once stripped, is a word on its own rather than the stem of a
    하다/되다 verb ("최신이어야" → 최신: yes; "감사합니다" → 감사: no, it says thanks)."""
    stem_ = strip_korean(token)
    rest = token[len(stem_) :]
    return not rest.startswith(_VERB_ENDING_START)


def split_units(text: str) -> str:
    """'500ms' → '500 ms', '10만명' → '10 만명': numbers apart from what follows them."""
    return _NUM_UNIT.sub(r"\1 \2", text)


def stem(token: str) -> str:
    return strip_korean(token) if _HANGUL.search(token) else stem_english(token)


def tokens(text: str) -> list[str]:
    """The stems of a text, in order."""
    return [stem(t) for t in split_units(normalise(text)).split()]


def has_term(term: str, text: str) -> bool:
    """Whether `term` (a keyword or phrase) occurs in `text`, comparing stems.

    A Korean term longer than two syllables may also occur inside a token or across a space
    ("레디스클러스터"); one of two syllables or fewer must match a whole token.
    """
    term_tokens = tokens(term)
    if not term_tokens:
        return False
    joined_term = "".join(term_tokens)
    if is_hangul(joined_term) and len(joined_term) <= 2:
        # a short Korean word: a whole token, not the stem of a verb (감사 ≠ 감사합니다)
        raw = split_units(normalise(text)).split()
        return any(strip_korean(t) == joined_term and whole_word(t) for t in raw)
    text_tokens = tokens(text)
    n = len(term_tokens)
    for i in range(len(text_tokens) - n + 1):
        if text_tokens[i : i + n] == term_tokens:
            return True
    if is_hangul(joined_term):
        return joined_term in "".join(text_tokens) or joined_term in normalise(text).replace(
            " ", ""
        )
    return False
