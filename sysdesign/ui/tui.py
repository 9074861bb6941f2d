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


def t(lang: str, en: str, ko: str) -> str:
    return ko if lang == "ko" else en


def history_msgs(events: list[EventRow], plan_size: int) -> list[Msg]:
    """The conversation so far, rebuilt from the stored events (shown when a session resumes)."""
    out: list[Msg] = []
    for e in events:
        p = e.payload
        if e.type == "phase_started":
            index = int(p.get("index", 0))
            out.append(
                Msg(
                    "info", f"— phase {index + 1}/{plan_size} —", f"— {index + 1}/{plan_size}단계 —"
                )
            )
        elif e.type == "asked":
            out.append(Msg("you", "?" + p["text"], "?" + p["text"]))
        elif e.type == "answered":
            answer = p.get("answer")
            if answer:
                out.append(Msg("interviewer", answer["en"], answer["ko"]))
            else:
                out.append(Msg("interviewer", "State your assumption.", "가정을 말해 주세요."))
        elif e.type == "noted":
            out.append(Msg("you", p["text"], p["text"]))
        elif e.type == "followup_asked":
            q = p["question"]
            out.append(Msg("interviewer", q["en"], q["ko"]))
        elif e.type == "followup_answered" and p.get("text"):
            out.append(Msg("you", p["text"], p["text"]))
        elif e.type == "hint_taken":
            out.append(Msg("hint", p["text"]["en"], p["text"]["ko"]))
        elif e.type == "curveball":
            out.append(
                Msg(
                    "interviewer",
                    "Change of plan: " + p["text"]["en"],
                    "요구사항 변경: " + p["text"]["ko"],
                )
            )
        elif e.type == "estimate_committed":
            shown = ", ".join(f"{k} {v['human']}" for k, v in list(p["results"].items())[:4])
            out.append(Msg("estimate", shown, shown))
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
            yield Label(
                t(
                    lang,
                    "End the interview now? Finishing scores it and writes the report.",
                    "면접을 끝낼까요? 끝내면 채점하고 리포트를 씁니다.",
                )
            )
            with Horizontal():
                yield Button(t(lang, "Finish (y)", "끝내기 (y)"), id="finish", variant="error")
                yield Button(t(lang, "Leave, resume later (l)", "나가기, 나중에 (l)"), id="leave")
                yield Button(t(lang, "Back (n)", "돌아가기 (n)"), id="cancel", variant="primary")

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
        panel.border_title = t(self.lang, "Interviewer", "면접관")
        self.query_one("#side", Static).border_title = t(self.lang, "Design", "설계")
        self.show(
            [
                Msg(
                    "info",
                    f"Session {s.id}. Type a note, ?question or :command (:help). "
                    f"Resume later: sysdesign resume {s.id}",
                    f"세션 {s.id}. 메모, ?질문, :명령(:help)을 입력하세요. "
                    f"나중에 이어서: sysdesign resume {s.id}",
                )
            ]
        )
        if s.state.design_path:
            self.show(
                [
                    Msg(
                        "info",
                        f"Design file: {s.state.design_path} (edit it in your editor; "
                        "saves are noticed)",
                        f"설계 파일: {s.state.design_path} (편집기로 고치세요. 저장하면 반영됩니다)",
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
            shown = "" if score is None else f" · {t(lang, 'score', '점수')} {score:g}/100"
            return t(lang, "Finished", "종료") + shown, ""
        left = s.remaining()
        total = s.total_remaining()
        if left < 0:
            phase_part = t(
                lang,
                f"{title}: {clock_text(-left)} over",
                f"{title}: {clock_text(-left)} 초과",
            )
        else:
            phase_part = t(
                lang, f"{title}: {clock_text(left)} left", f"{title}: {clock_text(left)} 남음"
            )
        total_part = t(lang, f"total {clock_text(total)} left", f"전체 {clock_text(total)} 남음")
        text = f"⏱ {phase_part} · {total_part}"
        if s.status == "paused":
            return text + " · " + t(lang, "PAUSED (^P resumes)", "일시정지 (^P 재개)"), "paused"
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
            out.append(t(lang, "No design file: :design PATH", "설계 파일 없음: :design PATH"))
        else:
            out.append(Path(status.path).name + "\n", style="bold")
            out.append(str(Path(status.path).parent) + "\n", style="dim")
            if status.valid is None:
                out.append(t(lang, "not read yet (^K)\n", "아직 읽지 않음 (^K)\n"), style="dim")
            elif status.valid:
                out.append(t(lang, "✓ valid\n", "✓ 정상\n"), style="green")
            else:
                out.append(
                    t(
                        lang,
                        f"✗ invalid: {len(status.problems)} problem(s)\n",
                        f"✗ 오류: 문제 {len(status.problems)}개\n",
                    ),
                    style="bold red",
                )
                for problem in status.problems[:3]:
                    out.append(problem + "\n", style="red")
                if status.counts:
                    out.append(t(lang, "last good version:\n", "마지막 정상 버전:\n"), style="dim")
            count = self._component_count()
            if count is not None:
                out.append(t(lang, f"components: {count}\n", f"구성 요소: {count}\n"))
            if status.counts or status.valid:
                c = status.counts
                out.append(t(lang, "findings: ", "지적: "))
                out.append(
                    t(lang, f"critical {c.get('critical', 0)}", f"치명 {c.get('critical', 0)}"),
                    style="bold red" if c.get("critical") else "",
                )
                out.append(" · ")
                out.append(
                    t(lang, f"major {c.get('major', 0)}", f"주요 {c.get('major', 0)}"),
                    style="yellow" if c.get("major") else "",
                )
                out.append(" · ")
                out.append(t(lang, f"minor {c.get('minor', 0)}", f"경미 {c.get('minor', 0)}"))
                out.append("\n")
        question = s.pending_question()
        if question is not None and s.status != "finished":
            out.append(
                "\n" + t(lang, "Waiting for your answer:\n", "답을 기다리는 질문:\n"), style="bold"
            )
            out.append(question.get(lang), style="cyan")
        if s.status == "finished":
            out.append("\n" + t(lang, "Report:\n", "리포트:\n"), style="bold")
            if self.report_path is not None:
                out.append(str(self.report_path) + "\n")
            out.append(f"sysdesign report {s.id}")
        return out

    def _keys(self) -> Text:
        lang = self.lang
        out = Text()
        if self.session.status == "finished":
            out.append("Enter/^Q", style="bold")
            out.append(" " + t(lang, "close", "닫기"))
            return out
        for k in KEYS:
            name = k.ko if lang == "ko" else k.en
            if k.action == "pause":
                name = (
                    t(lang, "resume", "재개")
                    if self.session.status == "paused"
                    else t(lang, "pause", "일시정지")
                )
            out.append(k.shown, style="bold")
            out.append(f" {name}  ")
        return out

    def _placeholder(self) -> str:
        s, lang = self.session, self.lang
        if s.status == "finished":
            return t(lang, "The session has finished.", "세션이 끝났습니다.")
        if s.pending_question() is not None:
            return t(
                lang,
                "Your answer (or :note TEXT, :skip, ?question)",
                "답변 (또는 :note 메모, :skip, ?질문)",
            )
        return t(lang, "A note, ?question or :command (:help)", "메모, ?질문 또는 :명령 (:help)")

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
        self.show([Msg("you", line.strip(), line.strip())])
        self._run(lambda: handle_line(self.session, line).msgs)

    def _run(self, action: Any) -> None:
        """Call the engine, show what it said (it has stored everything by now), refresh."""
        from sysdesign.errors import SysdesignError

        was_finished = self.session.status == "finished"
        try:
            msgs: list[Msg] = action()
        except SysdesignError as exc:
            msgs = [Msg("error", str(exc), str(exc))]
        self.show(msgs)
        if not was_finished and self.session.status == "finished":
            self._finished()
        self.refresh_status()

    def _finished(self) -> None:
        s, lang = self.session, self.lang
        self.outcome = "finished"
        self.show(summary_msgs(s.report, lang))
        where = (
            t(lang, f"Report: {self.report_path} (", f"리포트: {self.report_path} (")
            if self.report_path
            else ""
        )
        self.show(
            [
                Msg(
                    "info",
                    f"{where}sysdesign report {s.id}{')' if where else ''}. "
                    "Press Enter or ^Q to close.",
                    f"{where}sysdesign report {s.id}{')' if where else ''}. "
                    "Enter 또는 ^Q로 닫습니다.",
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
    return [Msg("info", "\n".join(lines), "\n".join(lines))]


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
        t(
            language,
            f"Session paused. Resume: sysdesign resume {session.id}\n",
            f"세션을 멈췄습니다. 이어서: sysdesign resume {session.id}\n",
        )
    )
    sys.stdout.flush()
    return False
