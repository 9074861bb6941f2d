"""Scoring a whole session into its report, and rendering that report.

`build_report(state, scenario, rubric, lang)` is pure: the replayed event log, the scenario and
its rubric in; a JSON-ready dict out. Its top-level keys are a contract (`REPORT_KEYS`):

- `session_id`, `scenario` (id), `score` (0–100)
- `phases`: [{id, title, budget_seconds, used_seconds, overrun_seconds, pauses: [...]}]
- `asked`: {asked, total, key_questions: [{id, topic, asked, question}], missed, other}
- `requirements`: {stated, total, items: [{id, kind, text, stated, matched}]}
- `design`: {path, valid, score, findings, breakdown, snapshots}
- `deep_dive`: {items: [{id, question, triggered_by, answer, concepts, coverage}]}
- `estimates`: {source, inputs, figures: [{name, candidate, computed, ratio, verdict}]}
- `curveball`: {fired, at_seconds, text, expects, handled, design_changed, missing}
- `notes`: [{at, phase, text, assumption_for}]
- `breakdown`: [{area, points, max, reason}]: every point, with its reason
- `next_steps`: [{topic, why, references: [{title, url}]}]

The score adds the rubric's weights: clarifying (key questions asked), requirements (stated in
notes or answers, found by the requirement keywords), estimation (the last committed figures
against those computed from the scenario's preset), design (`design_score` of the final
design), deep dive (concept keywords covered), time (overruns), minus the hints' cost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sysdesign.models.rubric import Rubric
    from sysdesign.models.scenario import Scenario
    from sysdesign.session.events import SessionState

REPORT_KEYS: tuple[str, ...] = (
    "session_id",
    "scenario",
    "score",
    "phases",
    "asked",
    "requirements",
    "design",
    "deep_dive",
    "estimates",
    "curveball",
    "transcript",
    "notes",
    "breakdown",
    "next_steps",
)

# Figures compared when a candidate commits an estimate (those both sides computed).
KEY_FIGURES: tuple[str, ...] = (
    "write_qps",
    "read_qps",
    "peak_write_qps",
    "peak_read_qps",
    "storage_per_day",
    "storage_per_year",
    "storage_total",
    "ingress_bandwidth",
    "egress_bandwidth",
    "cache_memory",
    "servers",
)
CLOSE_FACTOR = 2.0  # within ×2 of the computed figure: full credit
ROUGH_FACTOR = 10.0  # within an order of magnitude: half credit
TIME_GRACE = 0.10  # an overrun up to 10 % of the phase budget costs nothing
TIME_LIMIT = 0.50  # an overrun of half the budget costs the phase's time points


CURVEBALL_RELEVANCE = 0.2  # an answer this close to the change speaks to it
CURVEBALL_SHARE = 0.25  # of the deep-dive points: the requirement change's own share
RUSHED = 1 / 3  # a phase left before a third of its budget, its points not covered
EARLY_FACTOR = 1.5  # time points ≤ weight × 1.5 × (time used / time planned)
# The design counts as far as the candidate explained it: a drawn (or loaded) design earns this
# share of its rubric score on its own, the rest in proportion to the graded discussion points
# explained (an interviewer grades the design discussed, not the picture).
DESIGN_DRAWN_SHARE = 0.5
SOUP_QUESTION_CREDIT = 0.5  # a key question asked as a list of terms ("users dau qps?")


def _r(x: float) -> float:
    return round(x + 0.0, 2)


def _say(lang: str, en: str, ko: str) -> str:
    return ko if lang == "ko" else en


def _text(t: Mapping[str, str] | Any, lang: str) -> str:
    if isinstance(t, Mapping):
        return str(t.get(lang) or t.get("en") or "")
    return str(t.get(lang))


class _Points:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.items: list[dict[str, Any]] = []
        self.raw: list[float] = []

    def add(self, area: str, points: float, maximum: float, en: str, ko: str) -> None:
        self.raw.append(points)
        self.items.append(
            {
                "area": area,
                "points": _r(points),
                "max": _r(maximum),
                "reason": _say(self.lang, en, ko),
            }
        )

    def total(self) -> float:
        return float(sum(self.raw))


# --------------------------------------------------------------------------- the parts


def _phases(state: SessionState, lang: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for planned in state.plan:
        records = [r for r in state.phases if r.id == planned.id]
        used = 0.0
        for r in records:
            end = r.ended_at if r.ended_at is not None else state.elapsed
            used += max(0.0, end - r.started_at)
        pauses = []
        for p in state.pauses:
            if any(
                r.started_at <= p.at <= (r.ended_at if r.ended_at is not None else state.elapsed)
                for r in records
            ):
                pauses.append(
                    {
                        "at_seconds": _r(p.at),
                        "wall_start": p.wall_start,
                        "wall_end": p.wall_end,
                        "seconds": p.seconds,
                    }
                )
        out.append(
            {
                "id": planned.id,
                "title": _text(planned.title, lang),
                "budget_seconds": _r(planned.budget_seconds),
                "used_seconds": _r(used),
                "overrun_seconds": _r(max(0.0, used - planned.budget_seconds)),
                "reached": bool(records),
                "pauses": pauses,
            }
        )
    return out


def _asked(state: SessionState, scenario: Scenario, rubric: Rubric, lang: str) -> dict[str, Any]:
    # A question that only strings terms together counts for one key question at most, and
    # for half of it; a question in words counts fully (and replaces a listed one).
    credited: dict[str, str] = {}
    listed: set[str] = set()
    for q in state.questions:
        facts = q.facts[:1] if q.soup else q.facts
        for fact_id in facts:
            if fact_id not in credited or (fact_id in listed and not q.soup):
                credited[fact_id] = q.text
                if q.soup:
                    listed.add(fact_id)
                else:
                    listed.discard(fact_id)
    key: list[dict[str, Any]] = []
    for fact_id in rubric.key_questions:
        fact = scenario.fact(fact_id)
        question = credited.get(fact_id)
        topic = fact_id
        if fact is not None:
            words = fact.keywords.ko if lang == "ko" else fact.keywords.en
            topic = words[0] if words else fact_id
        key.append(
            {
                "id": fact_id,
                "topic": topic,
                "asked": question is not None,
                "question": question,
                "listed": fact_id in listed,
            }
        )
    other = [
        {
            "question": q.text,
            "facts": q.facts,
            "answer": _text(q.answer, lang) if q.answer else None,
            "assumption": q.assumption,
            "clarify": q.clarify,
            "soup": q.soup,
        }
        for q in state.questions
    ]
    asked_n = sum(1 for k in key if k["asked"])
    return {
        "asked": asked_n,
        "total": len(key),
        "key_questions": key,
        "missed": [k["id"] for k in key if not k["asked"]],
        "questions": other,
        "soup_questions": sum(1 for q in state.questions if q.soup),
    }


def _verdict_json(point: Any, verdict: Any, lang: str) -> dict[str, Any]:
    from sysdesign.understand.grade import wrong_claim

    item: dict[str, Any] = {
        "id": point.id,
        "text": point.text.get(lang),
        "status": verdict.status,
        "credit": verdict.credit,
        "covered": verdict.covered,
        "sentence": verdict.sentence,
        "score": verdict.score,
    }
    if verdict.status == "wrong" and verdict.claim:
        claim = wrong_claim([point], verdict.claim, point.id)
        if claim is not None:
            item["correction"] = claim.correction.get(lang)
    return item


def _requirements(state: SessionState, rubric: Rubric, lang: str) -> dict[str, Any]:
    from sysdesign.understand.grade import grade

    texts = state.candidate_texts()
    verdicts = grade(rubric.requirements, texts)
    items = []
    for req, v in zip(rubric.requirements, verdicts, strict=True):
        item = _verdict_json(req, v, lang)
        item.update(kind=req.kind, stated=v.covered, matched=v.sentence)
        items.append(item)
    return {"stated": sum(1 for i in items if i["stated"]), "total": len(items), "items": items}


def _final_design(state: SessionState) -> tuple[Any, str | None]:
    from sysdesign.errors import InvalidInputError
    from sysdesign.library import load_design_text

    good = state.last_good_design()
    if good is None or good.text is None:
        return None, None
    try:
        return load_design_text(good.text, good.path or "<design>"), good.path
    except InvalidInputError:
        return None, good.path


def _design(
    state: SessionState, scenario: Scenario, rubric: Rubric, lang: str
) -> tuple[dict[str, Any], Any, list[Any]]:
    design, path = _final_design(state)
    last = state.designs[-1] if state.designs else None
    doc: dict[str, Any] = {
        "path": path or state.design_path,
        "valid": None if last is None else last.valid,
        "score": None,
        "findings": [],
        "breakdown": [],
        "saves": len(state.designs),
    }
    if design is None:
        return doc, None, []
    from sysdesign.check import check_design
    from sysdesign.errors import SysdesignError

    try:
        result = check_design(design, scenario.id, rubric=rubric)
    except SysdesignError:
        return doc, None, []
    findings = list(result.findings)
    breakdown = result.breakdown
    doc["score"] = _r(float(result.score or 0.0))
    doc["findings"] = [f.to_json(lang) for f in findings]
    doc["breakdown"] = [_jsonable(b, lang) for b in breakdown]
    return doc, design, findings


def _jsonable(item: Any, lang: str) -> Any:
    if hasattr(item, "to_json"):
        try:
            return item.to_json(lang)
        except TypeError:
            return item.to_json()
    if isinstance(item, Mapping):
        return {k: _jsonable(v, lang) for k, v in item.items()}
    if isinstance(item, list | tuple):
        return [_jsonable(v, lang) for v in item]
    if hasattr(item, "ko") and hasattr(item, "en"):
        return _text({"ko": item.ko, "en": item.en}, lang)
    return item


def _deep_dive(
    state: SessionState, scenario: Scenario, rubric: Rubric, lang: str
) -> dict[str, Any]:
    """Every graded question asked (deep dives, and follow-ups that carry points), each graded
    on its answers, the probes it opened and the notes of its phase."""
    from sysdesign.session.interviewer import answers_to, points_for
    from sysdesign.understand.grade import grade

    asked = [
        f
        for f in [*state.followups, *([state.pending] if state.pending else [])]
        if f.kind in ("deep_dive", "phase") and not f.parent
    ]
    # A dive the phase chose but never reached counts too: a miss.
    for f in state.chosen:
        if f.kind == "deep_dive" and all(a.id != f.id for a in asked):
            asked.append(f)
    dives = {d.id: d for d in rubric.deep_dives}
    follows = {f.id: f for f in scenario.followups}
    items = []
    for f in asked:
        points = points_for(f, scenario, rubric)
        if not points:
            continue
        model: Any
        if f.kind == "deep_dive" and f.id in dives:
            question, model = dives[f.id].question, dives[f.id].model_answer
        elif f.id in follows:
            question, model = follows[f.id].question, follows[f.id].model_answer
        else:
            continue
        answers = answers_to(state, f.id)
        texts = [*answers, *state.candidate_texts({f.phase or "deep_dive"})]
        verdicts = grade(points, texts)
        concepts = [_verdict_json(p, v, lang) for p, v in zip(points, verdicts, strict=True)]
        probes = [
            {"question": _text(p.question, lang), "reason": p.reason, "answer": p.answer}
            for p in [*state.followups, *([state.pending] if state.pending else [])]
            if p.parent == f.id
        ]
        credit = sum(c["credit"] for c in concepts)
        items.append(
            {
                "id": f.id,
                "phase": f.phase,
                "question": question.get(lang),
                "triggered_by": f.triggered_by,
                "answer": f.answer,
                "already_covered": f.already_covered,
                "probes": probes,
                "concepts": concepts,
                "coverage": _r(credit / len(concepts)) if concepts else 0.0,
                "model_answer": model.get(lang) if model else None,
            }
        )
    return {"items": items}


def _ratio_verdict(candidate: float, computed: float) -> tuple[float | None, str]:
    if computed <= 0 or candidate <= 0:
        return None, "close" if candidate == computed else "off"
    ratio = candidate / computed
    spread = max(ratio, 1 / ratio)
    if spread <= CLOSE_FACTOR:
        return ratio, "close"
    if spread <= ROUGH_FACTOR:
        return ratio, "rough"
    return ratio, "off"


def _estimates(
    state: SessionState, scenario: Scenario, rubric: Rubric, design: Any, lang: str
) -> dict[str, Any]:
    """The candidate's own figures, read from what they said, graded against the estimator;
    the calculator's figures (`:estimate`, a design file's `estimates:`) are shown, not scored."""
    from sysdesign.errors import SysdesignError
    from sysdesign.estimate.stated import DEFAULT_KEY_FIGURES, grade_stated, stated_figures
    from sysdesign.estimate.traffic import traffic_model
    from sysdesign.estimate.units import format_bandwidth, format_rate, format_size
    from sysdesign.library import preset_for

    source: str | None = None
    inputs: dict[str, str] = {}
    results: dict[str, dict[str, Any]] = {}
    if state.estimates:
        last = state.estimates[-1]
        source, inputs, results = "session", dict(last.inputs), dict(last.results)
    elif design is not None and design.estimates.given():
        inputs = dict(design.estimates.given())
        try:
            calc = traffic_model(inputs)
            source = "design"
            results = {k: r.to_json() for k, r in calc.results.items()}
        except SysdesignError:
            source = None
    preset = preset_for(scenario.id, state.track)
    try:
        computed = traffic_model(preset).results
    except SysdesignError:
        computed = {}
    calculator = [
        {"name": name, "value": results[name].get("human"), "computed": computed[name].human}
        for name in KEY_FIGURES
        if name in results and name in computed
    ]
    said = [n.text for n in state.notes] + [f.answer for f in state.followups if f.answer]
    stated = stated_figures(said)
    names = list(rubric.key_figures or DEFAULT_KEY_FIGURES)
    try:
        peak = float(str(preset.given().get("peak_factor", "2")))
    except ValueError:
        peak = 2.0

    def human(name: str, value: float) -> str:
        if name.endswith("_qps"):
            return format_rate(value)
        if name.endswith("bandwidth"):
            return format_bandwidth(value)
        return format_size(value)

    figures = []
    for g in grade_stated(
        stated, {k: r.value for k, r in computed.items()}, names, peak_factor=peak
    ):
        figures.append(
            {
                "name": g.name,
                "candidate": g.stated.text if g.stated else None,
                "candidate_value": g.stated.value if g.stated else None,
                "line": g.stated.line if g.stated else None,
                "computed": human(g.name, g.computed),
                "computed_value": g.computed,
                "ratio": None if g.ratio is None else round(g.ratio, 3),
                "verdict": g.verdict,
                "slip": g.slip,
            }
        )
    return {
        "source": source,
        "inputs": inputs,
        "calculator": calculator,
        "figures": figures,
        "committed": len(state.estimates),
    }


def _curveball(state: SessionState, scenario: Scenario, design: Any, lang: str) -> dict[str, Any]:
    """Whether the requirement change was handled: by an answer that speaks to it (judged by
    meaning) and by a design that has what it calls for. A design that had it before the change
    was announced counts, and the report says so."""
    from sysdesign.understand.grade import explains, relevance, sentences

    cb = scenario.curveball
    fired = state.curveball_fired_at is not None
    kinds = {c.kind for c in design.components.values()} if design is not None else set()
    tags = {t for c in design.components.values() for t in c.tags} if design is not None else set()
    missing = [k for k in cb.expects.kinds if k not in kinds] + [
        f"tag:{t}" for t in cb.expects.tags if t not in tags
    ]
    fired_at = state.curveball_fired_at or 0.0
    changed = fired and any(d.valid and d.at >= fired_at for d in state.designs)
    design_ok = design is not None and not missing
    already = design_ok and not changed
    answers = [f.answer for f in state.followups if f.kind == "curveball" and f.answer]
    answers += [n.text for n in state.notes if fired and n.at >= fired_at]
    best = 0.0
    for text in answers:
        if any(explains(x) for x in sentences(text)):
            best = max(best, relevance(text, cb.text.en), relevance(text, cb.text.ko))
    answered = best >= CURVEBALL_RELEVANCE
    return {
        "fired": fired,
        "at_seconds": state.curveball_fired_at,
        "scheduled_seconds": state.curveball_at,
        "text": cb.text.get(lang),
        "expects": cb.expects.model_dump(),
        "answer": answers[0] if answers else None,
        "answered": answered,
        "relevance": _r(best),
        "design_changed": changed,
        "design_ok": design_ok,
        "already_handled": bool(fired and already),
        "handled": bool(fired and design_ok and answered),
        "missing": missing,
    }


def _transcript(state: SessionState, lang: str) -> list[dict[str, Any]]:
    """Everything said, in order: the candidate's questions (and what came back), answers
    (and to which question), notes and assumptions; the interviewer's questions and probes."""
    rows: list[dict[str, Any]] = []
    for q in state.questions:
        if q.answer:
            outcome = "answered"
        elif q.clarify:
            outcome = "clarify"
        else:
            outcome = "assumption"
        rows.append(
            {
                "at_seconds": _r(q.at),
                "who": "candidate",
                "kind": "question",
                "text": q.text,
                "facts": list(q.facts),
                "outcome": outcome,
                "reply": _text(q.answer, lang) if q.answer else None,
            }
        )
    items = [*state.followups, *([state.pending] if state.pending else [])]
    items += [f for f in state.queue if f.asked_at is not None]
    for f in items:
        question = _text(f.question, lang)
        if f.asked_at is not None:
            rows.append(
                {
                    "at_seconds": _r(f.asked_at),
                    "who": "interviewer",
                    "kind": f.kind,
                    "id": f.id,
                    "text": question,
                    "reason": f.reason,
                }
            )
        if f.answer and f.answered_at is not None:
            rows.append(
                {
                    "at_seconds": _r(f.answered_at),
                    "who": "candidate",
                    "kind": "answer",
                    "text": f.answer,
                    "to": f.id,
                    "to_text": question,
                }
            )
    for n in state.notes:
        rows.append(
            {
                "at_seconds": _r(n.at),
                "who": "candidate",
                "kind": "assumption" if n.assumption_for else "note",
                "text": n.text,
                "to_text": n.assumption_for,
            }
        )
    order = {"candidate": 0, "interviewer": 1}  # an answer comes before the question it prompts
    rows.sort(key=lambda r: (r["at_seconds"], order[r["who"]]))
    return rows


def _phase_covered(report: dict[str, Any], phase: str) -> bool:
    """Whether a phase's own points are all covered (for "rushed")."""
    if phase == "requirements":
        asked, reqs = report["asked"], report["requirements"]
        return bool(asked["asked"] == asked["total"] and reqs["stated"] == reqs["total"])
    if phase == "high_level":
        return report["design"]["score"] is not None
    items = [d for d in report["deep_dive"]["items"] if d.get("phase") == phase]
    return bool(all(c["status"] == "explained" for d in items for c in d["concepts"]))


# --------------------------------------------------------------------------- scoring


def _score(report: dict[str, Any], state: SessionState, rubric: Rubric, lang: str) -> _Points:
    w = rubric.weights
    pts = _Points(lang)

    keys = report["asked"]["key_questions"]
    for k in keys:
        each = w.clarifying / len(keys)
        if k["asked"] and k.get("listed"):
            pts.add(
                "clarifying",
                each * SOUP_QUESTION_CREDIT,
                each,
                f"asked about {k['topic']} only as a list of terms: “{k['question']}”",
                f"{k['topic']}에 대해 용어만 나열해 질문함: “{k['question']}”",
            )
        elif k["asked"]:
            pts.add(
                "clarifying",
                each,
                each,
                f"asked about {k['topic']}: “{k['question']}”",
                f"{k['topic']}에 대해 질문함: “{k['question']}”",
            )
        else:
            pts.add(
                "clarifying",
                0,
                each,
                f"never asked about {k['topic']}",
                f"{k['topic']}에 대해 묻지 않음",
            )

    reqs = report["requirements"]["items"]
    for r in reqs:
        each = w.requirements / len(reqs)
        if r["status"] == "explained":
            pts.add(
                "requirements",
                each,
                each,
                f"stated: {r['text']} (“{r['matched']}”)",
                f"언급함: {r['text']} (“{r['matched']}”)",
            )
        elif r["status"] == "listed":
            pts.add(
                "requirements",
                each * r["credit"],
                each,
                f"listed terms without explaining them: {r['text']} (“{r['matched']}”)",
                f"설명 없이 용어만 나열함: {r['text']} (“{r['matched']}”)",
            )
        else:
            pts.add(
                "requirements", 0, each, f"not stated: {r['text']}", f"언급하지 않음: {r['text']}"
            )

    est = report["estimates"]
    figures = est["figures"]
    slips = {
        "bits_bytes": ("bits for bytes?", "비트와 바이트를 혼동?"),
        "per_day_vs_per_second": ("per day for per second?", "하루와 초 단위를 혼동?"),
        "peak_forgotten": ("the peak factor forgotten?", "피크 배수를 빠뜨림?"),
    }
    if not figures:
        pts.add(
            "estimation",
            0,
            w.estimation,
            "no key figure to compare with",
            "비교할 핵심 수치가 없음",
        )
    for f in figures:
        each = w.estimation / len(figures)
        if f["verdict"] == "missing":
            note = (
                " (:estimate and the design file's estimates are the calculator's, not yours)"
                if est["source"]
                else ""
            )
            note_ko = (
                " (:estimate와 설계 파일의 estimates는 계산기 값이라 점수가 없음)" if note else ""
            )
            pts.add(
                "estimation",
                0,
                each,
                f"{f['name']}: you never stated it (computed {f['computed']}){note}",
                f"{f['name']}: 직접 말하지 않음 (계산값 {f['computed']}){note_ko}",
            )
            continue
        share = {"close": 1.0, "rough": 0.5, "off": 0.0}[f["verdict"]]
        how = {
            "close": ("within ×2 of", "×2 이내"),
            "rough": ("within ×10 of", "×10 이내"),
            "off": ("more than ×10 away from", "×10 넘게 벗어남"),
        }[f["verdict"]]
        en = f"{f['name']}: you said “{f['candidate']}”, {how[0]} {f['computed']}"
        ko = f"{f['name']}: “{f['candidate']}”라고 함, 계산값({f['computed']})과 비교해 {how[1]}"
        if f.get("slip") in slips:
            en += f" — {slips[f['slip']][0]}"
            ko += f" — {slips[f['slip']][1]}"
        pts.add("estimation", each * share, each, en, ko)

    design = report["design"]
    if design["score"] is None:
        pts.add(
            "design",
            0,
            w.design,
            "no valid design file was saved",
            "유효한 설계 파일이 저장되지 않음",
        )
    else:
        concepts = [c for d in report["deep_dive"]["items"] for c in d["concepts"]]
        explained = sum(c["credit"] for c in concepts) / len(concepts) if concepts else 0.0
        counts = DESIGN_DRAWN_SHARE + (1 - DESIGN_DRAWN_SHARE) * explained
        pts.add(
            "design",
            w.design * design["score"] / 100 * counts,
            w.design,
            f"the final design scores {design['score']:g}/100 on the rubric "
            f"({len(design['findings'])} finding(s)); you explained {explained:.0%} of the "
            f"discussion points, so it counts {counts:.0%}",
            f"최종 설계의 루브릭 점수 {design['score']:g}/100 (지적 {len(design['findings'])}개). "
            f"논의할 점의 {explained:.0%}를 설명해 설계 점수의 {counts:.0%}를 인정함",
        )

    dives = report["deep_dive"]["items"]
    cb_max = w.deep_dive * CURVEBALL_SHARE
    dive_pool = w.deep_dive - cb_max
    if not dives:
        pts.add(
            "deep_dive",
            0,
            dive_pool,
            "the deep dive was not reached",
            "상세 설계 단계에 도달하지 않음",
        )
    for d in dives:
        each = dive_pool / len(dives)
        concepts = d["concepts"]
        got = [c for c in concepts if c["status"] == "explained"]
        listed = [c for c in concepts if c["status"] == "listed"]
        wrong = [c for c in concepts if c["status"] == "wrong"]
        miss = [c for c in concepts if c["status"] == "missed"]
        en = f"{d['question']} — explained {len(got)}/{len(concepts)}"
        ko = f"{d['question']} — {len(concepts)}개 중 {len(got)}개 설명함"
        if listed:
            en += "; listed terms without explaining them: " + "; ".join(c["text"] for c in listed)
            ko += "; 설명 없이 용어만 나열함: " + "; ".join(c["text"] for c in listed)
        for c in wrong:
            en += f"; wrong: “{c['sentence']}” — {c.get('correction', c['text'])}"
            ko += f"; 틀린 주장: “{c['sentence']}” — {c.get('correction', c['text'])}"
        if miss:
            en += "; missed: " + "; ".join(c["text"] for c in miss)
            ko += "; 빠짐: " + "; ".join(c["text"] for c in miss)
        share = sum(c["credit"] for c in concepts) / len(concepts) if concepts else 0.0
        pts.add("deep_dive", each * share, each, en, ko)

    cb = report["curveball"]
    if not cb["fired"]:
        pts.add(
            "curveball",
            0,
            cb_max,
            "requirement change not reached: the session ended before it",
            "요구사항 변경에 도달하지 않음: 그 전에 세션이 끝남",
        )
    else:
        share = (0.5 if cb["answered"] else 0.0) + (0.5 if cb["design_ok"] else 0.0)
        said = (
            "your answer spoke to it" if cb["answered"] else "no answer spoke to it",
            "답변에서 다룸" if cb["answered"] else "답변에서 다루지 않음",
        )
        if cb["already_handled"]:
            built = ("the design already had what it calls for", "설계에 이미 반영되어 있었음")
        elif cb["design_ok"]:
            built = ("the design now has what it calls for", "설계에 반영함")
        else:
            gap = ", ".join(cb["missing"])
            built = (f"the design lacks {gap}", f"설계에 빠진 것: {gap}")
        pts.add(
            "curveball",
            cb_max * share,
            cb_max,
            f"requirement change: {said[0]}; {built[0]}",
            f"요구사항 변경: {said[1]}; {built[1]}",
        )

    phases = report["phases"]
    for p in phases:
        each = w.time / len(phases)
        budget = p["budget_seconds"] or 1.0
        over = p["overrun_seconds"] / budget
        if not p["reached"]:
            pts.add("time", 0, each, f"{p['title']}: not reached", f"{p['title']}: 도달하지 않음")
            continue
        share = (
            1.0 if over <= TIME_GRACE else max(0.0, (TIME_LIMIT - over) / (TIME_LIMIT - TIME_GRACE))
        )
        rushed = p["used_seconds"] < budget * RUSHED and not _phase_covered(report, p["id"])
        if rushed:
            share = min(share, p["used_seconds"] / (budget * RUSHED))
            used = _mmss(p["used_seconds"])
            full = _mmss(budget)
            en = f"{p['title']}: rushed ({used} of {full}, its points not covered)"
            ko = f"{p['title']}: 서두름 ({full} 중 {used}, 다룰 것을 다 다루지 않음)"
        elif over <= 0:
            en, ko = f"{p['title']}: on time", f"{p['title']}: 시간 내"
        else:
            mm = _mmss(p["overrun_seconds"])
            en, ko = f"{p['title']}: {mm} over", f"{p['title']}: {mm} 초과"
        pts.add("time", each * share, each, en, ko)
    # A session ended well before its budget cannot keep the time points of the phases it
    # skimmed: time points are capped in proportion to the time used.
    planned = sum(p["budget_seconds"] for p in phases) or 1.0
    used_all = sum(p["used_seconds"] for p in phases)
    cap = w.time * min(1.0, EARLY_FACTOR * used_all / planned)
    earned_time = sum(i["points"] for i in pts.items if i["area"] == "time")
    if earned_time > cap + 1e-9:
        pts.add(
            "time",
            cap - earned_time,
            0,
            f"ended at {_mmss(used_all)} of {_mmss(planned)}: time points capped at {cap:.1f}",
            f"{_mmss(planned)} 중 {_mmss(used_all)}에 끝냄: 시간 점수 상한 {cap:.1f}",
        )

    # A hint costs what was earned at most, so the breakdown always adds up to the score shown.
    earned = pts.total()
    for h in state.hints:
        cost = min(h.cost, max(0.0, earned))
        earned -= cost
        pts.add(
            "hints",
            -cost,
            0,
            f"hint taken: {_text(h.text, 'en')}",
            f"힌트 사용: {_text(h.text, 'ko')}",
        )
    return pts


def _mmss(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


def _next_steps(report: dict[str, Any], rubric: Rubric, lang: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    dives = {d.id: d for d in rubric.deep_dives}

    def refs(items: Sequence[Any]) -> list[dict[str, Any]]:
        return [
            {"title": r.title, "url": r.url, "note": r.note.get(lang) if r.note else None}
            for r in items
        ]

    missed_q = [k["topic"] for k in report["asked"]["key_questions"] if not k["asked"]]
    if missed_q:
        steps.append(
            {
                "topic": _say(lang, "Clarify before you design", "설계 전에 범위를 좁히기"),
                "why": _say(lang, "Questions you did not ask: ", "묻지 않은 질문: ")
                + ", ".join(missed_q),
                "references": [],
            }
        )
    missed_r = [r["text"] for r in report["requirements"]["items"] if not r["stated"]]
    if missed_r:
        steps.append(
            {
                "topic": _say(
                    lang, "State the requirements out loud", "요구사항을 명시적으로 말하기"
                ),
                "why": _say(lang, "Not stated: ", "언급하지 않음: ") + "; ".join(missed_r),
                "references": [],
            }
        )
    for d in report["deep_dive"]["items"]:
        miss = [c["text"] for c in d["concepts"] if not c["covered"]]
        if miss and d["id"] in dives:
            steps.append(
                {
                    "topic": d["question"],
                    "why": _say(lang, "Missed: ", "빠진 개념: ") + "; ".join(miss),
                    "references": refs(dives[d["id"]].references),
                }
            )
    seen: set[str] = set()
    for f in report["design"]["findings"]:
        if f["rule"] in seen or f["severity"] == "minor":
            continue
        seen.add(f["rule"])
        steps.append(
            {
                "topic": f"{f['rule']}: {f['message']}",
                "why": f"{f['why']} → {f['fix']}",
                "references": [],
            }
        )
    est = report["estimates"]
    if est["source"] is None or any(f["verdict"] == "off" for f in est["figures"]):
        steps.append(
            {
                "topic": _say(lang, "Back-of-the-envelope estimation", "개략적 규모 추정"),
                "why": _say(
                    lang,
                    "Practise with `sysdesign estimate` until QPS and storage come out within ×2.",
                    "`sysdesign estimate`로 QPS와 저장 용량이 ×2 이내로 나오도록 연습하세요.",
                ),
                "references": [],
            }
        )
    cb = report["curveball"]
    if cb["fired"] and not cb["handled"]:
        steps.append(
            {
                "topic": _say(lang, "Absorb a requirement change", "요구사항 변경 반영하기"),
                "why": cb["text"]
                + (
                    _say(lang, " Missing: ", " 빠진 것: ") + ", ".join(cb["missing"])
                    if cb["missing"]
                    else ""
                ),
                "references": [],
            }
        )
    if rubric.references:
        steps.append(
            {
                "topic": _say(lang, "Further reading for this problem", "이 문제를 위한 참고 자료"),
                "why": "",
                "references": refs(rubric.references),
            }
        )
    return steps


def build_report(
    state: SessionState, scenario: Scenario, rubric: Rubric, lang: str
) -> dict[str, Any]:
    """The scored report of a session (finished or not) in `lang`."""
    design_doc, design, _findings = _design(state, scenario, rubric, lang)
    report: dict[str, Any] = {
        "session_id": state.session_id,
        "scenario": scenario.id,
        "score": 0.0,
        "phases": _phases(state, lang),
        "asked": _asked(state, scenario, rubric, lang),
        "requirements": _requirements(state, rubric, lang),
        "design": design_doc,
        "deep_dive": _deep_dive(state, scenario, rubric, lang),
        "estimates": _estimates(state, scenario, rubric, design, lang),
        "curveball": _curveball(state, scenario, design, lang),
        "transcript": _transcript(state, lang),
        "notes": [
            {
                "at_seconds": _r(n.at),
                "phase": n.phase,
                "text": n.text,
                "assumption_for": n.assumption_for,
            }
            for n in state.notes
        ],
        "breakdown": [],
        "next_steps": [],
    }
    points = _score(report, state, rubric, lang)
    report["breakdown"] = points.items
    report["score"] = round(min(100.0, max(0.0, points.total())), 1)
    report["next_steps"] = _next_steps(report, rubric, lang)
    return report


# --------------------------------------------------------------------------- rendering


def render_report(
    report: Mapping[str, Any], fmt: str, *, lang: str, title: str | None = None
) -> str:
    """The report as `md`, `html` or `json` text."""
    if fmt == "json":
        import json

        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    from sysdesign.render.templates import render_template

    areas: dict[str, dict[str, Any]] = {}
    for item in report["breakdown"]:
        a = areas.setdefault(item["area"], {"area": item["area"], "points": 0.0, "max": 0.0})
        a["points"] += item["points"]
        a["max"] += item["max"]
    for a in areas.values():
        a["points"], a["max"] = round(a["points"], 1), round(a["max"], 1)
    context = {
        "r": report,
        "title": title or report["scenario"],
        "areas": list(areas.values()),
        "mmss": _mmss,
        "area_name": lambda a: _area_name(a, lang),
    }
    name = "html/report.html.j2" if fmt == "html" else "report.md.j2"
    return render_template(name, context, lang=lang)


def _area_name(area: str, lang: str) -> str:
    names = {
        "clarifying": ("Clarifying questions", "명확화 질문"),
        "requirements": ("Requirements", "요구사항"),
        "estimation": ("Estimation", "규모 추정"),
        "design": ("Design", "설계"),
        "deep_dive": ("Deep dive", "상세 설계"),
        "curveball": ("Requirement change", "요구사항 변경"),
        "time": ("Time", "시간 관리"),
        "hints": ("Hints", "힌트"),
    }
    en, ko = names.get(area, (area, area))
    return ko if lang == "ko" else en
