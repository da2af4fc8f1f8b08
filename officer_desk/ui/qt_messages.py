"""Qt's own warnings and errors go into Python logging (logger ``officer_desk.qt``)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("officer_desk.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def route_qt_messages() -> Callable[[], None]:
    """Install the handler; returns a function that puts the previous one back."""
    previous: MessageHandler | None = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category if context.category not in (None, "default") else ""
        log.log(
            _LEVELS.get(kind, logging.WARNING),
            "%s%s",
            f"[{category}] " if category else "",
            message,
        )
        if previous is not None:
            # Keep a handler installed before ours (pytest-qt's, in tests) seeing everything.
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore
