"""hotich books open/pages/rotate/key/disagreements/decide/double-entry/digitisation/accuracy:
digitising old paper books (issue 17). Registered into the `books` group of records_cmd."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop_app.cli.context import CliContext, add_command
from desktop_app.domain.types import JSONValue
from desktop_app.errors import UsageError
from desktop_app.store.books_repo import Accuracy, FieldComparison, Progress
from desktop_app.workflows import books


def register(bs: argparse._SubParsersAction[argparse.ArgumentParser], types: list[str]) -> None:
    opened = add_command(bs, "open", "open a paper book to digitise")
    opened.add_argument("--type", required=True, choices=types)
    opened.add_argument("--year", type=int, required=True)
    opened.add_argument("--number", required=True, help="the book number as on the cover")
    opened.add_argument("--office", required=True, help="the registering office as written")
    opened.add_argument("--phase", type=int, required=True, choices=[1, 2, 3, 4, 5],
                        help="the legal phase the book was kept under")
    opened.set_defaults(handler=_open)
    pages = add_command(bs, "pages", "import a folder of page scans or photos (JPEG/PNG/PDF)")
    pages.add_argument("book")
    pages.add_argument("--from", dest="folder", required=True)
    pages.add_argument("--rotation", type=int, default=0, choices=list(books.ROTATIONS))
    pages.set_defaults(handler=_pages)
    rotate = add_command(bs, "rotate", "turn a page for reading")
    rotate.add_argument("book")
    rotate.add_argument("page", type=int)
    rotate.add_argument("rotation", type=int, choices=list(books.ROTATIONS))
    rotate.set_defaults(handler=_rotate)
    key = add_command(bs, "key", "key the entry at a position of a page")
    key.add_argument("book")
    key.add_argument("--page", type=int, required=True)
    key.add_argument("--position", type=int, required=True)
    key.add_argument("--from", dest="source", required=True, help="a JSON file, or - for stdin")
    key.set_defaults(handler=_key)
    dis = add_command(bs, "disagreements", "where the two keyings of an entry differ")
    dis.add_argument("id")
    dis.set_defaults(handler=_disagreements)
    decide = add_command(bs, "decide", "decide disagreements of a double-entered entry")
    decide.add_argument("id")
    decide.add_argument("--take", action="append", default=[], metavar="PATH=1|2",
                        help="the value of the first or second keying")
    decide.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                        help="the value read on the page (empty: the book is silent)")
    decide.set_defaults(handler=_decide)
    double = add_command(bs, "double-entry", "require two independent keyings per entry")
    double.add_argument("mode", choices=["on", "off"])
    double.set_defaults(handler=_double_entry)
    progress = add_command(bs, "digitisation", "digitisation progress per book and commune")
    progress.set_defaults(handler=_digitisation)
    acc = add_command(bs, "accuracy", "double-entry disagreement per officer, book and field")
    acc.set_defaults(handler=_accuracy)


def _open(ctx: CliContext, args: argparse.Namespace) -> int:
    book = books.open_book(ctx.session(), args.type, args.year, args.number, args.office,
                           args.phase)
    ctx.emit(book.id, {"ok": True, "id": book.id, "type": book.type, "year": book.year,
                       "book_number": book.book_number, "phase": book.phase})
    return 0


def _pages(ctx: CliContext, args: argparse.Namespace) -> int:
    added = books.import_pages(ctx.session(), args.book, Path(args.folder),
                               rotation=args.rotation)
    ctx.emit("\n".join(f"{p.page_no}\t{p.file_name}\t{p.media_type}" for p in added),
             {"ok": True, "pages": [{"page": p.page_no, "file": p.file_name,
                                     "media_type": p.media_type, "rotation": p.rotation,
                                     "sha256": p.sha256} for p in added]})
    return 0


def _rotate(ctx: CliContext, args: argparse.Namespace) -> int:
    page = books.rotate_page(ctx.session(), args.book, args.page, args.rotation)
    ctx.emit(f"{page.page_no} {page.rotation}",
             {"ok": True, "page": page.page_no, "rotation": page.rotation})
    return 0


def _read_json(ctx: CliContext, source: str) -> dict[str, JSONValue]:
    from desktop_app.cli.records_cmd import _read_json as read  # one reader of JSON input
    return read(ctx, source)


def _comparison_json(f: FieldComparison) -> dict[str, object]:
    return {"field": f.path, "first": None if f.first is None else json.loads(f.first),
            "second": None if f.second is None else json.loads(f.second),
            "decided": f.decided_by is not None}


def _emit_keyed(ctx: CliContext, keyed: books.Keyed) -> int:
    rec = keyed.record
    lines = [f"{rec.id} {rec.status} {keyed.stage}"]
    lines += [f"  {f.path}: {f.first or '-'} | {f.second or '-'}" for f in keyed.disagreements]
    ctx.emit("\n".join(lines), {"ok": True, "id": rec.id, "status": rec.status,
                                "stage": keyed.stage,
                                "disagreements": [_comparison_json(f)
                                                  for f in keyed.disagreements]})
    return 0


def _key(ctx: CliContext, args: argparse.Namespace) -> int:
    data = _read_json(ctx, args.source)
    return _emit_keyed(ctx, books.key_entry(ctx.session(), args.book, args.page,
                                            args.position, data))


def _disagreements(ctx: CliContext, args: argparse.Namespace) -> int:
    found = books.disagreements(ctx.session(), args.id)
    ctx.emit("\n".join(f"{f.path}: {f.first or '-'} | {f.second or '-'}"
                       f"{'  (' + (f.decided or '-') + ')' if f.decided_by else ''}"
                       for f in found),
             {"ok": True, "disagreements": [_comparison_json(f) for f in found]})
    return 0


def _pair(text: str) -> tuple[str, str]:
    path, sep, value = text.partition("=")
    if not sep or not path.strip():
        raise UsageError(detail="--take PATH=1|2 or --set PATH=VALUE")
    return path.strip(), value


def _decide(ctx: CliContext, args: argparse.Namespace) -> int:
    session = ctx.session()
    values: dict[str, JSONValue] = {}
    if args.take:
        keyed = {f.path: f for f in books.disagreements(session, args.id)}
        for text in args.take:
            path, which = _pair(text)
            if which not in ("1", "2") or path not in keyed:
                raise UsageError(detail="--take PATH=1|2 or --set PATH=VALUE")
            chosen = keyed[path].first if which == "1" else keyed[path].second
            values[path] = None if chosen is None else json.loads(chosen)
    for text in args.set:
        path, value = _pair(text)
        values[path] = value
    if not values:
        raise UsageError(detail="--take PATH=1|2 or --set PATH=VALUE")
    return _emit_keyed(ctx, books.decide(session, args.id, values))


def _double_entry(ctx: CliContext, args: argparse.Namespace) -> int:
    books.set_double_entry(ctx.session(), args.mode == "on")
    ctx.emit(args.mode, {"ok": True, "double_entry": args.mode == "on"})
    return 0


def _progress_json(p: Progress) -> dict[str, object]:
    return {"commune": p.commune, "books": p.books, "pages": p.pages, "entries": p.entries,
            "verified": p.verified, "with_warnings": p.with_warnings}


def _digitisation(ctx: CliContext, args: argparse.Namespace) -> int:
    report = books.digitisation(ctx.session())
    lines = [f"{'Quyển số':<20} {'Loại':<6} {'Trang':>5} {'Mục':>4} {'Đã kiểm tra':>12} "
             f"{'Có cảnh báo':>12}"]
    lines += [f"{b.book_number:<20} {b.type:<6} {p.pages:>5} {p.entries:>4} {p.verified:>12} "
              f"{p.with_warnings:>12}" for b, p in report.books]
    lines += [f"xã {p.commune or '-':<17} {p.books:>3} sổ {p.pages:>5} {p.entries:>4} "
              f"{p.verified:>12} {p.with_warnings:>12}" for p in report.communes]
    ctx.emit("\n".join(lines), {
        "ok": True,
        "books": [{"id": b.id, "type": b.type, "year": b.year, "book_number": b.book_number,
                   "office": b.office_as_written, "phase": b.phase, **_progress_json(p)}
                  for b, p in report.books],
        "communes": [_progress_json(p) for p in report.communes]})
    return 0


def _share(a: Accuracy) -> float:
    return round(a.disagreed / a.fields, 4) if a.fields else 0.0


def _accuracy_json(a: Accuracy) -> dict[str, object]:
    return {"entries": a.entries, "fields": a.fields, "disagreed": a.disagreed,
            "wrong": a.wrong, "disagreement_share": _share(a)}


def _accuracy(ctx: CliContext, args: argparse.Namespace) -> int:
    report = books.accuracy(ctx.session())
    lines = [f"{a.key:<20} {a.entries:>4} mục {a.fields:>5} trường {a.disagreed:>4} khác "
             f"({_share(a):.1%}) {a.wrong:>4} sai" for a in report.officers]
    lines += [f"sổ {a.key[:8]:<17} {a.entries:>4} mục {a.fields:>5} trường {a.disagreed:>4} "
              f"khác ({_share(a):.1%})" for a in report.books]
    lines += [f"  {path}: {n}" for path, n in report.fields]
    lines += [f"sổ {book[:8]}: {n} mục được cải chính sau"
              for book, n in report.corrected_by_book.items()]
    ctx.emit("\n".join(lines), {
        "ok": True,
        "officers": [{"officer": a.key, **_accuracy_json(a)} for a in report.officers],
        "books": [{"book": a.key, **_accuracy_json(a)} for a in report.books],
        "fields": [{"field": path, "disagreements": n} for path, n in report.fields],
        "corrected_later": {"books": report.corrected_by_book,
                            "officers": report.corrected_by_officer}})
    return 0
