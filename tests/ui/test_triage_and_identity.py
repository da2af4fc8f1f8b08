"""Who is who and who comes first, on the screens: two Frodes never look alike in any picker,
the home cards stand by need with the reason on the card (or in the officer's pinned order),
and a 120-character name keeps the window within its screen."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from desk_helpers import TIMEOUT, reloaded, sign_in, signed_in, wait_idle
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from officer_desk.app import people, profile
from officer_desk.app.executor import DbExecutor
from officer_desk.app.writes import Actor
from officer_desk.domain import identity
from officer_desk.domain.enums import NoteKind
from officer_desk.store.database import Store
from officer_desk.store.tables import Officer
from officer_desk.ui.dialogs.activity import ActivityDialog
from officer_desk.ui.dialogs.conversation import ConversationDialog
from officer_desk.ui.dialogs.meal import MealDialog
from officer_desk.ui.dialogs.note import NoteDialog
from officer_desk.ui.home.arrange import ArrangeDialog
from officer_desk.ui.main_window import MainWindow
from officer_desk.ui.unit.models import ROW_ROLE, PersonColumn

# The roster's limit: 120 characters.
LONG_NAME = ("Kristoffer-Alexander " * 5 + "Haugen-Bjørnstad-Kristiansen-Olsen")[:120]


def add_people(
    store: Store, admin: Actor, officer: Officer, people_: list[people.InmateDetails]
) -> list[str]:
    change = people.add_inmates(store, admin, people_, today=date.today())
    for inmate_id in change.ids:
        people.assign(
            store, admin, officer_id=officer.id, inmate_id=inmate_id, start=date(2025, 1, 1)
        )
    return change.ids


@pytest.fixture
def frodes(unit_store: Store, admin: Actor, officer: Officer, caseload: list[str]) -> list[str]:
    """Two people who go by "Frode" and whose surnames start alike, on Kari's caseload."""
    return add_people(
        unit_store,
        admin,
        officer,
        [
            people.InmateDetails(
                prison_number=number,
                full_name=full,
                preferred_name="Frode",
                date_of_birth=date(1990, 1, 1),
                cell=cell,
            )
            for number, full, cell in (
                ("H-2001", "Frode Sørensen", "C10"),
                ("H-2002", "Frode Sæther", "C11"),
            )
        ],
    )


def test_two_frodes_are_told_apart_in_every_picker(
    qtbot: QtBot, window: MainWindow, officer: Officer, frodes: list[str]
) -> None:
    sign_in(qtbot, window, officer)
    desk = window.desk
    model = desk.model
    shown: dict[str, list[str]] = {
        "home list": [model.index(n).data() for n in range(model.rowCount())],
        "cards": [card.accessibleName() for card in desk.home.cards],
    }
    activity = desk.log_activity()
    assert isinstance(activity, ActivityDialog)
    shown["activity"] = [box.text() for box in activity.people.values()]
    qtbot.waitExposed(activity)
    cut = [b.text() for b in activity.people.values() if b.width() < b.sizeHint().width()]
    assert cut == []  # every label whole, none under its neighbour
    meal = desk.log_meal()
    assert isinstance(meal, MealDialog)
    shown["meal"] = [
        label.text() for label in meal.findChildren(QLabel) if label.objectName() == "MealName"
    ]
    talk = desk.log_conversation(frodes[0])
    assert isinstance(talk, ConversationDialog)
    shown["conversation"] = [talk.person.itemText(n) for n in range(talk.person.count())]
    note = desk.write_note(NoteKind.GENERAL, frodes[0])
    assert isinstance(note, NoteDialog)
    shown["note"] = [note.person.itemText(n) for n in range(note.person.count())]
    arrange = desk.arrange_cards()
    assert isinstance(arrange, ArrangeDialog)
    shown["arrange"] = [arrange.list.item(n).text() for n in range(arrange.list.count())]
    for picker, texts in shown.items():
        frode_texts = [t for t in texts if "Frode" in t]
        assert len(frode_texts) == 2, (picker, texts)
        assert identity.alike(frode_texts) == set(), (picker, texts)
        # Each says which Frode: the prison number is on every one of them.
        assert {"H-2001", "H-2002"} == {
            n for t in frode_texts for n in ("H-2001", "H-2002") if n in t
        }
    # Where space is short (the activity picker's three columns) the two "Frode S." keep their
    # whole surnames rather than look alike but for a number.
    assert {t for t in shown["activity"] if "Frode" in t} == {
        "Frode Sørensen · H-2001 · C10",
        "Frode Sæther · H-2002 · C11",
    }
    desk.close_dialogs()


@pytest.fixture
def boss(unit_store: Store, admin: Actor) -> Officer:
    return people.add_officer(
        unit_store, admin, username="siri", display_name="Siri Holm", role="supervisor"
    )


def test_two_frodes_are_told_apart_on_the_unit_overview(
    qtbot: QtBot, window: MainWindow, boss: Officer, frodes: list[str]
) -> None:
    home = window.desk.home
    with qtbot.waitSignal(home.officers_loaded, timeout=TIMEOUT):
        window._session.sign_in(signed_in(boss))
    page = window.supervision.show_overview()
    qtbot.waitUntil(lambda: page.people.rowCount() >= 8, timeout=TIMEOUT)
    names = [
        page.people.index(n, PersonColumn.PERSON).data() for n in range(page.people.rowCount())
    ]
    frode_names = [n for n in names if "Frode" in n]
    assert len(frode_names) == 2 and identity.alike(frode_names) == set()
    # By need until sorted otherwise; the flags keep a readable width at 1024 px.
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=TIMEOUT)
    shown = page.people_view.model()
    ranks = [shown.index(n, 0).data(ROW_ROLE).need_rank for n in range(shown.rowCount())]
    assert ranks == sorted(ranks)
    flags_width = page.people_view.columnWidth(PersonColumn.FLAGS)
    title = page.people_view.horizontalHeader().fontMetrics().horizontalAdvance("Flags")
    assert flags_width > 3 * title


def set_severities(executor: DbExecutor, actor: Actor, inmate_id: str, sev: list[str]) -> None:
    executor.submit(
        lambda store: profile.update_profile(
            store, actor, inmate_id, profile.ProfileEdit(alert_severities=sev)
        )
    ).result(timeout=TIMEOUT / 1000)


@pytest.fixture
def at_risk(unit_store: Store, admin: Actor, officer: Officer, caseload: list[str]) -> list[str]:
    """Two more people: one needing an interpreter, one at risk of suicide and released in
    17 days with no release plan (named to come last by name)."""
    return add_people(
        unit_store,
        admin,
        officer,
        [
            people.InmateDetails(
                prison_number="H-3001",
                full_name="Aksel Aas",
                date_of_birth=date(1990, 1, 1),
                arrival_date=date(2025, 1, 1),
                alerts=["Trenger tolk"],
            ),
            people.InmateDetails(
                prison_number="H-3002",
                full_name="Zakarias Ødegård",
                date_of_birth=date(1990, 1, 1),
                arrival_date=date(2025, 1, 1),
                expected_release_date=date.today() + timedelta(days=17),
                alerts=["Selvmordsfare"],
            ),
        ],
    )


def test_the_cards_stand_by_need_with_the_reason_and_an_officer_can_pin_an_order(
    qtbot: QtBot,
    window: MainWindow,
    officer: Officer,
    executor: DbExecutor,
    at_risk: list[str],
) -> None:
    interpreter, suicide_risk = at_risk
    sign_in(qtbot, window, officer)
    home = window.desk.home
    actor = window.desk._actor()
    with reloaded(qtbot, window):
        set_severities(executor, actor, suicide_risk, ["high"])
    with reloaded(qtbot, window):
        set_severities(executor, actor, interpreter, ["low"])
    ids = window.desk.model.ids
    assert ids[0] == suicide_risk  # last by name, first by need
    first = home.cards[0]
    assert first.inmate_id == suicide_risk
    assert first.need.isVisible()
    assert "Safety alert" in first.need.full_text()
    assert "Release close, not ready" in first.need.full_text()
    assert "High: Selvmordsfare" in first.alerts.full_text()
    # The practical alert weighs least of all needs; the others have none and stand by name.
    assert ids.index(interpreter) < len(ids)
    assert "by need" in home.subtitle.text()

    # Pinned: the officer's own order, kept per officer, back to need on request.
    dialog = window.desk.arrange_cards()
    assert isinstance(dialog, ArrangeDialog)
    assert not dialog.need_button.isEnabled()  # nothing pinned yet
    dialog.list.setCurrentRow(0)
    dialog.down_button.click()
    wanted = dialog.order()
    assert wanted[1] == suicide_risk
    with reloaded(qtbot, window), qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        dialog.save_button.click()
    assert window.desk.model.ids == wanted
    assert "in your order" in home.subtitle.text()
    assert [card.inmate_id for card in home.cards] == wanted

    dialog = window.desk.arrange_cards()
    assert isinstance(dialog, ArrangeDialog) and dialog.need_button.isEnabled()
    with reloaded(qtbot, window), qtbot.waitSignal(dialog.finished, timeout=TIMEOUT):
        dialog.need_button.click()
    assert window.desk.model.ids[0] == suicide_risk


def test_a_wrong_severity_is_refused_in_words_and_nothing_is_saved(
    executor: DbExecutor, admin: Actor, at_risk: list[str]
) -> None:
    from officer_desk.domain.errors import ValidationError

    def attempt(severities: list[str]) -> None:
        with pytest.raises(ValidationError) as refused:
            set_severities(executor, admin, at_risk[1], severities)
        assert refused.value.field == "alert_severities"

    attempt(["critical"])
    attempt(["high", "low"])  # one alert, two severities


@pytest.fixture
def long_named(unit_store: Store, admin: Actor, officer: Officer, caseload: list[str]) -> str:
    """Someone whose name is as long as the roster allows (120 characters)."""
    assert len(LONG_NAME) == 120
    return add_people(
        unit_store,
        admin,
        officer,
        [
            people.InmateDetails(
                prison_number="H-4001",
                full_name=LONG_NAME,
                preferred_name=LONG_NAME.split(" ")[0] * 3,
                date_of_birth=date(1990, 1, 1),
                alerts=["A" * 120],
            )
        ],
    )[0]


@pytest.mark.parametrize("size", [(1366, 768), (1024, 640)])
def test_a_120_character_name_keeps_the_window_within_the_screen(
    qtbot: QtBot, window: MainWindow, officer: Officer, long_named: str, size: tuple[int, int]
) -> None:
    long_id = long_named
    width, height = size
    window.resize(width, height)
    sign_in(qtbot, window, officer)

    def fits(what: str) -> None:
        qtbot.waitUntil(lambda: window.width() <= width, timeout=TIMEOUT)
        hint = window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, (what, hint)
        assert window.width() <= width and window.height() <= height, (what, window.size())

    fits("home")
    card = window.desk.home.card_for(long_id)
    assert card is not None and card.name.toolTip() == card.name.full_text()
    window.desk.open_person(long_id)
    wait_idle(qtbot, window.desk._executor)
    fits("person")
    window.desk.go_home()
    for opener in (window.desk.log_meal, window.desk.log_activity, window.desk.arrange_cards):
        dialog = opener()
        assert dialog is not None
        qtbot.waitExposed(dialog)
        assert dialog.width() <= width and dialog.height() <= height, (opener, dialog.size())
        window.desk.close_dialogs()


def test_dialogs_size_to_their_text_and_grow_when_a_message_comes(
    qtbot: QtBot, tmp_path: Path, executor: DbExecutor
) -> None:
    from PySide6.QtWidgets import QApplication

    from officer_desk.ui.dialogs.undo import UndoMealDialog
    from officer_desk.ui.language import LanguageDialog

    def whole(label: QLabel) -> bool:
        QApplication.processEvents()
        bottom = label.mapTo(label.window(), label.rect().bottomLeft()).y()
        needed = label.heightForWidth(label.width())
        return label.height() >= needed and bottom <= label.window().height()

    language = LanguageDialog(tmp_path)
    qtbot.addWidget(language)
    language.show()
    qtbot.waitExposed(language)
    language.choices["nb"].setChecked(True)
    language.save()  # the note about restarting comes after the dialog was sized
    assert language.note.isVisible() and whole(language.note)

    undo = UndoMealDialog(executor, lambda: Actor.system("t"), datetime.now(UTC))
    qtbot.addWidget(undo)
    undo.show()
    qtbot.waitExposed(undo)
    undo.save()  # no reason given: a message under the field
    message = undo.messages["reason"]
    assert message.isVisible() and whole(message)
    assert undo.width() <= 1024


def test_an_officer_rates_an_alert_on_the_person_page_and_the_card_moves_up(
    qtbot: QtBot, window: MainWindow, officer: Officer, at_risk: list[str]
) -> None:
    _interpreter, suicide_risk = at_risk
    sign_in(qtbot, window, officer)
    window.desk.open_person(suicide_risk)
    form = window.desk.person.profile
    qtbot.waitUntil(lambda: len(form.severity_boxes) == 1, timeout=TIMEOUT)
    box = form.severity_boxes[0]
    assert box.currentData() == "medium"  # nobody rated it yet
    assert box.accessibleName() == "Severity of the alert Selvmordsfare"
    box.setCurrentIndex(box.findData("high"))
    with reloaded(qtbot, window):
        form.save_button.click()
    row = window.desk.model.person(suicide_risk)
    assert row is not None and row.alert_severities == ("high",)
    assert window.desk.model.ids[0] == suicide_risk
    assert "High: Selvmordsfare" in window.desk.person.care.full_text()
