"""hotich schema | record new/show/list/history/edit/submit/verify/approve/reject/reopen | search |
books status/close (and the digitisation of old books, books_cmd)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli import books_cmd, import_cmd, ocr_cmd, reconcile_cmd
from desktop_app.cli.context import CliContext, add_command
from desktop_app.cli.figures import count
from desktop_app.errors import HotichError, UsageError
from desktop_app.messages import current_language, render

if TYPE_CHECKING:  # the domain and the workflows load when a command of theirs runs
    from desktop_app.domain import Issue
    from desktop_app.domain.errors import RecordInvalidError
    from desktop_app.record import JSONObject, StoredRecord
    from desktop_app.workflows import record_views, records

TYPES = ["birth", "death", "marriage", "recognition", "change", "guardianship"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = add_command(sub, "schema", "print the JSON Schema of a record type")
    schema.add_argument("type", choices=TYPES)
    schema.set_defaults(handler=_schema)

    rec = add_command(sub, "record", "civil-status records")
    rs = rec.add_subparsers(dest="record_command", metavar="ACTION", required=True)
    new = add_command(rs, "new", "create a draft from canonical JSON")
    new.add_argument("type", choices=TYPES)
    new.add_argument("--from", dest="source", required=True, help="a JSON file, or - for stdin")
    new.add_argument("--historical", action="store_true",
                     help="an entry digitised from an old paper book (kept as found)")
    new.set_defaults(handler=_new)
    edit = add_command(rs, "edit", "replace a draft's data")
    edit.add_argument("id")
    edit.add_argument("--from", dest="source", required=True)
    edit.set_defaults(handler=_edit)
    show = add_command(rs, "show", "print a record")
    show.add_argument("id")
    show.set_defaults(handler=_show)
    lst = add_command(rs, "list", "list records")
    lst.add_argument("--status")
    lst.add_argument("--type", choices=TYPES)
    lst.set_defaults(handler=_list)
    hist = add_command(rs, "history", "a record's workflow history")
    hist.add_argument("id")
    hist.set_defaults(handler=_history)
    for name, text in (("submit", "submit a draft for approval"),
                       ("verify", "second officer's check of a historical entry")):
        p = add_command(rs, name, text)
        p.add_argument("id")
        p.set_defaults(handler=_submit if name == "submit" else _verify)
    approve = add_command(rs, "approve", "approve (supervisors); a reason per warning")
    approve.add_argument("id")
    approve.add_argument("--override", action="append", default=[], metavar="RULE=REASON",
                         help="a reason for a warning: RULE covers each field it is raised "
                              "on, RULE@FIELD one of them (W-MARR-AGE@wife.date_of_birth)")
    approve.set_defaults(handler=_approve)
    reject = add_command(rs, "reject", "refuse with a written reason (supervisors)")
    reject.add_argument("id")
    reject.add_argument("--reason", required=True)
    reject.set_defaults(handler=_reject)
    reopen = add_command(rs, "reopen", "back to draft as a new version after a central "
                         "rejection, to correct it and send it again")
    reopen.add_argument("id")
    reopen.set_defaults(handler=_reopen)

    import_cmd.register(sub, TYPES)

    search = add_command(sub, "search", "find records by name, number or ID (no diacritics needed)")
    search.add_argument("query")
    search.set_defaults(handler=_search)

    books = add_command(sub, "books", "registration books: numbers left, year-end closing")
    bs = books.add_subparsers(dest="books_command", metavar="ACTION", required=True)
    status = add_command(bs, "status", "numbers left in each book")
    status.add_argument("--year", type=int)
    status.set_defaults(handler=_books_status)
    block = add_command(bs, "add-block", "numbers this device may use (e.g. continuing a paper "
                        "book)")
    block.add_argument("--type", required=True, choices=TYPES)
    block.add_argument("--year", type=int, required=True)
    block.add_argument("--start", type=int, required=True)
    block.add_argument("--end", type=int, required=True)
    block.set_defaults(handler=_books_add_block)
    close = add_command(bs, "close", "close every open book of a year with its totals")
    close.add_argument("--year", type=int, required=True)
    close.set_defaults(handler=_books_close)
    books_cmd.register(bs, TYPES)
    ocr_cmd.register(bs)
    reconcile_cmd.register(bs)


# -- helpers --------------------------------------------------------------------------------
def _read_json(ctx: CliContext, source: str) -> JSONObject:
    from desktop_app.json_input import parse_json_object

    try:
        text = ctx.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise HotichError("E-FILE", path=source) from exc
    except UnicodeDecodeError as exc:
        raise UsageError(detail="the input is not valid JSON") from exc
    return parse_json_object(text)


def _issue_json(rtype: str, issue: Issue) -> dict[str, object]:
    from desktop_app.domain import issue_message

    return {"rule": issue.code, "field": issue.field,
            "message": issue_message(rtype, issue, lang=current_language())}


def _record_json(rec: StoredRecord) -> dict[str, object]:
    return {**rec.data, **rec.system_fields(), "warnings": list(rec.issues),
            "notes": list(rec.notes)}


def _save_output(ctx: CliContext, rtype: str, result: records.SaveResult, verb: str) -> int:
    warnings = [_issue_json(rtype, i) for i in result.issues if i.is_warning]
    info = [_issue_json(rtype, i) for i in result.issues if not i.is_warning and not i.is_error]
    # stdout carries only the id (scripts capture it); warnings are for people, on stderr.
    text = result.record.id if verb == "new" else f"{result.record.id} {result.record.status}"
    ctx.emit(text, {"id": result.record.id, "status": result.record.status,
                    "warnings": warnings, "info": info, "errors": []})
    if not ctx.as_json:
        for warning in warnings:
            ctx.note(f"cảnh báo {warning['rule']}: {warning['message']}")
    return 0


def _invalid(ctx: CliContext, rtype: str, exc: RecordInvalidError) -> int:
    issues: list[Issue] = list(exc.params.get("issues", []))  # type: ignore[call-overload]
    errors = [_issue_json(rtype, i) for i in issues]
    if ctx.as_json:
        ctx.emit("", {"id": None, "status": None, "warnings": [], "errors": errors})
    for error in errors[:5]:
        ctx.stderr.write(f"hotich: {error['message']}\n")
    return 1


# -- handlers -------------------------------------------------------------------------------
def _schema(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.domain import json_schema

    ctx.stdout.write(json.dumps(json_schema(args.type), ensure_ascii=False, indent=2) + "\n")
    return 0


def _new(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.domain.errors import RecordInvalidError
    from desktop_app.workflows import records

    session = ctx.session()
    data = _read_json(ctx, args.source)
    try:
        result = records.create_record(session, args.type, data, historical=args.historical)
    except RecordInvalidError as exc:
        return _invalid(ctx, args.type, exc)
    return _save_output(ctx, args.type, result, "new")


def _edit(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.domain.errors import RecordInvalidError
    from desktop_app.workflows import records

    session = ctx.session()
    data = _read_json(ctx, args.source)
    rec = records.get_record(session, args.id)
    try:
        result = records.update_draft(session, rec.id, data)
    except RecordInvalidError as exc:
        return _invalid(ctx, rec.type, exc)
    return _save_output(ctx, rec.type, result, "edit")


def _related_json(found: list[record_views.RelatedRecord]) -> list[dict[str, object]]:
    return [{"id": r.record.id, "type": r.record.type, "kind": r.kind,
             "status": r.record.status, "registration_number": r.record.registration_number,
             "registered_on": r.record.registered_on,
             "relation": "concerns" if r.concerns else "concerned_by"} for r in found]


def _show(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import record_views, records

    rec = records.get_record(ctx.session(), args.id)
    related = record_views.related_records(ctx.session(), rec.id)
    if ctx.as_json:
        ctx.emit("", {**_record_json(rec), "related": _related_json(related)})
        return 0
    body = json.dumps(rec.data, ensure_ascii=False, indent=2)
    head = [f"{rec.type} {rec.id} [{rec.status}]",
            f"Số: {rec.registration_number or ''}  Quyển số: {rec.book_number or ''}  "
            f"Ngày đăng ký: {rec.registered_on or ''}"]
    notes = [f"Ghi chú: {n}" for n in rec.notes]
    links = [f"{'Liên quan đến' if r.concerns else 'Có liên quan'}: {r.record.type} "
             f"{r.record.id} [{r.record.status}] số {r.record.registration_number or ''}"
             for r in related]
    ctx.emit("\n".join(head + [body] + notes + links), {})
    return 0


def _list(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    found = records.list_records(ctx.session(), status=args.status, rtype=args.type)
    _emit_list(ctx, found)
    return 0


def _emit_list(ctx: CliContext, found: list[StoredRecord]) -> None:
    # A record with no name yet says so, as in the desktop's lists; its JSON "name" stays "".
    lines = [f"{r.id}  {r.type:<12} {r.status:<22} {r.registration_number or '':>6}  "
             f"{_main_name(r) or render('R-NO-NAME')}" for r in found]
    ctx.emit("\n".join(lines), {"ok": True, "records": [
        {"id": r.id, "type": r.type, "status": r.status, "historical": r.is_historical,
         "registration_number": r.registration_number, "book_number": r.book_number,
         "name": _main_name(r)} for r in found]})


def _main_name(rec: StoredRecord) -> str:
    from desktop_app.domain.parties import record_title

    return record_title(rec.type, rec.data)  # the names the screens list it by


def _history(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    events = records.history(ctx.session(), args.id)
    lines = [f"{e.at:%Y-%m-%d %H:%M} {e.actor:<12} {e.action:<8} {e.from_status or ''} -> "
             f"{e.to_status or ''} {e.reason}" for e in events]
    ctx.emit("\n".join(lines), {"ok": True, "events": [
        {"at": e.at.isoformat(), "actor": e.actor, "action": e.action,
         "from": e.from_status, "to": e.to_status, "reason": e.reason} for e in events]})
    return 0


def _submit(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    result = records.submit(ctx.session(), args.id)
    return _save_output(ctx, result.record.type, result, "submit")


def _verify(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    rec = records.verify(ctx.session(), args.id)
    ctx.emit(f"{rec.id} đã được kiểm tra bởi {rec.verified_by}",
             {"ok": True, "id": rec.id, "verified_by": rec.verified_by})
    return 0


def _parse_overrides(values: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for value in values:
        rule, sep, reason = value.partition("=")
        if not sep or not rule.strip() or not reason.strip():
            raise UsageError(detail="--override RULE=REASON")
        overrides[rule.strip()] = reason.strip()
    return overrides


def _approve(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    result = records.approve(ctx.session(), args.id, _parse_overrides(args.override))
    rec = result.record
    ctx.emit(f"{rec.id} {rec.status} Số {rec.registration_number or ''} "
             f"Quyển số {rec.book_number or ''}",
             {"ok": True, "id": rec.id, "status": rec.status,
              "registration_number": rec.registration_number, "book_number": rec.book_number,
              "overrides": list(rec.overrides)})
    return 0


def _reject(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    rec = records.reject(ctx.session(), args.id, args.reason)
    ctx.emit(f"{rec.id} {rec.status}", {"ok": True, "id": rec.id, "status": rec.status})
    return 0


def _reopen(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    rec = records.reopen_rejected(ctx.session(), args.id)
    ctx.emit(f"{rec.id} {rec.status} v{rec.version}",
             {"ok": True, "id": rec.id, "status": rec.status, "version": rec.version})
    return 0


def _search(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import records

    _emit_list(ctx, records.search(ctx.session(), args.query))
    return 0


def _books_status(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import numbering, records

    session = ctx.session()
    year = args.year or records.local_today(session).year
    rows = numbering.numbers_left(session, year)
    ctx.emit("\n".join(f"{r.record_type:<12} {r.book_number or '-':<20} còn {count(r.numbers_left)}"
                       for r in rows),
             {"ok": True, "year": year, "books": [vars(r) for r in rows]})
    return 0


def _books_close(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import numbering

    closed = numbering.close_year(ctx.session(), args.year)
    text = ("\n".join(_closed_line(b.record_type, b.book_number, b.totals or {})
                      for b in closed)
            or f"Năm {args.year} không còn sổ nào đang mở.")
    ctx.emit(text, {"ok": True, "closed": [{"book_number": b.book_number, "totals": b.totals}
                                           for b in closed]})
    return 0


def _closed_line(record_type: str, book_number: str, totals: Mapping[str, object]) -> str:
    """A closed book's totals as the closing records them: its entries (grouped) and the
    first and last registration numbers (identifiers, plain)."""
    entries = totals.get("entries")
    shown = count(entries) if isinstance(entries, int) else "-"
    first, last = totals.get("first_number"), totals.get("last_number")
    numbers = f", số {first}-{last}" if first is not None else ""
    return f"{record_type:<12} {book_number:<20} đã khóa sổ: {shown} mục{numbers}"




def _books_add_block(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import numbering

    block = numbering.add_local_block(ctx.session(), args.type, args.year, args.start, args.end)
    ctx.emit(f"{args.type} {args.year}: {block.start}-{block.end}",
             {"ok": True, "start": block.start, "end": block.end})
    return 0
