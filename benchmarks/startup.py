"""Start-up cost of the CLI against the floor of any typer CLI (`python -c "import typer"`).

Run: .venv/bin/python benchmarks/startup.py [--runs 21]

Every command and the floor are timed in the same run, interleaved round by round (so a busy
machine slows them alike), in a scratch SYSDESIGN_HOME that holds a small history (40 results:
interviews, drills and STAR rounds over 40 days), so `next` and `progress` show real tables.
`check` is timed as a first run: each time in a new, empty SYSDESIGN_HOME (no library index, no
cached scenario, rubric, lexicon or catalogue) on a copy of the design at a new path, so nothing
it computed before can be reused. The second `check` row (no target) is the same check with the
caches of the shared home warm, still on a design file it has never seen.
PYTHONDONTWRITEBYTECODE is dropped for the commands: the project runs from bytecode like the
installed packages it is compared with.
Prints the median wall time of each command, its ratio to the floor and the target, and the
median CPU time (user + system of the child, less disturbed by other jobs on the machine) with its
ratio to the floor's:
`--help` ≤ 1.25×, `estimate` ≤ 1.6×, `check` / `scenarios list` / `next` / `progress` ≤ 3×.
Exits 1 when a command is over its target (so CI can run it).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

VENV = Path(sys.executable).parent
SYSDESIGN = str(VENV / "sysdesign")
ROOT = Path(__file__).resolve().parent.parent
SMALL_DESIGN = ROOT / "designs" / "url-shortener.yaml"

FLOOR = "floor: python -c 'import typer'"
CHECK_COLD = "sysdesign check url-shortener (first run)"
CHECK_WARM = "sysdesign check url-shortener (caches warm)"
COMMANDS: dict[str, list[str]] = {
    FLOOR: [sys.executable, "-c", "import typer"],
    "sysdesign --help": [SYSDESIGN, "--help"],
    "sysdesign estimate --dau 1M --writes-per-user 1": [
        SYSDESIGN,
        "estimate",
        "--dau",
        "1M",
        "--writes-per-user",
        "1",
    ],
    CHECK_COLD: [SYSDESIGN, "check", "<a new copy of designs/url-shortener.yaml>"],
    CHECK_WARM: [SYSDESIGN, "check", "<a new copy of designs/url-shortener.yaml>"],
    "sysdesign scenarios list": [SYSDESIGN, "scenarios", "list"],
    "sysdesign next": [SYSDESIGN, "next"],
    "sysdesign progress": [SYSDESIGN, "progress"],
}
TARGETS = {
    "sysdesign --help": 1.25,
    "sysdesign estimate --dau 1M --writes-per-user 1": 1.6,
    CHECK_COLD: 3.0,
    "sysdesign scenarios list": 3.0,
    "sysdesign next": 3.0,
    "sysdesign progress": 3.0,
}


def seed_history(home: str) -> None:
    """40 results over 40 days in a scratch store, recorded through the store's own API."""
    os.environ["SYSDESIGN_HOME"] = home
    from sysdesign.store import open_store

    start = datetime(2026, 1, 1, tzinfo=UTC)
    with open_store() as store:
        for i in range(40):
            at = start + timedelta(days=i)
            if i % 4 == 0:
                store.record_result(
                    "session",
                    ("chat", "url-shortener")[i % 8 // 4],
                    50 + i,
                    {"rules": ["spof"], "areas": {"design": 40 + i, "time": 80}},
                    at=at,
                )
            elif i % 4 == 3:
                store.record_result(
                    "star", "conflict-teammate", 60, {"failed": ["ownership"]}, at=at
                )
            else:
                store.record_result("drill", "peak_write_qps", 70, {"grade": "good"}, at=at)


def fresh_design(folder: str) -> str:
    """A copy of the small design at a path no run has used (the file's stem names it)."""
    target = Path(tempfile.mkdtemp(prefix="design-", dir=folder)) / SMALL_DESIGN.name
    target.write_bytes(SMALL_DESIGN.read_bytes())
    return str(target)


def time_command(
    name: str, argv: list[str], env: dict[str, str], scratch: str
) -> tuple[float, float]:
    """One timed run; the two `check` rows get a design file never seen, the first run also an
    empty SYSDESIGN_HOME."""
    if name == CHECK_COLD:
        env = {**env, "SYSDESIGN_HOME": tempfile.mkdtemp(prefix="home-", dir=scratch)}
    if name in (CHECK_COLD, CHECK_WARM):
        argv = [*argv[:-1], fresh_design(scratch)]
    return time_once(argv, env)


def time_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="sysdesign-startup-")
    seed_history(home)
    env = {**os.environ, "SYSDESIGN_HOME": home, "SYSDESIGN_LANG": "en"}
    # Installed packages run from bytecode (pip compiles them); so must this checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    scratch = tempfile.mkdtemp(prefix="sysdesign-startup-runs-")
    # Warm the bytecode (as an installed package's is) and the shared home's library cache once.
    for name, argv in COMMANDS.items():
        time_command(name, argv, env, scratch)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, argv in COMMANDS.items():
            wall, cpu = time_command(name, argv, env, scratch)
            times[name].append(wall)
            cpus[name].append(cpu)
    for folder in (scratch, home):
        shutil.rmtree(folder, ignore_errors=True)
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    cpu_medians = {name: statistics.median(ts) for name, ts in cpus.items()}
    floor = medians[FLOOR]
    cpu_floor = cpu_medians[FLOOR]
    over = False
    print(f"median of {args.runs} runs each, interleaved; floor = {FLOOR[7:]}")
    print(
        f"| {'command':48} | {'median ms':>9} | {'ratio':>6} | {'target':>6} |    "
        f"| {'CPU ms':>6} | {'CPU ratio':>9} |"
    )
    print(f"|{'-' * 50}|{'-' * 11}|{'-' * 8}|{'-' * 8}|----|{'-' * 8}|{'-' * 11}|")
    for name, seconds in medians.items():
        ratio = seconds / floor
        target = TARGETS.get(name)
        mark = "" if target is None else ("ok" if ratio <= target else "OVER")
        over = over or mark == "OVER"
        tgt = f"{target:.2f}×" if target else ""
        cpu = cpu_medians[name]
        print(
            f"| {name:48} | {seconds * 1000:9.1f} | {ratio:5.2f}× | {tgt:>6} | {mark:2} "
            f"| {cpu * 1000:6.1f} | {cpu / cpu_floor:8.2f}× |"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
