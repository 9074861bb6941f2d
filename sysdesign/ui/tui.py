"""The full-screen session UI for a terminal: a view over one `Session`, nothing more.

    ┌ countdown: phase time left · total left (yellow at ≤ 5 min, red when over) ┐
    │ phase bar: the phases, the current one highlighted, used/budget each       │
    ├ interviewer panel (everything the engine says) ─┬ design status ───────────┤
    │                                                 │ file, valid, components, │
    │                                                 │ findings by severity     │
    ├ one input line: ?question, :command, or a note ─┴──────────────────────────┤
    └ the keys, in the session language                                          ┘

Lines typed in the input mean what they mean in `--plain` mode (`sysdesign.ui.lines`). Each
engine call commits its events before it returns, and only then does the panel show its
acknowledgement. Time is the engine's: a Textual interval timer calls `Session.tick()` every
`TICK_SECONDS`, which fires warnings, the curveball and design-file re-reads; nothing polls in
between, so an idle session costs almost no CPU.

This module imports Textual at the top: only the command that runs the full-screen UI imports
it (`sysdesign.cli.session_cmds`), lazily.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RichLog, Static

from sysdesign import messages
from sysdesign.messages import message
from sysdesign.session.engine import clock_text
from sysdesign.session.events import Msg
from sysdesign.ui.lines import handle_line, help_msgs

if TYPE_CHECKING:
    from sysdesign.session.engine import Session
    from sysdesign.store import EventRow

TICK_SECONDS = 0.5
WARN_SECONDS = 300.0
HISTORY_LINES = 200


@dataclass(frozen=True)
class Key:
    """One key of the session: the binding, its action, and its name in both languages."""

    keys: str
    action: str
    en: str
    ko: str

    @property
    def shown(self) -> str:
        """`^N`, `^T/F2`: the first key, as terminals print it, plus the alternative."""
        names = [_key_label(k) for k in self.keys.split(",")]
        return "/".join(names)


def _key_label(key: str) -> str:
    key = key.strip()
    if key.startswith("ctrl+"):
        return "^" + key[5:].upper()
    return key.upper()


# ctrl+h is Backspace on many terminals and F1 is often taken by the terminal itself, so the
# hint is ctrl+t ("tip") or F2. ctrl+p is free because the command palette is switched off.
KEYS: tuple[Key, ...] = (
    Key("ctrl+n", "next_phase", "next phase", "다음 단계"),
    Key("ctrl+r", "ask", "ask", "질문"),
    Key("ctrl+t,f2", "hint", "hint", "힌트"),
    Key("ctrl+k", "check", "check design", "설계 확인"),
    Key("ctrl+p", "pause", "pause/resume", "일시정지/재개"),
    Key("ctrl+q", "request_quit", "quit", "종료"),
)

SESSION_ACTIONS = frozenset(k.action for k in KEYS)

STYLE = {
    "interviewer": ("» ", "bold cyan"),
    "ack": ("✓ ", "green"),
    "warning": ("! ", "bold yellow"),
    "design": ("◆ ", "blue"),
    "estimate": ("= ", "magenta"),
    "hint": ("? ", "yellow"),
    "error": ("✗ ", "bold red"),
    "info": ("  ", "dim"),
    "you": ("› ", "white"),
}


def history_msgs(events: list[EventRow], plan_size: int) -> list[Msg]:
    """The conversation so far, rebuilt from the stored events (shown when a session resumes)."""
    out: list[Msg] = []
    for e in events:
        p = e.payload
        if e.type == "phase_started":
            index = int(p.get("index", 0))
            out.append(Msg("info", message("ui.tui.phase", index=index + 1, plan_size=plan_size)))
        elif e.type == "asked":
            out.append(Msg("you", message("ui.tui.line", text=p["text"])))
        elif e.type == "answered":
            answer = p.get("answer")
            if answer:
                out.append(Msg("interviewer", message("common.text", text=answer)))
            else:
                out.append(Msg("interviewer", message("ui.tui.state_your_assumption")))
        elif e.type == "noted":
            out.append(Msg("you", message("common.text", text=p["text"])))
        elif e.type == "followup_asked":
            q = p["question"]
            out.append(Msg("interviewer", message("common.text", text=q)))
        elif e.type == "followup_answered" and p.get("text"):
            out.append(Msg("you", message("common.text", text=p["text"])))
        elif e.type == "hint_taken":
            out.append(Msg("hint", message("common.text", text=p["text"])))
        elif e.type == "curveball":
            out.append(Msg("interviewer", message("ui.tui.change_of_plan", text=p["text"])))
        elif e.type == "estimate_committed":
            shown = ", ".join(f"{k} {v['human']}" for k, v in list(p["results"].items())[:4])
            out.append(Msg("estimate", message("common.text", text=shown)))
    return out[-HISTORY_LINES:]


class QuitScreen(ModalScreen[str]):
    """Finish and score the session, leave it to resume later, or go back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "choose('finish')", show=False),
        Binding("l", "choose('leave')", show=False),
        Binding("n,escape", "choose('cancel')", show=False),
    ]

    DEFAULT_CSS = """
    QuitScreen { align: center middle; }
    QuitScreen > Vertical {
        width: 64; height: auto; padding: 1 2; border: thick $warning; background: $surface;
    }
    QuitScreen Label { width: 100%; }
    QuitScreen Horizontal { height: auto; margin-top: 1; }
    QuitScreen Button { margin-right: 1; }
    """

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Label(messages.render("ui.tui.end_the_interview_now_finishing", lang))
            with Horizontal():
                yield Button(messages.render("ui.tui.finish_y", lang), id="finish", variant="error")
                yield Button(messages.render("ui.tui.leave_resume_later_l", lang), id="leave")
                yield Button(messages.render("ui.tui.back_n", lang), id="cancel", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class SessionApp(App[str]):
    """One live session. `outcome` after the run: "finished", "left" or "" (closed otherwise)."""

    TITLE = "sysdesign"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(k.keys, k.action, k.en, show=False, priority=True) for k in KEYS
    ]

    CSS = """
    Screen { layout: vertical; }
    #clock { height: 1; padding: 0 1; text-style: bold; background: $boost; }
    #clock.warn { color: $warning; }
    #clock.over { color: $error; }
    #clock.paused { color: $text-muted; }
    #phases { height: auto; padding: 0 1; }
    #body { height: 1fr; }
    #panel { width: 2fr; border: round $primary; }
    #side { width: 1fr; min-width: 28; max-width: 44; border: round $secondary; padding: 0 1; }
    #line { dock: bottom; margin-bottom: 1; }
    #keys { dock: bottom; height: 1; padding: 0 1; background: $boost; }
    """

    # What the status widgets show. Textual calls a watcher only when the new value differs
    # from the old one, so an idle screen redraws nothing; the watchers repaint one widget
    # each, with a layout pass only when the text's length changed (the countdown and the
    # phase bar change every second but keep their width).
    status_clock: reactive[tuple[str, str]] = reactive(("", ""), init=False, repaint=False)
    status_phases: reactive[Text] = reactive(Text(), init=False, repaint=False)
    status_side: reactive[Text] = reactive(Text(), init=False, repaint=False)
    status_keys: reactive[Text] = reactive(Text(), init=False, repaint=False)

    def __init__(
        self,
        session: Session,
        *,
        begin: bool = True,
        lang: str | None = None,
        report_path: Path | None = None,
        tick_seconds: float = TICK_SECONDS,
    ) -> None:
        super().__init__()
        self.session = session
        self.begin = begin
        self.lang = lang or session.lang
        self.report_path = report_path
        self.tick_seconds = tick_seconds
        self.outcome = ""
        self._components: tuple[str | None, int | None] = (None, None)

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="clock")
        yield Static(id="phases")
        with Horizontal(id="body"):
            yield RichLog(id="panel", wrap=True, markup=False, highlight=False, min_width=20)
            yield Static(id="side")
        yield Static(id="keys")
        line = Input(id="line", placeholder=self._placeholder())
        line.cursor_blink = False  # a blinking cursor redraws the screen twice a second
        yield line

    def on_mount(self) -> None:
        s = self.session
        panel = self.query_one("#panel", RichLog)
        panel.border_title = messages.render("ui.tui.interviewer", self.lang)
        self.query_one("#side", Static).border_title = messages.render("ui.tui.design", self.lang)
        self.show([Msg("info", message("ui.tui.session_type_a_note_question", id=s.id))])
        if s.state.design_path:
            self.show(
                [
                    Msg(
                        "info",
                        message("ui.tui.design_file_edit_it_in", design_path=s.state.design_path),
                    )
                ]
            )
        if self.begin:
            self.show(s.begin())
        else:
            self.show(history_msgs(s.store.events(s.id), len(s.state.plan)))
            self.show(s.resume())
        self.refresh_status()
        self.query_one("#line", Input).focus()
        self.set_interval(self.tick_seconds, self.tick)

    # -- output ---------------------------------------------------------------------------

    def show(self, msgs: list[Msg]) -> None:
        panel = self.query_one("#panel", RichLog)
        for m in msgs:
            prefix, style = STYLE.get(m.kind, ("  ", ""))
            lines = m.get(self.lang).splitlines() or [""]
            text = Text(prefix + lines[0], style=style)
            for extra in lines[1:]:
                text.append("\n  " + extra)
            panel.write(text)

    def panel_text(self) -> str:
        """The panel's lines as plain text (for tests and screen readers' copy)."""
        return "\n".join(strip.text for strip in self.query_one("#panel", RichLog).lines)

    def _repaint(self, widget_id: str, old: str | Text, new: str | Text) -> None:
        widget = self.query_one("#" + widget_id, Static)
        width = len(old.plain if isinstance(old, Text) else old)
        widget.update(new, layout=width != len(new.plain if isinstance(new, Text) else new))

    def watch_status_clock(self, old: tuple[str, str], new: tuple[str, str]) -> None:
        self._repaint("clock", old[0], new[0])
        self.query_one("#clock", Static).set_classes(new[1])

    def watch_status_phases(self, old: Text, new: Text) -> None:
        self._repaint("phases", old, new)

    def watch_status_side(self, old: Text, new: Text) -> None:
        self._repaint("side", old, new)

    def watch_status_keys(self, old: Text, new: Text) -> None:
        self._repaint("keys", old, new)

    def refresh_status(self) -> None:
        self.status_clock = self._clock()
        self.status_phases = self._phase_bar()
        self.status_side = self._side()
        self.status_keys = self._keys()
        line = self.query_one("#line", Input)
        placeholder = self._placeholder()
        if line.placeholder != placeholder:
            line.placeholder = placeholder

    def _clock(self) -> tuple[str, str]:
        s, lang = self.session, self.lang
        phase = s.state.phase
        title = phase.title[lang] if phase else ""
        if s.status == "finished":
            score = s.report["score"] if s.report else None
            shown = (
                "" if score is None else f" · {messages.render('ui.tui.score', lang)} {score:g}/100"
            )
            return messages.render("ui.tui.finished", lang) + shown, ""
        left = s.remaining()
        total = s.total_remaining()
        if left < 0:
            phase_part = messages.render(
                "ui.tui.over", lang, title=title, clock_text=clock_text(-left)
            )
        else:
            phase_part = messages.render(
                "ui.tui.left", lang, title=title, clock_text=clock_text(left)
            )
        total_part = messages.render("ui.tui.total_left", lang, clock_text=clock_text(total))
        text = f"⏱ {phase_part} · {total_part}"
        if s.status == "paused":
            return text + " · " + messages.render("ui.tui.paused_p_resumes", lang), "paused"
        if left < 0:
            return text, "over"
        if left <= WARN_SECONDS:
            return text, "warn"
        return text, ""

    def _phase_bar(self) -> Text:
        s, lang = self.session, self.lang
        bar = Text()
        records = s.state.phases
        for index, phase in enumerate(s.state.plan):
            if index < len(records):
                record = records[index]
                if index == s.state.phase_index and record.ended_at is None:
                    used = s.phase_used()
                else:
                    used = (record.ended_at or record.started_at) - record.started_at
            else:
                used = 0.0
            current = index == s.state.phase_index and s.status != "finished"
            label = f" {index + 1} {phase.title[lang]} {clock_text(used)}/{clock_text(phase.budget_seconds)} "
            if current:
                style = "bold reverse"
                if used > phase.budget_seconds:
                    style += " red"
            elif index < s.state.phase_index or s.status == "finished":
                style = "dim"
            else:
                style = ""
            if index:
                bar.append("│", style="dim")
            bar.append(label, style=style)
        return bar

    def _component_count(self) -> int | None:
        save = self.session.state.last_good_design()
        if save is None or save.text is None:
            return None
        key = save.sha or save.text
        if self._components[0] != key:
            from sysdesign.library import load_design_text

            try:
                count: int | None = len(
                    load_design_text(save.text, save.path or "<design>").components
                )
            except Exception:  # a saved design that no longer loads: show no count
                count = None
            self._components = (key, count)
        return self._components[1]

    def _side(self) -> Text:
        s, lang = self.session, self.lang
        status = s.design_status()
        out = Text()
        if status.path is None:
            out.append(messages.render("ui.tui.no_design_file_design_path", lang))
        else:
            out.append(Path(status.path).name + "\n", style="bold")
            out.append(str(Path(status.path).parent) + "\n", style="dim")
            if status.valid is None:
                out.append(messages.render("ui.tui.not_read_yet_k", lang), style="dim")
            elif status.valid:
                out.append(messages.render("ui.tui.valid", lang), style="green")
            else:
                out.append(
                    messages.render(
                        "ui.tui.invalid_problem_s", lang, n_problems=len(status.problems)
                    ),
                    style="bold red",
                )
                for problem in status.problems[:3]:
                    out.append(problem + "\n", style="red")
                if status.counts:
                    out.append(messages.render("ui.tui.last_good_version", lang), style="dim")
            count = self._component_count()
            if count is not None:
                out.append(messages.render("ui.tui.components", lang, count=count))
            if status.counts or status.valid:
                c = status.counts
                out.append(messages.render("ui.tui.findings", lang))
                out.append(
                    messages.render("ui.tui.critical", lang, get=c.get("critical", 0)),
                    style="bold red" if c.get("critical") else "",
                )
                out.append(" · ")
                out.append(
                    messages.render("ui.tui.major", lang, get=c.get("major", 0)),
                    style="yellow" if c.get("major") else "",
                )
                out.append(" · ")
                out.append(messages.render("ui.tui.minor", lang, get=c.get("minor", 0)))
                out.append("\n")
        question = s.pending_question()
        if question is not None and s.status != "finished":
            out.append("\n" + messages.render("ui.tui.waiting_for_your_answer", lang), style="bold")
            out.append(question.get(lang), style="cyan")
        if s.status == "finished":
            out.append("\n" + messages.render("ui.tui.report_2", lang), style="bold")
            if self.report_path is not None:
                out.append(str(self.report_path) + "\n")
            out.append(f"sysdesign report {s.id}")
        return out

    def _keys(self) -> Text:
        lang = self.lang
        out = Text()
        if self.session.status == "finished":
            out.append("Enter/^Q", style="bold")
            out.append(" " + messages.render("ui.tui.close", lang))
            return out
        for k in KEYS:
            name = k.ko if lang == "ko" else k.en
            if k.action == "pause":
                name = (
                    messages.render("ui.tui.resume", lang)
                    if self.session.status == "paused"
                    else messages.render("ui.tui.pause", lang)
                )
            out.append(k.shown, style="bold")
            out.append(f" {name}  ")
        return out

    def _placeholder(self) -> str:
        s, lang = self.session, self.lang
        if s.status == "finished":
            return messages.render("ui.tui.the_session_has_finished", lang)
        if s.pending_question() is not None:
            return messages.render("ui.tui.your_answer_or_note_text", lang)
        return messages.render("ui.tui.a_note_question_or_command", lang)

    # -- time -----------------------------------------------------------------------------

    def tick(self) -> None:
        """The interval timer's handler: the engine's tick, then the status widgets."""
        from textual.css.query import NoMatches

        msgs = self.session.tick() if self.session.status == "running" else []
        try:
            self.show(msgs)
            self.refresh_status()
        except NoMatches:
            # The timer fired while the screen was being torn down (quit, or the terminal
            # closed). The engine stored whatever the tick produced; there is nothing to draw.
            return

    # -- input and keys -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The session keys are priority bindings: keep them quiet while a dialog is open."""
        return not (action in SESSION_ACTIONS and isinstance(self.screen, ModalScreen))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        line = event.value
        event.input.value = ""
        if self.session.status == "finished":
            self.exit("finished")
            return
        if not line.strip():
            return
        self.show([Msg("you", message("common.text", text=line.strip()))])
        self._run(lambda: handle_line(self.session, line).msgs)

    def _run(self, action: Any) -> None:
        """Call the engine, show what it said (it has stored everything by now), refresh."""
        from sysdesign.errors import SysdesignError

        was_finished = self.session.status == "finished"
        try:
            msgs: list[Msg] = action()
        except SysdesignError as exc:
            msgs = [Msg("error", message("common.text", text=str(exc)))]
        self.show(msgs)
        if not was_finished and self.session.status == "finished":
            self._finished()
        self.refresh_status()

    def _finished(self) -> None:
        s, lang = self.session, self.lang
        self.outcome = "finished"
        self.show(summary_msgs(s.report, lang))
        where = (
            messages.render("ui.tui.report", lang, report_path=self.report_path)
            if self.report_path
            else ""
        )
        self.show(
            [
                Msg(
                    "info",
                    message(
                        "ui.tui.sysdesign_report_press_enter_or",
                        where=where,
                        id=s.id,
                        value=")" if where else "",
                    ),
                )
            ]
        )

    def action_next_phase(self) -> None:
        if self.session.status == "finished":
            return
        self._run(lambda: handle_line(self.session, ":next").msgs)

    def action_ask(self) -> None:
        line = self.query_one("#line", Input)
        if not line.value.startswith("?"):
            line.value = "?" + line.value
        line.cursor_position = len(line.value)
        line.focus()

    def action_hint(self) -> None:
        if self.session.status != "finished":
            self._run(self.session.hint)

    def action_check(self) -> None:
        if self.session.status != "finished":
            self._run(self.session.check)

    def action_pause(self) -> None:
        s = self.session
        if s.status == "paused":
            self._run(s.resume)
        elif s.status == "running":
            self._run(s.pause)

    def action_request_quit(self) -> None:
        if self.session.status == "finished":
            self.exit("finished")
            return
        self.push_screen(QuitScreen(self.lang), self._quit_chosen)

    def action_help(self) -> None:
        self.show(help_msgs())

    def _quit_chosen(self, choice: str | None) -> None:
        if choice == "finish":
            self._run(lambda: self.session.finish("quit"))
        elif choice == "leave":
            self._run(self.session.suspend)
            self.outcome = "left"
            self.exit("left")
        else:
            self.query_one("#line", Input).focus()


def summary_msgs(report: dict[str, Any] | None, lang: str) -> list[Msg]:
    """The score by area, one line each, as the end of a session shows it."""
    if not report:
        return []
    from sysdesign.session.report import _area_name

    areas: dict[str, list[float]] = {}
    for item in report["breakdown"]:
        a = areas.setdefault(item["area"], [0.0, 0.0])
        a[0] += item["points"]
        a[1] += item["max"]
    lines = [
        f"{_area_name(k, lang)}: {round(v[0], 1):g}/{round(v[1], 1):g}" for k, v in areas.items()
    ]
    return [Msg("info", message("common.text", text="\n".join(lines)))]


def run(
    session: Session,
    *,
    begin: bool,
    lang: str | None = None,
    report_path: Path | None = None,
) -> bool:
    """Run the full-screen UI until the session finishes or the candidate leaves.

    True when the session finished. A session left, or a UI that stopped on an error, is
    paused (`Session.suspend`) so that `sysdesign resume` goes on where it stopped.
    """
    language = lang or session.lang
    app = SessionApp(session, begin=begin, lang=language, report_path=report_path)
    try:
        app.run()
    finally:
        if session.status == "running":
            session.suspend()
    if session.status == "finished":
        for m in summary_msgs(session.report, language):
            sys.stdout.write(m.get(language) + "\n")
        return True
    sys.stdout.write(
        messages.render("ui.tui.session_paused_resume_sysdesign_resume", language, id=session.id)
    )
    sys.stdout.flush()
    return False
