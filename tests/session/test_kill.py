"""A live `--plain` session in a real process, killed with SIGKILL, then resumed: nothing lost."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sysdesign.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select on pipes")


class Proc:
    def __init__(self, args: list[str], cwd: Path) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.p = subprocess.Popen(
            [sys.executable, "-m", "sysdesign", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.p.stdout is not None
        for line in self.p.stdout:
            self.lines.put(line.rstrip("\n"))

    def send(self, line: str) -> None:
        assert self.p.stdin is not None
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()

    def wait_for(self, needle: str, timeout: float = 30.0) -> str:
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no line with {needle!r}; saw {self.seen}") from None
            self.seen.append(line)
            if needle in line:
                return line


def test_kill_9_then_resume_loses_nothing_acknowledged(minichat: Path, tmp_path: Path) -> None:
    live = Proc(["start", "minichat", "--plain", "--minutes", "20"], cwd=tmp_path)
    try:
        live.wait_for("What are the functional requirements?")
        live.send(":note " + "first note")  # an explicit note, even while a question waits
        live.wait_for("✓")
        live.send("messages, history and read receipts")  # the pending answer
        live.wait_for("answer recorded")
        for i in range(5):
            live.send(f"note number {i}")
            live.wait_for(f"noted (#{i + 2})")
        live.send("?how many daily active users")
        live.wait_for("Ten million")
        live.send(":next")
        live.wait_for("Phase 2/4")
        live.send("after the phase change")
        live.wait_for("noted (#7)")
    finally:
        live.p.send_signal(signal.SIGKILL)
        live.p.wait(timeout=10)
    assert live.p.returncode == -signal.SIGKILL
    assert (tmp_path / "minichat-design.yaml").is_file()  # the skeleton, in the cwd

    store = open_store()
    (row,) = store.sessions()
    assert row.status == "running"  # killed: nobody marked it

    resumed = Proc(["resume", "--plain"], cwd=tmp_path)
    resumed.wait_for("Resumed at")
    resumed.send(":status")
    resumed.wait_for("High-level design")
    resumed.send("a note after the crash")
    resumed.wait_for("noted (#8)")
    assert resumed.p.stdin is not None
    resumed.p.stdin.close()  # end of input: paused, resumable
    resumed.wait_for("sysdesign resume")
    assert resumed.p.wait(timeout=30) == 0

    state_notes = [e.payload["text"] for e in store.events(row.id) if e.type == "noted"]
    assert state_notes == [
        "first note",
        *[f"note number {i}" for i in range(5)],
        "after the phase change",
        "a note after the crash",
    ]
    types = [e.type for e in store.events(row.id)]
    assert types.count("phase_started") == 2 and "followup_answered" in types
    assert types[-3:] == ["resumed", "noted", "paused"]
    assert store.session(row.id).status == "paused"  # type: ignore[union-attr]
    resumed_event = next(e for e in store.events(row.id) if e.type == "resumed")
    assert resumed_event.payload["after_crash"] is True
