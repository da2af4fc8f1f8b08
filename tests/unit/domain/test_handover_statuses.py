"""The handover's states and a person's status at a handover are one vocabulary, in domain/:
what the screens show, the store sorts by and the hub accepts."""

from __future__ import annotations

from officer_desk.app import handover
from officer_desk.domain.enums import HandoverEntryStatus, HandoverStatus
from officer_desk.store import handover as stored
from officer_desk.sync import payloads


def test_the_states_of_a_handover() -> None:
    assert [s.value for s in HandoverStatus] == ["draft", "handed_over", "signed"]
    assert tuple(HandoverStatus) == (handover.DRAFT, handover.HANDED_OVER, handover.SIGNED)
    assert payloads.CHOICES[("handover", "status")] == tuple(HandoverStatus)


def test_a_persons_status_from_least_to_most_worrying() -> None:
    assert [s.value for s in HandoverEntryStatus] == ["settled", "watch", "concern"]
    assert stored.STATUSES == handover.STATUSES == tuple(HandoverEntryStatus)
    assert payloads.CHOICES[("handover_entry", "status")] == tuple(HandoverEntryStatus)


def test_stored_values_are_plain_text() -> None:
    # Rows and outbox payloads hold str, never the enum (payload checks test the class).
    assert all(type(s) is str for s in (*stored.STATUSES, handover.DRAFT, handover.SIGNED))
