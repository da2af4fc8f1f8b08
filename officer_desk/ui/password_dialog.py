"""Change my password: the old one, the new one twice; the policy's refusals shown inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from officer_desk.app.executor import DbExecutor
from officer_desk.ui.card import password_input
from officer_desk.ui.work_dialog import WorkDialog

if TYPE_CHECKING:
    from officer_desk.app.accounts import SignedIn
    from officer_desk.store.database import Store


class ChangePasswordDialog(WorkDialog):
    def __init__(self, executor: DbExecutor, user: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(
            executor, self.tr("Change your password"), self.tr("Change password"), parent
        )
        self.setObjectName("ChangePasswordDialog")
        self._user = user
        self.set_intro(
            self.tr(
                "For {name}. Use at least 10 characters; a few words together are easy to "
                "remember and hard to guess."
            ).format(name=user.display_name)
        )
        self.old = password_input()
        self.new = password_input()
        self.again = password_input()
        self.form.addRow(self.tr("&Current password"), self.old)
        self.form.addRow(self.tr("&New password"), self.new)
        self.form.addRow(self.tr("&Repeat new password"), self.again)

    def work(self) -> Callable[[Store], Any] | None:
        old, new, again = self.old.text(), self.new.text(), self.again.text()
        if not old:
            self.refuse(self.tr("Type your current password."))
            return None
        if new != again:
            self.refuse(self.tr("The two new passwords are not the same. Type them again."))
            return None
        user = self._user

        def change(store: Store) -> None:
            from officer_desk.app import accounts

            accounts.change_password(store, user, old_password=old, new_password=new)

        return change
