"""Numbered schema migrations; PRAGMA user_version holds how many have run.

Never edit a released migration: add a new one. Statements are separated by ';' + newline.
Tests upgrade a database created by schema 1 (tests/unit/store/test_migrations.py).
"""

from __future__ import annotations

# 1: accounts and the audit log (the first released schema).
SCHEMA_1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE accounts (
    username TEXT PRIMARY KEY,
    full_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
    created_at TEXT NOT NULL,
    created_by TEXT
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
)
"""

# 2: account state (disabled, password changes) and settings kept in the encrypted store.
SCHEMA_2 = """
ALTER TABLE accounts ADD COLUMN is_disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN password_changed_at TEXT;
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE INDEX audit_target ON audit (target)
"""

# 3: civil-status records, their history, the person index for duplicate checks, folded
# full-text search, number blocks and books.
SCHEMA_3 = """
CREATE TABLE records (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    is_historical INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    office TEXT NOT NULL,
    registration_number TEXT,
    number_int INTEGER,
    book_number TEXT,
    registered_on TEXT,
    year INTEGER,
    officer TEXT NOT NULL,
    verified_by TEXT,
    approved_by TEXT,
    signed_by TEXT,
    overrides TEXT NOT NULL DEFAULT '[]',
    issues TEXT NOT NULL DEFAULT '[]',
    links_to TEXT,
    supersedes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    central_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX records_status ON records (status, type);
CREATE INDEX records_links ON records (links_to);
CREATE UNIQUE INDEX records_number ON records (office, type, year, number_int)
    WHERE number_int IS NOT NULL;
CREATE TABLE record_events (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records (id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX record_events_record ON record_events (record_id, id);
CREATE TABLE record_persons (
    record_id TEXT NOT NULL REFERENCES records (id),
    role TEXT NOT NULL,
    match_key TEXT NOT NULL,
    name_key TEXT NOT NULL,
    mother_key TEXT,
    date_of_birth TEXT,
    event_date TEXT
);
CREATE INDEX record_persons_match ON record_persons (match_key);
CREATE INDEX record_persons_name ON record_persons (name_key);
CREATE INDEX record_persons_mother ON record_persons (mother_key);
CREATE VIRTUAL TABLE record_search USING fts5 (
    record_id UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE number_blocks (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    year INTEGER NOT NULL,
    office TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    next INTEGER NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX number_blocks_book ON number_blocks (type, year, office);
CREATE TABLE books (
    type TEXT NOT NULL,
    year INTEGER NOT NULL,
    office TEXT NOT NULL,
    seq INTEGER NOT NULL,
    book_number TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    totals TEXT,
    PRIMARY KEY (type, year, office, seq)
)
"""

# 4: what leaves the device (outbox), attachments kept inside the encrypted store, signed
# extracts, and the supervisors' certificates (PKCS#12 as imported, still password-protected).
SCHEMA_4 = """
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records (id),
    version INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    result_code TEXT,
    result_message TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_state ON outbox (state, id);
CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE record_attachments (
    record_id TEXT NOT NULL REFERENCES records (id),
    sha256 TEXT NOT NULL REFERENCES attachments (sha256),
    kind TEXT NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (record_id, sha256)
);
CREATE TABLE extracts (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records (id),
    extract_number TEXT NOT NULL,
    is_copy INTEGER NOT NULL DEFAULT 0,
    signed_by TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    data_digest TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    needs_timestamp INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX extracts_record ON extracts (record_id);
CREATE TABLE certificates (
    username TEXT PRIMARY KEY,
    pkcs12 BLOB NOT NULL,
    certificate_der BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    subject TEXT NOT NULL,
    not_after TEXT NOT NULL,
    imported_at TEXT NOT NULL
)
"""

# 5: extract numbers reserved under a primary key, inside the write transaction, before the
# (slow) signature: two processes signing at once can no longer issue the same number. The
# numbers already issued ("386/2026/TLKT") are reserved as they are.
SCHEMA_5 = """
CREATE TABLE extract_numbers (
    year INTEGER NOT NULL,
    code TEXT NOT NULL,
    seq INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    reserved_at TEXT NOT NULL,
    PRIMARY KEY (year, code, seq)
);
INSERT OR IGNORE INTO extract_numbers (year, code, seq, record_id, reserved_at)
    SELECT CAST(substr(extract_number, instr(extract_number, '/') + 1, 4) AS INTEGER),
           substr(extract_number, instr(extract_number, '/') + 6),
           CAST(substr(extract_number, 1, instr(extract_number, '/') - 1) AS INTEGER),
           record_id, signed_at
    FROM extracts WHERE extract_number LIKE '%/____/%'
"""

# 6: flat hot paths at any register size (issue 13). Indexes for what saves, approvals,
# lists and the twin check look up; the full-text index keyed by an explicit integer
# (records.n: implicit rowids may change on VACUUM) in a contentless FTS5 table, so replacing
# a record's text is a delete by key instead of a scan, with prefix indexes for one- to
# three-letter prefixes ("d" for Đ); counts by status/type and by outbox state kept by
# triggers so the dashboard never counts the register. Trigger bodies stay on one line
# (statements are split on ';' + newline).
SCHEMA_6 = """
CREATE INDEX record_persons_record ON record_persons (record_id);
DROP INDEX record_persons_mother;
CREATE INDEX record_persons_mother ON record_persons (mother_key, date_of_birth);
DROP INDEX record_persons_name;
CREATE INDEX record_persons_name ON record_persons (name_key, record_id);
ALTER TABLE records ADD COLUMN n INTEGER;
UPDATE records SET n = rowid;
CREATE UNIQUE INDEX records_n ON records (n);
DROP INDEX records_status;
CREATE INDEX records_created ON records (created_at, id);
CREATE INDEX records_status_created ON records (status, created_at, id);
CREATE INDEX records_type_created ON records (type, created_at, id);
CREATE INDEX records_status_type_created ON records (status, type, created_at, id);
CREATE INDEX records_status_updated ON records (status, updated_at);
CREATE INDEX records_registered ON records (registered_on);
CREATE INDEX outbox_record ON outbox (record_id, id);
CREATE VIRTUAL TABLE record_text USING fts5 (
    text,
    content = '',
    contentless_delete = 1,
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO record_text (rowid, text)
    SELECT r.n, s.text FROM record_search AS s JOIN records AS r ON r.id = s.record_id;
DROP TABLE record_search;
CREATE TABLE record_counts (
    status TEXT NOT NULL,
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (status, type)
) WITHOUT ROWID;
INSERT INTO record_counts (status, type, n)
    SELECT status, type, count(*) FROM records GROUP BY status, type;
CREATE TRIGGER records_counted_insert AFTER INSERT ON records BEGIN
    INSERT INTO record_counts (status, type, n) VALUES (NEW.status, NEW.type, 1)
        ON CONFLICT (status, type) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER records_counted_update AFTER UPDATE OF status, type ON records
    WHEN OLD.status IS NOT NEW.status OR OLD.type IS NOT NEW.type BEGIN
    UPDATE record_counts SET n = n - 1 WHERE status = OLD.status AND type = OLD.type; INSERT
        INTO record_counts (status, type, n) VALUES (NEW.status, NEW.type, 1)
        ON CONFLICT (status, type) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER records_counted_delete AFTER DELETE ON records BEGIN
    UPDATE record_counts SET n = n - 1 WHERE status = OLD.status AND type = OLD.type; END;
CREATE TABLE outbox_counts (
    state TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO outbox_counts (state, n) SELECT state, count(*) FROM outbox GROUP BY state;
CREATE TRIGGER outbox_counted_insert AFTER INSERT ON outbox BEGIN
    INSERT INTO outbox_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER outbox_counted_update AFTER UPDATE OF state ON outbox
    WHEN OLD.state IS NOT NEW.state BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = OLD.state; INSERT
        INTO outbox_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER outbox_counted_delete AFTER DELETE ON outbox BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = OLD.state; END
"""

# 7: the bigamy check reads only the spouses it may match (same folded name, the same birth
# year or no date, or the same personal ID), from one covering index; the person index
# keeps each party's personal ID (filled from the records). The duplicate and twin lookups
# are answered from their indexes alone.
SCHEMA_7 = """
ALTER TABLE record_persons ADD COLUMN personal_id TEXT;
UPDATE record_persons SET personal_id = (
    SELECT CASE WHEN json_type(r.data, '$.' || record_persons.role || '.personal_id') = 'text'
                 AND trim(json_extract(r.data, '$.' || record_persons.role || '.personal_id'))
                     != ''
                THEN json_extract(r.data, '$.' || record_persons.role || '.personal_id') END
    FROM records AS r WHERE r.id = record_persons.record_id);
CREATE INDEX record_persons_spouse
    ON record_persons (name_key, role, date_of_birth, personal_id, record_id);
DROP INDEX record_persons_match;
CREATE INDEX record_persons_match ON record_persons (match_key, record_id);
DROP INDEX record_persons_mother;
CREATE INDEX record_persons_mother ON record_persons (mother_key, date_of_birth, record_id)
"""

# 8: the spouse index ordered so that a personal ID, or the entries without one, are a range.
SCHEMA_8 = """
DROP INDEX record_persons_spouse;
CREATE INDEX record_persons_spouse
    ON record_persons (name_key, role, personal_id, date_of_birth, record_id)
"""

# 9: the earlier data of a registered record that a later approved act changed (a
# recognition supplements the birth, a correction corrects it): the record holds its newest
# version, each replaced version is kept here with the act that replaced it (issue 15).
SCHEMA_9 = """
CREATE TABLE record_versions (
    record_id TEXT NOT NULL REFERENCES records (id),
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    replaced_by TEXT NOT NULL,
    cause TEXT,
    PRIMARY KEY (record_id, version)
) WITHOUT ROWID
"""

# 10: old paper books being digitised (issue 17): a book, its pages (scans kept in
# attachments, rotation as metadata), each historical entry tied to its page and position,
# and double entry: each officer's keying and the field-by-field comparison with the
# decision on every disagreement (kept for the accuracy figures).
SCHEMA_10 = """
CREATE TABLE paper_books (
    id TEXT PRIMARY KEY,
    commune TEXT NOT NULL,
    type TEXT NOT NULL,
    year INTEGER NOT NULL,
    book_number TEXT NOT NULL,
    office_as_written TEXT NOT NULL,
    phase INTEGER NOT NULL,
    opened_by TEXT NOT NULL,
    opened_at TEXT NOT NULL
);
CREATE INDEX paper_books_commune ON paper_books (commune, year, id);
CREATE TABLE book_pages (
    id INTEGER PRIMARY KEY,
    book_id TEXT NOT NULL REFERENCES paper_books (id),
    page_no INTEGER NOT NULL,
    sha256 TEXT NOT NULL REFERENCES attachments (sha256),
    media_type TEXT NOT NULL,
    rotation INTEGER NOT NULL DEFAULT 0,
    file_name TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (book_id, page_no)
);
CREATE INDEX book_pages_sha256 ON book_pages (sha256);
CREATE TABLE book_entries (
    record_id TEXT PRIMARY KEY REFERENCES records (id),
    book_id TEXT NOT NULL REFERENCES paper_books (id),
    page_id INTEGER NOT NULL REFERENCES book_pages (id),
    position INTEGER NOT NULL,
    UNIQUE (page_id, position)
);
CREATE INDEX book_entries_book ON book_entries (book_id, record_id);
CREATE TABLE entry_keyings (
    record_id TEXT NOT NULL REFERENCES records (id),
    n INTEGER NOT NULL,
    officer TEXT NOT NULL,
    data TEXT NOT NULL,
    keyed_at TEXT NOT NULL,
    PRIMARY KEY (record_id, n)
) WITHOUT ROWID;
CREATE INDEX entry_keyings_officer ON entry_keyings (officer, record_id);
CREATE TABLE entry_fields (
    record_id TEXT NOT NULL REFERENCES records (id),
    path TEXT NOT NULL,
    first TEXT,
    second TEXT,
    agreed INTEGER NOT NULL,
    decided TEXT,
    decided_by TEXT,
    decided_at TEXT,
    PRIMARY KEY (record_id, path)
) WITHOUT ROWID
"""

# 11: the double-entered entries waiting for a decision come from an index of the open
# disagreements only (it stays small however many entries were keyed).
SCHEMA_11 = """
CREATE INDEX entry_fields_open ON entry_fields (record_id) WHERE agreed = 0 AND decided_by IS NULL
"""

# 12: OCR of book pages (issue 17 item 6): how each page is written, said by the officer
# (only printed or typed pages are read), and how each OCR suggestion was treated per field
# and keying (the accepted share, by engine, field and officer, from GROUP BY alone).
SCHEMA_12 = """
CREATE TABLE page_writing (
    page_id INTEGER PRIMARY KEY REFERENCES book_pages (id),
    writing TEXT NOT NULL CHECK (writing IN ('printed', 'typed', 'handwritten')),
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE TABLE ocr_reviews (
    record_id TEXT NOT NULL REFERENCES records (id),
    officer TEXT NOT NULL,
    path TEXT NOT NULL,
    engine TEXT NOT NULL,
    confidence REAL NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'edited', 'rejected')),
    matched INTEGER NOT NULL,
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (record_id, officer, path)
) WITHOUT ROWID
"""

# 13: the words of the full-text index, in order (a view of the index, nothing stored): a
# search token longer than the prefix indexes becomes the words it begins, read lazily
# (records_repo._match_expression).
SCHEMA_13 = """
CREATE VIRTUAL TABLE record_text_terms USING fts5vocab (record_text, instance)
"""

# 14: the digitisation workbench (issue 17). A page keeps its crop as a rectangle in fractions
# of the scan as captured (the scan itself is never altered, like its rotation). A first
# keying under double entry waits in blind_keyings, not as a record: nobody but its keyer
# sees it until the second keying is in. Progress and accuracy read counters (book_counts
# kept by triggers, keying_stats and field_disagreements by the double-entry workflow), never
# every entry. A sample re-check is a random draw of verified entries re-keyed blind.
SCHEMA_14 = """
ALTER TABLE book_pages ADD COLUMN crop_left REAL;
ALTER TABLE book_pages ADD COLUMN crop_top REAL;
ALTER TABLE book_pages ADD COLUMN crop_right REAL;
ALTER TABLE book_pages ADD COLUMN crop_bottom REAL;
CREATE TABLE blind_keyings (
    page_id INTEGER NOT NULL REFERENCES book_pages (id),
    position INTEGER NOT NULL,
    book_id TEXT NOT NULL REFERENCES paper_books (id),
    officer TEXT NOT NULL,
    data TEXT NOT NULL,
    keyed_at TEXT NOT NULL,
    PRIMARY KEY (page_id, position)
) WITHOUT ROWID;
CREATE TABLE book_counts (
    book_id TEXT PRIMARY KEY REFERENCES paper_books (id),
    pages INTEGER NOT NULL DEFAULT 0,
    entries INTEGER NOT NULL DEFAULT 0,
    verified INTEGER NOT NULL DEFAULT 0,
    with_warnings INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO book_counts (book_id, pages, entries, verified, with_warnings)
SELECT b.id,
       (SELECT count(*) FROM book_pages p WHERE p.book_id = b.id),
       (SELECT count(*) FROM book_entries e WHERE e.book_id = b.id),
       (SELECT count(*) FROM book_entries e JOIN records r ON r.id = e.record_id
        WHERE e.book_id = b.id AND r.verified_by IS NOT NULL),
       (SELECT count(*) FROM book_entries e JOIN records r ON r.id = e.record_id
        WHERE e.book_id = b.id AND EXISTS (SELECT 1 FROM json_each(r.issues)
              WHERE json_extract(value, '$.severity') = 'warning'))
FROM paper_books b;
CREATE TRIGGER book_counted AFTER INSERT ON paper_books BEGIN
    INSERT INTO book_counts (book_id) VALUES (NEW.id); END;
CREATE TRIGGER book_page_counted AFTER INSERT ON book_pages BEGIN
    UPDATE book_counts SET pages = pages + 1 WHERE book_id = NEW.book_id; END;
CREATE TRIGGER book_entry_counted AFTER INSERT ON book_entries BEGIN
    UPDATE book_counts SET
        entries = entries + 1,
        verified = verified + (SELECT r.verified_by IS NOT NULL FROM records r
                               WHERE r.id = NEW.record_id),
        with_warnings = with_warnings + (SELECT EXISTS (SELECT 1 FROM json_each(r.issues)
                                         WHERE json_extract(value, '$.severity') = 'warning')
                                         FROM records r WHERE r.id = NEW.record_id)
    WHERE book_id = NEW.book_id; END;
CREATE TRIGGER book_entry_recounted AFTER UPDATE OF verified_by, issues ON records
WHEN EXISTS (SELECT 1 FROM book_entries WHERE record_id = NEW.id) BEGIN
    UPDATE book_counts SET
        verified = verified + (NEW.verified_by IS NOT NULL) - (OLD.verified_by IS NOT NULL),
        with_warnings = with_warnings
            + EXISTS (SELECT 1 FROM json_each(NEW.issues)
                      WHERE json_extract(value, '$.severity') = 'warning')
            - EXISTS (SELECT 1 FROM json_each(OLD.issues)
                      WHERE json_extract(value, '$.severity') = 'warning')
    WHERE book_id = (SELECT book_id FROM book_entries WHERE record_id = NEW.id); END;
CREATE TABLE keying_stats (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    entries INTEGER NOT NULL DEFAULT 0,
    fields INTEGER NOT NULL DEFAULT 0,
    disagreed INTEGER NOT NULL DEFAULT 0,
    wrong INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
INSERT INTO keying_stats (kind, key, entries, fields, disagreed, wrong)
SELECT 'officer', k.officer, count(DISTINCT k.record_id), count(*), sum(f.agreed = 0),
       sum(f.agreed = 0 AND f.decided_by IS NOT NULL AND
           (CASE k.n WHEN 1 THEN f.first ELSE f.second END) IS NOT f.decided)
FROM entry_keyings k JOIN entry_fields f ON f.record_id = k.record_id GROUP BY k.officer;
INSERT INTO keying_stats (kind, key, entries, fields, disagreed, wrong)
SELECT 'book', e.book_id, count(DISTINCT f.record_id), count(*), sum(f.agreed = 0),
       sum(CASE WHEN f.agreed = 0 AND f.decided_by IS NOT NULL THEN
           (f.first IS NOT f.decided) + (f.second IS NOT f.decided) ELSE 0 END)
FROM entry_fields f JOIN book_entries e ON e.record_id = f.record_id GROUP BY e.book_id;
CREATE TABLE field_disagreements (
    path TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO field_disagreements (path, n)
SELECT path, count(*) FROM entry_fields WHERE agreed = 0 GROUP BY path;
CREATE TABLE recheck_samples (
    id TEXT PRIMARY KEY,
    book_id TEXT,
    commune TEXT NOT NULL,
    share REAL NOT NULL,
    population INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    drawn_by TEXT NOT NULL,
    drawn_at TEXT NOT NULL
);
CREATE TABLE recheck_items (
    sample_id TEXT NOT NULL REFERENCES recheck_samples (id),
    record_id TEXT NOT NULL REFERENCES records (id),
    rekeyed_by TEXT,
    rekeyed_at TEXT,
    fields INTEGER,
    wrong INTEGER,
    differences TEXT,
    PRIMARY KEY (sample_id, record_id)
) WITHOUT ROWID
"""

# 15: records created per hour (the first 13 characters of created_at, and its offset), kept
# by triggers: the dashboard's last 30 days are read from a few hundred counters, not from
# every record created in them (91,000 index entries in the generated 1M register).
SCHEMA_15 = """
CREATE TABLE record_hours (
    hour TEXT NOT NULL,
    tz TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (hour, tz)
) WITHOUT ROWID;
INSERT INTO record_hours (hour, tz, n)
    SELECT substr(created_at, 1, 13), substr(created_at, -6), count(*) FROM records
    GROUP BY 1, 2;
CREATE TRIGGER records_hour_insert AFTER INSERT ON records BEGIN
    INSERT INTO record_hours (hour, tz, n) VALUES (substr(NEW.created_at, 1, 13),
        substr(NEW.created_at, -6), 1) ON CONFLICT (hour, tz) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER records_hour_update AFTER UPDATE OF created_at ON records
    WHEN OLD.created_at IS NOT NEW.created_at BEGIN
    UPDATE record_hours SET n = n - 1 WHERE hour = substr(OLD.created_at, 1, 13)
        AND tz = substr(OLD.created_at, -6); INSERT INTO record_hours (hour, tz, n) VALUES
        (substr(NEW.created_at, 1, 13), substr(NEW.created_at, -6), 1)
        ON CONFLICT (hour, tz) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER records_hour_delete AFTER DELETE ON records BEGIN
    UPDATE record_hours SET n = n - 1 WHERE hour = substr(OLD.created_at, 1, 13)
        AND tz = substr(OLD.created_at, -6); END
"""

# 16: a re-checked entry found by its record: writing a record checks the re-check items
# that name it (a foreign key), which without this index read them all.
SCHEMA_16 = """
CREATE INDEX recheck_items_record ON recheck_items (record_id)
"""

# 17: the entries waiting for a second check from a partial index (issue 13, paging): at a
# million records the oldest 6,000 submitted records are current registrations, which an
# oldest-first page of the verification list had to pass over.
SCHEMA_17 = """
CREATE INDEX records_unverified ON records (created_at, id)
    WHERE status = 'submitted' AND is_historical = 1 AND verified_by IS NULL
"""

# 18: a first keyer corrects or discards their own blind keying before the second keying
# (issue 17): what they keyed before is kept here, never lost, and stays as blind as the
# keying itself (the audit names the row, never its data).
SCHEMA_18 = """
CREATE TABLE blind_keyings_earlier (
    id INTEGER PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES book_pages (id),
    position INTEGER NOT NULL,
    book_id TEXT NOT NULL REFERENCES paper_books (id),
    officer TEXT NOT NULL,
    data TEXT NOT NULL,
    keyed_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('corrected', 'discarded'))
);
CREATE INDEX blind_keyings_earlier_place ON blind_keyings_earlier (page_id, position)
"""

# 19: the OCR reviews of a blind first keying (issue 17): it is no record yet, so they are kept
# by its page and position; the accepted share counts both keyers (ocr_repo._counts).
SCHEMA_19 = """
CREATE TABLE ocr_blind_reviews (
    page_id INTEGER NOT NULL REFERENCES book_pages (id),
    position INTEGER NOT NULL,
    officer TEXT NOT NULL,
    path TEXT NOT NULL,
    engine TEXT NOT NULL,
    confidence REAL NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'edited', 'rejected')),
    matched INTEGER NOT NULL,
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (page_id, position, officer, path)
) WITHOUT ROWID
"""

# 20: the person index keyed by the record's integer n, clustered by it, and its lookups' indexes
# holding only the rows they read (issue 13, bulk import into a large register: every key a
# new record adds at a random place in an index lands on a page of its own, which is read,
# decrypted, encrypted and written again). The rows of a record now sit together (primary key
# (record_n, role): a save's delete and insert touch one page, where the index on the text id
# put each party's key on a random page), and every index entry carries a small integer, not a
# 36-character id. The match key is looked up for children only (a duplicate birth, a spouse's
# own birth), the mother's key exists for a child only, and the namesakes the rules between
# records look for are spouses, the deceased and wards: a birth adds 6 keys at random places,
# where it added 20. The queries repeat each partial index's WHERE (RecordsRepository).
# The old table's pages are freed without being zeroed first (SQLCipher's secure_delete, back
# on at once): they hold what the new table holds again, still encrypted, and zeroing them
# wrote 231k pages more at a million records (10 s against 4 s for the drop alone).
SCHEMA_20 = """
CREATE TABLE record_parties (
    record_n INTEGER NOT NULL REFERENCES records (n),
    role TEXT NOT NULL,
    match_key TEXT NOT NULL,
    name_key TEXT NOT NULL,
    mother_key TEXT,
    date_of_birth TEXT,
    event_date TEXT,
    personal_id TEXT,
    PRIMARY KEY (record_n, role)
) WITHOUT ROWID;
INSERT OR IGNORE INTO record_parties (record_n, role, match_key, name_key, mother_key,
                                      date_of_birth, event_date, personal_id)
    SELECT r.n, p.role, p.match_key, p.name_key, p.mother_key, p.date_of_birth, p.event_date,
           p.personal_id
    FROM record_persons AS p JOIN records AS r ON r.id = p.record_id
    ORDER BY r.n, p.role;
PRAGMA secure_delete = OFF;
DROP TABLE record_persons;
PRAGMA secure_delete = ON;
ALTER TABLE record_parties RENAME TO record_persons;
CREATE INDEX record_persons_name ON record_persons (name_key, record_n);
CREATE INDEX record_persons_match ON record_persons (match_key, record_n)
    WHERE role = 'child';
CREATE INDEX record_persons_mother ON record_persons (mother_key, date_of_birth, record_n)
    WHERE mother_key IS NOT NULL;
CREATE INDEX record_persons_spouse
    ON record_persons (name_key, role, personal_id, date_of_birth, record_n)
    WHERE role IN ('deceased', 'husband', 'wife', 'ward')
"""

# Every record's kind and state by its n, in an index of its own (issue 13): the person index's
# lookups answer n, and bigamy's checks (a candidate marriage registered? a namesake's death?)
# then need only these two columns; read from the records table, each cost a page of whole
# records (decrypted) for two words, ~30 namesake marriages a marriage at a million records.
SCHEMA_21 = """
CREATE INDEX records_state ON records (n, type, status)
"""

# 22: a record's history keyed by the record's integer n (issue 13, bulk import): its index on
# the 36-character text id put every new event's key on a random page, and each commit of an
# import batch wrote nearly every page of that index again (0.85 of the 2.6 pages an entry
# written into 100,000 records). Keyed by n, which grows with each record, a batch's events
# land together. The rows are copied in their order (their id orders a record's history);
# the old table's pages are freed without zeroing, as in schema 20.
SCHEMA_22 = """
CREATE TABLE record_history (
    id INTEGER PRIMARY KEY,
    record_n INTEGER NOT NULL REFERENCES records (n),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO record_history (id, record_n, at, actor, action, from_status, to_status, reason)
    SELECT e.id, r.n, e.at, e.actor, e.action, e.from_status, e.to_status, e.reason
    FROM record_events AS e JOIN records AS r ON r.id = e.record_id
    ORDER BY e.id;
PRAGMA secure_delete = OFF;
DROP TABLE record_events;
PRAGMA secure_delete = ON;
ALTER TABLE record_history RENAME TO record_events;
CREATE INDEX record_events_record ON record_events (record_n, id)
"""

# 23: the spouse index ordered by birth date again, with the personal IDs in an index of their
# own (issue 13, bigamy at a million records). Schema 8 put the ID before the date so that an
# ID, or the entries without one, were a range; but the namesakes of a spouse whose ID is not
# known may have any ID, so that lookup read every party of the name, of every year (~900 for
# a common name at a million records, where ~14 are of the spouse's year) to find a few.
SCHEMA_23 = """
DROP INDEX record_persons_spouse;
CREATE INDEX record_persons_spouse
    ON record_persons (name_key, role, date_of_birth, personal_id, record_n)
    WHERE role IN ('deceased', 'husband', 'wife', 'ward');
CREATE INDEX record_persons_spouse_id
    ON record_persons (personal_id, name_key, role, date_of_birth, record_n)
    WHERE personal_id IS NOT NULL AND role IN ('deceased', 'husband', 'wife', 'ward')
"""

MIGRATIONS: tuple[str, ...] = (SCHEMA_1, SCHEMA_2, SCHEMA_3, SCHEMA_4, SCHEMA_5, SCHEMA_6,
                               SCHEMA_7, SCHEMA_8, SCHEMA_9, SCHEMA_10, SCHEMA_11, SCHEMA_12,
                               SCHEMA_13, SCHEMA_14, SCHEMA_15, SCHEMA_16, SCHEMA_17,
                               SCHEMA_18, SCHEMA_19, SCHEMA_20, SCHEMA_21, SCHEMA_22,
                               SCHEMA_23)
