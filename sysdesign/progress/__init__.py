"""Progress over time, the spaced-repetition practice schedule and what to practise next.

`areas` turns stored results into scores per area over time; `schedule` keeps an SM-2 card for
each thing a candidate got wrong; `recommend` picks the next practice item that fits the time.
Pure code: no typer, rich or pydantic at import time.
"""
