"""Views over the session engine: the `--plain` line mode (plain.py) and the full-screen UI."""
