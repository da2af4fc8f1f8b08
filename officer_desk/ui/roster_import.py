"""The admin's Roster page: choose a CSV roster, see what importing it would do, import it.

The file is read and checked on the database worker (``app.roster.preview``: the same checks
as the import, against the store as it is, nothing written).  The page shows either the
people it would register or every bad line with its number; Import is offered only for a
file without problems, and imports the bytes that were checked (a file changed on disk since
is not what gets imported).  The import (``app.roster.import_data``) writes everyone or no
one in one transaction on the worker, and its Change is announced on ``DbExecutor.changed``
so open screens show the new people at once.  ``app.roster`` loads on the worker: this page
is built with the admin page, on the light path.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.ui import words
from officer_desk.ui.card import InlineError
from officer_desk.ui.i18n import translate_message

if TYPE_CHECKING:
    from officer_desk.app.actor import Actor
    from officer_desk.app.roster import Problem, RosterPreview, RosterResult
    from officer_desk.store.database import Store


def read_preview(path: Path, today: date) -> Callable[[Store], tuple[bytes, RosterPreview]]:
    """The file's bytes and what importing them would do (on the worker)."""

    def work(store: Store) -> tuple[bytes, RosterPreview]:
        from officer_desk.app import roster

        data = roster.read_file(path)
        return data, roster.preview(store, data, today=today)

    return work


def problem_text(problem: Problem) -> str:
    """One line's problem in the interface's language, with a capital first letter."""
    text = problem.reason  # rendered in the interface's language where it was found
    return text[:1].upper() + text[1:]


class RosterTab(QWidget):
    previewed = Signal()  # a file was read and checked (its people or its problems shown)
    imported = Signal(object)  # RosterResult
    refused = Signal()  # the worker said no: the page shows why, nothing was saved

    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RosterTab")
        self._executor = executor
        self._actor = actor
        self._today = today
        self._data: bytes | None = None  # the checked file, imported as it was checked
        self.busy = False
        self.intro = QLabel(
            self.tr(
                "Register the people in a roster file: a CSV file saved as UTF-8, one line per "
                "person (the columns are described in docs/roster-format.md). The file is "
                "checked first and nothing is saved until you import it; then everyone in it "
                "is registered, or no one."
            )
        )
        self.intro.setObjectName("PageSubtitle")
        self.intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.path.setAccessibleName(self.tr("Roster file"))
        self.choose_button = QPushButton(self.tr("C&hoose file…"))
        self.choose_button.setAutoDefault(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = InlineError()
        self.arrivals = QTreeWidget()
        self.arrivals.setAccessibleName(self.tr("People the import registers"))
        self.arrivals.setRootIsDecorated(False)
        self.arrivals.setAlternatingRowColors(True)
        self.arrivals.setHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Prison number"),
                self.tr("Name"),
                self.tr("Cell"),
                self.tr("Arrival"),
                self.tr("Contact officer"),
            ]
        )
        self.problems = QTreeWidget()
        self.problems.setAccessibleName(self.tr("Problems in the file"))
        self.problems.setRootIsDecorated(False)
        self.problems.setAlternatingRowColors(True)
        self.problems.setWordWrap(True)
        self.problems.setHeaderLabels([self.tr("Line"), self.tr("Problem")])
        for tree in (self.arrivals, self.problems):
            tree.setColumnWidth(0, 60)
        self.arrivals.setColumnWidth(1, 130)
        self.arrivals.setColumnWidth(2, 220)
        self.arrivals.setColumnWidth(3, 80)
        self.arrivals.setColumnWidth(4, 110)
        self.problems.hide()
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self._set_import_text(0)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.arrivals, 1)
        layout.addWidget(self.problems, 1)
        layout.addLayout(bottom)
        self.choose_button.clicked.connect(self.choose)
        self.import_button.clicked.connect(self.start_import)
        self._update_buttons()

    def reload(self) -> None:
        """Shown again: nothing to read until a file is chosen."""

    def _set_import_text(self, count: int) -> None:
        if count == 0:
            self.import_button.setText(self.tr("&Import"))
        elif count == 1:
            self.import_button.setText(self.tr("&Import 1 person"))
        else:
            self.import_button.setText(self.tr("&Import {n} people").format(n=count))

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(not self.busy)
        self.import_button.setEnabled(not self.busy and self._data is not None)

    @Slot()
    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster file"),
            "",
            self.tr("Roster files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.check_file(Path(path))

    def check_file(self, path: Path) -> None:
        """Read and check ``path`` on the worker; its people or its problems are shown."""
        if self.busy:
            return
        self.busy = True
        self._data = None
        self.path.setText(str(path))
        self.error.clear()
        self.summary.setText(self.tr("Checking the file…"))
        self._update_buttons()
        self._executor.submit(
            read_preview(path, self._today()), self._show, self._failed, owner=self
        )

    def _show(self, found: tuple[bytes, RosterPreview]) -> None:
        data, preview = found
        self.busy = False
        self.arrivals.clear()
        self.problems.clear()
        if preview.problems:
            self._show_problems(preview.problems)
        else:
            self._data = data
            for arrival in preview.arrivals:
                self.arrivals.addTopLevelItem(
                    QTreeWidgetItem(
                        [
                            str(arrival.line),
                            arrival.prison_number,
                            arrival.full_name,
                            arrival.cell,
                            arrival.arrival_date.isoformat() if arrival.arrival_date else "",
                            arrival.officer,
                        ]
                    )
                )
            assigned = sum(1 for a in preview.arrivals if a.officer)
            self.summary.setText(
                self.tr("The file is good: {people} to register, {assigned} of them assigned to "
                        "a contact officer. Nothing is saved until you import it.").format(
                    people=words.people(len(preview.arrivals)), assigned=assigned
                )
            )  # fmt: skip
            self._set_import_text(len(preview.arrivals))
        self.arrivals.setVisible(not preview.problems)
        self.problems.setVisible(bool(preview.problems))
        self._update_buttons()
        self.previewed.emit()

    def _show_problems(self, problems: tuple[Problem, ...]) -> None:
        self.problems.clear()
        for problem in problems:
            item = QTreeWidgetItem([str(problem.line), problem_text(problem)])
            item.setToolTip(1, item.text(1))
            self.problems.addTopLevelItem(item)
        self.summary.setText(
            self.tr("The roster cannot be imported: the file has problems on the lines below. "
                    "Nothing was saved. Fix them in the file, then choose it again.")
        )  # fmt: skip
        self._set_import_text(0)
        self.arrivals.hide()
        self.problems.show()

    @Slot()
    def start_import(self) -> None:
        data = self._data
        if data is None or self.busy:
            return
        actor, today = self._actor(), self._today()

        def work(store: Store) -> RosterResult:
            from officer_desk.app import roster

            return roster.import_data(store, actor, data, today=today)

        self.busy = True
        self.error.clear()
        self.summary.setText(self.tr("Importing…"))
        self._update_buttons()
        self._executor.submit(work, self._imported, self._failed, owner=self)

    def _imported(self, result: RosterResult) -> None:
        self.busy = False
        self._data = None
        self.arrivals.clear()
        self._set_import_text(0)
        said = self.tr("Imported {people}; {assigned} assigned to a contact officer.").format(
            people=words.people(result.imported), assigned=result.assigned
        )
        # Each warning is "username: words"; the words are a service's message.
        warnings = [
            f"{name}: {translate_message(text)}"
            for name, _colon, text in (w.partition(": ") for w in result.warnings)
        ]
        self.summary.setText("\n".join([said, *warnings]))
        self._update_buttons()
        # The import's result is more than a Change, so the executor has nothing to announce:
        # announced here, so every open screen shows the new people.
        self._executor.changed.emit(result.change)
        self.imported.emit(result)

    def _failed(self, error: BaseException) -> None:
        from_import = self._data is not None
        self.busy = False
        self._data = None
        self._update_buttons()
        problems = getattr(error, "problems", None)
        if problems:  # RosterRejected: the store changed between the check and the import
            self._show_problems(tuple(problems))
        elif isinstance(error, DeskError):
            self.summary.clear()
            if from_import:
                self.arrivals.clear()
            self.error.say(error.message)
        else:
            self.summary.clear()
            self._executor.failed.emit(error)
            return
        self.refused.emit()
