"""Behavioural (STAR) story practice: the story bank, the question bank, content checks,
timed practice and coverage. Pure core: no typer, rich or textual here."""
