"""The starting design file a session writes for the candidate (never over an existing one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sysdesign.models.scenario import Scenario

SKELETON = """\
# {title}
# Edit and save this file while the session runs; `:check` re-reads it at once.
# 세션 중에 이 파일을 고쳐 저장하세요. `:check`로 바로 다시 읽습니다.
# Format / 형식: components (id: {{kind: ...}}), connections ("a -> b -> c"), estimates.
name: {scenario} design
scenario: {scenario}
components:
  users: {{kind: client}}
  # lb: {{kind: load_balancer, replicas: 2}}
  # api: {{kind: service, replicas: 3}}
  # db: {{kind: sql_db, replicas: 2}}
connections: []
  # - users -> lb -> api -> db
"""


def write_skeleton(path: Path, scenario: Scenario) -> bool:
    """Create a starting design file; never overwrite one. True when a file was written."""
    from sysdesign.paths import atomic_write_text

    if path.exists():
        return False
    atomic_write_text(
        path,
        SKELETON.format(title=scenario.title.en + " / " + scenario.title.ko, scenario=scenario.id),
    )
    return True
