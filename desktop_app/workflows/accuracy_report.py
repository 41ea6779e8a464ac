"""The accuracy report of the digitisation (issue 17 item 4) as a table to keep or print: per
officer and per book the share of double-entered fields that disagreed, the fields most
often disagreed on in the form's words, and each sample re-check's estimated error rate with
its 95 % interval. Saved as CSV (UTF-8 with a BOM, so a spreadsheet reads the accents).
Officers are named by their full names; no entry's data is in it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop_app.domain.fields import field_label, find_field
from desktop_app.domain.record_types import RecordType
from desktop_app.errors import HotichError
from desktop_app.fileio import write_atomic
from desktop_app.number_format import percent_text
from desktop_app.session import Session
from desktop_app.store.books_repo import Accuracy
from desktop_app.workflows import accounts, books, recheck

_HEADINGS = {
    "vi": ("Phần", "Ai / sổ / trường", "Mục", "Trường", "Khác nhau", "Tỉ lệ", "Nhập sai",
           "Khoảng tin cậy 95 %"),
    "en": ("Part", "Who / book / field", "Entries", "Fields", "Disagreed", "Share", "Keyed wrong",
           "95 % interval"),
}
_PARTS = {
    "vi": ("Cán bộ nhập", "Sổ", "Trường hay sai nhất", "Kiểm tra lại theo mẫu"),
    "en": ("Officer", "Book", "Field most often wrong", "Sample re-check"),
}


def percent(part: int | float, whole: int | float = 1, lang: str = "vi") -> str:
    """A share as officers read it: "2,5 %" ("2.5 %" in English; a dash when there is no
    whole)."""
    return percent_text(part / whole, lang) if whole else "—"


def field_words(path: str, lang: str = "vi") -> str:
    """A field path in the form's words, from the first form that has the field."""
    for rt in RecordType:
        if find_field(rt, path) is not None:
            return field_label(rt, path, lang) or path
    return path


def report_rows(session: Session, lang: str = "vi") -> list[list[str]]:
    """The report as rows, its headings first."""
    report = books.accuracy(session)
    names = accounts.full_names(session)
    titles = {b.id: f"{b.book_number} ({b.year})" for b in books.books(session)}
    part = _PARTS.get(lang, _PARTS["en"])

    def counts(a: Accuracy) -> list[str]:
        return [str(a.entries), str(a.fields), str(a.disagreed),
                percent(a.disagreed, a.fields, lang)]

    rows = [list(_HEADINGS.get(lang, _HEADINGS["en"]))]
    rows += [[part[0], names.get(a.key, a.key), *counts(a), str(a.wrong), ""]
             for a in report.officers]
    rows += [[part[1], titles.get(a.key, a.key[:8]), *counts(a), str(a.wrong), ""]
             for a in report.books]
    rows += [[part[2], field_words(path, lang), "", "", str(n), "", "", ""]
             for path, n in report.fields]
    for r in recheck.recheck_reports(session):
        f = r.fields
        rate, low, high = (percent(v, lang=lang) for v in (f.rate, f.low, f.high))
        rows.append([part[3], titles.get(r.sample.book_id or "", r.sample.commune),
                     f"{r.rekeyed}/{r.drawn}", str(f.trials), str(f.errors), rate,
                     "", f"{low} – {high}"])
    return rows


def save_report(session: Session, path: Path, lang: str = "vi") -> int:
    """Write the report to ``path`` as CSV; returns the rows written (headings aside)."""
    rows = report_rows(session, lang)
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    try:
        write_atomic(path, ("\ufeff" + text.getvalue()).encode("utf-8"), 0o644)
    except OSError as exc:
        raise HotichError("E-FILE", path=path.name) from exc
    return len(rows) - 1
