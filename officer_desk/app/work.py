"""Use cases as work for the database worker, typed: ``call(notes.add_note, actor, ...)``.

A screen hands ``DbExecutor.submit`` a function of the store; ``call`` makes one from a use
case (``fn(store, actor, *args, **kwargs)``) and its arguments, which mypy checks against the
use case's own signature (no look-up by name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

if TYPE_CHECKING:
    from officer_desk.app.actor import Actor
    from officer_desk.store.database import Store

P = ParamSpec("P")
R = TypeVar("R")


def call(
    use_case: Callable[Concatenate[Store, Actor, P], R],
    actor: Actor,
    *args: P.args,
    **kwargs: P.kwargs,
) -> Callable[[Store], R]:
    """``use_case(store, actor, *args, **kwargs)`` when the worker runs it."""

    def work(store: Store) -> R:
        return use_case(store, actor, *args, **kwargs)

    return work
