"""Session score breakdowns of the scripted candidates, area by area.

Run: .venv/bin/python benchmarks/scores.py [--lang en|ko] [--reasons]

For news-feed and chat: the silent candidate (loads the reference design, says nothing), keyword
soup (rubric terms, no sentences), plain prose (a strong candidate who explains in sentences) and,
for chat, the bundled strong example (`examples/session/chat.script.yaml`); then a 20-minute chat
session that asks two questions and ends at 3:22. Each row: the score and the points per area
(clarifying, requirements, estimation, design, deep dive, requirement change, time, hints).
Targets (issue: honest session scores): silent ≤ 40, soup ≤ 55 and ≥ 25 below plain prose, the
bundled example ≥ 90, the 3:22 session ≤ 3/10 for time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = ROOT / "tests" / "data" / "understanding" / "candidates"
AREAS = (
    "clarifying",
    "requirements",
    "estimation",
    "design",
    "deep_dive",
    "curveball",
    "time",
    "hints",
)
SHORT_SESSION = """\
# A 20-minute session ended at 3:22: two questions, a note, then finish.
lang: en
actions:
  - {at: "00:40", ask: "How many people use the chat every day?"}
  - {at: "01:30", ask: "Do we need group chats, and how large can a group get?"}
  - {at: "02:30", note: "1:1 and small group chat, online status, history on every device"}
  - {at: "03:22", finish: true}
"""


def _run(scenario_id: str, script_path: Path, minutes: float | None, n: int) -> dict[str, Any]:
    from sysdesign.library import library
    from sysdesign.session.script import load_script, run_script
    from sysdesign.store import open_store

    lib = library()
    script = load_script(script_path)
    session = run_script(
        open_store(),
        lib.scenario(scenario_id),
        lib.rubric(scenario_id),
        script,
        script_path.parent,
        lang=script.lang or "en",
        session_id=f"scores{n:04d}",
        minutes=minutes,
    )
    assert session.report is not None
    return session.report


def _areas(report: dict[str, Any]) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for b in report["breakdown"]:
        got, top = out.get(b["area"], (0.0, 0.0))
        out[b["area"]] = (got + b["points"], top + b["max"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "ko"))
    parser.add_argument("--reasons", action="store_true", help="print every breakdown reason")
    args = parser.parse_args(argv)
    os.environ["SYSDESIGN_HOME"] = tempfile.mkdtemp(prefix="sysdesign-scores-")
    sys.path.insert(0, str(ROOT))
    from sysdesign.session.report import show_report

    short = Path(tempfile.mkdtemp(prefix="sysdesign-short-")) / "short.script.yaml"
    short.write_text(SHORT_SESSION, encoding="utf-8")
    runs: list[tuple[str, str, Path, float | None]] = []
    for scenario_id in ("news-feed", "chat"):
        for kind in ("silent", "soup", "strong"):
            label = "plain prose" if kind == "strong" else kind
            runs.append(
                (scenario_id, label, CANDIDATES / f"{scenario_id}-{kind}.script.yaml", None)
            )
    runs.append(("chat", "bundled example", ROOT / "examples/session/chat.script.yaml", None))
    runs.append(("chat", "20 min, ended 3:22", short, 20.0))

    head = f"{'scenario':10} {'candidate':19} {'score':>6} " + " ".join(
        f"{a[:6]:>6}" for a in AREAS
    )
    print(head)
    print("-" * len(head))
    for n, (scenario_id, label, path, minutes) in enumerate(runs):
        report = _run(scenario_id, path, minutes, n)
        areas = _areas(report)
        cells = " ".join(f"{areas[a][0]:6.1f}" if a in areas else f"{'–':>6}" for a in AREAS)
        print(f"{scenario_id:10} {label:19} {report['score']:6.1f} {cells}")
        if args.reasons:
            shown = report if args.lang == "en" else None
            if shown is None:
                from sysdesign.store import open_store

                with open_store() as store:
                    row = store.session(report["session_id"])
                    assert row is not None
                    shown = show_report(row.meta["report"], args.lang)
            for b in shown["breakdown"]:
                print(f"    {b['area']:12} {b['points']:5.1f}/{b['max']:<5.1f} {b['reason']}")
    print("\nmax per area: " + ", ".join(f"{a} {areas[a][1]:.0f}" for a in AREAS if a in areas))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
