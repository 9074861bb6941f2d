"""A design's own words in both languages (issue 16, item 2): `name`, `notes`, and a
component's or connection's `label`/`notes` are one string for both languages or `{en, ko}`.
Renderers show the chosen language; the checker reads the words of both."""

from __future__ import annotations

import html
import json
from pathlib import Path

from sysdesign.check import check_design
from sysdesign.library import load_design_text
from tests.helpers import invoke

BILINGUAL = """\
name: {en: Payments — test design, ko: 결제 — 시험용 설계}
components:
  users: {kind: client, label: {en: Mobile apps, ko: 모바일 앱}}
  lb:    {kind: load_balancer, replicas: 2}
  pay:   {kind: service, replicas: 3, label: {en: Payment service, ko: 결제 서비스 (멱등 키)},
          notes: {en: Charges cards, ko: 카드 결제를 처리}}
  db:    {kind: sql_db, replicas: 2, label: PostgreSQL}
connections:
  - users -> lb -> pay: {en: card payment, ko: 카드 결제 요청}
  - {from: pay, to: db, label: {en: write the charge, ko: 결제 기록 쓰기}}
notes:
  - en: The payment service keeps one row per charge.
    ko: 결제 서비스는 결제 한 건마다 행 하나를 남깁니다.
  - Kafka
"""


def _post(tmp_path: Path, text: str, lang: str) -> str:
    design = tmp_path / "d.yaml"
    design.write_text(text, encoding="utf-8")
    post = tmp_path / f"post.{lang}.md"
    code, _, err = invoke(
        "export", "blog", str(design), "-o", str(post), "--lang", lang, "--image", "none",
        "--front-matter", "none", "--force",
    )  # fmt: skip
    assert code == 0, err
    return " ".join(html.unescape(post.read_text("utf-8")).split())


def test_a_plain_string_is_both_languages() -> None:
    design = load_design_text(BILINGUAL, "d.yaml")
    db = design.components["db"].label
    assert db is not None
    assert (db.get("en"), db.get("ko")) == ("PostgreSQL", "PostgreSQL")
    assert design.notes[1].get("ko") == "Kafka"
    assert design.label_of("lb", "ko") == "lb"


def test_a_mapping_keeps_both_languages() -> None:
    design = load_design_text(BILINGUAL, "d.yaml")
    pay = design.components["pay"]
    assert pay.label is not None and pay.notes is not None
    assert pay.label.get("en") == "Payment service"
    assert pay.label.get("ko") == "결제 서비스 (멱등 키)"
    assert pay.notes.get("ko") == "카드 결제를 처리"
    assert design.title("ko") == "결제 — 시험용 설계"
    assert design.notes_in("ko")[0] == "결제 서비스는 결제 한 건마다 행 하나를 남깁니다."
    labels = [e.label.get("ko") for e in design.edges() if e.label]
    assert labels == ["카드 결제 요청", "카드 결제 요청", "결제 기록 쓰기"]


def test_the_korean_post_shows_the_korean_words(tmp_path: Path) -> None:
    ko = _post(tmp_path, BILINGUAL, "ko")
    for words in (
        "결제 — 시험용 설계",
        "모바일 앱",
        "결제 서비스 (멱등 키)",
        "카드 결제를 처리",
        "카드 결제 요청",
        "결제 기록 쓰기",
        "결제 서비스는 결제 한 건마다 행 하나를 남깁니다.",
    ):
        assert words in ko, words
    for words in ("Payment service", "Mobile apps", "Charges cards", "card payment", "one row"):
        assert words not in ko, words
    assert "PostgreSQL" in ko and "Kafka" in ko


def test_the_english_post_shows_the_english_words(tmp_path: Path) -> None:
    en = _post(tmp_path, BILINGUAL, "en")
    for words in ("Payments — test design", "Mobile apps", "Charges cards", "write the charge"):
        assert words in en, words
    assert "결제" not in en and "모바일" not in en


def test_mermaid_and_dot_pick_the_language(tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(BILINGUAL, encoding="utf-8")
    for fmt in ("mermaid", "dot"):
        target = tmp_path / f"d.{fmt}"
        code, _, err = invoke(
            "diagram", str(design), "-o", str(target), "--format", fmt, "--lang", "ko"
        )
        assert code == 0, err
        out = target.read_text("utf-8")
        assert "카드 결제 요청" in out and "모바일 앱" in out, fmt
        assert "card payment" not in out, fmt


def test_the_checker_reads_the_korean_words() -> None:
    """`멱등 키` is only in the Korean label: the tag is read all the same."""
    result = check_design(load_design_text(BILINGUAL, "d.yaml"))
    assert ("pay", "idempotency", "label") in [
        (r.component, r.tag, r.source) for r in result.readings
    ]
    english_only = BILINGUAL.replace("ko: 결제 서비스 (멱등 키)", "ko: 결제 서비스")
    readings = check_design(load_design_text(english_only, "d.yaml")).readings
    assert "idempotency" not in [r.tag for r in readings]


def test_the_checker_reads_the_english_words() -> None:
    text = BILINGUAL.replace(
        "{en: Payment service, ko: 결제 서비스 (멱등 키)}",
        "{en: Payment service (idempotency key), ko: 결제 서비스}",
    )
    result = check_design(load_design_text(text, "d.yaml"))
    assert ("pay", "idempotency") in [(r.component, r.tag) for r in result.readings]


def test_check_names_the_design_in_the_chosen_language(tmp_path: Path) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(BILINGUAL, encoding="utf-8")
    _, out, _ = invoke("check", str(design), "--json", "--lang", "ko")
    assert json.loads(out)["design"] == "결제 — 시험용 설계"
    _, out, _ = invoke("check", str(design), "--json", "--lang", "en")
    assert json.loads(out)["design"] == "Payments — test design"
    _, out, _ = invoke("check", str(design), "--lang", "ko")
    assert "결제 — 시험용 설계" in out and "Payments" not in out


def _refused(tmp_path: Path, text: str) -> str:
    design = tmp_path / "bad.yaml"
    design.write_text(text, encoding="utf-8")
    code, out, err = invoke("check", str(design))
    assert code == 2, out + err
    assert "Traceback" not in err
    return " ".join(err.split())


def test_a_mapping_missing_a_language_is_refused_with_its_line(tmp_path: Path) -> None:
    text = BILINGUAL.replace("{en: Mobile apps, ko: 모바일 앱}", "{en: Mobile apps}")
    err = _refused(tmp_path, text)
    assert "bad.yaml:3" in err, err
    assert "missing the ko text" in err, err


def test_a_note_missing_english_is_refused_with_its_line(tmp_path: Path) -> None:
    text = BILINGUAL.replace(
        "  - en: The payment service keeps one row per charge.\n    ko", "  - ko"
    )
    err = _refused(tmp_path, text)
    assert "bad.yaml:12" in err, err
    assert "missing the en text" in err, err


def test_a_text_that_is_not_a_string_is_refused_with_its_line(tmp_path: Path) -> None:
    text = BILINGUAL.replace("ko: 카드 결제 요청", "ko: [카드, 결제]")
    err = _refused(tmp_path, text)
    assert "bad.yaml:9" in err, err
    assert "must be a non-empty string" in err, err
