"""Start-up of `sysdesign estimate --dau 1M --writes-per-user 1` against `import typer`.

Run on demand: `.venv/bin/python benchmarks/estimate_startup.py [RUNS]`. Prints the median wall
time of each command over RUNS runs (default 15) and their ratio (target: at most 1.6).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

VENV = Path(sys.executable).parent


def median_wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    baseline_cmd = [str(VENV / "python"), "-c", "import typer"]
    estimate_cmd = [str(VENV / "sysdesign"), "estimate", "--dau", "1M", "--writes-per-user", "1"]
    median_wall(estimate_cmd, 2)  # warm the bytecode cache
    baseline = median_wall(baseline_cmd, runs)
    estimate = median_wall(estimate_cmd, runs)
    print(f"runs: {runs}")
    print(f"python -c 'import typer': {baseline * 1000:.1f} ms (median)")
    print(f"sysdesign estimate --dau 1M --writes-per-user 1: {estimate * 1000:.1f} ms (median)")
    print(f"ratio: {estimate / baseline:.2f} (target <= 1.6)")


if __name__ == "__main__":
    main()
