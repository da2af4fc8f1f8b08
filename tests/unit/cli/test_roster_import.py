"""Roster import: every bad line named with its number, and nothing written unless all are good."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from officer_desk.app import people, roster
from officer_desk.app.writes import Actor
from officer_desk.store.database import Store
from officer_desk.store.tables import Assignment, AuditEntry, Inmate, Officer, OutboxEntry

Cli = Callable[..., int]
Counts = Callable[[Path], dict[str, int]]
HEADER = (
    "prison_number,full_name,preferred_name,date_of_birth,languages,cell,arrival_date,"
    "expected_release_date,diet,allergies,alerts,officer"
)
GOOD = [
    "H-2001,Øystein Ås,Øystein,1980-02-03,norsk;engelsk,C101,2026-01-05,2027-01-01,,nøtter,"
    "Epilepsi,kari",
    'H-2002,"Khalil, Ahmed",Ahmed,1991-07-14,arabisk;engelsk,C102,2026-02-11,2026-12-20,halal,,,',
    "H-2003,Bjørn Ærø,,,,,,,,,,PER",
]
TODAY = "2026-03-01"


def roster_file(folder: Path, content: str | bytes) -> str:
    path = folder / "roster.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return str(path)


def lines(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def test_a_valid_roster_registers_and_assigns_everyone_in_one_go(
    initialised: Cli, data_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()

    code = initialised("import-roster", roster_file(tmp_path, lines(*GOOD)), "--today", TODAY)

    assert code == 0
    assert "Imported 3 people; 2 assigned to a contact officer." in capsys.readouterr().out
    with data_store.reading() as session:
        found = {i.prison_number: i for i in session.exec(select(Inmate)).all()}
        officers = {o.id: o.username for o in session.exec(select(Officer)).all()}
        assignments = {
            a.inmate_id: (officers[a.officer_id], a.start_date)
            for a in session.exec(select(Assignment)).all()
        }
        audited = session.exec(select(AuditEntry).where(AuditEntry.entity == "inmate")).all()
        outbox = session.exec(select(OutboxEntry).where(OutboxEntry.entity == "inmate")).all()
    first, second, third = found["H-2001"], found["H-2002"], found["H-2003"]
    assert first.languages == ["norsk", "engelsk"] and first.alerts == ["Epilepsi"]
    assert first.allergies == "nøtter" and first.date_of_birth == date(1980, 2, 3)
    assert second.full_name == "Khalil, Ahmed" and second.diet == "halal"
    assert assignments[first.id] == ("kari", date(2026, 1, 5))  # from the arrival date
    assert assignments[third.id] == ("per", date(2026, 3, 1))  # no arrival date: --today
    assert second.id not in assignments
    assert len(audited) == 3 and len(outbox) == 3


def test_one_person_imported_is_said_in_the_singular(
    initialised: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert initialised("import-roster", roster_file(tmp_path, lines(GOOD[2]))) == 0
    said = capsys.readouterr().out
    assert "Imported 1 person; 1 assigned" in said and "1 people" not in said


def test_a_utf8_byte_order_mark_and_free_column_order_are_accepted(
    initialised: Cli, data_store: Store, tmp_path: Path
) -> None:
    content = "\ufeffFull_Name , PRISON_NUMBER\r\nÅse-Marit Ås,H-3001\r\n\r\nSøren Æ,H-3002\r\n"

    assert initialised("import-roster", roster_file(tmp_path, content)) == 0

    with data_store.reading() as session:
        names = sorted(i.full_name for i in session.exec(select(Inmate)).all())
    assert names == ["Søren Æ", "Åse-Marit Ås"]


def test_warns_about_caseloads_above_six_after_the_import(
    initialised: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [f"H-40{n:02d},Person {n},kari" for n in range(7)]
    code = initialised(
        "import-roster",
        roster_file(tmp_path, lines(*rows, header="prison_number,full_name,officer")),
    )
    assert code == 0
    assert "warning: kari: This officer now has 7 people" in capsys.readouterr().err


LONG_NAME = "Å" * 121
BAD_FILES: dict[str, tuple[str | bytes, list[str]]] = {
    "wrong columns": (
        lines("H-1,Ola", header="prison_number,name"),
        ["line 1: unknown column 'name'", "line 1: required column missing: full_name"],
    ),
    "missing values": (
        lines(GOOD[0], "H-2002,Ola Berg,Ola", GOOD[2]),
        ["line 3: 3 values but the header has 12 columns"],
    ),
    "bad dates": (
        lines(
            GOOD[0],
            "H-2002,Per Ærø,,1990-13-01,,,2026-02-30,,,,,",
            "H-2003,Ola Berg,,,,,2026-01-10,2025-12-01,,,,",
            "H-2004,Ung Gutt,,2020-01-01,,,,,,,,",
        ),
        [
            "line 3: Date of birth “1990-13-01” is not a date; write it as YYYY-MM-DD",
            "line 3: Arrival date “2026-02-30” is not a date",
            "line 4: Expected release is before the arrival date",
            "line 5: Date of birth makes this person younger than 15",
        ],
    ),
    "duplicate in the file": (
        lines(GOOD[0], GOOD[1], GOOD[0].replace("Øystein Ås", "Another Name")),
        ["line 4: prison number H-2001 is also on line 2."],
    ),
    "already registered": (
        lines(GOOD[1], "H-1000,Registered Before,,,,,,,,,,"),
        ["line 3: prison number H-1000 is already registered."],
    ),
    "unknown officer": (
        lines(GOOD[0], GOOD[1].rstrip(",") + ",,,nobody"),
        ["line 3: there is no active officer with user name “nobody”"],
    ),
    "empty file": (b"", ["line 1: the file is empty"]),
    "header only": (lines(), ["line 1: the file has a header but no people."]),
    "not UTF-8": (
        lines(GOOD[1], GOOD[2]).encode("utf-8") + "H-2004,Øystein Ås\n".encode("latin-1"),
        ["line 4: the file is not UTF-8 text (found byte 0xd8)", "save it as UTF-8"],
    ),
    "semicolons": (
        "prison_number;full_name\nH-1;Ola\n",
        ["line 1: the columns are separated by semicolons"],
    ),
    "over-long fields": (
        lines(
            GOOD[0],
            f"H-2002,{LONG_NAME},,,,,,,,,,",
            "H-20000000000000000002,Ola Berg,,,,,,,,,,",
            "H-2004,Ola Berg,,,,C1234567890123456789012,,,,,,",
        ),
        [
            "line 3: Full name is too long (121 characters); shorten it to 120 or fewer.",
            "line 4: Prison number is too long (22 characters)",
            "line 5: Cell is too long (23 characters)",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_roster_names_every_bad_line_and_writes_nothing(
    initialised: Cli,
    data_store: Store,
    store_file: Path,
    tmp_path: Path,
    row_counts: Counts,
    case: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    people.add_inmates(
        data_store,
        Actor.system("test"),
        [people.InmateDetails(prison_number="H-1000", full_name="Registered Before")],
        today=date(2026, 3, 1),
    )
    content, expected = BAD_FILES[case]
    before = row_counts(store_file)
    capsys.readouterr()

    code = initialised("import-roster", roster_file(tmp_path, content), "--today", TODAY)

    err = capsys.readouterr().err
    assert code == 2
    assert "The roster was not imported (nothing was saved)" in err
    for message in expected:
        assert message in err
    assert "Traceback" not in err
    assert row_counts(store_file) == before


def test_every_problem_of_the_file_is_reported_at_once(
    initialised: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = lines(
        "H-2001,Ola Berg,,1990-13-01,,,,,,,,",
        GOOD[1],
        "H-2001,,,,,,,,,,,ghost",
        "H-2004,Per,too,many,values",
    )
    assert initialised("import-roster", roster_file(tmp_path, content), "--today", TODAY) == 2
    err = capsys.readouterr().err
    assert "Fix 5 problems" in err
    assert "line 2: Date of birth" in err
    assert "line 3" not in err  # the good line is not named
    assert "line 4: prison number H-2001 is also on line 2." in err
    assert "line 4: Full name is required." in err
    assert "line 4: there is no active officer with user name “ghost”" in err
    assert "line 5: 5 values" in err


def test_a_failure_while_writing_leaves_nothing_behind(
    initialised: Cli,
    store_file: Path,
    tmp_path: Path,
    row_counts: Counts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = row_counts(store_file)
    calls = 0
    assign_in = people.assign_in

    def crash_on_second(*args: object, **kwargs: object) -> str | None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("simulated crash half-way through the import")
        return assign_in(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster.people, "assign_in", crash_on_second)

    with pytest.raises(RuntimeError):
        initialised("import-roster", roster_file(tmp_path, lines(*GOOD)), "--today", TODAY)

    assert row_counts(store_file) == before


def test_line_numbers_count_lines_inside_quoted_values(tmp_path: Path) -> None:
    content = lines('H-1,"Ola\nBerg",,,,,,,,,,', "H-2,Per,,bad,,,,,,,,")
    parsed = roster.parse(content.encode(), date(2026, 3, 1))
    assert [str(p) for p in parsed.problems] == [
        "line 4: Date of birth “bad” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01."
    ]
    assert [r.line for r in parsed.rows] == [2]


def test_parse_alone_does_not_touch_a_store() -> None:
    parsed = roster.parse(lines(*GOOD).encode(), date(2026, 3, 1))
    assert [r.details.prison_number for r in parsed.rows] == ["H-2001", "H-2002", "H-2003"]
    assert [r.officer for r in parsed.rows] == ["kari", "", "per"]
