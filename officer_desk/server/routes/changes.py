"""The changes themselves: push (through the process's PushWriter), pull, a person's
snapshot, and the check that a workstation holds what the hub holds."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query
from fastapi.responses import Response

from officer_desk.server.db import feed, record, scope_seq
from officer_desk.server.http import (
    Device,
    HubDep,
    KnownDevice,
    ProblemError,
    check_schema,
    problems,
    utc_now,
)
from officer_desk.server.upgrades import upgrade_push
from officer_desk.sync import protocol as p

router = APIRouter()


@router.post(
    "/sync/push",
    response_model=p.PushResponse,
    responses=problems(400, 401, 413, 422, 426, 503),
)
async def push(body: p.PushRequest, dev: KnownDevice, hub: HubDep) -> Response:
    for op in body.ops:
        check_schema(op.schema_version)
    body = upgrade_push(body)  # the previous version's changes in today's shape (upgrades.py)
    ids = {op.op_id for op in body.ops}
    if len(ids) != len(body.ops):
        raise ProblemError(422, "malformed", "The same change id appears twice in one batch.")
    # Applied by the process's writer together with the pushes waiting beside it, in
    # one transaction (pushes.py); answered after that commit.
    answer = await hub.writer.push(body, dev, utc_now())
    hub.metrics.count_push(answer.results)
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get(
    "/sync/pull", response_model=p.PullResponse, responses=problems(401, 404, 422, 426, 503)
)
def pull(
    dev: Device,
    hub: HubDep,
    # The cursor map as the hub gave it (protocol.format_cursor; "" for none yet).  A pull
    # without one comes from a workstation older than per-scope feeds: it must update.
    cursor: Annotated[str | None, Query(max_length=p.MAX_CURSOR_CHARS)] = None,
    # A cursor stored before per-scope feeds (the hub's old global sequence), sent once with
    # an empty ``cursor``: translated into the map that covers it.
    since: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
) -> Response:
    """The changes after the cursor in each of the workstation's scopes, read as one range
    of the feed's primary key per scope: the facility's (its record and catalogue: parents
    of the unit's) first, then the unit's."""
    if cursor is None:
        raise ProblemError(
            426,
            "update_app",
            "This workstation's officer_desk is too old for the hub; update the app. "
            "Your changes are kept on this workstation until then.",
        )
    try:
        positions = p.parse_cursor(cursor)
    except ValueError:
        raise ProblemError(422, "malformed", "The pull cursor is not one the hub gave.") from None
    scopes = [s for s in (dev["facility_id"], dev["unit_id"]) if s is not None]
    if set(positions) - set(scopes):
        raise ProblemError(
            404,
            "out_of_scope",
            "The pull cursor names a unit or facility this workstation does not hold.",
        )
    rows: list[Any] = []
    more = False
    with hub.engine.connect() as conn:
        if since and not positions:
            # An old cursor: answered with the map that covers it alone (no changes), which
            # the workstation keeps and pulls from, so a page cut short on the way can never
            # move it past what it did not receive.
            translated = _translated(conn, scopes, since)
            covered = {scope: translated.get(scope, 0) for scope in scopes}
            return _raw_page([], {"cursor": covered, "next_since": 0, "more": True})
        after = {scope: positions.get(scope, 0) for scope in scopes}
        for scope in scopes:
            room = limit - len(rows)
            if room == 0:
                more = True
                break
            got = conn.execute(_PAGE, {"s": scope, "n": after[scope], "l": room + 1}).all()
            if len(got) > room:
                more, got = True, got[:room]
            if got:
                after[scope] = got[-1].seq
            rows += got
    hub.metrics.pulls.inc()
    hub.metrics.pulled.inc(len(rows))
    if not more:
        hub.pulled_at.note(dev["id"], utc_now())  # it has all of its unit now (the lag)
    return _raw_page(rows, {"cursor": after, "next_since": 0, "more": more}, scoped=True)


def _translated(conn: Any, scopes: list[str], since: int) -> dict[str, int]:
    """The cursor map that covers an old scalar cursor: per scope, the last feed position
    whose record had a global sequence number up to it before h0008 (numbered in that
    order, so every earlier position of the scope is covered too)."""
    out = {}
    for scope in scopes:
        top = conn.execute(
            sa.select(sa.func.max(feed.c.seq)).where(
                feed.c.scope == scope, feed.c.legacy_seq <= since
            )
        ).scalar()
        if top is not None:
            out[scope] = int(top)
    return out


@router.get(
    "/sync/snapshot",
    response_model=p.SnapshotResponse,
    responses=problems(401, 404, 422, 503),
)
def snapshot(
    dev: Device,
    hub: HubDep,
    inmate: Annotated[str, Query(min_length=1, max_length=p.MAX_ID, pattern=p.ID_PATTERN)],
    # "rank:entity_id" as the hub gave it (a rank is a small number; the id as stored)
    after: Annotated[str | None, Query(max_length=80, pattern=SNAPSHOT_CURSOR)] = None,
    limit: Annotated[int, Query(ge=1, le=p.MAX_PAGE)] = p.MAX_PAGE,
) -> Response:
    rank, after_id = -1, ""
    if after:
        try:
            text_rank, after_id = after.split(":", 1)
            rank = int(text_rank)
        except ValueError:
            raise ProblemError(
                422, "malformed", "The snapshot cursor is not one the hub gave."
            ) from None
    with hub.engine.connect() as conn:
        unit = dev["unit_id"]
        person = conn.execute(
            sa.select(record).where(record.c.entity == "inmate", record.c.entity_id == inmate)
        ).first()
        if person is None or unit is None or person.scope_unit != unit:
            raise ProblemError(
                404, "out_of_scope", "That person is not in this workstation's unit."
            )
        as_of = (
            conn.execute(sa.select(scope_seq.c.last).where(scope_seq.c.scope == unit)).scalar() or 0
        )
        rows = conn.execute(
            sa.select(*PAGE_COLUMNS, record.c.rank)
            .where(
                record.c.inmate_id == inmate,
                sa.or_(
                    record.c.rank > rank,
                    sa.and_(record.c.rank == rank, record.c.entity_id > after_id),
                ),
            )
            .order_by(record.c.rank, record.c.entity_id)
            .limit(limit + 1)
        ).all()
    page = rows[:limit]
    next_after = f"{page[-1].rank}:{page[-1].entity_id}" if len(rows) > limit else None
    return _raw_page(page, {"inmate_id": inmate, "next_after": next_after, "as_of": as_of})


@router.post(
    "/sync/verify",
    response_model=p.VerifyResponse,
    responses=problems(400, 401, 404, 413, 422, 503),
)
def verify(body: p.VerifyRequest, dev: Device, hub: HubDep) -> p.VerifyResponse:
    if len(body.scopes) > 10_000:
        raise ProblemError(413, "too_large", "Verify at most 10,000 people at a time.")
    mismatched = []
    with hub.engine.connect() as conn:
        unit = dev["unit_id"]
        for inmate_id, theirs in body.scopes.items():
            person = conn.execute(
                sa.select(record.c.scope_unit).where(
                    record.c.entity == "inmate", record.c.entity_id == inmate_id
                )
            ).first()
            if person is None or person.scope_unit != unit:
                raise ProblemError(
                    404, "out_of_scope", "A person in the request is not in this unit."
                )
            rows = conn.execute(
                sa.select(record.c.entity, record.c.entity_id, record.c.version).where(
                    record.c.inmate_id == inmate_id
                )
            ).all()
            ours = scope_digest((r.entity, r.entity_id, r.version) for r in rows)
            if ours != theirs:
                mismatched.append(inmate_id)
    return p.VerifyResponse(mismatched=mismatched)


def scope_digest(items: Any) -> p.ScopeDigest:
    """Count and SHA-256 over sorted ``entity:id:version`` lines (the client does the same)."""
    lines = sorted(f"{e}:{i}:{v}" for e, i, v in items)
    return p.ScopeDigest(
        count=len(lines), digest=hashlib.sha256("\n".join(lines).encode()).hexdigest()
    )


SNAPSHOT_CURSOR = r"^[0-9]{1,9}:[^\x00]{0,64}$"

_RECORD_COLUMNS = [
    record.c[n] for n in ("entity", "entity_id", "inmate_id", "version", "deleted", "data", "proof")
]
# A snapshot page's: the seq column is the version (a snapshot is not a feed position).
PAGE_COLUMNS = [record.c.version.label("seq"), *_RECORD_COLUMNS]
# One scope's changes after a position: a range of the feed's primary key, joined to the
# records by their key (one index look-up each).
_PAGE = (
    sa.select(feed.c.seq, *_RECORD_COLUMNS, feed.c.scope)
    .select_from(
        feed.join(
            record,
            sa.and_(record.c.entity == feed.c.entity, record.c.entity_id == feed.c.entity_id),
        )
    )
    .where(
        feed.c.scope == sa.bindparam("s", type_=sa.String),
        feed.c.seq > sa.bindparam("n", type_=sa.BigInteger),
    )
    .order_by(feed.c.seq)
    .limit(sa.bindparam("l", type_=sa.Integer))
)


def _raw_page(rows: Any, rest: dict[str, Any], *, scoped: bool = False) -> Response:
    """A pull or snapshot page (protocol.PullResponse / SnapshotResponse) written straight
    from the stored JSON: each record's ``data`` is already the merged record as JSON, so it
    is spliced in, not parsed and serialised again (the fresh-workstation target)."""
    # Rows unpacked as tuples (PAGE_COLUMNS first) and ids quoted by the JSON encoder's own
    # string quoting: attribute access on each row was about a third of a page's cost.
    quote = json.encoder.encode_basestring_ascii
    parts = [
        f'{{"seq":{seq},"entity":"{entity}","entity_id":{quote(entity_id)},'
        + (f'"scope":{quote(extra[0])},' if scoped else "")
        + f'"inmate_id":{"null" if inmate_id is None else quote(inmate_id)},"version":{version},'
        f'"deleted":{"true" if deleted else "false"},"record":{data}'
        + ("}" if proof is None else f',"proof":{proof}}}')
        for seq, entity, entity_id, inmate_id, version, deleted, data, proof, *extra in rows
    ]
    tail = json.dumps(rest)[1:]
    body = '{"changes":[' + ",".join(parts) + "]" + ("," + tail if tail != "}" else "}")
    return Response(body.encode(), media_type="application/json")
