"""CaseloadModel: a well-behaved Qt model that reloads through the executor on changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from officer_desk.app import logbook
from officer_desk.app.executor import DbExecutor
from officer_desk.app.logbook import MealEntry
from officer_desk.app.writes import Actor
from officer_desk.store.tables import Officer
from officer_desk.ui.caseload_model import INMATE_ID_ROLE, CaseloadModel, Column


def loaded_model(qtbot: QtBot, executor: DbExecutor, officer_id: str) -> CaseloadModel:
    model = CaseloadModel(executor)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.show_officer(officer_id)
    return model


def test_model_passes_the_qt_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    executor: DbExecutor,
    officer: Officer,
    caseload: list[str],
) -> None:
    model = loaded_model(qtbot, executor, officer.id)
    assert model.rowCount() == 6
    qtmodeltester.check(model)


def test_rows_show_the_people_and_their_ids(
    qtbot: QtBot, executor: DbExecutor, officer: Officer, caseload: list[str]
) -> None:
    model = loaded_model(qtbot, executor, officer.id)
    names = [model.index(r, Column.NAME).data() for r in range(model.rowCount())]
    assert "Øystein Ås" in names and "Ahmed Khalil" in names
    ids = {model.index(r, 0).data(INMATE_ID_ROLE) for r in range(model.rowCount())}
    assert ids == set(caseload)
    row = model.row_of(caseload[0])
    assert model.index(row, Column.CELL).data() == "C01"
    assert model.index(row, Column.RELEASE).data().endswith("days")
    assert model.index(row, Column.MEALS).data() == "—"
    assert model.headerData(Column.MEALS, Qt.Orientation.Horizontal) == "Meals today"


def test_a_logged_meal_refreshes_the_row_through_the_changed_signal(
    qtbot: QtBot, executor: DbExecutor, officer: Officer, caseload: list[str], admin: Actor
) -> None:
    model = loaded_model(qtbot, executor, officer.id)
    row = model.row_of(caseload[2])

    def log_lunch(store):  # type: ignore[no-untyped-def]
        return logbook.log_meal(
            store,
            admin,
            day=date.today(),
            meal="lunch",
            entries=[MealEntry(caseload[2], outcome="declined", decline_reason="not_hungry")],
        )

    with qtbot.waitSignals([executor.changed, model.loaded], timeout=5000):
        executor.submit(log_lunch)
    assert model.index(row, Column.MEALS).data() == "Lunch ✗"
    assert "declined" in model.index(row, Column.MEALS).data(Qt.ItemDataRole.ToolTipRole)
    # Everyone else is untouched.
    other = model.row_of(caseload[3])
    assert model.index(other, Column.MEALS).data() == "—"


def test_a_slow_answer_for_the_previous_officer_is_dropped(
    qtbot: QtBot, executor: DbExecutor, officer: Officer, caseload: list[str]
) -> None:
    model = CaseloadModel(executor)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.show_officer(officer.id)
        model.show_officer(None)  # switched away before the first answer came back
    assert model.rowCount() == 0
    qtbot.waitUntil(lambda: not executor.busy, timeout=5000)
    assert model.rowCount() == 0


def test_refusal_streak_is_flagged(
    qtbot: QtBot, executor: DbExecutor, officer: Officer, caseload: list[str], admin: Actor
) -> None:
    today = date.today()
    person = caseload[1]

    def refuse_three(store):  # type: ignore[no-untyped-def]
        for meal in ("breakfast", "lunch", "dinner"):
            change = logbook.log_meal(
                store,
                admin,
                day=today,
                meal=meal,
                entries=[MealEntry(person, outcome="declined", decline_reason="protest")],
            )
        return change

    model = loaded_model(qtbot, executor, officer.id)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        executor.submit(refuse_three)
    index = model.index(model.row_of(person), Column.REFUSALS)
    assert index.data() == "⚑ 3 in a row"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
