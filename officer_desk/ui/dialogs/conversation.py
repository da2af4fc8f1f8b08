"""Record a one-to-one conversation: when, how long, mood, topics, note and follow-ups."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain.wording import COMMON_TOPICS
from officer_desk.store.rows import CaseloadRow
from officer_desk.ui import i18n, vocabulary
from officer_desk.ui.dialogs.form import FormDialog, TimeSpan, local_now

if TYPE_CHECKING:
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store

DEFAULT_MINUTES = 20
MAX_FOLLOW_UPS = 3


def save_conversation(
    actor: Actor,
    inmate_id: str,
    started_at: datetime,
    minutes: int,
    mood: int,
    topics: Sequence[str],
    note: str,
    follow_ups: Sequence[tuple[str, date]],
) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import conversations

        return conversations.log_conversation(
            store,
            actor,
            conversations.ConversationEntry(
                inmate_id,
                started_at,
                minutes,
                mood,
                tuple(topics),
                note,
                tuple(conversations.FollowUpEntry(text, due) for text, due in follow_ups),
            ),
        )

    return work


class ConversationDialog(FormDialog):
    def __init__(
        self,
        executor: DbExecutor,
        actor: Callable[[], Actor],
        people: Sequence[CaseloadRow],
        person: str | None = None,
        now: Callable[[], datetime] = local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(executor, parent)
        self._actor = actor
        self._now = now
        self.setWindowTitle(self.tr("One-to-one conversation"))
        moment = now()

        self.person = QComboBox()
        for row in people:
            self.person.addItem(row.label.long, row.inmate_id)
        if person is not None:
            self.person.setCurrentIndex(max(self.person.findData(person), 0))
        self.when = TimeSpan(moment, DEFAULT_MINUTES)

        self.mood_group = QButtonGroup(self)
        mood_row = QHBoxLayout()
        mood_row.setSpacing(0)
        for value, text in vocabulary.moods().items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setObjectName("Segment")
            button.setProperty(
                "position", "first" if value == 1 else "last" if value == 5 else "middle"
            )
            self.mood_group.addButton(button, value)
            mood_row.addWidget(button)
        mood_row.addStretch(1)

        self.topic_boxes: list[QCheckBox] = []
        topics_box = QWidget()
        topics_grid = QGridLayout(topics_box)
        topics_grid.setContentsMargins(0, 0, 0, 0)
        for number, topic in enumerate(self._common_topics()):
            box = QCheckBox(topic)
            self.topic_boxes.append(box)
            topics_grid.addWidget(box, number // 4, number % 4)
        self.other_topics = QLineEdit()
        self.other_topics.setPlaceholderText(self.tr("Other topics, separated by commas"))
        self.other_topics.setAccessibleName(self.tr("Other topics"))

        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What you talked about, what they want to work on"))
        self.note.setFixedHeight(90)
        self.note.setTabChangesFocus(True)

        self.follow_up_rows: list[tuple[QLineEdit, QDateEdit]] = []
        self.follow_ups_box = QVBoxLayout()
        self.follow_ups_box.setSpacing(4)
        self.add_follow_up_button = QPushButton(self.tr("+ Add a follow-up"))
        self.add_follow_up_button.setObjectName("LinkButton")
        self.add_follow_up_button.setAutoDefault(False)
        self.add_follow_up_button.clicked.connect(lambda: self.add_follow_up())
        self.follow_ups_box.addWidget(self.add_follow_up_button, 0, Qt.AlignmentFlag.AlignLeft)

        form = QFormLayout()
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.field_message("person"))
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.field_message("started_at"))
        form.addRow(self.field_message("duration_minutes"))
        form.addRow(self.tr("Mood"), mood_row)
        form.addRow(self.field_message("mood"))
        form.addRow(self.tr("Topics"), topics_box)
        form.addRow("", self.other_topics)
        form.addRow(self.field_message("topics"))
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.field_message("note"))
        form.addRow(self.tr("Follow-ups"), self.follow_ups_box)
        form.addRow(self.field_message("follow_up"))
        form.addRow(self.field_message("due_date"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.finish_layout(layout)
        self.setMinimumWidth(680)

    def _common_topics(self) -> list[str]:
        # Shown in this reader's language, stored as the key (see topics()).
        return [i18n.render(topic) for topic in COMMON_TOPICS]

    def add_follow_up(self, text: str = "", due: date | None = None) -> tuple[QLineEdit, QDateEdit]:
        line = QLineEdit(text)
        line.setPlaceholderText(self.tr("What you agreed to follow up"))
        due = due or self._now().date() + timedelta(days=3)
        when = QDateEdit(QDate(due.year, due.month, due.day))
        when.setCalendarPopup(True)
        when.setDisplayFormat(vocabulary.date_input_format())
        when.setToolTip(self.tr("Due date"))
        row = QHBoxLayout()
        row.addWidget(line, 1)
        row.addWidget(when)
        self.follow_ups_box.insertLayout(len(self.follow_up_rows), row)
        self.follow_up_rows.append((line, when))
        self.add_follow_up_button.setVisible(len(self.follow_up_rows) < MAX_FOLLOW_UPS)
        line.setFocus()
        return line, when

    def mood(self) -> int:
        return self.mood_group.checkedId()

    def topics(self) -> list[str]:
        # The common topics are stored as their keys, so a Norwegian desk reads "Familie"
        # where an English one wrote "Family"; typed topics are kept as typed.
        chosen = [
            t.key for t, box in zip(COMMON_TOPICS, self.topic_boxes, strict=True) if box.isChecked()
        ]
        chosen += [t.strip() for t in self.other_topics.text().split(",") if t.strip()]
        return chosen

    def follow_ups(self) -> list[tuple[str, date]]:
        return [
            (line.text(), when.date().toPython())  # type: ignore[misc]
            for line, when in self.follow_up_rows
            if line.text().strip()
        ]

    def check(self) -> list[tuple[str | None, str]]:
        problems = self.when.problems(self._now(), self.tr("The conversation"))
        if self.person.currentData() is None:
            problems.append(("person", self.tr("Choose the person you talked with.")))
        if self.mood() < 1:
            problems.append(("mood", self.tr("Choose their mood: how did they seem?")))
        today = self._now().date()
        if any(due < today for _text, due in self.follow_ups()):
            problems.append(("due_date", self.tr("A follow-up cannot be due in the past.")))
        return problems

    def work(self) -> Callable[[Store], Change]:
        return save_conversation(
            self._actor(),
            self.person.currentData(),
            self.when.started_at(),
            self.when.minutes(),
            self.mood(),
            self.topics(),
            self.note.toPlainText(),
            self.follow_ups(),
        )
