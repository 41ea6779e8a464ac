"""A record's data as a tree of labelled fields (record detail, second-officer verification)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.domain import field_label
from desktop_app.domain.illegible import ILLEGIBLE, flagged_leaves, shown_value
from desktop_app.domain.vocabulary import value_label
from ui.widgets.inputs import commune_display
from ui.widgets.typed_dates import from_iso


class RecordTree(QTreeWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordData")
        self._lang = lang
        self._flags: dict[str, object] = {}
        self.setHeaderLabels([QCoreApplication.translate("RecordTree", "Field"),
                              QCoreApplication.translate("RecordTree", "Value")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def show_data(self, rtype: str, data: object) -> None:
        self.clear()
        self._flags = data if isinstance(data, dict) else {}
        self._fill(self.invisibleRootItem(), rtype, data, "")
        # a field the book does not let anyone read has no value: it still shows, marked
        for path in flagged_leaves(self._flags):
            label = field_label(rtype, path, self._lang) or path
            item = QTreeWidgetItem(self.invisibleRootItem(),
                                   [label, ILLEGIBLE.get(self._lang, ILLEGIBLE["vi"])])
            item.setData(0, Qt.ItemDataRole.UserRole, path)
        self.expandAll()

    def _fill(self, parent: QTreeWidgetItem, rtype: str, value: object, path: str) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if not path and key == "illegible":
                    continue  # the flags show on their fields
                sub = f"{path}.{key}" if path else key
                label = field_label(rtype, sub, self._lang).split(" của ")[0].split(": ")[-1]
                item = QTreeWidgetItem(parent, [label or key, ""])
                if isinstance(child, (dict, list)):
                    self._fill(item, rtype, child, sub)
                else:
                    shown = self._show(rtype, sub, child)
                    item.setText(1, shown_value(self._flags, sub, shown, self._lang) or shown)
        elif isinstance(value, list):
            for n, child in enumerate(value, 1):
                item = QTreeWidgetItem(parent, [str(n), ""])
                if isinstance(child, (dict, list)):
                    self._fill(item, rtype, child, path)
                else:
                    item.setText(1, self._show(rtype, path, child))

    def _show(self, rtype: str, path: str, value: object) -> str:
        key = path.rpartition(".")[2]
        if isinstance(value, bool):
            return QCoreApplication.translate("RecordTree", "yes") if value else \
                QCoreApplication.translate("RecordTree", "no")
        if key == "commune_code" and isinstance(value, str):
            return commune_display(value)
        if isinstance(value, str) and (key.endswith("_on") or key.startswith("date")
                                       or key in ("time_of_death", "effective_date")):
            return from_iso(value)
        if isinstance(value, str):
            return value_label(rtype, path, value, self._lang)
        return json.dumps(value, ensure_ascii=False) if not isinstance(value, (int, float)) \
            else str(value)
