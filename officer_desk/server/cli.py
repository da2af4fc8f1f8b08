"""``officer-desk-server``: migrate and run the sync hub, make enrolment codes, revoke
workstations, prune old op results.

Only ``migrate`` changes the hub's schema; every other command refuses a database whose schema
is not the one it reads, with a plain message and exit code 3 (several processes starting
together never race at a migration)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from officer_desk import __version__
from officer_desk.domain.loopback import is_loopback

DEFAULT_DATA_DIR = Path(os.environ.get("OFFICER_DESK_HUB_DATA_DIR", "/var/lib/officer-desk-hub"))


class Refused(Exception):
    """A command cannot run on this database; ``str`` says why in plain words (exit 3)."""


def _connect(args: argparse.Namespace) -> Any:
    from officer_desk.server import db

    url = args.database_url or os.environ.get("OFFICER_DESK_HUB_DATABASE_URL")
    if not url:
        url = db.database_url_for(Path(args.data_dir))
    return db.make_engine(url)


def _engine(args: argparse.Namespace) -> Any:
    """The hub's database, whose schema must be at head (``migrate`` brings it there)."""
    import sqlalchemy as sa

    from officer_desk.server import db
    from officer_desk.server.redact import error_words

    engine = _connect(args)
    try:
        db.require_head(engine)
    except db.SchemaNotCurrent as why:
        engine.dispose()
        raise Refused(str(why)) from None
    except sa.exc.DBAPIError as error:
        engine.dispose()
        raise Refused(f"cannot reach the hub database ({error_words(error)}).") from None
    return engine


def app_from_environment() -> Any:
    """The app for one uvicorn worker process (``serve --workers N``; ``serve`` checked the
    schema before it started them)."""
    from officer_desk.server import db
    from officer_desk.server.app import create_app
    from officer_desk.server.operations import HubSettings

    return create_app(
        db.make_engine(os.environ["OFFICER_DESK_HUB_DATABASE_URL"]),
        verify_signatures=_verify_signatures(),
        settings=HubSettings.from_env(),
    )


# Only benchmarks/hub_bench.py sets this, to measure the hub without signature checks in the
# same run (its baseline).  A hub started so takes authors from the changes themselves.
UNSIGNED_BENCHMARK = "OFFICER_DESK_HUB_UNSIGNED_BENCHMARK"


def _verify_signatures() -> bool:
    if os.environ.get(UNSIGNED_BENCHMARK) == "1":
        logging.getLogger("officer_desk.server").warning(
            "%s=1: signatures are NOT checked (a benchmark baseline, never a real hub)",
            UNSIGNED_BENCHMARK,
        )
        return False
    return True


def plain_http_refusal(host: str, tls: bool, behind_proxy: bool) -> str | None:
    """Why ``serve`` will not listen on ``host``, in plain words; None when it may.  Plain HTTP
    only on this computer itself (127.0.0.0/8, ::1, localhost): anywhere else workstations'
    records and tokens would cross the network in clear text, unless a reverse proxy in front
    terminates TLS (``--behind-tls-proxy``)."""
    if tls or behind_proxy or is_loopback(host):
        return None
    return (
        f"refusing to serve plain HTTP on {host}: workstations would send records and their "
        "keys across the network unencrypted. Give --ssl-certfile and --ssl-keyfile (the "
        "hub's certificate and key; docs/admin-guide.md, 'The hub's TLS certificate'), or "
        "--behind-tls-proxy if a reverse proxy in front of the hub terminates TLS, or serve "
        "on 127.0.0.1."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="officer-desk-server", description="The Officer Desk sync hub."
    )
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR), help="SQLite hub folder")
        p.add_argument(
            "--database-url", default=None, help="e.g. postgresql+psycopg://user@host/db"
        )

    migrate = sub.add_parser(
        "migrate",
        help="bring the hub's schema to this version's (run it before serve after every "
        "install or update; safe to run again, and several at once take turns)",
    )
    common(migrate)

    prune = sub.add_parser("prune", help="delete op results older than --keep-results-days")
    common(prune)
    prune.add_argument("--keep-results-days", type=float, default=30.0)

    serve = sub.add_parser("serve", help="run the hub (after 'migrate')")
    common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--workers",
        type=int,
        default=max(1, os.cpu_count() or 1),
        help="hub processes (default: one per core; each checks signatures on its own core, "
        "while writes stay one at a time)",
    )
    serve.add_argument(
        "--ssl-certfile", default=None, help="the hub's certificate (PEM, with its chain)"
    )
    serve.add_argument("--ssl-keyfile", default=None, help="the certificate's private key (PEM)")
    serve.add_argument(
        "--behind-tls-proxy",
        action="store_true",
        help="serve plain HTTP on a non-loopback address because a reverse proxy in front "
        "of the hub terminates TLS (its certificate is the proxy's)",
    )
    serve.add_argument(
        "--rate-limit",
        type=float,
        default=50.0,
        help="requests a second each workstation may make, sustained, per hub process "
        "(over it: 429 with Retry-After, and the workstation waits); 0: no limit",
    )
    serve.add_argument(
        "--burst", type=int, default=500, help="requests a workstation may make at once"
    )
    serve.add_argument(
        "--keep-results-days",
        type=float,
        default=30.0,
        help="op results older than this are pruned (a workstation's latest push's are kept)",
    )
    serve.add_argument(
        "--prune-every-hours", type=float, default=6.0, help="how often to prune; 0: never"
    )
    serve.add_argument(
        "--metrics-token-file",
        default=None,
        help="a file holding the bearer token /metrics wants (without one, /metrics answers "
        "only requests from this computer that did not come through a proxy)",
    )

    enroll = sub.add_parser("enroll-device", help="print a one-time enrolment code")
    common(enroll)
    enroll.add_argument(
        "--facility",
        default=None,
        help="the facility code, e.g. HAL (needed when the hub serves several facilities)",
    )
    enroll.add_argument("--unit", required=True, help="the unit code within it, e.g. C")
    enroll.add_argument("--hours", type=float, default=24.0, help="how long the code is valid")

    revoke = sub.add_parser("revoke-device", help="withdraw a workstation's access")
    common(revoke)
    revoke.add_argument("device_id")

    trust = sub.add_parser(
        "trust-admin",
        help="facility IT: trust a unit's first admin (the root of trust; docs/admin-guide.md)",
    )
    common(trust)
    trust.add_argument(
        "--facility",
        default=None,
        help="the facility code, e.g. HAL (needed when the hub serves several facilities)",
    )
    trust.add_argument("--unit", required=True, help="the unit code within it, e.g. C")
    trust.add_argument("--officer", required=True, help="the admin's account id")
    trust.add_argument("--key", required=True, help="the admin's signing key (44 characters)")

    refusals = sub.add_parser("refusals", help="list the latest changes the hub refused")
    common(refusals)
    refusals.add_argument("--limit", type=int, default=50)

    heads = sub.add_parser(
        "audit-heads",
        help="print a workstation's anchored audit heads as JSON (to check a seized store with "
        "'officer-desk-admin verify --heads FILE')",
    )
    common(heads)
    heads.add_argument("--device", required=True, help="the workstation's device id")

    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        return _run(parser, args)
    except Refused as why:
        print(f"officer-desk-server: {why}", file=sys.stderr)
        return 3


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "migrate":
        return _migrate(args)
    if args.command == "prune":
        from datetime import timedelta

        from officer_desk.server import db

        gone = db.prune_results(_engine(args), timedelta(days=args.keep_results_days))
        results = "1 op result" if gone == 1 else f"{gone} op results"
        print(f"Pruned {results} older than {args.keep_results_days:g} days.")
        return 0
    if args.command == "serve":
        if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
            parser.error("--ssl-certfile and --ssl-keyfile go together")
        refusal = plain_http_refusal(args.host, bool(args.ssl_certfile), args.behind_tls_proxy)
        if refusal is not None:
            print(f"officer-desk-server: {refusal}", file=sys.stderr)
            return 2
        for name in (args.ssl_certfile, args.ssl_keyfile, args.metrics_token_file):
            if name and not Path(name).is_file():
                print(f"officer-desk-server: {name} is not a readable file.", file=sys.stderr)
                return 2
        import uvicorn

        from officer_desk.server.app import create_app
        from officer_desk.server.operations import SETTINGS_ENV, HubSettings

        settings = HubSettings(
            rate=max(0.0, args.rate_limit),
            burst=max(1, args.burst),
            keep_results_days=args.keep_results_days,
            prune_every_hours=max(0.0, args.prune_every_hours),
            metrics_token=(
                Path(args.metrics_token_file).read_text().strip()
                if args.metrics_token_file
                else None
            ),
        )
        engine = _engine(args)  # checked once, here, before any worker starts
        options: dict[str, Any] = dict(
            host=args.host,
            port=args.port,
            ssl_certfile=args.ssl_certfile,
            ssl_keyfile=args.ssl_keyfile,
            log_level="warning",
            access_log=False,
            http="officer_desk.server.serving:NoDelayHTTPProtocol",
        )
        if args.workers > 1:
            # Worker processes each build the app from the environment (the hub is stateless
            # apart from its database, so they share it safely).
            os.environ["OFFICER_DESK_HUB_DATABASE_URL"] = engine.url.render_as_string(
                hide_password=False
            )
            os.environ[SETTINGS_ENV] = settings.to_env()
            # prometheus-client adds the workers' counts up from files here (a fresh folder
            # each start: counters restart with the hub, as Prometheus expects).
            import tempfile

            metrics_dir = tempfile.mkdtemp(prefix="officer-desk-hub-metrics-")
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
            engine.dispose()
            uvicorn.run(
                "officer_desk.server.cli:app_from_environment",
                factory=True,
                workers=args.workers,
                **options,
            )
            import shutil

            shutil.rmtree(metrics_dir, ignore_errors=True)
            return 0
        app = create_app(engine, verify_signatures=_verify_signatures(), settings=settings)
        uvicorn.run(app, **options)
        return 0
    if args.command == "enroll-device":
        from datetime import timedelta

        from officer_desk.server.app import create_enrol_code
        from officer_desk.server.places import PlaceError

        engine = _engine(args)
        try:
            code = create_enrol_code(
                engine, args.unit, timedelta(hours=args.hours), facility_code=args.facility
            )
        except PlaceError as error:
            print(str(error), file=sys.stderr)
            return 2
        finally:
            engine.dispose()  # a PostgreSQL connection closed, not left to the collector
        print(code)
        where = f"unit {args.unit}" + (f" of facility {args.facility}" if args.facility else "")
        print(
            f"One-time code for a workstation of {where}, valid {args.hours:g} hours.",
            file=sys.stderr,
        )
        return 0
    if args.command == "revoke-device":
        from officer_desk.server.app import revoke_device

        if revoke_device(_engine(args), args.device_id):
            print(f"Workstation {args.device_id} can no longer sync.")
            return 0
        print(f"No active workstation {args.device_id}.", file=sys.stderr)
        return 1
    if args.command == "trust-admin":
        from officer_desk.domain.signing import fingerprint
        from officer_desk.server.authority import trust_admin
        from officer_desk.server.places import PlaceError

        try:
            trust_admin(
                _engine(args),
                unit_code=args.unit,
                officer_id=args.officer,
                public=args.key,
                facility_code=args.facility,
            )
        except PlaceError as error:
            print(str(error), file=sys.stderr)
            return 2
        except ValueError as error:
            print(f"{error} Copy it again from 'officer-desk-admin signing-key'.", file=sys.stderr)
            return 2
        print(
            f"Admin {args.officer} of unit {args.unit} is trusted; key fingerprint "
            f"{fingerprint(args.key)} (compare it with the one the workstation showed)."
        )
        return 0
    if args.command == "refusals":
        from officer_desk.server.authority import refusals as latest

        for row in latest(_engine(args), max(1, min(args.limit, 10_000))):
            print(
                f"{row['at']:%Y-%m-%d %H:%M:%S} device {row['device_id']} "
                f"signer {row['claimed_signer'] or '-'} {row['entity']} {row['entity_id']}: "
                f"{row['reason']}"
            )
        return 0
    if args.command == "audit-heads":
        from officer_desk.server.app import audit_heads

        with _engine(args).connect() as conn:
            print(audit_heads(conn, args.device).model_dump_json(indent=2))
        return 0
    return 2


def _migrate(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from officer_desk.server import db
    from officer_desk.server.redact import error_words

    engine = _connect(args)
    try:
        before, after = db.upgrade(engine)
    except sa.exc.DBAPIError as error:
        raise Refused(f"cannot migrate the hub database ({error_words(error)}).") from None
    finally:
        engine.dispose()
    if before == after:
        print(f"The hub schema is already at {after}.")
    else:
        print(f"The hub schema is now at {after} (was {before or 'empty'}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
