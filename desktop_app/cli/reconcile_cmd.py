"""hotich books reconcile BOOK [--resolve KEY --as accept_book|correction|checked]."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop_app.cli.context import CliContext, add_command
from desktop_app.messages import Count, render
from desktop_app.workflows.reconciliation_kinds import Resolution

if TYPE_CHECKING:  # the workflows load when a command of theirs runs, not at every start
    from desktop_app.workflows import reconciliation as rc


def register(bs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = add_command(bs, "reconcile", "compare a digitised book's births or deaths with the "
                      "centre's population registry, or resolve one mismatch")
    cmd.add_argument("book")
    cmd.add_argument("--resolve", metavar="KEY", default=None,
                     help="a mismatch of the last reconciliation (its key as listed)")
    cmd.add_argument("--as", dest="resolution", choices=[r.value for r in Resolution],
                     default=None, help="what the officer decided")
    cmd.set_defaults(handler=_reconcile)


def _mismatch_json(m: rc.Mismatch, result: rc.Reconciliation) -> dict[str, object]:
    done = result.resolved.get(m.key)
    return {"key": m.key, "kind": m.kind.value, "name": m.name, "record_id": m.record_id,
            "personal_id": m.personal_id, "field": m.field, "book": m.book_value,
            "centre": m.centre_value,
            "resolution": None if done is None else done.resolution.value,
            "correction_id": None if done is None else done.correction_id}


def _line(m: rc.Mismatch) -> str:
    detail = f"{m.field}: {m.book_value} | {m.centre_value}" if m.field else m.name
    return f"{m.key}\t{m.kind.value}\t{detail}"


def _reconcile(ctx: CliContext, args: argparse.Namespace) -> int:
    from desktop_app.workflows import reconciliation as rc

    if (args.resolve is None) != (args.resolution is None):
        from desktop_app.errors import UsageError

        raise UsageError(detail="--resolve KEY and --as RESOLUTION go together")
    session = ctx.session()
    if args.resolve is not None:
        result = rc.resolve(session, args.book, args.resolve, args.resolution)
        done = result.resolved[args.resolve]
        ctx.emit(render("R-RECONCILE-RESOLVED", {"resolution": done.resolution.value}),
                 {"ok": True, "key": args.resolve, "resolution": done.resolution.value,
                  "correction_id": done.correction_id})
        return 0
    result = rc.reconcile_book(session, ctx.transport(), args.book)
    counts = {"entries": result.entries, "registry": result.registry, "matched": result.matched,
              "open": len(result.open),
              "centre": result.count(rc.MismatchKind.MISSING_AT_CENTRE),
              "book": result.count(rc.MismatchKind.MISSING_IN_BOOK),
              "fields": result.count(rc.MismatchKind.FIELD_DIFFERS)}
    summary = render("R-RECONCILE", {k: Count(n) for k, n in counts.items()})
    ctx.emit("\n".join([summary, *(_line(m) for m in result.open)]),
             {"ok": True, "book": result.book_id, "event": result.event, "year": result.year,
              "entries": result.entries, "registry": result.registry,
              "matched": result.matched,
              "mismatches": [_mismatch_json(m, result) for m in result.mismatches]})
    return 0
