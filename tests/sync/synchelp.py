"""Shared pieces of the sync tests: a hub, workstations enrolled with it, state comparison."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from officer_desk.app import people
from officer_desk.app.writes import Actor, write
from officer_desk.domain.signing import bytes_of, derive_signing_key, public_text, sign
from officer_desk.server import db as hub_db
from officer_desk.server.app import create_app, create_enrol_code
from officer_desk.server.authority import trust_admin
from officer_desk.store.database import Store, open_store
from officer_desk.store.keyslots import AccountKey, KdfParams, raw_private
from officer_desk.store.signed_outbox import sign_waiting
from officer_desk.store.tables import Officer
from officer_desk.sync.client import ORDER, SyncClient
from officer_desk.sync.transport import InProcessTransport, Transport

UNIT = "C"
SYNC_META = {"server_version"}

# The signing keys of the test accounts (officer id -> Ed25519 key).  The sync suites give
# every store this one dict (conftest_shared.signed_in_everywhere): as if each account had
# signed in at every workstation, so changes are signed as the desk signs them.
KEYS: dict[str, Any] = {}
# Facility IT's root of trust per unit code ("FACILITY/UNIT" for a facility other than HAL):
# (admin id, public key) registered at each hub when it hands out an enrolment code (Hub.code).
ROOTS: dict[str, list[tuple[str, str]]] = {}
FACILITY = "HAL"


def _place(unit: str, facility: str | None) -> str:
    return unit if facility in (None, FACILITY) else f"{facility}/{unit}"


def make_account_key() -> tuple[str, Any]:
    """An account key text (no password: a random wrapping key, cheap) and its signing key."""
    private = X25519PrivateKey.generate()
    account = AccountKey.wrap(
        private, secrets.token_bytes(32), secrets.token_bytes(16), KdfParams(1, 8 * 1024, 1)
    )
    return account.to_text(), derive_signing_key(raw_private(private))


# The officer of the latest seed_unit: hand-made ops in the hub suites are theirs by default.
LATEST: dict[str, str] = {}


def push_ops(hub: Hub, token: str, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    """Hand-made ops pushed with a device's token; the hub's results, in order."""
    transport = InProcessTransport(hub.app)
    try:
        status, body = transport.send("POST", "/sync/push", token=token, body={"ops": list(ops)})
    finally:
        transport.close()
    assert status == 200, body
    return list(body["results"])


def sign_op(op: dict[str, Any], signer: str | None = None) -> dict[str, Any]:
    """``op`` (a wire dict) signed by ``signer``'s test key (default: the latest seeded unit's
    officer), as a workstation of theirs would sign it."""
    signer = signer or LATEST.get("officer")
    if signer is None:
        return op  # built before any unit was seeded (a parametrised refusal's body)
    return op | {"signer": signer, "signature": sign(KEYS[signer], bytes_of(op, signer))}


def give_keys(store: Store, officer_ids: list[str]) -> None:
    """Give test accounts their keys (in the store, as a standalone store's set-up does)."""
    with write(store, Actor.system("test keys")) as w:
        for officer_id in officer_ids:
            officer = w.session.get(Officer, officer_id)
            assert officer is not None
            text, key = make_account_key()
            w.update(officer, {"account_key": text})
            KEYS[officer_id] = key
    store.signers.update({i: KEYS[i] for i in officer_ids})


def trust_store_admin(engine: sa.Engine, store: Store, officer_id: str, unit: str = UNIT) -> None:
    """Facility IT's ceremony for a real admin account signed in on ``store``: the hub
    trusts their signing key (what ``officer-desk-server trust-admin`` does)."""
    public = public_text(store.signers[officer_id])
    trust_admin(engine, unit_code=unit, officer_id=officer_id, public=public)


def trust_roots(engine: sa.Engine, unit: str, facility: str | None = None) -> None:
    for officer_id, public in ROOTS.get(_place(unit, facility), []):
        trust_admin(
            engine, unit_code=unit, officer_id=officer_id, public=public, facility_code=facility
        )


@dataclass
class Hub:
    engine: sa.Engine
    app: Any

    def code(self, unit: str = UNIT, facility: str | None = None) -> str:
        trust_roots(self.engine, unit, facility)
        return create_enrol_code(self.engine, unit, facility_code=facility)

    def records(self) -> dict[tuple[str, str], dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(hub_db.record)).all()
        return {(r.entity, r.entity_id): json.loads(r.data) | {"_v": r.version} for r in rows}


def to_feed_end(conn: sa.Connection, entity: str, entity_id: str) -> int:
    """After a record was written by hand (a test planting it, a compromised hub): put it at
    the end of the feeds it is pulled in, as the merge does.  Returns the sum of every
    scope's last position (a workstation's cursor position once it has it all, on a hub of
    one unit)."""
    from officer_desk.server.merge import to_feed_end as requeue

    requeue(conn, [(entity, entity_id)])
    return int(conn.execute(sa.select(sa.func.sum(hub_db.scope_seq.c.last))).scalar() or 0)


def make_hub(url: str) -> Hub:
    engine = hub_db.make_engine(url)
    hub_db.upgrade(engine)
    return Hub(engine, create_app(engine))


def workstation(
    path: Path, hub: Hub, transport: Transport | None = None, *, unit: str = UNIT
) -> SyncClient:
    store = open_store(path)
    client = SyncClient(store, transport or InProcessTransport(hub.app))
    client.enroll("https://hub.test", hub.code(unit), path.stem)
    ENROLLED_AT[id(store)] = hub
    return client


# Stores enrolled by workstation() -> their hub: a unit seeded on such a store afterwards is
# set up as an enrolment would (its admin trusted at the hub, the set-up signed by them).
ENROLLED_AT: dict[int, Any] = {}


def seeded_pair(
    folder: Path, hub: Hub, *, persons: int = 3
) -> tuple[SyncClient, SyncClient, dict[str, Any]]:
    """Workstation A sets the unit up on its own and enrols (its admin signs the upload),
    workstation B joins and pulls it: (a, b, seed_unit's info)."""
    store = open_store(folder / "a.sqlite")
    info = seed_unit(store, persons=persons)
    a = SyncClient(store, InProcessTransport(hub.app))
    a.enroll("https://hub.test", hub.code(), "a")
    a.sync_once()
    b = workstation(folder / "b.sqlite", hub)
    b.sync_once()
    return a, b, info


def seed_unit(
    store: Store,
    *,
    persons: int = 3,
    unit_code: str = UNIT,
    numbers_from: int = 1000,
    facility_code: str = FACILITY,
) -> dict[str, Any]:
    """A facility, a unit, an officer, a supervisor and ``persons`` people assigned.  User
    names are unique within a facility: a unit other than C of facility HAL gets its own
    (``kari.d``); another facility's unit C has a ``kari`` of its own."""
    admin = Actor.system("test-admin")
    people.initialise(
        store,
        admin,
        facility_name="Halden fengsel",
        facility_code=facility_code,
        unit_name="Enhet C",
        unit_code=unit_code,
    )
    tail = "" if unit_code == UNIT else f".{unit_code.lower()}"
    officer = people.add_officer(
        store, admin, username=f"kari{tail}", display_name="Kari Nordmann", role="officer"
    )
    supervisor = people.add_officer(
        store, admin, username=f"sara{tail}", display_name="Sara Sjef", role="supervisor"
    )
    unit_admin = people.add_officer(
        store, admin, username=f"ada{tail}", display_name="Ada Admin", role="admin"
    )
    give_keys(store, [officer.id, supervisor.id, unit_admin.id])
    root = (unit_admin.id, public_text(KEYS[unit_admin.id]))
    ROOTS.setdefault(_place(unit_code, facility_code), []).append(root)
    LATEST.update(officer=officer.id, supervisor=supervisor.id, admin=unit_admin.id)
    details = [
        people.InmateDetails(
            prison_number=f"H-{numbers_from + n}",
            full_name=f"Person {n}",
            # Born 1980 to 2004 in turn: everyone an adult, whatever the unit's size.
            date_of_birth=date(1980 + n % 25, 3, 1),
            arrival_date=date(2025, 1, 1),
            expected_release_date=date(date.today().year + 1, 6, 1),
            cell=f"C{n:02d}",
        )
        for n in range(persons)
    ]
    ids = people.add_inmates(store, admin, details, today=date.today()).ids
    # One transaction for all (more than six for one officer only warns): a big unit seeds
    # in seconds, not one audited commit per person.
    with write(store, admin) as w:
        for inmate_id in ids:
            people.assign_in(w, officer_id=officer.id, inmate_id=inmate_id, start=date(2025, 1, 1))
    enrolled_at = ENROLLED_AT.get(id(store))
    if enrolled_at is not None:
        # Seeded after enrolling: facility IT's ceremony, then the admin signs the set-up
        # (what enrolment does for a store seeded before it).
        trust_roots(enrolled_at.engine, unit_code, facility_code)
        with write(store, Actor(unit_admin.id, "Ada Admin", role="admin")) as w:
            db = w.session.connection().connection.driver_connection
            sign_waiting(store, db, upload_signer=unit_admin.id)
    return {
        "officer": officer.id,
        "supervisor": supervisor.id,
        "admin": unit_admin.id,
        "inmates": ids,
    }


def local_rows(client: SyncClient) -> dict[tuple[str, str], dict[str, Any]]:
    """Every synced row of a workstation, as the wire form (JSON-ish) for comparison."""
    from sqlmodel import SQLModel, select

    from officer_desk.store.signed_outbox import payload_of

    out = {}
    with client.store.reading() as session:
        for name in ORDER:
            table = SQLModel.metadata.tables[name]
            model = next(m.class_ for m in SQLModel._sa_registry.mappers if m.local_table is table)
            for row in session.exec(select(model)).all():
                out[(name, str(row.id))] = json.loads(payload_of(row))
    return out


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in SYNC_META and not k.startswith("_")}


# --- a real PostgreSQL for the hub suites -------------------------------------------------

PG_BINS = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))


class Postgres:
    """A throwaway PostgreSQL cluster in a temp dir on a free 127.0.0.1 port (run as
    ``nobody`` when the tests run as root, since PostgreSQL refuses root)."""

    def __init__(self, root: Path) -> None:
        import os
        import pwd
        import socket
        import subprocess

        self.bin = PG_BINS[-1].parent
        self.root = root
        self.data = root / "data"
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(root, nobody.pw_uid, nobody.pw_gid)
            self.prefix = ["runuser", "-u", "nobody", "--"]
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        run = subprocess.run
        run(
            [
                *self.prefix,
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
            ],
            check=True,
            capture_output=True,
        )
        run(
            [
                *self.prefix,
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-w",
                "-l",
                str(root / "log"),
                "-o",
                f"-p {self.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c max_connections=300 -c synchronous_commit=off",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        self.count = 0

    def new_database(self) -> str:
        import psycopg

        self.count += 1
        name = f"hub{self.count}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        import subprocess

        subprocess.run(
            [
                *self.prefix,
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
        )


# --- a real hub process over a socket -------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Certificates:
    """A facility CA (``ca``, what workstations trust) and the hub's certificate signed by it
    for 127.0.0.1 and localhost, with its key: PEM files."""

    ca: Path
    cert: Path
    key: Path


def make_certificates(folder: Path) -> Certificates:
    """A throwaway CA and a hub certificate signed by it (``cryptography``), as facility IT
    would make with openssl (docs/admin-guide.md)."""
    import ipaddress
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.now(UTC)

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("Test facility CA"))
        .issuer_name(name("Test facility CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    made = Certificates(folder / "facility-ca.pem", folder / "hub.pem", folder / "hub.key")
    made.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    made.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    made.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return made


class LiveHub:
    """``officer-desk-server serve`` in a child process (uvicorn, a real socket), on a SQLite
    file by default or ``database_url``, migrated first as an operator would; ``engine``
    reaches the same database for making enrolment codes and looking at the hub's state.
    ``rate_limit``: serve's ``--rate-limit`` (its default when None)."""

    def __init__(
        self,
        folder: Path,
        *,
        database_url: str | None = None,
        workers: int = 1,
        unsigned_benchmark: bool = False,
        tls: Certificates | None = None,
        rate_limit: float | None = None,
        wait: bool = True,
    ) -> None:
        import ssl
        import subprocess
        import sys

        self.folder = folder
        self.port = free_port()
        self.tls = tls
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        args = [
            sys.executable,
            "-m",
            "officer_desk.server.cli",
            "serve",
            "--data-dir",
            str(folder),
            "--port",
            str(self.port),
            "--workers",
            str(workers),
        ]
        if database_url:
            args += ["--database-url", database_url]
        if rate_limit is not None:
            args += ["--rate-limit", str(rate_limit)]
        self.verify: Any = True
        if tls is not None:
            args += ["--ssl-certfile", str(tls.cert), "--ssl-keyfile", str(tls.key)]
            self.verify = ssl.create_default_context(cafile=str(tls.ca))
        self.log = open(folder / "hub.log", "wb")  # noqa: SIM115  (closed in stop())
        import os

        env = dict(os.environ)
        env.pop("OFFICER_DESK_HUB_UNSIGNED_BENCHMARK", None)
        if unsigned_benchmark:  # benchmarks/hub_bench.py's baseline only
            env["OFFICER_DESK_HUB_UNSIGNED_BENCHMARK"] = "1"
        self.engine = hub_db.make_engine(database_url or hub_db.database_url_for(folder))
        hub_db.upgrade(self.engine)  # what ``officer-desk-server migrate`` does; serve won't
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        if wait:
            self.wait_ready()

    def wait_ready(self, seconds: float = 60) -> None:
        """Return once the process answers ``/healthz`` (stopped and RuntimeError if it
        exits or takes longer than ``seconds``)."""
        import time

        import httpx

        deadline = time.monotonic() + seconds
        while True:
            if self.process.poll() is not None:
                said = (self.folder / "hub.log").read_text()[-2000:]
                raise RuntimeError(f"hub exited: {said}")
            try:
                answer = httpx.get(self.url + "/healthz", timeout=1, verify=self.verify)
                if answer.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"hub did not start in {seconds:.0f} s")
            time.sleep(0.1)

    def code(self, unit: str = UNIT, facility: str | None = None) -> str:
        trust_roots(self.engine, unit, facility)
        return create_enrol_code(self.engine, unit, facility_code=facility)

    def records(self) -> dict[tuple[str, str], dict[str, Any]]:
        return Hub(self.engine, None).records()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except Exception:
            self.process.kill()
            self.process.wait(10)
        self.engine.dispose()
        self.log.close()


# --- several hub processes on one PostgreSQL (issue 15 item 4) ------------------------------


class LiveHubCluster:
    """``processes`` separate ``officer-desk-server serve`` processes (each its own port,
    one worker) in front of one PostgreSQL database, as behind the load balancer of
    packaging/server/: any of them may answer any workstation's request.  ``urls`` are the
    processes' addresses; ``engine``, ``code`` and ``records`` as for :class:`LiveHub`.  The
    processes start together (each migrates first, as ``officer-desk-server migrate`` in
    every unit's ``ExecStartPre`` would; the lock makes the later ones find the schema at
    head)."""

    def __init__(
        self,
        folder: Path,
        database_url: str,
        *,
        processes: int = 3,
        rate_limit: float | None = None,
        unsigned_benchmark: bool = False,
    ) -> None:
        self.hubs: list[LiveHub] = []
        try:
            for n in range(processes):
                home = folder / f"hub{n}"
                home.mkdir(parents=True, exist_ok=True)
                self.hubs.append(
                    LiveHub(
                        home,
                        database_url=database_url,
                        rate_limit=rate_limit,
                        unsigned_benchmark=unsigned_benchmark,
                        wait=False,
                    )
                )
            for hub in self.hubs:
                hub.wait_ready()
        except BaseException:
            self.stop()
            raise
        self.urls = [hub.url for hub in self.hubs]
        self.url = self.urls[0]
        self.engine = self.hubs[0].engine

    def code(self, unit: str = UNIT, facility: str | None = None) -> str:
        return self.hubs[0].code(unit, facility)

    def records(self) -> dict[tuple[str, str], dict[str, Any]]:
        return self.hubs[0].records()

    def transport(self, seed: int = 0, *, hop: float = 0.0) -> SwitchingTransport:
        """A workstation's way to the cluster: starts at process ``seed`` (workstations are
        spread over the processes) and goes to another one for a request with chance
        ``hop`` (seeded), or when told (``SwitchingTransport.switch``)."""
        return SwitchingTransport(self.urls, seed, hop=hop)

    def stop(self) -> None:
        for hub in self.hubs:
            hub.stop()


class SwitchingTransport:
    """One workstation's requests spread over several hub processes (a load balancer's
    view): ``at`` is the process the next request goes to; ``hop`` the chance (seeded) that
    a request goes to another one instead, which stays the current one.  ``visits`` counts
    requests per process, so a test can show the workstation used all of them."""

    def __init__(self, urls: list[str], seed: int = 0, *, hop: float = 0.0) -> None:
        import random

        from officer_desk.sync.transport import HttpxTransport

        self.transports = [HttpxTransport(url) for url in urls]
        self.at = seed % len(urls)
        self.hop = hop
        self.rng = random.Random(seed)
        self.visits = [0] * len(urls)

    def switch(self, to: int | None = None) -> None:
        """Go to process ``to`` (default: the next one)."""
        self.at = (self.at + 1 if to is None else to) % len(self.transports)

    def _pick(self) -> Transport:
        if self.hop and self.rng.random() < self.hop:
            self.switch(self.rng.randrange(len(self.transports)))
        self.visits[self.at] += 1
        return self.transports[self.at]

    def send(self, method: str, path: str, **kw: Any) -> tuple[int, Any]:
        return self._pick().send(method, path, **kw)

    def fetch_raw(self, path: str, **kw: Any) -> tuple[int, bytes]:
        chosen: Any = self._pick()
        return chosen.fetch_raw(path, **kw)  # type: ignore[no-any-return]

    def close(self) -> None:
        for transport in self.transports:
            transport.close()
