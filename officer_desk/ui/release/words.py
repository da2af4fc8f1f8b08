"""Release plan words for the screen (translated): item statuses, the gate, urgency."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from officer_desk.domain.release import GateResult, ItemStatus
from officer_desk.ui.programmes.words import language


def _t(text: str) -> str:
    return QCoreApplication.translate("release", text)


def item_statuses() -> dict[str, str]:
    return {
        ItemStatus.NOT_STARTED: _t("Not started"),
        ItemStatus.IN_PROGRESS: _t("In progress"),
        ItemStatus.DONE: _t("Done"),
        ItemStatus.SUPPORT_DECLINED: _t("Support declined"),
        ItemStatus.NOT_NEEDED: _t("Not needed"),
        # Set by sync, ended by a supervisor's decision: shown, never chosen here.
        ItemStatus.DISPUTED: _t("Disputed: a supervisor decides"),
    }


def pathway_names() -> dict[str, str]:
    from officer_desk.reports.release_plan import pathway_names as from_template

    return from_template(language())


def missing(result: GateResult) -> str:
    """What the gate still lacks, in plain words ("" when it is met)."""
    parts = []
    if not result.housing:
        parts.append(_t("a confirmed place to live"))
    if not result.education_or_work:
        parts.append(_t("a confirmed school place or job"))
    return _t(" and ").join(parts)


def gate_line(result: GateResult) -> str:
    if result.met:
        return _t("Ready: a place to live and a school place or job are confirmed.")
    return _t("Missing: {what}").format(what=missing(result))


def role_name(role: str) -> str:
    return {"officer": _t("Contact officer"), "supervisor": _t("Supervisor")}.get(role, role)
