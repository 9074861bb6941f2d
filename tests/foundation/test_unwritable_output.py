"""An output path that cannot be written is a usage error (exit 2, the path named), never a
traceback: the shared atomic writer and the render staging folder both say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from sysdesign.errors import SysdesignError
from sysdesign.paths import atomic_write_text
from tests.helpers import invoke

DESIGN = Path(__file__).resolve().parents[2] / "designs" / "chat.yaml"


@pytest.fixture()
def blocked(tmp_path: Path) -> Path:
    """A folder that cannot exist: its parent is a regular file (fails even for root)."""
    parent = tmp_path / "a-file"
    parent.write_text("not a folder\n")
    return parent / "sub"


def test_atomic_write_names_the_target(blocked: Path) -> None:
    with pytest.raises(SysdesignError) as caught:
        atomic_write_text(blocked / "out.md", "x")
    assert str(blocked / "out.md") in str(caught.value)


def test_progress_png_to_unwritable_path(blocked: Path) -> None:
    code, _, err = invoke("progress", "--png", str(blocked / "p.png"))
    assert code == 2
    assert "Traceback" not in err and str(blocked / "p.png") in err


def test_diagram_to_unwritable_path(blocked: Path) -> None:
    target = blocked / "d.mmd"
    code, _, err = invoke("diagram", str(DESIGN), "-o", str(target), "--format", "mermaid")
    assert code == 2
    assert str(target) in err


def test_start_with_unwritable_design_path(blocked: Path) -> None:
    target = blocked / "chat.yaml"
    code, _, err = invoke("start", "chat", "--plain", "--design", str(target), input="")
    assert code == 2
    assert str(target) in err
