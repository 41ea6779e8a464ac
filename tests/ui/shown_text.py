"""What a window shows a user, as text: every label, button, input, list, tree and table cell
of the widgets that are shown (tooltips left out: support staff read codes there), and the
raw codes that must never be among them (issue 14 item 6)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

# What a user must never read: rule codes, record ids (whole or cut short), the stored
# names of statuses and actions, and dates in the ISO form.
RAW_PATTERNS: dict[str, re.Pattern[str]] = {
    "rule code": re.compile(r"\b[EWR]-[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\b"),
    "uuid": re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"),
    "short id": re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8}"
                           r"(?![0-9A-Za-z])"),
    "status name": re.compile(r"\b(?:draft|submitted|approved|awaiting_personal_id|"
                              r"awaiting_central_support|signed|queued|synced|rejected|"
                              r"pending|accepted|awaiting_support)\b"),
    "action name": re.compile(r"\b(?:create|update|submit|approve|reject|sign|queue|reopen|"
                              r"attach|detach|personal_id|record\.[a-z_]+|extract\.[a-z_]+)\b"),
    "program account": re.compile(r"\bsystem\b"),
    "iso date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-\d{2}T"),
    "json": re.compile(r"[{\[]\""),
}


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None,
                 depth: int = 0) -> Iterator[str]:
    parent = parent or QModelIndex()
    for column in range(model.columnCount(parent)):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if depth == 0 and isinstance(header, str):
            yield header
    for row in range(min(model.rowCount(parent), 500)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            value = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
            if (column == 0 and depth < 6 and not isinstance(model, QAbstractTableModel)
                    and model.rowCount(index)):
                yield from _model_texts(model, index, depth + 1)


def _tree_texts(item: QTreeWidgetItem) -> Iterator[str]:
    for column in range(item.columnCount()):
        yield item.text(column)
    for n in range(item.childCount()):
        yield from _tree_texts(item.child(n))


def shown_texts(top: QWidget) -> list[str]:
    """Every text ``top`` and its visible children show."""
    found: list[str] = [top.windowTitle()]
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            found.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found.extend((widget.text(), widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            found.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QTabWidget):
            found.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QTreeWidget):
            found.extend(_tree_texts(widget.invisibleRootItem()))
        elif isinstance(widget, QListWidget):
            found.extend(widget.item(i).text() for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found.extend(_model_texts(widget.model()))
    return [t for t in found if t]


def raw_codes(texts: list[str]) -> list[tuple[str, str]]:
    """(what, text) for each text showing a raw code."""
    return [(what, text) for text in texts for what, pattern in RAW_PATTERNS.items()
            if pattern.search(text)]
