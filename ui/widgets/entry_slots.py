"""The entries of the page being keyed, on a line or two above it (the keying page): which
positions are keyed, which wait blind for their second keying (never what they hold), or in
re-check mode the entries a sample drew. Activating one emits ``chosen``: the position on the
page, or the drawn entry's index in re-check mode."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from desktop_app.workflows.books import Slot
from desktop_app.workflows.recheck import RecheckEntry


class EntrySlots(QListWidget):
    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyingSlots")
        # side by side, a line or two: the room is the page's
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setSpacing(2)
        self.setMaximumHeight(44)
        self.itemActivated.connect(
            lambda item: self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole))))

    def _add(self, text: str, key: int) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.addItem(item)

    def show_slots(self, slots: list[Slot]) -> None:
        self.clear()
        for slot in slots:
            if slot.record_id is not None:
                text = self.tr("Entry %1: keyed")
            elif slot.mine:
                text = self.tr("Entry %1: your first keying, waiting for the second")
            else:
                text = self.tr("Entry %1: keyed once by another officer (key it blind)")
            self._add(text.replace("%1", str(slot.position)), slot.position)

    def show_sample(self, sample: list[RecheckEntry], current: int) -> None:
        self.clear()
        for n, entry in enumerate(sample):
            place = entry.place
            done = self.tr("re-keyed") if entry.rekeyed_by else self.tr("to re-key")
            self._add(self.tr("%1. page %2, entry %3: %4").replace("%1", str(n + 1))
                      .replace("%2", str(place.page_no if place else "?"))
                      .replace("%3", str(place.position if place else "?"))
                      .replace("%4", done), n)
        self.setCurrentRow(current)
