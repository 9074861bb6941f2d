"""`report -o FILE` never replaces an existing file without --force (a typo such as
`-o chat-design.yaml` must not eat the candidate's design), like `diagram` and `export`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import invoke

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "session" / "chat.script.yaml"


def test_report_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    code, out, err = invoke("start", "chat", "--script", str(SCRIPT), "--json")
    assert code == 0, err
    session_id = json.loads(out)["session_id"]
    design = tmp_path / "chat-design.yaml"
    design.write_text("name: my design\n")
    code, out, err = invoke("report", session_id, "-o", str(design))
    assert code == 2 and "--force" in err
    assert design.read_text() == "name: my design\n"
    code, _, err = invoke("report", session_id, "-o", str(design), "--force")
    assert code == 0, err
    assert design.read_text().startswith("# Interview report")
