"""The interview engine: phases, clock, interviewer, design and estimates; no UI.

A UI (the `--plain` line mode, the full-screen TUI, the scripted runner) drives one `Session`:

    from sysdesign.session.engine import Session, new_session, open_session
    from sysdesign.session.clock import SystemClock

    session = new_session(store, scenario, rubric, clock=SystemClock(), lang="ko",
                          minutes=None, design_path=Path("chat-design.yaml"))
    msgs = session.begin()            # first phase starts; the interviewer's opening
    # later, or in another process after a crash:
    session = open_session(store, session_id, clock=SystemClock())
    msgs = session.resume()

Every action returns `list[Msg]` (`events.Msg`: kind + en + ko) for the UI to show, and each
action's events are committed to the store *before* it returns, so whatever a UI shows as
acknowledged is on disk:

- `tick()`                  call often (the plain loop: every second); fires time warnings
                            (5 and 1 minutes left, time up), the curveball, and re-reads the
                            design file when its mtime changed
- `ask(text)`               a clarifying question → `asked` + `answered`
- `note(text)`              → `noted`
- `answer(text)`            answers the pending follow-up → `followup_answered`
- `say(text)`               a free line: the assumption asked for, else the pending follow-up's
                            answer, else a note
- `next_phase()`            → `phase_ended` (+ snapshot), `phase_started`, `followup_asked`;
                            in the last phase it finishes the session
- `set_design(path)`, `check()`  → `design_saved` when the file changed (invalid files are
                            reported and recorded, the last good design is kept)
- `estimate(args)`          `--dau 50M --writes-per-user 40` or a mapping → `estimate_committed`
- `hint()`                  → `hint_taken` (each costs `HINT_COST` points)
- `pause()`, `resume()`     → `paused`, `resumed`; time stops in between
- `finish(reason)`          → `phase_ended`, `finished`; builds and stores the report
                            (`session.report`, a dict: see `sysdesign.session.report`)

Read-only: `state` (`events.SessionState`), `elapsed()`, `remaining()` (in the phase, negative
when over), `phase_budget()`, `status`, `design_status()`, `pending_question()`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

from sysdesign.estimate.flags import parse_estimate_args
from sysdesign.messages import Message, given, message
from sysdesign.session import events as ev
from sysdesign.session.events import Event, Msg, PlannedPhase, SessionState, msg
from sysdesign.session.watcher import DesignStatus, DesignWatcher, findings_of

if TYPE_CHECKING:
    from sysdesign.models.rubric import Rubric
    from sysdesign.models.scenario import Scenario
    from sysdesign.session.clock import Clock
    from sysdesign.store import Store

HINT_COST = 2.0
P = ParamSpec("P")
Action = Callable[Concatenate["Session", P], list[Msg]]
SHOWN_FIGURES = (
    "write_qps",
    "peak_write_qps",
    "read_qps",
    "storage_per_year",
    "egress_bandwidth",
    "cache_memory",
    "servers",
)
WARN_AT = (300.0, 60.0, 0.0)


def clock_text(seconds: float) -> str:
    """`12:34`, or `-01:05` when over time."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def plan_phases(scenario: Scenario, minutes: float | None = None) -> list[PlannedPhase]:
    """The scenario's phase plan, scaled so that it adds up to `minutes` when given."""
    scale = 1.0 if not minutes else minutes / scenario.total_minutes
    return [
        PlannedPhase(p.id, p.title.model_dump(), round(p.minutes * 60 * scale, 3))
        for p in scenario.phases
    ]


def curveball_seconds(scenario: Scenario, minutes: float | None = None) -> float:
    scale = 1.0 if not minutes else minutes / scenario.total_minutes
    return round(scenario.curveball.at_minute * 60 * scale, 3)


def guarded(*, notes_while_paused: bool = False) -> Callable[[Action[P]], Action[P]]:
    """An action that runs only while the session runs (notes also while paused, with
    `notes_while_paused`); otherwise it returns the refusal (`Session._refusal`) instead."""

    def wrap(action: Action[P]) -> Action[P]:
        @functools.wraps(action)
        def run(self: Session, /, *args: P.args, **kwargs: P.kwargs) -> list[Msg]:
            refusal = self._refusal(notes_while_paused=notes_while_paused)
            if refusal is not None:
                return refusal
            return action(self, *args, **kwargs)

        return run

    return wrap


class Session:
    """One interview, live. Create with `new_session` or `open_session`."""

    def __init__(
        self,
        store: Store,
        state: SessionState,
        scenario: Scenario,
        rubric: Rubric,
        clock: Clock,
    ) -> None:
        self.store = store
        self.state = state
        self.scenario = scenario
        self.rubric = rubric
        self.clock = clock
        self._base = state.elapsed
        self._since: float | None = None
        self._pause_started: float | None = None
        self._warned: set[tuple[int, float]] = set()
        self.design = DesignWatcher(state, scenario, rubric, self._emit)
        self.report: dict[str, Any] | None = None
        self._mark_warnings_passed()

    # -- time ------------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.state.session_id

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def status(self) -> str:
        return self.state.status

    def elapsed(self) -> float:
        """Active seconds since the start (pauses and downtime excluded)."""
        if self._since is None:
            return self._base
        return self._base + max(0.0, self.clock.monotonic() - self._since)

    def phase_budget(self) -> float:
        phase = self.state.phase
        return phase.budget_seconds if phase else 0.0

    def phase_used(self) -> float:
        if not self.state.phases:
            return 0.0
        return self.elapsed() - self.state.phase_started_at()

    def remaining(self) -> float:
        """Seconds left in the current phase; negative when over."""
        return self.phase_budget() - self.phase_used()

    def total_remaining(self) -> float:
        return sum(p.budget_seconds for p in self.state.plan) - self.elapsed()

    def pending_question(self) -> Msg | None:
        if self.state.pending_assumption is not None:
            return msg("interviewer", "session.engine.state_your_assumption_your_next")
        pending = self.state.pending
        if pending is None:
            return None
        return msg("interviewer", "common.text", text=pending.question)

    def design_status(self) -> DesignStatus:
        return self.design.status()

    def _design_line(self) -> Message:
        return self.design.line()

    # -- the store ------------------------------------------------------------------------

    def _emit(self, type_: str, payload: dict[str, Any]) -> Event:
        at = round(self.elapsed(), 3)
        at = max(at, self.state.elapsed)
        seq = self.store.append_event(self.id, type_, at, payload)
        event = Event(type_, at, payload, seq)
        ev.apply(self.state, event)
        return event

    def _refusal(self, *, notes_while_paused: bool = False) -> list[Msg] | None:
        """Why an action cannot run now (finished, paused, not begun), or None when it can."""
        if self.state.status == "paused" and notes_while_paused:
            return None
        if self.state.status == "finished":
            return [msg("error", "session.engine.the_session_has_finished_see")]
        if self.state.status == "paused":
            return [msg("error", "session.engine.paused_resume_to_go_on")]
        if self.state.status == "new":
            return [msg("error", "session.engine.the_session_has_not_begun")]
        return None

    # -- lifecycle --------------------------------------------------------------------------

    def begin(self) -> list[Msg]:
        """Start the clock and the first phase."""
        if self.state.status != "new":
            return self.resume()
        self._since = self.clock.monotonic()
        s = self.scenario
        out = [
            msg("info", "common.text", text=s.title),
            msg("interviewer", "common.text", text=s.prompt),
        ]
        out += self._start_phase(0)
        out += self.design.poll(force=True)
        return out

    def resume(self) -> list[Msg]:
        """Go on after `pause()`, or in a new process after a crash or an exit."""
        if self.state.status == "finished":
            return self._refusal() or []
        if self.state.status == "new":
            return self.begin()
        after_crash = self.state.status == "running"
        wall = self.clock.now().isoformat(timespec="seconds")
        paused_seconds: float | None = None
        if self._pause_started is not None:
            paused_seconds = round(self.clock.monotonic() - self._pause_started, 3)
        elif self.state.pauses and self.state.pauses[-1].wall_end is None and not after_crash:
            paused_seconds = _wall_diff(self.state.pauses[-1].wall_start, wall)
        self._emit(
            ev.RESUMED,
            {"wall": wall, "paused_seconds": paused_seconds, "after_crash": after_crash},
        )
        self._since = self.clock.monotonic()
        self._pause_started = None
        self.store.update_session(self.id, status="running")
        phase = self.state.phase
        out = [
            Msg(
                "info",
                message(
                    "session.engine.resumed_at_into_the_session",
                    elapsed=clock_text(self.elapsed()),
                    remaining=clock_text(self.remaining()),
                    title=phase.title if phase else "",
                ),
            )
        ]
        question = self.pending_question()
        if question:
            out.append(question)
        out += self.design.poll()
        return out

    @guarded()
    def pause(self) -> list[Msg]:
        out = self.tick()
        self._emit(ev.PAUSED, {"wall": self.clock.now().isoformat(timespec="seconds")})
        self._base = self.state.elapsed
        self._since = None
        self._pause_started = self.clock.monotonic()
        self.store.update_session(self.id, status="paused")
        return [
            *out,
            msg("ack", "session.engine.paused_the_clock_has_stopped"),
        ]

    def suspend(self) -> list[Msg]:
        """The UI is going away (end of input, Ctrl-C): pause so that `resume` can go on."""
        if self.state.status != "running":
            return []
        return self.pause()

    # -- time-driven ------------------------------------------------------------------------

    def _mark_warnings_passed(self) -> None:
        if self.state.phase is None:
            return
        used = self.state.elapsed - self.state.phase_started_at()
        for threshold in WARN_AT:
            if self.phase_budget() - used <= threshold:
                self._warned.add((self.state.phase_index, threshold))

    def tick(self) -> list[Msg]:
        """Time warnings, the curveball and design-file changes; call it often."""
        if self.state.status != "running":
            return []
        out: list[Msg] = []
        phase = self.state.phase
        if phase is not None:
            left = self.remaining()
            for threshold in WARN_AT:
                key = (self.state.phase_index, threshold)
                if key in self._warned or left > threshold:
                    continue
                if threshold >= phase.budget_seconds:
                    self._warned.add(key)
                    continue
                self._warned.add(key)
                out.append(self._warning(threshold, phase))
        if (
            self.state.curveball_fired_at is None
            and self.elapsed() >= self.state.curveball_at
            and self.scenario.curveball is not None
        ):
            out += self._curveball()
        out += self.design.poll()
        return out

    def _warning(self, threshold: float, phase: PlannedPhase) -> Msg:
        if threshold == 0:
            return msg("warning", "session.engine.time_is_up_for_wrap", title=phase.title)
        minutes = int(threshold // 60)
        key = "session.engine.minute_left" if minutes == 1 else "session.engine.minutes_left"
        return msg("warning", key, minutes=minutes, title=phase.title)

    def _curveball(self) -> list[Msg]:
        cb = self.scenario.curveball
        text = cb.text.model_dump()
        self._emit(ev.CURVEBALL, {"text": text, "expects": cb.expects.model_dump()})
        out = [msg("interviewer", "session.engine.change_of_plan", text=text)]
        self._emit(
            ev.FOLLOWUP_ASKED,
            {"id": "curveball", "kind": "curveball", "question": text, "triggered_by": []},
        )
        out.append(msg("info", "session.engine.your_next_line_answers_it"))
        return out

    # -- phases -----------------------------------------------------------------------------

    def _start_phase(self, index: int) -> list[Msg]:
        phase = self.state.plan[index]
        queue: list[dict[str, Any]] = []
        if phase.id == "deep_dive":
            from sysdesign.session.interviewer import deep_dive_items

            rules: list[str] = []
            design = self.design.current()
            if design is not None:
                rules = [f.rule for f in findings_of(design, self.scenario, self.rubric)]
            queue += deep_dive_items(self.rubric, rules)
        from sysdesign.session.interviewer import phase_questions

        queue += phase_questions(self.scenario, phase.id)
        self._emit(ev.PHASE_STARTED, {"phase": phase.id, "index": index, "queue": queue})
        scenario_phase = next((p for p in self.scenario.phases if p.id == phase.id), None)
        minutes = clock_text(phase.budget_seconds)
        out = [
            msg(
                "info",
                "session.engine.phase",
                index=index + 1,
                n_plan=len(self.state.plan),
                title=phase.title,
                minutes=minutes,
            )
        ]
        if scenario_phase is not None:
            out.append(msg("info", "common.text", text=scenario_phase.goal))
        out += self._ask_next()
        return out

    def _ask_next(self) -> list[Msg]:
        """The next question: a deep dive the current design's findings call for first; one
        whose points the candidate already explained is skipped, not asked again."""
        from sysdesign.session.interviewer import already_covered

        while self.state.pending is None and self.state.queue:
            # a question the curveball interrupted comes back first
            queue = self.state.queue
            item = queue[0] if queue[0].asked_at is not None else self._by_findings(queue)
            if already_covered(item, self.state, self.scenario, self.rubric):
                self._emit(ev.FOLLOWUP_SKIPPED, {"id": item.id})
                continue
            self._emit(ev.FOLLOWUP_ASKED, item.item())
            question = item.question
            if item.triggered_by and item.kind == "deep_dive":
                rules = ", ".join(item.triggered_by)
                return [
                    msg(
                        "interviewer",
                        "session.engine.your_design_has",
                        rules=rules,
                        question=question,
                    )
                ]
            return [msg("interviewer", "common.text", text=question)]
        return []

    def _by_findings(self, fresh: list[ev.FollowUp]) -> ev.FollowUp:
        """The first queued deep dive that the current design's findings trigger, else the
        first queued question."""
        dives = [f for f in fresh if f.kind == "deep_dive" and f.asked_at is None]
        if not dives:
            return fresh[0]
        design = self.design.current()
        if design is None:
            return fresh[0]
        rules = [f.rule for f in findings_of(design, self.scenario, self.rubric)]
        by_id = {d.id: d for d in self.rubric.deep_dives}
        for item in dives:
            dive = by_id.get(item.id)
            hit = [r for r in (dive.triggers if dive else []) if r in rules]
            if hit:
                item.triggered_by = list(dict.fromkeys([*item.triggered_by, *hit]))
                return item
        return fresh[0]

    def _end_phase(self) -> list[Msg]:
        out = self.design.poll()
        phase = self.state.phase
        if phase is None:
            return out
        used = round(self.phase_used(), 3)
        overrun = round(max(0.0, used - phase.budget_seconds), 3)
        self._emit(
            ev.PHASE_ENDED, {"phase": phase.id, "used_seconds": used, "overrun_seconds": overrun}
        )
        good = self.state.last_good_design()
        if good is not None and good.text is not None:
            self.store.save_snapshot(self.id, phase.id, self.state.elapsed, good.text)
        if overrun > 0:
            out.append(
                msg(
                    "info",
                    "session.engine.ran_over",
                    title=phase.title,
                    clock_text=clock_text(overrun),
                )
            )
        return out

    @guarded()
    def next_phase(self) -> list[Msg]:
        out = self.tick()
        if self.state.is_last_phase:
            return out + self.finish("last_phase")
        out += self._end_phase()
        out += self._start_phase(self.state.phase_index + 1)
        return out

    def finish(self, reason: str = "quit") -> list[Msg]:
        """End the interview, score it and store the report."""
        if self.state.status == "finished":
            return self._refusal() or []
        out: list[Msg] = []
        if self.state.status == "paused":
            self._emit(
                ev.RESUMED,
                {
                    "wall": self.clock.now().isoformat(timespec="seconds"),
                    "paused_seconds": None
                    if self._pause_started is None
                    else round(self.clock.monotonic() - self._pause_started, 3),
                    "after_crash": False,
                },
            )
        else:
            out += self.tick()
        out += self._end_phase()
        from sysdesign.session.report import score_report, show_report

        preliminary = score_report(self.state, self.scenario, self.rubric)
        self._emit(ev.FINISHED, {"reason": reason, "score": preliminary["score"]})
        self._since = None
        self._base = self.state.elapsed
        stored = score_report(self.state, self.scenario, self.rubric)  # one record, any language
        self.report = show_report(stored, self.lang)
        score = float(self.report["score"])
        row = self.store.session(self.id)
        meta = dict(row.meta) if row else {}
        meta["report"] = stored
        self.store.update_session(self.id, status="finished", score=score, meta=meta)
        self.store.record_result("session", self.scenario.id, score, result_payload(self.report))
        out.append(msg("ack", "session.engine.session_finished_score_100", score=score))
        return out

    # -- the candidate's actions ------------------------------------------------------------

    @guarded()
    def ask(self, text: str) -> list[Msg]:
        from sysdesign.understand.facts import match_question
        from sysdesign.understand.grade import is_soup

        text = text.strip()
        if not text:
            return [msg("error", "session.engine.ask_a_question_after")]
        out = self.tick()
        self._emit(ev.ASKED, {"text": text})
        matched = match_question(text, self.scenario)
        soup = is_soup(text)
        facts = [f for f in (self.scenario.fact(i) for i in matched.facts) if f is not None]
        if matched.outcome == "answer" and facts:
            answer = {
                "en": " ".join(f.answer.en for f in facts),
                "ko": " ".join(f.answer.ko for f in facts),
            }
            self._emit(
                ev.ANSWERED,
                {
                    "question": text,
                    "facts": [f.id for f in facts],
                    "answer": answer,
                    "assumption_needed": False,
                    "soup": soup,
                },
            )
            out.append(msg("interviewer", "common.text", text=answer))
        elif matched.outcome == "clarify":
            a, b = (self.scenario.fact(i) for i in matched.choices)
            self._emit(
                ev.ANSWERED,
                {
                    "question": text,
                    "facts": [],
                    "answer": None,
                    "assumption_needed": False,
                    "clarify": list(matched.choices),
                    "soup": soup,
                },
            )
            en_a, ko_a = _fact_label(a)
            en_b, ko_b = _fact_label(b)
            out.append(
                msg(
                    "interviewer",
                    "session.engine.which_of_two",
                    a=given(en_a, ko_a),
                    b=given(en_b, ko_b),
                )
            )
        else:
            self._emit(
                ev.ANSWERED,
                {"question": text, "facts": [], "answer": None, "assumption_needed": True},
            )
            out.append(msg("interviewer", "session.engine.i_can_t_tell_you"))
        return out

    @guarded(notes_while_paused=True)
    def note(self, text: str) -> list[Msg]:
        """A note; taken while paused too (time stands still, what you type is kept)."""
        text = text.strip()
        if not text:
            return []
        if self.state.status == "paused":
            self._emit(ev.NOTED, {"text": text, "while_paused": True})
            n = len(self.state.notes)
            return [msg("ack", "session.engine.noted_while_paused", n=n)]
        out = self.tick()
        if self.state.pending_assumption is not None:
            self._emit(ev.NOTED, {"text": text, "assumption_for": self.state.pending_assumption})
            return [*out, msg("ack", "session.engine.assumption_recorded")]
        self._emit(ev.NOTED, {"text": text})
        n = len(self.state.notes)
        return [*out, msg("ack", "session.engine.noted", n=n)]

    @guarded()
    def answer(self, text: str, *, target: str | None = None) -> list[Msg]:
        """Answer the pending question (or, with `target`, an earlier one still open)."""
        text = text.strip()
        pending = self.state.pending
        if pending is None and target is None:
            return [msg("error", "session.engine.no_question_is_waiting_for")]
        if not text:
            return []
        out = self.tick()
        pending = self.state.pending
        if target is not None and (pending is None or pending.id != target):
            item = next((f for f in self.state.queue if f.id == target and f.asked_at), None)
            if item is None:
                return [*out, *self.note(text)]
            self._emit(ev.FOLLOWUP_ANSWERED, {"id": item.id, "text": text})
            q = _short(item.question)
            out.append(msg("ack", "session.engine.answer_recorded", question=given(*q)))
            return out
        if pending is None:  # the phase moved on during the tick
            return [*out, *self.note(text)]
        self._emit(ev.FOLLOWUP_ANSWERED, {"id": pending.id, "text": text})
        q = _short(pending.question)
        out.append(msg("ack", "session.engine.answer_recorded", question=given(*q)))
        out += self._react(pending)
        return out

    def _react(self, item: ev.FollowUp) -> list[Msg]:
        """The next probe from the last answer, else the next question in the queue."""
        from sysdesign.session.interviewer import react

        probe = react(item, self.state, self.scenario, self.rubric)
        if probe is None:
            return self._ask_next()
        qid = item.parent or item.id
        n = sum(1 for f in self.state.followups if f.parent == qid) + 1
        self._emit(
            ev.FOLLOWUP_ASKED,
            {
                "id": f"{qid}~{n}",
                "kind": "probe",
                "question": probe.question,
                "triggered_by": list(item.triggered_by),
                "parent": qid,
                "reason": probe.reason,
            },
        )
        return [msg("interviewer", "common.text", text=probe.question)]

    @guarded(notes_while_paused=True)
    def say(self, text: str) -> list[Msg]:
        """A free line, filed where it belongs: the answer to the pending question, to an
        earlier question still open, the assumption asked for, or else a note. While paused,
        every free line is a note."""
        from sysdesign.session.interviewer import route
        from sysdesign.understand.speech import is_question

        text = text.strip()
        if not text:
            return []
        if self.state.status == "paused":
            return self.note(text)
        if is_question(text):
            return self.ask(text)
        where, target = route(text, self.state, self.scenario, self.rubric, self.lang)
        if where == "answer":
            return self.answer(text)
        if where == "open" and target is not None:
            return self.answer(text, target=target)
        return self.note(text)

    @guarded()
    def skip(self) -> list[Msg]:
        """Leave the pending question unanswered for now (it is not asked again)."""
        if self.state.pending_assumption is not None:
            self.state.pending_assumption = None
        pending = self.state.pending
        if pending is None:
            return []
        self._emit(ev.FOLLOWUP_ANSWERED, {"id": pending.id, "text": ""})
        return [msg("ack", "session.engine.skipped"), *self._ask_next()]

    # -- design -----------------------------------------------------------------------------

    @guarded()
    def set_design(self, path: Path) -> list[Msg]:
        path = Path(path).expanduser()
        if not path.exists():
            return [
                msg("error", "session.engine.no_such_file", path=path),
            ]
        self.design.watch(path)
        out = self.design.poll(force=True)
        if not out:
            out = [Msg("design", self.design.line())]
        return out

    @guarded()
    def check(self) -> list[Msg]:
        out = self.tick()
        more = self.design.poll(force=True)
        if not more:
            more = [Msg("design", self.design.line())]
        return out + more + self.design.finding_lines()

    # -- estimates and hints ----------------------------------------------------------------

    @guarded()
    def estimate(self, args: str | Mapping[str, Any]) -> list[Msg]:
        from sysdesign.errors import SysdesignError

        try:
            inputs = parse_estimate_args(args)
            from sysdesign.estimate.traffic import traffic_model

            calc = traffic_model(inputs)
        except SysdesignError as exc:
            return [msg("error", "common.text", text=str(exc))]
        results = {name: r.to_json() for name, r in calc.results.items()}
        out = self.tick()
        self._emit(ev.ESTIMATE_COMMITTED, {"inputs": inputs, "results": results})
        first = [n for n in SHOWN_FIGURES if n in results]
        names = first + [n for n in results if n not in first]
        shown = ", ".join(f"{name} {results[name]['human']}" for name in names[:7])
        out.append(msg("estimate", "session.engine.estimate_committed", shown=shown))
        return out

    @guarded()
    def hint(self) -> list[Msg]:
        from sysdesign.session.interviewer import hint_for

        out = self.tick()
        design = self.design.current()
        fixes: list[tuple[str, dict[str, str]]] = []
        if design is not None:
            fixes = [
                (f.rule, {"en": f.fix.en, "ko": f.fix.ko})
                for f in findings_of(design, self.scenario, self.rubric)
            ]
        text = hint_for(self.state, self.scenario, self.rubric, fixes)
        if text is None:
            return [
                *out,
                msg("hint", "session.engine.no_hint_right_now_you"),
            ]
        self._emit(ev.HINT_TAKEN, {"phase": self.state.phase_id, "text": text, "cost": HINT_COST})
        return [
            *out,
            msg("hint", "session.engine.hint_points", hint_cost=HINT_COST, text=text),
        ]


def _fact_label(fact: Any) -> tuple[str, str]:
    """How the interviewer names a fact in a clarifying question: its first keywords."""
    if fact is None:
        return ("that", "그것")
    en = fact.keywords.en[0] if fact.keywords.en else fact.id
    ko = fact.keywords.ko[0] if fact.keywords.ko else fact.id
    return (f"“{en}”", f"“{ko}”")


def _short(question: dict[str, str], limit: int = 60) -> tuple[str, str]:
    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    return cut(question.get("en", "")), cut(question.get("ko", ""))


def _wall_diff(start: str, end: str) -> float | None:
    from datetime import datetime

    try:
        return round(
            (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds(), 3
        )
    except ValueError:
        return None


def result_payload(report: Mapping[str, Any]) -> dict[str, Any]:
    """What the practice scheduler reads from a finished session (`store.record_result`)."""
    return {
        "session_id": report["session_id"],
        "rules": [f["rule"] for f in report["design"].get("findings", [])],
        "missed_questions": list(report["asked"].get("missed", [])),
        "missed_requirements": [
            r["id"] for r in report["requirements"]["items"] if not r["stated"]
        ],
        "missed_concepts": {
            d["id"]: [c["id"] for c in d["concepts"] if not c["covered"]]
            for d in report["deep_dive"]["items"]
        },
        "hints": sum(1 for b in report["breakdown"] if b["area"] == "hints"),
        "breakdown": [{k: b[k] for k in ("area", "points", "max")} for b in report["breakdown"]],
    }


# -- creating and opening sessions -----------------------------------------------------------


def new_session(
    store: Store,
    scenario: Scenario,
    rubric: Rubric,
    *,
    clock: Clock,
    lang: str,
    minutes: float | None = None,
    design_path: Path | None = None,
    session_id: str | None = None,
    track: str | None = None,
) -> Session:
    """Create the session row (with its plan in `meta`); call `begin()` to start the clock.

    `track` (a company track id) is kept with the session: the report compares estimates with
    the scenario's preset under that track's variant."""
    plan = plan_phases(scenario, minutes)
    cb_at = curveball_seconds(scenario, minutes)
    meta = {
        "minutes": minutes,
        "plan": [p.to_json() for p in plan],
        "curveball_at": cb_at,
        "design_path": str(design_path.resolve()) if design_path else None,
        "track": track,
    }
    sid = store.create_session(
        scenario.id, lang, meta, started_at=clock.now(), session_id=session_id
    )
    state = SessionState(
        session_id=sid,
        scenario=scenario.id,
        lang=lang,
        plan=plan,
        curveball_at=cb_at,
        design_path=meta["design_path"],  # type: ignore[arg-type]
        track=track,
    )
    return Session(store, state, scenario, rubric, clock)


def replay(store: Store, session_id: str) -> SessionState:
    """The state of a stored session, from its events."""
    from sysdesign.errors import NotFoundError

    row = store.session(session_id)
    if row is None:
        raise NotFoundError(f"no session {session_id!r}; see `sysdesign history` / 세션이 없습니다")
    meta = row.meta
    state = SessionState(
        session_id=row.id,
        scenario=row.scenario,
        lang=row.lang,
        plan=[PlannedPhase.from_json(p) for p in meta.get("plan", [])],
        curveball_at=float(meta.get("curveball_at", 0.0)),
        design_path=meta.get("design_path"),
        track=meta.get("track"),
    )
    for e in store.events(session_id):
        ev.apply(state, Event(e.type, e.at, e.payload, e.seq))
    return state


def open_session(
    store: Store,
    session_id: str,
    *,
    clock: Clock,
    scenario: Scenario | None = None,
    rubric: Rubric | None = None,
) -> Session:
    """A stored session, replayed; call `resume()` to start its clock again."""
    state = replay(store, session_id)
    if scenario is None or rubric is None:
        from sysdesign.library import library

        lib = library()
        scenario = scenario or lib.scenario(state.scenario)
        rubric = rubric or lib.rubric(state.scenario)
    session = Session(store, state, scenario, rubric, clock)
    if state.status == "finished":
        row = store.session(session_id)
        from sysdesign.session.report import is_stored_report, show_report

        stored = (row.meta.get("report") if row else None) or {}
        if is_stored_report(stored):
            session.report = show_report(stored, state.lang)
        else:  # format 1: one report per language
            session.report = stored.get(state.lang)
    return session
