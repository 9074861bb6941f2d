from __future__ import annotations

from pathlib import Path

import pytest

from sysdesign.models.kinds import KINDS
from sysdesign.render.icons import PROVIDERS, TABLES, icon_class


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_kind_has_an_icon(provider: str) -> None:
    table = TABLES[provider]
    assert set(table) == set(KINDS), f"{provider}: missing {set(KINDS) - set(table)}"
    for kind in KINDS:
        cls = icon_class(provider, kind)
        icon = Path(cls._load_icon(cls))
        assert icon.is_file(), f"{provider}/{kind}: {icon} does not exist"
        assert icon.stat().st_size > 0


def test_each_provider_draws_most_kinds_with_its_own_icons() -> None:
    for provider in ("aws", "gcp", "k8s"):
        own = [path for path in TABLES[provider].values() if path.startswith(provider + ".")]
        assert len(own) >= len(KINDS) // 2, provider
