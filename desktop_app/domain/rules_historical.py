"""Historical entries (digitised old books): W-LEGACY-* for what the book lacks or blurs."""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.domain.access import is_blank
from desktop_app.domain.check import Check
from desktop_app.domain.illegible import rule_illegible_kept
from desktop_app.domain.issues import Issue
from desktop_app.domain.structure import illegible_paths


def rule_legacy_registration(c: Check) -> Iterator[Issue]:
    if not c.historical:
        return
    for path in ("registration_number", "book_number"):
        if is_blank(c.data.get(path)) and path not in illegible_paths(c.data):
            yield Issue.of("W-LEGACY-NO-NUMBER", path)
    if is_blank(c.data.get("registered_on")) and "registered_on" not in illegible_paths(c.data):
        yield Issue.of("W-LEGACY-NO-DATE", "registered_on")
    if is_blank(c.data.get("source")):
        yield Issue.of("W-LEGACY-NO-SOURCE", "source")


def rule_illegible(c: Check) -> Iterator[Issue]:
    for path in sorted(illegible_paths(c.data)):
        yield Issue.of("W-LEGACY-ILLEGIBLE", path)


HISTORICAL_RULES = (rule_legacy_registration, rule_illegible, rule_illegible_kept)
