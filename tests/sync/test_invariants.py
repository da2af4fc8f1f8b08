"""The hub keeps the unit's invariants under concurrent offline writers (server/invariants.py):
two workstations of one unit change the same thing while apart, then sync in either order (or
in one group commit); a third one only pulls.  Everywhere: the invariant holds, the conflict is
in a supervisor's inbox, and every workstation holds the same records.  SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import select
from synchelp import LATEST, Hub, comparable, local_rows, seed_unit, sign_op, workstation

from officer_desk.app import conflicts, cover, people, programmes, release
from officer_desk.app.conflicts import Decision
from officer_desk.app.writes import Actor
from officer_desk.domain.ids import new_id
from officer_desk.server import db as hub_db
from officer_desk.server.pushes import PushJob, PushWriter
from officer_desk.store import audit
from officer_desk.store.database import open_store
from officer_desk.store.tables import Enrolment, OutboxEntry, Programme, ProgrammeMilestone
from officer_desk.sync import protocol as p
from officer_desk.sync.client import K_DEVICE, SyncClient, SyncReport
from officer_desk.sync.transport import InProcessTransport

TODAY = date.today()
CHECKED = (
    "assignment",
    "enrolment",
    "milestone_signoff",
    "release_plan",
    "release_plan_item",
    "release_signoff",
    "sync_conflict",
)


@pytest.fixture
def unit(tmp_path: Path, hub: Hub) -> Iterator[dict[str, Any]]:
    """Workstations a (seeded), b and c of one unit, all synced; officers Ola and Per."""
    store = open_store(tmp_path / "a.sqlite")
    info = seed_unit(store, persons=2)
    admin = Actor.system("test-admin")
    for name in ("ola", "per"):
        officer = people.add_officer(
            store, admin, username=name, display_name=name.capitalize(), role="officer"
        )
        info[name] = officer.id
    a = SyncClient(store, InProcessTransport(hub.app))
    a.enroll("https://hub.test", hub.code(), "a")
    a.sync_once()
    b = workstation(tmp_path / "b.sqlite", hub)
    c = workstation(tmp_path / "c.sqlite", hub)
    for client in (b, c):
        client.sync_once()
    info |= {"a": a, "b": b, "c": c, "hub": hub}
    info["sara"] = Actor(info["supervisor"], "Sara Sjef")
    info["kari"] = Actor(info["officer"], "Kari Nordmann")
    yield info
    for client in (a, b, c):
        client.close()
        client.store.close()


def sync_in_order(info: dict[str, Any], order: str) -> None:
    """The two writers come back in ``order`` ("ab" or "ba"), then everyone syncs twice."""
    for name in order:
        info[name].sync_once()
    for _ in range(2):
        for name in "abc":
            info[name].sync_once()


def first_last(order: str) -> tuple[str, str]:
    return order[0], order[1]


# --- checking the invariants everywhere ------------------------------------------------------


def spans_overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def span(r: dict[str, Any]) -> tuple[str, str | None] | None:
        end = r["end_date"]
        return None if end is not None and end <= r["start_date"] else (r["start_date"], end)

    x, y = span(a), span(b)
    if x is None or y is None:
        return False
    return (y[1] is None or x[0] < y[1]) and (x[1] is None or y[0] < x[1])


def broken(rows: dict[tuple[str, str], dict[str, Any]]) -> list[str]:
    """The invariants these records break, in words (empty: none)."""
    out = []
    assignments = [r for (e, _), r in rows.items() if e == "assignment" and not r["deleted_at"]]
    for n, x in enumerate(assignments):
        for y in assignments[n + 1 :]:
            if x["inmate_id"] != y["inmate_id"] or not spans_overlap(x, y):
                continue
            if x["reason"] != "cover" and y["reason"] != "cover":
                out.append(f"two contact officers for {x['inmate_id']}")
            if x["reason"] == y["reason"] == "cover" and x["officer_id"] == y["officer_id"]:
                out.append(f"overlapping covers by one officer for {x['inmate_id']}")
    open_contact: dict[str, int] = {}
    for r in assignments:
        if r["reason"] != "cover" and r["end_date"] is None:
            open_contact[r["inmate_id"]] = open_contact.get(r["inmate_id"], 0) + 1
    out += [f"{n} open contact assignments for {k}" for k, n in open_contact.items() if n != 1]
    ongoing: dict[tuple[str, str], int] = {}
    for (e, _), r in rows.items():
        if e == "enrolment" and r["status"] not in ("completed", "withdrawn", "dismissed"):
            key = (r["inmate_id"], r["programme_id"])
            ongoing[key] = ongoing.get(key, 0) + 1
    out += [f"{n} ongoing enrolments {k}" for k, n in ongoing.items() if n > 1]
    plans: dict[str, int] = {}
    for (e, _), r in rows.items():
        if e == "release_plan":
            plans[r["inmate_id"]] = plans.get(r["inmate_id"], 0) + 1
    out += [f"{n} release plans for {k}" for k, n in plans.items() if n > 1]
    signed: dict[tuple[str, str], int] = {}
    for (e, _), r in rows.items():
        if e == "milestone_signoff":
            key = (r["enrolment_id"], r["milestone_id"])
            signed[key] = signed.get(key, 0) + 1
    for (e, _), r in rows.items():
        if e == "release_signoff":
            key = (r["plan_id"], r["role"])
            signed[key] = signed.get(key, 0) + 1
    out += [f"signed off {n} times {k}" for k, n in signed.items() if n > 1]
    return out


def hub_rows(hub: Hub) -> dict[tuple[str, str], dict[str, Any]]:
    return {k: v for k, v in hub.records().items() if k[0] in CHECKED}


def checked_rows(client: SyncClient) -> dict[tuple[str, str], dict[str, Any]]:
    return {k: comparable(v) for k, v in local_rows(client).items() if k[0] in CHECKED}


def assert_kept_and_converged(info: dict[str, Any]) -> None:
    hub_state = hub_rows(info["hub"])
    assert broken(hub_state) == []
    held = {name: checked_rows(info[name]) for name in "abc"}
    for name in "abc":
        assert broken(held[name]) == [], name
        assert held[name] == held["a"], f"{name} differs from a"
    assert set(held["a"]) == set(hub_state)
    for name in "abc":
        assert info[name].status().waiting == 0
        with info[name].store.raw() as db:
            assert audit.verify_records(db) == [], name


def inbox(info: dict[str, Any], name: str, kind: str) -> list[conflicts.ConflictRow]:
    return [c for c in conflicts.inbox(info[name].store, info["sara"]).conflicts if c.kind == kind]


def open_contact_officer(client: SyncClient, inmate_id: str) -> list[str]:
    rows = checked_rows(client)
    return [
        r["officer_id"]
        for (e, _), r in rows.items()
        if e == "assignment"
        and r["inmate_id"] == inmate_id
        and r["reason"] != "cover"
        and r["end_date"] is None
    ]


# --- one contact officer per person ----------------------------------------------------------


def reassign(client: SyncClient, info: dict[str, Any], to: str, start: date) -> None:
    people.reassign(
        client.store,
        info["sara"],
        officer_id=info[to],
        inmate_ids=[info["inmates"][0]],
        start=start,
        reason="workload",
    )


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_reassignments_apart_end_with_one_contact_officer_and_a_conflict(
    unit: dict[str, Any], order: str
) -> None:
    info = unit
    person = info["inmates"][0]
    reassign(info["a"], info, "ola", TODAY)
    reassign(info["b"], info, "per", TODAY)

    sync_in_order(info, order)

    first, _ = first_last(order)
    winner = "ola" if first == "a" else "per"
    loser = "per" if winner == "ola" else "ola"
    assert_kept_and_converged(info)
    for name in "abc":
        assert open_contact_officer(info[name], person) == [info[winner]]
        [row] = inbox(info, name, "assignment")
        assert not row.auto_resolved and not row.resolved
        assert row.person == "Person 0" and row.record == "Contact officer"
        assert row.kept.value == winner.capitalize() and row.lost.value == loser.capitalize()
        assert row.decisions == (Decision.KEEP, Decision.TAKE_OTHER)
        assert winner.capitalize() in row.note and loser.capitalize() in row.note
        assert info[name].status().rejected == 0
    # The untouched person is as before.
    assert open_contact_officer(info["c"], info["inmates"][1]) == [info["officer"]]


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_reassignments_apart_on_different_dates_never_overlap(
    unit: dict[str, Any], order: str
) -> None:
    """The old assignment's end date is merged by clock; whatever wins, no two contact
    assignments overlap on any date."""
    info = unit
    reassign(info["a"], info, "ola", TODAY - timedelta(days=3))
    reassign(info["b"], info, "per", TODAY)

    sync_in_order(info, order)

    assert_kept_and_converged(info)
    for name in "abc":
        assert len(open_contact_officer(info[name], info["inmates"][0])) == 1
        # One to decide (the closed assignment); the old assignment's end date, if the later
        # one would have overlapped, kept its stored value: that one is there to review.
        rows = inbox(info, name, "assignment")
        assert len([r for r in rows if not r.auto_resolved]) == 1
        assert all(r.field_name == "end_date" for r in rows if r.auto_resolved)


def test_the_supervisor_takes_the_other_officer_and_it_reaches_everyone(
    unit: dict[str, Any],
) -> None:
    info = unit
    person = info["inmates"][0]
    reassign(info["a"], info, "ola", TODAY)
    reassign(info["b"], info, "per", TODAY)
    sync_in_order(info, "ab")
    [row] = inbox(info, "c", "assignment")

    conflicts.resolve(info["c"].store, info["sara"], conflict_id=row.id, decision="take_other")
    sync_in_order(info, "cab")

    assert_kept_and_converged(info)
    for name in "abc":
        assert open_contact_officer(info[name], person) == [info["per"]]
        [decided] = [
            c
            for c in conflicts.inbox(
                info[name].store, info["sara"], include_resolved=True
            ).conflicts
            if c.id == row.id
        ]
        assert decided.resolved
    # A decision other than keeping or taking the other officer is refused in words.
    with pytest.raises(conflicts.ValidationError):
        conflicts.resolve(
            info["a"].store, info["sara"], conflict_id=row.id, decision="merge", merged="x"
        )


# --- the same through one group commit -------------------------------------------------------


def make_op(
    entity: str,
    entity_id: str,
    op: str,
    payload: dict[str, Any],
    hlc: str,
    *,
    op_id: str | None = None,
    schema_version: int = 1,
    base_version: int | None = None,
    signed: tuple[str | None, str | None] | None = None,
) -> dict[str, Any]:
    """The one place ops are built by hand in this module: with ``signed`` (signer,
    signature) as a workstation's outbox holds them, else signed by the seeded unit's
    supervisor (an insider with their own key: the invariants hold for them too)."""
    made = {
        "op_id": op_id or f"op-{new_id()}",
        "entity": entity,
        "entity_id": entity_id,
        "op": op,
        "payload": payload,
        "hlc": hlc,
        "schema_version": schema_version,
        "base_version": base_version,
    }
    if signed is not None:
        return made | {"signer": signed[0], "signature": signed[1]}
    return sign_op(made, LATEST["supervisor"])


def push_job(client: SyncClient, hub: Hub) -> PushJob:
    with client.store.reading() as session:
        ops = [
            make_op(
                e.entity,
                e.entity_id,
                e.op,
                json.loads(e.payload),
                e.hlc,
                op_id=e.op_id,
                schema_version=e.schema_version,
                signed=(e.signer, e.signature),
            )
            for e in session.exec(select(OutboxEntry)).all()
        ]
    device_id = client._setting(K_DEVICE)
    with hub.engine.connect() as conn:
        row = conn.execute(sa.select(hub_db.device).where(hub_db.device.c.id == device_id)).one()
    body = p.PushRequest.model_validate({"ops": ops, "waiting": 0})
    return PushJob(body, dict(row._mapping), datetime.now(UTC))


def test_two_reassignments_in_one_group_commit(unit: dict[str, Any]) -> None:
    """Both pushes merged in one transaction (written only at its end): the second is
    checked against what the first merged, not only against the database."""
    info, hub = unit, unit["hub"]
    reassign(info["a"], info, "ola", TODAY)
    reassign(info["b"], info, "per", TODAY)
    writer = hub.app.app.state.push_writer
    assert isinstance(writer, PushWriter)
    groups = writer.groups
    first, second = push_job(info["a"], hub), push_job(info["b"], hub)
    assert first.batched and second.batched

    writer.apply([first, second])

    assert writer.groups == groups + 1  # one transaction, not retried alone
    for done in (first, second):
        assert done.result is not None
        assert {r.status for r in done.result.results} == {"applied"}
    # The workstations never heard the answers: they send again, get "duplicate", pull.
    sync_in_order(info, "ab")
    assert_kept_and_converged(info)
    for name in "abc":
        assert open_contact_officer(info[name], info["inmates"][0]) == [info["ola"]]
        assert len(inbox(info, name, "assignment")) == 1


# --- one officer covers a person once at a time ----------------------------------------------


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_overlapping_covers_by_one_officer_apart(unit: dict[str, Any], order: str) -> None:
    info = unit
    for name, start, end in (("a", 1, 10), ("b", 5, 15)):
        cover.arrange_cover(
            info[name].store,
            info["sara"],
            absent_officer_id=info["officer"],
            cover_officer_id=info["ola"],
            start=TODAY + timedelta(days=start),
            end=TODAY + timedelta(days=end),
        )

    sync_in_order(info, order)

    assert_kept_and_converged(info)
    first, _ = first_last(order)
    standing = (1, 10) if first == "a" else (5, 15)
    for name in "abc":
        with info[name].store.reading() as session:
            running = cover.covers_from(session, TODAY)
        assert [(r.cover_officer_id, r.people) for r in running] == [(info["ola"], 2)]
        assert running[0].start == TODAY + timedelta(days=standing[0])
        rows = inbox(info, name, "cover")
        assert len(rows) == 2 and all(r.auto_resolved for r in rows)  # one per person
        assert rows[0].decisions == (Decision.KEEP,)


def test_two_officers_may_cover_one_person(unit: dict[str, Any]) -> None:
    """The workstation allows two covers by different officers; so does the hub."""
    info = unit
    for name, by in (("a", "ola"), ("b", "per")):
        cover.arrange_cover(
            info[name].store,
            info["sara"],
            absent_officer_id=info["officer"],
            cover_officer_id=info[by],
            start=TODAY + timedelta(days=1),
            end=TODAY + timedelta(days=5),
        )
    sync_in_order(info, "ab")
    assert_kept_and_converged(info)
    with info["c"].store.reading() as session:
        assert len(cover.covers_from(session, TODAY)) == 2
    assert not inbox(info, "c", "cover")


# --- one ongoing enrolment per person and programme ------------------------------------------


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_enrolments_in_one_programme_apart(unit: dict[str, Any], order: str) -> None:
    info = unit
    person = info["inmates"][0]
    with info["a"].store.reading() as session:
        programme = session.exec(select(Programme)).first()
        assert programme is not None
    for name in "ab":
        programmes.enrol(
            info[name].store,
            info["kari"],
            inmate_id=person,
            programme_id=programme.id,
            on=TODAY,
            start_now=name == "a",
        )

    sync_in_order(info, order)

    assert_kept_and_converged(info)
    first, _ = first_last(order)
    for name in "abc":
        statuses = sorted(
            r["status"] for (e, _), r in checked_rows(info[name]).items() if e == "enrolment"
        )
        assert statuses == sorted(["active" if first == "a" else "waiting", "withdrawn"])
        [row] = inbox(info, name, "enrolment")
        assert row.auto_resolved and row.kept.value == "withdrawn"


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_one_milestone_signed_off_twice_apart(unit: dict[str, Any], order: str) -> None:
    info = unit
    person = info["inmates"][0]
    with info["a"].store.reading() as session:
        programme = session.exec(select(Programme)).first()
        assert programme is not None
        milestone = session.exec(
            select(ProgrammeMilestone).where(ProgrammeMilestone.programme_id == programme.id)
        ).first()
        assert milestone is not None
    programmes.enrol(
        info["a"].store,
        info["kari"],
        inmate_id=person,
        programme_id=programme.id,
        on=TODAY,
        start_now=True,
    )
    for name in "abc":
        info[name].sync_once()
    with info["a"].store.reading() as session:
        [enrolment] = session.exec(select(Enrolment)).all()
    for name in "ab":
        programmes.sign_off_milestone(
            info[name].store, info["kari"], enrolment_id=enrolment.id, milestone_id=milestone.id
        )

    sync_in_order(info, order)

    assert_kept_and_converged(info)
    _, last = first_last(order)
    for name in "abc":
        signed = [r for (e, _), r in checked_rows(info[name]).items() if e == "milestone_signoff"]
        assert len(signed) == 1
        [row] = inbox(info, name, "milestone_signoff")
        assert row.auto_resolved and row.record == "Programme milestone"
    assert [r.entity for r in info[last].rejected()] == ["milestone_signoff"]


# --- one release plan per person -------------------------------------------------------------


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_release_plans_apart(unit: dict[str, Any], order: str) -> None:
    info = unit
    person = info["inmates"][0]
    dates = {"a": TODAY + timedelta(days=100), "b": TODAY + timedelta(days=120)}
    for name in "ab":
        release.create_plan(
            info[name].store, info["kari"], inmate_id=person, release_date=dates[name]
        )

    sync_in_order(info, order)

    assert_kept_and_converged(info)
    first, last = first_last(order)
    for name in "abc":
        plans = [r for (e, _), r in checked_rows(info[name]).items() if e == "release_plan"]
        assert [r["release_date"] for r in plans] == [dates[first].isoformat()]
        [row] = inbox(info, name, "release_plan")
        assert not row.auto_resolved and row.record == "Release plan"
        assert row.kept.value == dates[first].isoformat()
        assert row.lost.value == dates[last].isoformat()
    # The later plan's workstation was told, in words, in its list of refused changes.
    refused = info[last].rejected()
    assert any(
        r.entity == "release_plan" and "already has a release plan" in r.reason for r in refused
    )
    assert info[first].rejected() == []
    # The standing plan is the one everyone works on now.
    with info[last].store.reading() as session:
        [plan] = session.exec(select(release.ReleasePlan)).all()
    assert plan.release_date == dates[first]


# --- a device token in an attacker's hands ---------------------------------------------------


def test_hand_made_ops_cannot_break_the_invariants(unit: dict[str, Any]) -> None:
    """Changes that skip the workstation's own checks (an old or tampered client) meet the
    same rules at the hub: a second open contact assignment is stored closed, reopening it
    keeps it closed, a second release plan is refused; each leaves a conflict."""
    info, hub = unit, unit["hub"]
    person = info["inmates"][1]
    release.create_plan(
        info["a"].store, info["kari"], inmate_id=person, release_date=TODAY + timedelta(days=90)
    )
    info["a"].sync_once()
    token = info["c"]._setting("sync.token")
    transport = InProcessTransport(hub.app)

    def hlc(n: int) -> str:
        return f"{int(time.time() * 1000):013d}-{n:05d}-evil"

    def push(*ops: dict[str, Any]) -> list[dict[str, Any]]:
        status, body = transport.send("POST", "/sync/push", token=token, body={"ops": list(ops)})
        assert status == 200, body
        return list(body["results"])

    extra = new_id()
    assignment = {
        "id": extra,
        "officer_id": info["ola"],
        "inmate_id": person,
        "start_date": TODAY.isoformat(),
        "end_date": None,
        "reason": "workload",
        "note": "",
        "updated_by": info["supervisor"],
        "updated_hlc": hlc(0),
        "device_id": "evil",
        "deleted_at": None,
    }
    [inserted] = push(make_op("assignment", extra, "insert", assignment, hlc(0)))
    assert inserted["status"] == "applied"
    assert hub.records()[("assignment", extra)]["end_date"] == TODAY.isoformat()
    reopen = {"id": extra, "end_date": None, "updated_by": info["supervisor"]}
    [reopened] = push(make_op("assignment", extra, "update", reopen, hlc(1), base_version=1))
    assert reopened["status"] == "applied"
    assert hub.records()[("assignment", extra)]["end_date"] == TODAY.isoformat()

    plan = new_id()
    second = {
        "id": plan,
        "inmate_id": person,
        "release_date": (TODAY + timedelta(days=30)).isoformat(),
        "template_code": "standard",
        "created_at": datetime.now(UTC).isoformat(),
        "created_by": info["officer"],
        "updated_by": info["officer"],
        "deleted_at": None,
    }
    [refused] = push(make_op("release_plan", plan, "insert", second, hlc(2)))
    assert refused["status"] == "rejected" and "already has a release plan" in refused["reason"]
    assert ("release_plan", plan) not in hub.records()

    for _ in range(2):
        for name in "abc":
            info[name].sync_once()
    assert_kept_and_converged(info)
    for name in "abc":
        assert open_contact_officer(info[name], person) == [info["officer"]]
        assert len(inbox(info, name, "assignment")) == 2  # the insert and the reopening
        assert len(inbox(info, name, "release_plan")) == 1


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_one_release_signed_off_twice_by_the_same_role_apart(
    unit: dict[str, Any], order: str
) -> None:
    info = unit
    person = info["inmates"][0]
    release.create_plan(
        info["a"].store, info["kari"], inmate_id=person, release_date=TODAY + timedelta(days=60)
    )
    for name in "abc":
        info[name].sync_once()
    for name in "ab":
        release.sign_off(
            info[name].store, info["sara"], inmate_id=person, override_reason=f"decided on {name}"
        )

    sync_in_order(info, order)

    assert_kept_and_converged(info)
    first, last = first_last(order)
    for name in "abc":
        [signed] = [r for (e, _), r in checked_rows(info[name]).items() if e == "release_signoff"]
        assert signed["override_reason"] == f"decided on {first}"
        [row] = inbox(info, name, "release_signoff")
        assert row.auto_resolved and row.decisions == (Decision.KEEP,)
    assert [r.entity for r in info[last].rejected()] == ["release_signoff"]


def test_a_plan_pulled_while_ours_still_waited_comes_again_after_the_refusal(
    unit: dict[str, Any],
) -> None:
    """B pulls A's plan while its own is still in its outbox (made during a sync, between the
    push and the pull): the pulled one cannot be stored yet.  When B's plan is refused, the
    hub sends the standing plan again, and B takes it."""
    info = unit
    person = info["inmates"][0]
    for name, days in (("a", 100), ("b", 120)):
        release.create_plan(
            info[name].store,
            info["kari"],
            inmate_id=person,
            release_date=TODAY + timedelta(days=days),
        )
    info["a"].sync_once()
    report = SyncReport()
    info["b"]._pull(report)  # the pull of a sync whose push went before B's plan was made
    assert report.skipped >= 1

    for _ in range(2):
        for name in "abc":
            info[name].sync_once()

    assert_kept_and_converged(info)
    with info["b"].store.reading() as session:
        [plan] = session.exec(select(release.ReleasePlan)).all()
    assert plan.release_date == TODAY + timedelta(days=100)
