"""Qt's own messages end up in Python logging under officer_desk.qt."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qInfo
from PySide6.QtWidgets import QApplication

from officer_desk.ui.qt_messages import route_qt_messages


def test_qt_messages_are_logged(qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    restore = route_qt_messages()
    try:
        with caplog.at_level(logging.INFO, logger="officer_desk.qt"):
            qInfo("hello from Qt")
    finally:
        restore()
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("officer_desk.qt", logging.INFO, "hello from Qt")
    ]
