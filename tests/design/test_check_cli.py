"""`sysdesign check` through the CLI runner: output, JSON contract, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sysdesign import paths
from tests.helpers import invoke

JUNIOR = Path(__file__).resolve().parents[1] / "data" / "designs"
CHAT = paths.bundled("designs") / "chat.yaml"


def test_json_contract() -> None:
    code, out, _ = invoke("check", str(JUNIOR / "junior-feed.yaml"), "--json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"design", "scenario", "score", "breakdown", "findings", "read_from_labels"}
    assert doc["score"] is None and doc["scenario"] is None
    assert doc["findings"]
    for f in doc["findings"]:
        assert set(f) == {"rule", "severity", "components", "message", "why", "fix", "evidence"}
        assert f["evidence"]


def test_json_in_korean_with_score(tmp_path: Path) -> None:
    code, out, _ = invoke("check", str(CHAT), "--json", "--lang", "ko")
    assert code == 0
    doc = json.loads(out)
    assert doc["scenario"] == "chat" and doc["score"] >= 90
    for item in doc["breakdown"]:
        assert {"item", "points", "max", "lost", "reason", "references"} <= set(item)
    code, out, _ = invoke("check", str(JUNIOR / "junior-feed.yaml"), "--json", "--lang", "ko")
    doc = json.loads(out)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in doc["findings"][0]["message"])


def test_text_output_groups_by_severity_then_scores() -> None:
    code, out, _ = invoke("check", str(JUNIOR / "junior-feed.yaml"), "--scenario", "news-feed")
    assert code == 0
    assert out.index("Critical") < out.index("Major") < out.index("Minor") < out.index("Score")
    assert "client-to-datastore" in out and "fix:" in out and "why:" in out


def test_fail_on() -> None:
    feed = str(JUNIOR / "junior-feed.yaml")
    assert invoke("check", feed, "--fail-on", "critical")[0] == 1
    micro = str(JUNIOR / "junior-microservices.yaml")
    assert invoke("check", micro, "--fail-on", "critical")[0] == 0
    assert invoke("check", micro, "--fail-on", "major")[0] == 1
    code, _, err = invoke("check", micro, "--fail-on", "majr")
    assert code == 2 and "did you mean 'major'" in err


def test_invalid_file_exits_2_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("components:\n  u: client\n  db: postgress\nconnections: [u -> db]\n")
    code, out, err = invoke("check", str(bad))
    assert code == 2 and out == ""
    assert "bad.yaml:3:" in err and "postgres" in err
    assert invoke("check", str(tmp_path / "missing.yaml"))[0] == 2


def test_unknown_scenario_exits_2() -> None:
    code, _, err = invoke("check", str(JUNIOR / "junior-feed.yaml"), "--scenario", "chta")
    assert code == 2 and "chat" in err


def test_kill() -> None:
    code, out, _ = invoke("check", str(CHAT), "--kill", "lb", "--json")
    doc = json.loads(out)
    assert code == 1
    assert doc["killed"] == ["lb"] and doc["broken_journeys"]
    assert doc["availability_after"] < doc["availability_before"]
    code, out, _ = invoke("check", str(CHAT), "--kill", "history")
    assert code == 0 and "No journey breaks" in out
    code, _, err = invoke("check", str(CHAT), "--kill", "histroy")
    assert code == 2 and "did you mean 'history'" in err


def test_help_does_not_import_networkx() -> None:
    code = (
        "import sys, sysdesign.cli\n"
        "from sysdesign.cli import check_cmds\n"
        "assert 'networkx' not in sys.modules, 'networkx imported'\n"
        "import sysdesign.check, sysdesign.design.rules\n"
        "assert 'networkx' not in sys.modules, 'networkx imported by the rules'\n"
        "assert 'rich' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_labels_are_read_for_intent(tmp_path: Path) -> None:
    """A candidate who writes what a component does, in either language, is read: the tags it
    implies count like written ones, and the check says it relied on them."""
    from sysdesign.check import check_design
    from sysdesign.library import load_design

    path = tmp_path / "pay.yaml"
    path.write_text(
        "name: pay\nscenario: payment-system\ncomponents:\n"
        "  app: {kind: client}\n  lb: {kind: load_balancer, replicas: 2}\n"
        "  gw: {kind: api_gateway, replicas: 2}\n"
        '  pay: {kind: service, replicas: 3, label: "결제 서비스 (멱등 키로 중복 요청 차단)"}\n'
        '  ledger: {kind: sql_db, replicas: 3, label: "복식부기 장부"}\n'
        '  fan: {kind: worker, replicas: 2, label: "Fan-out workers"}\n'
        "  pg: {kind: external, label: PG}\n"
        "connections:\n  - app -> lb -> gw -> pay -> ledger\n  - pay -> pg\n",
        encoding="utf-8",
    )
    result = check_design(load_design(path))
    read = {(r.component, r.tag) for r in result.readings}
    assert {("pay", "idempotency"), ("ledger", "double_entry"), ("fan", "fanout")} <= read
    rules = {f.rule for f in result.findings}
    assert "no-idempotency" not in rules and "no-double-entry" not in rules
    # without the words, the same design is caught
    bare = path.read_text(encoding="utf-8").replace("멱등 키로 중복 요청 차단", "주문 결제")
    path.write_text(bare.replace("복식부기 장부", "장부 DB"), encoding="utf-8")
    rules = {f.rule for f in check_design(load_design(path)).findings}
    assert "no-idempotency" in rules
