"""Native crashes leave a trace: ``faulthandler`` writes to a file in the log folder, and the
next start finds it.

A crash in Qt's or SQLCipher's C code (a segmentation fault, an abort from ``qFatal``) kills
the process before any Python handler or log line can run.  ``faulthandler`` still writes the
Python stack of every thread to a file opened ahead of time.  While the app runs that file is
empty; a clean exit leaves it empty.  At the next start a file with something in it means the
last run died: it is kept under a dated name (so it is offered once, and a second app on the
same folder cannot truncate it) and the crash dialog offers it.  Plain Python, no Qt: it is
enabled by the launcher before Qt is imported.
"""

from __future__ import annotations

import faulthandler
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from officer_desk import owner_only

CURRENT_NAME = "native-crash.log"
KEPT_PATTERN = "native-crash-*.log"
# The newest few are enough to give facility IT; older ones are removed at start.
KEEP = 5
# A stack dump of every thread is a few kilobytes; more than this is not read into a dialog.
SHOWN_BYTES = 64_000


@dataclass(frozen=True)
class NativeCrash:
    """What the last run left: the kept file and (the start of) what faulthandler wrote."""

    path: Path
    text: str


class CrashLog:
    """The open faulthandler file for this run."""

    def __init__(self, log_folder: Path) -> None:
        self.folder = log_folder
        self.path = log_folder / CURRENT_NAME
        self._file: TextIO | None = None
        self._was_enabled = False

    def enable(self) -> NativeCrash | None:
        """Keep what a crashed last run wrote, then point faulthandler at an empty file.
        Returns the last run's crash, if it crashed.  A folder that cannot be written
        leaves faulthandler off (logged later): a start is never refused for it."""
        try:
            previous = self._keep_previous()
            owner_only.file(self.path)  # it may name accounts in a stack's arguments
            # Append, never truncate: a second app on the same folder shares the file.
            self._file = self.path.open("a", encoding="utf-8")
        except OSError as error:
            print(f"officer-desk: no native crash log: {error}", file=sys.stderr)
            return None
        # The test runner has faulthandler on already (to stderr): it gets it back at the end.
        self._was_enabled = faulthandler.is_enabled()
        faulthandler.enable(self._file, all_threads=True)
        return previous

    def disable(self) -> None:
        """At a clean exit: faulthandler off, the (still empty) file closed."""
        if self._file is None:
            return
        if self._was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__, all_threads=True)
        else:
            faulthandler.disable()
        self._file.close()
        self._file = None

    def _keep_previous(self) -> NativeCrash | None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        kept = self.folder / f"native-crash-{stamp}.log"
        self.path.replace(kept)
        with kept.open("rb") as file:
            text = file.read(SHOWN_BYTES).decode("utf-8", errors="replace")
        for old in sorted(self.folder.glob(KEPT_PATTERN))[:-KEEP]:
            old.unlink(missing_ok=True)
        return NativeCrash(kept, text)
