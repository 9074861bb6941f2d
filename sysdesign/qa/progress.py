"""`sysdesign progress`: one line per technical-question topic from the `qa` results."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sysdesign.store import ResultRow


def qa_topic_rows(results: Sequence[ResultRow]) -> list[dict[str, Any]]:
    """Per topic (oldest result first in `results`): rounds, last and best score, points to review."""
    rows: dict[str, dict[str, Any]] = {}
    for r in results:
        if r.kind != "qa":
            continue
        row = rows.setdefault(r.item, {"topic": r.item, "rounds": 0, "best": 0.0, "scores": []})
        row["rounds"] += 1
        row["best"] = max(row["best"], r.score)
        row["last"] = r.score
        row["scores"].append(r.score)
        missed = r.payload.get("missed_points")
        row["not_explained"] = len(missed) if isinstance(missed, list) else None
    out = []
    for row in rows.values():
        scores = row.pop("scores")
        row["mean"] = round(sum(scores) / len(scores), 1)
        out.append(row)
    return sorted(out, key=lambda r: r["topic"])


def qa_topic_lines(rows: list[dict[str, Any]], lang: str) -> list[str]:
    lines = []
    for r in rows:
        if lang == "ko":
            lines.append(
                f"기술 질문 {r['topic']}: 라운드 {r['rounds']}번, 최근 {r['last']:.0f}, "
                f"최고 {r['best']:.0f}, 평균 {r['mean']:.0f}"
            )
        else:
            lines.append(
                f"Technical questions, {r['topic']}: {r['rounds']} round(s), last {r['last']:.0f}, "
                f"best {r['best']:.0f}, mean {r['mean']:.0f}"
            )
    return lines
