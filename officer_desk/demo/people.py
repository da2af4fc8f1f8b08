"""Generated people for demo data: unique names, prison numbers and cells at any unit size.

Names are drawn by origin (a Norwegian prison's mix: most Norwegian, then Polish, Lithuanian,
Somali, Arabic-speaking, Romanian, Eritrean and English-speaking people), each origin walking
its own seeded shuffle of every first-and-last-name pair and, once those are used, of every
name with two given names ("Ole Martin Berg", "Tomasz Piotr Nowak").  So names are unique by
construction: nothing is retried at random, and a unit of 10,000 people costs the same per
person as a unit of 12.  Prison numbers count up; cells fill corridors floor by floor, in
extra wings once a unit outgrows the first one.  Every choice comes from the ``random.Random``
it is given, so the same seed gives the same people.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from officer_desk.app import people
from officer_desk.domain.enums import ActivityCategory

# --- names and vocabulary, written by hand (no Faker: small, deterministic, Norwegian) ------

OFFICER_NAMES = [
    "Åse Solberg", "Bjørn Østby", "Søren Dæhli", "Kari Nordmann", "Trond Ødegård",
    "Frøydis Løvås", "Håkon Bråthen", "Guro Strøm", "Pål Kvåle", "Siv Grønli",
    "Aisha Rahman", "Daniel Okoye", "Marta Kowalczyk", "Liam O'Connor", "Mette Sæther",
    "Øyvind Nærland", "Hege Bakke", "Kjetil Myrvold", "Ingvild Åsheim", "Jørn Tærum",
    "Nina Haugen", "Tor Åge Lie", "Sølvi Fjeld", "Reidar Bjørklund",
]  # fmt: skip
SUPERVISOR_NAMES = ["Åsmund Næss", "Ingrid Sæbø", "Gunnar Ræder"]
ADMIN_NAME = "Sølvi Lægreid"


@dataclass(frozen=True)
class Origin:
    weight: int
    first: tuple[str, ...]
    last: tuple[str, ...]
    languages: tuple[str, ...]
    halal: bool = False


ORIGINS = [
    Origin(
        58,
        ("Øystein", "Jørgen", "Pål", "Håkon", "Kåre", "Bjørnar", "Ståle", "Sindre", "Even",
         "Eirik", "Ørjan", "Joakim", "Mats", "Anders", "Jonas", "Sander", "Kristoffer",
         "Marius", "Ole", "Steinar", "Geir", "Frode", "Espen", "Rune", "Vegard", "Tor-Åge",
         "Lars", "Knut", "Magnus", "Henrik", "Thomas", "Martin", "Fredrik", "Stian", "Tore",
         "Arild", "Morten", "Kjell", "Terje", "Svein", "Håvard", "Torbjørn", "Andreas",
         "Christian", "Emil", "Tobias", "Alexander"),
        ("Østby", "Sæther", "Ødegård", "Bråthen", "Løvås", "Haugen", "Dæhli", "Håland",
         "Strøm", "Bakke", "Kvåle", "Myrvold", "Sørensen", "Nærland", "Grønli", "Åsheim",
         "Berg", "Johansen", "Lie", "Moen", "Solberg", "Nygård", "Fjeld", "Bjørklund", "Ås",
         "Hansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
         "Jensen", "Karlsen", "Eriksen", "Halvorsen", "Dahl", "Lund", "Jakobsen", "Iversen",
         "Rønning", "Tveit", "Vik", "Sæle", "Brekke"),
        ("norsk",),
    ),
    Origin(8, ("Tomasz", "Piotr", "Mateusz", "Krzysztof", "Paweł", "Marcin", "Łukasz",
               "Michał", "Kamil", "Jakub", "Grzegorz", "Dariusz"),
           ("Nowak", "Kowalski", "Wiśniewski", "Zieliński", "Wójcik", "Kamiński",
            "Lewandowski", "Szymański", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk"),
           ("polsk", "engelsk")),
    Origin(5, ("Vytautas", "Mindaugas", "Tomas", "Darius", "Giedrius", "Andrius", "Rimantas",
               "Saulius", "Paulius", "Arūnas"),
           ("Kazlauskas", "Petrauskas", "Jankauskas", "Stankevičius", "Vasiliauskas",
            "Žukauskas", "Butkus", "Paulauskas", "Urbonas", "Navickas"),
           ("litauisk", "russisk")),
    Origin(7, ("Abdi", "Mohamed", "Yusuf", "Hamza", "Abdirahman", "Ismail", "Hussein", "Said",
               "Liban", "Farhan", "Guled", "Mahad"),
           ("Abdullahi", "Warsame", "Hassan", "Farah", "Osman", "Jama", "Mohamud", "Egal",
            "Aden", "Nur", "Dirie", "Hersi"),
           ("somali", "norsk"), halal=True),
    Origin(7, ("Ahmed", "Omar", "Ali", "Karim", "Khaled", "Samir", "Tariq", "Bilal", "Rami",
               "Yasin", "Nabil", "Mahmoud"),
           ("Khalil", "Haddad", "Mansour", "Saleh", "Nasser", "Hamdan", "Darwish", "Aziz",
            "Barakat", "Qasim", "Sabri", "Yousef"),
           ("arabisk", "engelsk"), halal=True),
    Origin(5, ("Andrei", "Ionuț", "Mihai", "Florin", "Bogdan", "Cristian", "Marian",
               "Gheorghe", "Adrian", "Vasile"),
           ("Popescu", "Ionescu", "Dumitru", "Stan", "Stoica", "Gheorghiu", "Rusu", "Munteanu",
            "Matei", "Constantin"),
           ("rumensk", "engelsk")),
    Origin(5, ("Dawit", "Yonas", "Semere", "Filmon", "Yohannes", "Mehari", "Tesfay",
               "Bereket", "Robel", "Natnael"),
           ("Tesfaye", "Ghebremedhin", "Haile", "Tekle", "Kidane", "Berhane", "Gebru",
            "Asfaha", "Mebrahtu", "Woldu"),
           ("tigrinja", "engelsk")),
    Origin(5, ("Daniel", "James", "Emmanuel", "Michael", "David", "Samuel", "John", "Chinedu",
               "Kwame", "Peter"),
           ("Okafor", "Smith", "Mensah", "Johnson", "Brown", "Adeyemi", "Owusu", "Williams",
            "Taylor", "Boateng"),
           ("engelsk",)),
]  # fmt: skip

NICKNAMES = {
    "Kristoffer": "Kris", "Mohamed": "Mo", "Tomasz": "Tomek", "Krzysztof": "Krzyś",
    "Alexander": "Alex", "Vytautas": "Vytas", "Joakim": "Jocke", "Steinar": "Steini",
    "Mindaugas": "Mindis", "James": "Jim", "Michael": "Mike", "Abdirahman": "Abdi",
    "Torbjørn": "Tobben", "Christian": "Chris", "Samuel": "Sam", "Grzegorz": "Grzesiek",
}  # fmt: skip

DIETS = ["vegetar", "laktosefri", "glutenfri (cøliaki)", "diabeteskost", "vegan"]
ALLERGIES = ["nøtter", "skalldyr", "penicillin", "egg", "pollen"]
ALERTS = [
    "Selvskadingsrisiko – tilsyn hver time",
    "Diabetes type 1 – insulin kl. 08 og 20",
    "Epilepsi",
    "Trenger tolk ved samtaler",
    "Sinne – rolig tone, gi tid",
    "Needs an interpreter for health appointments",
    "Rusmiddeltest ved retur fra permisjon",
]
PROGRAMMES = ["Sinnemestring", "Rusmestringsprogram", "Ny start", "Foreldreveiledning"]

# A wing: nine floors of thirty cells ("C101" .. "C930"); bigger units get more wings.
FLOORS, CELLS_PER_FLOOR = 9, 30
ADULT_AGE = 18  # people in the demo arrived as adults (youth units are another matter)


def _names(rng: random.Random, first: tuple[str, ...], last: tuple[str, ...]) -> Iterator[str]:
    """Every name of these pools once, in a seeded order: all "first last" pairs, then (when
    a big unit has used them all) all "first second last" names with two given names."""
    pairs = [f"{f} {s}" for f in first for s in last]
    rng.shuffle(pairs)
    yield from pairs
    # Built only when needed: for the largest pool this is about 90,000 names.
    doubles = [f"{f} {m} {s}" for f in first for m in first if m != f for s in last]
    rng.shuffle(doubles)
    yield from doubles


class UniqueNames:
    """Hands out full names by origin, none twice (also not across origins, whose pools
    share a few names).  An origin whose names are all used passes on to the next one."""

    def __init__(self, rng: random.Random, origins: list[Origin]) -> None:
        self.origins = origins
        # Each origin gets its own stream, seeded from ``rng``: its order does not depend on
        # how often other origins were drawn.
        self.streams = [
            _names(random.Random(rng.getrandbits(64)), o.first, o.last) for o in origins
        ]
        self.given: set[str] = set()

    def capacity(self) -> int:
        """An upper bound of the names there are (shared names count once per origin)."""
        return sum(len(o.first) * len(o.last) * len(o.first) for o in self.origins)

    def take(self, origin: Origin) -> tuple[Origin, str]:
        """A new name of ``origin`` (or of the next origin with names left) and that origin."""
        start = self.origins.index(origin)
        for step in range(len(self.origins)):
            index = (start + step) % len(self.origins)
            for name in self.streams[index]:
                if name not in self.given:
                    self.given.add(name)
                    return self.origins[index], name
        raise ValueError("every generated name is in use")


def officer_names(count: int) -> list[str]:
    """``count`` different officer names: the hand-written ones first, then combinations of
    their first and last names, then with two given names, in a fixed order."""
    names = list(dict.fromkeys(OFFICER_NAMES))
    firsts = list(dict.fromkeys(n.split()[0] for n in OFFICER_NAMES))
    lasts = list(dict.fromkeys(n.split()[-1] for n in OFFICER_NAMES))
    seen = set(names) | set(SUPERVISOR_NAMES) | {ADMIN_NAME}

    def more() -> Iterator[str]:
        for last in lasts:
            for first in firsts:
                yield f"{first} {last}"
        for last in lasts:
            for first in firsts:
                for second in firsts:
                    if second != first:
                        yield f"{first} {second} {last}"

    candidates = more()
    while len(names) < count:
        candidate = next(candidates)  # StopIteration past ~13,000 officers: MAX_INMATES stops it
        if candidate not in seen:
            seen.add(candidate)
            names.append(candidate)
    return names[:count]


def cell_numbers(rng: random.Random, count: int, unit_code: str) -> list[str]:
    """``count`` different cells: up to one wing ("C101" .. "C930") shuffled as before, bigger
    units in wings 1, 2, … ("C1-101", "C2-101"); everyone has a cell of their own."""
    per_wing = FLOORS * CELLS_PER_FLOOR
    wings = max(1, -(-count // per_wing))
    cells = [
        f"{unit_code}{'' if wings == 1 else f'{wing}-'}{floor}{n:02d}"
        for wing in range(1, wings + 1)
        for floor in range(1, FLOORS + 1)
        for n in range(1, CELLS_PER_FLOOR + 1)
    ]
    rng.shuffle(cells)
    return cells[:count]


@dataclass(frozen=True)
class PersonPlan:
    details: people.InmateDetails
    track: ActivityCategory | None  # the weekday occupation (work, school, programme)
    programme: str | None
    religious: bool
    halal: bool
    visit_chance: float
    gym_chance: float
    decline_chance: float
    partial_chance: float


def weighted(rng: random.Random, pairs: Iterable[tuple[Any, int]]) -> Any:
    items, weights = zip(*pairs, strict=True)
    return rng.choices(items, weights)[0]


def _birth_date(rng: random.Random, today: date, arrival: date) -> date:
    """19 to 64 years old today, and an adult on arrival (long windows reach far back)."""
    born = today.replace(day=1) - timedelta(days=365 * rng.randint(19, 64) + rng.randint(0, 364))
    latest = arrival.replace(year=arrival.year - ADULT_AGE, day=1)
    return min(born, latest - timedelta(days=rng.randint(0, 364)))


def plan_people(
    rng: random.Random, count: int, years: int, today: date, prefix: str, unit_code: str
) -> list[PersonPlan]:
    """``count`` people with different names, prison numbers and cells, valid for
    :func:`people.validate_inmate` on ``today``; linear in ``count``."""
    window = timedelta(days=365 * years)
    cells = cell_numbers(rng, count, unit_code)
    names = UniqueNames(rng, ORIGINS)
    plans = []
    for index in range(count):
        origin, full_name = names.take(weighted(rng, ((o, o.weight) for o in ORIGINS)))
        first = full_name.split()[0]
        # Some people have been here longer than the whole window; most arrived inside it.
        if index % 7 == 0:
            arrival = today - window - timedelta(days=rng.randint(1, 400))
        else:
            arrival = today - timedelta(days=rng.randint(3, window.days))
        # About one in five leaves within two months: the release checklist has work to show.
        soon = rng.random() < 0.2
        release = today + timedelta(days=rng.randint(10, 60) if soon else rng.randint(61, 900))
        preferred = weighted(rng, [(first, 60), (NICKNAMES.get(first, first), 25), ("", 15)])
        languages = list(origin.languages)
        if origin.languages != ("norsk",) and rng.random() < 0.3:
            languages.append("norsk")
        diet = "halal" if origin.halal and rng.random() < 0.7 else ""
        if not diet and rng.random() < 0.15:
            diet = rng.choice(DIETS)
        details = people.InmateDetails(
            prison_number=f"{prefix}-{1001 + index}",
            full_name=full_name,
            preferred_name=preferred,
            date_of_birth=_birth_date(rng, today, arrival),
            languages=languages,
            cell=cells[index],
            arrival_date=arrival,
            expected_release_date=release,
            diet=diet,
            allergies=rng.choice(ALLERGIES) if rng.random() < 0.12 else "",
            alerts=[rng.choice(ALERTS)] if rng.random() < 0.15 else [],
        )
        plans.append(
            PersonPlan(
                details=details,
                track=weighted(
                    rng,
                    [
                        (ActivityCategory.WORK, 55),
                        (ActivityCategory.SCHOOL, 25),
                        (ActivityCategory.PROGRAMME, 10),
                        (None, 10),
                    ],
                ),
                programme=rng.choice(PROGRAMMES) if rng.random() < 0.35 else None,
                religious=rng.random() < (0.5 if origin.halal else 0.12),
                halal=origin.halal,
                visit_chance=rng.choice([0.0, 0.1, 0.25, 0.4]),
                gym_chance=rng.uniform(0.1, 0.6),
                decline_chance=rng.uniform(0.01, 0.05),
                partial_chance=rng.uniform(0.03, 0.12),
            )
        )
    return plans
