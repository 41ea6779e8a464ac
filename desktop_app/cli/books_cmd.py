"""hotich books open/pages/rotate/crop/key/discard/disagreements/decide/double-entry/digitisation/
accuracy/recheck: digitising old paper books (issue 17). Registered into the `books` group
of records_cmd."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.context import CliContext, add_command
from desktop_app.cli.figures import count, percent
from desktop_app.errors import UsageError
from desktop_app.scans import ROTATIONS

if TYPE_CHECKING:  # the workflows load when a command of theirs runs, not at every start
    from desktop_app.domain.sampling import Estimate
    from desktop_app.domain.types import JSONValue
    from desktop_app.store.books_repo import Accuracy, Crop, FieldComparison, Progress
    from desktop_app.workflows import books, recheck


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
    pages.add_argument("--rotation", type=int, default=0, choices=list(ROTATIONS))
    pages.set_defaults(handler=_pages)
    rotate = add_command(bs, "rotate", "turn a page for reading")
    rotate.add_argument("book")
    rotate.add_argument("page", type=int)
    rotate.add_argument("rotation", type=int, choices=list(ROTATIONS))
    rotate.set_defaults(handler=_rotate)
    crop = add_command(bs, "crop", "the part of a page to read (the scan is kept whole)")
    crop.add_argument("book")
    crop.add_argument("page", type=int)
    how = crop.add_mutually_exclusive_group(required=True)
    how.add_argument("--box", metavar="LEFT,TOP,RIGHT,BOTTOM",
                     help="fractions 0..1 of the scan as captured, e.g. 0.05,0.1,0.95,0.6")
    how.add_argument("--clear", action="store_true", help="show the whole page again")
    crop.set_defaults(handler=_crop)
    key = add_command(bs, "key", "key the entry at a position of a page")
    key.add_argument("book")
    key.add_argument("--page", type=int, required=True)
    key.add_argument("--position", type=int, required=True)
    key.add_argument("--from", dest="source", required=True, help="a JSON file, or - for stdin")
    key.add_argument("--correct", action="store_true",
                     help="correct your own first keying, still blind (before the second)")
    key.set_defaults(handler=_key)
    unkey = add_command(bs, "discard", "discard your own first keying before the second")
    unkey.add_argument("book")
    unkey.add_argument("--page", type=int, required=True)
    unkey.add_argument("--position", type=int, required=True)
    unkey.set_defaults(handler=_discard)
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
    acc = add_command(bs, "accuracy", "double-entry disagreement per officer, book and field, "
                      "and the sample re-checks' estimated error rates")
    acc.set_defaults(handler=_accuracy)
    recheck = add_command(bs, "recheck", "re-key a random sample of verified entries blind")
    rs = recheck.add_subparsers(dest="recheck_command", metavar="STEP", required=True)
    draw = add_command(rs, "draw", "draw the sample (supervisors)")
    draw.add_argument("book", nargs="?", help="a book; without it, every book of the commune")
    draw.add_argument("--share", type=float)  # the handler resolves the defaults (the domain's)
    draw.add_argument("--minimum", type=int)
    draw.add_argument("--seed", type=int, help="repeat a draw (it is kept with the sample)")
    draw.set_defaults(handler=_recheck_draw)
    rekey = add_command(rs, "key", "the blind re-keying of a drawn entry")
    rekey.add_argument("sample")
    rekey.add_argument("id")
    rekey.add_argument("--from", dest="source", required=True,
                       help="a JSON file, or - for stdin")
    rekey.set_defaults(handler=_recheck_key)
    report = add_command(rs, "report", "the estimated field error rate of a sample")
    report.add_argument("sample")
    report.set_defaults(handler=_recheck_report)


def _open(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

    book = books.open_book(ctx.session(), args.type, args.year, args.number, args.office,
                           args.phase)
    ctx.emit(book.id, {"ok": True, "id": book.id, "type": book.type, "year": book.year,
                       "book_number": book.book_number, "phase": book.phase})
    return 0


def _pages(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

    added = books.import_pages(ctx.session(), args.book, Path(args.folder),
                               rotation=args.rotation)
    ctx.emit("\n".join(f"{p.page_no}\t{p.file_name}\t{p.media_type}" for p in added),
             {"ok": True, "pages": [{"page": p.page_no, "file": p.file_name,
                                     "media_type": p.media_type, "rotation": p.rotation,
                                     "sha256": p.sha256} for p in added]})
    return 0


def _rotate(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

    page = books.rotate_page(ctx.session(), args.book, args.page, args.rotation)
    ctx.emit(f"{page.page_no} {page.rotation}",
             {"ok": True, "page": page.page_no, "rotation": page.rotation})
    return 0


def _crop(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

    box: Crop | None = None
    if not args.clear:
        try:
            left, top, right, bottom = (float(v) for v in str(args.box).split(","))
        except ValueError as exc:
            raise UsageError(detail="--box LEFT,TOP,RIGHT,BOTTOM (fractions 0..1)") from exc
        box = (left, top, right, bottom)
    page = books.crop_page(ctx.session(), args.book, args.page, box)
    shown = ",".join(f"{v:g}" for v in page.crop) if page.crop else "-"
    ctx.emit(f"{page.page_no} {shown}", {"ok": True, "page": page.page_no,
                                         "crop": list(page.crop) if page.crop else None})
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
    if rec is None:  # a blind first keying: no record until the second keying
        ctx.emit(keyed.stage, {"ok": True, "id": None, "status": None, "stage": keyed.stage,
                               "warnings": [i.to_json() for i in keyed.issues
                                            if i.is_warning],
                               "disagreements": []})
        return 0
    lines = [f"{rec.id} {rec.status} {keyed.stage}"]
    lines += [f"  {f.path}: {f.first or '-'} | {f.second or '-'}" for f in keyed.disagreements]
    ctx.emit("\n".join(lines), {"ok": True, "id": rec.id, "status": rec.status,
                                "stage": keyed.stage,
                                "disagreements": [_comparison_json(f)
                                                  for f in keyed.disagreements]})
    return 0


def _key(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

    data = _read_json(ctx, args.source)
    keying = books.correct_own_keying if args.correct else books.key_entry
    return _emit_keyed(ctx, keying(ctx.session(), args.book, args.page, args.position, data))


def _discard(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

    books.discard_own_keying(ctx.session(), args.book, args.page, args.position)
    ctx.emit("discarded", {"ok": True, "page": args.page, "position": args.position})
    return 0


def _disagreements(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

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
    from desktop_app.workflows import books

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
    from desktop_app.workflows import books

    books.set_double_entry(ctx.session(), args.mode == "on")
    ctx.emit(args.mode, {"ok": True, "double_entry": args.mode == "on"})
    return 0


def _progress_json(p: Progress) -> dict[str, object]:
    return {"commune": p.commune, "books": p.books, "pages": p.pages, "entries": p.entries,
            "verified": p.verified, "with_warnings": p.with_warnings}


def _digitisation(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import books

    report = books.digitisation(ctx.session())
    lines = [f"{'Quyển số':<20} {'Loại':<6} {'Trang':>5} {'Mục':>4} {'Đã kiểm tra':>12} "
             f"{'Có cảnh báo':>12}"]
    lines += [f"{b.book_number:<20} {b.type:<6} {count(p.pages):>5} {count(p.entries):>4} "
              f"{count(p.verified):>12} {count(p.with_warnings):>12}" for b, p in report.books]
    lines += [f"xã {p.commune or '-':<17} {count(p.books):>3} sổ {count(p.pages):>5} "
              f"{count(p.entries):>4} {count(p.verified):>12} {count(p.with_warnings):>12}"
              for p in report.communes]
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
    from desktop_app.workflows import books, recheck

    report = books.accuracy(ctx.session())
    lines = [f"{a.key:<20} {count(a.entries):>4} mục {count(a.fields):>5} trường "
             f"{count(a.disagreed):>4} khác ({percent(_share(a))}) {count(a.wrong):>4} sai"
             for a in report.officers]
    lines += [f"sổ {a.key[:8]:<17} {count(a.entries):>4} mục {count(a.fields):>5} trường "
              f"{count(a.disagreed):>4} khác ({percent(_share(a))})" for a in report.books]
    lines += [f"  {path}: {count(n)}" for path, n in report.fields]
    lines += [f"sổ {book[:8]}: {count(n)} mục được cải chính sau"
              for book, n in report.corrected_by_book.items()]
    rechecks = recheck.recheck_reports(ctx.session())
    lines += [_report_line(r) for r in rechecks]
    ctx.emit("\n".join(lines), {
        "ok": True,
        "officers": [{"officer": a.key, **_accuracy_json(a)} for a in report.officers],
        "books": [{"book": a.key, **_accuracy_json(a)} for a in report.books],
        "fields": [{"field": path, "disagreements": n} for path, n in report.fields],
        "corrected_later": {"books": report.corrected_by_book,
                            "officers": report.corrected_by_officer},
        "rechecks": [_report_json(r) for r in rechecks]})
    return 0


def _recheck_draw(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.domain.sampling import RECHECK_MINIMUM, RECHECK_SHARE
    from desktop_app.workflows import recheck

    session = ctx.session()
    share = RECHECK_SHARE if args.share is None else args.share
    minimum = RECHECK_MINIMUM if args.minimum is None else args.minimum
    sample = recheck.draw_recheck(session, book_id=args.book, share=share, minimum=minimum,
                                  seed=args.seed)
    drawn = recheck.recheck_entries(session, sample.id)
    lines = [f"{sample.id} {count(len(drawn))}/{count(sample.population)}"]
    lines += [f"  {e.record_id} trang {e.place.page_no if e.place else '-'} "
              f"vị trí {e.place.position if e.place else '-'}" for e in drawn]
    ctx.emit("\n".join(lines), {
        "ok": True, "sample": sample.id, "book": sample.book_id, "commune": sample.commune,
        "population": sample.population, "seed": sample.seed,
        "entries": [{"id": e.record_id, "type": e.type,
                     "page": e.place.page_no if e.place else None,
                     "position": e.place.position if e.place else None} for e in drawn]})
    return 0


def _recheck_key(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import recheck

    data = _read_json(ctx, args.source)
    item = recheck.recheck_key(ctx.session(), args.sample, args.id, data)
    fields, wrong = (None if n is None else count(n) for n in (item.fields, item.wrong))
    ctx.emit(f"{item.record_id} {fields} {wrong}"
             + "".join(f"\n  {p}" for p in item.differences),
             {"ok": True, "id": item.record_id, "fields": item.fields, "wrong": item.wrong,
              "differences": list(item.differences)})
    return 0


def _estimate_json(e: Estimate) -> dict[str, object]:
    return {"errors": e.errors, "trials": e.trials, "rate": round(e.rate, 6),
            "low": round(e.low, 6), "high": round(e.high, 6)}


def _report_line(r: recheck.RecheckReport) -> str:
    f = r.fields
    scope = f"sổ {r.sample.book_id[:8]}" if r.sample.book_id else f"xã {r.sample.commune}"
    rate, low, high = (percent(v, 2) for v in (f.rate, f.low, f.high))
    return (f"kiểm tra lại {r.sample.id[:8]} ({scope}): {count(r.rekeyed)}/{count(r.drawn)} "
            f"mục, {count(f.errors)}/{count(f.trials)} trường sai = {rate} (khoảng tin cậy "
            f"95 %: {low} - {high})")


def _report_json(r: recheck.RecheckReport) -> dict[str, object]:
    return {"sample": r.sample.id, "book": r.sample.book_id, "commune": r.sample.commune,
            "population": r.sample.population, "drawn": r.drawn, "rekeyed": r.rekeyed,
            "fields": _estimate_json(r.fields), "entries": _estimate_json(r.entries),
            "interval": "wilson-95",
            "by_field": [{"field": p, "errors": n} for p, n in r.by_field]}


def _recheck_report(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import recheck

    r = recheck.recheck_report(ctx.session(), args.sample)
    lines = [_report_line(r), f"  khung mẫu: {count(r.sample.population)} mục đã kiểm tra "
             "người kiểm tra lại không tham gia (nhập, kiểm tra, quyết định)",
             f"  mục có lỗi: {count(r.entries.errors)}/{count(r.entries.trials)}"]
    lines += [f"  {p}: {count(n)}" for p, n in r.by_field]
    ctx.emit("\n".join(lines), {"ok": True, **_report_json(r)})
    return 0
