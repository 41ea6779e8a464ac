"""Preparing a bulk import's rows without the store (issue 13): each row typed, given its book,
prepared (NFC, legacy addresses) and validated against an empty context, with the index
entries the store would compute. Pure, so a second process can do it while the first writes.

The writer then builds each entry's context from the store (earlier entries of the file
included) and keeps these findings only when that context is the empty one they were made
with; otherwise it validates again with the real context. Either way each entry's findings
are exactly what validate() gives with the store's context.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

from desktop_app.domain import (
    Issue,
    RecordType,
    ValidationContext,
    prepare_record,
    record_type,
)
from desktop_app.domain.indexing import PersonEntry, persons, search_text
from desktop_app.domain.types import JSONObject
from desktop_app.domain.validation import validate_prepared
from desktop_app.errors import HotichError
from desktop_app.store.books_repo import BookRow
from desktop_app.store.records_repo import data_json
from desktop_app.workflows import books, records
from desktop_app.workflows.bulk_import_rows import TABULAR, Row, typed


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


@dataclass(frozen=True)
class Prepared:
    line: int
    type: RecordType
    record_id: str
    data: JSONObject
    data_json: str  # the data as stored (records_repo.data_json)
    issues: tuple[Issue, ...]  # validated with empty_context(record_id)
    kept_json: str  # the issues that are not errors, as stored
    persons: tuple[PersonEntry, ...]  # what the store indexes (indexing.persons/search_text)
    text: str

    def __reduce__(self) -> tuple[object, ...]:
        # Sent between processes as its JSON: unpickling the object tree costs the writer
        # about as much as parsing the text it needs anyway.
        return (_from_json, (self.line, self.type.value, self.record_id, self.data_json,
                             self.issues, self.kept_json, self.persons, self.text))


def _from_json(line: int, rtype: str, record_id: str, text_of_data: str,
               issues: tuple[Issue, ...], kept_json: str, entries: tuple[PersonEntry, ...],
               text: str) -> Prepared:
    return Prepared(line, RecordType(rtype), record_id, json.loads(text_of_data),
                    text_of_data, issues, kept_json, entries, text)


def stored_issues(issues: list[Issue]) -> tuple[tuple[JSONObject, ...], str]:
    """The findings an entry keeps (not the errors), and as the store holds them."""
    kept = tuple(i.to_json() for i in issues if not i.is_error)
    return kept, data_json(list(kept))  # type: ignore[arg-type]


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
    return Prepared(line, rtype, record_id, prepared, data_json(prepared), tuple(issues),
                    stored_issues(issues)[1],
                    tuple(persons(rtype.value, prepared)),
                    search_text(rtype.value, prepared,
                                records._as_found(prepared, "registration_number"),
                                records._as_found(prepared, "book_number")))


def prepare_rows(rows: list[Row], plan: Plan) -> list[Item]:
    return [prepare_row(row, plan) for row in rows]
