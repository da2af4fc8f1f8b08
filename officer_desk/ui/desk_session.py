"""Who is working at this desk now: the one object screens ask "whom do I act as?".

The sign-in gate sets it; the main window and its pages listen to its signals.  It holds the
signed-in account (``app.accounts.SignedIn``) and nothing else, and imports nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from officer_desk.app.accounts import SignedIn
    from officer_desk.app.writes import Actor


class DeskSession(QObject):
    signed_in = Signal(object)  # SignedIn: a new person is working here (also after a switch)
    locked = Signal()  # hide every personal detail now
    unlocked = Signal()  # the same person is back
    signed_out = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._user: SignedIn | None = None
        self._locked = False

    @property
    def user(self) -> SignedIn | None:
        return self._user

    @property
    def is_locked(self) -> bool:
        return self._locked

    def actor(self) -> Actor:
        """The audit's who for a write; only valid while someone is signed in."""
        if self._user is None:
            raise RuntimeError("no one is signed in")
        return self._user.actor()

    def sign_in(self, user: SignedIn) -> None:
        self._user = user
        self._locked = False
        self.signed_in.emit(user)

    def lock(self) -> None:
        if self._user is not None and not self._locked:
            self._locked = True
            self.locked.emit()

    def unlock(self) -> None:
        if self._locked:
            self._locked = False
            self.unlocked.emit()

    def sign_out(self) -> None:
        self._user = None
        self._locked = False
        self.signed_out.emit()
