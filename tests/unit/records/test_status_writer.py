"""One writer of a record's status: desktop_app/workflows/status.py (change_status, and the two
factories that give a new record its first status). Any other write fails here, named by file
and line: ``rec.with_changes(status=...)``, ``dataclasses.replace(rec, status=...)``,
``StoredRecord(..., status=...)`` or SQL that sets records.status."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("desktop_app", "sync", "signing", "ui")
WRITER = "desktop_app/workflows/status.py"
# Reading a row back into a StoredRecord is not a status change.
READERS = {"desktop_app/store/records_repo.py"}

_SQL = re.compile(r"\bUPDATE\s+records\s+SET\b[^;]*\bstatus\b", re.IGNORECASE | re.DOTALL)
_COPIERS = {"with_changes", "replace"}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _sets_status(call: ast.Call) -> bool:
    for keyword in call.keywords:
        if keyword.arg == "status":
            return True
        if keyword.arg is None and isinstance(keyword.value, ast.Dict) and any(
                isinstance(k, ast.Constant) and k.value == "status" for k in keyword.value.keys):
            return True
    return False


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def status_writes(source: str) -> list[tuple[int, str]]:
    """(line, what) of every status write in a module's source."""
    found: set[tuple[int, str]] = set()  # a set: an f-string's parts are visited twice
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _sets_status(node):
            name = _name(node.func)
            if name in _COPIERS or name == "StoredRecord":
                found.add((node.lineno, f"{name}(status=...)"))
        elif isinstance(node, ast.Constant | ast.JoinedStr):
            text = _text(node)
            if text and _SQL.search(text):
                found.add((node.lineno, "UPDATE records SET status"))
    return sorted(found)


def _modules() -> list[Path]:
    return [p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))]


def test_only_the_status_writer_writes_a_status() -> None:
    offenders = []
    for path in _modules():
        relative = path.relative_to(ROOT).as_posix()
        if relative in {WRITER} | READERS:
            continue
        offenders += [f"{relative}:{line}: {what}"
                      for line, what in status_writes(path.read_text(encoding="utf-8"))]
    assert offenders == [], "status written outside workflows/status.py:\n" + \
        "\n".join(offenders)


def test_the_scan_finds_every_kind_of_write() -> None:
    source = '''
rec.with_changes(status="signed", updated_at=now)
rec.with_changes(**{"status": "synced"})
dataclasses.replace(rec, status=Status.DRAFT)
StoredRecord(id="x", type="birth", status="synced")
conn.execute("UPDATE records SET status = ? WHERE id = ?", ("x", "y"))
conn.execute(f"update records set data = ?, status = '{to}' where id = ?")
rec.with_changes(data={}, issues=())
summary = {"status": rec.status}
'''
    assert [line for line, _what in status_writes(source)] == [2, 3, 4, 5, 6, 7]


def test_the_writer_is_where_the_scan_expects_it() -> None:
    writes = status_writes((ROOT / WRITER).read_text(encoding="utf-8"))
    assert writes  # change_status and the factories: if they move, move WRITER too
    assert all((ROOT / p).exists() for p in READERS)
