"""The progress core stays pure: no typer, rich, textual, jinja2 or pydantic at import time."""

from __future__ import annotations

import subprocess
import sys


def test_core_modules_import_light() -> None:
    code = (
        "import sys\n"
        "import sysdesign.progress.areas, sysdesign.progress.schedule\n"
        "import sysdesign.progress.recommend, sysdesign.progress.history, sysdesign.progress.png\n"
        "heavy = {'typer', 'rich', 'textual', 'jinja2', 'pydantic', 'networkx', 'yaml'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
