"""hotich import FILE --historical --book BOOK [--type TYPE] [--mapping MAP.json]: bulk
digitisation of historical entries (issue 13). Registered by records_cmd."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.context import CliContext, add_command
from desktop_app.cli.figures import count
from desktop_app.errors import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], types: list[str]) -> None:
    imp = add_command(sub, "import", "import historical entries from a CSV, XLSX or JSON file "
                      "(resumes where a stopped import left off)")
    imp.add_argument("file")
    imp.add_argument("--historical", action="store_true",
                     help="entries digitised from an old paper book (required)")
    imp.add_argument("--book", required=True,
                     help="the paper book being digitised (its id), or the book number")
    imp.add_argument("--type", choices=types, help="the record type of every row (CSV/XLSX)")
    imp.add_argument("--mapping", help="a JSON file: column -> dotted field path")
    imp.add_argument("--batch", type=int, default=None, help=argparse.SUPPRESS)
    imp.set_defaults(handler=_import)


def _import(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import bulk_import

    if not args.historical:
        raise UsageError(detail="hotich import --historical")
    batch = bulk_import.BATCH if args.batch is None else args.batch
    if batch < 1:
        raise UsageError(detail="--batch: 1 or more")
    mapping = bulk_import.load_mapping(Path(args.mapping)) if args.mapping else None
    summary = bulk_import.run_import(ctx.session(), Path(args.file), book=args.book,
                                     rtype=args.type, mapping=mapping, batch=batch)
    lines = [f"Đã nhập: {count(summary.imported)}",
             f"Có cảnh báo: {count(summary.with_warnings)}",
             f"Bị từ chối: {count(len(summary.refused))}"]
    if summary.resumed_from:
        lines.append(f"Tiếp tục sau dòng {summary.resumed_from}")
    lines += [f"  dòng {r.line}: {', '.join(r.rules)}"
              + (f" ({', '.join(f for f in r.fields if f)})" if any(r.fields) else "")
              for r in summary.refused]
    lines += [f"  {rule}: {count(n)}" for rule, n in sorted(summary.rules.items())]
    ctx.emit("\n".join(lines), {"ok": True, **summary.to_json()})
    return 0
