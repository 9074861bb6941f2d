"""Estimate figures given as command-line flags: `--dau 50M --writes-per-user=40`, or a mapping.

The session's `:estimate` and a script's `estimate:` step read them here; the names are the
fields of `EstimateInputs`.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from typing import Any


def parse_estimate_args(args: str | Mapping[str, Any]) -> dict[str, str]:
    """`--dau 50M --writes-per-user=40` (or a mapping) → {"dau": "50M", "writes_per_user": "40"}."""
    from sysdesign.errors import UsageError
    from sysdesign.models.estimates import EstimateInputs
    from sysdesign.yamlio import did_you_mean

    names = list(EstimateInputs.model_fields)
    out: dict[str, str] = {}
    if isinstance(args, Mapping):
        pairs = [(str(k), v) for k, v in args.items()]
    else:
        try:
            tokens = shlex.split(args)
        except ValueError as exc:
            raise UsageError(f"cannot read the flags: {exc} / 플래그를 읽을 수 없습니다") from None
        pairs = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if not token.startswith("--"):
                raise UsageError(
                    f"expected a flag like --dau, got {token!r} / --dau 같은 플래그가 와야 합니다"
                )
            if "=" in token:
                name, value = token[2:].split("=", 1)
                i += 1
            else:
                if i + 1 >= len(tokens):
                    raise UsageError(f"{token} needs a value / {token}에 값이 필요합니다")
                name, value = token[2:], tokens[i + 1]
                i += 2
            pairs.append((name, value))
    for name, value in pairs:
        key = name.strip().lstrip("-").replace("-", "_")
        if key not in names:
            flags = ["--" + n.replace("_", "-") for n in names]
            raise UsageError(
                f"unknown estimate flag --{key.replace('_', '-')}"
                f"{did_you_mean('--' + key.replace('_', '-'), flags)} / 알 수 없는 플래그"
            )
        out[key] = str(value)
    if not out:
        raise UsageError(
            "give the figures, e.g. :estimate --dau 50M --writes-per-user 40 / "
            "수치를 주세요. 예: :estimate --dau 50M --writes-per-user 40"
        )
    return out
