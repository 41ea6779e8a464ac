"""Helpers for the domain tests: valid records of every type, edited by dotted paths."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain import Issue, ValidationContext, validate
from tests.samples import BASE, DELETE, TODAY, build  # noqa: F401 - re-exported


def run(
    record_type: str,
    edits: dict[str, Any] | None = None,
    *,
    historical: bool = False,
    today: date = TODAY,
    context: ValidationContext | None = None,
) -> list[Issue]:
    return validate(
        record_type, build(record_type, edits), historical=historical, today=today, context=context
    )


def codes(issues: list[Issue]) -> set[str]:
    return {i.code for i in issues}
