"""A small form dialog whose OK runs one piece of database work and shows refusals inline.

The dialog stays open with the reason in plain words when the work raises a
:class:`DeskError` (a weak password, a wrong old password, a refused role), and closes when
it succeeds.  Anything else is a bug and goes to the crash dialog through the executor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.ui.card import CARD_STYLE, InlineError
from officer_desk.ui.dialogs.form import is_ctrl_enter, watch_inputs

DIALOG_WIDTH = 460


class WorkDialog(QDialog):
    def __init__(
        self, executor: DbExecutor, title: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.executor = executor
        self.setWindowTitle(title)
        self.setStyleSheet(CARD_STYLE)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setVerticalSpacing(10)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self._ok_pressed)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.finished.connect(self.deleteLater)
        self._watching = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._watching:  # the refusal goes as soon as the input is changed
            self._watching = True
            watch_inputs(self, lambda _widget: self.error.clear())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_ctrl_enter(watched, event):
            self._ok_pressed()
            return True
        return super().eventFilter(watched, event)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    # --- for subclasses ------------------------------------------------------------------

    def work(self) -> Callable[[Any], Any] | None:
        """The work to run with the open store, or None after saying what is wrong."""
        raise NotImplementedError

    def succeeded(self, result: Any) -> None:
        """After the work is done (on the GUI thread); closes the dialog by default."""
        self.accept()

    def clear_secrets(self) -> None:
        """Empty password fields: after every attempt, so none lingers on screen."""
        for field in self.findChildren(QLineEdit):
            if field.echoMode() == QLineEdit.EchoMode.Password:
                field.clear()

    # --- running it ----------------------------------------------------------------------

    def refuse(self, message: str) -> None:
        self.set_busy(False)
        self.clear_secrets()
        self.error.say(message)

    def set_busy(self, busy: bool) -> None:
        self.ok.setEnabled(not busy)
        for field in self.findChildren(QLineEdit):
            field.setEnabled(not busy)
        if busy:
            self.error.clear()

    def _ok_pressed(self) -> None:
        work = self.work()
        if work is None:
            return
        self.set_busy(True)
        self.executor.submit(work, self._done, self._failed, owner=self)

    def _done(self, result: Any) -> None:
        self.set_busy(False)
        self.clear_secrets()
        self.succeeded(result)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.refuse(error.message)
        else:
            self.set_busy(False)
            self.executor.failed.emit(error)
