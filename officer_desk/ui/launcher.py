"""Entry point of the ``officer-desk`` GUI: arguments, then Qt.

No Qt at module level: ``--version`` answers without loading Qt.  Qt gets ``offscreen`` as its
last platform, so a missing system library or an unreachable display is explained in plain
words (``platform_check``) instead of Qt aborting the process.  With
``--user`` and the password in the environment, Argon2id starts on a thread of its own before
Qt is imported (``signing_in.EarlyUnlock``), so the two overlap on a 2-core workstation.
"""

from __future__ import annotations

import time

# As early as possible: --exit-after-paint reports the time to first paint from here.
STARTED = time.perf_counter()

import argparse  # noqa: E402
import gc  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

from officer_desk import __version__  # noqa: E402

PASSWORD_VARIABLE = "OFFICER_DESK_PASSWORD"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="officer-desk",
        description="The contact officer's desk: caseload, meals, notes, release preparation.",
    )
    parser.add_argument("--data-dir", metavar="D", help="keep records, logs and settings in D")
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty store with demo data, then open it"
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start offscreen, open every main screen, exit 0 or print what failed",
    )
    parser.add_argument(
        "--screenshots", metavar="DIR", help="with --self-test: save screens as DIR/<screen>.png"
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help="sign in as USERNAME; with OFFICER_DESK_PASSWORD set, straight away "
        "(for kiosk tests and benchmarks)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to the console")
    # For benchmarks/startup_bench.py: print when the sign-in page (or, with --user and the
    # password, the home screen) is painted, then quit.
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    # With --exit-after-paint, --user and the password: type it into the sign-in page.
    parser.add_argument("--bench-type-password", action="store_true", help=argparse.SUPPRESS)
    # With --bench-type-password: pause after typing until the key is derived, then Enter.
    parser.add_argument("--bench-pause", action="store_true", help=argparse.SUPPRESS)
    # After home is painted: wait until the desk has settled (the ORM, the audit, the sync
    # and supervisor parts loaded), print that too, then quit: the peak memory at home.
    parser.add_argument("--bench-settle", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    # No cyclic garbage collection until the first screen is painted (application.py resumes
    # it): start-up makes objects that live as long as the app, and each full pass over them
    # holds the interpreter lock for tens of milliseconds.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"officer-desk {__version__}")
        return 0
    if args.screenshots and not args.self_test:
        parser.error("--screenshots works together with --self-test")

    platform_before = None
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    else:
        from officer_desk.ui import platform_check

        # Checked only if Qt fails to open a window (application.run): the check itself
        # costs some 30 ms of loading libraries on every start.
        platform_before = platform_check.fall_back_offscreen(os.environ)

    from officer_desk import paths

    app_paths = paths.configure(args.data_dir).ensure()
    # Read once and drop it, so no child process (a PDF viewer, a shell) inherits it.
    password = os.environ.pop(PASSWORD_VARIABLE, None)
    unlock = None
    if args.user and password and not args.self_test and not args.bench_type_password:
        from officer_desk.app.signing_in import EarlyUnlock

        # As early as the store's path is known: everything below overlaps Argon2id.
        unlock = EarlyUnlock(app_paths.store, args.user, password)

    crash_log = None
    last_crash = None
    if not args.self_test:  # the self-test reports what failed itself
        from officer_desk.native_crash import CrashLog

        # Before Qt, after Argon2id has started: a native crash from here on leaves its
        # stacks in the log folder.
        crash_log = CrashLog(app_paths.log)
        last_crash = crash_log.enable()

    # Logging is set up after the first paint (application.py): nothing logs before it.
    _import_qt_without_its_import_hook()

    from officer_desk.ui.application import run

    try:
        return run(
            args,
            app_paths,
            started=STARTED,
            password=password,
            unlock=unlock,
            platform_before=platform_before,
            last_crash=last_crash,
        )
    finally:
        if crash_log is not None:
            crash_log.disable()


def _import_qt_without_its_import_hook() -> None:
    """Import Qt, then put Python's own ``__import__`` back.

    PySide6 replaces ``__import__`` with a hook that, for every module imported after it,
    reads the module's whole source (``inspect.getsource``) to see whether it uses PySide's
    ``__feature__`` switches (snake_case, true_property), and leaves that source in
    ``linecache``: a fraction of a millisecond of the interpreter lock per module, on every
    thread, and 20-30 MB for the app's few hundred modules.  The desk uses no ``__feature__``
    (``tests/unit/test_layers.py`` checks); modules PySide has not looked at keep its default,
    no feature.  When Qt is already imported (tests), this changes nothing.
    """
    import builtins
    import linecache

    plain = builtins.__import__
    import PySide6.QtCore  # noqa: F401  (installs the hook)

    builtins.__import__ = plain
    linecache.clearcache()


if __name__ == "__main__":
    sys.exit(main())
