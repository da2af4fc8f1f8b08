"""The rules behind who is who (domain.identity) and who comes first (domain.triage)."""

from __future__ import annotations

from dataclasses import dataclass

from officer_desk.domain import identity, triage
from officer_desk.domain.triage import Facts, Reason


def test_a_label_is_preferred_name_surname_prison_number_and_cell() -> None:
    label = identity.person_label("Frode Sørensen", "Frode", "H-1010", "C523")
    assert label.long == "Frode Sørensen · H-1010 · C523"
    assert label.short == "Frode S. · H-1010 · C523"
    assert label.details == "H-1010 · C523"
    assert identity.person_label("Mohamed Farah", "Mo").name == "Mo Farah"
    assert identity.person_label("Pål Nærland").long == "Pål Nærland"
    # A preferred name that already carries the surname is not doubled; no cell, no dot.
    assert identity.person_label("Anna Berg", "Anna Berg", "H-1").long == "Anna Berg · H-1"
    assert identity.shown_name("  Eirik   ", "") == "Eirik"


def test_two_people_of_one_list_never_look_alike() -> None:
    people = [
        identity.person_label("Frode Sørensen", "Frode", "H-1", "C1"),
        identity.person_label("Frode Sæther", "Frode", "H-2", "C2"),
        identity.person_label("Frode Berg", "", "H-3", "C3"),
    ]
    short = identity.labels(people, lambda p: p, short=True)
    # The two "Frode S." keep their whole surname; "Frode B." needs no more.
    assert short == [
        "Frode Sørensen · H-1 · C1",
        "Frode Sæther · H-2 · C2",
        "Frode B. · H-3 · C3",
    ]
    assert identity.alike(short) == set()
    # Even the same name twice differs by the prison number.
    twins = [identity.person_label("Ola Nordmann", "", n) for n in ("H-7", "H-8")]
    assert identity.alike(identity.labels(twins, lambda p: p)) == set()


def test_severities_pair_with_alerts_and_unknown_ones_count_as_medium() -> None:
    assert triage.paired_severities(["a", "b", "c"], ["high"]) == ("high", "medium", "medium")
    assert triage.paired_severities(["a"], ["low", "high"]) == ("low",)
    assert triage.paired_severities(["a"], ["critical"]) == ("medium",)


def test_needs_are_heaviest_first_with_their_reasons() -> None:
    facts = Facts(
        alert_severities=("low", "high"),
        refusal_flag=True,
        release_alert="seven_days",
        days_to_release=17,
        overdue_follow_ups=2,
        contact_nudge=True,
        recent_concerns=1,
    )
    found = triage.needs(facts)
    assert [n.reason for n in found] == [
        Reason.SAFETY_ALERT,
        Reason.REFUSAL_STREAK,
        Reason.RELEASE_NOT_READY,
        Reason.OVERDUE_FOLLOW_UP,
        Reason.NO_CONTACT,
        Reason.CONCERN_NOTES,
        Reason.MINOR_ALERT,
    ]
    assert found[3].count == 2
    assert triage.needs(Facts()) == ()
    # A release date already passed is not "release close".
    assert triage.needs(Facts(release_alert="seven_days", days_to_release=-3)) == ()


@dataclass(frozen=True)
class Person:
    id: str
    facts: Facts


def order(people: list[Person], pinned: tuple[str, ...] = ()) -> list[str]:
    return [p.id for p in triage.order(people, lambda p: p.facts, lambda p: p.id, pinned)]


def test_the_order_of_need() -> None:
    by_name = [
        Person("ahmed", Facts(contact_nudge=True)),
        Person("bjorn", Facts()),
        Person("frode", Facts(refusal_flag=True)),
        Person("interpreter", Facts(alert_severities=("low",))),
        Person("release-soon", Facts(release_alert="seven_days", days_to_release=5)),
        Person("release-later", Facts(release_alert="eight_weeks", days_to_release=40)),
        Person("overdue", Facts(overdue_follow_ups=1)),
        Person("suicide-risk", Facts(alert_severities=("high",), days_to_release=17)),
        Person("two-things", Facts(contact_nudge=True, recent_concerns=2)),
    ]
    assert order(by_name) == [
        "suicide-risk",
        "frode",
        "release-soon",
        "release-later",
        "overdue",
        "two-things",  # a talk and concern notes outweigh a talk alone
        "ahmed",
        "interpreter",
        "bjorn",  # nothing: last, names keep their order
    ]


def test_a_pinned_order_comes_first_and_newcomers_follow_by_need() -> None:
    people = [
        Person("a", Facts()),
        Person("b", Facts(refusal_flag=True)),
        Person("c", Facts()),
        Person("new", Facts(alert_severities=("high",))),
    ]
    assert order(people, pinned=("c", "a", "b", "gone")) == ["c", "a", "b", "new"]
