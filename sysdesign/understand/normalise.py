"""Text normalisation for Korean and English: the one place the project does it.

- `normalise`: NFKC, lower case, punctuation to spaces, single spaces.
- `strip_korean`: Korean particles and endings stripped repeatedly, so stacked ones go
  ("서버에서의" → "서버", "저장하나요" → "저장"). One list, longest first; then the verb
  forms a list cannot undo, read syllable by syllable: past 었/았 ("끊겼다" → "끊기",
  "읽었는지" → "읽"), contracted 어/아 ("바꿔야" → "바꾸", "보여야" → "보이", "써야" → "쓰"),
  honorific past ("보내셨나요" → "보내") and ㅂ니다 ("봅니다" → "보").
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
    "으세요",
    "세요",
    "하였",
    "되었",
    "하셨",
    "되셨",
    "하시",
    "되시",
    "이라서",
    "라서",
    "이라고",
    "라고",
    "하다고",
    "한다고",
    "된다고",
    "이라도",
    "라도",
    "이지만",
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
    "해",
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
    "됐",
    "돼",
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
    "한테서",
    "에게만",
    "한테만",
    "에서만",
    "까지만",
    "으로만",
    "로만",
    "에만",
    "에다가",
    "으로서",
    "에게는",
    "까지는",
    "부터는",
    "에서",
    "에다",
    "로서",
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
    "들",  # plural: 사용자들에게는 → 사용자
    "별",  # per: 링크별로 → 링크 (a two-syllable word keeps it: 특별, 개별)
)
_SUFFIXES: tuple[str, ...] = tuple(sorted({*ENDINGS, *PARTICLES}, key=len, reverse=True))
_PARTICLES_ONLY: tuple[str, ...] = tuple(sorted(PARTICLES, key=len, reverse=True))
_PARTICLE_SET = frozenset(PARTICLES)
# A one-syllable ending may leave a one-syllable word only for these (초는 → 초, 명을 → 명,
# 안에 → 안); others would cut real words (속도 → 속, 평가 → 평, 회의 → 회, 아이 → 아) ...
_ONE_SYLLABLE_OK = frozenset("은는을를에")
# ... unless what is left is a one-syllable noun that often carries one: bound nouns, units
# and counters, common short nouns and loanwords (수가 → 수, 앱이 → 앱, 키가 → 키, 핑이 → 핑).
_ONE_SYLLABLE_NOUNS = frozenset(
    "수양값키글폰앱돈판건개명초분일달곳쪽때뒤앞후전중칸줄층표맵팀핑랙봇룸"
)


# Common Korean spellings of loanwords, to the standard one (메세지 → 메시지, 푸쉬 → 푸시).
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("어플리케이션", "애플리케이션"),
    ("메세지", "메시지"),
    ("푸쉬", "푸시"),
    ("컨텐츠", "콘텐츠"),
    ("메뉴얼", "매뉴얼"),
    ("캐쉬", "캐시"),
    ("쓰레드", "스레드"),
)
_VARIANT = re.compile("|".join(v for v, _ in _VARIANTS))
_STANDARD = dict(_VARIANTS)


def normalise(text: str) -> str:
    """Lower case, NFKC, common Korean loanword spellings to the standard one, punctuation to
    spaces (decimal points and % kept), single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("_", " ")
    text = _VARIANT.sub(lambda m: _STANDARD[m.group(0)], text)
    text = _PUNCT.sub(" ", text)
    text = _DOT_NOT_DECIMAL.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def is_hangul(token: str) -> bool:
    return bool(_HANGUL.search(token))


# Particles that end a word: once something after them was stripped, a word ending in one of
# these syllables ends in a noun's own syllable (재시도 + 해도, 한도 + 를).
_OUTER_ONLY = frozenset(
    ["은", "는", "이", "가", "을", "를", "도", "의", "나", "랑", "뿐", "요", "죠"]
)

# 면 after a vowel is the conditional ending (끊기면, 바뀌면) except in nouns that end in
# 면: 화면, 측면, 표면, 장면, 방면, 정면, 평면, 곡면, 단면, 국면, 냉면, 양면 (two-syllable ones
# are never cut: a one-syllable ending needs two syllables before it).
_NOUN_BEFORE_MYEON = frozenset("화측표장방정평곡단국냉양")

# Hangul syllable arithmetic: syllable = 0xAC00 + (initial * 21 + vowel) * 28 + final.
_BASE = 0xAC00
_SS, _B = 20, 17  # finals ㅆ, ㅂ
_TENSE_INITIALS = frozenset({1, 4, 10})  # ㄲ ㄸ ㅆ: 꺼 → 끄, 떠 → 뜨, 써 → 쓰
_H_INITIAL = 18  # ㅎ
# vowel of a 어/아-contracted syllable → the stem's own vowel: ㅘ→ㅗ, ㅝ→ㅜ, ㅕ→ㅣ, ㅙ→ㅚ
_UNCONTRACT = {9: 8, 14: 13, 6: 20, 10: 11}
_EO, _EU, _AE, _A = 4, 18, 1, 0  # ㅓ ㅡ ㅐ ㅏ
# what follows a past-tense syllable (끊겼다, 있었어, 했고, 봤지, 갔던, 막았습니다)
_AFTER_PAST: tuple[str, ...] = (
    "습니다",
    "습니까",
    "어도",
    "어서",
    "다",
    "어",
    "고",
    "지",
    "네",
    "던",
    "니",
    "음",
)
# what follows a contracted 어/아 form (바꿔야, 보여서, 봐요)
_AFTER_EO: tuple[str, ...] = ("야지", "야", "서", "요")


def _parts(ch: str) -> tuple[int, int, int] | None:
    code = ord(ch) - _BASE
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _final(ch: str) -> int:
    p = _parts(ch)
    return p[2] if p is not None else -1


def _syllable(initial: int, vowel: int, final: int = 0) -> str:
    return chr(_BASE + (initial * 21 + vowel) * 28 + final)


def _uncontract(ch: str, *, past: bool, single: bool) -> str | None:
    """The stem syllable before a contracted 어/아 (and, if `past`, 었/았): 겼 → 기, 봐 → 보,
    써 → 쓰, 했 → 하. None when `ch` is not such a syllable."""
    p = _parts(ch)
    if p is None:
        return None
    initial, vowel, final = p
    if final != (_SS if past else 0):
        return None
    if vowel in _UNCONTRACT and (past or vowel != 9 or single):
        return _syllable(initial, _UNCONTRACT[vowel])
    if vowel == _EO and initial in _TENSE_INITIALS:
        return _syllable(initial, _EU)
    if past:
        if vowel == _AE and initial == _H_INITIAL:
            return _syllable(initial, _A)
        return _syllable(initial, vowel)  # 갔 → 가, 보냈 → 보내, 섰 → 서
    return None


def _verb_form(token: str) -> str | None:
    """One step of undoing a verb form that a suffix list cannot: the token shorter, or None."""
    last = token[-1]
    if token in ("해도", "돼도"):  # 안 해도 돼요
        return "하" if token == "해도" else "되"
    if len(token) >= 2:
        for tail in _AFTER_PAST:
            if token.endswith(tail) and len(token) > len(tail):
                p = _parts(token[-len(tail) - 1])
                if p is not None and p[2] == _SS:
                    return token[: -len(tail)]
        for tail in _AFTER_EO:
            if token.endswith(tail) and len(token) > len(tail):
                body = token[: -len(tail)]
                if body in ("해", "돼"):  # 해요, 돼야 on their own: 하다, 되다
                    return "하" if body == "해" else "되"
                if body[-1] in "해돼":  # 지원돼요, 필요해야: the suffix list's job
                    return None
                if body[-1] == "여" and len(body) >= 3:  # 이하여야: the copula after a noun
                    return body[:-1]
                stem_ = _uncontract(body[-1], past=False, single=len(body) == 1)
                if stem_ is not None:
                    return body[:-1] + stem_
        if token.endswith(("니다", "니까")) and len(token) >= 3 and token[-3] not in "합됩입":
            p = _parts(token[-3])
            if p is not None and p[2] == _B:  # 봅니다 → 보, 바뀝니다 → 바뀌
                return token[:-3] + _syllable(p[0], p[1])
    if (
        last == "면"
        and len(token) >= 3
        and _final(token[-2]) == 0
        and token[-2] not in _NOUN_BEFORE_MYEON
        and token[-2] not in "하되으려"  # 하면, 되면, 으면, 려면: the suffix list's job
    ):
        return token[:-1]  # 끊기면 → 끊기, 넘어가면 → 넘어가 (not 메인화면)
    p = _parts(last)
    if p is None or p[2] != _SS or last == "있":
        return None
    for verb in ("하셨", "되셨", "하였", "되었", "했", "됐"):  # 확인하셨 → 확인, 갱신됐 → 갱신
        if token.endswith(verb) and len(token) - len(verb) >= 2:
            return token[: -len(verb)]
    if last == "였" and len(token) == 2:  # 보였 → 보이, 쌓였 → 쌓이 (but 서버였 → 서버)
        return token[0] + "이"
    if last in "었았였셨겠" and len(token) >= 2:  # 읽었 → 읽, 보내셨 → 보내, 있겠 → 있
        return token[:-1]
    stem_ = _uncontract(last, past=True, single=len(token) == 1)
    return token[:-1] + stem_ if stem_ is not None else None


@lru_cache(maxsize=65536)
def strip_korean(token: str, *, endings: bool = True) -> str:
    """Strip particles (and, unless `endings=False`, verb endings) from the end of a Korean
    token, repeatedly."""
    if not _HANGUL.search(token):
        return token
    suffixes = _SUFFIXES if endings else _PARTICLES_ONLY
    last = ""  # what the previous round stripped ("" before the first)
    changed = True
    while changed:
        changed = False
        if endings:
            shorter = _verb_form(token)
            if shorter is not None and shorter != token:
                token, last, changed = shorter, "~", True
                continue
        for suffix in suffixes:
            if not token.endswith(suffix):
                continue
            if suffix in _OUTER_ONLY and last not in ("", "요", "죠"):
                continue  # 재시도해도 → 재시도, not 재시: 도 cannot sit inside another ending
            rest = len(token) - len(suffix)
            if suffix[0] in "어아" and rest and _final(token[rest - 1]) == 0:
                continue  # 어/아 stands apart only after a consonant: 먹어요, not 이어서 → 이
            if (
                rest >= 2
                or (rest == 1 and (len(suffix) >= 2 or suffix in _ONE_SYLLABLE_OK))
                or (
                    rest == 1
                    and token[0] in _ONE_SYLLABLE_NOUNS
                    and suffix in _PARTICLE_SET
                    and suffix != "별"
                )
            ):
                token, last, changed = token[:rest], suffix, True
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


_WORD_REST = re.compile(r"\S*")


def _unit(m: re.Match[str]) -> str:
    rest = _WORD_REST.match(m.string, m.start(2))
    if rest is not None and rest.group(0) in _PARTICLE_SET:
        return m.group(0)
    return f"{m.group(1)} {m.group(2)}"


_VERB_ENDING_START = tuple("하해했할한합되돼됩될된시")


def whole_word(token: str) -> bool:
    """Whether a Korean token, once stripped, is a word on its own rather than the stem of a
    하다/되다 verb ("최신이어야" → 최신: yes; "감사합니다" → 감사: no, it says thanks)."""
    stem_ = strip_korean(token)
    rest = token[len(stem_) :]
    return not rest.startswith(_VERB_ENDING_START)


def split_units(text: str) -> str:
    """'500ms' → '500 ms', '10만명' → '10 만명': numbers apart from what follows them, but
    not from a particle ('3초에서' → '3 초에서', 's3에서' stays, so it strips to 's3')."""
    return _NUM_UNIT.sub(_unit, text)


def stem(token: str) -> str:
    return strip_korean(token) if _HANGUL.search(token) else stem_english(token)


_RIEUL = 8  # final ㄹ


def _before_bound_noun(word: str, nxt: str, after: str) -> str | None:
    """The stem of a verb's ㄹ form before 수 있다/없다 or 거/것: "바꿀 수 있나요" → 바꾸,
    "늘어날 거예요" → 늘어나; None if `word` is not one. (Before 때 it is not read as one:
    "세일 때", "설 때" are nouns.)"""
    if not nxt or word.endswith("을") or (len(word) > 1 and word.endswith(("할", "될"))):
        return None  # 먹을, 처리할: the suffix list's job
    p = _parts(word[-1])
    if p is None or p[2] != _RIEUL:
        return None
    bound = strip_korean(nxt, endings=False) == "수" and after.startswith(("있", "없"))
    if bound or nxt.startswith(("거", "것", "겁")):
        return word[:-1] + _syllable(p[0], p[1])
    return None


def tokens(text: str) -> list[str]:
    """The stems of a text, in order (one per spaced word)."""
    words = [*split_units(normalise(text)).split(), "", ""]
    out: list[str] = []
    for i, word in enumerate(words[:-2]):
        verb = _before_bound_noun(word, words[i + 1], words[i + 2])
        out.append(verb if verb is not None else stem(word))
    return out


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
