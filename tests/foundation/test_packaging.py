"""The wheel carries the data folders, and core modules stay import-light."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("sysdesign-*.whl")
    return path


def test_wheel_ships_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("scenarios", "rubrics", "designs", "templates", "data"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                inside = f"sysdesign/_data/{path.relative_to(ROOT).as_posix()}"
                assert inside in names, f"{inside} missing from the wheel"
    assert "sysdesign/cli/__init__.py" in names


def test_wheel_declares_console_script(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (entry,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
    assert "sysdesign = sysdesign.__main__:main" in archive.read(entry).decode()


HEAVY = ("typer", "rich", "textual", "jinja2", "diagrams", "networkx")


@pytest.mark.parametrize(
    "module",
    [
        "sysdesign.models.design",
        "sysdesign.library",
        "sysdesign.store",
        "sysdesign.estimate",
        "sysdesign.design",
        "sysdesign.session",
        "sysdesign.star",
        "sysdesign.qa.bank",
        "sysdesign.progress",
        "sysdesign.rubric",
        "sysdesign.render.mermaid",
        "sysdesign.render.dot",
        "sysdesign.ui.lines",
    ],
)
def test_core_modules_do_not_import_ui_or_heavy_libraries(module: str) -> None:
    """Core modules never import the CLI, the UI or heavy renderers at module level."""
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"{module} imports {done.stdout.strip()}"


def test_help_imports_no_heavy_module() -> None:
    code = (
        "import sys\nsys.argv = ['sysdesign', '--help']\n"
        "from sysdesign.cli import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = ('pydantic', 'rich', 'networkx', 'jinja2', 'textual', 'diagrams', 'yaml')\n"
        "print(','.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stderr.strip() == "", f"--help imports {done.stderr.strip()}"
