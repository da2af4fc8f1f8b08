"""Logging set-up: one logger per area, a rotating file in the platform log folder."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Any

from officer_desk import owner_only
from officer_desk.paths import AppPaths

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the first and each one after a rotation) is 0600: the
    log names accounts and workstations."""

    def _open(self) -> Any:
        owner_only.file(Path(self.baseFilename))
        return super()._open()


def configure_logging(paths: AppPaths, *, verbose: bool = False) -> None:
    root = logging.getLogger("officer_desk")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if any(getattr(h, "_officer_desk", False) for h in root.handlers):
        return
    owner_only.folder(paths.log)
    file_handler = PrivateRotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler._officer_desk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if verbose:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(logging.Formatter(FORMAT))
        console._officer_desk = True  # type: ignore[attr-defined]
        root.addHandler(console)


def tail(log_file: Path, lines: int = 500) -> list[str]:
    """The last ``lines`` lines of the log, oldest first, from the rotated file before it
    when the current one is shorter (just rotated); [] when there is no log yet.

    Read from the end (at most about 400 bytes a line), so a 2 MB log costs no more than a
    short one.  Bytes that are not UTF-8 are shown replaced, never refused.
    """
    found: list[str] = []
    for path in (log_file, log_file.with_name(log_file.name + ".1")):
        wanted = lines - len(found)
        if wanted <= 0:
            break
        found = _last_lines(path, wanted) + found
    return found


def _last_lines(path: Path, count: int) -> list[str]:
    try:
        with path.open("rb") as file:
            size = file.seek(0, 2)
            start = max(0, size - count * 400)
            file.seek(start)
            data = file.read()
    except FileNotFoundError:
        return []
    text = data.decode("utf-8", errors="replace").splitlines()
    if start > 0 and text:
        text = text[1:]  # began mid-line
    return text[-count:]
