"""Logging set-up: one logger per area, a rotating file in the platform log folder."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from officer_desk.paths import AppPaths

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(paths: AppPaths, *, verbose: bool = False) -> None:
    root = logging.getLogger("officer_desk")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if any(getattr(h, "_officer_desk", False) for h in root.handlers):
        return
    paths.log.mkdir(parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
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
