"""The workstation's side of sync: enrol, then ``sync_once`` = hello → push → pull (→ snapshot /
drop for people who entered or left the unit).  Never on the GUI thread (it blocks on the
network); the app's database worker or ``officer-desk-admin sync`` calls it.

* Push: the outbox in batches (≤ 500).  Acknowledged ops leave the outbox in the transaction
  that records their hub version; rejected ones move to ``rejected_change`` (a visible list).
  A lost answer is harmless: the hub answers a repeated ``op_id`` with its stored result.
* Pull: pages after the cursor; each page is applied and the cursor advanced in ONE transaction
  with one audit entry, so a crash leaves either the whole page or none of it.  Pulled rows
  never enter the outbox.  A row with changes still waiting to be pushed keeps those fields (the
  hub merges them when they arrive, and the next pull brings the result).
* The apply path writes through a DB-API connection of its own with foreign keys off: pages
  arrive in hub order, which can put a child before a parent the hub touched later; the hub
  only holds records whose parents it has, so the store is whole again once the pull finishes.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from pydantic_core import from_json

from officer_desk import __version__
from officer_desk.domain import moments, permissions, signing
from officer_desk.store import audit, search
from officer_desk.store.connect import connect
from officer_desk.store.database import HLC_HIGH, Store, _apply_pragmas
from officer_desk.store.signed_outbox import sign_waiting
from officer_desk.sync import crashpoints, held, payloads, pulled
from officer_desk.sync import protocol as p
from officer_desk.sync.address import require_secure_hub
from officer_desk.sync.errors import (
    ClockOff,
    DeviceRevoked,
    HubRefused,
    HubUnreachable,
    NotEnrolled,
    SyncProblem,
    UpdateTheApp,
    UpdateTheHub,
)
from officer_desk.sync.held import (
    DROP,
    ConflictItem,
    ProblemItem,
    RejectedItem,
    SyncStatus,
    loads_or_text,
)
from officer_desk.sync.pulled import Incoming
from officer_desk.sync.transport import (
    HttpxTransport,
    InProcessTransport,
    Transport,
)
from officer_desk.sync.trust import Root, Trust, in_force

log = logging.getLogger("officer_desk.sync")

SYNC_SCHEMA_VERSION = 2  # = store.tables.SYNC_SCHEMA_VERSION (not imported: keeps this light)
ORDER = p.PARENTS_FIRST
RANK = p.RANK
# How a child row reaches its person (for draining and dropping a person who left the unit).
PERSON_PATH = {
    "case_note_revision": "SELECT inmate_id FROM case_note WHERE id = "
    "(SELECT note_id FROM case_note_revision WHERE id = ?)",
    "milestone_signoff": "SELECT inmate_id FROM enrolment WHERE id = "
    "(SELECT enrolment_id FROM milestone_signoff WHERE id = ?)",
    "release_plan_item": "SELECT inmate_id FROM release_plan WHERE id = "
    "(SELECT plan_id FROM release_plan_item WHERE id = ?)",
    "referral": "SELECT rp.inmate_id FROM release_plan rp JOIN release_plan_item i "
    "ON i.plan_id = rp.id WHERE i.id = (SELECT item_id FROM referral WHERE id = ?)",
    "release_signoff": "SELECT inmate_id FROM release_plan WHERE id = "
    "(SELECT plan_id FROM release_signoff WHERE id = ?)",
}

# Records with a unique place the hub may refuse a second one for (server/invariants.py):
# the columns of that place, and the children (table, WHERE with the record's id) that go
# with a refused one here.
REFUSED_ROOM: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "release_plan": (
        ("inmate_id",),
        (
            ("referral", "item_id IN (SELECT id FROM release_plan_item WHERE plan_id = ?)"),
            ("release_signoff", "plan_id = ?"),
            ("release_plan_item", "plan_id = ?"),
        ),
    ),
    "milestone_signoff": (("enrolment_id", "milestone_id"), ()),
    "release_signoff": (("plan_id", "role"), ()),
}

K_URL, K_TOKEN, K_DEVICE, K_UNIT = "sync.hub_url", "sync.token", "sync.hub_device", "sync.unit"
MAX_PROBLEM_TEXT = 100_000  # of a put-aside record's raw text

K_CURSOR, K_LAST, K_PROBLEM, K_LEAVING = (
    "sync.cursor",
    "sync.last_sync_at",
    "sync.last_problem",
    "sync.leaving",
)
# The roots of trust pinned at enrolment (sync/trust.py).
K_ROOTS = "sync.roots"
# People purged at another workstation whose records this one still has to drop.
K_PURGED = "sync.purged"
# The last audit chain head the hub kept for this workstation (JSON seq and hash).
K_ANCHOR = audit.ANCHOR_SETTING


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    pulled: int = 0
    pages: int = 0
    snapshots: int = 0
    dropped: list[str] = field(default_factory=list)
    # Pulled records not stored here: a kind of record this version does not know, a record
    # this workstation cannot read or one that clashed with a local unique value (logged);
    # ``pulled`` counts them too.
    skipped: int = 0
    # Of those, the records put aside in the problems list (``SyncClient.problems()``) by this
    # sync because this workstation cannot read them; the rest of their page was applied.
    problems: int = 0
    cursor: int = 0
    seconds: float = 0.0
    # Changes held back until their author signs in here (nothing unsigned is sent).
    unsigned: int = 0
    # The audit entry this sync anchored at the hub (None: nobody signed in to sign it), and
    # the hub's refusal when the chain no longer holds what it anchored before.
    anchored: int | None = None
    anchor_refused: str = ""


def _newest(values: Iterable[Any]) -> str:
    """The newest of some clock values (text that is no timestamp is left out: it would sort
    above every real one)."""
    return max((v for v in values if isinstance(v, str) and v[:1].isdigit()), default="")


def _raise_clock_mark(db: Any, hlc: str) -> None:
    """Raise the store's clock mark (``database.HLC_HIGH``, read when the store opens and
    before each write) to ``hlc``, inside the caller's transaction."""
    if hlc:
        db.execute(
            "INSERT INTO local_setting (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
            (HLC_HIGH, hlc),
        )


class SyncClient:
    """One workstation's sync with its hub.  Not thread-safe: call from one worker."""

    def __init__(
        self,
        store: Store,
        transport: Transport | None = None,
        *,
        batch_size: int = p.MAX_BATCH,
        page_size: int = p.MAX_PAGE,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        on_page: Callable[[str, int], None] | None = None,
    ) -> None:
        self.store = store
        self._transport = transport
        self._own_transport = False
        self.batch_size = min(batch_size, p.MAX_BATCH)
        self.page_size = min(page_size, p.MAX_PAGE)
        self.now = now
        # Called after each pushed batch / applied page (progress for the status bar; the
        # kill -9 tests use it to print markers).
        self.on_page = on_page
        # Fetch the next pull page while applying this one: right over a network; with the
        # hub in this process (tests, benchmarks) the two fight over the GIL instead.
        self.prefetch = not isinstance(transport, InProcessTransport)
        self._db: Any = None
        self.put_aside = 0  # pulled records put in the problems list by this object
        # Check pulled rights-granting records against signatures (False only for the sync
        # benchmark's baseline); the replayed account log, once fetched.
        self.check_rights = True
        self._trust: Trust | None = None
        self._inflight: Any = None  # the pull page being fetched meanwhile (a Future)
        self._purged: set[str] = set()  # purged people seen in the page being applied

    # --- plumbing -----------------------------------------------------------------------

    def _conn(self) -> Any:
        if self._db is None:
            self._db = connect(
                self.store.path, self.store.key, isolation_level=None, check_same_thread=False
            )
            _apply_pragmas(self._db)
            self._db.execute("PRAGMA foreign_keys = OFF")  # see the module docstring
        return self._db

    def close(self) -> None:
        """Close the store connection and the network client this object made itself (a
        transport handed in stays the caller's)."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._own_transport and self._transport is not None:
            self._transport.close()  # type: ignore[attr-defined]
            self._transport = None

    def _setting(self, key: str) -> str | None:
        row = (
            self._conn().execute("SELECT value FROM local_setting WHERE key = ?", (key,)).fetchone()
        )
        return None if row is None else str(row[0])

    @staticmethod
    def _put(db: Any, key: str, value: str | None) -> None:
        if value is None:
            db.execute("DELETE FROM local_setting WHERE key = ?", (key,))
        else:
            db.execute(
                "INSERT INTO local_setting (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def _begin(self) -> Any:
        db = self._conn()
        db.execute("BEGIN IMMEDIATE")
        audit.track_changes(db)
        return db

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        """``_begin`` … COMMIT, rolled back on any error."""
        db = self._begin()
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _transport_or_raise(self) -> Transport:
        if self._transport is None:
            url = self._setting(K_URL)
            if url is None:
                raise NotEnrolled("This workstation is not enrolled with a hub.")
            self._transport = HttpxTransport(url)
            self._own_transport = True
        return self._transport

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        token: str | None = None,
    ) -> Any:
        """One request; ``token`` given means no store access here (the pull's helper
        thread must not touch this client's connection)."""
        if auth and token is None:
            token = self._setting(K_TOKEN)
            if token is None:
                raise NotEnrolled("This workstation is not enrolled with a hub.")
        status, data = self._transport_or_raise().send(
            method, path, token=token, body=body, params=params
        )
        return _answer(status, data)

    def _fetch(self, path: str, params: dict[str, Any], token: str) -> tuple[int, Any]:
        """A GET of a page: only the bytes when the transport can give them (the pull fetches
        in a helper thread, where decoding would hold the GIL and stall the page being
        written); :func:`_body` decodes them."""
        transport = self._transport_or_raise()
        fetch_raw = getattr(transport, "fetch_raw", None)
        if fetch_raw is not None:
            return fetch_raw(path, token=token, params=params)
        return transport.send("GET", path, token=token, params=params)

    def _fetch_page(self, cursor: str, token: str) -> tuple[int, Any]:
        """The page after a stored cursor: the hub's map of scopes, or a number stored before
        per-scope feeds, which the hub translates (sent once, with an empty map)."""
        params: dict[str, Any] = {"cursor": cursor, "limit": self.page_size}
        if cursor.isdigit():
            params |= {"cursor": "", "since": int(cursor)}  # "0": nothing yet
        return self._fetch("/sync/pull", params, token)

    def _page(self, fetched: tuple[int, Any], cursor: str) -> tuple[list[Incoming], bool, str]:
        """A page's records not held yet, whether more follow, and the cursor after it.  Never
        trust a page to move the cursor past what it actually carried: a scope's position
        is its last record on the page (the hub's map is taken whole only once, to translate
        a cursor stored before per-scope feeds)."""
        data = _body(fetched)
        legacy = cursor.isdigit()
        sent = {} if legacy else p.parse_cursor(cursor)
        try:
            given = p.parse_cursor(p.format_cursor(data["cursor"]))
            fresh = [c for c in data["changes"] if c["seq"] > sent.get(c.get("scope"), 0)]
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise HubRefused("The hub's answer is not understood ({error}).", error=error) from None
        after, carried = dict(sent), dict[str, int]()
        if legacy and int(cursor) > 0:  # an old cursor: the map the hub translated it to
            after |= given
        for change in fresh:
            scope = change.get("scope")
            if scope in given:
                carried[scope] = max(change["seq"], carried.get(scope, sent.get(scope, 0)))
        after |= carried
        changes, more = pulled.incoming(data | {"changes": fresh}, "changes", "more")
        return changes, more, p.format_cursor(after)

    # --- enrolment ----------------------------------------------------------------------

    def enroll(
        self, hub_url: str, code: str, device_name: str, *, signer: str | None = None
    ) -> p.EnrollResponse:
        """Exchange a one-time code for this workstation's token (kept in the encrypted store)
        and queue what a standalone store already holds for upload, signed by ``signer`` (the
        admin enrolling it; without one, the admin signed in on this store handle).  A plain
        ``http://`` address on the network is refused before anything is sent (``InsecureHub``),
        whatever the transport: it is the address later syncs use."""
        require_secure_hub(hub_url)
        if self._transport is None or self._own_transport:
            self.close()  # a transport of ours to another hub goes
            self._transport = HttpxTransport(hub_url)
            self._own_transport = True
        data = self._call(
            "POST",
            "/sync/enroll",
            body=p.EnrollRequest(code=code, device_name=device_name).model_dump(),
            auth=False,
        )
        answer = p.EnrollResponse.model_validate(data)
        db = self._begin()
        try:
            for key, value in (
                (K_URL, hub_url),
                (K_TOKEN, answer.token),
                (K_DEVICE, answer.device_id),
                (K_UNIT, answer.unit_code),
                (K_CURSOR, "0"),
                (K_PROBLEM, None),
                (K_ROOTS, _pinned(answer.roots)),
            ):
                self._put(db, key, value)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._queue_initial_upload()
        self._sign_upload(signer)
        return answer

    def _queue_initial_upload(self) -> int:
        """Every row the hub has never seen becomes one insert op carrying the whole row (its
        older outbox entries, if any, are folded into it), parents first.

        Each op gets a fresh clock value, not the row's old ``updated_hlc`` (which the payload
        still carries): the hub refuses a change whose clock is not after the last one it
        applied from this workstation (a replay), and rows taken table by table, parents
        first, are not in clock order.  Fresh values follow every op already queued, in the
        order they are queued.  Nothing at the hub can be concurrent with them: it has never
        seen these records."""
        from sqlmodel import SQLModel, col, delete, select

        from officer_desk.store.signed_outbox import payload_of
        from officer_desk.store.tables import OutboxEntry

        queued = 0
        with self.store.writing() as session:
            for name in ORDER:
                if name in p.HUB_GENERATED_ENTITIES:
                    continue
                table = SQLModel.metadata.tables[name]
                model = next(
                    m.class_ for m in SQLModel._sa_registry.mappers if m.local_table is table
                )
                rows = session.exec(select(model).where(col(model.server_version).is_(None))).all()
                ids = [str(r.id) for r in rows]
                for start in range(0, len(ids), 500):
                    session.exec(
                        delete(OutboxEntry).where(
                            col(OutboxEntry.entity) == name,
                            col(OutboxEntry.entity_id).in_(ids[start : start + 500]),
                        )
                    )
                for row in rows:
                    entry = OutboxEntry(
                        entity=name,
                        entity_id=str(row.id),
                        op="insert",
                        payload=payload_of(row),
                        schema_version=SYNC_SCHEMA_VERSION,
                        hlc=self.store.clock.now(),
                        created_at=self.now(),
                    )
                    session.add(entry)
                    queued += 1
                session.flush()
        return queued

    # --- the cycle ----------------------------------------------------------------------

    def sync_once(self) -> SyncReport:
        """hello → push → pull (→ snapshots, drains and drops).  Raises a SyncProblem in plain
        words (also kept for ``status()``); nothing is lost whatever happens."""
        started = time.perf_counter()
        report = SyncReport()
        put_aside = self.put_aside
        try:
            hello = self._hello()
            _account_keys().publish_upgrades(self.store)  # key pairs made at sign-in travel too
            self._push(report, signed_only=hello.signatures_required)
            self._trust = None  # fetched again, with what this push added, when first needed
            self._pull(report)
            self._leave(report)
            self._anchor(report)
        except SyncProblem as problem:
            self._note_problem(problem.message)
            raise
        db = self._begin()
        try:
            self._put(db, K_LAST, self.now().isoformat())
            self._put(db, K_PROBLEM, report.anchor_refused or None)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        report.cursor = p.cursor_position(self._setting(K_CURSOR))
        report.problems = self.put_aside - put_aside
        report.seconds = time.perf_counter() - started
        return report

    def _anchor(self, report: SyncReport) -> None:
        """Anchor the end of the audit chain at the hub, signed by a person of the unit signed
        in here (the first by id when several are): a chain cut or rewritten later no longer holds
        it, which the hub refuses at the next anchor and ``verify`` names (cli/verify.py)."""
        if not self.store.signers:
            return
        last = (
            self._conn()
            .execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
            .fetchone()
        )
        device = self._setting(K_DEVICE)
        if last is None or device is None:
            return
        mine = self._my_unit(self._conn())
        ours = {
            row[0]
            for row in self._conn().execute(
                "SELECT id FROM officer WHERE unit_id = ? AND active", (mine,)
            )
        }
        signers = sorted(ours & set(self.store.signers))
        if not signers:
            return
        signer = signers[0]
        seq, digest = int(last[0]), str(last[1])
        message = signing.head_bytes(device_id=device, seq=seq, hash=digest, signer=signer)
        body = p.AuditHead(
            seq=seq,
            hash=digest,
            signer=signer,
            signature=signing.sign(self.store.signers[signer], message),
        )
        try:
            self._call("POST", "/sync/anchor", body=body.model_dump())
        except HubRefused as refused:
            log.error("audit chain not anchored: %s", refused.message)
            report.anchor_refused = refused.message
            return
        with self._transaction() as db:
            self._put(db, K_ANCHOR, json.dumps({"seq": seq, "hash": digest}))
        report.anchored = seq

    def anchored_heads(self) -> list[p.AnchoredHead]:
        """Every audit chain head the hub keeps for this workstation."""
        data = self._call("GET", "/sync/anchor")
        return list(p.AuditHeadsResponse.model_validate(data).heads)

    def _note_problem(self, message: str) -> None:
        try:
            db = self._begin()
            self._put(db, K_PROBLEM, message)
            db.execute("COMMIT")
        except Exception:  # a locked store must not hide the sync problem itself
            log.exception("could not record the sync problem")

    def _hello(self) -> p.HelloResponse:
        body = p.HelloRequest(
            app_version=__version__,
            schema_version=SYNC_SCHEMA_VERSION,
            client_time=self.now(),
            waiting=min(self._waiting(), p.INT32_MAX),
        )
        return p.HelloResponse.model_validate(
            self._call("POST", "/sync/hello", body=body.model_dump(mode="json"))
        )

    def _sign_upload(self, signer: str | None) -> None:
        """The standalone store's rows queued for upload are signed by the admin enrolling it
        (``signer``; without one, the admin signed in on this store handle)."""
        db = self._begin()
        try:
            if signer is None:
                present = list(self.store.signers)
                marks = ",".join("?" * len(present))
                row = db.execute(
                    f"SELECT id FROM officer WHERE role = 'admin' AND active AND id IN ({marks}) "
                    "ORDER BY id LIMIT 1",
                    present,
                ).fetchone()
                signer = None if row is None else str(row[0])
            if signer is not None:
                sign_waiting(self.store, db, upload_signer=signer)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _push(self, report: SyncReport, *, signed_only: bool = True) -> None:
        db = self._conn()
        only = "WHERE signature IS NOT NULL " if signed_only else ""
        while True:
            # To a hub that requires signatures nothing unsigned is sent: such a change stays
            # in the outbox, counted in the report (it was written behind the app's back, or
            # queued before signed changes and its author has not signed in since).  A hub
            # that does not require them yet (the staged switch) gets every change as before.
            rows = db.execute(
                "SELECT seq, op_id, entity, entity_id, op, payload, schema_version, hlc, "
                f"signer, signature FROM outbox_entry {only}ORDER BY seq LIMIT ?",
                (self.batch_size,),
            ).fetchall()
            if len(rows) < self.batch_size and signed_only:
                report.unsigned = self._unsigned()
            if not rows:
                return
            fetched = len(rows)
            bases = self._base_versions(rows)
            ops: list[p.Op] = []
            unsendable: list[tuple[Any, str]] = []
            for row in rows:
                _, op_id, entity, entity_id, op, payload, version, hlc, signer, signature = row
                try:
                    ops.append(
                        p.Op(
                            op_id=op_id,
                            entity=entity,
                            entity_id=entity_id,
                            op=op,
                            payload=json.loads(payload),
                            hlc=hlc,
                            schema_version=version,
                            base_version=bases.get((entity, entity_id)) if op == "update" else None,
                            signer=signer,
                            signature=signature,
                        )
                    )
                except ValidationError as error:
                    unsendable.append((row, _first_problem(error)))
            if unsendable:
                # The hub would refuse the whole batch for it: set it aside in the rejected
                # list (a person sees it there) and send the rest.
                self._set_aside(unsendable, report)
                aside = {row[1] for row, _ in unsendable}
                rows = [row for row in rows if row[1] not in aside]
                if not rows:
                    continue
            left = min(max(0, self._waiting() - len(ops)), p.INT32_MAX)
            crashpoints.reached("push_sent")
            data = self._call(
                "POST",
                "/sync/push",
                body=p.PushRequest(ops=ops, waiting=left).model_dump(mode="json"),
            )
            answer = p.PushResponse.model_validate(data)
            crashpoints.reached("push_answered")
            self._record_results(ops, answer.results, rows, report)
            if self.on_page:
                self.on_page("pushed", len(rows))
            if fetched < self.batch_size:
                return

    def _set_aside(self, unsendable: list[tuple[Any, str]], report: SyncReport) -> None:
        """Outbox entries no hub would take (out of the protocol's bounds) move to the
        rejected list, with the reason."""
        db = self._begin()
        try:
            for (_, op_id, entity, entity_id, op, payload, _, hlc, *_signed), why in unsendable:
                log.warning("outbox entry %r cannot be sent: %s", op_id, why)
                db.execute(
                    "INSERT OR IGNORE INTO rejected_change (op_id, entity, entity_id, op, "
                    "payload, hlc, reason, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        op_id,
                        entity,
                        entity_id,
                        op,
                        payload,
                        hlc,
                        f"This change cannot be sent to the hub ({why}).",
                        moments.stored_utc(self.now()),
                    ),
                )
                db.execute("DELETE FROM outbox_entry WHERE op_id = ?", (op_id,))
                report.rejected += 1
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _base_versions(self, rows: list[Any]) -> dict[tuple[str, str], int | None]:
        db = self._conn()
        wanted: dict[str, set[str]] = {}
        for row in rows:
            if row[4] == "update" and row[2] in RANK:
                wanted.setdefault(row[2], set()).add(row[3])
        out: dict[tuple[str, str], int | None] = {}
        for entity, ids in wanted.items():
            marks = ",".join("?" * len(ids))
            for row_id, version in db.execute(
                f"SELECT id, server_version FROM {entity} WHERE id IN ({marks})", tuple(ids)
            ):
                out[(entity, row_id)] = version
        return out

    def _record_results(
        self, ops: list[p.Op], results: list[p.OpResult], rows: list[Any], report: SyncReport
    ) -> None:
        by_id = {op.op_id: op for op in ops}
        raw = {row[1]: row for row in rows}
        db = self._begin()
        try:
            for result in results:
                op = by_id.get(result.op_id)
                if op is None:
                    continue  # not ours: ignore rather than trust it
                if result.status == "rejected":
                    db.execute(
                        "INSERT OR IGNORE INTO rejected_change (op_id, entity, entity_id, op, "
                        "payload, hlc, reason, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            op.op_id,
                            op.entity,
                            op.entity_id,
                            op.op,
                            raw[op.op_id][5],
                            op.hlc,
                            result.reason,
                            moments.stored_utc(self.now()),
                        ),
                    )
                    report.rejected += 1
                else:
                    report.pushed += 1
                    # Only a version that follows directly from what this row was based on
                    # may be recorded: a newer one would hide another workstation's change
                    # we have not pulled yet (and make our next edit look sequential).
                    expected = 1 if op.op == "insert" else (op.base_version or 0) + 1
                    if result.version is not None and result.version == expected:
                        db.execute(
                            f"UPDATE {op.entity} SET server_version = ? WHERE id = ? "
                            "AND (server_version IS NULL OR server_version < ?)",
                            (result.version, op.entity_id, result.version),
                        )
                db.execute("DELETE FROM outbox_entry WHERE op_id = ?", (op.op_id,))
            # What leaves the outbox stays below the clock when the store opens again.
            _raise_clock_mark(db, _newest(by_id[r.op_id].hlc for r in results if r.op_id in by_id))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _pull(self, report: SyncReport) -> None:
        """Pages after the cursor.  The next page is fetched (one request, in a helper thread)
        while this one is applied; it is used only once this one is committed, and only with
        the cursor it was asked for."""
        from concurrent.futures import Future, ThreadPoolExecutor

        first = p.cursor_position(self._setting(K_CURSOR)) == 0
        entering: set[str] = set()
        token = self._setting(K_TOKEN)
        if token is None:
            raise NotEnrolled("This workstation is not enrolled with a hub.")
        self._transport_or_raise()
        if self.check_rights and self._trust is None:
            # Before the pages: the account log is fetched while nothing else is in flight.
            self._trust = self._fetch_trust(None)
        fetcher = ThreadPoolExecutor(1, thread_name_prefix="sync-pull")
        # Pages make hundreds of thousands of short-lived objects with no cycles; the cyclic
        # collector scanning the heap again and again cost more than the database writes.
        collecting = gc.isenabled()
        gc.disable()
        try:
            since = self._setting(K_CURSOR) or ""
            coming: Future[Any] | None = fetcher.submit(self._fetch_page, since, token)
            while coming is not None:
                self._inflight = coming
                changes, more, after = self._page(coming.result(), since)
                coming = None
                if not changes:
                    if since.isdigit() and int(since) > 0:
                        # An old cursor, translated: kept, and the pull goes on from it.
                        self._keep_cursor(after)
                        since = after
                        coming = fetcher.submit(self._fetch_page, since, token)
                        continue
                    break
                since = after
                if more and self.prefetch:
                    coming = self._inflight = fetcher.submit(self._fetch_page, since, token)
                self._pull_page(changes, first, entering, report, since)
                if more and not self.prefetch:
                    coming = fetcher.submit(self._fetch_page, since, token)
        finally:
            self._inflight = None
            fetcher.shutdown(wait=True, cancel_futures=True)
            if collecting:
                gc.enable()
        for inmate_id in sorted(entering):
            self.snapshot(inmate_id)
            report.snapshots += 1

    def _keep_cursor(self, cursor: str) -> None:
        db = self._begin()
        try:
            self._put(db, K_CURSOR, cursor)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _pull_page(
        self,
        changes: list[Incoming],
        first: bool,
        entering: set[str],
        report: SyncReport,
        cursor: str,
    ) -> None:
        entered, _, skipped = self._apply(changes, cursor=cursor, what="pull")
        if any(change.entity == "officer" for change in changes):
            # Slots for the unit's officers, so they can sign in here offline.
            _account_keys().refresh_slots(self.store)
        if not first:
            entering |= entered
        report.pulled += len(changes)
        report.skipped += skipped
        report.pages += 1
        if self.on_page:
            self.on_page("pulled", len(changes))

    def snapshot(self, inmate_id: str) -> int:
        """Take every record of one person from the hub (a person entered the unit)."""
        after: str | None = None
        count = 0
        token = self._setting(K_TOKEN)
        if token is None:
            raise NotEnrolled("This workstation is not enrolled with a hub.")
        while True:
            params: dict[str, Any] = {"inmate": inmate_id, "limit": self.page_size}
            if after:
                params["after"] = after
            data = _body(self._fetch("/sync/snapshot", params, token))
            changes, next_after = pulled.incoming(data, "changes", "next_after")
            if changes:
                count += len(changes) - self._apply(changes, cursor=None, what="snapshot")[2]
            if next_after is None:
                return count
            if not isinstance(next_after, str):
                raise HubRefused("The hub's answer is not understood (a bad snapshot cursor).")
            after = next_after

    # --- applying pulled records ----------------------------------------------------------

    def _apply(
        self, changes: list[Incoming], *, cursor: str | None, what: str
    ) -> tuple[set[str], set[str], int]:
        """Apply one page in one transaction (with the cursor and one audit entry).
        Returns (people new to this store, people who left the unit, records not stored).

        Parents before children, one ``executemany`` per table: a record is the hub's merged
        state, so storing it whole is the merge (rows with changes still waiting here are the
        exception, see ``_apply_partial``)."""
        cols = pulled.columns()
        received = len(changes)
        db = self._begin()
        try:
            # A record this workstation cannot read is put aside, never applied; the rest of
            # the page is (and the cursor moves past it): one bad record never stops a unit.
            changes, unreadable = _readable(changes)
            # So is one that grants a right nobody this workstation trusts signed for.
            changes, untrusted = self._trusted(db, changes)
            unreadable += untrusted
            pending = self._pending(db)
            groups: dict[str, list[Incoming]] = {}
            for change in changes:
                groups.setdefault(change.entity, []).append(change)
            top_hlc = _newest(c.record.get("updated_hlc") for c in changes)
            entering, leaving = self._scope_changes(db, groups)
            skipped = len(unreadable)
            stored: list[Incoming] = []
            for entity in sorted(groups, key=lambda e: RANK.get(e, 99)):
                table = cols.plans.get(entity)
                if table is None:
                    skipped += len(groups[entity])
                    continue
                whole = groups[entity]
                if pending:
                    whole = []
                    for change in groups[entity]:
                        key = (entity, change.entity_id)
                        if key in pending:
                            self._apply_partial(db, entity, change, pending[key])
                        else:
                            whole.append(change)
                if entity == "case_note_revision":
                    self._make_room_for_revisions(db, groups[entity])
                if entity in REFUSED_ROOM:
                    self._make_room_for_refused(db, entity, groups[entity], pending)
                failed = pulled.upsert(db, table, table.rows(whole))
                # A clash with a local unique value stays a logged skip as before (e.g. a
                # standalone store's own unit enrolled into a hub that has it already).
                skipped += len(failed)
                stored += groups[entity] if not failed else _without(groups[entity], failed, whole)
                if cursor is not None:
                    crashpoints.reached("pull_applying")
            self._settle_problems(db, stored, unreadable)
            if leaving:
                queued = set(json.loads(self._setting(K_LEAVING) or "[]")) | leaving
                self._put(db, K_LEAVING, json.dumps(sorted(queued)))
            if self._purged:
                purged = set(json.loads(self._setting(K_PURGED) or "[]")) | self._purged
                self._put(db, K_PURGED, json.dumps(sorted(purged)))
                self._purged = set()
            if cursor is not None:
                self._put(db, K_CURSOR, str(cursor))
            _raise_clock_mark(db, top_hlc)
            self._audit(
                db,
                f"sync {what}: {received} records from the hub"
                + (f" (to {cursor})" if cursor is not None else "")
                + (f", {len(unreadable)} put aside as problems" if unreadable else ""),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        if top_hlc:
            self.store.clock.receive(top_hlc)
        self.put_aside += len(unreadable)
        return entering, leaving, skipped

    def _trusted(
        self, db: Any, changes: list[Incoming]
    ) -> tuple[list[Incoming], list[tuple[Incoming, str]]]:
        """(the records whose rights-granting values are signed by someone allowed to, or
        were held here already; those that are not, with why): sync/trust.py."""
        if not self.check_rights or not any(c.entity in permissions.RIGHTS for c in changes):
            return changes, []
        if self._trust is None:
            self._trust = self._fetch_trust(db)
        cols = pulled.columns()
        bad: dict[int, tuple[Incoming, str]] = {}
        refreshed = False
        groups: dict[str, list[Incoming]] = {}
        today = self._trust.today
        for change in changes:
            if (
                change.entity in permissions.RIGHTS
                and not change.deleted
                and in_force(change.entity, change.record, today)
            ):
                groups.setdefault(change.entity, []).append(change)
        for entity, group in groups.items():
            table = cols.plans[entity]
            fields = sorted(permissions.RIGHTS[entity] & set(table.names))
            at = [table.names.index(f) for f in fields]
            local = self._rights_held(db, entity, fields, [c.entity_id for c in group])
            for change, row in zip(group, table.rows(group), strict=True):
                mine = local.get(change.entity_id)
                held = {f for f, n in zip(fields, at, strict=True) if mine and mine[f] == row[n]}
                why = self._trust.check(
                    entity, change.entity_id, change.record, change.proof, held, mine
                )
                if why is not None and not refreshed:
                    # The account log may have grown since it was fetched (the records of
                    # a pull can be newer than the log read before it).
                    self._trust, refreshed = self._fetch_trust(db), True
                    why = self._trust.check(
                        entity, change.entity_id, change.record, change.proof, held, mine
                    )
                if why is not None:
                    bad[id(change)] = (change, why)
        if not bad:
            return changes, []
        return [c for c in changes if id(c) not in bad], list(bad.values())

    @staticmethod
    def _rights_held(
        db: Any, entity: str, fields: list[str], ids: list[str]
    ) -> dict[str, dict[str, Any]]:
        """This store's rights fields of some records (stored form), by id."""
        out: dict[str, dict[str, Any]] = {}
        columns = ", ".join(fields)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in db.execute(
                f"SELECT id, {columns} FROM {entity} WHERE id IN ({marks})", chunk
            ):
                out[row[0]] = dict(zip(fields, row[1:], strict=True))
        return out

    def _fetch_trust(self, db: Any | None) -> Trust:
        """The unit's account log, fetched whole and replayed from the pinned roots.  Whole:
        the accounts it covers can grow backwards (a lead of another unit who moves a person
        here brings their history).  While no root is pinned (a workstation enrolled before
        facility IT registered one), the hub's are pinned now: in the caller's transaction
        ``db``, or in one of its own when there is none."""
        if self._inflight is not None:
            # One request at a time on the transport: the next page's fetch finishes first
            # (its outcome, error or page, is still the pull loop's to take).
            with contextlib.suppress(Exception):
                self._inflight.result()
        pinned = self._setting(K_ROOTS)
        roots = json.loads(pinned or "[]")
        entries: list[Any] = []
        after = 0
        unit_id: str | None = None
        while True:
            data = self._call("GET", "/sync/accounts", params={"after": after})
            try:
                answer = p.AccountsResponse.model_validate(data)
            except ValidationError as invalid:
                error = _first_problem(invalid)
                raise HubRefused(
                    "The hub's answer is not understood ({error}).", error=error
                ) from None
            unit_id = answer.unit_id
            if not roots:
                roots = [r.model_dump() for r in answer.roots]
            entries += [e.envelope for e in answer.entries]
            if answer.entries:
                after = answer.entries[-1].id
            if not answer.more or not answer.entries:
                break
        if roots and not pinned:
            if db is not None:
                self._put(db, K_ROOTS, json.dumps(roots))
            else:
                with self._transaction() as own:
                    self._put(own, K_ROOTS, json.dumps(roots))
        trust = Trust(
            [Root(**r) for r in roots],
            self._setting(K_UNIT) or "",
            self._my_unit(self._conn()) or unit_id,
        )
        for envelope, why in trust.replay(entries):
            log.warning("account change %s not trusted: %s", _op_id_of(envelope), why)
        return trust

    def _settle_problems(
        self,
        db: Any,
        stored: list[Incoming],
        unreadable: list[tuple[Incoming, str]],
    ) -> None:
        """A good version of a record clears its problem; an unreadable one is (re)recorded."""
        if stored and db.execute("SELECT 1 FROM sync_problem LIMIT 1").fetchone():
            db.executemany(
                "DELETE FROM sync_problem WHERE entity = ? AND entity_id = ?",
                [(c.entity, c.entity_id) for c in stored],
            )
        if not unreadable:
            return
        now = moments.stored_utc(self.now())
        rows = []
        for change, reason in unreadable:
            log.error(
                "record %s %s from the hub put aside: %s", change.entity, change.entity_id, reason
            )
            inmate = change.inmate_id
            rows.append(
                (
                    change.entity,
                    change.entity_id,
                    inmate[:64] if inmate.__class__ is str else None,
                    change.seq,
                    change.version,
                    reason,
                    _raw_text(change.record),
                    now,
                    now,
                )
            )
        db.executemany(
            "INSERT INTO sync_problem (entity, entity_id, inmate_id, hub_seq, version, reason, "
            "record, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(entity, entity_id) DO UPDATE SET inmate_id = excluded.inmate_id, "
            "hub_seq = coalesce(excluded.hub_seq, hub_seq), version = excluded.version, "
            "reason = excluded.reason, record = excluded.record, last_seen = excluded.last_seen",
            rows,
        )

    def _scope_changes(
        self, db: Any, groups: dict[str, list[Incoming]]
    ) -> tuple[set[str], set[str]]:
        """(people new to this store, people who left the unit) in a page, judged against the
        store before the page is written; this unit's own record may come in the same page."""
        unit_code = self._setting(K_UNIT)
        my_unit = self._my_unit(db)
        for change in groups.get("unit", ()):
            if change.record.get("code") == unit_code:
                my_unit = change.entity_id
        people = groups.get("inmate", [])
        known = self._existing(db, "inmate", [c.entity_id for c in people])
        entering: set[str] = set()
        leaving: set[str] = set()
        for change in people:
            if change.record.get("deleted_at") is not None:
                # Purged under the retention rule (at another workstation): their records
                # leave this store too; the blank record stays as the tombstone.
                if change.entity_id in known:
                    leaving.add(change.entity_id)
                    self._purged.add(change.entity_id)
            elif my_unit is not None and change.record.get("unit_id") != my_unit:
                leaving.add(change.entity_id)
            elif change.entity_id not in known:
                entering.add(change.entity_id)
        return entering, leaving

    def _apply_partial(self, db: Any, entity: str, change: Incoming, held: set[str] | None) -> None:
        """A row with changes still waiting: keep those fields (and the version they were based
        on); take the rest.  ``held`` None means the whole row is a local insert not yet
        acknowledged: leave it."""
        if held is None:
            return
        names, convert = pulled.columns().tables[entity]
        keep = held | {"id", "server_version", "updated_hlc", "updated_by", "device_id"}
        pairs = [
            (n, change.record.get(n) if c is None else c(change.record.get(n)))
            for n, c in zip(names, convert, strict=True)
            if n not in keep and n in change.record
        ]
        if pairs:
            sets = ", ".join(f"{n} = ?" for n, _ in pairs)
            db.execute(
                f"UPDATE {entity} SET {sets} WHERE id = ?",
                (*[v for _, v in pairs], change.entity_id),
            )

    def _make_room_for_revisions(self, db: Any, changes: list[Incoming]) -> None:
        """A revision number the hub gave to another workstation's revision may be held here by
        one of ours that the hub renumbered; move ours aside until its own record arrives."""
        for change in changes:
            clash = db.execute(
                "SELECT id FROM case_note_revision WHERE note_id = ? AND number = ? AND id != ?",
                (change.record.get("note_id"), change.record.get("number"), change.entity_id),
            ).fetchone()
            if clash:
                db.execute(
                    "UPDATE case_note_revision SET number = ? WHERE id = ?",
                    (-1 - secrets.randbelow(2**31), clash[0]),
                )

    def _make_room_for_refused(
        self,
        db: Any,
        entity: str,
        changes: list[Incoming],
        pending: dict[tuple[str, str], set[str] | None],
    ) -> None:
        """A record that holds a unique place (a person's release plan, a milestone's
        sign-off): when the hub refused ours because another workstation's reached it first
        (``server/invariants.py``), ours was never acknowledged (no hub version) and is no
        longer waiting to be sent, so the hub's record replaces it, with its children; what
        was written in ours stays in the list of refused changes."""
        columns, children = REFUSED_ROOM[entity]
        match = " AND ".join(f"{c} = ?" for c in columns)
        for change in changes:
            if change.record.get("deleted_at") is not None:
                continue
            lost = db.execute(
                f"SELECT id FROM {entity} WHERE {match} AND id != ? AND server_version IS NULL",
                (*[change.record.get(c) for c in columns], change.entity_id),
            ).fetchone()
            if lost is None or (entity, lost[0]) in pending:
                continue
            for table, where in (*children, (entity, "id = ?")):
                db.execute(f"DELETE FROM {table} WHERE {where}", (lost[0],))
            self._audit(
                db,
                f"{entity} {lost[0]} refused by the hub (another one reached it first); "
                f"replaced by {change.entity_id}",
            )

    def _pending(self, db: Any) -> dict[tuple[str, str], set[str] | None]:
        held: dict[tuple[str, str], set[str] | None] = {}
        for entity, entity_id, op, payload in db.execute(
            "SELECT entity, entity_id, op, payload FROM outbox_entry"
        ):
            key = (entity, entity_id)
            if op == "insert":
                held[key] = None
            elif key not in held or held[key] is not None:
                fields = held.get(key) or set()
                held[key] = fields | set(json.loads(payload))
        return held

    def _my_unit(self, db: Any) -> str | None:
        row = db.execute(
            "SELECT id FROM unit WHERE code = ?", (self._setting(K_UNIT) or "",)
        ).fetchone()
        return None if row is None else str(row[0])

    @staticmethod
    def _existing(db: Any, table: str, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found |= {
                r[0] for r in db.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
            }
        return found

    def _audit(self, db: Any, detail: str) -> None:
        """One audit entry for what this transaction did (with the content hashes of the
        records it touched: store/audit.py)."""
        audit.append_many(
            db,
            [
                audit.Draft(
                    at=self.now(),
                    actor_id=None,
                    actor_name="sync",
                    workstation=self.store.device_id,
                    action="sync",
                    entity="hub",
                    entity_id=self._setting(K_DEVICE),
                    detail=detail,
                )
            ],
        )

    # --- people who left the unit: drain, then drop -----------------------------------------

    def _leave(self, report: SyncReport) -> None:
        leaving = json.loads(self._setting(K_LEAVING) or "[]")
        if not leaving:
            return
        purged = set(json.loads(self._setting(K_PURGED) or "[]"))
        if (self._outbox_people() & set(leaving)) - purged:
            self._push(report)  # drain: their changes go first (not a purged person's)
        waiting = self._outbox_people()
        db = self._begin()
        try:
            still = []
            for inmate_id in leaving:
                if inmate_id in waiting and inmate_id not in purged:
                    still.append(inmate_id)
                    continue
                if inmate_id in purged:
                    self._drop_waiting(db, inmate_id)
                for table, where in DROP if inmate_id not in purged else DROP[:-1]:
                    db.execute(f"DELETE FROM {table} WHERE {where}", (inmate_id,))
                db.execute("DELETE FROM sync_problem WHERE inmate_id = ?", (inmate_id,))
                report.dropped.append(inmate_id)
                if inmate_id in purged:
                    self._audit(
                        db,
                        f"person {inmate_id} purged under the retention rule at another "
                        "workstation; their records left this store",
                    )
                else:
                    self._audit_drop(db, inmate_id)
            if purged & set(report.dropped):
                search.drop_forgotten_words(db)  # a purge leaves no words in the index
            self._put(db, K_LEAVING, json.dumps(still) if still else None)
            self._put(db, K_PURGED, None)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _audit_drop(self, db: Any, inmate_id: str) -> None:
        self._audit(db, f"person {inmate_id} moved to another unit; their records left this store")

    def _drop_waiting(self, db: Any, inmate_id: str) -> None:
        """A purged person's changes still waiting here, and refused ones kept for reading,
        go with their records (the hub would refuse them; their text must not stay)."""
        for table in ("outbox_entry", "rejected_change"):
            rows = db.execute(f"SELECT seq, entity, entity_id, payload FROM {table}").fetchall()
            gone = []
            for seq, entity, entity_id, text in rows:
                payload = loads_or_text(text)
                payload = payload if isinstance(payload, dict) else {}
                if self._person_of(db, entity, entity_id, payload) == inmate_id:
                    gone.append((seq,))
            db.executemany(f"DELETE FROM {table} WHERE seq = ?", gone)

    def _outbox_people(self) -> set[str]:
        db = self._conn()
        people: set[str] = set()
        for entity, entity_id, payload in db.execute(
            "SELECT entity, entity_id, payload FROM outbox_entry"
        ).fetchall():
            person = self._person_of(db, entity, entity_id, json.loads(payload))
            if person:
                people.add(person)
        return people

    @staticmethod
    def _person_of(db: Any, entity: str, entity_id: str, payload: dict[str, Any]) -> str | None:
        if entity == "inmate":
            return entity_id
        if "inmate_id" in payload:
            return str(payload["inmate_id"])
        if entity in PERSON_PATH:
            row = db.execute(PERSON_PATH[entity], (entity_id,)).fetchone()
            return None if row is None else row[0]
        if entity in RANK and entity not in (
            "facility",
            "unit",
            "officer",
            "programme",
            "programme_milestone",
        ):
            row = db.execute(
                f"SELECT inmate_id FROM {entity} WHERE id = ?", (entity_id,)
            ).fetchone()
            return None if row is None else row[0]
        return None

    # --- what the screens show ------------------------------------------------------------

    def _unsigned(self) -> int:
        return int(
            self._conn()
            .execute("SELECT count(*) FROM outbox_entry WHERE signature IS NULL")
            .fetchone()[0]
        )

    def _waiting(self) -> int:
        return int(self._conn().execute("SELECT count(*) FROM outbox_entry").fetchone()[0])

    def devices(self) -> list[p.DeviceInfo]:
        """The unit's workstations as the hub last heard from them (name, id, last sync,
        changes waiting, revoked, which one is this).  Asks the hub: call from a worker;
        raises a SyncProblem like ``sync_once``."""
        data = self._call("GET", "/sync/devices")
        return p.DevicesResponse.model_validate(data).devices

    def status(self) -> SyncStatus:
        db = self._conn()
        last = self._setting(K_LAST)
        return SyncStatus(
            enrolled=self._setting(K_TOKEN) is not None,
            hub_url=self._setting(K_URL),
            last_sync_at=moments.parse_utc(last),
            waiting=self._waiting(),
            rejected=db.execute("SELECT count(*) FROM rejected_change").fetchone()[0],
            open_conflicts=db.execute(
                "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL AND auto_resolved = 0"
            ).fetchone()[0],
            problem=self._setting(K_PROBLEM),
            problems=db.execute("SELECT count(*) FROM sync_problem").fetchone()[0],
        )

    def rejected(self) -> list[RejectedItem]:
        return held.rejected(self._conn())

    def problems(self) -> list[ProblemItem]:
        """Records from the hub put aside because this workstation cannot read them (oldest
        first); each goes when a good version of its record arrives."""
        return held.problems(self._conn())

    def conflicts(self, *, include_auto_resolved: bool = True) -> list[ConflictItem]:
        return held.conflicts(self._conn(), include_auto_resolved=include_auto_resolved)

    def local_digests(self, inmate_ids: Iterable[str]) -> dict[str, p.ScopeDigest]:
        return held.local_digests(self._conn(), inmate_ids)

    def verify(self) -> list[str]:
        """Compare every person here with the hub; re-snapshot only those that differ."""
        db = self._conn()
        people = [r[0] for r in db.execute("SELECT id FROM inmate")]
        if not people:
            return []
        body = p.VerifyRequest(scopes=self.local_digests(people))
        answer = p.VerifyResponse.model_validate(
            self._call("POST", "/sync/verify", body=body.model_dump())
        )
        for inmate_id in answer.mismatched:
            self.snapshot(inmate_id)
        return answer.mismatched


def _readable(changes: list[Incoming]) -> tuple[list[Incoming], list[tuple[Incoming, str]]]:
    """(the records this workstation can read, those it cannot with the reason), each checked
    against its entity's model (sync/payloads.py, the hub's own check)."""
    good: list[Incoming] = []
    bad: list[tuple[Incoming, str]] = []
    check = payloads.record_problem
    for change in changes:
        why = check(change.entity, change.entity_id, change.record)
        if why is None:
            good.append(change)
        else:
            bad.append((change, why))
    return good, bad


def _pinned(roots: list[p.RootKey]) -> str | None:
    return json.dumps([r.model_dump() for r in roots]) if roots else None


def _op_id_of(envelope: Any) -> str:
    return str(envelope.get("op_id")) if isinstance(envelope, dict) else "?"


def _without(
    group: list[Incoming], failed: list[tuple[int, str]], whole: list[Incoming]
) -> list[Incoming]:
    gone = {whole[n].entity_id for n, _ in failed}
    return [c for c in group if c.entity_id not in gone]


def _raw_text(record: dict[str, Any]) -> str:
    try:
        text = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError):
        text = repr(record)
    return text[:MAX_PROBLEM_TEXT]


def _account_keys() -> Any:
    from officer_desk.app import account_keys  # key slots follow the officer records

    return account_keys


def _body(fetched: tuple[int, Any]) -> Any:
    """A fetched page's body (decoded here if the transport left it as bytes), or the
    SyncProblem of a refusal."""
    status, data = fetched
    if isinstance(data, bytes):
        try:
            data = _decode_json(data)
        except ValueError:
            data = {"code": "bad_answer", "detail": data[:200].decode("utf-8", "replace")}
    return _answer(status, data)


def _decode_json(body: bytes) -> Any:
    """pydantic's JSON parser (installed with pydantic): decoding a page and making its rows
    costs about a fifth less than with ``json``, the record keys made once per page rather
    than once per record; ``json`` for what it refuses but ``json`` reads, such as a lone
    surrogate escape."""
    try:
        return from_json(body, cache_strings="keys")
    except ValueError:
        return json.loads(body)


def _answer(status: int, data: Any) -> Any:
    """The body of a good answer; a refusal as the SyncProblem that says what to do."""
    if status < 300:
        return data
    code = data.get("code", "") if isinstance(data, dict) else ""
    detail = data.get("detail", "") if isinstance(data, dict) else ""
    if status == 401 and code == "device_revoked":
        raise DeviceRevoked(detail)
    if status == 401:
        raise NotEnrolled(detail or "The hub does not know this workstation; enrol it again.")
    if status == 426 and code == "update_hub":
        raise UpdateTheHub(detail)
    if status == 426:
        raise UpdateTheApp(detail)
    if code == "clock_off":
        raise ClockOff(detail)
    if status == 429:  # still over the hub's rate limit after the waits it asked for
        raise HubUnreachable("The hub is busy; changes are kept and sent at the next sync.")
    if status >= 500:
        raise HubUnreachable("The hub had a problem answering; changes are kept and sent later.")
    if detail:
        raise HubRefused(detail)
    raise HubRefused("The hub refused the request ({status}).", status=status)


def _first_problem(error: ValidationError) -> str:
    """The first thing wrong with a message, in a few words (``hlc: String should match...``)."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    return f"{where}: {first.get('msg', 'invalid')}" if where else first.get("msg", "invalid")
