"""The first-run page: try with demo data, set up a standalone workstation, or join a hub.

Only widgets: what was typed is checked for the obvious (empty fields, two different
passwords, the password policy, a hub address and code that cannot be right) and handed on
as a signal; :mod:`officer_desk.ui.first_run.guide` runs the work off the GUI thread and
calls :meth:`FormPanel.refuse` with the service's words when it is refused.  A refusal keeps
everything typed; only the passwords are emptied, and only when the refusal is about them.
"""

from __future__ import annotations

import itertools
import socket
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFormLayout,
    QFrame,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from officer_desk.domain.errors import DeskError
from officer_desk.ui.card import Card, InlineError, centred, link_button, password_input

GUIDE_WIDTH = 560


@dataclass(frozen=True)
class SetUp:
    facility_name: str
    facility_code: str
    unit_name: str
    unit_code: str
    admin_name: str
    admin_username: str
    admin_password: str


def _line(accessible: str, placeholder: str = "", max_length: int = 120) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(accessible)
    field.setPlaceholderText(placeholder)
    field.setMaxLength(max_length)
    return field


class FormPanel(QWidget):
    """A form with an inline error, a busy bar, the main button and a way back."""

    back_requested = Signal()

    def __init__(self, intro: str, button: str, button_name: str) -> None:
        super().__init__()
        self.intro = InlineError()  # restyled below: a hint, not an error
        self.intro.setObjectName("Hint")
        self.intro.say(intro)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(8)
        self.form.setHorizontalSpacing(12)
        self.error = InlineError()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        # Explicit context: self.tr() here would look the text up under the subclass's name.
        self.busy.setAccessibleName(QCoreApplication.translate("FormPanel", "Working"))
        self.busy.hide()
        self.button = QPushButton(button)
        self.button.setAccessibleName(button_name)
        self.button.setDefault(True)
        back = QCoreApplication.translate("FormPanel", "Back to the choices")
        self.back = link_button(back)
        self.back.setAccessibleName(back)
        self.back.clicked.connect(self.back_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.button)
        layout.addWidget(self.busy)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)

    def inputs(self) -> list[QLineEdit]:
        raise NotImplementedError

    def passwords(self) -> list[QLineEdit]:
        return []

    def field_for(self, name: str | None) -> QLineEdit | None:
        """The input a service's ``ValidationError.field`` names."""
        return None

    def set_busy(self, busy: bool) -> None:
        for field in self.inputs():
            field.setReadOnly(busy)
        self.button.setEnabled(not busy)
        self.back.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.error.clear()

    def refuse(self, message: str, field: QLineEdit | str | None = None) -> None:
        """Say what is wrong next to the inputs and put the cursor where it is to be fixed."""
        self.set_busy(False)
        target = field if isinstance(field, QLineEdit) else self.field_for(field)
        if target is not None and target in self.passwords():
            for password in self.passwords():
                password.clear()
            target = self.passwords()[0]
        self.error.say(message)
        (target or self.inputs()[0]).setFocus()

    def first_empty(self) -> QLineEdit | None:
        return next((f for f in self.inputs() if not f.text().strip()), None)


class SetUpPanel(FormPanel):
    submitted = Signal(object)  # SetUp

    def __init__(self) -> None:
        super().__init__(
            self.tr(
                "A workstation of its own, not connected to a hub (it can join one later). "
                "You become its first admin and create the officers' accounts after signing in."
            ),
            self.tr("&Set up this workstation"),
            self.tr("Set up this workstation"),
        )
        self.facility_name = _line(self.tr("Facility name"), self.tr("for example Halden fengsel"))
        self.facility_code = _line(self.tr("Facility code"), self.tr("for example HAL"), 20)
        self.unit_name = _line(self.tr("Unit name"), self.tr("for example Enhet C"))
        self.unit_code = _line(self.tr("Unit code"), self.tr("for example C"), 20)
        self.admin_name = _line(self.tr("Your name"), self.tr("for example Kari Nordmann"))
        self.username = _line(self.tr("Your user name"), self.tr("for example kari.nordmann"), 40)
        self.password = password_input()
        self.password.setAccessibleName(self.tr("Password"))
        self.again = password_input()
        self.again.setAccessibleName(self.tr("Repeat the password"))
        # Mnemonics avoid the menu bar's letters (File, Log, Go, Unit, Help).
        self.form.addRow(self.tr("Fac&ility:"), self.facility_name)
        self.form.addRow(self.tr("Facility c&ode:"), self.facility_code)
        self.form.addRow(self.tr("Uni&t:"), self.unit_name)
        self.form.addRow(self.tr("Unit co&de:"), self.unit_code)
        self.form.addRow(self.tr("Your &name:"), self.admin_name)
        self.form.addRow(self.tr("Your user na&me:"), self.username)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("&Repeat password:"), self.again)
        self.policy = InlineError()
        self.policy.setObjectName("FieldLabel")
        self.policy.say(
            self.tr(
                "At least 10 characters, not a common password and not your user name. A few "
                "words together are easy to remember and hard to guess."
            )
        )
        self.form.addRow(self.policy)
        fields = self.inputs()
        for before, after in itertools.pairwise(fields):
            self.setTabOrder(before, after)
            before.returnPressed.connect(after.setFocus)
        self.setTabOrder(fields[-1], self.button)
        self.setTabOrder(self.button, self.back)
        self.again.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def inputs(self) -> list[QLineEdit]:
        return [
            self.facility_name,
            self.facility_code,
            self.unit_name,
            self.unit_code,
            self.admin_name,
            self.username,
            self.password,
            self.again,
        ]

    def passwords(self) -> list[QLineEdit]:
        return [self.password, self.again]

    def field_for(self, name: str | None) -> QLineEdit | None:
        return {
            "facility_name": self.facility_name,
            "facility_code": self.facility_code,
            "unit_name": self.unit_name,
            "unit_code": self.unit_code,
            "display_name": self.admin_name,
            "username": self.username,
            "password": self.password,
        }.get(name or "")

    def submit(self) -> None:
        empty = self.first_empty()
        if empty is not None:
            self.refuse(
                self.tr("Fill in “{what}”: every field is needed.").format(
                    what=empty.accessibleName()
                ),
                empty,
            )
            return
        if self.password.text() != self.again.text():
            self.refuse(
                self.tr("The two passwords are not the same. Type them again."), self.password
            )
            return
        from officer_desk.domain.passwords import check_password

        username = self.username.text().strip()
        try:
            check_password(self.password.text(), username)
        except DeskError as weak:
            self.refuse(weak.message, self.password)
            return
        self.submitted.emit(
            SetUp(
                facility_name=self.facility_name.text().strip(),
                facility_code=self.facility_code.text().strip(),
                unit_name=self.unit_name.text().strip(),
                unit_code=self.unit_code.text().strip(),
                admin_name=self.admin_name.text().strip(),
                admin_username=username,
                admin_password=self.password.text(),
            )
        )


class JoinPanel(FormPanel):
    submitted = Signal(str, str, str)  # hub address, one-time code, workstation name

    def __init__(self) -> None:
        super().__init__(
            self.tr(
                "Another workstation of a unit that already syncs with the facility's hub. "
                "The unit's officers arrive from the hub and sign in here with their own "
                "passwords, also when the hub cannot be reached."
            ),
            self.tr("&Join the hub"),
            self.tr("Join the hub"),
        )
        self.url = _line(self.tr("Hub address"), "https://hub.facility.local", 300)
        self.code = _line(self.tr("One-time code"), "ABCD-EFGH-JKMN", 40)
        self.name = _line(self.tr("Workstation name"), "", 120)
        self.name.setText(socket.gethostname())
        self.form.addRow(self.tr("Hub &address:"), self.url)
        self.form.addRow(self.tr("One-time &code:"), self.code)
        self.form.addRow(self.tr("&Workstation name:"), self.name)
        self.about_code = InlineError()
        self.about_code.setObjectName("FieldLabel")
        self.about_code.say(
            self.tr(
                "Facility IT makes the code for this unit on the hub "
                "(officer-desk-server enroll-device --unit UNIT). It works once."
            )
        )
        self.form.addRow(self.about_code)
        self.setTabOrder(self.url, self.code)
        self.setTabOrder(self.code, self.name)
        self.setTabOrder(self.name, self.button)
        self.setTabOrder(self.button, self.back)
        self.url.returnPressed.connect(self.code.setFocus)
        self.code.returnPressed.connect(self.name.setFocus)
        self.name.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def inputs(self) -> list[QLineEdit]:
        return [self.url, self.code, self.name]

    def field_for(self, name: str | None) -> QLineEdit | None:
        return {"hub": self.url, "code": self.code}.get(name or "")

    def submit(self) -> None:
        from officer_desk.ui.sync.enrol import check_code, check_hub_url

        url, problem = check_hub_url(self.url.text())
        if url is None:
            self.refuse(problem, self.url)
            return
        code, problem = check_code(self.code.text())
        if code is None:
            self.refuse(problem, self.code)
            return
        name = self.name.text().strip()
        if not name:
            self.refuse(self.tr("Give this workstation a name the hub can list it by."), self.name)
            return
        self.submitted.emit(url, code, name)


class FirstRunPage(QWidget):
    demo_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunPage")
        self.card = Card()
        self.card.setFixedWidth(GUIDE_WIDTH)
        self.card.title.setText(self.tr("Welcome to Officer Desk"))
        # One step shown at a time; hidden ones take no room, so the card fits the shown one.
        self.steps: list[QWidget] = []
        self._current: QWidget | None = None

        self.choices = QWidget()
        self.demo_button = self._choice(
            self.tr("&Try it with demo data"),
            self.tr(
                "A made-up unit with officers and people, for trying Officer Desk or "
                "training. None of it is about real people."
            ),
        )
        self.setup_button = self._choice(
            self.tr("&Set up this workstation"),
            self.tr("A facility, a unit and you as its first admin; standalone for now."),
        )
        self.join_button = self._choice(
            self.tr("&Join a sync hub"),
            self.tr(
                "Another workstation of a unit already on the facility's hub: its "
                "address and a one-time code from facility IT."
            ),
        )
        column = QVBoxLayout(self.choices)
        column.setContentsMargins(0, 0, 0, 0)
        for button in (self.demo_button, self.setup_button, self.join_button):
            column.addWidget(button)
        self.setup = SetUpPanel()
        self.join = JoinPanel()
        for step in (self.choices, self.setup, self.join):
            self.steps.append(step)
            step.hide()
            self.card.body.addWidget(step)

        self.demo_button.clicked.connect(self.demo_chosen)
        self.setup_button.clicked.connect(lambda: self.show_step(self.setup))
        self.join_button.clicked.connect(lambda: self.show_step(self.join))
        self.setup.back_requested.connect(lambda: self.show_step(self.choices))
        self.join.back_requested.connect(lambda: self.show_step(self.choices))

        inner = QWidget()
        centred(self.card, inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.show_step(self.choices)

    def _choice(self, title: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description)
        button.setAccessibleName(title.replace("&", ""))
        button.setAccessibleDescription(description)
        return button

    def show_step(self, step: QWidget) -> None:
        for other in self.steps:
            other.setVisible(other is step)
        self._current = step
        subtitles: dict[QWidget, str] = {
            self.setup: self.tr("Set up a standalone workstation."),
            self.join: self.tr("Join a unit on the facility's sync hub."),
        }
        self.card.subtitle.setText(
            subtitles.get(
                step,
                self.tr("There are no records on this workstation yet. How do you want to start?"),
            )
        )
        if isinstance(step, FormPanel):
            step.error.clear()
        self._focus_step()

    def current_step(self) -> QWidget | None:
        return self._current

    def _focus_step(self) -> None:
        step = self._current
        if isinstance(step, FormPanel):
            (step.first_empty() or step.inputs()[0]).setFocus()
        else:
            self.demo_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_step()  # focus given while hidden does not stick
