"""What the sync indicator shows: the state as a value, and the words for it.

The state is plain data the controller replaces as things happen; ``describe`` turns it into
the short text of the status bar, a tone and the longer explanation with what to do.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from officer_desk.app.change import Change
from officer_desk.ui import vocabulary


class Phase(enum.Enum):
    OFF = "off"  # no one signed in (or the desk is locked): no sync, nothing shown
    STANDALONE = "standalone"  # no hub configured: the app works on its own, forever
    IDLE = "idle"  # enrolled; the last sync went well (or none yet)
    SYNCING = "syncing"
    OFFLINE = "offline"  # the hub cannot be reached; retried with a growing pause
    PROBLEM = "problem"  # sync stopped for a reason someone has to act on


class Problem(enum.Enum):
    REVOKED = "revoked"
    CLOCK = "clock"
    UPDATE = "update"
    UPDATE_HUB = "update_hub"  # the hub is older than this workstation's app
    NOT_KNOWN = "not_known"  # the hub does not know this workstation
    INSECURE = "insecure"  # the hub's address is plain http:// on the network: not used
    REFUSED = "refused"
    STORE = "store"  # the local records could not be used (locked, disk full)
    FAULT = "fault"  # a bug; the crash dialog has the details
    EARLIER = "earlier"  # found in the store at sign-in, kind unknown


class Tone(enum.Enum):
    QUIET = "quiet"
    GOOD = "good"
    BUSY = "busy"
    WARN = "warn"
    BAD = "bad"


@dataclass(frozen=True)
class SyncView:
    phase: Phase = Phase.OFF
    hub_url: str | None = None
    last_sync_at: datetime | None = None
    waiting: int = 0
    rejected: int = 0
    problem: Problem | None = None
    detail: str = ""  # the plain words of the hub or the client about the problem
    sent: int = 0  # progress of the running sync
    received: int = 0
    may_enrol: bool = False  # the signed-in person may join this workstation to a hub

    @property
    def enrolled(self) -> bool:
        return self.phase not in (Phase.OFF, Phase.STANDALONE)

    def but(self, **changes: object) -> SyncView:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass
class PulledChange(Change):
    """A ``Change`` that came from the hub: screens refresh from it like from any other, and
    automatic sync does not take it for a local change to send."""


@dataclass
class HubJoined(Change):
    """This workstation has just joined a hub (announced by the enrolment form): the desk's
    sync reads its state again and runs the first sync."""


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncIndicator", text)


def count(number: int) -> str:
    return QLocale().toString(number)


def changes_waiting(waiting: int) -> str:
    if waiting == 1:
        return _t("1 change waiting")
    return _t("{n} changes waiting").format(n=count(waiting))


def clock_time(moment: datetime) -> str:
    return vocabulary.clock(moment)


def when(moment: datetime | None, today: datetime | None = None) -> str:
    if moment is None:
        return _t("never")
    local = moment.astimezone()
    now = (today or datetime.now().astimezone()).astimezone()
    if local.date() == now.date():
        return _t("today at {time}").format(time=vocabulary.clock(local))
    return vocabulary.short_moment(local)


PROBLEM_TITLES = {
    Problem.REVOKED: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Sync stopped: this workstation's access was withdrawn"
    ),
    Problem.CLOCK: QT_TRANSLATE_NOOP("SyncIndicator", "Sync stopped: the clock is wrong"),
    Problem.UPDATE: QT_TRANSLATE_NOOP("SyncIndicator", "Sync stopped: update the app"),
    Problem.UPDATE_HUB: QT_TRANSLATE_NOOP("SyncIndicator", "Sync stopped: the hub needs an update"),
    Problem.NOT_KNOWN: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Sync stopped: the hub does not know this workstation"
    ),
    Problem.INSECURE: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Sync stopped: the hub's address is not secure"
    ),
    Problem.REFUSED: QT_TRANSLATE_NOOP("SyncIndicator", "Sync refused by the hub"),
    Problem.STORE: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Sync stopped: the records could not be used"
    ),
    Problem.FAULT: QT_TRANSLATE_NOOP("SyncIndicator", "Sync stopped by a fault in the app"),
    Problem.EARLIER: QT_TRANSLATE_NOOP("SyncIndicator", "The last sync did not finish"),
}

PROBLEM_ADVICE = {
    Problem.REVOKED: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Ask facility IT to enrol this workstation again (Unit → Settings → Hub)."
    ),
    Problem.CLOCK: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Ask facility IT to set this computer's date and time; sync resumes then."
    ),
    Problem.UPDATE: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Ask facility IT to install the new version of Officer Desk."
    ),
    Problem.UPDATE_HUB: QT_TRANSLATE_NOOP(
        "SyncIndicator",
        "This workstation's Officer Desk is newer than the hub. Ask facility IT to update the "
        "hub; sync resumes then.",
    ),
    Problem.NOT_KNOWN: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Ask facility IT to enrol this workstation again (Unit → Settings → Hub)."
    ),
    Problem.INSECURE: QT_TRANSLATE_NOOP(
        "SyncIndicator",
        "Records are not sent over an unencrypted (http://) connection. Ask facility IT for "
        "the hub's https:// address and to enrol this workstation with it (Unit → Settings → "
        "Hub).",
    ),
    Problem.REFUSED: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Try Sync now later; if it keeps failing, tell facility IT what it says."
    ),
    Problem.STORE: QT_TRANSLATE_NOOP(
        "SyncIndicator", "Close other copies of Officer Desk on this computer and try Sync now."
    ),
    Problem.FAULT: QT_TRANSLATE_NOOP(
        "SyncIndicator", "The details are in the log; tell facility IT. Try Sync now later."
    ),
    Problem.EARLIER: QT_TRANSLATE_NOOP("SyncIndicator", "Sync now tries again."),
}


# Problems whose own words (the hub's refusal, the storage error) say what went wrong.
SHOW_DETAIL = {Problem.REFUSED, Problem.STORE, Problem.FAULT, Problem.EARLIER}


@dataclass(frozen=True)
class Words:
    short: str  # the status bar
    tone: Tone
    long: str  # the panel's explanation (and the indicator's tooltip)


def describe(view: SyncView) -> Words:
    kept = _t("Nothing typed here is lost: changes are kept on this workstation.")
    if view.phase is Phase.OFF:
        return Words("", Tone.QUIET, "")
    if view.phase is Phase.STANDALONE:
        return Words(
            _t("Standalone — not connected to a hub"),
            Tone.QUIET,
            _t(
                "This workstation works on its own; everything is kept here. Facility IT can "
                "join it to the facility's hub to share records with other workstations."
            ),
        )
    if view.phase is Phase.SYNCING:
        if view.received:
            short = _t("Syncing… received {n}").format(n=count(view.received))
        elif view.sent:
            short = _t("Syncing… sent {n}").format(n=count(view.sent))
        else:
            short = _t("Syncing…")
        return Words(
            short,
            Tone.BUSY,
            _t(
                "Sending this workstation's changes and receiving "
                "the others'. Work goes on meanwhile."
            ),
        )
    if view.phase is Phase.OFFLINE:
        short = _t("Offline")
        if view.waiting:
            short = _t("Offline — {waiting}").format(waiting=changes_waiting(view.waiting))
        return Words(
            short,
            Tone.WARN,
            _t(
                "The hub cannot be reached (no network, or the hub is down). Work goes on "
                "here; changes are sent when the hub is back, tried again automatically. "
                "If it lasts, check the network cable or tell facility IT."
            ),
        )
    if view.phase is Phase.PROBLEM and view.problem is not None:
        title = _t(str(PROBLEM_TITLES[view.problem]))
        advice = _t(str(PROBLEM_ADVICE[view.problem]))
        if view.problem is Problem.CLOCK and view.detail:
            long = view.detail  # the hub's words say by how much, and what to do
        elif view.problem in SHOW_DETAIL and view.detail:
            long = f"{view.detail}\n\n{advice}"
        else:
            long = f"{advice}\n{kept}"
        return Words(title, Tone.BAD, long)
    # IDLE: synced, or changes waiting for the next sync
    if view.waiting:
        short = changes_waiting(view.waiting)
        tone = Tone.QUIET
    elif view.last_sync_at is not None:
        short = _t("Synced at {time}").format(time=clock_time(view.last_sync_at))
        tone = Tone.GOOD
    else:
        short = _t("Not synced yet")
        tone = Tone.QUIET
    long = _t("Connected to the hub; changes are sent a few seconds after they are saved.")
    if view.rejected:
        refused = (
            _t("1 change refused")
            if view.rejected == 1
            else _t("{n} changes refused").format(n=count(view.rejected))
        )
        short = f"{short} · {refused}"
        tone = Tone.WARN
        long = _t(
            "The hub refused some changes from this workstation. They are kept here with the "
            "hub's reasons (see the list); a supervisor can enter them again if still needed."
        )
    return Words(short, tone, long)
