"""A timed round of technical questions with follow-up chains (꼬리 질문), graded by meaning.

The interviewer asks a topic's root question; the answer is graded point by point
(`sysdesign.understand.grade`); the next question is the first follow-up of that question whose
condition the answer meets (`when: covered|missed|always` on a point) and that was not asked
yet, else the next topic's root. The round ends when the time is up, when every topic has run
out of roots, or on `quit`.

Every action is an event committed to the store (`qa_events`) before the UI acknowledges it;
the round's state is a pure replay of its events, so a round killed at any point resumes with
every acknowledged answer (`load_round`).

Scoring, per question (0–100): each point earns its credit (explained 1, only listed 0.25,
wrong 0, missed 0); each wrong claim costs a further `WRONG_PENALTY` of a point; the sum over
the points, as a share of the points, minus `HINT_COST` per hint, never below 0. A skipped
question scores 0. The round's score is the mean over the questions asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sysdesign.messages import message
from sysdesign.session.events import Msg

if TYPE_CHECKING:
    from sysdesign.models.qa import QaQuestion
    from sysdesign.qa.bank import QaBank
    from sysdesign.session.clock import Clock
    from sysdesign.store import Store

WRONG_PENALTY = 0.25
HINT_COST = 15.0
DEFAULT_MINUTES = 20.0

CREDIT = {"explained": 1.0, "listed": 0.25, "wrong": 0.0, "missed": 0.0}


@dataclass
class Asked:
    """One question as it was asked and answered."""

    topic: str
    id: str
    depth: int  # 1 for a root, 2 for its first follow-up, …
    reason: dict[str, str]  # why it was asked (en/ko)
    via: str | None = None  # the question whose answer opened it
    hints: list[str] = field(default_factory=list)  # point ids hinted
    answer: str | None = None
    verdicts: list[dict[str, Any]] = field(default_factory=list)
    skipped: bool = False
    score: float | None = None
    soup: bool = False
    at: float = 0.0
    answered_at: float | None = None

    @property
    def done(self) -> bool:
        return self.skipped or self.answer is not None


def question_score(verdicts: list[dict[str, Any]], hints: int) -> float:
    """0–100 for one answered question (see the module docstring)."""
    if not verdicts:
        return 0.0
    credit = sum(CREDIT[v["status"]] for v in verdicts)
    wrong = sum(1 for v in verdicts if v["status"] == "wrong")
    share = max(0.0, credit - WRONG_PENALTY * wrong) / len(verdicts)
    return round(max(0.0, share * 100 - HINT_COST * hints), 1)


@dataclass
class QaRound:
    """A round's state, rebuilt from its events; methods append events and return messages."""

    store: Store
    bank: QaBank
    clock: Clock
    id: str
    topics: list[str]
    lang: str
    minutes: float
    company: str | None = None
    per_topic: int | None = None  # questions per topic before the interviewer moves on
    first: dict[str, str] = field(default_factory=dict)  # topic → root question to open with
    status: str = "running"  # running | paused | finished
    asked: list[Asked] = field(default_factory=list)
    topic_index: int = 0
    finish_reason: str | None = None
    _base: float = 0.0  # monotonic time at which elapsed was 0 (excluding pauses)
    _paused_at: float | None = None

    # -- time ----------------------------------------------------------------------------------

    def elapsed(self) -> float:
        now = self._paused_at if self._paused_at is not None else self.clock.monotonic()
        return max(0.0, now - self._base)

    def remaining(self) -> float:
        return max(0.0, self.minutes * 60 - self.elapsed())

    def _event(self, type_: str, payload: dict[str, Any]) -> None:
        self.store.append_qa_event(self.id, type_, round(self.elapsed(), 3), payload)

    # -- questions -----------------------------------------------------------------------------

    @property
    def current(self) -> Asked | None:
        if self.asked and not self.asked[-1].done and self.status != "finished":
            return self.asked[-1]
        return None

    def question(self, asked: Asked) -> QaQuestion:
        return self.bank.question(asked.topic, asked.id)

    def _was_asked(self, topic: str, qid: str) -> bool:
        return any(a.topic == topic and a.id == qid for a in self.asked)

    def _next_root(self) -> tuple[str, str] | None:
        """The next topic's first root question not asked yet, cycling through the topics."""
        n = len(self.topics)
        for step in range(n):
            topic = self.topics[(self.topic_index + step) % n]
            questions = self.bank.topic(topic).questions
            preferred = self.first.get(topic)
            questions = sorted(questions, key=lambda q: q.id != preferred)
            for q in questions:
                if q.root and not self._was_asked(topic, q.id):
                    self.topic_index = (self.topic_index + step + 1) % n
                    return topic, q.id
        return None

    def _follow_up(self, last: Asked) -> tuple[str, dict[str, str]] | None:
        """The follow-up the last answer calls for, with the reason, or None."""
        if last.skipped:
            return None
        q = self.question(last)
        covered = {v["id"] for v in last.verdicts if v["status"] in ("explained", "listed")}
        names = {p.id: p.text for p in q.points}
        for f in q.follow_ups:
            if self._was_asked(last.topic, f.ask):
                continue
            if f.when == "always":
                ok = True
                why = {"en": "the chain goes on", "ko": "이어지는 질문"}
            elif f.when == "covered":
                ok = f.point in covered if f.point else bool(covered)
                what = names[f.point] if f.point else None
                why = {
                    "en": f"you covered: {what.en}" if what else "you covered a point",
                    "ko": f"답에 나온 요점: {what.ko}" if what else "답에 요점이 있었음",
                }
            else:
                ok = f.point not in covered if f.point else len(covered) < len(q.points)
                what = names[f.point] if f.point else None
                why = {
                    "en": f"you missed: {what.en}" if what else "you missed a point",
                    "ko": f"답에 빠진 요점: {what.ko}" if what else "답에 빠진 요점이 있었음",
                }
            if ok:
                return f.ask, why
        return None

    def _topic_full(self, last: Asked) -> bool:
        """Whether the current chain has reached `per_topic` questions."""
        if self.per_topic is None:
            return False
        chain = 0
        for a in reversed(self.asked):
            chain += 1
            if a.depth == 1:
                break
        return chain >= self.per_topic

    def _ask(
        self, topic: str, qid: str, depth: int, reason: dict[str, str], via: str | None
    ) -> list[Msg]:
        payload = {"topic": topic, "id": qid, "depth": depth, "reason": reason, "via": via}
        self._event("ask", payload)
        self.asked.append(Asked(topic, qid, depth, reason, via, at=self.elapsed()))
        return [self.ask_msg(self.asked[-1])]

    def ask_msg(self, asked: Asked) -> Msg:
        q = self.question(asked)
        key = "qa.round.ask_followup" if asked.depth > 1 else "qa.round.ask"
        return Msg(
            "interviewer",
            message(key, topic=asked.topic, question=q.question, depth=asked.depth),
        )

    def _advance(self) -> list[Msg]:
        """Ask what comes next, or finish."""
        if self.remaining() <= 0:
            return self.finish("time")
        last = self.asked[-1] if self.asked else None
        if last is not None and not self._topic_full(last):
            nxt = self._follow_up(last)
            if nxt is not None:
                return self._ask(last.topic, nxt[0], last.depth + 1, nxt[1], last.id)
        root = self._next_root()
        if root is None:
            return self.finish("exhausted")
        reason = (
            {"en": "a new topic", "ko": "새 주제"} if last else {"en": "first", "ko": "첫 질문"}
        )
        return self._ask(root[0], root[1], 1, reason, None)

    # -- actions -------------------------------------------------------------------------------

    def begin(self) -> list[Msg]:
        head = Msg(
            "info",
            message(
                "qa.round.round_minutes_answer_in_one",
                id=self.id,
                join=", ".join(self.topics),
                minutes=self.minutes,
            ),
        )
        if self.asked:
            cur = self.current
            return [head, self.ask_msg(cur)] if cur else [head, *self._advance()]
        return [head, *self._advance()]

    def _guard(self) -> list[Msg] | None:
        if self.status == "finished":
            return [Msg("error", message("qa.round.the_round_is_over"))]
        if self.status == "paused":
            return [Msg("error", message("qa.round.paused_resume_first"))]
        return None

    def answer(self, text: str) -> list[Msg]:
        """Grade `text` as the answer to the current question, then ask the next one."""
        from sysdesign.understand import grade as g

        blocked = self._guard()
        if blocked:
            return blocked
        cur = self.current
        if cur is None:
            return self.finish("exhausted")
        text = text.strip()
        if not text:
            return [Msg("error", message("qa.round.empty_answer_type_it_or"))]
        q = self.question(cur)
        verdicts = []
        for v in g.grade(q.points, [text]):
            row: dict[str, Any] = {"id": v.id, "status": v.status, "credit": v.credit}
            if v.sentence:
                row["sentence"] = v.sentence
            if v.claim:
                row["claim"] = v.claim
            verdicts.append(row)
        score = question_score(verdicts, len(cur.hints))
        soup = g.is_soup(text)
        payload = {"id": cur.id, "text": text, "verdicts": verdicts, "score": score, "soup": soup}
        self._event("answer", payload)
        self._apply_answer(cur, payload, self.elapsed())
        return [self.feedback(cur), *self._advance()]

    def feedback(self, asked: Asked) -> Msg:
        counts = {s: sum(1 for v in asked.verdicts if v["status"] == s) for s in CREDIT}
        return Msg(
            "ack",
            message(
                "qa.round.answer_stored",
                score=asked.score,
                explained=counts["explained"],
                listed=counts["listed"],
                wrong=counts["wrong"],
                missed=counts["missed"],
            ),
        )

    def _apply_answer(self, cur: Asked, payload: dict[str, Any], at: float) -> None:
        cur.answer = payload["text"]
        cur.verdicts = payload["verdicts"]
        cur.score = payload["score"]
        cur.soup = bool(payload.get("soup"))
        cur.answered_at = at

    def skip(self) -> list[Msg]:
        blocked = self._guard()
        if blocked:
            return blocked
        cur = self.current
        if cur is None:
            return self.finish("exhausted")
        self._event("skip", {"id": cur.id})
        cur.skipped, cur.score, cur.answered_at = True, 0.0, self.elapsed()
        q = self.question(cur)
        cur.verdicts = [{"id": p.id, "status": "missed", "credit": 0.0} for p in q.points]
        ack = Msg("ack", message("qa.round.skipped_0_points"))
        return [ack, *self._advance()]

    def hint(self) -> list[Msg]:
        """Name the topic of the first point not hinted yet; each hint costs HINT_COST."""
        blocked = self._guard()
        if blocked:
            return blocked
        cur = self.current
        if cur is None:
            return [Msg("error", message("qa.round.no_question_is_waiting"))]
        q = self.question(cur)
        left = [p for p in q.points if p.id not in cur.hints]
        if not left:
            return [Msg("error", message("qa.round.no_hints_left_here"))]
        point = left[0]
        self._event("hint", {"id": cur.id, "point": point.id})
        cur.hints.append(point.id)
        keywords = {
            "en": ", ".join(point.keywords.en[:3]) or point.id,
            "ko": ", ".join(point.keywords.ko[:3]) or point.id,
        }
        return [Msg("hint", message("qa.round.hint", cost=HINT_COST, keywords=keywords))]

    def pause(self) -> list[Msg]:
        blocked = self._guard()
        if blocked:
            return blocked
        self._event("pause", {})
        self._paused_at = self.clock.monotonic()
        self.status = "paused"
        self.store.update_qa_round(self.id, status="paused")
        return [Msg("ack", message("qa.round.paused_the_clock_has_stopped"))]

    def resume(self) -> list[Msg]:
        if self.status != "paused":
            return [Msg("error", message("qa.round.not_paused"))]
        assert self._paused_at is not None
        self._base += self.clock.monotonic() - self._paused_at
        self._paused_at = None
        self.status = "running"
        self._event("resume", {})
        self.store.update_qa_round(self.id, status="running")
        cur = self.current
        out = [Msg("ack", message("qa.round.resumed"))]
        return out + ([self.ask_msg(cur)] if cur else [])

    def tick(self) -> list[Msg]:
        if self.status == "running" and self.remaining() <= 0:
            return self.finish("time")
        return []

    def finish(self, reason: str) -> list[Msg]:
        if self.status == "finished":
            return []
        if self.status == "paused":
            self._base += self.clock.monotonic() - (self._paused_at or self.clock.monotonic())
            self._paused_at = None
        self._event("finish", {"reason": reason})
        self.status = "finished"
        self.finish_reason = reason
        score = self.score()
        self.store.update_qa_round(self.id, status="finished", score=score)
        record_results(self.store, self)
        why = message("qa.round.ended." + (reason if reason in ("time", "exhausted") else "other"))
        return [Msg("info", message("qa.round.round_score", why=why, score=score, id=self.id))]

    def score(self) -> float:
        done = [a.score for a in self.asked if a.done and a.score is not None]
        return round(sum(done) / len(done), 1) if done else 0.0


# ------------------------------------------------------------------------------ results


def point_key(topic: str, qid: str, point: str) -> str:
    return f"{topic}/{qid}/{point}"


def record_results(store: Store, rnd: QaRound) -> None:
    """One result per topic of the round (kind `qa`, item the topic), for progress and `next`."""
    at = rnd.clock.now()
    for topic in rnd.topics:
        mine = [a for a in rnd.asked if a.topic == topic and a.done]
        if not mine:
            continue
        missed = [
            point_key(topic, a.id, v["id"])
            for a in mine
            for v in a.verdicts
            if v["status"] != "explained"
        ]
        explained = [
            point_key(topic, a.id, v["id"])
            for a in mine
            for v in a.verdicts
            if v["status"] == "explained"
        ]
        score = round(sum(a.score or 0.0 for a in mine) / len(mine), 1)
        payload = {
            "round": rnd.id,
            "questions": [a.id for a in mine],
            "missed_points": missed,
            "explained_points": explained,
        }
        store.record_result("qa", topic, score, payload, at=at)


# ------------------------------------------------------------------------------ create and load


def new_round(
    store: Store,
    bank: QaBank,
    clock: Clock,
    *,
    topics: list[str],
    lang: str,
    minutes: float | None = None,
    company: str | None = None,
    round_id: str | None = None,
    per_topic: int | None = None,
    first: dict[str, str] | None = None,
) -> QaRound:
    for t in topics:
        bank.topic(t)  # unknown topic → a clear error before anything is stored
    for t, qid in (first or {}).items():
        bank.question(t, qid)
    length = DEFAULT_MINUTES if minutes is None else minutes
    meta = {"minutes": length, "company": company, "per_topic": per_topic, "first": first or {}}
    rid = store.create_qa_round(topics, lang, meta, started_at=clock.now(), round_id=round_id)
    rnd = QaRound(store, bank, clock, rid, topics, lang, length, company, per_topic, first or {})
    rnd._base = clock.monotonic()
    store.append_qa_event(rid, "start", 0.0, {"topics": topics, "minutes": length})
    return rnd


def load_round(store: Store, bank: QaBank, clock: Clock, round_id: str) -> QaRound:
    """Rebuild a round from its events; the clock resumes where the last event left it."""
    from sysdesign.errors import NotFoundError

    row = store.qa_round(round_id)
    if row is None:
        raise NotFoundError(f"no qa round {round_id!r} / qa 라운드 {round_id!r}, 없습니다")
    rnd = QaRound(
        store,
        bank,
        clock,
        row.id,
        list(row.topics),
        row.lang,
        float(row.meta.get("minutes", DEFAULT_MINUTES)),
        row.meta.get("company"),
        row.meta.get("per_topic"),
        dict(row.meta.get("first") or {}),
    )
    last_at = 0.0
    n = len(rnd.topics)
    for ev in store.qa_events(round_id):
        last_at = ev.at
        p = ev.payload
        if ev.type == "ask":
            rnd.asked.append(
                Asked(p["topic"], p["id"], p["depth"], p["reason"], p.get("via"), at=ev.at)
            )
            if p["depth"] == 1 and p["topic"] in rnd.topics:
                rnd.topic_index = (rnd.topics.index(p["topic"]) + 1) % n
        elif ev.type == "answer" and rnd.asked:
            rnd._apply_answer(rnd.asked[-1], p, ev.at)
        elif ev.type == "skip" and rnd.asked:
            a = rnd.asked[-1]
            q = bank.question(a.topic, a.id)
            a.skipped, a.score, a.answered_at = True, 0.0, ev.at
            a.verdicts = [{"id": pt.id, "status": "missed", "credit": 0.0} for pt in q.points]
        elif ev.type == "hint" and rnd.asked:
            rnd.asked[-1].hints.append(p["point"])
        elif ev.type == "finish":
            rnd.status = "finished"
            rnd.finish_reason = p.get("reason")
    # resume the clock where the round stopped; the time it was away does not count
    rnd._base = clock.monotonic() - last_at
    if rnd.status != "finished" and row.status == "paused":
        rnd._paused_at = clock.monotonic()
        rnd.status = "paused"
    return rnd
