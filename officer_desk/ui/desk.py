"""The desk: the home screen and the person page, and the dialogs the officer logs with.

It turns the desk's actions (keys, menus, buttons) into dialogs for the right people, keeps
track of those dialogs (hidden while the desk is locked, closed when someone else signs in),
and knows whose caseload is shown.  Screens refresh from ``DbExecutor.changed``; nothing
here calls another screen to tell it something changed.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout, QWidget

from officer_desk.app.change import Change
from officer_desk.app.executor import DbExecutor
from officer_desk.domain import shifts
from officer_desk.domain.enums import NoteKind, Role
from officer_desk.domain.errors import DeskError
from officer_desk.ui import vocabulary, words
from officer_desk.ui.actions import DeskActions
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.home.model import CaseloadModel
from officer_desk.ui.home.page import HomePage
from officer_desk.ui.open_dialogs import OpenDialogs
from officer_desk.ui.settling import Settling, on_screen, on_worker

if TYPE_CHECKING:
    from officer_desk.app.accounts import SignedIn
    from officer_desk.app.logbook import MealBatch
    from officer_desk.app.writes import Actor
    from officer_desk.store.database import Store
    from officer_desk.store.finding import Findable
    from officer_desk.store.queries import TimelineItem
    from officer_desk.ui.dialogs.activity import ActivityDialog
    from officer_desk.ui.dialogs.conversation import ConversationDialog
    from officer_desk.ui.dialogs.correct import CorrectEntryDialog
    from officer_desk.ui.dialogs.find_person import FindPersonDialog
    from officer_desk.ui.dialogs.meal import MealDialog
    from officer_desk.ui.dialogs.note import NoteDialog
    from officer_desk.ui.person.journal import JournalDialog
    from officer_desk.ui.person.page import PersonPage


def local_now() -> datetime:
    """Now, as an aware local moment (the dialogs' ``form.local_now``, whose module is not
    imported before the first screen)."""
    return datetime.now().astimezone()


def prepare_writing(store: Store) -> None:
    """Load the use cases' modules on the worker while the officer reads the home screen.

    Importing them holds the interpreter lock in long stretches (about 80 ms here); done at
    the first save, the screen would stall just as the officer presses Enter.
    """
    # Everything loaded here lives as long as the app: no cyclic garbage collection while it
    # is made (a full pass over the half-loaded ORM took ~30 ms of the interpreter lock, in
    # which the screen could not repaint), and frozen out of the collector's passes after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _load_for_writing(store)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _load_for_writing(store: Store) -> None:
    import officer_desk.app.conversations
    import officer_desk.app.logbook
    import officer_desk.app.notes
    import officer_desk.app.profile

    # Not store work, but here for the same reason: the person page's module tree (timeline,
    # programmes, release plan) and the logging dialogs are not needed for the first screen,
    # and importing them on the GUI thread would stall it (or the first Ctrl+M); importing is
    # thread-safe, building widgets is done later.
    import officer_desk.ui.dialogs.activity
    import officer_desk.ui.dialogs.conversation
    import officer_desk.ui.dialogs.correct
    import officer_desk.ui.dialogs.find_person
    import officer_desk.ui.dialogs.meal
    import officer_desk.ui.dialogs.note
    import officer_desk.ui.dialogs.undo
    import officer_desk.ui.person.journal
    import officer_desk.ui.person.page  # noqa: F401

    store.warm_up()


def complete_follow_up(actor: Actor, follow_up_id: str) -> Callable[[Store], Change]:
    def work(store: Store) -> Change:
        from officer_desk.app import conversations

        return conversations.complete_follow_up(store, actor, follow_up_id)

    return work


class DeskPage(QWidget):
    status = Signal(str)  # a short confirmation for the status bar
    people_changed = Signal(str)  # "6 people"
    undo_offered = Signal(object)  # UndoOffer: a one-click action that can be taken back
    # The home screen has been painted with its data after a sign-in: what the first screen
    # did not need (the use cases, the ORM, the person page, the sign-in's audit) loads now,
    # so it does not compete with the first screen for the interpreter lock.
    screen_ready = Signal()
    # ... and the person page is built and its reads prepared (``settling``): the window
    # loads its own later parts after this, not alongside it.
    settled = Signal()
    # A person was chosen where the desk is not shown (Find person on a unit page).
    screen_wanted = Signal()

    def __init__(
        self,
        executor: DbExecutor,
        session: DeskSession,
        actions: DeskActions,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._session = session
        self._actions = actions
        self._today = today
        self._now = now
        self.signed_in_at: datetime | None = None
        self._dialogs = OpenDialogs()

        self.model = CaseloadModel(executor, today, self)
        self.home = HomePage(executor, self.model, actions, today)
        self._person: PersonPage | None = None  # built after the first screen (see person)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.home.open_person.connect(self.open_person)
        self.home.conversation_requested.connect(self.log_conversation)
        self.home.note_requested.connect(lambda who, kind: self.write_note(kind, who))
        self.home.follow_up_done.connect(self.complete_follow_up)
        self.home.arrange_requested.connect(self.arrange_cards)
        self.model.loaded.connect(self._caseload_loaded)
        # The home screen's Undo button shows only while there is a meal log to undo.
        executor.changed.connect(self._meal_logs_changed)
        self._settling = Settling(executor, self)
        self._settling.settled.connect(self.settled)

        actions.log_meal.triggered.connect(self.log_meal)
        actions.log_activity.triggered.connect(lambda: self.log_activity())
        actions.conversation.triggered.connect(lambda: self.log_conversation())
        actions.note.triggered.connect(lambda: self.write_note(NoteKind.GENERAL))
        actions.strength.triggered.connect(lambda: self.write_note(NoteKind.POSITIVE))
        actions.undo_meal.triggered.connect(self.undo_meal)
        actions.find_person.triggered.connect(self.find_person)
        actions.next_person.triggered.connect(lambda: self.step_person(1))
        actions.previous_person.triggered.connect(lambda: self.step_person(-1))
        actions.home.triggered.connect(self.go_home)

        # The meal button follows the clock ("Log lunch" becomes "Log dinner").
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._update_meal_label)
        self._clock.start()
        self._update_meal_label()

    # --- whose desk --------------------------------------------------------------------------

    def open_for(self, user: SignedIn) -> None:
        """A person signed in: their caseload (a supervisor: any caseload on the unit)."""
        self.close_person_data()
        self.signed_in_at = self._now()
        self.home.undo_button.hide()  # a new shift: nothing of it to undo yet
        supervisor = Role(user.role) is Role.SUPERVISOR
        self.model.viewer_id = user.officer_id
        self.home.show_officer(user.officer_id, user.display_name)
        self.home.offer_officers(supervisor)
        once = Qt.ConnectionType.SingleShotConnection
        if supervisor:
            # Her own caseload is often empty, and the chooser then shows the first one with
            # people: that is her first screen, not the empty one painted on the way.
            self.home.officers_loaded.connect(self._caseload_chosen, once)
        else:
            self.model.loaded.connect(self._watch_for_paint, once)

    @Slot()
    def _caseload_chosen(self) -> None:
        if self.model.loading:
            once = Qt.ConnectionType.SingleShotConnection
            self.model.loaded.connect(self._watch_for_paint, once)
        else:
            self._watch_for_paint()

    @Slot()
    def _watch_for_paint(self) -> None:
        self.home.installEventFilter(self)
        self.home.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.home and event.type() == QEvent.Type.Paint:
            self.home.removeEventFilter(self)
            QTimer.singleShot(0, self._first_screen_painted)  # after this paint is done
        return False

    def _first_screen_painted(self) -> None:
        self.screen_ready.emit()
        self._settling.start(
            [
                on_worker("use cases and screens' modules", prepare_writing),
                on_screen("person page", lambda: self.person),
                on_screen("programmes panel", lambda: self.person.programmes),
                on_screen("release plan panel", lambda: self.person.release_plan),
                on_worker("person page reads", self._prepare_person_reads, head_start=True),
            ]
        )

    def _prepare_person_reads(self, store: Store) -> None:
        from officer_desk.ui.person.page import prepare_reads  # loaded by prepare_writing

        prepare_reads(self._today())(store)

    @property
    def person(self) -> PersonPage:
        """The person page, built once its modules are loaded (after the first screen)."""
        if self._person is None:
            from officer_desk.ui.person.page import PersonPage

            page = PersonPage(
                self._executor, self.model, self._actions, self._session.actor, self._today
            )
            self.stack.addWidget(page)
            page.follow_up_done.connect(self.complete_follow_up)
            page.amend_requested.connect(self.amend_note)
            page.journal_requested.connect(self.show_journal)
            page.correct_requested.connect(self.correct_entry)
            page.status.connect(self.status)
            page.undo_offered.connect(self.undo_offered)
            self._person = page
        return self._person

    def _showing_person(self) -> bool:
        return self._person is not None and self.stack.currentWidget() is self._person

    def has_caseload(self) -> bool:
        return self.model.officer_id is not None

    def shift_start(self) -> datetime:
        return shifts.shift_start(self.signed_in_at, self._now())

    def close_person_data(self) -> None:
        """Someone else is coming (or no one): close dialogs, forget the caseload."""
        self._dialogs.close()
        if self._person is not None:
            self._person.clear()
        self.model.clear()
        self.stack.setCurrentWidget(self.home)

    @Slot()
    def hide_private(self) -> None:
        """Locked: no dialog with someone's details stays on screen (what was typed is kept)."""
        self._dialogs.hide()

    @Slot()
    def show_private(self) -> None:
        self._dialogs.show()

    # --- navigation --------------------------------------------------------------------------

    def focus_home(self) -> None:
        if self.stack.currentWidget() is self.home and self.home.cards:
            self.home.cards[0].setFocus()

    @Slot(str)
    def open_person(self, inmate_id: str) -> None:
        if self.model.person(inmate_id) is None:
            return
        self.person.show_person(inmate_id)
        self.stack.setCurrentWidget(self.person)
        self.person.table.setFocus()

    @Slot()
    def go_home(self) -> None:
        self.stack.setCurrentWidget(self.home)
        card = self.home.card_for((self._person and self._person.inmate_id) or "")
        if card is not None:
            card.setFocus()

    def current_person(self) -> str | None:
        if self._showing_person():
            return self.person.inmate_id
        return self.home.focused_person()

    def step_person(self, step: int) -> None:
        ids = self.model.ids
        if not ids:
            return
        current = self.current_person()
        at = ids.index(current) if current in ids else (-1 if step > 0 else 0)
        target = ids[(at + step) % len(ids)]
        if self._showing_person():
            self.open_person(target)
        else:
            card = self.home.card_for(target)
            if card is not None:
                card.setFocus()

    @Slot()
    def find_person(self) -> FindPersonDialog | None:
        """Find person: an officer's caseload, a supervisor's whole unit (from any page)."""
        from officer_desk.ui.dialogs.find_person import FindPersonDialog

        user = self._session.user
        if user is None or Role(user.role) is Role.ADMIN:
            return None
        whole_unit = Role(user.role) is Role.SUPERVISOR
        dialog = FindPersonDialog(self._executor, user.officer_id, self._today(), whole_unit, self)
        dialog.chosen.connect(self.open_found)
        self._open(dialog)
        return dialog

    @Slot(object)
    def open_found(self, found: Findable) -> None:
        """Open a person found, in the caseload they are on (a supervisor's may be another)."""
        self.screen_wanted.emit()
        if self.model.person(found.inmate_id) is not None:
            self.open_person(found.inmate_id)
        elif found.officer_id is not None:
            self.open_in_caseload(found.inmate_id, found.officer_id, found.officer_name)

    def open_in_caseload(self, inmate_id: str, officer_id: str, officer_name: str) -> None:
        """Show ``officer_id``'s caseload and, once it is read, the person's page."""

        def opened() -> None:
            self.model.loaded.disconnect(opened)
            self.open_person(inmate_id)

        self.model.loaded.connect(opened)
        self.home.show_officer(officer_id, officer_name)

    @Slot()
    def _caseload_loaded(self) -> None:
        self.people_changed.emit(words.people(self.model.rowCount()) if self.has_caseload() else "")
        if self._showing_person() and (
            self.person.inmate_id is None or self.model.person(self.person.inmate_id) is None
        ):
            self.go_home()

    # --- logging -----------------------------------------------------------------------------

    def _actor(self) -> Actor:
        return self._session.actor()

    @property
    def dialogs(self) -> list[QDialog]:
        """The logging dialogs open now, in the order they were opened."""
        return self._dialogs.shown

    def _open(self, dialog: QDialog) -> None:
        self._dialogs.open(dialog)

    def _confirm(self, text: str) -> Callable[[object], None]:
        return lambda _change: self.status.emit(text)

    @Slot()
    def _update_meal_label(self) -> None:
        meal = vocabulary.meal_for_time(self._now().time())
        self.home.set_meal_label(
            self.tr("Log {meal}").format(meal=vocabulary.meals()[meal].lower())
        )

    @Slot()
    def arrange_cards(self) -> QDialog | None:
        if self.model.rowCount() < 2:
            return None
        from officer_desk.ui.home.arrange import ArrangeDialog

        dialog = ArrangeDialog(
            self._executor, self._actor, self.model.people(), self.model.pinned, self
        )
        self._open(dialog)
        return dialog

    @Slot()
    def log_meal(self) -> MealDialog | None:
        if not self.model.rowCount():
            return None
        from officer_desk.ui.dialogs.meal import MealDialog

        dialog = MealDialog(self._executor, self._actor, self.model.people(), self._now, self)
        dialog.saved.connect(
            self._confirm(self.tr("Meal saved for everyone. Ctrl+Shift+Z undoes it."))
        )
        self._open(dialog)
        return dialog

    def log_activity(self, inmate_id: str | None = None) -> ActivityDialog | None:
        if not self.model.rowCount():
            return None
        from officer_desk.ui.dialogs.activity import ActivityDialog

        who = inmate_id or self.current_person()
        dialog = ActivityDialog(
            self._executor,
            self._actor,
            self.model.people(),
            [who] if who else [],
            self._now,
            self,
        )
        dialog.saved.connect(self._confirm(self.tr("Activity saved.")))
        self._open(dialog)
        return dialog

    def log_conversation(self, inmate_id: str | None = None) -> ConversationDialog | None:
        if not self.model.rowCount():
            return None
        from officer_desk.ui.dialogs.conversation import ConversationDialog

        dialog = ConversationDialog(
            self._executor,
            self._actor,
            self.model.people(),
            inmate_id or self.current_person(),
            self._now,
            self,
        )
        dialog.saved.connect(self._confirm(self.tr("Conversation saved.")))
        self._open(dialog)
        return dialog

    def write_note(self, kind: str, inmate_id: str | None = None) -> NoteDialog | None:
        if not self.model.rowCount():
            return None
        from officer_desk.ui.dialogs.note import NoteDialog

        dialog = NoteDialog(
            self._executor,
            self._actor,
            self.model.people(),
            inmate_id or self.current_person(),
            kind,
            parent=self,
        )
        dialog.saved.connect(self._confirm(self.tr("Note saved.")))
        self._open(dialog)
        return dialog

    @Slot(str, str)
    def amend_note(self, inmate_id: str, note_id: str) -> NoteDialog:
        from officer_desk.ui.dialogs.note import NoteDialog

        dialog = NoteDialog(
            self._executor,
            self._actor,
            self.model.people(),
            inmate_id,
            note_id=note_id,
            parent=self,
        )
        dialog.saved.connect(self._confirm(self.tr("Amendment saved; the earlier text is kept.")))
        self._open(dialog)
        return dialog

    @Slot(str)
    def show_journal(self, inmate_id: str) -> JournalDialog | None:
        """The person's journal, to print or save (their right to read their records)."""
        row = self.model.person(inmate_id)
        if row is None:
            return None
        from officer_desk.ui.person.journal import JournalDialog

        dialog = JournalDialog(
            self._executor,
            self._actor,
            inmate_id,
            row.display_name,
            row.prison_number,
            row.languages,
            self,
        )
        dialog.reported.connect(self.status)
        self._open(dialog)
        return dialog

    @Slot(object, str, bool)
    def correct_entry(self, item: TimelineItem, summary: str, void: bool) -> CorrectEntryDialog:
        from officer_desk.ui.dialogs.correct import CorrectEntryDialog

        dialog = CorrectEntryDialog(
            self._executor, self._actor, item, summary, void=void, parent=self
        )
        dialog.saved.connect(
            self._confirm(
                self.tr("Entry voided; it stays in the history.")
                if void
                else self.tr("Correction saved; the earlier entry stays in the history.")
            )
        )
        self._open(dialog)
        return dialog

    @Slot(object)
    def _meal_logs_changed(self, change: Change) -> None:
        if "meal_log" in change.entities and self.signed_in_at is not None:
            self._offer_undo_button()

    def _offer_undo_button(self) -> None:
        from officer_desk.ui.dialogs.undo import last_meal_batch

        self._executor.submit(
            last_meal_batch(self._actor(), self.shift_start()),
            lambda batch: self.home.undo_button.setVisible(batch is not None),
            self._refused,
            owner=self,
        )

    @Slot()
    def undo_meal(self) -> None:
        """Offer the undo only when there is a meal log to undo: the worker looks first, and
        the dialog says which log it is before asking why."""
        from officer_desk.ui.dialogs.undo import last_meal_batch

        self._executor.submit(
            last_meal_batch(self._actor(), self.shift_start()),
            self._offer_meal_undo,
            self._refused,
            owner=self,
        )

    def _offer_meal_undo(self, batch: MealBatch | None) -> None:
        from officer_desk.ui.dialogs.undo import UndoMealDialog

        if batch is None:
            self.status.emit(self.tr("There is no meal log of yours in this shift to undo."))
            return
        dialog = UndoMealDialog(self._executor, self._actor, self.shift_start(), self, batch)
        dialog.saved.connect(
            self._confirm(self.tr("Last meal log undone; it stays in the history."))
        )
        self._open(dialog)

    @Slot(str, str)
    def complete_follow_up(self, follow_up_id: str, text: str) -> None:
        from officer_desk.ui.undo_notice import UndoOffer

        actor = self._actor()
        done = self.tr("Follow-up done: {text}").format(text=text)

        def undo(store: Store) -> Change:
            from officer_desk.app import corrections

            return corrections.undo_follow_up_done(store, actor, follow_up_id)

        def offer(_change: object) -> None:
            self.status.emit(done)
            undone = self.tr("Follow-up open again: {text}").format(text=text)
            self.undo_offered.emit(UndoOffer(done, undo, undone))

        self._executor.submit(
            complete_follow_up(actor, follow_up_id), offer, self._refused, owner=self
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.status.emit(error.message)
        else:
            self._executor.failed.emit(error)

    # --- self-test ---------------------------------------------------------------------------

    def self_test_screens(
        self, show_desk: Callable[[], None]
    ) -> list[tuple[str, Callable[[], QWidget]]]:
        def home() -> QWidget:
            self.close_dialogs()
            show_desk()
            self.go_home()
            return self.window()

        def person(tab: int = 0) -> Callable[[], QWidget]:
            def open_it() -> QWidget:
                self.close_dialogs()
                show_desk()
                rows = self.model.people()
                if rows:
                    # The release plan tab with a plan, when someone on the caseload has one.
                    planned = [r for r in rows if r.plan_share_done is not None]
                    chosen = planned[0] if tab == 2 and planned else rows[0]
                    self.open_person(chosen.inmate_id)
                    self.person.tabs.setCurrentIndex(tab)
                return self.window()

            return open_it

        def dialog(opener: Callable[[], QDialog | None]) -> Callable[[], QWidget]:
            def open_it() -> QWidget:
                self.close_dialogs()
                show_desk()
                self.go_home()
                opened = opener()
                if opened is None:
                    raise RuntimeError("no one is on the caseload to open this for")
                return opened

            return open_it

        def first() -> str | None:
            return self.model.ids[0] if self.model.ids else None

        def correction(void: bool) -> Callable[[], QWidget]:
            # The person page the screens before opened: its newest timeline entry.
            def open_it() -> QWidget:
                self.close_dialogs()
                if self.person.timeline.rowCount() == 0:
                    raise RuntimeError("the person's timeline is empty: nothing to correct")
                model = self.person.timeline
                item = model.item(0)
                shown = (model.index(0, column).data() for column in (0, 1, 2))
                return self.correct_entry(item, " · ".join(filter(None, shown)), void)

            return open_it

        def undo_meal() -> QDialog:
            from officer_desk.ui.dialogs.undo import UndoMealDialog

            dialog = UndoMealDialog(self._executor, self._actor, self.shift_start(), self)
            self._open(dialog)
            return dialog

        return [
            ("home", home),
            ("meal", dialog(self.log_meal)),
            ("activity", dialog(lambda: self.log_activity(first()))),
            ("conversation", dialog(lambda: self.log_conversation(first()))),
            ("note", dialog(lambda: self.write_note(NoteKind.POSITIVE, first()))),
            ("arrange", dialog(self.arrange_cards)),
            ("find-person", dialog(self.find_person)),
            ("journal", dialog(lambda: self.show_journal(first() or ""))),
            ("person", person()),
            ("person-programmes", person(1)),
            ("person-release-plan", person(2)),
            ("correct-entry", correction(False)),
            ("void-entry", correction(True)),
            ("undo-meal", dialog(undo_meal)),
        ]

    def close_dialogs(self) -> None:
        self._dialogs.close()
