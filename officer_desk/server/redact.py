"""Errors for the hub's logs without their messages: a database error's message may quote the
value it refused, a merge error's the payload it choked on (a name, a note).  The log keeps the
error's type, a database error's SQLSTATE and where it was raised, which is what finds a bug."""

from __future__ import annotations

import traceback


def error_words(error: BaseException) -> str:
    """An error's type, and for a database error its driver error's type and SQLSTATE."""
    orig = getattr(error, "orig", None)
    words = type(error).__name__
    if orig is not None:
        state = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
        words += f" ({type(orig).__name__}{f' {state}' if state else ''})"
    return words


def where_raised(error: BaseException) -> str:
    """The error's traceback: its frames (file, line, code), not its message."""
    return "".join(traceback.format_tb(error.__traceback__))
