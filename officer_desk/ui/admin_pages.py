"""The admin's pages: accounts (create, reset password, change role, close), the roster
import (``ui.roster_import``), settings and the hub.

Every change goes through the app functions (``app.accounts``, ``app.settings``) on the
database worker, which check the admin role, validate and audit; these pages only collect
the input and show the answer.  Refusals (a weak password, two passwords that differ) are
shown inside the dialog and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads import accounts as accounts_read
from officer_desk.app.setting_definitions import ALL_SETTINGS, Setting
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError
from officer_desk.ui.card import CARD_STYLE, InlineError, password_input
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.i18n import by_name
from officer_desk.ui.roster_import import RosterTab
from officer_desk.ui.sync.enrol import EnrolForm
from officer_desk.ui.work_dialog import WorkDialog

if TYPE_CHECKING:
    from officer_desk.store.database import Store
    from officer_desk.store.queries import Account as AccountRow


def list_accounts(store: Store) -> list[AccountRow]:
    """Every account, open ones first, in the interface language's alphabet (on the worker)."""
    return accounts_read.list_accounts(store, by_name)


def role_label(role: str) -> str:
    labels = {
        Role.OFFICER.value: QCoreApplication.translate("AdminPage", "Contact officer"),
        Role.SUPERVISOR.value: QCoreApplication.translate("AdminPage", "Supervisor"),
        Role.ADMIN.value: QCoreApplication.translate("AdminPage", "Admin"),
    }
    return labels.get(role, role)


def role_box(current: str = Role.OFFICER.value) -> QComboBox:
    box = QComboBox()
    for role in Role:
        box.addItem(role_label(role.value), role.value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


# --- dialogs -----------------------------------------------------------------------------


class NewAccountDialog(WorkDialog):
    def __init__(
        self, executor: DbExecutor, session: DeskSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(executor, self.tr("New account"), self.tr("Create account"), parent)
        self.setObjectName("NewAccountDialog")
        self._session = session
        self.set_intro(
            self.tr(
                "The person signs in with this first password and can change it under "
                "File → Change password."
            )
        )
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(100)
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.role = role_box()
        self.password = password_input()
        self.again = password_input()
        self.form.addRow(self.tr("&Name"), self.display_name)
        self.form.addRow(self.tr("&User name"), self.username)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("First &password"), self.password)
        self.form.addRow(self.tr("Repeat pass&word"), self.again)

    def work(self) -> Callable[[Store], Any] | None:
        name, username = self.display_name.text().strip(), self.username.text().strip()
        password, again = self.password.text(), self.again.text()
        if not name or not username:
            self.refuse(self.tr("Type the person's name and a user name."))
            return None
        if password != again:
            self.refuse(self.tr("The two passwords are not the same. Type them again."))
            return None
        actor, role = self._session.actor(), self.role.currentData()

        def create(store: Store) -> None:
            from officer_desk.app import accounts

            accounts.create_account(
                store, actor, username=username, display_name=name, role=role, password=password
            )

        return create


class AccountDialog(WorkDialog):
    """One change to one account (``app.accounts.<change>``), made as the signed-in admin."""

    def __init__(
        self,
        executor: DbExecutor,
        session: DeskSession,
        account: AccountRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, "", "", parent)
        title = self.title_text()
        self.setWindowTitle(title)
        self.ok.setText(title)
        self.setObjectName(type(self).__name__)
        self._session = session
        self._account = account
        self.build(account)

    def title_text(self) -> str:
        raise NotImplementedError

    def build(self, account: AccountRow) -> None:
        """The dialog's words and fields for ``account``."""

    def change(self, name: str, **values: Any) -> Callable[[Store], None]:
        """``accounts.<name>(store, actor, username=…, **values)`` as work for the worker."""
        actor, username = self._session.actor(), self._account.username

        def work(store: Store) -> None:
            from officer_desk.app import accounts

            getattr(accounts, name)(store, actor, username=username, **values)

        return work


class ResetPasswordDialog(AccountDialog):
    def title_text(self) -> str:
        return self.tr("Reset password")

    def build(self, account: AccountRow) -> None:
        self.set_intro(
            self.tr(
                "A new password for {name} ({username}). The old one cannot be shown: it is "
                "not kept anywhere."
            ).format(name=account.display_name, username=account.username)
        )
        self.password = password_input()
        self.again = password_input()
        self.form.addRow(self.tr("New &password"), self.password)
        self.form.addRow(self.tr("Repeat pass&word"), self.again)

    def work(self) -> Callable[[Store], Any] | None:
        password, again = self.password.text(), self.again.text()
        if password != again:
            self.refuse(self.tr("The two passwords are not the same. Type them again."))
            return None
        return self.change("reset_password", new_password=password)


class RoleDialog(AccountDialog):
    def title_text(self) -> str:
        return self.tr("Change role")

    def build(self, account: AccountRow) -> None:
        self.set_intro(self.tr("What {name} may do at the desk.").format(name=account.display_name))
        self.role = role_box(account.role)
        self.form.addRow(self.tr("&Role"), self.role)

    def work(self) -> Callable[[Store], Any] | None:
        role = self.role.currentData()
        if role == self._account.role:
            self.reject()
            return None
        return self.change("set_role", role=role)


class CloseAccountDialog(AccountDialog):
    def title_text(self) -> str:
        return self.tr("Close account")

    def build(self, account: AccountRow) -> None:
        self.set_intro(
            self.tr(
                "Close the account of {name} ({username})? They can no longer sign in here. "
                "What they recorded stays in the records."
            ).format(name=account.display_name, username=account.username)
        )

    def work(self) -> Callable[[Store], Any] | None:
        return self.change("deactivate")


# --- pages -------------------------------------------------------------------------------


class AccountsTab(QWidget):
    loaded = Signal()

    def __init__(
        self, executor: DbExecutor, session: DeskSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._session = session
        self.accounts: list[AccountRow] = []
        self.list = QTreeWidget()
        # The name of the tab it sits in (same words, same translation).
        self.list.setAccessibleName(QCoreApplication.translate("AdminPage", "Accounts"))
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(
            [self.tr("Name"), self.tr("User name"), self.tr("Role"), self.tr("Status")]
        )
        self.list.setColumnWidth(0, 240)
        self.list.setColumnWidth(1, 200)
        self.list.setColumnWidth(2, 160)
        self.new_button = QPushButton(self.tr("&New account…"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.role_button = QPushButton(self.tr("Change r&ole…"))
        self.close_button = QPushButton(self.tr("&Close account…"))
        self.error = InlineError()
        buttons = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.role_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)

        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_account)
        self.reset_button.clicked.connect(lambda: self._open(ResetPasswordDialog))
        self.role_button.clicked.connect(lambda: self._open(RoleDialog))
        self.close_button.clicked.connect(lambda: self._open(CloseAccountDialog))
        self._update_buttons()

    def reload(self) -> None:
        self._executor.submit(list_accounts, self._show, self._failed, owner=self)

    def _show(self, accounts: list[AccountRow]) -> None:
        chosen = self.selected()
        self.accounts = accounts
        self.list.clear()
        self.error.clear()
        for account in accounts:
            item = QTreeWidgetItem(
                [
                    account.display_name,
                    account.username,
                    role_label(account.role),
                    self.tr("Active") if account.active else self.tr("Closed"),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, account.username)
            if not account.active:
                for column in range(4):
                    item.setForeground(column, Qt.GlobalColor.gray)
            self.list.addTopLevelItem(item)
            if chosen and chosen.username == account.username:
                item.setSelected(True)
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            self._executor.failed.emit(error)
            return
        self.error.say(error.message)

    def selected(self) -> AccountRow | None:
        items = self.list.selectedItems()
        if not items:
            return None
        username = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((a for a in self.accounts if a.username == username), None)

    def select(self, username: str) -> None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None:
                item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == username)

    def _update_buttons(self) -> None:
        account = self.selected()
        is_me = (
            account is not None
            and self._session.user is not None
            and (account.username == self._session.user.username)
        )
        usable = account is not None and account.active
        self.reset_button.setEnabled(usable)
        self.role_button.setEnabled(usable and not is_me)
        self.close_button.setEnabled(usable and not is_me)

    def new_account(self) -> NewAccountDialog:
        dialog = NewAccountDialog(self._executor, self._session, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def _open(self, kind: type[AccountDialog]) -> None:
        account = self.selected()
        if account is not None:
            self.open_for(kind, account)

    def open_for(
        self,
        kind: type[AccountDialog],
        account: AccountRow,
    ) -> WorkDialog:
        dialog = kind(self._executor, self._session, account, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog


def setting_words(setting: Setting) -> tuple[str, str]:
    """The label and unit of a setting, translated here (the definitions are Qt-free)."""
    words = {
        "idle_lock_minutes": (
            QCoreApplication.translate("AdminPage", "Lock the desk after idle time"),
            QCoreApplication.translate("AdminPage", "minutes"),
        ),
        "contact_nudge_days": (
            QCoreApplication.translate("AdminPage", "Nudge when no one-to-one conversation for"),
            QCoreApplication.translate("AdminPage", "days"),
        ),
        "refusal_streak_meals": (
            QCoreApplication.translate("AdminPage", "Flag a refusal streak after"),
            QCoreApplication.translate("AdminPage", "declined meals"),
        ),
        "retention_years": (
            QCoreApplication.translate("AdminPage", "Keep records after release for"),
            QCoreApplication.translate("AdminPage", "years"),
        ),
    }
    return words.get(setting.key, (setting.label, setting.unit))


class SettingsTab(QWidget):
    loaded = Signal()
    saved = Signal(object)  # dict[str, int]: the values now in force

    def __init__(
        self, executor: DbExecutor, session: DeskSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._session = session
        self._stored: dict[str, int] = {}
        self.boxes: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for setting in ALL_SETTINGS:
            label, unit = setting_words(setting)
            box = QSpinBox()
            box.setRange(setting.minimum, setting.maximum)
            box.setValue(setting.default)
            box.setSuffix(f" {unit}")
            box.setFixedWidth(200)
            box.setAccessibleName(label.replace("&", ""))
            bounds = QLabel(
                self.tr("{low} to {high}, normally {default}").format(
                    low=setting.minimum, high=setting.maximum, default=setting.default
                )
            )
            bounds.setObjectName("PageSubtitle")
            row = QHBoxLayout()
            row.setSpacing(12)
            row.addWidget(box)
            row.addWidget(bounds)
            row.addStretch(1)
            self.boxes[setting.key] = box
            form.addRow(label, row)
        self.note = QLabel(
            self.tr(
                "These apply on this workstation, except how long records are kept: that is "
                "one rule for the whole facility, shared through the hub. Each change is "
                "recorded in the audit log."
            )
        )
        self.note.setObjectName("PageSubtitle")
        self.note.setWordWrap(True)
        self.error = InlineError()
        self.status = QLabel()
        self.status.setObjectName("PageSubtitle")
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        def read(store: Store) -> dict[str, int]:
            from officer_desk.app import settings

            return {s.key: settings.get(store, s) for s in ALL_SETTINGS}

        self._executor.submit(read, self._show, self._failed, owner=self)

    def _show(self, values: dict[str, int]) -> None:
        self._stored = dict(values)
        for key, value in values.items():
            self.boxes[key].setValue(value)
        self.error.clear()
        self.loaded.emit()

    def save(self) -> None:
        changed = {k: b.value() for k, b in self.boxes.items() if b.value() != self._stored.get(k)}
        self.status.clear()
        if not changed:
            self.status.setText(self.tr("Nothing to save: no value was changed."))
            return
        actor = self._session.actor()

        def write(store: Store) -> dict[str, int]:
            from officer_desk.app import settings

            by_key = {s.key: s for s in ALL_SETTINGS}
            return {k: settings.set_value(store, actor, by_key[k], v) for k, v in changed.items()}

        self.save_button.setEnabled(False)
        self._executor.submit(write, self._saved, self._failed, owner=self)

    def _saved(self, values: dict[str, int]) -> None:
        self.save_button.setEnabled(True)
        self._stored.update(values)
        self.error.clear()
        self.status.setText(self.tr("Saved."))
        self.saved.emit(dict(self._stored))

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, DeskError):
            self._executor.failed.emit(error)
            return
        self.error.say(error.message)
        self.reload()  # show what is really stored


class AdminPage(QWidget):
    """Accounts, the roster import, settings and the hub in tabs, with the way back to the
    desk."""

    back_requested = Signal()

    def __init__(
        self, executor: DbExecutor, session: DeskSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AdminPage")
        self.setStyleSheet(CARD_STYLE)
        self.title = QLabel(self.tr("Accounts and settings"))
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        self.back = QPushButton(self.tr("&Back to the desk"))
        self.back.setAutoDefault(False)
        self.accounts = AccountsTab(executor, session)
        self.roster = RosterTab(executor, session.actor)
        self.settings = SettingsTab(executor, session)
        self.hub = EnrolForm(executor, session)  # joining the facility's hub: admins only
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        self.tabs.addTab(self.roster, self.tr("Roster"))
        self.tabs.addTab(self.settings, self.tr("Settings"))
        self.tabs.addTab(self.hub, self.tr("Hub"))
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.back.clicked.connect(self.back_requested)
        self.tabs.currentChanged.connect(self._reload_current)
        self._session = session

    def show_tab(self, tab: QWidget) -> None:
        user = self._session.user
        self.tabs.setTabEnabled(
            self.tabs.indexOf(self.hub), user is not None and user.role == Role.ADMIN
        )
        self.subtitle.setText(
            self.tr("Signed in as {name} ({role}).").format(
                name=user.display_name, role=role_label(user.role).lower()
            )
            if user
            else ""
        )
        if self.tabs.currentWidget() is tab:
            self._reload_current()
        else:
            self.tabs.setCurrentWidget(tab)  # reloads through currentChanged

    def _reload_current(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, AccountsTab | SettingsTab | EnrolForm):
            current.reload()
