"""`progress`, `next` and `history` through the CLI: JSON contracts, a text golden, a PNG."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest

import sysdesign.cli.progress_cmds as progress_cmds
from sysdesign.store import open_store
from tests.helpers import invoke
from tests.progress.conftest import NOW, record_week


@pytest.fixture(autouse=True)
def _fake_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_cmds, "_now", lambda: NOW)
    monkeypatch.setattr(progress_cmds, "_local_tz", lambda: UTC)
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture()
def week() -> None:
    with open_store() as store:
        record_week(store)


def _json(*args: str) -> object:
    code, out, err = invoke(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_progress_json_contract(week: None) -> None:
    doc = _json("progress")
    assert isinstance(doc, dict)
    assert {"areas", "scenarios", "streak", "totals"} <= set(doc)
    assert set(doc["areas"]) >= {"clarifying", "design.async", "star", "time", "deep_dive"}
    for points in doc["areas"].values():
        for p in points:
            assert {"at", "score"} <= set(p) and 0 <= p["score"] <= 100
    assert doc["scenarios"]["chat"]["count"] == 2
    assert doc["tracks"]["core"]["count"] == 2  # from scenarios/tracks.yaml
    assert doc["streak"] == 0
    assert doc["totals"]["results"] == 5
    since = _json("progress", "--since", "2025-01-09")
    assert isinstance(since, dict) and since["totals"]["results"] == 2


def test_progress_text_golden(
    week: None, golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    # pin the tracks: the snapshot is about the charts, not about tracks.yaml's content
    monkeypatch.setattr(progress_cmds, "_tracks_of", lambda: lambda s: ["core"])
    code, out, _ = invoke("progress")
    assert code == 0
    golden("progress.en.txt", out)
    code, out, _ = invoke("progress", "--lang", "ko")
    assert code == 0
    golden("progress.ko.txt", out)


def test_progress_with_no_history() -> None:
    code, out, _ = invoke("progress")
    assert code == 0 and "No practice recorded yet" in out
    doc = _json("progress")
    assert isinstance(doc, dict) and doc["totals"]["results"] == 0


def _png_info(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, size = 8, b"", (0, 0)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        tag, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(tag + body) & 0xFFFFFFFF
        if tag == b"IHDR":
            size = struct.unpack(">II", body[:8])
            assert body[8:10] == b"\x08\x02"  # 8-bit RGB
        elif tag == b"IDAT":
            idat += body
        pos += 12 + length
    return size[0], size[1], zlib.decompress(idat)


def test_progress_png_is_a_real_chart(week: None, tmp_path: Path) -> None:
    target = tmp_path / "progress.png"
    code, out, err = invoke("progress", "--png", str(target), "--json")
    assert code == 0 and "wrote" in err
    json.loads(out)  # stdout is still one JSON document
    width, height, raw = _png_info(target.read_bytes())
    # 9 areas with scores + 1 scenario = 10 panels in 2 columns of 5 rows
    assert (width, height) == (960, 56 + 5 * (170 + 13) + 13)
    assert len(raw) == height * (1 + width * 3)
    rows = [raw[y * (1 + width * 3) + 1 : (y + 1) * (1 + width * 3)] for y in range(height)]
    blue = bytes((31, 119, 180))
    assert sum(r.count(blue) for r in rows) > 200  # the first panel's line and dots are drawn


def test_progress_png_never_overwrites_without_force(week: None, tmp_path: Path) -> None:
    target = tmp_path / "progress.png"
    target.write_bytes(b"mine")
    code, out, err = invoke("progress", "--png", str(target))
    assert code == 2 and "--force" in err and out == ""
    assert target.read_bytes() == b"mine"
    code, _, _ = invoke("progress", "--png", str(target), "--force")
    assert code == 0 and target.read_bytes().startswith(b"\x89PNG")


def test_next_json_contract_and_first_step() -> None:
    doc = _json("next")
    assert isinstance(doc, dict)
    assert {"kind", "id", "reason", "due_items"} <= set(doc)
    assert (doc["kind"], doc["id"], doc["first_step"]) == ("scenario", "chat", True)
    assert doc["algorithm"] == "SM-2"
    doc = _json("next", "--minutes", "15", "--lang", "ko")
    assert isinstance(doc, dict) and doc["kind"] == "drill"
    assert "아직 연습 기록이 없고" in doc["reason"]


def test_next_after_the_week(week: None) -> None:
    code, out, _ = invoke("next")
    assert code == 0
    assert "You missed `ws-no-pubsub` twice in chat; last seen 9 days ago" in out
    assert "sysdesign start chat" in out
    doc = _json("next", "--minutes", "15")
    assert isinstance(doc, dict) and doc["kind"] == "star"
    assert doc["due_items"][0]["card"] == "rule:ws-no-pubsub"
    code, _, err = invoke("next", "--minutes", "2")
    assert code == 2 and "--minutes" in err


def test_history_filters_and_delete(week: None) -> None:
    with open_store() as store:
        sid = store.create_session("chat", "en", started_at=NOW)
    rows = _json("history")
    assert isinstance(rows, list)
    assert [r["kind"] for r in rows] == ["session", "drill", "star", "session", "drill", "session"]
    assert rows[0]["id"] == sid and rows[0]["status"] == "running"
    assert {"id", "scenario", "started_at", "status", "score"} <= set(rows[0])
    drills = _json("history", "--kind", "drill")
    assert isinstance(drills, list) and [r["id"] for r in drills] == ["r5", "r2"]
    chat = _json("history", "--scenario", "chat")
    assert isinstance(chat, list) and {r["kind"] for r in chat} == {"session", "drill"}
    code, _, err = invoke("history", "--kind", "drills")
    assert code == 2 and "did you mean 'drill'" in err

    code, out, _ = invoke("history")
    assert code == 0 and sid in out and "r5" in out

    # declined: nothing deleted, exit 1
    code, _, err = invoke("history", "delete", "r4", input="n\n")
    assert code == 1 and "Nothing deleted" in err
    assert len(_json("history")) == 6  # type: ignore[arg-type]
    # the STAR round's failed check leaves the schedule with it
    assert "check:quantified-result" in {d["card"] for d in _json("next")["due_items"]}  # type: ignore[index]
    code, out, _ = invoke("history", "delete", "r4", input="y\n")
    assert code == 0 and "Deleted r4" in out
    assert "check:quantified-result" not in {d["card"] for d in _json("next")["due_items"]}  # type: ignore[index]
    code, out, _ = invoke("history", "delete", sid, "--yes", "--json")
    assert code == 0 and json.loads(out)["deleted"]["id"] == sid
    assert len(_json("history")) == 4  # type: ignore[arg-type]
    code, _, err = invoke("history", "delete", "nope", "--yes")
    assert code == 2 and "no history entry" in err


@pytest.mark.parametrize("value", ["nan", "inf", "4"])
def test_next_refuses_minutes_that_are_not_a_practice_length(value: str) -> None:
    code, out, err = invoke("next", "--minutes", value)
    assert code == 2 and out == "" and "--minutes" in err and "Traceback" not in err


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_next_renders_every_kind_of_item(lang: str) -> None:
    """`next` used to crash with KeyError 'qa' once a technical-question card fell due."""
    from typing import get_args

    from rich.console import Console

    from sysdesign.progress.recommend import ItemKind, Recommendation

    for kind in get_args(ItemKind):
        choice = Recommendation(kind, "go", 10, f"sysdesign {kind}", {"en": "r", "ko": "r"}, (), ())
        capture = Console(width=100, record=True)
        for part in progress_cmds.render_next(choice, lang, NOW):
            capture.print(part)
        assert "go" in capture.export_text()
