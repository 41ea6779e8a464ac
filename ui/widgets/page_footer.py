"""Under a paged list: which rows are shown of how many ("1–200 trong 1.234.567", the total
from the store's counters) and a "more" button for the next page (scrolling to the end loads
it too; the button is there for the keyboard, and for a narrowed page that found nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.models import PagedRowsModel
from ui.numbers import count_text


class PageFooter(QWidget):
    def __init__(self, model: PagedRowsModel, lang: str, name: str,
                 parent: QWidget | None = None) -> None:
        """``name``: the label's object name (tests and screenshots find it by it)."""
        super().__init__(parent)
        self._model = model
        self._lang = lang
        self.label = QLabel(objectName=name)
        self.label.setWordWrap(True)
        self.more_button = QPushButton(self.tr("Show more"), objectName=f"{name}More")
        self.more_button.setToolTip(self.tr("Load the next page (scrolling to the end of the "
                                            "list does it too)"))
        self.more_button.clicked.connect(lambda: model.fetchMore())
        self.more_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more_button)
        model.loaded.connect(lambda _first: self.update_text())
        model.modelReset.connect(self.update_text)
        model.rowsInserted.connect(lambda *_a: self.update_text())

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str) -> None:
        """An error or a notice in place of the count (until the next page arrives)."""
        self.label.setText(text)

    def update_text(self) -> None:
        model, shown = self._model, self._model.rowCount()
        total = model.total
        if model.is_complete:
            text = self.tr("%Ln record(s)", "", shown)
        elif total is not None:
            text = (self.tr("%1–%2 of %3 records").replace("%1", count_text(1, self._lang))
                    .replace("%2", count_text(shown, self._lang))
                    .replace("%3", count_text(total, self._lang))) if shown else \
                self.tr("None found yet of %1 records; Show more looks further").replace(
                    "%1", count_text(total, self._lang))
        else:
            text = (self.tr("%1–%2, more follow").replace("%1", count_text(1, self._lang))
                    .replace("%2", count_text(shown, self._lang))) if shown else \
                self.tr("None found yet; Show more looks further")
        self.label.setText(text)
        self.more_button.setVisible(not model.is_complete)
