"""What a valid synced record is, per entity: one check shared by the hub (every pushed change,
before anything is stored) and the workstation (every pulled record, before it is applied).

Derived from the SQLModel tables in ``store/tables.py`` (a new column is known here the moment
it exists) plus explicit bounds: column types, string lengths (the domain's input limits where
the writers share one, otherwise generous but finite), no NUL character in any text, integers
within 64 bits and sensible domain ranges, the fixed vocabularies (roles, statuses, reasons,
kinds), required fields on an insert, no unknown keys.  Checked by hand with checkers built
once per entity: this runs for every op the hub merges and every record a workstation pulls.

An insert (and a pulled record, which is the whole merged record) must carry ``id`` and every
column that has no default; an update carries only the changed fields plus the sync columns
(``app/writes.py: Writer._record``), each checked on its own.  Answers are words for a person:
``None`` when the record is fine, else e.g. ``“date_of_birth” is not a date (…)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from officer_desk.domain import enums, programmes, release, rules, triage
from officer_desk.sync import protocol as p

# --- bounds ----------------------------------------------------------------------------------

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_ID = 64  # = protocol.Op.entity_id's bound: ids and references to ids
MAX_HLC = 120  # = protocol.Op.hlc's bound
MAX_SHORT = rules.MAX_SHORT_TEXT  # names, codes, titles: every writer bounds these to 200
MAX_TEXT = rules.MAX_NOTE_TEXT  # free text (the longest input is a case note, 20,000)
MAX_VALUE_JSON = 10 * rules.MAX_NOTE_TEXT  # a conflict's kept/lost value: JSON of any value
MAX_LIST_ITEMS = 50  # languages, alerts, topics (the app allows 10 topics)
MAX_PHOTO_HEX = 2 * 1024 * 1024  # hex of a photo (the app keeps photos under 256 KB)
# An HLC as domain/hlc.py encodes it ("" = not stamped yet, the column's default).
HLC = re.compile(r"\d{13}-\d{5}-[^\x00]{1,100}")

# Text columns bounded by the domain's short-text limit (any table that has them).
SHORT_FIELDS = frozenset(
    {
        "name",
        "code",
        "username",
        "display_name",
        "full_name",
        "preferred_name",
        "prison_number",
        "cell",
        "title",
        "title_en",
        "title_nb",
        "name_en",
        "name_nb",
        "pathway",
        "template_code",
        "agency",
        "issuer",
        "owner",
        "field_name",
        "category",
    }
)
# Integer ranges a person could mean (the app's own limits, or generous where it has none).
INT_RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("activity_log", "duration_minutes"): (0, 24 * 60),
    ("conversation", "duration_minutes"): (0, 24 * 60),
    ("conversation", "mood"): (1, 5),
    ("case_note_revision", "number"): (1, 2**31 - 1),
    ("programme_milestone", "position"): (0, 100_000),
    ("programme_milestone", "expected_hours"): (0, 100_000),
    ("release_plan_item", "position"): (0, 100_000),
    ("release_plan_item", "offset_days"): (-36_500, 36_500),
    ("facility", "retention_years"): (1, 50),  # = app.setting_definitions.RETENTION_YEARS
}
# The fixed vocabularies.
UNIT_ITEM_KINDS = ("count", "escorts", "appointments", "visits", "property")
CONFLICT_KINDS = enums.CONFLICT_KINDS


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("officer", "role"): _values(enums.Role),
    ("assignment", "reason"): _values(enums.AssignmentReason),
    ("meal_log", "meal"): _values(enums.Meal),
    ("meal_log", "outcome"): _values(enums.MealOutcome),
    ("meal_log", "decline_reason"): _values(enums.DeclineReason),
    ("activity_log", "category"): _values(enums.ActivityCategory),
    ("activity_log", "outcome"): _values(enums.ActivityOutcome),
    ("case_note", "kind"): _values(enums.NoteKind),
    ("programme", "category"): ("vocational", "school"),
    ("enrolment", "status"): _values(programmes.EnrolmentStatus),
    ("release_plan_item", "status"): _values(release.ItemStatus),
    ("release_plan_item", "gate_role"): _values(release.GateRole),
    ("release_signoff", "role"): ("officer", "supervisor"),
    ("sync_conflict", "kind"): CONFLICT_KINDS,
    ("sync_conflict", "entity"): tuple(sorted(p.ENTITIES)),
    ("handover", "status"): _values(enums.HandoverStatus),
    ("handover_entry", "status"): _values(enums.HandoverEntryStatus),
    ("handover_unit_item", "kind"): UNIT_ITEM_KINDS,
}
# List columns whose every entry is one of a fixed vocabulary.
LIST_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("inmate", "alert_severities"): _values(triage.AlertSeverity),
}
# Text columns with a bound of their own.
TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("sync_conflict", "kept_value"): MAX_VALUE_JSON,
    ("sync_conflict", "lost_value"): MAX_VALUE_JSON,
}
SYNC_COLUMNS = frozenset({"id", "updated_hlc", "updated_by", "device_id", "server_version"})

Check = Callable[[Any], str | None]  # None: fine; else what is wrong, in words


# --- checkers (built once per column) ---------------------------------------------------------


def _text(limit: int) -> Check:
    def check(value: Any) -> str | None:
        if value.__class__ is not str:
            return f"is not text ({_shown(value)})"
        if len(value) > limit:
            return f"is too long ({len(value):,} characters; at most {limit:,})"
        if "\x00" in value:
            return "contains a NUL character"
        return None

    return check


def _choice(options: tuple[str, ...]) -> Check:
    allowed = frozenset(options)
    listed = ", ".join(options)

    def check(value: Any) -> str | None:
        if value.__class__ is not str or value not in allowed:
            return f"is not one of: {listed} (it holds {_shown(value)})"
        return None

    return check


def _hlc(value: Any) -> str | None:
    if value.__class__ is not str:
        return f"is not a clock reading ({_shown(value)})"
    if value and (len(value) > MAX_HLC or HLC.fullmatch(value) is None):
        return f"is not a clock reading of this app (it holds {_shown(value)})"
    return None


def _integer(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if value.__class__ is not int:  # bool is not an int here
            return f"is not a whole number ({_shown(value)})"
        if not low <= value <= high:
            return f"is {_shown(value)}, outside {low:,} to {high:,}"
        return None

    return check


def _boolean(value: Any) -> str | None:
    if value.__class__ is not bool:
        return f"is not true or false ({_shown(value)})"
    return None


def _date(value: Any) -> str | None:
    if value.__class__ is not str or len(value) != 10:
        return f"is not a date ({_shown(value)}; a date looks like 2026-03-01)"
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"is not a date ({_shown(value)}; a date looks like 2026-03-01)"
    return None


def _datetime(value: Any) -> str | None:
    if value.__class__ is str and 10 < len(value) <= 40 and value[10] in "T ":
        try:
            datetime.fromisoformat(value)
            return None
        except ValueError:
            pass
    return f"is not a date and time ({_shown(value)}; one looks like 2026-03-01T14:30:00+00:00)"


def _hex(limit: int) -> Check:
    def check(value: Any) -> str | None:
        if value.__class__ is not str or len(value) % 2:
            return "is not a picture's bytes in hexadecimal"
        if len(value) > limit:
            return f"is too large ({len(value) // 2:,} bytes; at most {limit // 2:,})"
        try:
            bytes.fromhex(value)
        except ValueError:
            return "is not a picture's bytes in hexadecimal"
        return None

    return check


def _text_list(item: Check) -> Check:
    def check(value: Any) -> str | None:
        if value.__class__ is not list:
            return f"is not a list ({_shown(value)})"
        if len(value) > MAX_LIST_ITEMS:
            return f"has too many entries ({len(value):,}; at most {MAX_LIST_ITEMS})"
        for n, entry in enumerate(value, 1):
            why = item(entry)
            if why is not None:
                return f"entry {n} {why}"
        return None

    return check


def _shown(value: Any) -> str:
    """What kind of value a field held, never the value itself: a reason goes back to the
    device, into the hub's stored results and its logs, and a value in the wrong field may
    be anyone's name, birth number or note."""
    if isinstance(value, str):
        return f"text of {len(value):,} characters"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return f"a whole number of {len(str(abs(value)))} digits"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, list):
        return f"a list of {len(value):,} entries"
    if isinstance(value, dict):
        return f"an object of {len(value):,} fields"
    return "nothing" if value is None else "a value of another kind"


# --- per entity ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One synced column as the check sees it (the tests generate payloads from these)."""

    name: str
    kind: str  # text | hlc | int | bool | date | datetime | list | hex
    nullable: bool
    required: bool  # an insert must carry it (no default)
    has_default: bool
    default: Any  # the column's default when a record leaves it out (has_default)
    max_length: int | None = None
    choices: tuple[str, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    reference: str | None = None  # the table this column points to (a foreign key)


@dataclass(frozen=True)
class Shape:
    entity: str
    columns: Mapping[str, Column]
    checks: Mapping[str, Check]
    nullable: frozenset[str]
    required: frozenset[str]
    texts: Mapping[str, int]  # plain text columns and their bound (checked inline: most are)


def _shape(entity: str) -> Shape:
    import sqlalchemy as sa
    from sqlmodel import SQLModel

    import officer_desk.store.tables  # noqa: F401  (registers the tables)

    table = SQLModel.metadata.tables[entity]
    model = next(m.class_ for m in SQLModel._sa_registry.mappers if m.local_table is table)
    columns: dict[str, Column] = {}
    checks: dict[str, Check] = {}
    for column in table.columns:
        name = str(column.name)
        info = model.model_fields[name]
        factory = info.default_factory
        has_default = not info.is_required() and (factory is None or factory is list)
        default = info.get_default(call_default_factory=True) if has_default else None
        kind_type = column.type
        if isinstance(kind_type, sa.types.TypeDecorator):
            kind_type = kind_type.impl_instance
        key = (entity, name)
        reference = next((fk.column.table.name for fk in column.foreign_keys), None)
        spec: dict[str, Any] = {}
        check: Check
        if isinstance(kind_type, sa.Boolean):
            kind, check = "bool", _boolean
        elif isinstance(kind_type, sa.DateTime):
            kind, check = "datetime", _datetime
        elif isinstance(kind_type, sa.Date):
            kind, check = "date", _date
        elif isinstance(kind_type, sa.Integer):
            low, high = INT_RANGES.get(
                key, (0 if name == "server_version" else INT64_MIN, INT64_MAX)
            )
            kind, check = "int", _integer(low, high)
            spec = {"minimum": low, "maximum": high}
        elif isinstance(kind_type, sa.LargeBinary):
            kind, check = "hex", _hex(MAX_PHOTO_HEX)
            spec = {"max_length": MAX_PHOTO_HEX}
        elif isinstance(kind_type, sa.JSON) and key in LIST_CHOICES:
            kind, check = "list", _text_list(_choice(LIST_CHOICES[key]))
            spec = {"choices": LIST_CHOICES[key]}
        elif isinstance(kind_type, sa.JSON):
            kind, check = "list", _text_list(_text(MAX_SHORT))
            spec = {"max_length": MAX_SHORT}
        elif name in ("updated_hlc", "lost_hlc"):
            kind, check = "hlc", _hlc
        elif key in CHOICES:
            kind, check = "text", _choice(CHOICES[key])
            spec = {"choices": CHOICES[key]}
        else:
            limit = TEXT_LIMITS.get(key)
            if limit is None:
                if name == "id" or name.endswith(("_id", "_by")) or reference is not None:
                    limit = MAX_ID
                elif name in SHORT_FIELDS:
                    limit = MAX_SHORT
                else:
                    limit = MAX_TEXT
            kind, check = "text", _text(limit)
            spec = {"max_length": limit}
        columns[name] = Column(
            name=name,
            kind=kind,
            nullable=bool(column.nullable),
            required=name == "id" or not has_default,
            has_default=has_default,
            default=default,
            reference=reference,
            **spec,
        )
        checks[name] = check
    return Shape(
        entity=entity,
        columns=columns,
        checks=checks,
        nullable=frozenset(n for n, c in columns.items() if c.nullable),
        required=frozenset(n for n, c in columns.items() if c.required),
        texts={
            n: c.max_length
            for n, c in columns.items()
            if c.kind == "text" and c.choices is None and c.max_length is not None
        },
    )


_SHAPES: dict[str, Shape] = {}


def shape(entity: str) -> Shape:
    """The columns and checks of one synced entity (built once)."""
    found = _SHAPES.get(entity)
    if found is None:
        if entity not in p.ENTITIES:
            raise KeyError(entity)
        found = _SHAPES[entity] = _shape(entity)
    return found


def shapes() -> dict[str, Shape]:
    """Every synced entity's shape (``protocol.ENTITIES``)."""
    return {entity: shape(entity) for entity in sorted(p.ENTITIES)}


# --- the checks --------------------------------------------------------------------------------


def problem(entity: str, payload: Mapping[str, Any], *, whole: bool) -> str | None:
    """What is wrong with one record's fields, or None.  ``whole``: the record must be complete
    (an insert, a pulled record); otherwise only the fields present are checked (an update)."""
    if entity not in p.ENTITIES:
        return f"“{entity}” is not a kind of record this app knows"
    found = _SHAPES.get(entity) or shape(entity)
    checks, nullable, texts = found.checks, found.nullable, found.texts
    for name, value in payload.items():
        if value.__class__ is str:  # the common case without a call: text within its bound
            limit = texts.get(name)
            if limit is not None and len(value) <= limit and "\x00" not in value:
                continue
        check = checks.get(name)
        if check is None:
            return f"“{_name(name)}” is not a field of a {entity} record"
        if value is None:
            if name in nullable:
                continue
            return f"“{name}” must have a value"
        why = check(value)
        if why is not None:
            return f"“{name}” {why}"
    if whole and not payload.keys() >= found.required:  # (a C loop; a set difference is not)
        missing = min(found.required - payload.keys())
        return f"“{missing}” is missing (every {entity} record has it)"
    return None


def change_problem(entity: str, kind: str, payload: Mapping[str, Any], hlc: str) -> str | None:
    """What is wrong with one pushed change (its payload and its clock), or None; the hub asks
    this before it reads or writes anything for the change."""
    why = _hlc(hlc)
    if why is not None:
        return f"The change's clock {why}."
    why = problem(entity, payload, whole=kind == "insert")
    return None if why is None else f"The change cannot be stored: {why}."


def record_problem(entity: str, entity_id: str, record: Mapping[str, Any]) -> str | None:
    """What is wrong with one pulled record (the hub's whole merged record), or None."""
    if record.get("id") != entity_id:
        return "the record names another id than its change"
    return problem(entity, record, whole=True)


def defaults(entity: str) -> dict[str, Any]:
    """The values a record that leaves a column out gets for it (the column's default)."""
    return {n: c.default for n, c in shape(entity).columns.items() if c.has_default}


def _name(name: Any) -> str:
    text = str(name).replace("\x00", "\\0")
    return text if len(text) <= 40 else text[:37] + "..."
