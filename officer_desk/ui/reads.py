"""Read queries packaged as work for the database executor (never run on the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlmodel import Session

from officer_desk.store.database import Store

P = ParamSpec("P")
T = TypeVar("T")


def reading(
    query: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs
) -> Callable[[Store], T]:
    """``query(session, *args)`` in a read session, as a function of the store to submit."""

    def work(store: Store) -> T:
        with store.reading() as session:
            return query(session, *args, **kwargs)

    return work
