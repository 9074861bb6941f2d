"""Every reading command over a generated hostile corpus: no traceback, no hang, the exit code
the contract gives, inert output, and the input file unchanged.

Run alone: `.venv/bin/python -m pytest -q tests/reliability` (the summary test prints the
counts). Cases run in-process with an alarm as the hang guard; what needs a real process (a
FIFO, /dev/zero, signals, the terminal) runs as a subprocess with a timeout.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from typer.testing import CliRunner

from sysdesign.cli import app
from tests.reliability.corpus import BASE, CASES, Case

ROOT = Path(__file__).resolve().parents[2]
HANG_SECONDS = 20


class Hang(Exception):
    """A command ran past HANG_SECONDS."""


@pytest.fixture()
def alarm() -> Iterator[None]:
    def ring(_signum: int, _frame: FrameType | None) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, ring)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def run(*args: str) -> tuple[int, str, str]:
    """The command in-process; a traceback (any exception but an exit) fails the test."""
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=True)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    exc = result.exception
    if isinstance(exc, Hang):
        pytest.fail(f"hang: {args} ran longer than {HANG_SECONDS} s")
    if exc is not None and not isinstance(exc, SystemExit):
        import traceback

        trace = "".join(traceback.format_exception(exc))
        pytest.fail(f"traceback from {args}:\n{trace}")
    return result.exit_code, result.stdout, result.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def strict_json(text: str) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


# Live Markdown: a link or image whose brackets are not escaped; Liquid or Hugo delimiters.
LIVE_LINK = re.compile(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(")
TEMPLATE_DELIMITERS = ("{{", "{%", "%}", "}}")


def assert_inert_markdown(name: str, text: str) -> None:
    fences = re.findall(r"```.*?```", text, flags=re.S)
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    assert not LIVE_LINK.search(prose), (name, LIVE_LINK.search(prose))
    for raw in TEMPLATE_DELIMITERS:  # Liquid runs inside code fences too
        assert raw not in text, (name, raw)
    for fence in fences:
        assert "%%{" not in fence, name


@pytest.mark.usefixtures("alarm")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_reading_command_over_the_corpus(case: Case, tmp_path: Path) -> None:
    design = tmp_path / "design.yaml"
    case.write(design)
    before = digest(design)
    refused = case.expect == "refused"

    code, out, err = run("validate", str(design))
    assert code in ((1, 2) if refused else (0,)), (case.name, "validate", code, out, err)

    for extra in ([], ["--json"], ["--kill", "users"]):
        code, out, err = run("check", str(design), *extra)
        allowed = (2,) if refused else ((0, 1) if extra == ["--kill", "users"] else (0,))
        assert code in allowed, (case.name, "check", extra, code, out[-500:], err[-2000:])
        if refused:
            assert err.strip() and "design.yaml" in err, (case.name, err)
        elif extra == ["--json"]:
            strict_json(out)

    for suffix in ("mmd", "dot"):
        target = tmp_path / f"out.{suffix}"
        code, out, err = run("diagram", str(design), "-o", str(target))
        assert code == (2 if refused else 0), (case.name, suffix, code, err[-2000:])
        if not refused:
            text = target.read_text(encoding="utf-8")
            if suffix == "mmd":  # in DOT, a quoted string holds any text inertly
                assert "%%" not in text and "{{" not in text, case.name

    post = tmp_path / "post.md"
    code, out, err = run("export", "blog", str(design), "-o", str(post), "--image", "none")
    assert code == (2 if refused else 0), (case.name, "blog", code, err[-2000:])
    if not refused:
        bundle = tmp_path / "post" / "index.md"  # Hugo front matter (the default): a page bundle
        assert_inert_markdown(case.name, bundle.read_text(encoding="utf-8"))

    assert digest(design) == before, f"{case.name}: the input file changed"


def test_the_corpus_covers_both_verdicts() -> None:
    kinds = {c.expect for c in CASES}
    assert kinds == {"ok", "refused"} and len(CASES) >= 50


# ---------------------------------------------------------------- real processes


def cli(
    *args: str, home: Path, timeout: float = HANG_SECONDS, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full = {**os.environ, "SYSDESIGN_HOME": str(home), "PYTHONPATH": str(ROOT), **(env or {})}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "sysdesign", *args],
            capture_output=True,
            timeout=timeout,
            env=full,
            cwd=home.parent,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hang: sysdesign {' '.join(args)} ran longer than {timeout} s")
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    return proc


@pytest.fixture()
def base(tmp_path: Path) -> Path:
    design = tmp_path / "d.yaml"
    design.write_text(BASE, encoding="utf-8")
    return design


def test_special_files_are_refused_before_reading(tmp_path: Path, base: Path) -> None:
    home = tmp_path / "home"
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(BASE + "notes:\n")
        line = "  - " + "x" * 1000 + "\n"
        for _ in range(5_300):
            fh.write(line)
    started = time.monotonic()
    for path in (fifo, zero):  # the ones that would block or never end: a real process
        for command in (["check", str(path)], ["validate", str(path)]):
            proc = cli(*command, home=home)
            assert proc.returncode == 2, (command, proc.stderr)
            assert str(path).encode() in proc.stdout + proc.stderr
    assert time.monotonic() - started < 4 * HANG_SECONDS


@pytest.mark.usefixtures("alarm")
def test_folders_missing_and_oversized_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    big = tmp_path / "big.yaml"
    big.write_text(BASE + "notes:\n" + ("  - " + "x" * 1000 + "\n") * 1_100, encoding="utf-8")
    monkeypatch.setenv("SYSDESIGN_MAX_INPUT_MB", "1")
    for path in (Path("/dev/zero"), folder, big, tmp_path / "missing.yaml"):
        for command in ("check", "validate", "diagram"):
            extra = ["-o", str(tmp_path / "o.mmd")] if command == "diagram" else []
            code, out, err = run(command, str(path), *extra)
            assert code == 2 and str(path) in out + err, (command, path, out, err)
    assert "SYSDESIGN_MAX_INPUT_MB" in run("check", str(big))[2]
    monkeypatch.setenv("SYSDESIGN_MAX_INPUT_MB", "2")
    assert run("validate", str(big))[0] == 0


def test_outputs_never_replace_inputs_or_special_files(tmp_path: Path, base: Path) -> None:
    home = tmp_path / "home"
    before = digest(base)
    (tmp_path / "x").mkdir()
    for target in (base, tmp_path / "x" / ".." / "d.yaml"):
        proc = cli(
            "diagram", str(base), "-o", str(target), "--format", "mermaid", "--force", home=home
        )
        assert proc.returncode == 2 and b"input" in proc.stderr
    link = tmp_path / "link.mmd"
    link.symlink_to(base)
    proc = cli("diagram", str(base), "-o", str(link), "--format", "mermaid", "--force", home=home)
    assert proc.returncode == 2
    assert digest(base) == before
    fifo = tmp_path / "out.mmd"
    os.mkfifo(fifo)
    proc = cli("diagram", str(base), "-o", str(fifo), "--force", home=home)
    assert proc.returncode == 2 and b"regular file" in proc.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    long_name = tmp_path / ("a" * 300 + ".mmd")
    proc = cli("diagram", str(base), "-o", str(long_name), home=home)
    assert proc.returncode == 2 and b"cannot write" in proc.stderr


def _fake_dot(folder: Path, seconds: int) -> dict[str, str]:
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text(f"#!/bin/sh\nsleep {seconds}\n", encoding="utf-8")
    dot.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


def test_dot_has_a_timeout_that_suggests_mermaid(tmp_path: Path, base: Path) -> None:
    env = _fake_dot(tmp_path / "bin", 30) | {"SYSDESIGN_DOT_TIMEOUT": "1"}
    started = time.monotonic()
    proc = cli("diagram", str(base), "-o", str(tmp_path / "d.svg"), home=tmp_path / "h", env=env)
    assert proc.returncode == 2 and b"Mermaid" in proc.stderr
    assert time.monotonic() - started < 15
    assert not list(tmp_path.glob(".sysdesign-*"))


def test_sigterm_removes_the_staging_folder(tmp_path: Path, base: Path) -> None:
    env = _fake_dot(tmp_path / "bin", 30)
    full = {**os.environ, "SYSDESIGN_HOME": str(tmp_path / "h"), "PYTHONPATH": str(ROOT), **env}
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sysdesign", "diagram", str(base), "-o", str(out / "d.png")],
        env=full,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + HANG_SECONDS
    while not list(out.glob(".sysdesign-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(out.glob(".sysdesign-*")), "the staging folder never appeared"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=HANG_SECONDS)
    assert proc.returncode == 128 + signal.SIGTERM and b"Traceback" not in err
    assert not list(out.glob(".sysdesign-*"))


def test_terminal_output_carries_no_control_characters(tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(
        BASE.replace("name: corpus", 'name: "x\\e]0;pwned\\a\\e[2J\\e]52;c;aGk=\\a\\x9b31m"'),
        encoding="utf-8",
    )
    proc = cli("check", str(design), home=tmp_path / "h")
    assert proc.returncode == 0
    assert b"\x1b" not in proc.stdout and b"\x07" not in proc.stdout
    assert "\x9b" not in proc.stdout.decode("utf-8")
    assert b"pwned" not in proc.stdout  # an OSC's payload goes with it
    assert proc.stdout.startswith(b"x")


@pytest.mark.usefixtures("alarm")
def test_numbers_on_the_command_line() -> None:
    for args in (
        ["start", "chat", "--minutes", "inf"],
        ["start", "chat", "--minutes", "nan"],
        ["start", "chat", "--minutes", "1e308"],
        ["star", "practice", "--minutes", "nan"],
        ["progress", "--since", "99999999d"],
        ["progress", "--since", "²d"],
        ["estimate", "btree", "--rows", "1e308"],
        ["estimate", "--dau", "1e308", "--writes-per-user", "1e308", "--json"],
        ["estimate", "shards", "--data-size", "1e18EB", "--node-storage", "1e-300"],
        ["next", "--minutes", "inf"],
        ["estimate", "drill", "--seed", "9" * 30],
    ):
        code, _, err = run(*args)
        assert code == 2, (args, err)
    code, out, _ = run("estimate", "--dau", "1e18", "--writes-per-user", "1e18/day", "--json")
    assert code == 0
    strict_json(out)


@pytest.mark.usefixtures("alarm")
def test_a_hostile_user_scenario_is_a_message_for_every_library_command(home: Path) -> None:
    (home / "scenarios").mkdir(parents=True)
    (home / "scenarios" / "evil.yaml").write_text(
        "id: evil\ntotal_minutes: " + "9" * 5000 + "\n", encoding="utf-8"
    )
    for args in (["scenarios", "list"], ["scenarios", "show", "chat"], ["tracks", "list"]):
        code, _, err = run(*args)
        assert code == 2 and "evil.yaml" in err, (args, err)
