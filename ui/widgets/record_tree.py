"""A record's data as a tree of labelled fields (record detail, second-officer verification):
in the order and with the labels of the procedure's form (``form_fields``), values in words
(ui/record_words.py). An object that reads as one line (an address, a document, an old
book's page) shows that line, its fields below it. A field the old book does not let anyone
read shows "không đọc được" (desktop_app.domain.illegible), never an empty row or a gap."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.domain import FieldKind
from desktop_app.domain.access import get
from desktop_app.domain.fields import find_field
from desktop_app.domain.illegible import is_illegible, shown_value
from desktop_app.domain.lunar import lunar_notes
from ui.record_words import leaf_words, object_words
from ui.widgets.record_form import form_fields, form_label, registration_title
from ui.widgets.typed_dates import from_iso


def _present(value: object) -> bool:
    return value not in (None, "", [], {})


def _leaves(value: object, path: str = "") -> list[str]:
    """Every path holding a plain value or a list in a record's data."""
    if not isinstance(value, dict):
        return [path] if path else []
    found: list[str] = []
    for key, child in value.items():
        found.extend(_leaves(child, f"{path}.{key}" if path else key))
    return found


class RecordTree(QTreeWidget):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordData")
        self._lang = lang
        self.setHeaderLabels([QCoreApplication.translate("RecordTree", "Field"),
                              QCoreApplication.translate("RecordTree", "Value")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        self.items: dict[str, QTreeWidgetItem] = {}  # field path -> its row ("" the first group)

    def show_data(self, rtype: str, data: object, *, historical: bool = False) -> None:
        self.clear()
        self.items = {}
        if not isinstance(data, dict):
            return
        root = self.invisibleRootItem()
        general = self._group(root, registration_title())
        self.items[""] = general
        shown: set[str] = set()
        for info in form_fields(rtype, historical=historical):
            value = get(data, info.path)
            flagged = is_illegible(data, info.path)
            if (not _present(value) and not flagged) or info.path.endswith(".record_id") \
                    or info.path == "illegible":
                continue  # a linked record is named in "Related records", not by its id;
                # the illegible flags show on their fields
            parent_path = info.path.rpartition(".")[0]
            if info.depth == 0 and info.kind.is_object:
                parent = root
            else:
                parent = self.items.get(parent_path, general)
            label = form_label(rtype, info, self._lang)
            if info.kind.is_object:
                item = self._group(parent, label) if info.depth == 0 else \
                    QTreeWidgetItem(parent, [label, ""])
                item.setText(1, object_words(rtype, info.kind, info.path, value, self._lang))
            else:
                words = "" if not _present(value) else (
                    self._lunar_words(info.path, data)
                    or leaf_words(rtype, info.kind, info.path, value, self._lang))
                item = QTreeWidgetItem(parent, [label, shown_value(data, info.path, words,
                                                                   self._lang) or words])
                shown.add(info.path)
            self._code_tip(item, value)
            self.items[info.path] = item
        self._rest(rtype, data, shown, general)
        if not general.childCount():
            root.removeChild(general)
        for path, item in self.items.items():
            item.setExpanded(path.count(".") < 1)  # a line in words stands for its fields

    @staticmethod
    def _lunar_words(path: str, data: dict[str, object]) -> str | None:
        """An old book's lunar date: the converted date, then the text as written."""
        written = lunar_notes(data).get(path, {}).get("as_written")
        if not isinstance(written, str):
            return None
        return QCoreApplication.translate("RecordTree", "%1 (lunar: %2)").replace(
            "%1", from_iso(get(data, path))).replace("%2", written)

    def _group(self, parent: QTreeWidgetItem, label: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [label, ""])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _code_tip(self, item: QTreeWidgetItem, value: object) -> None:
        """The stored code, for support staff, where the screen shows its words."""
        if isinstance(value, str) and value != item.text(1):
            item.setToolTip(1, value)

    def _rest(self, rtype: str, data: dict[str, object], shown: set[str],
              general: QTreeWidgetItem) -> None:
        """What the record holds beyond the form's fields (set by the system, or kept from
        an older form): listed after them, so nothing stored is hidden."""
        for path in _leaves(data):
            if (path in shown or path.endswith("record_id") or path in ("type", "illegible")
                    or path.split(".")[0] == "lunar_dates"):
                continue  # lunar_dates: shown with the dates they converted
            value = get(data, path)
            if not _present(value):
                continue
            parent = self.items.get(path.rpartition(".")[0], general)
            definition = find_field(rtype, path)
            name = definition.label_vi if definition is not None and self._lang == "vi" else \
                definition.label_en if definition is not None else path.rpartition(".")[2]
            kind = definition.kind if definition is not None else FieldKind.TEXT
            item = QTreeWidgetItem(parent, [name, leaf_words(rtype, kind, path, value,
                                                             self._lang)])
            self._code_tip(item, value)
            self.items[path] = item
