"""Tables of the reference central server (SQLAlchemy Core: the same code on SQLite and
PostgreSQL). Times are ISO 8601 UTC text; JSON documents are canonical JSON text."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
SeqType = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData()

settings = Table(
    "settings", metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

enrolment_codes = Table(
    "enrolment_codes", metadata,
    Column("code_hash", Text, primary_key=True),
    Column("commune", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("used_at", Text),
    Column("device_id", Text),
)

devices = Table(
    "devices", metadata,
    Column("device_id", Text, primary_key=True),
    Column("commune", Text, nullable=False),
    Column("public_key", Text, nullable=False),
    Column("box_public_key", Text, nullable=False),
    Column("name", Text, nullable=False, server_default=""),
    Column("enrolled_at", Text, nullable=False),
    Column("revoked_at", Text),
)

nonces = Table(
    "nonces", metadata,
    Column("device_id", Text, nullable=False),
    Column("nonce", Text, nullable=False),
    Column("ts", BigInteger, nullable=False),
    PrimaryKeyConstraint("device_id", "nonce"),
)
Index("nonces_ts", nonces.c.ts)

# Kept forever: a rural device may retry after weeks.
idempotency = Table(
    "idempotency", metadata,
    Column("device_id", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("digest", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("result", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    PrimaryKeyConstraint("device_id", "key"),
)

# One row per record id: the central id and personal ID survive new versions.
record_ids = Table(
    "record_ids", metadata,
    Column("record_id", Text, primary_key=True),
    Column("central_id", Text, nullable=False, unique=True),
    Column("commune", Text, nullable=False),
    Column("record_type", Text, nullable=False),
    Column("personal_id", Text),
)

# One death per person nationwide: only the centre sees every commune's registrations.
deaths = Table(
    "deaths", metadata,
    Column("personal_id", Text, primary_key=True),
    Column("record_id", Text, nullable=False),
    Column("central_id", Text, nullable=False),
)

records = Table(
    "records", metadata,
    Column("record_id", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("record_type", Text, nullable=False),
    Column("historical", Boolean, nullable=False),
    Column("commune", Text, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("digest", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("attachments", Text, nullable=False),
    Column("warnings", Text, nullable=False),
    Column("accepted_at", Text, nullable=False),
    Column("via", Text, nullable=False),  # "push" or "bundle"
    PrimaryKeyConstraint("record_id", "version"),
)
Index("records_commune_type", records.c.commune, records.c.record_type)

counters = Table(
    "counters", metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

attachments = Table(
    "attachments", metadata,
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("received", BigInteger, nullable=False),
    Column("complete", Boolean, nullable=False),
    Column("device_id", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("completed_at", Text),
)

attachment_chunks = Table(
    "attachment_chunks", metadata,
    Column("sha256", Text, nullable=False),
    Column("start", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    PrimaryKeyConstraint("sha256", "start"),
)

number_counters = Table(
    "number_counters", metadata,
    Column("office", Text, nullable=False),
    Column("record_type", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("next_number", BigInteger, nullable=False),
    PrimaryKeyConstraint("office", "record_type", "year"),
)

number_blocks = Table(
    "number_blocks", metadata,
    Column("block_id", Text, primary_key=True),
    Column("device_id", Text, nullable=False),
    Column("request_id", Text, nullable=False),
    Column("office", Text, nullable=False),
    Column("record_type", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("first", BigInteger, nullable=False),
    Column("last", BigInteger, nullable=False),
    Column("leased_at", Text, nullable=False),
    UniqueConstraint("device_id", "request_id"),
)

# The pull feed: seq is the cursor. commune NULL = for every device.
changes = Table(
    "changes", metadata,
    Column("seq", SeqType, primary_key=True, autoincrement=True),
    Column("commune", Text),
    Column("kind", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)
Index("changes_commune_seq", changes.c.commune, changes.c.seq)

bundles = Table(
    "bundles", metadata,
    Column("bundle_id", Text, primary_key=True),
    Column("device_id", Text, nullable=False),
    Column("items", Integer, nullable=False),
    Column("imported_at", Text, nullable=False),
)

# The head of each device's audit chain as last sent (issue 16 item 12): a history rewritten
# on the device no longer contains it, which the device checks at its next sync. What was
# found (by the device, or here: a chain shorter than the head kept) is kept for the centre.
audit_anchors = Table(
    "audit_anchors", metadata,
    Column("device_id", Text, primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("hash", Text, nullable=False),
    Column("anchored_at", Text, nullable=False),
    # the head kept before: the answer to a retried request whose answer was lost
    Column("prev_seq", BigInteger),
    Column("prev_hash", Text),
)

audit_mismatches = Table(
    "audit_mismatches", metadata,
    Column("id", SeqType, primary_key=True, autoincrement=True),
    Column("device_id", Text, nullable=False),
    Column("kept_seq", BigInteger, nullable=False),
    Column("kept_hash", Text, nullable=False),
    Column("head_seq", BigInteger, nullable=False),
    Column("head_hash", Text, nullable=False),
    Column("found_by", Text, nullable=False),  # "device" or "server"
    Column("found_at", Text, nullable=False),
)
Index("audit_mismatches_device", audit_mismatches.c.device_id, audit_mismatches.c.id)

# The simulated national population registry that reconciliation compares old books with
# (issue 17 item 7): one row per registered event of a person, keyed by the 2025 commune that
# holds it and the year it was registered. Filled by the operators' import, never by intake
# (a book reconciled against its own pushed entries would agree with itself).
population = Table(
    "population", metadata,
    Column("event", Text, nullable=False),  # "birth" or "death"
    Column("personal_id", Text, nullable=False),
    Column("commune", Text, nullable=False),
    Column("year", Integer, nullable=False),
    Column("full_name", Text, nullable=False),
    Column("sex", Text),
    Column("date_of_birth", Text),
    Column("mother_name", Text),
    Column("father_name", Text),
    Column("date_of_death", Text),
    PrimaryKeyConstraint("event", "personal_id"),
)
Index("population_place", population.c.commune, population.c.event, population.c.year,
      population.c.personal_id)
