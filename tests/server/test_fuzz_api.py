"""Schemathesis over the hub's own ``/openapi.json``: no request, anonymous or with a valid
device token, valid or not by the schema, gets a 5xx; every answer is one the schema
documents (status, content type, body) and one outside the schema is refused with a 4xx.

In process (ASGI, no sockets), on a SQLite and a real PostgreSQL hub, every operation of
the schema.  Bounded and repeatable: a fixed number of examples per operation, mode and
caller, derandomized (the same requests on every run; CI stays stable), no example
database.  Valid requests are steered towards what the hub holds (a real person, a real
record, a clock that is right) so that pushes reach the merge with random payloads and
hello reaches the database, not only the first refusal.  A finding here gets a focused
test in test_hub_bounds.py."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import schemathesis

# Loaded (and rewritten by pytest) while the tests are collected, not first inside this test:
# after a long session a finaliser's ResourceWarning (an event loop some earlier test left
# to the collector) could interrupt that rewrite half-way ("AST constructor recursion depth
# mismatch"), failing a test that found nothing.
import schemathesis.specs.openapi.schemas
from hubseed import seed_and_enrol
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)
from synchelp import Hub, sign_op

from officer_desk.server.app import utc_now

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# Examples per operation, for each caller (anonymous, the device) and mode (valid, not).
# Sized so one database's run takes well under a minute on a busy two-core machine; the
# push (a random batch of changes with random payloads) gets the most.
EXAMPLES = {"POST /sync/push": 40}
DEFAULT_EXAMPLES = 15
ANONYMOUS_EXAMPLES = 8  # every one ends at the door (401) or at a bad enrolment code


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        # Bounded by the number of examples, not by time: a per-example deadline only makes
        # a loaded machine's run flaky.
        deadline=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
        ],
    )


def test_no_request_gets_a_server_error(hub: Hub, tmp_path: Path) -> None:
    info, tokens = seed_and_enrol(hub, tmp_path, persons=2, stations=1)
    held = sorted(hub.records())  # (entity, id) of every record on the hub
    schema = schemathesis.openapi.from_asgi("/openapi.json", hub.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {
        "POST /sync/enroll",
        "POST /sync/hello",
        "POST /sync/push",
        "GET /sync/pull",
        "GET /sync/snapshot",
        "POST /sync/verify",
        "GET /sync/devices",
        "GET /healthz",
    }
    steer = Steering(info, held)
    seen: Counter[tuple[str, Any]] = Counter()  # (operation, status or push result)
    ran = 0
    for token in (None, tokens[0]):
        headers = {"Authorization": f"Bearer {token}"} if token else None
        for operation in operations:
            examples = (
                EXAMPLES.get(operation.label, DEFAULT_EXAMPLES) if token else ANONYMOUS_EXAMPLES
            )
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                strategy = operation.as_strategy(mode, headers=headers)
                valid = mode is GenerationMode.POSITIVE
                try:
                    fuzz(strategy, examples, steer if valid and token else None, seen)
                except Unsatisfiable:
                    # Nothing to make invalid (no parameters, no body: /healthz, /sync/devices).
                    assert not valid, operation.label
                    continue
                ran += 1
    assert ran >= 2 * len(operations)  # both callers, at least every valid mode
    # The run went past the door: pushes reached the merge (changes applied and refused),
    # hello reached the database, pages and snapshots were served.
    for reached in [
        ("POST /sync/push", 200),
        # (once changes must be signed, Steering.push signs them with a seeded account's key,
        # or this one goes: unsigned changes are all rejected)
        ("change", "applied"),
        ("change", "rejected"),
        ("POST /sync/hello", 200),
        ("GET /sync/pull", 200),
        ("GET /sync/snapshot", 200),
        ("POST /sync/verify", 200),
        ("POST /sync/push", 422),
        ("GET /sync/pull", 422),
    ]:
        assert seen[reached], (reached, sorted(seen.items(), key=str))


def fuzz(
    strategy: Any,
    examples: int,
    steer: Callable[[Any, random.Random], None] | None,
    seen: Counter[tuple[str, Any]],
) -> None:
    """Send ``examples`` requests of ``strategy`` (steered, if given) and check each answer."""

    @fuzz_settings(examples)
    @given(case=strategy, rnd=st.randoms(use_true_random=False))
    def run(case: Any, rnd: random.Random) -> None:
        if steer is not None:
            steer(case, rnd)
        response = case.call()
        case.validate_response(response, checks=CHECKS)
        label = case.operation.label
        seen[(label, response.status_code)] += 1
        if label == "POST /sync/push" and response.status_code == 200:
            for result in response.json()["results"]:
                seen[("change", result["status"])] += 1

    run()


_LAST = [0]


def fresh_clock() -> str:
    """A clock value after every one before it, a minute ahead of the wall clock."""
    _LAST[0] = max(_LAST[0] + 1, time.time_ns() // 1_000_000 + 60_000)
    return f"{_LAST[0]:013d}-00000-fuzz"


class Steering:
    """Points a valid request at what the hub holds, three times in four, keeping the rest
    of the generated content: a push's changes at real people and records (with a
    supervisor as author now and then) in the hub's schema version, hello's clock and
    version right, a pull with a cursor, a snapshot or verify at a real person."""

    def __init__(self, info: dict[str, Any], held: list[tuple[str, str]]) -> None:
        self.people: list[str] = info["inmates"]
        self.authors = [info["supervisor"], info["officer"], None]
        self.signers = [info["supervisor"], info["officer"], info["admin"]]
        self.held = held
        self.by_path: dict[str, Callable[[Any, random.Random], None]] = {
            "/sync/push": self.push,
            "/sync/pull": self.pull,
            "/sync/hello": self.hello,
            "/sync/snapshot": self.snapshot,
            "/sync/verify": self.verify,
        }

    def __call__(self, case: Any, rnd: random.Random) -> None:
        steer = self.by_path.get(case.operation.path)
        if steer is not None and rnd.random() < 0.75:
            steer(case, rnd)

    def push(self, case: Any, rnd: random.Random) -> None:
        for op in case.body.get("ops", []):
            op["schema_version"] = 1  # else the whole push is "update the app" (426)
            payload = op["payload"]
            choice = rnd.random()
            if choice < 0.4:  # a change of a record the hub holds
                op["entity"], op["entity_id"] = rnd.choice(self.held)
                op["op"] = "update"
                payload["id"] = op["entity_id"]
            elif choice < 0.8:  # a new record about a real person
                payload["id"] = op["entity_id"]
                payload["inmate_id"] = rnd.choice(self.people)
            if rnd.random() < 0.5:
                payload["updated_by"] = rnd.choice(self.authors)
            if rnd.random() < 0.75 and isinstance(op.get("op_id"), str):
                # Signed by a seeded account (as a workstation signs), at a clock after the
                # device's last change, so that changes reach the merge; the rest stay
                # unsigned or as generated and are refused on their own.
                op["hlc"] = fresh_clock()
                signed = sign_op(op, rnd.choice(self.signers))
                op["signer"], op["signature"] = signed["signer"], signed["signature"]

    def hello(self, case: Any, _rnd: random.Random) -> None:
        case.body["client_time"] = utc_now().isoformat()
        case.body["schema_version"] = 1

    def pull(self, case: Any, rnd: random.Random) -> None:
        # A cursor as a workstation sends it (a random one is nearly always malformed).
        case.query = {**(case.query or {}), "cursor": rnd.choice(["", "{}"])}

    def snapshot(self, case: Any, rnd: random.Random) -> None:
        case.query["inmate"] = rnd.choice(self.people)

    def verify(self, case: Any, rnd: random.Random) -> None:
        scopes = case.body["scopes"]
        if scopes:
            scopes[rnd.choice(self.people)] = scopes.pop(next(iter(scopes)))


@pytest.fixture(autouse=True)
def _quiet_hub_logs(caplog: pytest.LogCaptureFixture) -> None:
    """The hub logs every refused change (thousands here); keep pytest's capture small."""
    caplog.set_level("ERROR", logger="officer_desk.server")
