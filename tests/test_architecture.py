"""The layer contracts in pyproject.toml hold, and they can fail: an upward import or a cycle
between two modules of one package, added to a copy of the package, breaks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the pyproject.toml in `cwd`, on the package in `cwd`."""
    env = dict(os.environ, PYTHONPATH=str(cwd))
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "sysdesign", tmp_path / "sysdesign", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _append(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + code, encoding="utf-8")


def test_the_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_a_copy_of_the_package_is_what_is_linted(tmp_path: Path) -> None:
    """The failing cases below lint a copy; unchanged, the copy passes too."""
    result = _lint(_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_inside_a_function_breaks_the_layers(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _append(
        root / "sysdesign" / "store" / "__init__.py",
        "\n\ndef _upward() -> None:\n    import sysdesign.progress.schedule  # noqa: F401\n",
    )
    result = _lint(root)
    assert result.returncode == 1
    assert "sysdesign.store is not allowed to import sysdesign.progress" in result.stdout
    # store and progress are also sibling packages of sysdesign, now in a cycle
    assert "Contracts: 0 kept, 2 broken." in result.stdout


def test_design_importing_the_rubric_breaks_the_layers(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _append(
        root / "sysdesign" / "design" / "run.py",
        "\n\ndef _score() -> None:\n    from sysdesign.rubric import design_score  # noqa: F401\n",
    )
    result = _lint(root)
    assert result.returncode == 1
    assert "sysdesign.design is not allowed to import sysdesign.rubric" in result.stdout


def test_a_cycle_between_two_modules_of_a_package_breaks(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _append(
        root / "sysdesign" / "design" / "findings.py",
        "\n\ndef _cycle() -> None:\n    import sysdesign.design.rules  # noqa: F401\n",
    )
    result = _lint(root)
    assert result.returncode == 1
    assert "No import cycles among the modules of one package BROKEN" in result.stdout
    assert "Contracts: 1 kept, 1 broken." in result.stdout
