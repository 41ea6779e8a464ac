"""Bulk digitisation (issue 13): historical entries imported from a file into the store.

A file (CSV or XLSX with a column mapping, or the project's JSON: a list of records) is read
row by row; each row becomes record data (mapping: column -> dotted field path), is prepared
(NFC) and validated against the store like a hand-keyed entry. Errors refuse the row (listed
with its line and rules); warnings are kept on the entry and counted. Nothing is dropped
silently: every line is imported or refused.

Batches: one unit of work per batch (the entries, each with its creation event, one audit
entry naming the batch, and the checkpoint). The checkpoint (last line done and the running
summary) lives in the store's meta under a key derived from the file's content and options,
so an import killed mid-way continues after the last committed batch without duplicating.
Imported entries are historical drafts, like a hand-keyed book entry: submit and the second
officer's verification (four eyes) follow as for any historical entry.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import json
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from desktop_app.accounts import Permission, require
from desktop_app.domain import Issue, prepare_record, record_type, validate
from desktop_app.domain.access import put
from desktop_app.domain.fields import FieldKind, find_field
from desktop_app.domain.types import JSONObject, JSONValue
from desktop_app.errors import HotichError, UsageError
from desktop_app.json_input import parse_json
from desktop_app.record import RecordEvent
from desktop_app.session import Session
from desktop_app.store.books_repo import BookRow
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import books, record_index, records
from desktop_app.workflows.status import new_draft

BATCH = 500
CHECKPOINT_PREFIX = "import.checkpoint."
FORMATS = ("csv", "xlsx", "json")
STAGE = "entries"  # the progress stage (ui/widgets/progress.py words it)


@dataclass(frozen=True)
class Refused:
    line: int
    rules: tuple[str, ...]
    fields: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "rules": list(self.rules), "fields": list(self.fields)}


@dataclass
class ImportSummary:
    """What an import did (over every run of the same file: a resumed import counts the lines
    its earlier runs did)."""

    imported: int = 0
    with_warnings: int = 0
    refused: list[Refused] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)
    last_line: int = 0
    resumed_from: int = 0
    book: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"imported": self.imported, "with_warnings": self.with_warnings,
                "refused": [r.to_json() for r in self.refused],
                "refused_count": len(self.refused), "rules": dict(sorted(self.rules.items())),
                "last_line": self.last_line, "resumed_from": self.resumed_from,
                "book": self.book}

    def _checkpoint(self) -> str:
        return json.dumps({"line": self.last_line, "imported": self.imported,
                           "with_warnings": self.with_warnings,
                           "refused": [r.to_json() for r in self.refused],
                           "rules": dict(self.rules), "book": self.book},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def _from_checkpoint(cls, text: str) -> ImportSummary:
        raw = json.loads(text)
        return cls(imported=raw["imported"], with_warnings=raw["with_warnings"],
                   refused=[Refused(r["line"], tuple(r["rules"]), tuple(r["fields"]))
                            for r in raw["refused"]],
                   rules=Counter(raw["rules"]), last_line=raw["line"],
                   resumed_from=raw["line"], book=raw.get("book"))


# -- mapping --------------------------------------------------------------------------------
def load_mapping(path: Path) -> dict[str, str]:
    """A column mapping saved as JSON: {"column as in the file": "dotted.field.path"}."""
    try:
        raw = parse_json(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise HotichError("E-FILE", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise UsageError(detail="the input is not valid JSON") from exc
    if not isinstance(raw, dict) or not all(isinstance(v, str) and v.strip()
                                            for v in raw.values()):
        raise UsageError(detail="the mapping: a JSON object of column -> field path")
    return {_nfc(k).strip(): str(v).strip() for k, v in raw.items()}


def save_mapping(path: Path, mapping: Mapping[str, str]) -> None:
    path.write_text(json.dumps(dict(mapping), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def row_data(row: Mapping[str, str | None], mapping: Mapping[str, str] | None) -> JSONObject:
    """One tabular row as record data: each mapped column's non-empty cell at its path
    (without a mapping the column headers are the dotted paths)."""
    data: dict[str, object] = {}
    for column, cell in row.items():
        if column is None or cell is None:
            continue
        name = _nfc(str(column)).strip()
        path = mapping.get(name) if mapping is not None else name
        value = _nfc(str(cell)).strip()
        if path and value:
            put(data, path, value)
    return cast(JSONObject, data)


_TRUE, _FALSE = {"true", "1", "có", "x", "yes"}, {"false", "0", "không", "no"}


@lru_cache(maxsize=4096)  # the same columns on every row
def _kind(rtype: str, path: str) -> FieldKind | None:
    found = find_field(rtype, path)
    return found.kind if found is not None else None


def typed(rtype: str, data: JSONValue, path: str = "") -> JSONValue:
    """A spreadsheet's text cells as the field's JSON type (whole numbers, yes/no, lists
    split on ";"); a cell that does not fit stays text and validation names it."""
    if isinstance(data, dict):
        return {k: typed(rtype, v, f"{path}.{k}" if path else k) for k, v in data.items()}
    if not isinstance(data, str):
        return data
    kind = _kind(rtype, path)
    if kind is FieldKind.INTEGER and data.isdigit():
        return int(data)
    if kind is FieldKind.BOOLEAN and data.lower() in _TRUE | _FALSE:
        return data.lower() in _TRUE
    if kind in (FieldKind.LIST, FieldKind.FIELD_PATHS):
        return [part.strip() for part in data.split(";") if part.strip()]
    return data


# -- readers: (line, record type or None, data) ---------------------------------------------
Row = tuple[int, str | None, JSONObject]
TABULAR = "tabular"  # a row of text cells (CSV/XLSX): typed by the field definitions


def _csv_rows(content: bytes, mapping: Mapping[str, str] | None) -> Iterator[Row]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(detail="the CSV file must be UTF-8") from exc
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    for row in reader:
        # The header is line 1; a cell holding a line break makes the file line numbers
        # differ from the row numbers, so the reader's own line count names the row.
        yield reader.line_num, TABULAR, row_data(row, mapping)


def _xlsx_rows(content: bytes, mapping: Mapping[str, str] | None) -> Iterator[Row]:
    try:  # imported here: only XLSX needs it, and it is untyped
        openpyxl: Any = importlib.import_module("openpyxl")
    except ImportError as exc:
        raise UsageError(detail="XLSX needs openpyxl; save the sheet as CSV") from exc
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [None if h is None else str(h) for h in next(rows, ())]
    for line, values in enumerate(rows, start=2):
        cells = {h: (None if v is None else _cell_text(v))
                 for h, v in zip(header, values, strict=False) if h is not None}
        if any(cells.values()):
            yield line, TABULAR, row_data(cells, mapping)


def _cell_text(value: object) -> str:
    if hasattr(value, "date") and hasattr(value, "isoformat"):  # datetime/date cells
        return str(value.isoformat())[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _json_list(content: bytes) -> list[JSONValue]:
    try:
        raw = parse_json(content.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UsageError(detail="the input is not valid JSON") from exc
    if not isinstance(raw, list):
        raise UsageError(detail="the JSON file: a list of records")
    return raw


def _json_rows(raw: list[JSONValue]) -> Iterator[Row]:
    for line, item in enumerate(raw, start=1):
        # Either record data, or {"type": ..., "data": {...}} as `record show --json` gives.
        if isinstance(item, dict) and isinstance(item.get("data"), dict) \
                and isinstance(item.get("type"), str):
            yield line, str(item["type"]), dict(item["data"])  # type: ignore[arg-type]
        elif isinstance(item, dict):
            yield line, None, item
        else:
            yield line, None, {"__not_an_object__": True}


def format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError(detail="the file: .csv, .xlsx or .json")
    return suffix


def read_rows(path: Path, content: bytes, mapping: Mapping[str, str] | None
              ) -> tuple[Iterator[Row], int]:
    """The rows, and about the last line number they reach (for a progress bar only: a CSV
    cell holding a line break counts as a line; 0 for XLSX, not known before reading)."""
    fmt = format_of(path)
    if fmt == "json":
        raw = _json_list(content)
        return _json_rows(raw), len(raw)
    if fmt == "xlsx":
        return _xlsx_rows(content, mapping), 0
    return (_csv_rows(content, mapping),
            content.count(b"\n") + (0 if content.endswith(b"\n") else 1))


# -- import ---------------------------------------------------------------------------------
def checkpoint_key(content: bytes, rtype: str | None, book: str,
                   mapping: Mapping[str, str] | None) -> str:
    digest = hashlib.sha256(content)
    digest.update(json.dumps([rtype, book, dict(mapping or {})], sort_keys=True,
                             ensure_ascii=False).encode())
    return CHECKPOINT_PREFIX + digest.hexdigest()[:32]


def _paper_book(uow: UnitOfWork, book: str) -> BookRow | None:
    try:
        return books._book(uow, book)
    except HotichError:
        return None


def _with_book(data: JSONObject, paper: BookRow | None, book: str) -> JSONObject:
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


def run_import(session: Session, path: Path, *, book: str, rtype: str | None = None,
               mapping: Mapping[str, str] | None = None, batch: int = BATCH,
               progress: Callable[[str, int, int], None] | None = None,
               ) -> ImportSummary:
    """Import ``path`` as historical entries of ``book``; resumes after the last committed
    batch of an earlier run of the same file and options.

    ``progress(stage, line, last_line)`` is called after each committed batch; it may raise
    to stop the import there (the desktop's Cancel): what is committed stays, with its
    checkpoint, and the same import started again continues after it."""
    require(session.account, Permission.CREATE_RECORD)
    if rtype is not None:
        rtype = record_type(rtype).value
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise HotichError("E-FILE", path=str(path)) from exc
    rows, total = read_rows(path, content, mapping)
    with session.store.read() as uow:
        paper = _paper_book(uow, book)
        if rtype is None and paper is not None:
            rtype = paper.type
        # The book as resolved: its id given whole or as a prefix is the same import.
        key = checkpoint_key(content, rtype, paper.id if paper is not None else book, mapping)
        saved = uow.meta.get(key)
    summary = ImportSummary._from_checkpoint(saved) if saved else ImportSummary()
    summary.book = paper.id if paper is not None else book
    pending: list[Row] = []
    for row in rows:
        if row[0] <= summary.last_line:
            continue
        pending.append(row)
        if len(pending) >= batch:
            _write_batch(session, pending, rtype, paper, book, key, summary)
            pending = []
            if progress is not None:
                progress(STAGE, summary.last_line, max(total, summary.last_line))
    if pending:
        _write_batch(session, pending, rtype, paper, book, key, summary)
    if progress is not None:
        progress(STAGE, summary.last_line, summary.last_line)
    return summary


def _write_batch(session: Session, rows: list[Row], default_type: str | None,
                 paper: BookRow | None, book: str, key: str, summary: ImportSummary) -> None:
    """One unit of work: the batch's entries, one audit entry naming them, the checkpoint.
    ``summary`` changes only once the batch has committed."""
    now = session.clock.now()
    officer = session.account.username
    today = records.local_today(session)
    done = ImportSummary(imported=summary.imported, with_warnings=summary.with_warnings,
                         refused=list(summary.refused), rules=Counter(summary.rules),
                         last_line=rows[-1][0], resumed_from=summary.resumed_from,
                         book=summary.book)
    ids: list[str] = []
    with session.store.write() as uow:
        office = uow.meta.get("commune_code") or ""
        for line, item_type, data in rows:
            tabular = item_type == TABULAR
            rtype = default_type if tabular or item_type is None else item_type
            if rtype is None:
                done.refused.append(Refused(line, ("E-IMPORT-NO-TYPE",)))
                continue
            if "__not_an_object__" in data:
                done.refused.append(Refused(line, ("E-IMPORT-NOT-OBJECT",)))
                continue
            try:
                rtype = record_type(rtype).value
                if tabular:
                    data = typed(rtype, data)  # type: ignore[assignment]
                prepared = prepare_record(rtype, _with_book(data, paper, book))
            except HotichError as error:
                done.refused.append(Refused(line, (error.code,)))
                continue
            record_id = str(uuid.uuid4())
            context = record_index.validation_context(uow, rtype, prepared, record_id)
            issues = validate(rtype, prepared, historical=True, today=today, context=context)
            errors = [i for i in issues if i.is_error]
            if errors:
                done.refused.append(Refused(line, tuple(i.code for i in errors),
                                            tuple(i.field for i in errors)))
                done.rules.update({i.code for i in errors})
                continue
            kept = [i for i in issues if not i.is_error]
            rec = new_draft(
                id=record_id, type=rtype, data=prepared, office=office, officer=officer,
                created_at=now, updated_at=now, is_historical=True,
                issues=tuple(i.to_json() for i in kept),
                links_to=records._link_target(uow, prepared),
                registration_number=records._as_found(prepared, "registration_number"),
                book_number=records._as_found(prepared, "book_number"),
                registered_on=records._as_found(prepared, "registered_on"))
            uow.records.insert(rec)  # re-indexes: later rows of the batch see this entry
            uow.records.add_event(RecordEvent(rec.id, now, officer, "create", None,
                                              rec.status, ""))
            ids.append(rec.id)
            _count(done, kept)
        uow.audit.append(at=now, actor=officer, action="record.import", target=summary.book
                         or book, details={"count": len(ids), "first_line": rows[0][0],
                                           "last_line": rows[-1][0],
                                           "refused": len(done.refused) - len(summary.refused),
                                           "historical": True})
        uow.meta.put(key, done._checkpoint())
    summary.imported, summary.with_warnings = done.imported, done.with_warnings
    summary.refused, summary.rules, summary.last_line = done.refused, done.rules, done.last_line


def _count(summary: ImportSummary, kept: list[Issue]) -> None:
    summary.imported += 1
    if kept:
        summary.with_warnings += 1
    summary.rules.update({i.code for i in kept})

