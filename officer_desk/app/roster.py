"""Roster import: register (and assign) the people in a CSV file, all of them or none.

The whole file is checked before anything is written, and every bad line is reported with its
number, so facility IT can fix the file in one go.  The columns are documented in
docs/roster-format.md.  Field rules are the ones every other writer uses
(``app.people.validate_inmate`` and ``domain.rules``); this module only adds what is special to
a file: columns, encoding, line numbers and duplicates inside the file.  The admin command line
(``import-roster``) and the admin's Roster page both call it: :func:`preview` says what an
import would do without writing, :func:`import_data` does it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session

from officer_desk.app import people
from officer_desk.app.change import Change
from officer_desk.app.writes import Actor, write
from officer_desk.domain import rules
from officer_desk.domain.enums import AssignmentReason
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.store import queries
from officer_desk.store.database import Store

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
# Each date column's parser, its label written at the call so the screens' catalogue of
# messages finds the label and translates it inside the message.
DATE_COLUMNS: dict[str, Callable[[str], date]] = {
    "date_of_birth": lambda text: rules.parse_iso_date(text, "date_of_birth", "Date of birth"),
    "arrival_date": lambda text: rules.parse_iso_date(text, "arrival_date", "Arrival date"),
    "expected_release_date": lambda text: rules.parse_iso_date(
        text, "expected_release_date", "Expected release date"
    ),
}


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str  # in the interface's language (a DeskError's message, rendered where found)

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class LineProblem(ValidationError):
    """What is wrong with one line of the file (raised nowhere: made so that its words are
    in the catalogue of messages the screens translate)."""


def _problem(line: int, error: DeskError) -> Problem:
    return Problem(line, error.message)


class RosterRejected(ValidationError):
    """The file has problems; nothing was imported.  ``problems`` names each bad line."""

    def __init__(self, problems: list[Problem]) -> None:
        ordered = sorted(problems, key=lambda p: p.line)
        lines, count = "\n".join(f"  {p}" for p in ordered), len(ordered)
        if count == 1:
            super().__init__(
                (
                    "The roster was not imported (nothing was saved). Fix 1 problem and "
                    "import it again:\n{lines}"
                ),
                "file",
                lines=lines,
            )
        else:
            super().__init__(
                (
                    "The roster was not imported (nothing was saved). Fix {count} "
                    "problems and import it again:\n{lines}"
                ),
                "file",
                count=count,
                lines=lines,
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
    change: Change = field(default_factory=Change)  # what the import wrote, for the screens


def decode(data: bytes) -> str:
    """The file's text; a UTF-8 byte-order mark (Excel writes one) is accepted and dropped."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = f"0x{data[error.start]:02x}"
        reason = LineProblem(
            (
                "the file is not UTF-8 text (found byte {byte}). Open it in your "
                "spreadsheet program and save it as UTF-8 (in Excel: “CSV UTF-8 "
                "(comma delimited)”), then import it again."
            ),
            byte=byte,
        )
        raise RosterRejected([_problem(line, reason)]) from None


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
        reason = LineProblem(
            "the columns are separated by semicolons; save the file with commas between "
            "columns (in Excel: “CSV UTF-8 (comma delimited)”)."
        )
        return names, [_problem(line, reason)]
    unknown = [n for n in names if n not in COLUMNS]
    unknown_names, columns = ", ".join(repr(n) for n in unknown), ", ".join(COLUMNS)
    if len(unknown) == 1:
        reason = LineProblem(
            "unknown column {unknown_names}; the columns are: {columns}.",
            unknown_names=unknown_names,
            columns=columns,
        )
        problems.append(_problem(line, reason))
    elif unknown:
        reason = LineProblem(
            "unknown columns {unknown_names}; the columns are: {columns}.",
            unknown_names=unknown_names,
            columns=columns,
        )
        problems.append(_problem(line, reason))
    missing = ", ".join(n for n in REQUIRED_COLUMNS if n not in names)
    if missing:
        many = sum(1 for n in REQUIRED_COLUMNS if n not in names) > 1
        if many:
            reason = LineProblem("required columns missing: {missing}.", missing=missing)
        else:
            reason = LineProblem("required column missing: {missing}.", missing=missing)
        problems.append(_problem(line, reason))
    repeated_names = sorted({n for n in names if names.count(n) > 1})
    repeated = ", ".join(repeated_names)
    if len(repeated_names) > 1:
        problems.append(
            _problem(line, LineProblem("columns appear twice: {repeated}.", repeated=repeated))
        )
    elif repeated:
        problems.append(
            _problem(line, LineProblem("column appears twice: {repeated}.", repeated=repeated))
        )
    return names, problems


def _row(line: int, values: dict[str, str], today: date) -> tuple[RosterRow | None, list[str]]:
    reasons = []
    dates: dict[str, date | None] = {}
    for column, parse_date in DATE_COLUMNS.items():
        text = values.get(column, "").strip()
        dates[column] = None
        if text:
            try:
                dates[column] = parse_date(text)
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
        empty = LineProblem("the file is empty; it needs a header line and one line per person.")
        raise RosterRejected([_problem(1, empty)])
    header_line, header = first
    names, problems = _header(header_line, header)
    if problems:
        raise RosterRejected(problems)
    parsed = ParsedRoster()
    first_line: dict[str, int] = {}
    for line, record in records:
        if len(record) != len(names):
            found, expected = len(record), len(names)
            reason = LineProblem(
                (
                    "{found} values but the header has {expected} columns (a missing or "
                    "extra comma, or a comma inside a value without quotes)."
                ),
                found=found,
                expected=expected,
            )
            parsed.problems.append(_problem(line, reason))
            continue
        values = dict(zip(names, record, strict=True))
        number = values.get("prison_number", "").strip()
        officer = values.get("officer", "").strip().lower()
        parsed.references.append(Reference(line, number, officer))
        if number in first_line:
            earlier = first_line[number]
            reason = LineProblem(
                "prison number {number} is also on line {earlier}.", number=number, earlier=earlier
            )
            parsed.problems.append(_problem(line, reason))
        elif number:
            first_line[number] = line
        row, reasons = _row(line, values, today)
        parsed.problems += [Problem(line, reason) for reason in reasons]
        if row is not None and first_line.get(number) == line:
            parsed.rows.append(row)
    if not parsed.references and not parsed.problems:
        nobody = LineProblem("the file has a header but no people.")
        parsed.problems.append(_problem(header_line, nobody))
    return parsed


def _store_problems(
    session: Session, references: list[Reference]
) -> tuple[list[Problem], dict[str, str]]:
    """What the store says about the file's lines, and user name -> id of the officers named."""
    registered = queries.registered_numbers(session, [r.prison_number for r in references])
    officers = queries.active_officers(session, (r.officer for r in references if r.officer))
    problems = []
    for ref in references:
        if ref.prison_number in registered:
            number = ref.prison_number
            reason = LineProblem("prison number {number} is already registered.", number=number)
            problems.append(_problem(ref.line, reason))
        if ref.officer and ref.officer not in officers:
            username = ref.officer
            reason = LineProblem(
                (
                    "there is no active officer with user name “{username}” (add the "
                    "account first with officer-desk-admin add-officer)."
                ),
                username=username,
            )
            problems.append(_problem(ref.line, reason))
    return problems, officers


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror
        raise DeskError(
            "The roster file {path} cannot be read ({reason}).", path=path, reason=reason
        ) from None


@dataclass(frozen=True)
class Arrival:
    """One person the import would register."""

    line: int
    prison_number: str
    full_name: str
    cell: str
    arrival_date: date | None
    officer: str  # user name, "" when the import does not assign them


@dataclass(frozen=True)
class RosterPreview:
    """What importing the file would do: the people it registers, or why it would not
    (``arrivals`` is empty while there are ``problems``: the import registers no one)."""

    arrivals: tuple[Arrival, ...]
    problems: tuple[Problem, ...]


def preview(
    store: Store, data: bytes, *, today: date, unit_code: str | None = None
) -> RosterPreview:
    """Check ``data`` as :func:`import_data` would, against the store as it is, writing
    nothing.  A file that cannot be read as a roster at all comes back as its problems."""
    try:
        parsed = parse(data, today)
    except RosterRejected as rejected:
        return RosterPreview((), tuple(rejected.problems))
    with store.reading() as session:
        people.unit_by_code(session, unit_code)
        more, _officers = _store_problems(session, parsed.references)
    arrivals = tuple(
        Arrival(
            r.line,
            r.details.prison_number,
            r.details.full_name,
            r.details.cell,
            r.details.arrival_date,
            r.officer,
        )
        for r in parsed.rows
    )
    problems = sorted(parsed.problems + more, key=lambda p: p.line)
    return RosterPreview(() if problems else arrivals, tuple(problems))


def import_roster(
    store: Store, actor: Actor, path: Path, *, today: date, unit_code: str | None = None
) -> RosterResult:
    """:func:`import_data` of the file at ``path``."""
    return import_data(store, actor, read_file(path), today=today, unit_code=unit_code)


def import_data(
    store: Store, actor: Actor, data: bytes, *, today: date, unit_code: str | None = None
) -> RosterResult:
    """Check the whole file, then register and assign everyone in ONE write transaction."""
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
                    officer_id=officers[row.officer],
                    inmate_id=inmate.id,
                    start=row.details.arrival_date or today,
                    reason=AssignmentReason.ARRIVAL,
                )
                assigned.add(inmate.id)
        # Caseloads are judged as of today, after the whole file (arrival dates differ).
        warnings = []
        for username in sorted({r.officer for r in rows if r.officer}):
            size = people.active_caseload_size(w.session, officers[username], today)
            warning = rules.caseload_warning(size)
            if warning:
                warnings.append(f"{username}: {warning}")
        return RosterResult(len(inmates), len(assigned), warnings, w.change)
