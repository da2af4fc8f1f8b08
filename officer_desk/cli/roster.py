"""Roster import: register (and assign) the people in a CSV file, all of them or none.

The whole file is checked before anything is written, and every bad line is reported with its
number, so facility IT can fix the file in one go.  The columns are documented in
docs/roster-format.md.  Field rules are the ones every other writer uses
(``app.people.validate_inmate`` and ``domain.rules``); this module only adds what is special to
a file: columns, encoding, line numbers and duplicates inside the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from officer_desk.app import people
from officer_desk.app.writes import Actor, write
from officer_desk.domain import rules
from officer_desk.domain.enums import AssignmentReason
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.store.database import Store
from officer_desk.store.tables import Inmate, Officer

COLUMNS = (
    "prison_number",
    "full_name",
    "preferred_name",
    "date_of_birth",
    "languages",
    "cell",
    "arrival_date",
    "expected_release_date",
    "diet",
    "allergies",
    "alerts",
    "officer",
)
REQUIRED_COLUMNS = ("prison_number", "full_name")
DATE_COLUMNS = {
    "date_of_birth": "Date of birth",
    "arrival_date": "Arrival date",
    "expected_release_date": "Expected release date",
}
SAVE_AS_UTF8 = (
    "Open it in your spreadsheet program and save it as UTF-8 "
    "(in Excel: “CSV UTF-8 (comma delimited)”), then import it again."
)


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class RosterRejected(ValidationError):
    """The file has problems; nothing was imported.  ``problems`` names each bad line."""

    def __init__(self, problems: list[Problem]) -> None:
        ordered = sorted(problems, key=lambda p: p.line)
        lines = "\n".join(f"  {p}" for p in ordered)
        super().__init__(
            f"The roster was not imported (nothing was saved). Fix {len(ordered)} "
            f"problem{'s' if len(ordered) != 1 else ''} and import it again:\n{lines}",
            "file",
        )
        self.problems = ordered


@dataclass(frozen=True)
class RosterRow:
    line: int
    details: people.InmateDetails
    officer: str  # username, "" when the person is not assigned by the import


@dataclass
class RosterResult:
    imported: int
    assigned: int
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    """The file's text; a UTF-8 byte-order mark (Excel writes one) is accepted and dropped."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RosterRejected(
            [Problem(line, f"the file is not UTF-8 text (found byte 0x{data[error.start]:02x}). "
                     + SAVE_AS_UTF8)]
        ) from None  # fmt: skip


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, fields) of each non-blank record; quoted fields may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    previous_end = 0
    for record in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if any(value.strip() for value in record):
            yield start, record


def _header(line: int, record: list[str]) -> tuple[list[str], list[Problem]]:
    names = [name.strip().lower() for name in record]
    problems = []
    if len(names) == 1 and ";" in names[0]:
        return names, [
            Problem(
                line,
                "the columns are separated by semicolons; save the file with commas between "
                "columns (in Excel: “CSV UTF-8 (comma delimited)”).",
            )
        ]
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        problems.append(
            Problem(
                line,
                f"unknown column{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(repr(n) for n in unknown)}; the columns are: {', '.join(COLUMNS)}.",
            )
        )
    missing = [n for n in REQUIRED_COLUMNS if n not in names]
    if missing:
        s = "s" if len(missing) > 1 else ""
        problems.append(Problem(line, f"required column{s} missing: {', '.join(missing)}."))
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        twice = "columns appear" if len(repeated) > 1 else "column appears"
        problems.append(Problem(line, f"{twice} twice: {', '.join(repeated)}."))
    return names, problems


def _row(line: int, values: dict[str, str], today: date) -> tuple[RosterRow | None, list[str]]:
    reasons = []
    dates: dict[str, date | None] = {}
    for column, label in DATE_COLUMNS.items():
        text = values.get(column, "").strip()
        dates[column] = None
        if text:
            try:
                dates[column] = rules.parse_iso_date(text, column, label)
            except ValidationError as error:
                reasons.append(error.message)
    details = people.InmateDetails(
        prison_number=values.get("prison_number", ""),
        full_name=values.get("full_name", ""),
        preferred_name=values.get("preferred_name", ""),
        languages=rules.split_list(values.get("languages")),
        cell=values.get("cell", ""),
        diet=values.get("diet", ""),
        allergies=values.get("allergies", ""),
        alerts=rules.split_list(values.get("alerts")),
        **dates,
    )
    try:
        checked = people.validate_inmate(details, today)
    except ValidationError as error:
        reasons.append(error.message)
        return None, reasons
    if reasons:
        return None, reasons
    return RosterRow(line, checked, values.get("officer", "").strip().lower()), []


@dataclass(frozen=True)
class Reference:
    """What a line names that only the store can check, kept even when the line is invalid."""

    line: int
    prison_number: str
    officer: str


@dataclass
class ParsedRoster:
    rows: list[RosterRow] = field(default_factory=list)  # valid lines only
    references: list[Reference] = field(default_factory=list)  # every line with all columns
    problems: list[Problem] = field(default_factory=list)


def parse(data: bytes, today: date) -> ParsedRoster:
    """Every valid row and every problem of the file (the store is not consulted here)."""
    records = _records(decode(data))
    first = next(records, None)
    if first is None:
        raise RosterRejected(
            [Problem(1, "the file is empty; it needs a header line and one line per person.")]
        )
    names, problems = _header(*first)
    if problems:
        raise RosterRejected(problems)
    parsed = ParsedRoster()
    first_line: dict[str, int] = {}
    for line, record in records:
        if len(record) != len(names):
            parsed.problems.append(
                Problem(
                    line,
                    f"{len(record)} values but the header has {len(names)} columns "
                    "(a missing or extra comma, or a comma inside a value without quotes).",
                )
            )
            continue
        values = dict(zip(names, record, strict=True))
        number = values.get("prison_number", "").strip()
        officer = values.get("officer", "").strip().lower()
        parsed.references.append(Reference(line, number, officer))
        if number in first_line:
            parsed.problems.append(
                Problem(line, f"prison number {number} is also on line {first_line[number]}.")
            )
        elif number:
            first_line[number] = line
        row, reasons = _row(line, values, today)
        parsed.problems += [Problem(line, reason) for reason in reasons]
        if row is not None and first_line.get(number) == line:
            parsed.rows.append(row)
    if not parsed.references and not parsed.problems:
        parsed.problems.append(Problem(first[0], "the file has a header but no people."))
    return parsed


def _store_problems(
    session: Session, references: list[Reference]
) -> tuple[list[Problem], dict[str, Officer]]:
    numbers = [r.prison_number for r in references]
    registered = set(
        session.exec(
            select(Inmate.prison_number).where(col(Inmate.prison_number).in_(numbers))
        ).all()
    )
    usernames = {r.officer for r in references if r.officer}
    officers = {
        o.username: o
        for o in session.exec(
            select(Officer).where(
                col(Officer.username).in_(usernames),
                col(Officer.active).is_(True),
                col(Officer.deleted_at).is_(None),
            )
        ).all()
    }
    problems = []
    for ref in references:
        if ref.prison_number in registered:
            problems.append(
                Problem(ref.line, f"prison number {ref.prison_number} is already registered.")
            )
        if ref.officer and ref.officer not in officers:
            problems.append(
                Problem(
                    ref.line,
                    f"there is no active officer with user name “{ref.officer}” "
                    "(add the account first with officer-desk-admin add-officer).",
                )
            )
    return problems, officers


def import_roster(
    store: Store, actor: Actor, path: Path, *, today: date, unit_code: str | None = None
) -> RosterResult:
    """Check the whole file, then register and assign everyone in ONE write transaction."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DeskError(f"The roster file {path} cannot be read ({error.strerror}).") from None
    parsed = parse(data, today)
    rows = parsed.rows
    with write(store, actor) as w:
        # Checked inside the write transaction, so nobody can register the same number between
        # the check and the import.
        people.unit_by_code(w.session, unit_code)
        more, officers = _store_problems(w.session, parsed.references)
        if parsed.problems or more:
            raise RosterRejected(parsed.problems + more)
        inmates = people.add_inmates_in(
            w, [r.details for r in rows], today=today, unit_code=unit_code
        )
        assigned: set[str] = set()
        for row, inmate in zip(rows, inmates, strict=True):
            if row.officer:
                people.assign_in(
                    w,
                    officer_id=officers[row.officer].id,
                    inmate_id=inmate.id,
                    start=row.details.arrival_date or today,
                    reason=AssignmentReason.ARRIVAL,
                )
                assigned.add(inmate.id)
        # Caseloads are judged as of today, after the whole file (arrival dates differ).
        warnings = []
        for username in sorted({r.officer for r in rows if r.officer}):
            size = people.active_caseload_size(w.session, officers[username].id, today)
            warning = rules.caseload_warning(size)
            if warning:
                warnings.append(f"{username}: {warning}")
        return RosterResult(imported=len(inmates), assigned=len(assigned), warnings=warnings)
