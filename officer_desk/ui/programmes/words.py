"""Programme words for the screen (translated) and the language of catalogue names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from officer_desk.domain.programmes import EnrolmentStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("programmes", text)


def language() -> str:
    """ "nb" when the desk runs in Norwegian, else "en": which stored title to show."""
    norwegian = {
        QLocale.Language.NorwegianBokmal,
        QLocale.Language.NorwegianNynorsk,
    }
    return "nb" if QLocale().language() in norwegian else "en"


def pick(en: str, nb: str) -> str:
    return nb if language() == "nb" and nb else en


def statuses() -> dict[str, str]:
    return {
        EnrolmentStatus.WAITING: _t("Waiting list"),
        EnrolmentStatus.ACTIVE: _t("Active"),
        EnrolmentStatus.SUSPENDED: _t("Suspended"),
        EnrolmentStatus.COMPLETED: _t("Completed"),
        EnrolmentStatus.WITHDRAWN: _t("Withdrawn"),
        EnrolmentStatus.DISMISSED: _t("Dismissed"),
    }


def categories() -> dict[str, str]:
    return {"vocational": _t("Vocational"), "school": _t("School")}


def hours(value: float) -> str:
    places = 0 if value >= 10 or value == int(value) else 1
    return QLocale().toString(float(value), "f", places)  # 2,5 in Norwegian


def rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"
