"""Scoring a whole session into its report, and rendering that report.

`score_report(state, scenario, rubric)` is pure: the replayed event log, the scenario and its
rubric in; a JSON-ready, language-free dict out (texts as ``{"en", "ko"}`` pairs, the breakdown
as reason ids with parameters, scored by `sysdesign.rubric.session_score`). That dict is what a
finished session stores, once. `show_report(doc, lang)` turns it into words in one language, so
`sysdesign report ID --lang ko` shows a session held in English; `build_report(..., lang)` does
both. Its top-level keys are a contract (`REPORT_KEYS`):

- `format` (2: one language-free record), `session_id`, `scenario` (id), `score` (0–100)
- `phases`: [{id, title, budget_seconds, used_seconds, overrun_seconds, pauses: [...]}]
- `asked`: {asked, total, key_questions: [{id, topic, asked, question}], missed, other}
- `requirements`: {stated, total, items: [{id, kind, text, stated, matched}]}
- `design`: {path, valid, score, findings, breakdown, snapshots}
- `deep_dive`: {items: [{id, question, triggered_by, answer, concepts, coverage}]}
- `estimates`: {source, inputs, figures: [{name, candidate, computed, ratio, verdict}]}
- `curveball`: {fired, at_seconds, text, expects, handled, design_changed, missing}
- `transcript`: every question, answer and note, with its time and where it was filed
- `notes`: [{at, phase, text, assumption_for}]
- `breakdown`: [{area, points, max, reason}]: every point, with its reason (shown: the reason
  in words and its `reason_id`)
- `next_steps`: [{topic, why, references: [{title, url}]}]

The score adds the rubric's weights: clarifying (key questions asked), requirements (stated in
notes or answers, judged by meaning), estimation (the figures the candidate stated against those
computed from the scenario's preset), design (the final design's rubric score, counted as far as
the candidate explained it), deep dive (points explained), the requirement change, time (how the
budget was used), minus the hints' cost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sysdesign.i18n import bi, bi_join, bi_merge, bi_of, localise

# The scoring's constants live with the scoring (`sysdesign.rubric.session_score`).
from sysdesign.rubric.session_score import (
    CLOSE_FACTOR,
    ROUGH_FACTOR,
    Hint,
    mmss,
    reason_text,
    score_session,
    total,
)

if TYPE_CHECKING:
    from sysdesign.models.rubric import Rubric
    from sysdesign.models.scenario import Scenario
    from sysdesign.session.events import SessionState

REPORT_KEYS: tuple[str, ...] = (
    "format",
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
CURVEBALL_RELEVANCE = 0.2  # an answer this close to the change speaks to it


def _r(x: float) -> float:
    return round(x + 0.0, 2)


# --------------------------------------------------------------------------- the parts


def _phases(state: SessionState) -> list[dict[str, Any]]:
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
                "title": bi_of(planned.title),
                "budget_seconds": _r(planned.budget_seconds),
                "used_seconds": _r(used),
                "overrun_seconds": _r(max(0.0, used - planned.budget_seconds)),
                "reached": bool(records),
                "pauses": pauses,
            }
        )
    return out


def _asked(state: SessionState, scenario: Scenario, rubric: Rubric) -> dict[str, Any]:
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
        topic: Any = fact_id
        if fact is not None:
            en, ko = fact.keywords.en, fact.keywords.ko
            topic = bi(en[0] if en else fact_id, ko[0] if ko else (en[0] if en else fact_id))
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
            "answer": bi_of(q.answer) if q.answer else None,
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


def _verdict_json(point: Any, verdict: Any) -> dict[str, Any]:
    from sysdesign.understand.grade import wrong_claim

    item: dict[str, Any] = {
        "id": point.id,
        "text": bi_of(point.text),
        "status": verdict.status,
        "credit": verdict.credit,
        "covered": verdict.covered,
        "sentence": verdict.sentence,
        "score": verdict.score,
    }
    if verdict.status == "wrong" and verdict.claim:
        claim = wrong_claim([point], verdict.claim, point.id)
        if claim is not None:
            item["correction"] = bi_of(claim.correction)
    return item


def _requirements(state: SessionState, rubric: Rubric) -> dict[str, Any]:
    from sysdesign.understand.grade import grade

    texts = state.candidate_texts()
    verdicts = grade(rubric.requirements, texts)
    items = []
    for req, v in zip(rubric.requirements, verdicts, strict=True):
        item = _verdict_json(req, v)
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
    state: SessionState, scenario: Scenario, rubric: Rubric
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
    doc["findings"] = [bi_merge(f.to_json("en"), f.to_json("ko")) for f in findings]
    doc["breakdown"] = [bi_merge(_jsonable(b, "en"), _jsonable(b, "ko")) for b in breakdown]
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
        return item.ko if lang == "ko" else item.en
    return item


def _deep_dive(state: SessionState, scenario: Scenario, rubric: Rubric) -> dict[str, Any]:
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
        concepts = [_verdict_json(p, v) for p, v in zip(points, verdicts, strict=True)]
        probes = [
            {"question": bi_of(p.question), "reason": p.reason, "answer": p.answer}
            for p in [*state.followups, *([state.pending] if state.pending else [])]
            if p.parent == f.id
        ]
        credit = sum(c["credit"] for c in concepts)
        items.append(
            {
                "id": f.id,
                "phase": f.phase,
                "question": bi_of(question),
                "triggered_by": f.triggered_by,
                "answer": f.answer,
                "already_covered": f.already_covered,
                "probes": probes,
                "concepts": concepts,
                "coverage": _r(credit / len(concepts)) if concepts else 0.0,
                "model_answer": bi_of(model) if model else None,
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
    state: SessionState, scenario: Scenario, rubric: Rubric, design: Any
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


def _curveball(state: SessionState, scenario: Scenario, design: Any) -> dict[str, Any]:
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
        "text": bi_of(cb.text),
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


def _transcript(state: SessionState) -> list[dict[str, Any]]:
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
                "reply": bi_of(q.answer) if q.answer else None,
            }
        )
    items = [*state.followups, *([state.pending] if state.pending else [])]
    items += [f for f in state.queue if f.asked_at is not None]
    for f in items:
        question = bi_of(f.question)
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


def _next_steps(report: dict[str, Any], rubric: Rubric) -> list[dict[str, Any]]:
    from sysdesign.messages import message

    def pair(key: str, **params: Any) -> dict[str, str]:
        return message("session.report.next." + key, **params).pair()

    steps: list[dict[str, Any]] = []
    dives = {d.id: d for d in rubric.deep_dives}

    def refs(items: Sequence[Any]) -> list[dict[str, Any]]:
        return [
            {"title": r.title, "url": r.url, "note": bi_of(r.note) if r.note else None}
            for r in items
        ]

    missed_q = [k["topic"] for k in report["asked"]["key_questions"] if not k["asked"]]
    if missed_q:
        steps.append(
            {
                "topic": pair("clarify"),
                "why": pair("questions_not_asked", questions=bi_join(", ", missed_q)),
                "references": [],
            }
        )
    missed_r = [r["text"] for r in report["requirements"]["items"] if not r["stated"]]
    if missed_r:
        steps.append(
            {
                "topic": pair("state_requirements"),
                "why": pair("not_stated", requirements=bi_join("; ", missed_r)),
                "references": [],
            }
        )
    for d in report["deep_dive"]["items"]:
        miss = [c["text"] for c in d["concepts"] if not c["covered"]]
        if miss and d["id"] in dives:
            steps.append(
                {
                    "topic": d["question"],
                    "why": pair("missed_concepts", concepts=bi_join("; ", miss)),
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
                "topic": bi_join("", [f"{f['rule']}: ", f["message"]]),
                "why": bi_join(" → ", [f["why"], f["fix"]]),
                "references": [],
            }
        )
    est = report["estimates"]
    if est["source"] is None or any(f["verdict"] == "off" for f in est["figures"]):
        steps.append(
            {
                "topic": pair("estimation"),
                "why": pair("practise_estimation"),
                "references": [],
            }
        )
    cb = report["curveball"]
    if cb["fired"] and not cb["handled"]:
        why = bi_of(cb["text"])
        if cb["missing"]:
            why = pair("curveball_missing", change=why, missing=", ".join(cb["missing"]))
        steps.append(
            {
                "topic": pair("absorb_change"),
                "why": why,
                "references": [],
            }
        )
    if rubric.references:
        steps.append(
            {
                "topic": pair("further_reading"),
                "why": "",
                "references": refs(rubric.references),
            }
        )
    return steps


REPORT_FORMAT = 2  # the stored report: one language-free record (format 1 held one per language)


def score_report(state: SessionState, scenario: Scenario, rubric: Rubric) -> dict[str, Any]:
    """The scored report of a session (finished or not), language-free: texts as stored pairs,
    the breakdown as reason ids with their parameters. `show_report` picks the language."""
    design_doc, design, _findings = _design(state, scenario, rubric)
    report: dict[str, Any] = {
        "format": REPORT_FORMAT,
        "session_id": state.session_id,
        "scenario": scenario.id,
        "score": 0.0,
        "phases": _phases(state),
        "asked": _asked(state, scenario, rubric),
        "requirements": _requirements(state, rubric),
        "design": design_doc,
        "deep_dive": _deep_dive(state, scenario, rubric),
        "estimates": _estimates(state, scenario, rubric, design),
        "curveball": _curveball(state, scenario, design),
        "transcript": _transcript(state),
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
    hints = [Hint(h.cost, bi_of(h.text)) for h in state.hints]
    items = score_session(report, rubric.weights, hints)
    report["breakdown"] = [i.to_json() for i in items]
    report["score"] = round(min(100.0, max(0.0, total(items))), 1)
    report["next_steps"] = _next_steps(report, rubric)
    return report


def is_stored_report(doc: object) -> bool:
    """Whether `doc` is a stored report of the current format (not a format-1 pair of reports,
    which are rebuilt from the session's events instead)."""
    from sysdesign.rubric.session_score import is_stored_item

    return (
        isinstance(doc, Mapping)
        and doc.get("format") == REPORT_FORMAT
        and all(is_stored_item(b) for b in doc.get("breakdown", []))
    )


def show_report(doc: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A stored report in `lang`: every text in that language, each breakdown item's reason in
    words (its id kept as `reason_id`)."""
    shown: dict[str, Any] = {}
    for key, value in doc.items():
        shown[key] = localise(value, lang)
    shown["breakdown"] = [
        {
            "area": b["area"],
            "points": b["points"],
            "max": b["max"],
            "reason": reason_text(b, lang),
            "reason_id": b["reason"]["id"],
        }
        for b in doc.get("breakdown", [])
    ]
    return shown


def build_report(
    state: SessionState, scenario: Scenario, rubric: Rubric, lang: str
) -> dict[str, Any]:
    """The scored report of a session in `lang` (`score_report`, shown)."""
    return show_report(score_report(state, scenario, rubric), lang)


# --------------------------------------------------------------------------- rendering


def render_report(
    report: Mapping[str, Any], fmt: str, *, lang: str, title: str | None = None
) -> str:
    """The report as `md`, `html` or `json` text (a stored report is shown in `lang` first)."""
    if is_stored_report(report):
        report = show_report(report, lang)
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
        "mmss": mmss,
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
