"""A search token longer than the prefix indexes is asked as the indexed words it begins (an
OR read lazily, issue 13: "nguyen"* merged a third of the register's lists before the first
row). The records found are those of the prefix query, in the same order."""

from __future__ import annotations

from desktop_app.session import Session
from desktop_app.store.records_repo import _MAX_TERMS, _match_expression
from desktop_app.workflows import records
from tests.samples import build
from tests.unit.conftest import Office

NAMES = ("Nguyễn Văn An", "Lê Thị Nguyệt", "Trần Văn Nguy", "Phạm Thị Nga", "Nguyễn Nguyệt Ánh")


def _register(officer: Session, names: tuple[str, ...]) -> None:
    for name in names:
        records.create_record(officer, "birth", build("birth", {"child.full_name": name}))


def _prefix_query_ids(officer: Session, query: str) -> list[str]:
    """What FTS5's own prefix query finds, newest first (the reference)."""
    expression = " ".join(f'"{token}"*' for token in query.split())
    rows = officer.store.connection().execute(
        "SELECT r.id FROM record_text AS t JOIN records AS r ON r.n = t.rowid "
        "WHERE record_text MATCH ? ORDER BY t.rowid DESC", (expression,)).fetchall()
    return [str(r[0]) for r in rows]


def test_a_long_token_becomes_the_words_it_begins(office: Office) -> None:
    officer = office("canbo")
    _register(officer, NAMES)
    with officer.store.read() as uow:
        words = uow.records._words_beginning
        assert words("nguy") == ["nguy", "nguyen", "nguyet"]
        assert words("nguye") == ["nguyen", "nguyet"]
        assert words("zzzz") == []
        assert _match_expression("nguye an", words) == '("nguyen" OR "nguyet") AND "an"*'
        # Up to three letters the prefix indexes answer; punctuation is left to FTS5.
        assert _match_expression("ngu 12/2020", words) == '"ngu"* AND "12/2020"*'


def test_the_same_records_as_the_prefix_query(office: Office) -> None:
    officer = office("canbo")
    _register(officer, NAMES)
    for query in ("nguy", "nguye", "nguyen", "nguyet", "nga", "nguye anh", "nguyet an"):
        found = [r.id for r in records.search(officer, query)]
        assert sorted(found) == sorted(_prefix_query_ids(officer, query)), query
        assert found, query
    assert {r.data["child"]["full_name"] for r in records.search(officer, "nguyet anh")} \
        == {"Nguyễn Nguyệt Ánh"}


def test_too_many_words_is_the_prefix_query_as_it_was(office: Office) -> None:
    officer = office("canbo")
    many = tuple(f"Lò Văn Kham{chr(97 + i // 26)}{chr(97 + i % 26)}"
                 for i in range(_MAX_TERMS + 3))
    _register(officer, many)
    with officer.store.read() as uow:
        assert uow.records._words_beginning("kham") is None
        assert _match_expression("kham", uow.records._words_beginning) == '"kham"*'
    found = records.search(officer, "kham")
    assert len(found) == len(many)
    assert [r.id for r in found] == _prefix_query_ids(officer, "kham")  # newest first
