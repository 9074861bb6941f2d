"""Back-of-envelope calculators that show their work, text readers and graded drills.

Pure code: no typer, rich or pydantic at import time (see tests/estimate/test_imports.py).
"""
