"""The idle lock: a watcher for input anywhere in the app, and the page shown while locked.

The lock page shows the app's name, who is signed in and a password field, and nothing of
the desk: on a shared workstation anyone passing may see the screen (and the task bar's
thumbnail of it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from officer_desk.app.setting_definitions import IDLE_LOCK_MINUTES
from officer_desk.ui.card import PasswordCardPage, centred, field_label, link_button

# What counts as someone at the keyboard.  Not paints, timers or focus changes: those
# happen on their own (a screen refreshing its data must not keep the desk unlocked).
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval`` without key, mouse, touch or wheel input anywhere."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(IDLE_LOCK_MINUTES.default)
        self._watching = False

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(IDLE_LOCK_MINUTES.bounded(str(minutes)) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        """Any interval (tests use a short one); restarts the count when running."""
        self._timer.setInterval(milliseconds)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event in the app: keep it to one set lookup.
        if event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False


class LockPage(PasswordCardPage):
    """ "Officer Desk — locked", the signed-in officer's name, a password field."""

    unlock_requested = Signal(str)  # password
    switch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Unlock"), parent)
        self.setObjectName("LockPage")
        self.card.title.setText(self.tr("Officer Desk — locked"))
        self.who = QLabel()
        self.who.setObjectName("CardSubtitle")
        self.who.setWordWrap(True)
        self.switch = link_button(self.tr("Another officer? Sign in here"))

        body = self.card.body
        body.addWidget(self.who)
        body.addWidget(field_label(self.tr("&Password"), self.password))
        body.addWidget(self.password)
        self.add_button()
        body.addWidget(self.switch, 0, Qt.AlignmentFlag.AlignLeft)
        centred(self.card, self)

        self.password.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)
        self.switch.clicked.connect(self.switch_requested)

    def prepare(self, display_name: str, error: str = "") -> None:
        self.card.subtitle.setText(self.tr("The desk is locked."))
        self.who.setText(
            self.tr("{name} is signed in. Type your password to go on.").format(name=display_name)
        )
        self.set_busy(False)
        self.password.clear()
        self.error.say(error)
        self.focus_first()

    def inputs(self) -> list[QWidget]:
        return [self.password, self.switch]

    def _submit(self) -> None:
        password = self.password.text()
        self.password.clear()
        if not password:
            self.refuse(self.tr("Type your password."))
            return
        self.set_busy(True)
        self.unlock_requested.emit(password)
