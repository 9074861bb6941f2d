"""`check` replays its output for an unchanged design file (sysdesign/cli/check_cache.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sysdesign import paths
from tests.helpers import invoke

JUNIOR = Path(__file__).resolve().parents[1] / "data" / "designs"


def _entries() -> list[Path]:
    return sorted((paths.home() / "cache").glob("check-*.json"))


def test_replays_the_same_output_and_exit_code(tmp_path: Path) -> None:
    design = tmp_path / "feed.yaml"
    design.write_bytes((JUNIOR / "junior-feed.yaml").read_bytes())
    args = ("check", str(design), "--scenario", "news-feed", "--fail-on", "major")
    first = invoke(*args)
    assert first[0] == 1 and "Score" in first[1]
    assert len(_entries()) == 1
    assert invoke(*args) == first
    # The second run printed the stored text: a changed entry shows through…
    entry = _entries()[0]
    stored = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**stored, "stdout": "from the cache\n"}), encoding="utf-8")
    assert invoke(*args) == (1, "from the cache\n", "")
    # …until the file changes: one more byte, a new key, the real check again.
    design.write_bytes(design.read_bytes() + b"\n")
    assert invoke(*args) == first
    assert len(_entries()) == 1  # the entry for this path and these options was replaced


def test_options_are_part_of_the_key(tmp_path: Path) -> None:
    design = str(JUNIOR / "junior-feed.yaml")
    code, english, _ = invoke("check", design)
    assert code == 0 and "fix:" in english
    code, korean, _ = invoke("check", design, "--lang", "ko")
    assert code == 0 and "해결:" in korean
    code, out, _ = invoke("check", design, "--json")
    assert code == 0 and json.loads(out)["findings"]
    assert invoke("check", design, "--fail-on", "critical")[0] == 1
    assert invoke("check", design)[1] == english
    assert len(_entries()) == 4


def test_an_invalid_design_is_refused_every_time(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("components:\n  u: client\n  db: postgress\nconnections: [u -> db]\n")
    for _ in range(2):
        code, out, err = invoke("check", str(bad))
        assert code == 2 and out == ""
        assert "bad.yaml:3:" in err and "postgres" in err
    assert _entries() == []


def test_a_repeated_check_imports_neither_pydantic_nor_rich(tmp_path: Path) -> None:
    design = str(JUNIOR / "junior-microservices.yaml")
    env = {**os.environ, "SYSDESIGN_HOME": str(tmp_path / "home"), "SYSDESIGN_LANG": "en"}
    argv = [sys.executable, "-X", "importtime", "-m", "sysdesign", "check", design]
    runs = [subprocess.run(argv, capture_output=True, text=True, env=env) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout and "Junior microservices" in runs[0].stdout
    first, second = ({line.split("|")[-1].strip() for line in r.stderr.splitlines()} for r in runs)
    assert {"pydantic", "rich.console", "yaml"} <= first
    assert not {"pydantic", "rich.console", "yaml", "sysdesign.design.rules"} & second
