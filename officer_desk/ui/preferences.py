"""The workstation's preferences file, ``<config>/preferences.ini``: the one way to open it, its
version, and the ordered steps that bring an older file up to date at start-up.

What lives there (the interface's language and look) belongs to the operating-system account,
not to an officer: it is read before anyone signs in (see ``ui/i18n.py``).  Each step is a
function of the open settings that moves a file from version N-1 to N (a key renamed, a value
whose meaning changed, a key dropped); :func:`upgrade` runs the ones a file has not had, in
order, and writes the version after each, so an interrupted upgrade resumes where it stopped.
A file from a newer app (a higher version) is left exactly as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

log = logging.getLogger("officer_desk.ui")

FILENAME = "preferences.ini"
VERSION_KEY = "settings/version"


def open_preferences(config_dir: Path) -> QSettings:
    return QSettings(str(config_dir / FILENAME), QSettings.Format.IniFormat)


def _first_version(_settings: QSettings) -> None:
    """1: files written before the version existed.  Their keys (``interface/language``,
    ``interface/look``) keep their names and values, so there is nothing to move: this step
    only gives the file a version for the next step to start from."""


# In order: UPGRADES[n - 1] brings a file from version n - 1 to n.  Append, never reorder.
UPGRADES: tuple[Callable[[QSettings], None], ...] = (_first_version,)
VERSION = len(UPGRADES)


def version_of(settings: QSettings) -> int:
    """The file's version; 0 for a file written before versions (or one with a garbled
    version, which is then upgraded like one: every step is safe on a current file)."""
    value = settings.value(VERSION_KEY, 0)
    try:
        return max(0, int(str(value)))
    except ValueError:
        return 0


def upgrade(config_dir: Path) -> int:
    """Run the steps the file at ``config_dir`` has not had; returns its version after."""
    settings = open_preferences(config_dir)
    found = version_of(settings)
    if found > VERSION:
        log.warning(
            "%s is version %d, newer than this app's %d: left as it is",
            settings.fileName(),
            found,
            VERSION,
        )
        return found
    for number in range(found + 1, VERSION + 1):
        UPGRADES[number - 1](settings)
        settings.setValue(VERSION_KEY, number)
        settings.sync()
        log.info("%s upgraded to version %d", settings.fileName(), number)
    return version_of(settings)
