"""Entry point: `python -m sysdesign` and the `sysdesign` console script."""

from __future__ import annotations


def main() -> None:
    from sysdesign.cli import run

    run()


if __name__ == "__main__":
    main()
