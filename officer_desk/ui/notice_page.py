"""A page with a few plain words instead of the desk: no records yet, or demo records being made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from officer_desk.ui.card import Card, centred


class NoticePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticePage")
        self.card = Card()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # how long a demo unit takes is not known in advance
        self.busy.setTextVisible(False)
        self.card.body.addWidget(self.text)
        self.card.body.addWidget(self.busy)
        centred(self.card, self)

    def say(self, title: str, subtitle: str, text: str = "", *, busy: bool = False) -> None:
        """``text`` is rich text (commands in <code>); the caller escapes anything typed."""
        self.card.title.setText(title)
        self.card.subtitle.setText(subtitle)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.busy.setVisible(busy)

    def show_progress(self, line: str) -> None:
        self.card.subtitle.setText(line)
