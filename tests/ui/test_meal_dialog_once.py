"""Log breakfast twice through the window: the second time shows who is logged, saves no one
again (the overview still says "1 of 1 eaten", the timeline has one breakfast), and a
correction is made on purpose, on one line, as an amendment."""

from __future__ import annotations

from datetime import date

from desk_helpers import TIMEOUT, on_worker, reloaded, sign_in, written
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select

from officer_desk.app import logbook
from officer_desk.app.executor import DbExecutor
from officer_desk.app.reads.unit import read_overview
from officer_desk.app.writes import Actor
from officer_desk.domain.enums import MealOutcome
from officer_desk.store import queries
from officer_desk.store.database import Store
from officer_desk.store.tables import MealLog, Officer
from officer_desk.ui.dialogs.meal import MealDialog
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.unit import models

TODAY = date.today()


def open_breakfast(qtbot: QtBot, window: MainWindow) -> MealDialog:
    window.desk_actions.log_meal.trigger()
    dialog = window.desk.dialogs[-1]
    assert isinstance(dialog, MealDialog)
    with qtbot.waitSignal(dialog.slot_shown, timeout=TIMEOUT):
        dialog.meal.setCurrentIndex(dialog.meal.findData("breakfast"))
    return dialog


def save(qtbot: QtBot, window: MainWindow, dialog: MealDialog) -> None:
    with reloaded(qtbot, window), qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def meal_rows(executor: DbExecutor) -> list[MealLog]:
    def work(store: Store) -> list[MealLog]:
        with store.reading() as session:
            return list(session.exec(select(MealLog)).all())

    return on_worker(executor, work)


def overview_and_timeline(executor: DbExecutor, person: str) -> tuple[str, list[str]]:
    def work(store: Store) -> tuple[str, list[str]]:
        with store.raw() as conn:
            unit = str(conn.execute("SELECT id FROM unit").fetchone()[0])
            [line] = [p for p in read_overview(conn, unit, TODAY).people if p.inmate_id == person]
            page = queries.timeline_page(conn, person, kinds=("meal",))
        return models.meals_text(line), [f"{i.what}:{i.outcome}" for i in page.items]

    return on_worker(executor, work)


def test_log_breakfast_again_logs_no_one_twice_and_corrects_on_purpose(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    first = open_breakfast(qtbot, window)
    assert all(row.logged is None and not row.correct.isVisible() for row in first.rows)
    assert first.save_button.text() == "Save breakfast for 6 people"
    save(qtbot, window, first)
    assert len(meal_rows(executor)) == 6

    again = open_breakfast(qtbot, window)
    row = again.row_for(caseload[1])
    assert all(r.logged is not None and r.correct.isVisible() for r in again.rows)
    assert row.status.text().startswith("Already logged: ate, ")
    assert row.status.text().endswith(" by Kari Nordmann")
    assert not row.buttons[MealOutcome.PARTIAL].isEnabled()
    assert again.save_button.text() == "Nothing to save"
    before = written(executor)
    again.save_button.click()
    assert again.isVisible() and "already logged for everyone" in again.general.text()
    assert written(executor) == before
    assert overview_and_timeline(executor, caseload[1]) == ("1 of 1 eaten", ["breakfast:ate"])

    # Correct one line on purpose: the others are not written again.
    qtbot.mouseClick(row.correct, Qt.MouseButton.LeftButton)
    assert row.buttons[MealOutcome.PARTIAL].isEnabled()
    qtbot.mouseClick(row.buttons[MealOutcome.PARTIAL], Qt.MouseButton.LeftButton)
    assert again.save_button.text() == "Save breakfast: 0 new, 1 corrected"
    save(qtbot, window, again)
    rows = meal_rows(executor)
    assert len(rows) == 7
    [amendment] = [r for r in rows if r.amends_id is not None]
    assert (amendment.inmate_id, amendment.outcome) == (caseload[1], "partial")
    assert written(executor) == (before[0] + 1, before[1] + 1)
    assert overview_and_timeline(executor, caseload[1]) == (
        "1 of 1 eaten",
        ["breakfast:partial"],
    )
    card = next(c for c in window.desk.home.cards if c.inmate_id == caseload[1])
    assert card.meal_chips["breakfast"].property("outcome") == "partial"


def test_a_breakfast_logged_elsewhere_meanwhile_is_refused_on_its_line_and_then_shown(
    qtbot: QtBot, window: MainWindow, officer: Officer, caseload: list[str], executor: DbExecutor
) -> None:
    sign_in(qtbot, window, officer)
    dialog = open_breakfast(qtbot, window)
    qtbot.mouseClick(dialog.rows[4].buttons[MealOutcome.DECLINED], Qt.MouseButton.LeftButton)
    dialog.rows[4].reason.setCurrentIndex(dialog.rows[4].reason.findData("asleep"))
    kari = Actor(officer.id, officer.display_name, role="officer")

    def colleague_logs(store: Store) -> None:  # another workstation's log, synced in
        logbook.log_meal(
            store, kari, day=TODAY, meal="breakfast", entries=[logbook.MealEntry(caseload[0])]
        )

    on_worker(executor, colleague_logs)
    with qtbot.waitSignal(dialog.slot_shown, timeout=TIMEOUT):
        dialog.save_button.click()
    first = dialog.row_for(caseload[0])
    assert dialog.isVisible() and "already logged" in first.message.text()
    assert first.logged is not None and first.correct.isVisible()
    # What was typed on the other lines is still there; saving now logs the other five.
    assert dialog.rows[4].outcome == "declined"
    assert dialog.save_button.text() == "Save breakfast for 5 people"
    save(qtbot, window, dialog)
    assert len(meal_rows(executor)) == 6
