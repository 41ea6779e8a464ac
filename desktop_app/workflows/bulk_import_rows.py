"""Reading a bulk import's file (issue 13): rows of CSV or XLSX through a column mapping, or
the project's JSON, as (line, record type or TABULAR or None, record data). Pure: no store, so
a second process can read and prepare the rows while the first one writes."""

from __future__ import annotations

import csv
import importlib
import io
import json
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from desktop_app.domain.access import put_at
from desktop_app.domain.fields import FieldKind, find_field
from desktop_app.domain.types import JSONObject, JSONValue
from desktop_app.errors import HotichError, UsageError
from desktop_app.json_input import parse_json

FORMATS = ("csv", "xlsx", "json")


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


Paths = dict[str, tuple[str, ...] | None]  # a column -> the keys of its field path (None: unmapped)


def row_data(row: Mapping[str, str | None], mapping: Mapping[str, str] | None,
             paths: Paths | None = None) -> JSONObject:
    """One tabular row as record data: each mapped column's non-empty cell at its path
    (without a mapping the column headers are the dotted paths). ``paths``: the columns
    resolved so far, kept by the caller for the rows that follow (the same on every row:
    resolving and splitting a path once, not per cell: a CSV row 33 -> 21 µs)."""
    data: dict[str, object] = {}
    known = paths if paths is not None else {}
    for column, cell in row.items():
        if column is None or cell is None:
            continue
        if column in known:
            keys = known[column]
        else:
            name = _nfc(str(column)).strip()
            path = mapping.get(name) if mapping is not None else name
            keys = known[column] = tuple(path.split(".")) if path else None
        if keys is not None:
            value = _nfc(str(cell)).strip()
            if value:
                put_at(data, keys, value)
    return cast(JSONObject, data)


_TRUE, _FALSE = frozenset({"true", "1", "có", "x", "yes"}), frozenset({"false", "0", "không", "no"})
_YES_NO = _TRUE | _FALSE


def _as_integer(text: str) -> JSONValue:
    return int(text) if text.isdecimal() else text  # "²" is a digit int() refuses


def _as_boolean(text: str) -> JSONValue:
    lowered = text.lower()
    return lowered in _TRUE if lowered in _YES_NO else text


def _as_list(text: str) -> JSONValue:
    return [part.strip() for part in text.split(";") if part.strip()]


@lru_cache(maxsize=4096)  # the same columns on every row
def _converter(rtype: str, path: str) -> Callable[[str], JSONValue] | None:
    found = find_field(rtype, path)
    kind = found.kind if found is not None else None
    if kind is FieldKind.INTEGER:
        return _as_integer
    if kind is FieldKind.BOOLEAN:
        return _as_boolean
    if kind in (FieldKind.LIST, FieldKind.FIELD_PATHS):
        return _as_list
    return None


def typed(rtype: str, data: JSONValue, path: str = "") -> JSONValue:
    """A spreadsheet's text cells as the field's JSON type (whole numbers, yes/no, lists
    split on ";"); a cell that does not fit stays text and validation names it."""
    if isinstance(data, dict):
        prefix = f"{path}." if path else ""
        return {k: typed(rtype, v, f"{prefix}{k}") for k, v in data.items()}
    if not isinstance(data, str):
        return data
    convert = _converter(rtype, path)
    return data if convert is None else convert(data)


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
    paths: Paths = {}
    for row in reader:
        # The header is line 1; a cell holding a line break makes the file line numbers
        # differ from the row numbers, so the reader's own line count names the row.
        yield reader.line_num, TABULAR, row_data(row, mapping, paths)


def _xlsx_rows(content: bytes, mapping: Mapping[str, str] | None) -> Iterator[Row]:
    try:  # imported here: only XLSX needs it, and it is untyped
        openpyxl: Any = importlib.import_module("openpyxl")
    except ImportError as exc:
        raise UsageError(detail="XLSX needs openpyxl; save the sheet as CSV") from exc
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [None if h is None else str(h) for h in next(rows, ())]
    paths: Paths = {}
    for line, values in enumerate(rows, start=2):
        cells = {h: (None if v is None else _cell_text(v))
                 for h, v in zip(header, values, strict=False) if h is not None}
        if any(cells.values()):
            yield line, TABULAR, row_data(cells, mapping, paths)


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
