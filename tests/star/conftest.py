"""Shared fixtures for the STAR tests: the bundled samples as strong stories."""

from __future__ import annotations

import pytest

from sysdesign.models.story import Story
from sysdesign.star.bank import load_story, samples_dir


def sample(story_id: str) -> Story:
    return load_story(samples_dir() / f"{story_id}.yaml")


@pytest.fixture()
def strong_en() -> Story:
    return sample("concurrency-bug-en")


@pytest.fixture()
def strong_ko() -> Story:
    return sample("concurrency-bug-ko")
