"""Where officer_desk keeps its files: one wrapper around platformdirs, overridable once.

Every path the application uses comes from :func:`app_paths`.  ``--data-dir`` (or the
``OFFICER_DESK_DATA_DIR`` environment variable, which tests and subprocesses use) moves *all*
of them under one folder, so a test never touches the real home directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "officer-desk"
APP_AUTHOR = "officer-desk"
ENV_DATA_DIR = "OFFICER_DESK_DATA_DIR"
STORE_FILENAME = "officer_desk.sqlite"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    log: Path
    cache: Path

    @property
    def store(self) -> Path:
        return self.data / STORE_FILENAME

    @property
    def key_slots(self) -> Path:
        """The store's key-slot file: there when the records are encrypted (looked at before
        the first paint, so the sign-in page can be the first thing painted)."""
        return key_slots_of(self.store)

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def log_file(self) -> Path:
        return self.log / "officer-desk.log"

    def ensure(self) -> AppPaths:
        from officer_desk import owner_only

        for folder in (self.data, self.config, self.log, self.cache, self.backups):
            owner_only.folder(folder)
        return self

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All folders below one root: what ``--data-dir`` means."""
        root = root.expanduser().resolve()
        return cls(data=root, config=root / "config", log=root / "logs", cache=root / "cache")

    @classmethod
    def platform_default(cls) -> AppPaths:
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            config=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            log=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
        )


_configured: AppPaths | None = None


def key_slots_of(store: Path) -> Path:
    """The key-slot file beside a store (``store/keyslots.py`` keeps it; defined here, where
    it costs no import of the cryptography)."""
    return store.with_name(store.name + ".keys")


def configure(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Set the paths once at start-up; ``data_dir`` wins over the environment variable."""
    global _configured
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    _configured = AppPaths.under(Path(chosen)) if chosen else AppPaths.platform_default()
    return _configured


def app_paths() -> AppPaths:
    return _configured if _configured is not None else configure()


def resource_dir() -> Path:
    """``resources/`` (stylesheet, icons, templates, translations).

    It sits beside the package in a source checkout or editable install, and at the bundle's
    root in the PyInstaller app.
    """
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
