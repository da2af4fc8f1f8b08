"""Layering: the import contracts hold, Qt stays out of the lower layers, and the first screen
loads only what it needs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import officer_desk

PACKAGE = Path(officer_desk.__file__).parent
QT_FREE = ["domain", "store", "sync", "server", "cli"]


def test_the_layer_contracts_hold() -> None:
    """The contracts in pyproject.toml ([tool.importlinter]): the layers, no Qt below the
    screens, the hub on store and domain only, no cycles between the screens' packages."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_importing_lower_layers_does_not_load_qt_transitively() -> None:
    modules = [f"officer_desk.{layer}" for layer in QT_FREE] + [
        "officer_desk.store.database",
        "officer_desk.store.queries",
        "officer_desk.app.writes",
        "officer_desk.app.people",
        "officer_desk.app.logbook",
        "officer_desk.app.notes",
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + (
            "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(','.join(leaked))\n"
        )
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


LIGHT_MODULES = [
    "officer_desk.app.executor",
    "officer_desk.app.change",
    "officer_desk.app.actor",
    # Signing in up to the first screen: key slots, the light store handle, one query.
    "officer_desk.app.signing_in",
    "officer_desk.store.home",
    "officer_desk.store.connect",
    "officer_desk.store.keyslots",
    "officer_desk.store.migrate",
    "officer_desk.paths",
    "officer_desk.logs",
    # The GUI up to the painted sign-in page and home screen: the sign-in and the heavy
    # stack run on the database worker, which imports them there.
    "officer_desk.ui.launcher",
    "officer_desk.ui.application",
    "officer_desk.ui.first_paint",
    "officer_desk.ui.crash",
    "officer_desk.ui.desk_session",
    "officer_desk.ui.main_window",
    "officer_desk.ui.gate",
    "officer_desk.ui.opening",
    "officer_desk.ui.signin",
    "officer_desk.ui.lock",
    "officer_desk.ui.notice_page",
    "officer_desk.ui.password_dialog",
    "officer_desk.ui.admin_pages",
    "officer_desk.ui.self_test",
]
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")


def test_what_the_first_screen_needs_does_not_load_the_database_stack() -> None:
    """SQLAlchemy, SQLModel and Alembic take longer to import than Qt starts on a 2-core
    workstation; the first painted screen must not wait for them (see store/home.py)."""
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in LIGHT_MODULES)
        + (f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n")
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


# What the window imports before its first screen: everything else is imported when first used
# or after that screen is painted (docs/ARCHITECTURE.md, "Start-up: the light path").
FIRST_SCREEN_MODULES = [
    "officer_desk.ui.launcher",
    "officer_desk.ui.application",
    "officer_desk.ui.first_paint",
    "officer_desk.ui.crash",
    "officer_desk.ui.main_window",
    "officer_desk.ui.gate",
    "officer_desk.ui.desk",
    "officer_desk.ui.home.page",
    "officer_desk.ui.handover.banner",
]
LATER = (
    # The sync: its client (with the ORM) and httpx load on the sync thread after the first
    # screen, its window parts on the worker.
    "httpx",
    "officer_desk.sync.client",
    "officer_desk.ui.sync.install",
    "officer_desk.ui.sync.enrol",
    # Reports (HTML -> PDF through Qt's printing) and what they need.
    "officer_desk.reports",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    # Screens nobody sees on the first screen: built when first opened.
    "officer_desk.ui.unit.supervision",
    "officer_desk.ui.unit.page",
    "officer_desk.ui.conflicts.page",
    "officer_desk.ui.handover.page",
    "officer_desk.ui.handover.detail",
    "officer_desk.store.handover",
    "officer_desk.ui.programmes.caseload",
    "officer_desk.ui.programmes.catalogue",
    "officer_desk.ui.person.page",
    "officer_desk.ui.dialogs.meal",
    "officer_desk.ui.admin_pages",
    "officer_desk.ui.help.dialog",
    "officer_desk.ui.about",
    "officer_desk.ui.language",
    "officer_desk.ui.look_dialog",
    "officer_desk.ui.log_view",
)


def _loaded_after(modules: list[str], watched: tuple[str, ...]) -> list[str]:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"print(','.join(m for m in {watched!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [m for m in result.stdout.strip().split(",") if m]


def test_the_window_before_its_first_screen_does_not_load_later_screens_or_the_sync() -> None:
    assert _loaded_after(FIRST_SCREEN_MODULES, LATER) == []


def test_signing_in_loads_only_the_key_slots_before_argon2id() -> None:
    """The launcher imports ``signing_in`` before Qt and starts Argon2id right after; the
    store's modules load on the worker meanwhile (``EarlyUnlock.open``)."""
    store = ("officer_desk.store.database", "officer_desk.store.migrate", "sqlcipher3")
    assert _loaded_after(["officer_desk.app.signing_in"], store) == []


def test_the_sync_transport_does_not_load_httpxs_command_line() -> None:
    """httpx's command line pulls in click and pygments where installed (the dev tools
    install them): never used by the desk, kept out of its memory."""
    code = (
        "import sys\nimport officer_desk.sync.transport\n"
        "print(','.join(m for m in ('httpx', 'click', 'pygments', 'rich', 'httpx._main') "
        "if sys.modules.get(m) is not None))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "httpx"


def test_no_module_uses_pysides_feature_switches() -> None:
    """The launcher removes PySide's import hook, which only serves ``from __feature__
    import snake_case, true_property`` (and costs every later import its source read)."""
    users = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "__feature__":
                users.append(str(path.relative_to(PACKAGE)))
    assert users == []
