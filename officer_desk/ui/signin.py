"""The sign-in page: user name and password, nothing else of the desk visible.

The page only collects what was typed and shows the answer; the check itself runs on the
database worker, started by the gate.  Its Argon2id (about 0.3 s) starts earlier, when the
fields have been still for a moment (``key_ahead.KeyAhead``), and is handed to the check with
the text it was made for.  The password field is emptied the moment it is submitted, so it
never lingers on screen or in the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from officer_desk import PRODUCT_NAME
from officer_desk.ui.card import PasswordCardPage, centred, field_label, link_button
from officer_desk.ui.key_ahead import Derive, KeyAhead

if TYPE_CHECKING:
    from officer_desk.ui.key_ahead import Ahead


class SignInPage(PasswordCardPage):
    submitted = Signal(str, str)  # user name, password
    back_requested = Signal()
    painted = Signal()  # the first paint after prepare(): what one sees is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sign in"), parent)
        self.setObjectName("SignInPage")
        self.username = QLineEdit()
        self.username.setObjectName("UserName")
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(self.tr("for example kari.nordmann"))
        self.hint = QLabel()
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.hide()
        self.back = link_button("")
        self.back.hide()

        body = self.card.body
        body.addWidget(field_label(self.tr("&User name"), self.username))
        body.addWidget(self.username)
        body.addWidget(field_label(self.tr("&Password"), self.password))
        body.addWidget(self.password)
        self.add_button()
        body.addWidget(self.hint)
        body.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        centred(self.card, self)

        self.key_ahead: KeyAhead | None = None
        self._ahead: Ahead | None = None
        self.username.textChanged.connect(self._text_changed)
        self.password.textChanged.connect(self._text_changed)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)
        self.back.clicked.connect(self.back_requested)
        self._watching_paint = False
        self.set_texts(PRODUCT_NAME, self.tr("Sign in to this unit's desk."))

    def derive_ahead_with(self, derive: Derive) -> None:
        """Start Argon2id when the fields pause (``derive(user name, password)`` runs on a
        thread of its own); without this call the check derives at Enter."""
        if self.key_ahead is None:
            self.key_ahead = KeyAhead(derive, self)
            self._text_changed()

    def take_ahead(self) -> Ahead | None:
        """The derivation made for what was submitted (the caller wipes it), once."""
        ahead, self._ahead = self._ahead, None
        return ahead

    def discard_ahead(self) -> None:
        if self.key_ahead is not None:
            self.key_ahead.discard()

    def _text_changed(self) -> None:
        if self.key_ahead is not None:
            self.key_ahead.text_changed(self.username.text(), self.password.text())

    def hideEvent(self, event: QHideEvent) -> None:
        # Covered by another page (the desk, the lock): an abandoned attempt keeps no key.
        self.discard_ahead()
        super().hideEvent(event)

    def set_texts(self, title: str, subtitle: str, back: str | None = None) -> None:
        """The card's words: signing in at start, or switching officer (with a way back)."""
        self.card.title.setText(title)
        self.card.subtitle.setText(subtitle)
        self.back.setText(back or "")
        self.back.setVisible(bool(back))

    def set_hint(self, text: str | None) -> None:
        """A note under the button (only the demo uses it: its accounts and password)."""
        self.hint.setText(text or "")
        self.hint.setVisible(bool(text))

    def prepare(self, username: str = "", error: str = "") -> None:
        """Empty and ready for the next person (or the same one after a failed attempt)."""
        self.set_busy(False)
        self.username.setText(username)
        self.password.clear()
        self.error.say(error)
        self.focus_first()
        self._watching_paint = True
        self.installEventFilter(self)
        self.update()

    def inputs(self) -> list[QWidget]:
        return [self.username, self.password]

    def focus_first(self) -> None:
        (self.password if self.username.text().strip() else self.username).setFocus()

    def _username_entered(self) -> None:
        if self.password.text():
            self._submit()
        else:
            self.password.setFocus()

    def _submit(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        complete = bool(username and password)
        # Before the field is cleared (which discards the rest): the derivation for this text.
        if complete and self.key_ahead is not None:
            self._ahead = self.key_ahead.take()
        self.password.clear()  # never left in the field, whatever the answer
        if not username:
            self.refuse(self.tr("Type your user name."))
            return
        if not password:
            self.refuse(self.tr("Type your password."))
            return
        self.set_busy(True)
        self.submitted.emit(username, password)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and self._watching_paint and event.type() == QEvent.Type.Paint:
            self._watching_paint = False
            self.removeEventFilter(self)
            # After this paint has reached the screen, not before.
            QTimer.singleShot(0, self, self.painted.emit)
        return False
