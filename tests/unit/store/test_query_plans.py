"""Every statement of the save, approve, search, list and dashboard paths is planned without a
full scan of a table that grows with the register (issue 13: a save took 2.7 s at a million
records because two of its statements scanned). Not timed: the statements are traced while
the workflows run on a small store, then each goes through EXPLAIN QUERY PLAN.

Allowed: a search of an index; the full-text index answering MATCH; an index walked in the
order a LIMIT asks for (it stops at the page). Anything else that reads a growing table
whole fails, with the statement.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from desktop_app.session import Session
from desktop_app.workflows import dashboard, record_views, records
from tests.samples import build
from tests.unit.conftest import Office

# Tables whose size follows the register (accounts, meta, books, blocks, counters do not).
GROWING = frozenset({"records", "record_persons", "record_events", "record_text", "audit",
                     "outbox", "extracts", "extract_numbers", "attachments",
                     "record_attachments", "record_text_terms"})
# fts5vocab's plan number: its low byte is the columns used, 0x100/0x200/0x400 a term =, >=
# or <= constraint (a seek in the term order; without one, every word of the index).
_VOCAB_TERM = 0x700
_SCAN = re.compile(r"^SCAN (\w+)( USING (?:COVERING )?INDEX \w+)?")
# The newest rows by integer primary key, no filter: "... ORDER BY seq DESC LIMIT 1".
_LAST_ROW = re.compile(r"^SELECT [^;]* FROM (audit|outbox|record_events|extracts) "
                       r"ORDER BY (seq|id)( DESC)? LIMIT \d+$", re.IGNORECASE)
_DML = {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "REPLACE"}


def _traced(session: Session, work: Callable[[], object]) -> list[str]:
    conn = session.store.connection()
    seen: list[str] = []
    conn.set_trace_callback(seen.append)  # statements with their values expanded
    try:
        work()
    finally:
        conn.set_trace_callback(None)
    return [s for s in dict.fromkeys(t.strip() for t in seen)
            if s and s.split(None, 1)[0].upper() in _DML]


def _table_of(sql: str, name: str) -> str | None:
    """The growing table a plan's name stands for (itself, or an alias: "records AS r")."""
    if name in GROWING:
        return name
    for table in GROWING:
        if re.search(rf"\b{table}\s+(?:AS\s+)?{name}\b", sql, re.IGNORECASE):
            return table
    return None


def full_scans(session: Session, sql: str) -> list[str]:
    plan = [row[3] for row in
            session.store.connection().execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()]
    sorts = any("TEMP B-TREE FOR ORDER BY" in d or "TEMP B-TREE FOR GROUP BY" in d
                for d in plan)
    problems = []
    for detail in plan:
        match = _SCAN.match(detail)
        if match is None or _table_of(sql, match.group(1)) is None:
            continue
        if re.search(r"VIRTUAL TABLE INDEX \d+:[^ ]*[M=]", detail):
            continue  # FTS5 answers MATCH or a rowid from its own index
        vocab = re.search(r"VIRTUAL TABLE INDEX (\d+):$", detail)
        if _table_of(sql, match.group(1)) == "record_text_terms" and vocab and \
                int(vocab.group(1)) & _VOCAB_TERM and re.search(r"\bLIMIT\b", sql):
            continue  # a seek to a word, stopped by the LIMIT
        if not sorts and (match.group(2) or _LAST_ROW.search(sql)) and \
                re.search(r"\bLIMIT\b", sql, re.IGNORECASE):
            continue  # walked in the order asked (an index, the rowid), stopped by the LIMIT
        problems.append(detail)
    return problems


def check(session: Session, work: Callable[[], object], *, at_least: int = 1) -> None:
    statements = _traced(session, work)
    assert len(statements) >= at_least, statements  # the trace really saw the path
    problems = [f"{detail}\n    in: {sql[:300]}" for sql in statements
                for detail in full_scans(session, sql)]
    assert not problems, "\n".join(problems)


def _overrides(result: records.SaveResult) -> dict[str, str]:
    return {i.code: "đã kiểm tra hồ sơ gốc" for i in result.warnings}


@pytest.fixture
def filled(office: Office) -> Office:
    """Records of several types and states, so the paths meet candidates and links."""
    officer, supervisor = office("canbo"), office("chutich")
    for name in ("Nguyễn Văn An", "Đặng Thị Hồng", "H’Hen Niê"):
        saved = records.create_record(officer, "birth", build("birth",
                                                              {"child.full_name": name}))
        records.submit(officer, saved.record.id)
        records.approve(supervisor, saved.record.id, _overrides(saved))
    records.create_record(officer, "marriage", build("marriage"))
    records.create_record(officer, "death", build("death"))
    return office


def test_the_check_sees_a_full_scan(filled: Office) -> None:
    session = filled("canbo")
    assert full_scans(session, "SELECT term FROM record_text_terms LIMIT 5")
    assert not full_scans(session, "SELECT term FROM record_text_terms WHERE term >= 'a' "
                                   "LIMIT 1")
    assert full_scans(session, "SELECT data FROM records WHERE officer = 'canbo'")
    assert full_scans(session, "SELECT r.id FROM records AS r WHERE r.data LIKE '%An%'")
    assert not full_scans(session, "SELECT data FROM records WHERE id = 'x'")


def test_saving_a_record_of_each_kind(filled: Office) -> None:
    officer = filled("canbo")
    birth = records.list_records(officer, rtype="birth")[0]
    check(officer, lambda: records.create_record(officer, "birth", build("birth", {
        "child.full_name": "Nguyễn Văn Bình"})), at_least=8)  # the mother's other births
    check(officer, lambda: records.create_record(officer, "marriage", build("marriage")))
    check(officer, lambda: records.create_record(officer, "death", build("death")))
    check(officer, lambda: records.create_record(officer, "change", build("change", {
        "original_record": {"record_id": birth.id},  # "from" is what the birth holds
        "changes": [{"field": "date_of_birth", "from": birth.data["child"]["date_of_birth"],
                     "to": "2026-01-11"}]})))
    check(officer, lambda: records.create_record(officer, "birth", build("birth", {
        "registered_on": "1990-02-01", "child.date_of_birth": "1990"}), historical=True))


def test_editing_submitting_and_approving(filled: Office) -> None:
    officer, supervisor = filled("canbo"), filled("chutich")
    saved = records.create_record(officer, "birth", build("birth", {
        "child.full_name": "Nguyễn Thị Bình"}))
    check(officer, lambda: records.update_draft(officer, saved.record.id, build("birth", {
        "child.full_name": "Nguyễn Thị Bình An"})))
    check(officer, lambda: records.submit(officer, saved.record.id))
    check(supervisor, lambda: records.approve(supervisor, saved.record.id, _overrides(saved)),
          at_least=10)
    marriage = records.create_record(officer, "marriage", build("marriage", {
        "husband.full_name": "Lê Văn Tám"}))
    records.submit(officer, marriage.record.id)
    check(supervisor, lambda: records.approve(supervisor, marriage.record.id,
                                              _overrides(marriage)))


def test_historical_entries_four_eyes(filled: Office) -> None:
    officer, second, supervisor = filled("canbo"), filled("canbo2"), filled("chutich")
    saved = records.create_record(officer, "death", build("death", {
        "time_of_death": "1988", "registered_on": "1988-05-02"}), historical=True)
    records.submit(officer, saved.record.id)
    check(second, lambda: records.verify(second, saved.record.id))
    check(supervisor, lambda: records.approve(supervisor, saved.record.id, {"W-*": "sổ gốc"}))


def test_searching(filled: Office) -> None:
    officer = filled("canbo")
    for query in ("nguyen van an", "nguyen", "hong", "ngu", "d", "hhen nie", "KS", "nguy",
                  "2026"):
        check(officer, lambda q=query: records.search(officer, q))
    first = records.search_page(officer, "n", limit=1)
    assert first.after is not None
    check(officer, lambda: records.search_page(officer, "n", after=first.after, limit=1))
    exact = records.search_page(officer, "nguyen van an", limit=1)
    check(officer, lambda: records.search_page(officer, "nguyen van an", after=exact.after))


def test_list_screens_and_the_record_screen(filled: Office) -> None:
    officer, supervisor = filled("canbo"), filled("chutich")
    check(officer, lambda: records.list_records(officer))
    check(officer, lambda: records.list_records(officer, status="draft"))
    check(officer, lambda: records.list_records(officer, rtype="birth"))
    check(officer, lambda: records.list_records(officer, status="draft", rtype="death"))
    check(supervisor, lambda: (records.list_records(supervisor, status="submitted"),
                               records.list_records(supervisor, status="approved")))
    page = records.list_page(officer, limit=2)
    check(officer, lambda: records.list_page(officer, after=page.after, limit=2))
    check(officer, lambda: records.list_page(officer, status="draft", after=page.after))
    check(officer, lambda: record_views.sync_queue(officer))
    rec = records.list_records(officer, rtype="birth")[0]
    check(officer, lambda: records.get_record(officer, rec.id))
    check(officer, lambda: records.get_record(officer, rec.id[:8]))
    check(officer, lambda: records.history(officer, rec.id))


def test_dashboard(filled: Office) -> None:
    officer = filled("canbo")
    check(officer, lambda: dashboard.summary(officer), at_least=4)
    check(officer, lambda: dashboard.queue_size(officer))
