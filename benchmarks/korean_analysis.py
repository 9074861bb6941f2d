"""Korean analysis, measured: the project's suffix stripper against kiwipiepy.

Run: .venv/bin/python benchmarks/korean_analysis.py [--json] [--misses]
     (in a venv where kiwipiepy is installed, it measures kiwi too:
      /work/kiwi-venv/bin/python benchmarks/korean_analysis.py)

Figures:
- (a) exact-stem accuracy on `PHRASES` (and on `HELD_OUT`, written after the stripper was
  changed against `PHRASES`): hard Korean phrases (stacked particles, verb endings,
  irregular and contracted verbs, honorifics, 해요체, spacing variants, loanwords, compound
  nouns, numbers with counters, short homonyms), each with the content stems a Korean reader
  finds in it. A phrase is right when the analyser's content stems, joined, equal the expected
  ones joined (so "개발팀" and "개발"+"팀" both count: compound segmentation is not judged).
  Function words are dropped from both analysers' output with the matcher's own stop list.
  Analysers: the project's `tokens` (`strip_korean`); kiwi's content morphemes over the whole
  phrase (`kiwi`); kiwi used word by word as a drop-in stemmer (`kiwi-words`, what (b) plugs in).
- (b) fact-retrieval top-1 on the Korean questions of tests/data/understanding/questions.yaml,
  with the project's tokeniser and with kiwi plugged in as the Korean stemmer of
  `sysdesign.understand.normalise.tokens` (monkeypatched here, nowhere else).
- (c) cost: the import time of the project's normaliser; kiwi's import + model load time,
  resident memory added, and the size of its model on disk.

The phrases were written for this benchmark from Korean morphology, not from the dev set.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout's sysdesign, whichever venv runs it
QUESTIONS = ROOT / "tests" / "data" / "understanding" / "questions.yaml"

# (phrase, category, expected content stems; "|" separates acceptable alternatives).
# Verbs and adjectives are given as their stem without 다 (끊기다 → 끊기); 하다/되다 verbs as
# their noun (저장하다 → 저장); auxiliary verbs (주다, 두다, 놓다, 있다 after 어/고), the
# copula, honorific 시, negation 안/못 and dependent nouns (수, 것, 때) are not content.
PHRASES: list[tuple[str, str, str]] = [
    ("서버에서의", "stacked particles", "서버"),
    ("캐시로는", "stacked particles", "캐시"),
    ("클라이언트에게서도", "stacked particles", "클라이언트"),
    ("해시값으로는", "stacked particles", "해시값"),
    ("데이터베이스까지는", "stacked particles", "데이터베이스"),
    ("사용자들에게는", "stacked particles", "사용자"),
    ("레디스에다가", "stacked particles", "레디스"),
    ("저장하나요", "verb endings", "저장"),
    ("처리해야", "verb endings", "처리"),
    ("반영되나요", "verb endings", "반영"),
    ("끊겼다", "verb endings", "끊기"),
    ("봐줄 수 있어요", "verb endings", "보"),
    ("보여야 하나요", "verb endings", "보이"),
    ("바꿀 수 있나요", "verb endings", "바꾸"),
    ("바꿔야 하나요", "verb endings", "바꾸"),
    ("읽었는지", "verb endings", "읽"),
    ("갱신됐어요", "verb endings", "갱신"),
    ("주문했는데", "verb endings", "주문"),
    ("막으려면", "verb endings", "막"),
    ("몰리는 시간대에는", "verb endings", "몰리 시간대"),
    ("요청이 몰릴 때", "verb endings", "요청 몰리"),
    ("결제가 실패하면", "verb endings", "결제 실패"),
    ("메시지큐에 넣어 두면", "verb endings", "메시지큐 넣"),
    ("보내셨나요", "honorifics", "보내"),
    ("확인하셨어요", "honorifics", "확인"),
    ("원하시나요", "honorifics", "원하"),
    ("알림을 보내 주세요", "honorifics", "알림 보내"),
    ("괜찮을까요", "해요체", "괜찮"),
    ("괜찮아요", "해요체", "괜찮"),
    ("필요해요", "해요체", "필요"),
    ("지원돼요", "해요체", "지원"),
    ("보관해 둬야 해요", "해요체", "보관"),
    ("로그인돼 있을 수 있어요", "해요체", "로그인"),
    ("접속해 있는지도", "해요체", "접속"),
    ("푸시 알림이 안 와요", "해요체", "푸시 알림 오"),
    ("써야 돼요", "해요체", "쓰"),
    ("저장 하나요", "spacing", "저장"),
    ("동시 접속자 수가", "spacing", "동시 접속자"),
    ("동시접속자 수가", "spacing", "동시접속자"),
    ("레디스 클러스터로", "spacing", "레디스 클러스터"),
    ("레디스클러스터로", "spacing", "레디스클러스터"),
    ("레디스에", "loanwords", "레디스"),
    ("카프카로", "loanwords", "카프카"),
    ("샤딩해서", "loanwords", "샤딩"),
    ("파티셔닝된", "loanwords", "파티셔닝"),
    ("API를", "loanwords", "api"),
    ("S3에서", "loanwords", "s3"),
    ("개발팀은", "compound nouns", "개발팀"),
    ("복제본이에요", "compound nouns", "복제본"),
    ("트래픽이라서", "compound nouns", "트래픽"),
    ("만료된 링크는", "compound nouns", "만료 링크"),
    ("10만명이", "numbers", "10 만 명"),
    ("초당 5천건", "numbers", "초당 5 천 건|초 5 천 건"),
    ("3초 안에", "numbers", "3 초 안"),
    ("하루 100개를", "numbers", "하루 100 개"),
    ("감사합니다", "homonyms", "감사"),
    ("감사 로그를", "homonyms", "감사 로그"),
    ("읽음 표시가 필요해요", "homonyms", "읽음 표시 필요|읽 표시 필요"),
]

# Held out: written after the stripper was changed against PHRASES, and never used to change
# it, so it shows how far those changes carry to words they were not written for.
HELD_OUT: list[tuple[str, str, str]] = [
    ("데이터센터에서도", "stacked particles", "데이터센터"),
    ("관리자에게만", "stacked particles", "관리자"),
    ("파일로부터", "stacked particles", "파일"),
    ("게이트웨이까지도", "stacked particles", "게이트웨이"),
    ("샤드별로", "stacked particles", "샤드별|샤드"),
    ("복구했나요", "verb endings", "복구"),
    ("느려졌어요", "verb endings", "느리"),
    ("올렸는데", "verb endings", "올리"),
    ("지웠어요", "verb endings", "지우"),
    ("배웠던", "verb endings", "배우"),
    ("맡겨야", "verb endings", "맡기"),
    ("옮겨서", "verb endings", "옮기"),
    ("나눠서", "verb endings", "나누"),
    ("걸려요", "verb endings", "걸리"),
    ("줄여야", "verb endings", "줄이"),
    ("막혔을 때", "verb endings", "막히"),
    ("쌓였는지", "verb endings", "쌓이"),
    ("늘어났어요", "verb endings", "늘어나"),
    ("기다리셨나요", "honorifics", "기다리"),
    ("알려 주세요", "honorifics", "알리"),
    ("설명해 주시겠어요", "honorifics", "설명"),
    ("궁금해요", "해요체", "궁금"),
    ("어려워요", "해요체", "어렵"),
    ("빨라야", "해요체", "빠르"),
    ("백업 안 해도 돼요", "해요체", "백업"),
    ("캐싱하면", "loanwords", "캐싱"),
    ("인덱스를", "loanwords", "인덱스"),
    ("쿠버네티스로", "loanwords", "쿠버네티스"),
    ("로드밸런서가", "loanwords", "로드밸런서"),
    ("결제팀이랑", "compound nouns", "결제팀"),
    ("주문번호별로", "compound nouns", "주문번호별|주문번호"),
    ("하루 5천만 건이", "numbers", "하루 5 천만 건"),
    ("초당 2만 건까지", "numbers", "초당 2 만 건|초 2 만 건"),
    ("30일 동안", "numbers", "30 일 동안"),
    ("로그 감사는", "homonyms", "로그 감사"),
    ("감사했어요", "homonyms", "감사"),
    ("전송 중에", "spacing", "전송 중"),
    ("사용자 수는", "spacing", "사용자"),
    ("동시 접속이 몰리면", "spacing", "동시 접속 몰리"),
    ("레이턴시가 튀면", "loanwords", "레이턴시 튀"),
]

KIWI_CONTENT = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "SL", "SN", "SH", "XR", "VV", "VA"})
KIWI_SUFFIX_KEEP = "XSN"  # noun-forming suffixes (자, 률, 당) belong to their noun; 들 does not


def _drop_stop(stems: list[str]) -> list[str]:
    from sysdesign.understand.match import STOP_EN, STOP_KO

    return [s for s in stems if s and s not in STOP_KO and s not in STOP_EN]


def project_stems(text: str) -> list[str]:
    from sysdesign.understand.normalise import tokens

    return _drop_stop(tokens(text))


def kiwi_available() -> bool:
    return importlib.util.find_spec("kiwipiepy") is not None


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    from kiwipiepy import Kiwi  # type: ignore[import-not-found,unused-ignore]

    return Kiwi()


def _kiwi_morphs(text: str) -> list[str]:
    from sysdesign.understand.normalise import normalise, stem_english

    out: list[str] = []
    for tok in _kiwi().tokenize(normalise(text)):
        tag = str(tok.tag).split("-")[0]
        if tag in KIWI_CONTENT or (tag == KIWI_SUFFIX_KEEP and tok.form != "들"):
            out.append(stem_english(tok.form.lower()) if tag == "SL" else tok.form)
    return out


def kiwi_stems(text: str) -> list[str]:
    return _drop_stop(_kiwi_morphs(text))


@lru_cache(maxsize=65536)
def kiwi_word_stem(word: str) -> str:
    """One spaced word's content morphemes, joined: kiwi as a drop-in for `strip_korean`."""
    return "".join(_kiwi_morphs(word)) or word


def kiwi_word_stems(text: str) -> list[str]:
    with kiwi_plugged():
        from sysdesign.understand.normalise import tokens

        return _drop_stop(tokens(text))


@contextmanager
def kiwi_plugged() -> Iterator[None]:
    """Kiwi as the Korean stemmer of `normalise.tokens` (and so of `match.features` and the
    lexicon). Particle-only stripping (`endings=False`, the short-homonym guard) stays."""
    from sysdesign.understand import lexicon, normalise

    original = normalise.strip_korean

    def kiwi_strip(token: str, *, endings: bool = True) -> str:
        return kiwi_word_stem(token) if endings else original(token, endings=False)

    normalise.strip_korean = kiwi_strip  # type: ignore[assignment]
    lexicon.lexicon.cache_clear()
    try:
        yield
    finally:
        normalise.strip_korean = original
        lexicon.lexicon.cache_clear()


def _right(stems: list[str], expected: str) -> bool:
    """Whether `stems` are the expected ones (one of the "|" alternatives), joined; the stop
    list is applied to the expected stems too (건, 일 are on it), so only morphology counts."""
    joined = "".join(stems)
    return any(joined == "".join(_drop_stop(alt.split())) for alt in expected.split("|"))


def phrase_accuracy(
    analysers: dict[str, Callable[[str], list[str]]], phrases: list[tuple[str, str, str]]
) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(phrases), "by": {}, "rows": []}
    for name in analysers:
        out["by"][name] = {"right": 0, "by_category": {}}
    for text, category, expected in phrases:
        row: dict[str, Any] = {"text": text, "category": category, "expected": expected}
        for name, fn in analysers.items():
            stems = fn(text)
            ok = _right(stems, expected)
            row[name] = stems
            row[name + "_ok"] = ok
            by = out["by"][name]
            by["right"] += ok
            cat = by["by_category"].setdefault(category, [0, 0])
            cat[0] += ok
            cat[1] += 1
        out["rows"].append(row)
    return out


def retrieval(lang: str = "ko") -> dict[str, Any]:
    """Top-1 fact accuracy (and refusal of out-of-scope questions) on the dev set."""
    import yaml

    from sysdesign.library import library
    from sysdesign.understand import facts

    lib = library()
    items = [i for i in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8")) if i["lang"] == lang]
    facts._index_for.cache_clear()
    right = in_scope = refused = out_scope = 0
    misses: list[str] = []
    for item in items:
        m = facts.match_question(item["text"], lib.scenario(item["scenario"]))
        ok = {item["fact"], *(item.get("also") or [])} - {None}
        if ok:
            in_scope += 1
            hit = m.outcome == "answer" and m.facts[0] in ok
            right += hit
            if not hit:
                misses.append(item["text"])
        else:
            out_scope += 1
            refused += m.outcome == "refuse"
    facts._index_for.cache_clear()
    return {
        "top1": round(100 * right / max(1, in_scope), 1),
        "right": right,
        "in_scope": in_scope,
        "out_of_scope_refused": round(100 * refused / max(1, out_scope), 1),
        "out_of_scope": out_scope,
        "misses": misses,
    }


_CHILD_TIMER = """
import sys, time
def rss():
    with open("/proc/self/status") as f:
        return next(int(x.split()[1]) / 1024 for x in f if x.startswith("VmRSS"))
sys.path.insert(0, sys.argv[1])
marks = [(time.perf_counter(), time.process_time(), rss())]
STEPS
print(" ".join(f"{w:.4f},{c:.4f},{r:.1f}" for w, c, r in marks))
"""


def _child(steps: list[str], repeats: int) -> list[list[tuple[float, float, float]]]:
    """Run `steps` in fresh interpreters; per run, (wall s, cpu s, rss MB) after each step."""
    body = "\n".join(
        f"{s}\nmarks.append((time.perf_counter(), time.process_time(), rss()))" for s in steps
    )
    code = _CHILD_TIMER.replace("STEPS", body)
    runs = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True
        ).stdout.split()
        runs.append([tuple(float(v) for v in m.split(",")) for m in out])
    return runs  # type: ignore[return-value]


def _median_deltas(runs: list[list[tuple[float, float, float]]]) -> list[dict[str, float]]:
    out: list[dict[str, float]] = []
    for step in range(1, len(runs[0])):
        deltas = sorted(
            (r[step][0] - r[step - 1][0], r[step][1] - r[step - 1][1], r[step][2] - r[step - 1][2])
            for r in runs
        )
        wall, cpu, rss = deltas[len(deltas) // 2]
        out.append(
            {"wall_ms": round(wall * 1000), "cpu_ms": round(cpu * 1000), "rss_mb": round(rss)}
        )
    return out


def project_cost(repeats: int = 5) -> dict[str, float]:
    """`import sysdesign.understand.normalise` and a first `tokens` call, fresh interpreter."""
    (imp,) = _median_deltas(
        _child(
            ["import sysdesign.understand.normalise as n; n.tokens('서버에서의 캐시로는')"], repeats
        )
    )
    return imp


def kiwi_cost(repeats: int = 3) -> dict[str, Any]:
    """Kiwi's import, model load and first analysis in a fresh interpreter."""
    imp, load, first = _median_deltas(
        _child(
            ["import kiwipiepy", "k = kiwipiepy.Kiwi()", "k.tokenize('워밍업 문장입니다')"], repeats
        )
    )
    import kiwipiepy_model  # type: ignore[import-not-found,unused-ignore]

    model_dir = Path(kiwipiepy_model.__file__).parent
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    return {"import": imp, "load": load, "first_call": first, "model_mb": round(size / 1e6)}


def _load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list each analyser's misses")
    parser.add_argument("--no-kiwi", action="store_true", help="measure the project only")
    parser.add_argument("--skip", default="", help="comma-separated: retrieval, cost")
    args = parser.parse_args(argv)
    use_kiwi = kiwi_available() and not args.no_kiwi

    analysers: dict[str, Callable[[str], list[str]]] = {"project": project_stems}
    if use_kiwi:
        analysers["kiwi"] = kiwi_stems
        analysers["kiwi-words"] = kiwi_word_stems
    out: dict[str, Any] = {
        "phrases": phrase_accuracy(analysers, PHRASES),
        "held_out": phrase_accuracy(analysers, HELD_OUT),
    }
    skip = set(filter(None, args.skip.split(",")))
    if "retrieval" not in skip:
        out["retrieval"] = {"project": retrieval()}
        if use_kiwi:
            with kiwi_plugged():
                out["retrieval"]["kiwi-words"] = retrieval()
    if "cost" not in skip:
        out["cost"] = {"project": project_cost(), "load_average": _load_average()}
        if use_kiwi:
            out["cost"]["kiwi"] = kiwi_cost()

    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for key, title in (("phrases", "hard phrases"), ("held_out", "held-out phrases")):
        p = out[key]
        print(f"(a) exact content stems on {p['n']} {title}")
        for name, by in p["by"].items():
            cats = ", ".join(f"{c} {r}/{n}" for c, (r, n) in by["by_category"].items())
            print(f"  {name:<11} {by['right']:3d}/{p['n']}  ({cats})")
        if args.misses:
            for row in p["rows"]:
                wrong = [n for n in analysers if not row[n + "_ok"]]
                if wrong:
                    got = "; ".join(f"{n}: {' '.join(row[n])}" for n in wrong)
                    print(f"    {row['text']!r} want {row['expected']!r} — {got}")
    if "retrieval" in out:
        print("(b) dev-set Korean questions: top-1 fact / out-of-scope refused")
    for name, r in out.get("retrieval", {}).items():
        print(
            f"  {name:<11} {r['top1']:5.1f} % ({r['right']}/{r['in_scope']})   "
            f"refused {r['out_of_scope_refused']:5.1f} % of {r['out_of_scope']}"
        )
    if use_kiwi and args.misses and "retrieval" in out:
        a = set(out["retrieval"]["project"]["misses"])
        b = set(out["retrieval"]["kiwi-words"]["misses"])
        for t in sorted(a - b):
            print(f"    only project misses: {t}")
        for t in sorted(b - a):
            print(f"    only kiwi misses:    {t}")
    if "cost" not in out:
        return 0
    c = out["cost"]

    def fmt(d: dict[str, float]) -> str:
        return f"{d['wall_ms']} ms wall / {d['cpu_ms']} ms CPU, +{d['rss_mb']} MB RSS"

    print(f"(c) cost, median of fresh interpreters (1-min load average {c['load_average']})")
    print(f"    project: import normaliser + first tokens(): {fmt(c['project'])}")
    if "kiwi" in c:
        k = c["kiwi"]
        print(f"    kiwi: import kiwipiepy: {fmt(k['import'])}")
        print(f"          Kiwi() model load: {fmt(k['load'])}")
        print(f"          first tokenize(): {fmt(k['first_call'])}")
        print(f"          model on disk: {k['model_mb']} MB (kiwipiepy_model)")
    else:
        print("    kiwi: not installed in this venv (pip install kiwipiepy to measure it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
