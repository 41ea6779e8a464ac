"""hotich books writing/ocr/ocr-stats: OCR suggestions for printed or typed book pages
(issue 17 item 6). Registered into the `books` group of records_cmd."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop_app.cli.context import CliContext, add_command
from desktop_app.cli.figures import count, percent
from desktop_app.ocr.engines import DEFAULT_ENGINE, ENGINES
from desktop_app.scans import PageWriting

if TYPE_CHECKING:  # the workflows load when a command of theirs runs, not at every start
    from desktop_app.store.ocr_repo import OutcomeCount


def register(bs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    writing = add_command(bs, "writing", "say how a page is written (only printed or typed "
                                         "pages are read by OCR)")
    writing.add_argument("book")
    writing.add_argument("page", type=int)
    writing.add_argument("writing", choices=[w.value for w in PageWriting])
    writing.set_defaults(handler=_writing)
    read = add_command(bs, "ocr", "OCR suggestions for the entries of a printed or typed page")
    read.add_argument("book")
    read.add_argument("page", type=int)
    read.add_argument("--engine", choices=list(ENGINES), default=DEFAULT_ENGINE)
    read.set_defaults(handler=_ocr)
    stats = add_command(bs, "ocr-stats", "share of OCR suggestions accepted, by engine, "
                                         "field and officer")
    stats.set_defaults(handler=_stats)


def _writing(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import ocr

    kind = ocr.set_page_writing(ctx.session(), args.book, args.page, args.writing)
    ctx.emit(f"{args.page} {kind.value}", {"ok": True, "page": args.page,
                                           "writing": kind.value})
    return 0


def _ocr(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import ocr

    session = ctx.session()
    page = ocr.page_for_ocr(session, args.book, args.page)
    reading = ocr.read_ocr_page(ocr.load_recogniser(args.engine), page)
    took = count(round(reading.elapsed_ms))
    lines = [f"{reading.engine}: {count(len(reading.entries))} mục, {took} ms"]
    for entry in reading.entries:
        lines.append(f"vị trí {entry.position} (số {entry.number or '-'})")
        lines += [f"  {f.path}: {f.value}  ({percent(f.confidence, 0)})"
                  for f in entry.fields]
    ctx.emit("\n".join(lines), {
        "ok": True, "engine": reading.engine, "elapsed_ms": reading.elapsed_ms,
        "columns": list(reading.columns),
        "entries": [{"position": e.position, "number": e.number,
                     "fields": [{"field": f.path, "value": f.value,
                                 "confidence": f.confidence, "read": f.read}
                                for f in e.fields]} for e in reading.entries]})
    return 0


def _share(c: OutcomeCount) -> float:
    return round(c.accepted / c.total, 4) if c.total else 0.0


def _count_json(c: OutcomeCount) -> dict[str, object]:
    return {"suggested": c.total, "accepted": c.accepted, "edited": c.edited,
            "rejected": c.rejected, "matched": c.matched, "accepted_share": _share(c)}


def _stats(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import ocr

    report = ocr.ocr_stats(ctx.session())

    def line(prefix: str, c: OutcomeCount) -> str:
        return (f"{prefix}{c.key:<34} {count(c.total):>5} gợi ý {count(c.accepted):>5} nhận "
                f"({percent(_share(c))}) {count(c.edited):>4} sửa {count(c.rejected):>4} bỏ")

    lines = [line("", c) for c in report.engines]
    lines += [line("  ", c) for c in report.fields]
    lines += [line("cán bộ ", c) for c in report.officers]
    ctx.emit("\n".join(lines) or "Chưa có gợi ý nào được xem.", {
        "ok": True,
        "engines": [{"engine": c.key, **_count_json(c)} for c in report.engines],
        "fields": [{"field": c.key, **_count_json(c)} for c in report.fields],
        "officers": [{"officer": c.key, **_count_json(c)} for c in report.officers]})
    return 0
