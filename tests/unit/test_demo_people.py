"""Generated demo people at facility scale: unique names, prison numbers and cells by
construction, valid for the domain's rules, the same for the same seed, quick to plan."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from officer_desk.app import people
from officer_desk.demo import generator as demo
from officer_desk.demo import people as demo_people

TODAY = date(2026, 6, 1)


def plan(count: int, seed: str = "demo", years: int = 2) -> list[demo_people.PersonPlan]:
    return demo_people.plan_people(random.Random(seed), count, years, TODAY, "H", "C")


def test_a_thousand_people_have_different_names_numbers_and_cells_and_pass_the_rules() -> None:
    plans = plan(1000)
    details = [p.details for p in plans]

    assert len({d.full_name for d in details}) == 1000
    assert len({d.prison_number for d in details}) == 1000
    assert len({d.cell for d in details}) == 1000
    for person in details:
        # What registering them checks (the under-15 rule, dates in order, lengths, formats).
        assert people.validate_inmate(person, TODAY) == person
        assert person.arrival_date and person.date_of_birth
        assert person.arrival_date.year - person.date_of_birth.year >= demo_people.ADULT_AGE


def test_a_big_unit_keeps_the_facilitys_mix_of_origins() -> None:
    plans = plan(1000)
    languages = Counter(p.details.languages[0] for p in plans)

    assert 500 <= languages["norsk"] <= 660  # about 58 in 100
    assert len(languages) == len(demo_people.ORIGINS)
    assert any(len(p.details.full_name.split()) == 2 for p in plans)
    assert all(c in "".join(p.details.full_name for p in plans) for c in "æøåŁł")


def test_names_stay_unique_far_past_every_first_and_last_name_pair() -> None:
    # Ten times the Norwegian pool's pairs of the smaller origins: two given names take over.
    plans = plan(demo.MAX_INMATES)
    names = [p.details.full_name for p in plans]

    assert len(set(names)) == demo.MAX_INMATES
    assert any(len(name.split()) == 3 for name in names)
    assert demo_people.UniqueNames(random.Random(1), demo_people.ORIGINS).capacity() > (
        10 * demo.MAX_INMATES
    )


def test_the_same_seed_plans_the_same_people_and_another_seed_others() -> None:
    first, again, other = plan(300), plan(300), plan(300, seed="other")

    assert [p.details for p in first] == [p.details for p in again]
    assert [p.details.full_name for p in first] != [p.details.full_name for p in other]


def test_small_units_keep_one_wing_and_big_ones_number_their_wings() -> None:
    small = [p.details.cell for p in plan(12)]
    big = [p.details.cell for p in plan(1000)]

    assert all(cell[0] == "C" and cell[1:].isdigit() and len(cell) == 4 for cell in small)
    assert {cell.split("-")[0] for cell in big} == {"C1", "C2", "C3", "C4"}


def test_officer_names_are_unique_for_the_largest_unit() -> None:
    contact = -(-demo.MAX_INMATES * 2 // 11)  # ceil(people / 5.5), as seed_demo takes them
    names = demo_people.officer_names(contact)

    assert len(set(names)) == len(names) == contact
    assert names[:3] == demo_people.OFFICER_NAMES[:3]
    assert not set(names) & {*demo_people.SUPERVISOR_NAMES, demo_people.ADMIN_NAME}
