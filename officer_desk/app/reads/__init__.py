"""What the screens read: one module per screen family, each read the work for
``DbExecutor.submit`` (a function of the store), its queries in ``store/``.

Results are frozen dataclasses, never live ORM rows, so they cross to the GUI thread safely.
Modules here import the database stack inside the work, on the worker, so a screen that imports
them stays light.  A read that orders people by name takes the order as ``by_name``: the
screens pass the interface language's (``ui.i18n.by_name``, Qt's collator: Norwegian puts
æ, ø, å last), which this layer cannot make without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

T = TypeVar("T")


class ByName(Protocol):
    """``items`` in the alphabetical order of ``name(item)``."""

    def __call__(self, items: Iterable[T], name: Callable[[T], str], /) -> list[T]: ...


def plain_order(items: Iterable[T], name: Callable[[T], str], /) -> list[T]:
    """Case-blind code-point order: for callers without an interface language (benchmarks,
    the command line); wrong for æ, ø, å in Norwegian."""
    return sorted(items, key=lambda item: name(item).casefold())
