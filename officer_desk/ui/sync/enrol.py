"""Joining this workstation to the facility's hub: the hub's address and a one-time code.

Admins only (``app.access``: an admin keeps the workstation's accounts and settings, and
facility IT enrols workstations; enrolling sends every record this workstation holds to the
hub and binds it to a unit, which is not a caseload task).  The role is checked again on the
worker before anything is sent.  The exchange runs on a sync thread, never on the GUI thread
or the database worker; success is announced as :class:`HubJoined`, on which the desk's sync
reads its new state and runs the first sync (a standalone store uploads what it has).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError
from officer_desk.sync.address import insecure_hub_problem
from officer_desk.ui.card import InlineError
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.sync.controller import announce_joined
from officer_desk.ui.sync.worker import SyncThread, TransportFactory, http_transport

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store
    from officer_desk.sync.held import SyncStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("EnrolForm", text)


def check_hub_url(text: str) -> tuple[str | None, str]:
    """(the address to use, "") or (None, what is wrong in plain words)."""
    url = text.strip().rstrip("/")
    example = _t("for example https://hub.facility.local")
    if not url:
        return None, _t("Write the hub's address ({example}).").format(example=example)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        return None, _t(
            "“{url}” is not a hub address. Write the whole address, starting with https:// "
            "({example})."
        ).format(url=text.strip(), example=example)
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return None, _t("The port in “{url}” is not a number.").format(url=text.strip())
    if insecure_hub_problem(url) is not None:
        return None, _t(
            "“{url}” starts with http://: records and this workstation's key would cross the "
            "network unencrypted, so it cannot be used. Write the address with https:// (ask "
            "facility IT for the hub's https address)."
        ).format(url=text.strip())
    return url, ""


def check_code(text: str) -> tuple[str | None, str]:
    code = text.strip().upper()
    letters = code.replace("-", "").replace(" ", "")
    if not letters:
        return None, _t("Write the one-time code facility IT gave you.")
    if not letters.isalnum() or len(letters) < 8:
        return None, _t(
            "A one-time code has 12 letters and digits, like ABCD-EFGH-JKMN. Check it and "
            "write it again."
        )
    return code, ""


def read_status(store: Store) -> SyncStatus:
    from officer_desk.sync.client import SyncClient

    client = SyncClient(store)
    try:
        return client.status()
    finally:
        client.close()


def enrol(store: Store, actor: Actor, url: str, code: str, transport_for: TransportFactory) -> str:
    """Check the role, exchange the code for a token (kept in the store), audit it and queue
    what the store holds for upload (``app.enrolment``); returns the hub's unit code.  On the
    sync thread."""
    from officer_desk.app import enrolment
    from officer_desk.sync.client import SyncClient
    from officer_desk.sync.errors import HubRefused

    transport = transport_for(url)
    client = SyncClient(store, transport)
    try:
        name = socket.gethostname() or store.device_id
        answer = enrolment.enrol(store, actor, client, url=url, code=code, name=name)
    except HubRefused as refused:
        if "<" in refused.message or "(404)" in refused.message:
            raise HubRefused(
                _t(
                    "Something answers at {url}, but it is not an Officer Desk hub. Check the "
                    "address with facility IT."
                ).format(url=url)
            ) from refused
        raise
    finally:
        client.close()
        close = getattr(transport, "close", None)
        if close is not None:
            close()
    return answer.unit_code


def failure_words(error: BaseException, url: str) -> str | None:
    """The plain words for a failed enrolment; None for a bug."""
    from officer_desk.sync.errors import HubUnreachable

    if isinstance(error, HubUnreachable):
        return _t(
            "The hub at {url} cannot be reached. Check the address, and that this computer is "
            "on the facility's network; then try again."
        ).format(url=url)
    if isinstance(error, DeskError):
        return error.message
    return None


class EnrolForm(QWidget):
    """The hub's address and the code; used in the admin's Hub tab and from the sync panel."""

    joined = Signal(str)  # the unit code

    def __init__(
        self,
        executor: DbExecutor,
        session: DeskSession,
        transport_for: TransportFactory = http_transport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._session = session
        self.transport_for = transport_for
        self.worker = SyncThread(self)
        self._store: Store | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("PageSubtitle")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://hub.facility.local")
        self.url.setAccessibleName(self.tr("Hub address"))
        self.url.setMinimumWidth(360)
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKMN")
        self.code.setAccessibleName(self.tr("One-time code"))
        self.code.setMaxLength(40)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Hub &address:"), self.url)
        form.addRow(self.tr("One-time &code:"), self.code)
        self.help = QLabel(
            self.tr(
                "Facility IT makes a code for this unit on the hub "
                "(officer-desk-server enroll-device --unit UNIT). It works once. Everything "
                "this workstation already holds is sent to the hub by the first sync."
            )
        )
        self.help.setWordWrap(True)
        self.help.setObjectName("PageSubtitle")
        self.error = InlineError()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.join_button = QPushButton(self.tr("&Join the hub"))
        self.join_button.setAccessibleName(self.tr("Join the hub"))
        self.join_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.join_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(self.help)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setTabOrder(self.url, self.code)
        self.setTabOrder(self.code, self.join_button)
        self.join_button.clicked.connect(self.join)
        self.url.returnPressed.connect(self.code.setFocus)
        self.code.returnPressed.connect(self.join)

    def reload(self) -> None:
        """Show whether (and to which hub) this workstation is joined."""
        if self._store is None:
            self._executor.submit(lambda store: store, self._got_store, self._failed, owner=self)
            return
        self.worker.submit(
            lambda: read_status(self._need_store()), self._show, self._failed, owner=self
        )

    def _got_store(self, store: Store) -> None:
        self._store = store
        self.reload()

    def _need_store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is not open")
        return self._store

    def _show(self, status: SyncStatus) -> None:
        if status.enrolled:
            self.state.setText(
                self.tr(
                    "This workstation is joined to the hub at {url}. To join it again (after "
                    "its access was withdrawn, or to another hub), enter a new code."
                ).format(url=status.hub_url)
            )
            if not self.url.text():
                self.url.setText(status.hub_url or "")
        else:
            self.state.setText(
                self.tr("This workstation is standalone: it is not joined to a hub.")
            )

    @Slot()
    def join(self) -> None:
        self.error.clear()
        self.status.clear()
        url, problem = check_hub_url(self.url.text())
        if url is None:
            self.error.say(problem)
            self.url.setFocus()
            return
        code, problem = check_code(self.code.text())
        if code is None:
            self.error.say(problem)
            self.code.setFocus()
            return
        user = self._session.user
        if user is None or user.role != Role.ADMIN:
            self.error.say(self.tr("Only an admin can join this workstation to a hub."))
            return
        if self._store is None:
            self.error.say(self.tr("The records are still opening; try again in a moment."))
            self.reload()
            return
        store, actor, transport_for = self._store, user.actor(), self.transport_for
        self.join_button.setEnabled(False)
        self.status.setText(self.tr("Asking the hub…"))
        self.worker.submit(
            lambda: enrol(store, actor, url, code, transport_for),
            lambda unit: self._joined(url, unit),
            lambda error: self._refused(error, url),
            owner=self,
        )

    def _joined(self, url: str, unit: str) -> None:
        self.join_button.setEnabled(True)
        self.code.clear()
        self.status.setText(
            self.tr(
                "Joined the hub at {url} for unit {unit}. The first sync now sends what this "
                "workstation holds; the status bar shows how it goes."
            ).format(url=url, unit=unit)
        )
        self.reload()
        announce_joined(self._executor)
        self.joined.emit(unit)

    def _refused(self, error: BaseException, url: str) -> None:
        self.join_button.setEnabled(True)
        self.status.clear()
        words = failure_words(error, url)
        if words is None:
            self._executor.failed.emit(error)
            words = self.tr("Joining failed because of a fault in the app.")
        self.error.say(words)

    def _failed(self, error: BaseException) -> None:
        words = failure_words(error, "")
        if words is None:
            self._executor.failed.emit(error)
            return
        self.error.say(words)

    def shutdown(self) -> None:
        self.worker.stop(1.0)


class EnrolDialog(QDialog):
    """The enrolment form on its own, opened from the sync panel."""

    def __init__(
        self,
        executor: DbExecutor,
        session: DeskSession,
        transport_for: TransportFactory = http_transport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a hub"))
        self.form = EnrolForm(executor, session, transport_for, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.reload()


def enrolment_opener(
    executor: DbExecutor, session: DeskSession, transport_for: TransportFactory
) -> Callable[[QWidget], QDialog]:
    def open_dialog(parent: QWidget) -> QDialog:
        dialog = EnrolDialog(executor, session, transport_for, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    return open_dialog
