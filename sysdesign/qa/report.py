"""A round's report: per question the answer, every point's verdict (explained, listed, wrong
with the claim's correction, missed), the model answer, the follow-up path; JSON and Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sysdesign.qa.round import CREDIT, HINT_COST, WRONG_PENALTY

if TYPE_CHECKING:
    from sysdesign.qa.round import QaRound

STATUS = {
    "explained": ("explained", "설명함"),
    "listed": ("only listed", "나열만 함"),
    "wrong": ("wrong", "틀림"),
    "missed": ("missed", "빠짐"),
}


def _why(status: str, hints: int) -> dict[str, str]:
    credit = CREDIT[status]
    if status == "explained":
        return {
            "en": f"a sentence of yours states it with a reason or consequence: {credit:g} point",
            "ko": f"이유나 결과까지 말한 문장이 있습니다: {credit:g}점",
        }
    if status == "listed":
        return {
            "en": f"you named it without explaining it: {credit:g} of a point",
            "ko": f"용어만 나열하고 설명하지 않았습니다: {credit:g}점",
        }
    if status == "wrong":
        return {
            "en": f"you claimed something wrong about it: 0 and −{WRONG_PENALTY:g} more",
            "ko": f"틀린 주장을 했습니다: 0점에 {WRONG_PENALTY:g}점 추가 감점",
        }
    return {"en": "not in your answer: 0", "ko": "답에 없습니다: 0점"}


def build_report(rnd: QaRound) -> dict[str, Any]:
    """The round's report as one JSON-ready document, in both languages."""
    from sysdesign.understand.grade import wrong_claim

    questions: list[dict[str, Any]] = []
    for a in rnd.asked:
        q = rnd.question(a)
        byid = {v["id"]: v for v in a.verdicts}
        points: list[dict[str, Any]] = []
        for p in q.points:
            v = byid.get(p.id, {"status": "missed", "credit": 0.0})
            row: dict[str, Any] = {
                "id": p.id,
                "text": {"en": p.text.en, "ko": p.text.ko},
                "status": v["status"],
                "credit": v["credit"],
                "sentence": v.get("sentence"),
                "why": _why(v["status"], len(a.hints)),
            }
            if v["status"] == "wrong" and v.get("claim"):
                claim = wrong_claim(q.points, v["claim"], p.id)
                row["claim"] = v["claim"]
                if claim is not None:
                    row["correction"] = {"en": claim.correction.en, "ko": claim.correction.ko}
                    row["pushback"] = {"en": claim.pushback.en, "ko": claim.pushback.ko}
            points.append(row)
        questions.append(
            {
                "topic": a.topic,
                "id": a.id,
                "depth": a.depth,
                "via": a.via,
                "reason": a.reason,
                "question": {"en": q.question.en, "ko": q.question.ko},
                "answer": a.answer,
                "skipped": a.skipped,
                "hints": a.hints,
                "soup": a.soup,
                "score": a.score,
                "points": points,
                "score_explained": _score_text(a.score, points, len(a.hints), a.skipped),
                "model_answer": {"en": q.model_answer.en, "ko": q.model_answer.ko},
                "sources": [{"title": s.title, "url": s.url} for s in q.sources],
            }
        )
    per_topic: dict[str, float] = {}
    for t in rnd.topics:
        scores = [
            x["score"] or 0.0 for x in questions if x["topic"] == t and x["score"] is not None
        ]
        if scores:
            per_topic[t] = round(sum(scores) / len(scores), 1)
    return {
        "id": rnd.id,
        "kind": "qa",
        "lang": rnd.lang,
        "topics": rnd.topics,
        "company": rnd.company,
        "minutes": rnd.minutes,
        "status": rnd.status,
        "finish_reason": rnd.finish_reason,
        "elapsed_seconds": round(rnd.elapsed(), 1),
        "score": rnd.score(),
        "topic_scores": per_topic,
        "max_depth": max((a.depth for a in rnd.asked), default=0),
        "path": [f"{a.topic}/{a.id}" for a in rnd.asked],
        "scoring": {
            "en": f"Per question: explained point 1, listed {CREDIT['listed']:g}, wrong 0 and "
            f"−{WRONG_PENALTY:g}, missed 0; the sum as a share of the points ×100, −{HINT_COST:g} "
            "per hint; skipped 0. The round: the mean over the questions asked.",
            "ko": f"질문마다: 설명한 요점 1점, 나열만 {CREDIT['listed']:g}점, 틀린 주장 0점에 "
            f"{WRONG_PENALTY:g}점 감점, 빠짐 0점. 합계를 요점 수로 나눠 100을 곱하고 힌트마다 "
            f"{HINT_COST:g}점을 뺍니다. 건너뛰면 0점. 라운드 점수는 물어본 질문의 평균입니다.",
        },
        "questions": questions,
    }


def _score_text(
    score: float | None, points: list[dict[str, Any]], hints: int, skipped: bool
) -> dict[str, str]:
    if skipped:
        return {"en": "skipped: 0", "ko": "건너뜀: 0점"}
    if score is None:
        return {"en": "not answered", "ko": "답하지 않음"}
    credit = sum(p["credit"] for p in points)
    wrong = sum(1 for p in points if p["status"] == "wrong")
    en = f"({credit:g}"
    ko = f"({credit:g}"
    if wrong:
        en += f" − {WRONG_PENALTY * wrong:g} for {wrong} wrong claim(s)"
        ko += f" − 틀린 주장 {wrong}개 감점 {WRONG_PENALTY * wrong:g}"
    en += f") / {len(points)} points × 100"
    ko += f") / 요점 {len(points)}개 × 100"
    if hints:
        en += f" − {HINT_COST * hints:g} for {hints} hint(s)"
        ko += f" − 힌트 {hints}개 {HINT_COST * hints:g}"
    return {"en": f"{en} = {score:g}", "ko": f"{ko} = {score:g}"}


def render_markdown(report: dict[str, Any], lang: str) -> str:
    ko = lang == "ko"

    def t(d: dict[str, str]) -> str:
        return d["ko"] if ko else d["en"]

    out = [
        f"# {'기술 면접 라운드' if ko else 'Technical round'} {report['id']}",
        "",
        f"- {'주제' if ko else 'Topics'}: {', '.join(report['topics'])}"
        + (f" ({report['company']})" if report.get("company") else ""),
        f"- {'점수' if ko else 'Score'}: **{report['score']:g}/100**",
    ]
    for topic, s in report["topic_scores"].items():
        out.append(f"  - {topic}: {s:g}")
    out += [
        f"- {'꼬리 질문 경로' if ko else 'Follow-up path'}: " + " → ".join(report["path"]),
        f"- {'가장 깊은 꼬리 질문' if ko else 'Deepest chain'}: {report['max_depth']}",
        f"- {'채점 방식' if ko else 'Scoring'}: {t(report['scoring'])}",
        "",
    ]
    for i, q in enumerate(report["questions"], 1):
        depth = f" · {'깊이' if ko else 'depth'} {q['depth']}" if q["depth"] > 1 else ""
        out.append(f"## {i}. [{q['topic']}] {t(q['question'])}{depth}")
        out.append("")
        via = f" ← {q['via']}" if q["via"] else ""
        out.append(f"*{'질문한 이유' if ko else 'Asked because'}: {t(q['reason'])}{via}*")
        out.append("")
        if q["skipped"]:
            out.append("**" + ("건너뜀" if ko else "Skipped") + "**")
        elif q["answer"] is not None:
            out.append(f"**{'내 답' if ko else 'Your answer'}**:")
            out.append("")
            out += ["> " + line for line in q["answer"].splitlines()]
        else:
            out.append(
                "*"
                + ("답하기 전에 라운드가 끝남" if ko else "Not answered: the round ended first")
                + "*"
            )
        out.append("")
        if q["score"] is not None:
            out.append(
                f"**{'점수' if ko else 'Score'}: {q['score']:g}/100** — {t(q['score_explained'])}"
            )
            out.append("")
        if q["soup"]:
            out.append(
                "*용어만 나열했습니다. 면접관은 '왜'를 듣고 싶어 합니다.*"
                if ko
                else "*Your answer strings terms together; interviewers want the why.*"
            )
            out.append("")
        unanswered = q["answer"] is None and not q["skipped"]
        for p in [] if unanswered else q["points"]:
            label = STATUS[p["status"]][1 if ko else 0]
            out.append(f"- **{label}** — {t(p['text']).rstrip('.')}: {t(p['why'])}")
            if p.get("sentence"):
                out.append(f"  - {'근거 문장' if ko else 'Your sentence'}: “{p['sentence']}”")
            if p.get("correction"):
                out.append(f"  - {'바로잡기' if ko else 'Correction'}: {t(p['correction'])}")
        out.append("")
        out.append(f"**{'모범 답안' if ko else 'Model answer'}**: {t(q['model_answer'])}")
        if q["sources"]:
            out.append("")
            out.append(
                f"{'출처' if ko else 'Sources'}: "
                + "; ".join(
                    f"[{s['title']}]({s['url']})" if s["url"] else s["title"] for s in q["sources"]
                )
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
