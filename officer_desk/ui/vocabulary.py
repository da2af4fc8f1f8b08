"""The unit's vocabularies in words for the screen (translated), keyed by the stored values."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from officer_desk.domain.enums import (
    ActivityCategory,
    ActivityOutcome,
    DeclineReason,
    Meal,
    MealOutcome,
    NoteKind,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("vocabulary", text)


def meals() -> dict[str, str]:
    return {
        Meal.BREAKFAST: _t("Breakfast"),
        Meal.LUNCH: _t("Lunch"),
        Meal.DINNER: _t("Dinner"),
        Meal.EVENING: _t("Evening meal"),
    }


def meal_outcomes() -> dict[str, str]:
    return {
        MealOutcome.ATE: _t("Ate"),
        MealOutcome.PARTIAL: _t("Ate some"),
        MealOutcome.DECLINED: _t("Declined"),
        MealOutcome.AWAY: _t("Away"),
    }


def decline_reasons() -> dict[str, str]:
    return {
        DeclineReason.NOT_HUNGRY: _t("Not hungry"),
        DeclineReason.RELIGIOUS_OR_DIET: _t("Religion or diet"),
        DeclineReason.MEDICAL: _t("Medical"),
        DeclineReason.ASLEEP: _t("Asleep"),
        DeclineReason.PROTEST: _t("Protest"),
        DeclineReason.OTHER: _t("Other reason"),
    }


def activity_categories() -> dict[str, str]:
    return {
        ActivityCategory.WORK: _t("Work / workshop"),
        ActivityCategory.SCHOOL: _t("School"),
        ActivityCategory.GYM: _t("Gym and sport"),
        ActivityCategory.RECREATION: _t("Recreation / common room"),
        ActivityCategory.COOKING: _t("Cooking"),
        ActivityCategory.VISIT: _t("Visit"),
        ActivityCategory.PHONE_CALL: _t("Phone call"),
        ActivityCategory.RELIGIOUS_SERVICE: _t("Religious service"),
        ActivityCategory.HEALTH: _t("Health appointment"),
        ActivityCategory.PROGRAMME: _t("Programme session"),
    }


def activity_outcomes() -> dict[str, str]:
    return {
        ActivityOutcome.ATTENDED: _t("Attended"),
        ActivityOutcome.REFUSED: _t("Refused"),
        ActivityOutcome.SICK: _t("Sick"),
        ActivityOutcome.NOT_REQUIRED: _t("Not required"),
        ActivityOutcome.CANCELLED: _t("Cancelled"),
        ActivityOutcome.CLASH: _t("Clash"),
        ActivityOutcome.OTHER: _t("Other"),
    }


def note_kinds() -> dict[str, str]:
    return {
        NoteKind.POSITIVE: _t("Strength / progress"),
        NoteKind.GENERAL: _t("General"),
        NoteKind.CONCERN: _t("Concern"),
        NoteKind.SAFETY: _t("Safety"),
    }


def moods() -> dict[int, str]:
    return {1: _t("Very low"), 2: _t("Low"), 3: _t("Okay"), 4: _t("Good"), 5: _t("Very good")}


def meal_for_time(at: time) -> Meal:
    """The meal an officer is most likely logging at this time of day."""
    if at < time(10, 30):
        return Meal.BREAKFAST
    if at < time(15, 0):
        return Meal.LUNCH
    if at < time(19, 0):
        return Meal.DINNER
    return Meal.EVENING


def date_format() -> str:
    """The app's one date pattern, shown and typed alike: ``23 Nov 2026``, unambiguous in
    every locale, month names translated.  The pattern itself is translated: Norwegian
    writes ``23. nov. 2026``."""
    return _t("d MMM yyyy")


def short_date(day: date) -> str:
    """A date in the app's one format (:func:`date_format`)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), date_format())


def date_input_format() -> str:
    """The pattern of date fields: the same as every date shown (:func:`date_format`)."""
    return date_format()


def date_time_input_format() -> str:
    """The pattern of date-and-time fields: the date as everywhere, the time as a clock."""
    return f"{date_format()} HH:mm"


def with_weekday(day: date) -> str:
    """``Thursday 3 Dec 2026``: the date as everywhere, its weekday named first."""
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
    return f"{weekday} {short_date(day)}"


def clock(moment: datetime) -> str:
    """The local time of day in the locale's short form (``14:05``; ``2:05 PM`` in en_US)."""
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def day_and_time(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{short_date(local.date())} {clock(local)}"


def short_moment(moment: datetime) -> str:
    """Date and time for lists: ``23. nov. 2026 14:05`` in Norwegian (the one date format)."""
    return day_and_time(moment)


def decimal(value: float, places: int = 1) -> str:
    """A number with the locale's decimal sign (``2,5`` in Norwegian)."""
    return QLocale().toString(float(value), "f", places)


def days(count: int) -> str:
    if count == 1:
        return _t("1 day")
    return _t("{n} days").format(n=count)
