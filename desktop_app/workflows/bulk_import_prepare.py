"""Preparing a bulk import's rows without the store (issue 13): each row typed, given its book,
prepared (NFC, legacy addresses) and validated against an empty context, with the index
entries the store would compute. Pure, so a second process can do it while the first writes.

The writer then builds each entry's context from the store (earlier entries of the file
included) and keeps these findings only when that context is the empty one they were made
with; otherwise it validates again with the real context. Either way each entry's findings
are exactly what validate() gives with the store's context.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from desktop_app.domain import (
    Issue,
    ValidationContext,
    prepare_record,
    record_type,
)
from desktop_app.domain.indexing import persons, search_text
from desktop_app.domain.types import JSONObject
from desktop_app.domain.validation import validate_prepared
from desktop_app.errors import HotichError
from desktop_app.store.books_repo import BookRow
from desktop_app.store.records_repo import data_json, person_rows
from desktop_app.workflows import books, records
from desktop_app.workflows.bulk_import_rows import TABULAR, Row, typed
from desktop_app.workflows.record_index import Lookups, lookups


@dataclass(frozen=True)
class Refused:
    line: int
    rules: tuple[str, ...]
    fields: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "rules": list(self.rules), "fields": list(self.fields)}


@dataclass(frozen=True)
class Plan:
    """What preparing needs besides the row: the same in both processes."""

    default_type: str | None
    paper: BookRow | None  # the paper book being digitised, when it is open in the store
    book: str
    today: date


class Findings(NamedTuple):
    """An entry's findings as the writer uses them (plain values: cheap between processes)."""

    errors: tuple[tuple[str, str], ...]  # (code, field) of each error: the entry is refused
    kept: tuple[JSONObject, ...]  # the other findings, as the entry keeps them (to_json)
    kept_json: str  # ``kept`` as the store holds it


def findings_of(issues: list[Issue]) -> Findings:
    kept = tuple(i.to_json() for i in issues if not i.is_error)
    return Findings(tuple((i.code, i.field) for i in issues if i.is_error), kept,
                    data_json(list(kept)))  # type: ignore[arg-type]


class Prepared(NamedTuple):
    """A row ready to write (a tuple of plain values: the writer unpickles ~2,000 a second)."""

    line: int
    type: str  # a RecordType's value
    record_id: str
    data: JSONObject
    data_json: str  # the data as stored (records_repo.data_json)
    findings: Findings  # validated with empty_context(record_id)
    persons: tuple[tuple[str | None, ...], ...]  # record_persons rows (insert_indexed)
    text: str  # the search text (indexing.search_text)
    lookups: Lookups  # what its context would read first (record_index.lookups)


Item = Prepared | Refused


def empty_context(record_id: str) -> ValidationContext:
    """The context of an entry the store holds nothing related to."""
    return ValidationContext(record_id=record_id)


def with_book(data: JSONObject, paper: BookRow | None, book: str) -> JSONObject:
    """The entry names its book: the paper book being digitised (its `source`), or, when no
    such book is open in the store, the book number given with --book."""
    if paper is not None:
        source = data.get("source")
        page = source.get("page") if isinstance(source, dict) else None
        filled = books._with_source(paper, 0, data)
        filled_source = filled["source"]
        if page is None and isinstance(filled_source, dict):
            filled_source.pop("page", None)
        return filled
    if data.get("book_number") in (None, ""):
        return {**data, "book_number": book}
    return data


def prepare_row(row: Row, plan: Plan) -> Item:
    line, item_type, data = row
    tabular = item_type == TABULAR
    name = plan.default_type if tabular or item_type is None else item_type
    if name is None:
        return Refused(line, ("E-IMPORT-NO-TYPE",))
    if "__not_an_object__" in data:
        return Refused(line, ("E-IMPORT-NOT-OBJECT",))
    try:
        rtype = record_type(name)
        if tabular:
            data = typed(rtype.value, data)  # type: ignore[assignment]
        prepared = prepare_record(rtype, with_book(data, plan.paper, plan.book))
    except HotichError as error:
        return Refused(line, (error.code,))
    record_id = str(uuid.uuid4())
    issues = validate_prepared(rtype, prepared, historical=True, today=plan.today,
                               context=empty_context(record_id))
    return Prepared(line, rtype.value, record_id, prepared, data_json(prepared),
                    findings_of(issues), person_rows(persons(rtype.value, prepared)),
                    search_text(rtype.value, prepared,
                                records._as_found(prepared, "registration_number"),
                                records._as_found(prepared, "book_number")),
                    lookups(rtype.value, prepared))


def prepare_rows(rows: list[Row], plan: Plan) -> list[Item]:
    return [prepare_row(row, plan) for row in rows]
