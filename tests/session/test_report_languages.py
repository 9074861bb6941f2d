"""A finished session stores its report once, language-free; `report ID --lang` shows it in
either language, and sessions stored by version 0.1 (one report per language) still open."""

from __future__ import annotations

import json
from pathlib import Path

from sysdesign.library import library
from sysdesign.session.clock import DEFAULT_START
from sysdesign.session.script import load_script, run_script
from sysdesign.store import open_store
from tests.helpers import invoke

HANGUL = range(0xAC00, 0xD7A4)


def _has_hangul(text: str) -> bool:
    return any(ord(ch) in HANGUL for ch in text)


def _finish(data: Path, session_id: str, lang: str = "en") -> None:
    lib = library()
    script = data / "weak.script.yaml"
    run_script(
        open_store(),
        lib.scenario("minichat"),
        lib.rubric("minichat"),
        load_script(script),
        script.parent,
        lang=lang,
        session_id=session_id,
        start=DEFAULT_START,
    )


def test_an_english_session_reads_in_korean_from_its_one_stored_record(minichat: Path) -> None:
    _finish(minichat, "langs00001")
    with open_store() as store:
        row = store.session("langs00001")
        assert row is not None
        stored = row.meta["report"]
    assert stored["format"] == 2
    code, out, err = invoke("report", "langs00001", "--json", "--lang", "ko")
    assert code == 0, err
    ko = json.loads(out)
    code, out, err = invoke("report", "langs00001", "--json", "--lang", "en")
    assert code == 0, err
    en = json.loads(out)
    assert ko["score"] == en["score"] == stored["score"]
    reasons_ko = [b["reason"] for b in ko["breakdown"]]
    reasons_en = [b["reason"] for b in en["breakdown"]]
    assert [b["reason_id"] for b in ko["breakdown"]] == [b["reason_id"] for b in en["breakdown"]]
    assert "never asked about daily active users" in reasons_en
    assert not any("never asked" in r for r in reasons_ko)
    assert any(r.endswith("에 대해 묻지 않음") for r in reasons_ko)
    # every phase title and every reason that has words is in the language asked for
    assert all(_has_hangul(p["title"]) for p in ko["phases"])
    assert not any(_has_hangul(p["title"]) for p in en["phases"])
    code, md, err = invoke("report", "langs00001", "--lang", "ko")
    assert code == 0, err
    assert md.startswith("# 면접 리포트") and "에 대해 묻지 않음" in md
    assert "never asked" not in md


def test_a_session_stored_in_the_old_two_report_form_still_opens(minichat: Path) -> None:
    """Version 0.1 stored {"en": report, "ko": report}; such a session is scored again from its
    events (which are kept whole) and shows the same score in both languages."""
    _finish(minichat, "oldform001")
    with open_store() as store:
        row = store.session("oldform001")
        assert row is not None
        new_score = row.meta["report"]["score"]
        meta = dict(row.meta)
        meta["report"] = {"en": {"score": 1.0, "breakdown": []}, "ko": {"score": 1.0}}
        store.update_session("oldform001", meta=meta)
    for lang in ("en", "ko"):
        code, out, err = invoke("report", "oldform001", "--json", "--lang", lang)
        assert code == 0, err
        doc = json.loads(out)
        assert doc["score"] == new_score
        assert all(isinstance(b["reason"], str) and b["reason"] for b in doc["breakdown"])
