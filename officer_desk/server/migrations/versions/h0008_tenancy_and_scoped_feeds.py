"""One hub for a service (issue 15, items 1 and 2): the registry of places, records that
belong to a facility, uniqueness per facility, and a pull feed numbered per scope.

Existing data moves as follows: every facility and unit record registers its place (a unit
code seen twice in one facility keeps the first); devices, enrolment codes and root keys are
bound to the unit their code found before (the first unit with that code, as the hub did);
every record gets its facility (a unit's, a person's, else the first facility: a hub before
this revision served one); unit codes, programme codes and user names are claimed in their
facility, first come first kept; and every record gets a feed row in each scope it is pulled
in, numbered per scope in the order of its old global sequence number, which the feed keeps
(``legacy_seq``) to translate a workstation's old cursor.  Then the global counter
(``hub_state``) and ``record.seq`` go.

Revision ID: h0008
Revises: h0007
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "h0008"
down_revision = "h0007"
branch_labels = None
depends_on = None

_UNIQUE = {"unit": "code", "programme": "code", "officer": "username"}

_FEED = """
INSERT INTO feed (scope, seq, entity, entity_id, legacy_seq)
SELECT scope, ROW_NUMBER() OVER (PARTITION BY scope ORDER BY legacy_seq), entity, entity_id,
       legacy_seq
FROM (
    SELECT CASE WHEN r.entity = 'facility' THEN COALESCE(r.facility_id, r.entity_id)
                WHEN r.scope_unit IS NOT NULL THEN r.scope_unit
                WHEN r.inmate_id IS NOT NULL THEN p.scope_unit
                ELSE r.facility_id END AS scope,
           r.entity AS entity, r.entity_id AS entity_id, r.seq AS legacy_seq
    FROM record r
    LEFT JOIN record p ON p.entity = 'inmate' AND p.entity_id = r.inmate_id
    UNION ALL
    SELECT prev_unit, entity, entity_id, seq FROM record
    WHERE entity = 'inmate' AND prev_unit IS NOT NULL AND prev_unit <> scope_unit
) AS s
WHERE scope IS NOT NULL
"""


def upgrade() -> None:
    op.create_table(
        "site",
        sa.Column("facility_id", sa.String(64), primary_key=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
    )
    op.create_table(
        "place",
        sa.Column("unit_id", sa.String(64), primary_key=True),
        sa.Column("facility_id", sa.String(64), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.UniqueConstraint("facility_id", "code", name="uq_place_facility_code"),
    )
    op.create_table(
        "feed",
        sa.Column("scope", sa.String(64), primary_key=True),
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("legacy_seq", sa.BigInteger, nullable=True),
    )
    op.create_index("ix_feed_record", "feed", ["entity", "entity_id"])
    op.create_table(
        "scope_seq",
        sa.Column("scope", sa.String(64), primary_key=True),
        sa.Column("last", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "unique_name",
        sa.Column("facility_id", sa.String(64), primary_key=True),
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(200), primary_key=True),
        sa.Column("entity_id", sa.String(64), nullable=False),
    )
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("facility_code", sa.String(40), nullable=True))
        batch.add_column(sa.Column("facility_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("unit_id", sa.String(64), nullable=True))
    op.create_index("ix_device_unit_id", "device", ["unit_id"])
    with op.batch_alter_table("enrol_code") as batch:
        batch.add_column(sa.Column("facility_code", sa.String(40), nullable=True))
        batch.add_column(sa.Column("facility_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("unit_id", sa.String(64), nullable=True))
    with op.batch_alter_table("signing_key") as batch:
        batch.add_column(sa.Column("root_facility_code", sa.String(40), nullable=True))
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("facility_id", sa.String(64), nullable=True))
    _move_data(op.get_bind())
    op.drop_index("ix_record_seq", "record")
    with op.batch_alter_table("record") as batch:
        batch.drop_column("seq")
    op.drop_table("hub_state")


def _move_data(conn: sa.Connection) -> None:
    meta = sa.MetaData()
    record = sa.Table("record", meta, autoload_with=conn)
    site = sa.Table("site", meta, autoload_with=conn)
    place = sa.Table("place", meta, autoload_with=conn)
    names = sa.Table("unique_name", meta, autoload_with=conn)
    ordered = sa.select(record.c.entity, record.c.entity_id, record.c.data).order_by(record.c.seq)
    codes: dict[str, str] = {}  # registered facility id -> code
    by_code: dict[str, str] = {}
    # Facility record id -> the registered facility (a unit set up on its own uploaded a
    # record of its own for the same facility code: it is that facility's).
    canonical: dict[str, str] = {}
    for row in conn.execute(ordered.where(record.c.entity == "facility")):
        code = json.loads(row.data).get("code")
        if not isinstance(code, str):
            continue
        if code not in by_code:
            by_code[code], codes[row.entity_id] = row.entity_id, code
            conn.execute(site.insert().values(facility_id=row.entity_id, code=code))
        canonical[row.entity_id] = by_code[code]
    units: dict[str, tuple[str, str]] = {}  # unit code -> (unit id, facility id), first kept
    taken: set[tuple[str, str]] = set()
    for row in conn.execute(ordered.where(record.c.entity == "unit")):
        data = json.loads(row.data)
        code, facility = data.get("code"), canonical.get(str(data.get("facility_id")))
        if not isinstance(code, str) or facility is None or (facility, code) in taken:
            continue
        taken.add((facility, code))
        units.setdefault(code, (row.entity_id, facility))
        conn.execute(place.insert().values(unit_id=row.entity_id, facility_id=facility, code=code))
    for name in ("device", "enrol_code"):
        table = sa.Table(name, meta, autoload_with=conn)
        for code, (unit_id, facility) in units.items():
            conn.execute(
                table.update()
                .where(table.c.unit_code == code)
                .values(facility_code=codes[facility], facility_id=facility, unit_id=unit_id)
            )
    keys = sa.Table("signing_key", meta, autoload_with=conn)
    for code, (_, facility) in units.items():
        conn.execute(
            keys.update()
            .where(keys.c.root_unit_code == code)
            .values(root_facility_code=codes[facility])
        )
    # Each record's facility: its unit's, its person's, else the first facility's.
    conn.execute(
        record.update()
        .where(record.c.scope_unit.is_not(None))
        .values(
            facility_id=sa.select(place.c.facility_id)
            .where(place.c.unit_id == record.c.scope_unit)
            .scalar_subquery()
        )
    )
    for facility_id, facility in canonical.items():
        conn.execute(
            record.update()
            .where(record.c.entity == "facility", record.c.entity_id == facility_id)
            .values(facility_id=facility)
        )
    person = record.alias("person")
    conn.execute(
        record.update()
        .where(record.c.facility_id.is_(None), record.c.inmate_id.is_not(None))
        .values(
            facility_id=sa.select(person.c.facility_id)
            .where(person.c.entity == "inmate", person.c.entity_id == record.c.inmate_id)
            .scalar_subquery()
        )
    )
    if codes:
        first = next(iter(codes))
        conn.execute(
            record.update().where(record.c.facility_id.is_(None)).values(facility_id=first)
        )
    claimed: set[tuple[str, str, str]] = set()
    named = conn.execute(
        sa.select(record.c.entity, record.c.entity_id, record.c.facility_id, record.c.data)
        .where(record.c.entity.in_(sorted(_UNIQUE)), record.c.facility_id.is_not(None))
        .order_by(record.c.seq)
    ).all()
    for item in named:
        value = json.loads(item.data).get(_UNIQUE[item.entity])
        key = (item.facility_id, item.entity, value)
        if isinstance(value, str) and len(value) <= 200 and key not in claimed:
            claimed.add(key)
            conn.execute(
                names.insert().values(
                    facility_id=item.facility_id,
                    entity=item.entity,
                    value=value,
                    entity_id=item.entity_id,
                )
            )
    conn.execute(sa.text(_FEED))
    conn.execute(
        sa.text(
            "INSERT INTO scope_seq (scope, last) SELECT scope, MAX(seq) FROM feed GROUP BY scope"
        )
    )


def downgrade() -> None:
    """Back to one global counter: records are numbered again in the order of their latest
    feed position (workstations pull everything again, which is safe)."""
    op.create_table(
        "hub_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
    )
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=False, server_default="0"))
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "UPDATE record SET seq = COALESCE((SELECT MAX(f.seq) FROM feed f "
            "WHERE f.entity = record.entity AND f.entity_id = record.entity_id), 0)"
        )
    )
    conn.execute(
        sa.text("INSERT INTO hub_state (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM record")
    )
    op.create_index("ix_record_seq", "record", ["seq"])
    with op.batch_alter_table("record") as batch:
        batch.drop_column("facility_id")
    with op.batch_alter_table("signing_key") as batch:
        batch.drop_column("root_facility_code")
    with op.batch_alter_table("enrol_code") as batch:
        for name in ("unit_id", "facility_id", "facility_code"):
            batch.drop_column(name)
    op.drop_index("ix_device_unit_id", "device")
    with op.batch_alter_table("device") as batch:
        for name in ("unit_id", "facility_id", "facility_code"):
            batch.drop_column(name)
    for name in ("unique_name", "scope_seq", "feed", "place", "site"):
        op.drop_table(name)
