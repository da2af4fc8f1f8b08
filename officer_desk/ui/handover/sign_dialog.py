"""Sign a handover: what is being signed, in words, and the signer's password once more."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from officer_desk.app.executor import DbExecutor
from officer_desk.ui import vocabulary
from officer_desk.ui.card import password_input
from officer_desk.ui.fit import fit_to_text, grow_to_fit
from officer_desk.ui.work_dialog import WorkDialog

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store
    from officer_desk.store.handover import HandoverView


class SignHandoverDialog(WorkDialog):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Actor,
        view: HandoverView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, self.tr("Sign the handover"), self.tr("Sign"), parent)
        self.setObjectName("SignHandoverDialog")
        self._actor = actor
        self._handover_id = view.id
        self.set_intro(
            self.summary(view)
            + "\n\n"
            + self.tr("Type your password to sign as {name}.").format(name=actor.name)
        )
        self.password = password_input()
        self.password.setAccessibleName(self.tr("Your password"))
        self.form.addRow(self.tr("&Password"), self.password)
        self.password.textEdited.connect(lambda _text: self.error.clear())
        fit_to_text(self)
        self.password.setFocus()

    def refuse(self, message: str) -> None:
        """The reason in full (the dialog grows to it), and the password field ready again."""
        super().refuse(message)
        grow_to_fit(self)
        self.ok.setDefault(True)
        self.password.setFocus()

    def summary(self, view: HandoverView) -> str:
        """What the signature covers: whose handover, which shift, what is in it."""
        return self.tr(
            "You sign the handover of {unit} from {outgoing}, for the shift {start} to {end}: "
            "%n person(s) ({acknowledged} acknowledged), {actions}, {contingencies}.",
            "",
            len(view.entries),
        ).format(
            acknowledged=len(view.entries) - len(view.unacknowledged),
            unit=view.unit_name,
            outgoing=view.outgoing,
            start=vocabulary.short_moment(view.shift_start),
            end=vocabulary.short_moment(view.shift_end),
            actions=self.tr("%n action(s)", "", len(view.actions)),
            contingencies=self.tr("%n contingency plan(s)", "", len(view.contingencies)),
        )

    def work(self) -> Callable[[Store], Any] | None:
        password = self.password.text()
        if not password:
            self.refuse(self.tr("Type your password to sign."))
            return None
        actor, handover_id = self._actor, self._handover_id

        def sign(store: Store) -> Any:
            from officer_desk.app import handover

            return handover.sign_with_password(store, actor, handover_id, password)

        return sign
