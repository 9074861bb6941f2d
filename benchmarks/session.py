"""A live interview session: idle CPU, timer drift, and time from keypress to stored event.

Run: .venv/bin/python benchmarks/session.py [--idle 20] [--real 120] [--notes 200]
     [--skip idle,virtual,real,keys]

What it measures (each in a fresh SYSDESIGN_HOME and working directory, scenario `chat`):
- idle CPU: `sysdesign start chat` in the full-screen UI on a real pseudo-terminal, and in
  `--plain` mode with an open, silent stdin; process CPU time (utime + stime of every thread,
  from /proc/PID/stat) over `--idle` seconds of wall time, after start-up. Target ≤ 1 %.
- drift, virtual: a 60-minute session on the FakeClock, ticked every 0.5 s, with a note every
  30 s, a phase change at each budget and a 5-minute pause; the worst gap between the engine's
  active time and the clock's time minus pauses, and the lag of each time warning behind its
  threshold. Target ≤ 1 s.
- drift, real: the same full-screen process on the SystemClock, left running `--real` seconds
  (it includes the idle window); the session is then left (ctrl+q, l) and the active time
  stored with its `paused` event is compared with the wall time measured here between the first
  stored event and the keypress. Target ≤ 1 s.
- keypress → stored: `--notes` lines (`:note N`) sent one by one, each timed from the Enter
  key (pty) or the newline (plain) to the moment a second SQLite connection reads the `noted`
  event. Median and p95.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

VENV = Path(sys.executable).parent
SYSDESIGN = str(VENV / "sysdesign")
CLK_TCK = os.sysconf("SC_CLK_TCK")
SCENARIO = "chat"


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def fresh_env() -> tuple[dict[str, str], Path, Path]:
    home = Path(tempfile.mkdtemp(prefix="sysdesign-bench-home-"))
    work = Path(tempfile.mkdtemp(prefix="sysdesign-bench-cwd-"))
    env = {
        **os.environ,
        "SYSDESIGN_HOME": str(home),
        "SYSDESIGN_LANG": "en",
        "TERM": "xterm-256color",
        "COLUMNS": "120",
        "LINES": "36",
    }
    return env, home, work


class Db:
    """A second, read-only view of the store, as another process sees it."""

    def __init__(self, home: Path) -> None:
        self.path = home / "sysdesign.db"
        self.conn: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection | None:
        if self.conn is None and self.path.exists():
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        return self.conn

    def one(self, sql: str, *args: Any) -> Any:
        conn = self._conn()
        if conn is None:
            return None
        try:
            row = conn.execute(sql, args).fetchone()
        except sqlite3.OperationalError:  # the tables are not there yet
            return None
        return None if row is None else row[0]

    def wait(self, sql: str, *args: Any, timeout: float = 30.0, every: float = 0.0002) -> Any:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            value = self.one(sql, *args)
            if value:
                return value
            time.sleep(every)
        raise TimeoutError(sql)


class PtyProcess:
    """`sysdesign ARGS` on a pseudo-terminal, its output drained by a thread."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child
            os.chdir(cwd)
            os.execve(SYSDESIGN, [SYSDESIGN, *args], env)
        self.pid, self.fd = pid, fd
        import fcntl
        import struct
        import termios

        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        self.output = bytearray()
        self.done = False
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()

    def _drain(self) -> None:
        while not self.done:
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def wait(self, timeout: float = 30.0) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.done = True
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.done = True
        return -9


def session_id(db: Db) -> str:
    return str(db.wait("SELECT id FROM sessions LIMIT 1"))


def first_event_wall(db: Db, sid: str) -> float:
    """perf_counter when the first event (the session's start) becomes readable."""
    db.wait("SELECT 1 FROM events WHERE session_id = ?", sid, every=0.001)
    return time.perf_counter()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def note_latencies(
    send: Callable[[bytes], None], db: Db, sid: str, count: int, newline: bytes
) -> list[float]:
    """Seconds from the line's last key to its `noted` event being readable, per note."""
    out = []
    for i in range(count):
        text = f"benchmark note {i}"
        send(f":note {text}".encode())
        time.sleep(0.01)  # the text is typed; time the Enter key alone
        start = time.perf_counter()
        send(newline)
        db.wait(
            "SELECT 1 FROM events WHERE session_id = ? AND type = 'noted' "
            "AND json_extract(payload, '$.text') = ?",
            sid,
            text,
        )
        out.append(time.perf_counter() - start)
    return out


# -- the full-screen UI on a pty: idle CPU, real drift, keypress → stored ---------------------


def full_screen(idle: float, real: float, notes: int, rows: list[tuple[str, str, str]]) -> None:
    env, home, work = fresh_env()
    db = Db(home)
    proc = PtyProcess(["start", SCENARIO], env, work)
    try:
        sid = session_id(db)
    except TimeoutError:
        proc.wait(5)
        sys.exit("the session did not start:\n" + proc.output.decode("utf-8", "replace")[-2000:])
    began = first_event_wall(db, sid)
    time.sleep(3.0)  # start-up settles (imports, first paint)
    if idle:
        cpu0, wall0 = cpu_seconds(proc.pid), time.perf_counter()
        time.sleep(idle)
        cpu = cpu_seconds(proc.pid) - cpu0
        wall = time.perf_counter() - wall0
        share = 100 * cpu / wall
        rows.append(
            (
                f"idle CPU, full-screen UI on a pty ({idle:g} s)",
                f"{share:.2f} % ({cpu:.2f} s CPU / {wall:.1f} s)",
                "≤ 1 %: " + ("ok" if share <= 1 else "OVER"),
            )
        )
    if real:
        remaining = real - (time.perf_counter() - began)
        if remaining > 0:
            time.sleep(remaining)
        proc.send(b"\x11")  # ctrl+q
        time.sleep(0.5)
        pressed = time.perf_counter()
        proc.send(b"l")  # leave: the session is paused, its active time stored
        stored_at = float(
            db.wait("SELECT at FROM events WHERE session_id = ? AND type = 'paused'", sid)
        )
        expected = pressed - began
        drift = stored_at - expected
        rows.append(
            (
                f"drift, real {real:g} s (full-screen UI, SystemClock)",
                f"{drift:+.3f} s (engine {stored_at:.3f} s, wall {expected:.3f} s)",
                "≤ 1 s: " + ("ok" if abs(drift) <= 1 else "OVER"),
            )
        )
        proc.wait()
        if notes:  # resume the same session for the keypress figures
            proc = PtyProcess(["resume", sid], env, work)
            try:
                db.wait(
                    "SELECT 1 FROM events WHERE session_id = ? AND type = 'resumed'",
                    sid,
                    every=0.01,
                )
            except TimeoutError:
                proc.wait(5)
                sys.exit(
                    "the session did not resume:\n" + proc.output.decode("utf-8", "replace")[-3000:]
                )
            time.sleep(2.0)
    if notes:
        lat = note_latencies(proc.send, db, sid, notes, b"\r")
        rows.append(
            (
                f"keypress → stored, full-screen UI on a pty ({notes} notes)",
                f"median {1000 * statistics.median(lat):.1f} ms, p95 {1000 * pct(lat, 0.95):.1f} ms",
                "",
            )
        )
    proc.send(b"\x11")
    time.sleep(0.5)
    proc.send(b"l")
    proc.wait()


# -- the plain line mode: idle CPU, keypress → stored -----------------------------------------


def plain_mode(idle: float, notes: int, rows: list[tuple[str, str, str]]) -> None:
    env, home, work = fresh_env()
    db = Db(home)
    proc = subprocess.Popen(
        [SYSDESIGN, "start", SCENARIO, "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=work,
        env=env,
    )
    assert proc.stdin is not None and proc.stderr is not None
    stdin = proc.stdin
    try:
        sid = session_id(db)
    except TimeoutError:
        proc.kill()
        sys.exit("the session did not start:\n" + proc.stderr.read().decode("utf-8", "replace"))
    first_event_wall(db, sid)
    time.sleep(2.0)
    if idle:
        cpu0, wall0 = cpu_seconds(proc.pid), time.perf_counter()
        time.sleep(idle)
        cpu = cpu_seconds(proc.pid) - cpu0
        wall = time.perf_counter() - wall0
        share = 100 * cpu / wall
        rows.append(
            (
                f"idle CPU, --plain with a silent stdin ({idle:g} s)",
                f"{share:.2f} % ({cpu:.2f} s CPU / {wall:.1f} s)",
                "≤ 1 %: " + ("ok" if share <= 1 else "OVER"),
            )
        )
    if notes:

        def send(data: bytes) -> None:
            stdin.write(data)
            stdin.flush()

        lat = note_latencies(send, db, sid, notes, b"\n")
        rows.append(
            (
                f"keypress → stored, --plain over a pipe ({notes} notes)",
                f"median {1000 * statistics.median(lat):.1f} ms, p95 {1000 * pct(lat, 0.95):.1f} ms",
                "",
            )
        )
    stdin.close()  # end of input: the session is paused and the process exits
    proc.wait(timeout=30)


# -- in-process: the virtual hour on the FakeClock ---------------------------------------------


def virtual_hour(rows: list[tuple[str, str, str]]) -> None:
    _, home, work = fresh_env()
    os.environ["SYSDESIGN_HOME"] = str(home)
    from sysdesign.library import library
    from sysdesign.session.clock import FakeClock
    from sysdesign.session.engine import new_session
    from sysdesign.session.skeleton import write_skeleton
    from sysdesign.store import open_store

    lib = library()
    scenario = lib.scenario(SCENARIO)
    design = work / "design.yaml"
    write_skeleton(design, scenario)
    clock = FakeClock()
    start = clock.monotonic()
    session = new_session(
        open_store(), scenario, lib.rubric(SCENARIO), clock=clock, lang="en", design_path=design
    )
    session.begin()
    step = 0.5
    paused_total = 0.0
    worst = 0.0
    warn_lags: list[float] = []
    budgets = [p.budget_seconds for p in session.state.plan]
    pause_at, pause_for = 20 * 60.0, 5 * 60.0
    paused_done = False
    t = 0.0
    hour = sum(budgets)
    while session.status != "finished":
        clock.advance(step)
        t += step
        active = t - paused_total
        if not paused_done and active >= pause_at:
            session.pause()
            clock.advance(pause_for)
            t += pause_for
            paused_total += pause_for
            session.resume()
            paused_done = True
        for m in session.tick():
            if m.kind == "warning":  # fired for the smallest threshold not above the time left
                left = session.remaining()
                threshold = min(x for x in (300.0, 60.0, 0.0) if x >= left)
                warn_lags.append(threshold - left)
        if int(t * 2) % 60 == 0:
            session.note(f"note at {t:.0f}")
        expected = clock.monotonic() - start - paused_total
        worst = max(worst, abs(session.elapsed() - expected))
        if session.remaining() <= 0:
            session.next_phase()
        if t > hour + pause_for + 60:
            break
    report = session.report or {}
    used = sum(p["used_seconds"] for p in report.get("phases", []))
    expected_total = clock.monotonic() - start - paused_total
    rows.append(
        (
            "drift, virtual 60 min (FakeClock, 0.5 s ticks, 5 min pause)",
            f"worst {worst:.3f} s; phases sum {used:.1f} s vs clock {expected_total:.1f} s",
            "≤ 1 s: " + ("ok" if worst <= 1 and abs(used - expected_total) <= 1 else "OVER"),
        )
    )
    if warn_lags:
        rows.append(
            (
                "time warnings: lag behind their threshold (virtual)",
                f"max {max(warn_lags):.2f} s over {len(warn_lags)} warnings (tick every {step} s)",
                "",
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--idle", type=float, default=20.0, help="idle window, seconds")
    parser.add_argument("--real", type=float, default=120.0, help="real drift run, seconds")
    parser.add_argument("--notes", type=int, default=200, help="notes for keypress → stored")
    parser.add_argument("--skip", default="", help="comma list of: idle,virtual,real,keys")
    args = parser.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    idle = 0.0 if "idle" in skip else args.idle
    real = 0.0 if "real" in skip else args.real
    notes = 0 if "keys" in skip else args.notes
    rows: list[tuple[str, str, str]] = []
    if "virtual" not in skip:
        virtual_hour(rows)
    if idle or real or notes:
        full_screen(idle, real, notes, rows)
    if idle or notes:
        plain_mode(idle, notes, rows)
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'measure':{width}}  {'value':{value_width}}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:{value_width}}  {target}")


if __name__ == "__main__":
    main()
