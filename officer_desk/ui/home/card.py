"""One person's card on the home screen: who, where, today's meals and activities, and what
needs the officer's attention (no recent conversation, follow-ups, a refusal streak)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from officer_desk.domain import triage
from officer_desk.domain.enums import Meal, MealOutcome
from officer_desk.store.rows import CaseloadRow, FollowUpSummary
from officer_desk.ui import vocabulary
from officer_desk.ui.home.avatar import Avatar

AVATAR = 52
MAX_WIDTH = 620
SHOWN_FOLLOW_UPS = 2

_MARKS: dict[str | None, str] = {
    MealOutcome.ATE: "✓",
    MealOutcome.PARTIAL: "½",
    MealOutcome.DECLINED: "✗",
    MealOutcome.AWAY: "–",
}


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet again after a property it selects on has changed.  A widget not
    yet polished gets the stylesheet when first shown: nothing to redo (a new card's dozen
    re-polishes would otherwise delay the first home screen)."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


class ElidedLabel(QLabel):
    """One line that shortens with "…" instead of pushing the card wider; full text as tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._elide()
        super().resizeEvent(event)

    def _elide(self) -> None:
        width = max(self.width(), 40)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonCard", text)


def need_words(need: triage.Need) -> str:
    """One reason a person needs attention, as the card and the overview say it."""
    n = need.count
    reason = need.reason
    if reason is triage.Reason.SAFETY_ALERT:
        return _tr("Safety alert") if n == 1 else _tr("{n} safety alerts").format(n=n)
    if reason is triage.Reason.REFUSAL_STREAK:
        return _tr("Refusing meals")
    if reason is triage.Reason.RELEASE_NOT_READY:
        return _tr("Release close, not ready")
    if reason is triage.Reason.OVERDUE_FOLLOW_UP:
        return _tr("Follow-up overdue") if n == 1 else _tr("{n} follow-ups overdue").format(n=n)
    if reason is triage.Reason.ALERT:
        return _tr("Alert") if n == 1 else _tr("{n} alerts").format(n=n)
    if reason is triage.Reason.NO_CONTACT:
        return _tr("Needs a talk")
    if reason is triage.Reason.CONCERN_NOTES:
        return _tr("Concern noted")
    return _tr("Practical alert") if n == 1 else _tr("{n} practical alerts").format(n=n)


def alerts_text(row: CaseloadRow) -> str:
    """The alerts, the most severe first, each marked with its severity."""
    rank = {s.value: n for n, s in enumerate(triage.SEVERITIES)}
    pairs = sorted(
        zip(row.alerts, triage.paired_severities(row.alerts, row.alert_severities), strict=True),
        key=lambda pair: rank[pair[1]],
    )
    marks = {
        triage.AlertSeverity.HIGH: _tr("⚠ High: {alert}"),
        triage.AlertSeverity.MEDIUM: "⚠ {alert}",
        triage.AlertSeverity.LOW: "ⓘ {alert}",
    }
    return " · ".join(marks[triage.severity_of(s)].format(alert=a) for a, s in pairs)


class MealChip(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MealChip")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_meal(self, name: str, outcome: str | None, words: str) -> None:
        self.setText(f"{name} {_MARKS.get(outcome, '·')}" if outcome else f"{name} ·")
        self.setProperty("outcome", outcome or "none")
        self.setToolTip(words)
        restyle(self)


class PersonCard(QFrame):
    open_requested = Signal(str)  # inmate id
    conversation_requested = Signal(str)
    note_requested = Signal(str, str)  # inmate id, note kind
    follow_up_done = Signal(str, str)  # follow-up id, its text (for the confirmation)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PersonCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # A card stretched across a wide screen is hard to read; one or two stay card-sized.
        self.setMaximumWidth(MAX_WIDTH)
        self.inmate_id = ""
        self._row: CaseloadRow | None = None

        self.avatar = Avatar(AVATAR)
        self.name = ElidedLabel()
        self.name.setObjectName("CardName")
        self.full_name = ElidedLabel()
        self.full_name.setObjectName("CardSub")
        self.release = QLabel()
        self.release.setObjectName("CardRelease")
        self.release.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.full_name)
        names.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(names, 1)
        top.addWidget(self.release, 0, Qt.AlignmentFlag.AlignTop)

        # Why this card stands where it does (domain.triage), heaviest need first.
        self.need = ElidedLabel()
        self.need.setObjectName("CardNeed")

        self.streak_flag = QLabel()
        self.streak_flag.setObjectName("FlagAlert")
        self.streak_flag.setWordWrap(True)
        self.nudge = QLabel()
        self.nudge.setObjectName("FlagNudge")
        self.nudge.setWordWrap(True)
        self.release_flag = QLabel()
        self.release_flag.setObjectName("FlagAlert")
        self.release_flag.setWordWrap(True)

        self.meal_chips = {meal: MealChip() for meal in Meal}
        chips = QHBoxLayout()
        chips.setSpacing(4)
        for chip in self.meal_chips.values():
            chips.addWidget(chip, 1)

        self.activities = ElidedLabel()
        self.conversation = ElidedLabel()
        self.care = ElidedLabel()
        self.care.setObjectName("CardCare")
        self.alerts = ElidedLabel()
        self.alerts.setObjectName("CardAlert")

        self.follow_ups_box = QWidget()
        self.follow_ups = QGridLayout(self.follow_ups_box)
        self.follow_ups.setContentsMargins(0, 0, 0, 0)
        self.follow_ups.setHorizontalSpacing(6)
        self.follow_ups.setVerticalSpacing(2)
        self.follow_ups.setColumnStretch(0, 1)

        self.talk_button = QPushButton(self.tr("Talk"))
        self.strength_button = QPushButton(self.tr("+ Strength"))
        self.note_button = QPushButton(self.tr("Note"))
        for button in (self.talk_button, self.strength_button, self.note_button):
            button.setObjectName("CardButton")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.talk_button.setToolTip(self.tr("Record a one-to-one conversation"))
        self.strength_button.setToolTip(self.tr("Record something that went well"))
        self.note_button.setToolTip(self.tr("Write a case note"))
        self.talk_button.clicked.connect(lambda: self.conversation_requested.emit(self.inmate_id))
        self.strength_button.clicked.connect(
            lambda: self.note_requested.emit(self.inmate_id, "positive")
        )
        self.note_button.clicked.connect(
            lambda: self.note_requested.emit(self.inmate_id, "general")
        )
        footer = QHBoxLayout()
        footer.setSpacing(6)
        footer.addWidget(self.talk_button)
        footer.addWidget(self.strength_button)
        footer.addWidget(self.note_button)
        footer.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(5)
        layout.addLayout(top)
        layout.addWidget(self.need)
        layout.addWidget(self.streak_flag)
        layout.addWidget(self.release_flag)
        layout.addWidget(self.nudge)
        layout.addLayout(chips)
        layout.addWidget(self.activities)
        layout.addWidget(self.conversation)
        layout.addWidget(self.follow_ups_box)
        layout.addWidget(self.alerts)
        layout.addWidget(self.care)
        layout.addStretch(1)
        layout.addLayout(footer)

    def show_row(self, row: CaseloadRow, photo: QImage | None) -> None:
        self._row = row
        self.inmate_id = row.inmate_id
        self.avatar.show_person(row.display_name, photo)
        self.name.set_full_text(row.display_name)
        cell = self.tr("Cell {cell}").format(cell=row.cell) if row.cell else self.tr("No cell")
        self.full_name.set_full_text(f"{row.prison_number} · {cell}")
        self.full_name.setToolTip(row.full_name)
        self._show_release(row)
        self._show_flags(row)
        self._show_meals(row)
        self._show_activities(row)
        self._show_conversation(row)
        self._show_follow_ups(row.open_follow_ups)
        self.alerts.set_full_text(alerts_text(row))
        self.alerts.setVisible(bool(row.alerts))
        needs = triage.needs(row.triage)
        self.need.set_full_text(" · ".join(need_words(need) for need in needs))
        self.need.setVisible(bool(needs))
        care = []
        if row.diet:
            care.append(self.tr("Diet: {diet}").format(diet=row.diet))
        if row.allergies:
            care.append(self.tr("Allergies: {a}").format(a=row.allergies))
        self.care.set_full_text(" · ".join(care))
        self.care.setVisible(bool(care))
        self.setAccessibleName(row.label.long)

    def _show_release(self, row: CaseloadRow) -> None:
        days = row.days_to_release
        if days is None:
            self.release.setText("")
            self.release.setToolTip(self.tr("No expected release date is registered."))
            return
        if days > 0:
            text = self.tr("Release in\n{days}").format(days=vocabulary.days(days))
        elif days == 0:
            text = self.tr("Release\ntoday")
        else:
            text = self.tr("Release date\npassed")
        self.release.setText(text)
        self.release.setProperty("soon", 0 <= days <= 30)
        assert row.expected_release_date is not None
        self.release.setToolTip(
            self.tr("Expected release {date}").format(
                date=vocabulary.short_date(row.expected_release_date)
            )
        )
        restyle(self.release)

    def _show_flags(self, row: CaseloadRow) -> None:
        self.streak_flag.setVisible(row.refusal_flag)
        if row.refusal_flag:
            self.streak_flag.setText(
                self.tr("⚑ Declined {n} meals in a row — talk with them, tell health staff").format(
                    n=row.refusal_streak
                )
            )
        # Release close and no place to live or no school place or job yet (domain.release).
        self.release_flag.setVisible(row.release_alert is not None)
        if row.release_alert is not None:
            self.release_flag.setText(
                self.tr("⚑ Release in {days}: housing or school/work not in place").format(
                    days=vocabulary.days(max(row.days_to_release or 0, 0))
                )
            )
        self.nudge.setVisible(row.contact_nudge)
        if row.contact_nudge:
            if row.days_since_conversation is None:
                self.nudge.setText(self.tr("No one-to-one yet — time for one"))
            else:
                self.nudge.setText(
                    self.tr("No one-to-one for {days} — time for one").format(
                        days=vocabulary.days(row.days_since_conversation)
                    )
                )

    def _show_meals(self, row: CaseloadRow) -> None:
        names = {
            Meal.BREAKFAST: self.tr("Breakf."),
            Meal.LUNCH: self.tr("Lunch"),
            Meal.DINNER: self.tr("Dinner"),
            Meal.EVENING: self.tr("Evening"),
        }
        long_names = vocabulary.meals()
        outcomes = vocabulary.meal_outcomes()
        today = dict(row.meals_today)
        for meal, chip in self.meal_chips.items():
            outcome = today.get(meal)
            words = outcomes.get(outcome, outcome) if outcome else self.tr("not logged yet")
            chip.show_meal(names[meal], outcome, f"{long_names[meal]}: {words}")

    def _show_activities(self, row: CaseloadRow) -> None:
        if not row.activities_today:
            self.activities.set_full_text(self.tr("No activities logged today"))
            self.activities.setProperty("quiet", True)
        else:
            categories = vocabulary.activity_categories()
            outcomes = vocabulary.activity_outcomes()
            parts = []
            for category, outcome in row.activities_today:
                name = categories.get(category, category)
                parts.append(
                    name
                    if outcome == "attended"
                    else f"{name} ({outcomes.get(outcome, outcome).lower()})"
                )
            self.activities.set_full_text(self.tr("Today: {list}").format(list=", ".join(parts)))
            self.activities.setProperty("quiet", False)
        self.activities.setObjectName("CardLine")
        restyle(self.activities)

    def _show_conversation(self, row: CaseloadRow) -> None:
        days = row.days_since_conversation
        if row.contact_nudge:
            self.conversation.hide()  # the nudge above says it, louder
            return
        self.conversation.show()
        self.conversation.setObjectName("CardLine")
        if days is None:
            self.conversation.set_full_text(self.tr("No one-to-one conversation yet"))
        elif days == 0:
            self.conversation.set_full_text(self.tr("Talked one-to-one today"))
        else:
            self.conversation.set_full_text(
                self.tr("Last one-to-one {days} ago").format(days=vocabulary.days(days))
            )

    def _show_follow_ups(self, follow_ups: tuple[FollowUpSummary, ...]) -> None:
        while self.follow_ups.count():
            item = self.follow_ups.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, follow_up in enumerate(follow_ups[:SHOWN_FOLLOW_UPS]):
            due = vocabulary.short_date(follow_up.due_date)
            label = ElidedLabel(
                self.tr("☐ {text} — overdue, was due {due}").format(text=follow_up.text, due=due)
                if follow_up.overdue
                else self.tr("☐ {text} — due {due}").format(text=follow_up.text, due=due)
            )
            label.setObjectName("FollowUpOverdue" if follow_up.overdue else "FollowUp")
            done = QPushButton(self.tr("Done"))
            done.setObjectName("LinkButton")
            done.setCursor(Qt.CursorShape.PointingHandCursor)
            done.setToolTip(self.tr("Mark this follow-up as done"))
            done.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            done.clicked.connect(
                lambda _=False, f=follow_up: self.follow_up_done.emit(f.id, f.text)
            )
            self.follow_ups.addWidget(label, number, 0)
            self.follow_ups.addWidget(done, number, 1)
        hidden = len(follow_ups) - SHOWN_FOLLOW_UPS
        if hidden > 0:
            more = QLabel(self.tr("+ {n} more follow-ups on their page").format(n=hidden))
            more.setObjectName("CardSub")
            self.follow_ups.addWidget(more, SHOWN_FOLLOW_UPS, 0, 1, 2)
        self.follow_ups_box.setVisible(bool(follow_ups))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.open_requested.emit(self.inmate_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_requested.emit(self.inmate_id)
            return
        super().keyPressEvent(event)
