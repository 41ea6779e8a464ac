"""Table columns as wide as what they hold (issue 14 item 11): a date, a book number or a role
is never cut to "01-TP/HT-…"; one column (the names) takes the width that is left."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def fit_columns(view: QTableView, stretch: int | None = None) -> None:
    """Every column sized to its header and its widest shown cell, ``stretch`` to the rest."""
    header = view.horizontalHeader()
    # The rows on screen only: a paged list would otherwise measure up to 1,000 rows on the
    # GUI thread each time a page arrives.
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
