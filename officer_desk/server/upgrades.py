"""Changes written by the previous version of the app, brought to today's shape before the hub
merges them (issue 15 item 5: upgrades in stages).

*The schema version of a change* (``Op.schema_version``, ``tables.SYNC_SCHEMA_VERSION``) is the
version of the record shapes its payload was written in: which fields each entity's payload
may carry and what they mean.  The workstation's Writer stamps it on every outbox entry and the
author's signature covers it (``domain.signing.change_bytes``), so an entry keeps the version
it was written in however late it is sent.  It changes when a synced table gains, loses or
reinterprets a field; a store migration that touches no synced column leaves it alone.

- version 1: the record shapes up to store migration 0015;
- version 2: store migration 0016 added ``case_note.void_reason`` (a void says why).

The hub accepts ``protocol.MIN_SCHEMA_VERSION`` (the previous version) to
``protocol.MAX_SCHEMA_VERSION`` (the current one) and refuses any other with 426 (the
workstation keeps its outbox and says "update the app", or "update the hub" for a hub older
than the workstation).  An accepted older change is upgraded here step by step, N-1 to N, by
the table :data:`STEPS` before the merge sees it; its signature is still checked against what
its author signed (:func:`as_signed`), and the proofs and account log that workstations check
keep that signed original.  Rules for a step: it only fills in or renames what the newer shape
needs (never a field that grants rights, ``domain.permissions.RIGHTS``, which workstations
check against the signed original); it never fails on a malformed payload (the payload check
after it says what is wrong); an update carries only the fields it changed, so a field the
older version did not know is not added to an update.

Pulls serve the current shape.  A field added at version N must therefore be one a version
N-1 workstation can take, or the hub must learn to serve the older shape (by the version a
device says in ``hello``) before that version is published.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from officer_desk.sync import protocol as p

# (op kind, payload) -> the payload in the next version's shape (a new dict; never mutate).
Step = Callable[[str, dict[str, Any]], dict[str, Any]]


def _note_gains_void_reason(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Version 2 (store 0016): a note has ``void_reason``, "" unless voided with a reason.  A
    version 1 note is inserted without one; a version 1 update changed no reason."""
    if kind != "insert" or "void_reason" in payload:
        return payload
    return {**payload, "void_reason": ""}


# STEPS[n][entity]: upgrades a change of ``entity`` from version n - 1 to version n.  An entity
# without a step at some version did not change shape then.
STEPS: dict[int, dict[str, Step]] = {
    2: {"case_note": _note_gains_void_reason},
}


class UpgradedOp(p.Op):
    """A change written in an older version, in today's shape; ``signed`` is the change as its
    author signed and sent it (the signature, proofs and account log use that one)."""

    signed: p.Op


def to_current(op: p.Op) -> p.Op:
    """``op`` in the current version's shape: ``op`` itself when no step changes it (it is
    current, or of a kind whose shape did not change: the merge reads no version), else an
    :class:`UpgradedOp`.  A version older than the hub's range is left alone (the route
    refuses it first)."""
    version = op.schema_version
    if version >= p.MAX_SCHEMA_VERSION or version < p.MIN_SCHEMA_VERSION:
        return op
    payload = op.payload
    for step_to in range(version + 1, p.MAX_SCHEMA_VERSION + 1):
        step = STEPS.get(step_to, {}).get(op.entity)
        if step is not None:
            payload = step(op.op, payload)
    if payload is op.payload:
        return op
    fields = op.model_dump(exclude={"payload", "schema_version"})
    return UpgradedOp(
        **fields, payload=payload, schema_version=p.MAX_SCHEMA_VERSION, signed=as_signed(op)
    )


def upgrade_push(body: p.PushRequest) -> p.PushRequest:
    """A push (its versions already checked in range) with every change in today's shape."""
    if all(op.schema_version == p.MAX_SCHEMA_VERSION for op in body.ops):
        return body  # the common case costs one look at each op
    return body.model_copy(update={"ops": [to_current(op) for op in body.ops]})


def as_signed(op: p.Op) -> p.Op:
    """The change as its author signed it (``op`` itself unless it was upgraded)."""
    return op.signed if isinstance(op, UpgradedOp) else op
