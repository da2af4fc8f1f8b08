"""Short phrases several screens share, translated in one context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def people(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("words", "1 person")
    return QCoreApplication.translate("words", "{n} people").format(n=count)
