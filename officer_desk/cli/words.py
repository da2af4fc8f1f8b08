"""Counted words for the command line, which has no Qt and so no ``%n`` plural forms."""

from __future__ import annotations


def counted(n: int, one: str, many: str) -> str:
    """``counted(1, "change", "changes")`` -> "1 change"; never "change(s)"."""
    return f"{n} {one if n == 1 else many}"
