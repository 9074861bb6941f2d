"""Import hygiene: the estimate core stays free of typer, rich and pydantic (start-up speed)."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_no_ui_or_pydantic() -> None:
    code = (
        "import sys; import sysdesign.estimate.traffic, sysdesign.estimate.calculators, "
        "sysdesign.estimate.drill, sysdesign.estimate.units, sysdesign.estimate.model; "
        "bad = [m for m in ('typer', 'rich', 'pydantic', 'textual', 'jinja2', 'yaml') "
        "if m in sys.modules]; print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
