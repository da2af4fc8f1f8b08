"""Bad input in the logging dialogs: a message next to the field, nothing saved, nothing of
what was typed lost.  And activities for several people at once."""

from __future__ import annotations

from datetime import timedelta

from desk_helpers import TIMEOUT, counts, reloaded, sign_in, written
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from officer_desk.app.executor import DbExecutor
from officer_desk.domain import rules
from officer_desk.store.tables import ActivityLog, CaseNote, Conversation, Officer
from officer_desk.ui.dialogs.activity import ActivityDialog
from officer_desk.ui.dialogs.conversation import ConversationDialog
from officer_desk.ui.dialogs.form import FormDialog, local_now
from officer_desk.ui.dialogs.note import NoteDialog
from officer_desk.ui.main_window import MainWindow


def refused(qtbot: QtBot, dialog: FormDialog, field: str) -> str:
    """Press Save; the dialog stays open with a message next to ``field``."""
    dialog.save_button.click()
    message = dialog.messages[field]
    qtbot.waitUntil(lambda: message.isVisible(), timeout=TIMEOUT)
    assert dialog.isVisible()
    return message.text()


def in_future(dialog: ActivityDialog | ConversationDialog, minutes: int) -> None:
    later = local_now() + timedelta(minutes=minutes)
    dialog.when.day.setDate(later.date())
    dialog.when.start.setTime(QTime(later.hour, later.minute))


def test_activity_for_several_people_at_once(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    window.desk_actions.log_activity.trigger()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, ActivityDialog)
    dialog.everyone.setChecked(False)
    assert refused(qtbot, dialog, "people") == "Choose at least one person."
    for inmate_id in caseload[:3]:
        dialog.people[inmate_id].setChecked(True)
    dialog.category.setCurrentIndex(dialog.category.findData("school"))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("attended"))
    dialog.note.setPlainText("Maths test")
    with reloaded(qtbot, window):
        dialog.save_button.click()
    assert counts(executor, ActivityLog) == 3
    card = window.desk.home.card_for(caseload[0])
    assert card is not None and "School" in card.activities.full_text()


def test_times_in_the_future_and_an_end_before_the_start_are_refused_by_the_field(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    before = written(executor)
    dialog = window.desk.log_activity(caseload[0])
    assert dialog is not None
    dialog.note.setPlainText("Typed and kept")
    in_future(dialog, 60)
    assert "future" in refused(qtbot, dialog, "started_at")
    now = local_now() - timedelta(hours=2)
    dialog.when.day.setDate(now.date())
    dialog.when.start.setTime(QTime(now.hour, 30))
    dialog.when.end.setTime(QTime(now.hour, 10))
    assert "before the start" in refused(qtbot, dialog, "duration_minutes")
    assert not dialog.messages["started_at"].isVisible()  # the old message went away
    assert dialog.note.toPlainText() == "Typed and kept"
    assert written(executor) == before


def test_a_conversation_needs_a_mood_and_refuses_an_overlong_note_keeping_it(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    before = written(executor)
    dialog = window.desk.log_conversation(caseload[1])
    assert isinstance(dialog, ConversationDialog)
    assert "mood" in refused(qtbot, dialog, "mood").lower()
    dialog.mood_group.button(2).click()
    long_note = "x" * 4001
    dialog.note.setPlainText(long_note)
    assert "too long" in refused(qtbot, dialog, "note")  # the service's own check
    assert dialog.note.toPlainText() == long_note
    line, due = dialog.add_follow_up("Call the library")
    due.setDate(due.date().addDays(-10))
    dialog.note.setPlainText("Fine now")
    assert "past" in refused(qtbot, dialog, "due_date")
    assert line.text() == "Call the library"
    assert written(executor) == before
    assert counts(executor, Conversation) == 0


def test_a_note_must_have_text_and_strengths_are_one_click_away(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    card = window.desk.home.cards[2]
    card.strength_button.click()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, NoteDialog)
    assert dialog.kind() == "positive" and dialog.person.currentData() == card.inmate_id
    assert refused(qtbot, dialog, "text") == "Write the note first."
    too_long = "y" * (rules.MAX_NOTE_TEXT + 1)
    dialog.text.setPlainText(too_long)
    assert "too long" in refused(qtbot, dialog, "text")
    assert dialog.text.toPlainText() == too_long
    assert counts(executor, CaseNote) == 0
    dialog.text.setPlainText("Helped a new arrival find his way around the workshop")
    dialog.sensitive.setChecked(False)
    with reloaded(qtbot, window):
        dialog.save_button.click()
    assert counts(executor, CaseNote) == 1
