"""Language choice and bilingual text.

Every text a user sees exists in Korean and English. Data files carry both as `{ko, en}`;
code carries both as `say(lang, en=..., ko=...)`.
"""

from __future__ import annotations

import os
import re
from typing import Literal

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")


def resolve_lang(explicit: str | None = None) -> Lang:
    """`--lang`, else SYSDESIGN_LANG, else the locale (`ko_*` gives Korean), else English."""
    for candidate in (explicit, os.environ.get("SYSDESIGN_LANG")):
        if candidate:
            low = candidate.strip().lower()
            if low.startswith("ko"):
                return "ko"
            if low.startswith("en"):
                return "en"
            from sysdesign.errors import UsageError

            raise UsageError(
                f"unknown language {candidate!r}: use 'ko' or 'en' / "
                f"알 수 없는 언어 {candidate!r}: 'ko' 또는 'en'을 쓰세요"
            )
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def say(lang: str, *, en: str, ko: str) -> str:
    """Pick the text for `lang`."""
    return ko if lang == "ko" else en


# --- Korean particles (josa) -------------------------------------------------------------------
#
# A Korean particle changes with the sound that precedes it: 을/이/은/과/으로/아/이에요 after a
# final consonant (받침), 를/가/는/와/로/야/예요 after a vowel, and 로 (not 으로) after ㄹ.
# Messages put ids, numbers and file names before particles, so the helper must know how a Korean
# reader says them aloud.

_PAIRS: dict[frozenset[str], tuple[str, str]] = {
    frozenset(("을", "를")): ("을", "를"),
    frozenset(("이", "가")): ("이", "가"),
    frozenset(("은", "는")): ("은", "는"),
    frozenset(("과", "와")): ("과", "와"),
    frozenset(("으로", "로")): ("으로", "로"),
    frozenset(("아", "야")): ("아", "야"),
    frozenset(("이에요", "예요")): ("이에요", "예요"),
    frozenset(("이나", "나")): ("이나", "나"),
    frozenset(("이라", "라")): ("이라", "라"),
    frozenset(("이라고", "라고")): ("이라고", "라고"),
}

# Sound at the end of a word: None (no 받침), "ㄹ" (ㄹ 받침), "C" (any other 받침).
_Final = str | None
_RIEUL = "ㄹ"
_CONS = "C"

# Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
_DIGIT_FINAL: dict[str, _Final] = {
    "0": _CONS,  # 영 (공 too: both end in ㅇ)
    "1": _RIEUL,  # 일
    "2": None,  # 이
    "3": _CONS,  # 삼
    "4": None,  # 사
    "5": None,  # 오
    "6": _CONS,  # 육
    "7": _RIEUL,  # 칠
    "8": _RIEUL,  # 팔
    "9": None,  # 구
}
# Round numbers are read by their unit: 10 십, 100 백, 1000 천, 10000 만, 10^8 억, 10^12 조.
_TRAILING_ZEROS_FINAL: tuple[_Final, ...] = (
    _CONS,  # 1 zero: 십
    _CONS,  # 2: 백
    _CONS,  # 3: 천
    _CONS,  # 4: 만
    _CONS,  # 5: 십만
    _CONS,  # 6: 백만
    _CONS,  # 7: 천만
    _CONS,  # 8: 억
    _CONS,  # 9: 십억
    _CONS,  # 10: 백억
    _CONS,  # 11: 천억
    None,  # 12: 조
)
# Latin letters by their Korean names: 에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오
# 피 큐 알 에스 티 유 브이 더블유 엑스 와이 제트.
_LETTER_FINAL: dict[str, _Final] = {c: None for c in "abcdefghijkopqstuvwxyz"}
_LETTER_FINAL.update({"l": _RIEUL, "m": _CONS, "n": _CONS, "r": _RIEUL})
# Hangul compatibility jamo by their names (기역, 니은, …, 리을 ends in ㄹ).
_JAMO_FINAL: dict[str, _Final] = {c: _CONS for c in "ㄱㄲㄴㄷㄸㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"}
_JAMO_FINAL["ㄹ"] = _RIEUL
_SYMBOL_FINAL: dict[str, _Final] = {"%": None, "+": None}  # 퍼센트, 플러스
# Characters not spoken at the end of a quoted or bracketed word.
_SILENT_TAIL = " \t\n'\"`’”」』)]}>.,;:!?/\\*_-"
_VOWELS = set("aeiou")


def _word_final(word: str) -> _Final:
    """The final sound of an English word as Korean loanwords spell it.

    Rules, in order (외래어 표기법, simplified):
    - ``ng``, ``m``, ``n`` end in a 받침 (스트링, 스트림, 토큰); ``l``/``ll`` in ㄹ (풀, 테이블).
    - a silent ``e`` after ``m``/``n``/``l`` keeps that consonant (타임, 엔진, 파일, 테이블).
    - ``r`` after a vowel is not pronounced (서버, 브로커, 유저): vowel-final.
    - ``p``/``t``/``k``/``ck``/``pp`` right after one short vowel become a 받침 (앱, 챗, 버킷, 북, 락);
      after a cluster or a long vowel they take 으 (포스트, 오브젝트, 링크): vowel-final.
    - everything else ends in a vowel sound (레디스, 카프카, 캐시, 노드, 큐, 게이트웨이).
    """
    w = word.lower()
    if w.endswith("ng") or w[-1] in "mn":
        return _CONS
    if w[-1] == "l":
        return _RIEUL
    if w[-1] == "e" and len(w) >= 3 and w[-2] in "mnl" and w[-3] not in "mnl":
        return _RIEUL if w[-2] == "l" else _CONS
    if w.endswith("ck"):
        return _CONS
    if w[-1] in "ptk" and len(w) >= 3 and w[-2] == w[-1] and w[-3] in _VOWELS:
        return _CONS  # app 앱, watt 와트 is the exception we accept
    if w[-1] in "ptk" and len(w) >= 2 and w[-2] in _VOWELS:
        before = w[-3] if len(w) >= 3 else ""
        if w[-2:-1] == "o" and w[-3:-2] == "o":
            return _CONS  # book 북, hook 훅
        if before and before not in _VOWELS:
            return _CONS
    return None


def _final_sound(word: str) -> tuple[bool, _Final]:
    """Whether the end of `word` can be read, and its final sound."""
    text = word.rstrip(_SILENT_TAIL)
    if not text:
        return False, None
    last = text[-1]
    code = ord(last)
    if 0xAC00 <= code <= 0xD7A3:
        jong = (code - 0xAC00) % 28
        return True, None if jong == 0 else (_RIEUL if jong == 8 else _CONS)
    if last in _JAMO_FINAL:
        return True, _JAMO_FINAL[last]
    if last in _SYMBOL_FINAL:
        return True, _SYMBOL_FINAL[last]
    if last.isascii() and last.isdigit():
        number = ""
        for ch in reversed(text):
            if ch.isascii() and (ch.isdigit() or ch in ".,"):
                number = ch + number
            else:
                break
        number = number.lstrip(".,")
        if last != "0":
            return True, _DIGIT_FINAL[last]
        if "." in number:
            return True, _DIGIT_FINAL["0"]  # 2.0 → 이 점 영
        digits = number.replace(",", "")
        if digits.strip("0") == "":
            return True, _DIGIT_FINAL["0"]  # 0 → 영
        zeros = len(digits) - len(digits.rstrip("0"))
        return True, _TRAILING_ZEROS_FINAL[(zeros - 1) % len(_TRAILING_ZEROS_FINAL)]
    if last.isascii() and last.isalpha():
        token = ""
        for ch in reversed(text):
            if ch.isascii() and ch.isalpha():
                token = ch + token
            else:
                break
        spelled = len(token) == 1 or token.isupper() or not (_VOWELS & set(token.lower()))
        if spelled:
            return True, _LETTER_FINAL[last.lower()]
        return True, _word_final(token)
    return False, None


def particle(word: str, pair: str) -> str:
    """The particle of `pair` (``"을/를"``, ``"이/가"``, ``"은/는"``, ``"와/과"``, ``"으로/로"``,
    ``"아/야"``, ``"이에요/예요"``, ``"이나/나"``, ``"이라/라"``, ``"이라고/라고"``; either order)
    that follows `word` as a Korean reader says it.

    - Hangul by its final consonant (받침); ㄹ takes 로, not 으로.
    - Digits in Sino-Korean (1 일, 2 이, 3 삼, 6 육, 0 영); round numbers by their unit
      (10 십, 100 백, 1,000 천, 10,000 만); ``1.5`` by its last digit.
    - A single Latin letter, an all-caps acronym (``API``, ``CDN``) or a lower-case token with no
      vowel (``db``, ``lb``, ``sql``, ``png``) by the Korean name of its last letter: l 엘 and
      r 알 end in ㄹ, m 엠 and n 엔 in a 받침, the rest in a vowel (비, 케이, 에스).
    - Any other English word by the loanword rule in `_word_final` (redis 레디스, kafka 카프카,
      server 서버 are vowel-final; stream 스트림, chat 챗, wallet 월렛 are not).
    - Ids and paths by their last part: ``db-1`` → 일, ``design.yaml`` → yaml (ㄹ),
      ``'recon'`` → recon. Trailing quotes, brackets and punctuation are not read.
    - Nothing readable (empty string, emoji): the form after a consonant, which reads as a
      slightly formal but acceptable choice.
    """
    key = frozenset(pair.split("/"))
    if key not in _PAIRS:
        raise ValueError(f"unknown particle pair {pair!r}")
    after_consonant, after_vowel = _PAIRS[key]
    known, final = _final_sound(word)
    if not known:
        return after_consonant
    if final is None:
        return after_vowel
    if final == _RIEUL and after_consonant == "으로":
        return after_vowel
    return after_consonant


def josa(word: object, pair: str) -> str:
    """`word` followed by the particle of `pair` that fits it: ``josa("redis", "을/를")`` →
    ``"redis를"``, ``josa("db-1", "으로/로")`` → ``"db-1로"``. See `particle` for the rules."""
    text = str(word)
    return text + particle(text, pair)


# --- Bilingual values in stored results ----------------------------------------------------------
#
# Results that are stored (a session's report) keep every text in both languages, as a
# ``{"en": ..., "ko": ...}`` mapping, so the language is chosen when the result is shown.


def bi(en: str, ko: str) -> dict[str, str]:
    """A text in both languages, as stored results hold it."""
    return {"en": en, "ko": ko}


def bi_of(text: object) -> dict[str, str]:
    """`text` (a data file's ``{ko, en}`` model, a mapping, or a plain string) as a stored pair."""
    if isinstance(text, str):
        return {"en": text, "ko": text}
    if isinstance(text, dict):
        en = str(text.get("en") or text.get("ko") or "")
        return {"en": en, "ko": str(text.get("ko") or en)}
    en = str(getattr(text, "en", "") or "")
    ko = str(getattr(text, "ko", "") or en)
    return {"en": en, "ko": ko}


def is_bi(value: object) -> bool:
    """Whether `value` is a stored pair: a mapping whose keys are languages, English among them."""
    return isinstance(value, dict) and "en" in value and set(value) <= set(LANGS)


def localise(value: object, lang: str) -> object:
    """`value` with every stored pair replaced by its text in `lang` (English when missing)."""
    if is_bi(value):
        assert isinstance(value, dict)
        return localise(value.get(lang, value["en"]), lang)
    if isinstance(value, dict):
        return {k: localise(v, lang) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [localise(v, lang) for v in value]
    return value


def bi_join(sep: str, items: list[dict[str, str]] | list[str]) -> dict[str, str]:
    """Stored pairs (or plain strings) joined with `sep` in each language."""
    pairs = [bi_of(i) for i in items]
    return {lang: sep.join(p[lang] for p in pairs) for lang in ("en", "ko")}


def bi_merge(en_value: object, ko_value: object) -> object:
    """Two renderings of one result, one per language, merged field by field: what both
    languages say alike stays as it is, what differs becomes a stored pair."""
    if en_value == ko_value:
        return en_value
    if isinstance(en_value, dict) and isinstance(ko_value, dict) and set(en_value) == set(ko_value):
        return {k: bi_merge(en_value[k], ko_value[k]) for k in en_value}
    if isinstance(en_value, list) and isinstance(ko_value, list) and len(en_value) == len(ko_value):
        return [bi_merge(a, b) for a, b in zip(en_value, ko_value, strict=True)]
    return {"en": en_value, "ko": ko_value}


# --- One half of an "English. / 한국어." text ------------------------------------------------------

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SEPARATOR = re.compile(r"\s/\s")
_EXTRA = re.compile(r"(\s+\[[^\[\]]*\])$")  # "  [required]", "  [default: 3]" after the text
_ASIDE = re.compile(r"\s*\(([^()]*?)\s/\s([^()]*)\)$")


def pick(text: str, lang: str) -> str:
    """The `lang` half of a text written "English. / 한국어." (help lines, error messages); any
    other text as it is. The halves part at the first " / " with no Hangul before it and Hangul
    after it (so "PNG/SVG" or "100M/day" never split); a bracketed extra ("  [required]") and a
    bilingual aside at the end ("(did you mean 'x'? / 혹시 'x'?)") are kept with either half."""
    if not text or not _HANGUL.search(text):
        return text
    extra = ""
    m = _EXTRA.search(text)
    if m:
        extra, text = m.group(1), text[: m.start()]
    m = _ASIDE.search(text)
    if m and not _HANGUL.search(m.group(1)) and _HANGUL.search(m.group(2)):
        aside = m.group(2) if lang == "ko" else m.group(1)
        return pick(text[: m.start()], lang) + f" ({aside.strip()})" + extra
    for sep in _SEPARATOR.finditer(text):
        left, right = text[: sep.start()], text[sep.end() :]
        if not _HANGUL.search(left) and _HANGUL.search(right):
            chosen = right if lang == "ko" else left
            return chosen.strip() + extra
    return text + extra
