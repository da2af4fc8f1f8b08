"""The centred card the sign-in, lock and notice pages share, and the inline error line.

These pages stand alone in the window (nothing of the desk behind them), so each is a
plain background with one white card in the middle.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from officer_desk.ui.style import icon

CARD_WIDTH = 440

# The card, its labels and fields are styled in resources/officer_desk.qss (QFrame#Card,
# QLabel#CardTitle, #InlineError, #Hint…) in the colours of the look.  Kept, empty, for the
# pages that still set it.
CARD_STYLE = ""


class Card(QFrame):
    """A white card with the app's icon, a title and a subtitle; callers add the rest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setFixedWidth(CARD_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self.title = QLabel()
        self.title.setObjectName("CardTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("CardSubtitle")
        self.subtitle.setWordWrap(True)
        badge = QLabel()
        badge.setPixmap(icon("officer-desk").pixmap(40, 40))
        badge.setFixedSize(40, 40)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(28, 24, 28, 24)
        self.body.setSpacing(10)
        self.body.addLayout(top)
        self.body.addSpacing(8)


def centred(card: QWidget, page: QWidget) -> None:
    """Lay ``card`` out in the middle of ``page`` and give the page the card style."""
    page.setStyleSheet(CARD_STYLE)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


def field_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setObjectName("FieldLabel")
    label.setBuddy(buddy)
    return label


class InlineError(QLabel):
    """A plain-words error under the inputs; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InlineError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def say(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear(self) -> None:
        self.say("")


def link_button(text: str) -> QPushButton:
    """A button that looks like a link, for the way out that is not the main action."""
    button = QPushButton(text)
    button.setObjectName("LinkButton")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAutoDefault(False)
    return button


def password_input() -> QLineEdit:
    field = QLineEdit()
    field.setObjectName("Password")
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


class PasswordCardPage(QWidget):
    """A card page whose button sends a password to be checked on the database worker.

    Subclasses add their fields to ``self.card.body``, then call :meth:`add_button`.  While
    the check runs the inputs are disabled and a busy bar shows; a refusal empties the
    password (it never stays in a field) and says why under the inputs.
    """

    def __init__(self, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = Card()
        self.password = password_input()
        self.error = InlineError()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # Argon2id: about a third of a second, not measurable
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.button = QPushButton(button_text)
        self.button.setDefault(True)
        self._button_text = button_text

    def add_button(self) -> None:
        body = self.card.body
        body.addWidget(self.error)
        body.addSpacing(4)
        body.addWidget(self.button)
        body.addWidget(self.busy)

    def inputs(self) -> list[QWidget]:
        return [self.password]

    def focus_first(self) -> None:
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        for widget in self.inputs():
            widget.setEnabled(not busy)
        self.button.setEnabled(not busy)
        self.button.setText(self.tr("Checking…") if busy else self._button_text)
        self.busy.setVisible(busy)
        if busy:
            self.error.clear()

    def refuse(self, message: str) -> None:
        """A failed attempt: the reason in plain words, the password to type again."""
        self.set_busy(False)
        self.password.clear()
        self.error.say(message)
        self.focus_first()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_first()  # focus given while hidden does not stick
