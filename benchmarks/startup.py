"""Start-up cost of the CLI against the floor of any typer CLI (`python -c "import typer"`).

Run: .venv/bin/python benchmarks/startup.py [--runs 21]
Prints the median wall time of each command and its ratio to the floor.
Targets: `--help` ≤ 1.25×, a typed command ≤ 1.6×.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VENV = Path(sys.executable).parent
SYSDESIGN = str(VENV / "sysdesign")

COMMANDS: dict[str, list[str]] = {
    "floor: python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "sysdesign --help": [SYSDESIGN, "--help"],
    "sysdesign scenarios list": [SYSDESIGN, "scenarios", "list"],
    "sysdesign estimate --dau 1M --writes-per-user 1": [
        SYSDESIGN,
        "estimate",
        "--dau",
        "1M",
        "--writes-per-user",
        "1",
    ],
}
TARGETS = {"sysdesign --help": 1.25, "sysdesign estimate --dau 1M --writes-per-user 1": 1.6}


def median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    env = {**os.environ, "SYSDESIGN_HOME": tempfile.mkdtemp(), "SYSDESIGN_LANG": "en"}
    results = {name: median_seconds(argv, args.runs, env) for name, argv in COMMANDS.items()}
    floor = results["floor: python -c 'import typer'"]
    print(f"{'command':55} {'median ms':>10} {'ratio':>7} {'target':>7}")
    for name, seconds in results.items():
        ratio = seconds / floor
        target = TARGETS.get(name)
        mark = "" if target is None else ("ok" if ratio <= target else "OVER")
        tgt = f"{target:.2f}×" if target else ""
        print(f"{name:55} {seconds * 1000:10.1f} {ratio:6.2f}× {tgt:>7} {mark}")


if __name__ == "__main__":
    main()
