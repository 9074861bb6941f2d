"""`scenarios`, `tracks`, `validate`, `schema` and `--version` through the CLI runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sysdesign import __version__
from tests.helpers import invoke

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def mini(home: Path) -> Path:
    """A user scenario, rubric and track, loaded through the same loader as bundled ones."""
    (home / "scenarios").mkdir()
    (home / "rubrics").mkdir()
    shutil.copy(DATA / "mini-scenario.yaml", home / "scenarios" / "mini.yaml")
    shutil.copy(DATA / "mini-rubric.yaml", home / "rubrics" / "mini.yaml")
    shutil.copy(DATA / "mini-tracks.yaml", home / "scenarios" / "tracks.yaml")
    return home


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.strip() == f"sysdesign {__version__}"


def test_scenarios_list_json_contract(mini: Path) -> None:
    code, out, _ = invoke("scenarios", "list", "--json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    assert {"id", "title", "tracks", "difficulty"} <= set(rows["mini"])
    assert rows["mini"]["tracks"] == ["mini-track"]
    assert rows["mini"]["title"] == "Mini scenario"


def test_language_applies_to_json(mini: Path) -> None:
    _, out, _ = invoke("scenarios", "list", "--json", "--lang", "ko")
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["mini"]["title"] == "미니 시나리오"


def test_scenarios_list_filters_by_track(mini: Path) -> None:
    _, out, _ = invoke("scenarios", "list", "--track", "mini-track", "--json")
    assert [row["id"] for row in json.loads(out)] == ["mini"]
    code, _, err = invoke("scenarios", "list", "--track", "mini-trak")
    assert code == 2 and "did you mean 'mini-track'" in err


def test_scenarios_show_hides_spoilers(mini: Path) -> None:
    code, out, _ = invoke("scenarios", "show", "mini", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["prompt"] == "Design a small service."
    assert [p["id"] for p in doc["phases"]] == [
        "requirements",
        "high_level",
        "deep_dive",
        "wrap_up",
    ]
    assert "facts" not in doc and "rubric" not in doc
    _, out, _ = invoke("scenarios", "show", "mini", "--json", "--spoilers")
    doc = json.loads(out)
    assert doc["facts"][0]["answer"] == "One million daily active users."
    assert doc["rubric"]["key_questions"] == ["users", "latency"]


def test_scenarios_show_text_in_korean(mini: Path) -> None:
    code, out, _ = invoke("scenarios", "show", "mini", "--lang", "ko")
    assert code == 0 and "작은 서비스를 설계하세요." in out and "단계별 계획" in out


def test_unknown_scenario_suggests(mini: Path) -> None:
    code, out, err = invoke("scenarios", "show", "mnii")
    assert code == 2 and out == ""
    assert "did you mean 'mini'" in err and "Traceback" not in err


def test_tracks_list_and_show(mini: Path) -> None:
    _, out, _ = invoke("tracks", "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["mini-track"]["scenarios"] == ["mini"]
    assert {"id", "title", "scenarios"} <= set(rows["mini-track"])
    code, out, _ = invoke("tracks", "show", "mini-track", "--json")
    assert code == 0 and json.loads(out)["scenarios"][0]["id"] == "mini"


def test_validate_clean_broken_and_unreadable(tmp_path: Path) -> None:
    good = DATA / "mini-scenario.yaml"
    code, out, _ = invoke("validate", str(good))
    # the file is named mini-scenario.yaml but its id is mini: that is a problem
    assert code == 1 and "differs from the file name" in out
    clean = tmp_path / "mini.yaml"
    shutil.copy(good, clean)
    code, out, _ = invoke("validate", str(clean), str(DATA / "mini-rubric.yaml"))
    assert code == 0 and out.count(": ok") == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("components:\n  a: {kind: cahce}\n")
    code, out, _ = invoke("validate", str(broken), "--json")
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False
    (problem,) = doc["files"][0]["problems"]
    assert problem["line"] == 2 and "did you mean 'cache'" in problem["message"]
    code, _, _ = invoke("validate", str(tmp_path / "missing.yaml"))
    assert code == 2


def test_validate_rubric_rule_ids(tmp_path: Path) -> None:
    text = (DATA / "mini-rubric.yaml").read_text().replace("[spof]", "[spoff]")
    path = tmp_path / "r.yaml"
    path.write_text(text)
    code, out, _ = invoke("validate", str(path))
    assert code == 1 and "did you mean 'spof'" in out and f"{path}:9:" in out


def test_schema_command(tmp_path: Path) -> None:
    code, out, _ = invoke("schema", "design")
    doc = json.loads(out)
    assert code == 0 and "components" in doc["properties"]
    code, _, err = invoke("schema", "desgn")
    assert code == 2 and "did you mean 'design'" in err


def _tree() -> dict[str, object]:
    import typer

    from sysdesign.cli import app

    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    return {name: root.get_command(ctx, name) for name in root.list_commands(ctx)}  # type: ignore[attr-defined]


def test_help_for_every_command() -> None:
    """Docs cannot drift: every command and subcommand has help text."""

    def walk(cmd: object, path: list[str]) -> None:
        assert (getattr(cmd, "help", None) or "").strip(), f"no help for {' '.join(path)}"
        for name, child in getattr(cmd, "commands", {}).items():
            walk(child, [*path, name])

    for name, cmd in _tree().items():
        assert cmd is not None, f"{name} is listed but no module registers it"
        walk(cmd, [name])


def test_lazy_command_table_matches_the_modules() -> None:
    """The root's static table names the module that registers each command, and the help
    it lists is the command's own first line."""
    from sysdesign.cli import COMMANDS, load_module_commands

    registered: dict[str, str] = {}
    for module in {m for m, _, _ in COMMANDS.values()}:
        for name, cmd in load_module_commands(module).commands.items():
            registered[name] = module
            listed = COMMANDS[name][1]
            own = (cmd.help or "").strip().split("\n")[0]
            assert own.startswith(listed.rstrip(".")), f"{name}: {listed!r} vs {own!r}"
    assert registered == {name: module for name, (module, _, _) in COMMANDS.items()}


def test_root_help_in_korean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSDESIGN_LANG", "ko")
    code, out, _ = invoke("--help")
    assert code == 0 and "시간제한 모의 면접을 시작합니다." in out


def test_unknown_command_suggests() -> None:
    code, _, err = invoke("chekc")
    assert code == 2 and "did you mean 'check'" in err


def test_validate_exit_2_for_files_that_cannot_be_read(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("name: caf\xe9\ncomponents: {a: service}\n".encode("latin-1"))
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    for path in (latin1, folder):
        code, out, err = invoke("validate", str(path))
        assert code == 2, (path, out, err)
        assert "cannot read" in out and "Traceback" not in out + err
    broken = tmp_path / "broken.yaml"
    broken.write_text("components: [\n")
    code, _, _ = invoke("validate", str(broken))
    assert code == 1  # it was read; its content is wrong
