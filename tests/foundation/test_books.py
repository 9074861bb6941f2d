"""Book chapters: `scenarios list` shows the matching chapter of the Korean and English books,
and a chapter a volume does not have is rejected with its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sysdesign.books import BOOKS
from tests.helpers import invoke

BAD = """\
id: bad-book
title: {ko: 작은 시나리오, en: Tiny scenario}
summary: {ko: 테스트, en: test}
difficulty: easy
prompt: {ko: 설계하세요, en: Design it}
facts:
  - id: scale
    topic: scale
    keywords: {en: [users]}
    answer: {ko: 백만 명, en: a million}
estimates: {dau: 1M}
curveball: {at_minute: 30, text: {ko: 변경, en: change}}
books:
  - {book: sdi-2, chapter: 14}
"""


def test_volumes_have_their_chapter_counts() -> None:
    assert len(BOOKS["sdi-1"].chapters) == 16 and len(BOOKS["sdi-2"].chapters) == 13
    assert BOOKS["sdi-1"].cite(4, "ko") == "1권 4장 처리율 제한 장치의 설계"
    assert BOOKS["sdi-2"].cite(11, "en") == "Vol. 2 ch. 11: Payment System"


def test_scenarios_list_shows_book_chapters_in_both_languages() -> None:
    code, out, _ = invoke("scenarios", "list", "--json", "--lang", "ko")
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0
    expected = {
        "rate-limiter": ("sdi-1", 4),
        "unique-id-generator": ("sdi-1", 7),
        "url-shortener": ("sdi-1", 8),
        "news-feed": ("sdi-1", 11),
        "chat": ("sdi-1", 12),
        "search-autocomplete": ("sdi-1", 13),
        "video-streaming": ("sdi-1", 14),
        "realtime-game": ("sdi-2", 10),
        "payment-system": ("sdi-2", 11),
    }
    for sid, (book, chapter) in expected.items():
        assert (rows[sid]["books"][0]["book"], rows[sid]["books"][0]["chapter"]) == (book, chapter)
    assert rows["chat"]["books"][0]["cite"] == "1권 12장 채팅 시스템 설계"
    assert (
        "가상 면접 사례로 배우는 대규모 시스템 설계 기초" in rows["chat"]["books"][0]["book_title"]
    )
    code, out, _ = invoke("scenarios", "list", "--json", "--lang", "en")
    chat = {r["id"]: r for r in json.loads(out)}["chat"]["books"][0]
    assert code == 0 and chat["cite"] == "Vol. 1 ch. 12: Design a Chat System"
    code, out, _ = invoke("scenarios", "list", "--lang", "en")
    assert code == 0 and "Vol. 1" in out and "Book chapter" in out
    assert "System Design Interview – An Insider's Guide" in " ".join(out.split())


def test_validate_rejects_a_chapter_the_volume_does_not_have(tmp_path: Path) -> None:
    path = tmp_path / "bad-book.yaml"
    path.write_text(BAD, encoding="utf-8")
    code, out, err = invoke("validate", str(path))
    assert code == 1  # `validate` exits 1 when it lists problems (2 only when unreadable)
    assert f"{path}:14:" in out + err
    assert "no chapter 14" in out + err and "2권은 13장까지" in out + err


def test_a_user_scenario_with_a_missing_chapter_stops_commands_with_exit_2(home: Path) -> None:
    folder = home / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bad-book.yaml").write_text(BAD, encoding="utf-8")
    code, out, err = invoke("scenarios", "show", "bad-book")
    assert code == 2
    assert "bad-book.yaml:14:" in out + err and "Traceback" not in out + err


@pytest.mark.parametrize("book,chapter", [("sdi-1", 17), ("sdi-2", 14), ("sdi-1", 0)])
def test_out_of_range_chapters_fail_model_validation(book: str, chapter: int) -> None:
    from pydantic import ValidationError

    from sysdesign.models.scenario import BookChapter

    with pytest.raises(ValidationError):
        BookChapter(book=book, chapter=chapter)  # type: ignore[arg-type]
