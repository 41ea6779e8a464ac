"""The registration form's top row: the procedure, whether it is a historical entry (from an
old register book), "New" and "Copy from previous"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain import RecordType
from ui.labels import type_label
from ui.widgets.inputs import QuietComboBox


class ProcedureBar(QWidget):
    choice_changed = Signal()  # the officer chose another procedure or kind of entry

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_combo = QuietComboBox(objectName="typeCombo")
        for rtype in RecordType:
            self.type_combo.addItem(type_label(rtype.value, lang), rtype.value)
        self.historical = QCheckBox(self.tr("Historical entry (from an old register book)"),
                                    objectName="historicalCheck")
        self.new_button = QPushButton(self.tr("New (Ctrl+N)"), objectName="newButton")
        self.copy_button = QPushButton(self.tr("Copy from previous (Ctrl+Shift+C)"),
                                       objectName="copyPrevious")
        self.copy_button.setToolTip(self.tr(
            "Twins and siblings: the parents, addresses and declarant of the last record "
            "of this procedure submitted on this screen; the child's own details stay empty."))
        self.copy_button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Procedure")))
        layout.addWidget(self.type_combo, 1)
        layout.addWidget(self.historical)
        layout.addWidget(self.new_button)
        layout.addWidget(self.copy_button)
        self.type_combo.activated.connect(lambda _i: self.choice_changed.emit())
        self.historical.toggled.connect(lambda _c: self.choice_changed.emit())
        self.setTabOrder(self.type_combo, self.historical)

    @property
    def rtype(self) -> str:
        return str(self.type_combo.currentData())

    def show_choice(self, rtype: str, historical: bool) -> None:
        """The procedure and kind of entry shown, without telling it as the officer's."""
        self.type_combo.blockSignals(True)
        self.historical.blockSignals(True)
        self.type_combo.setCurrentIndex(self.type_combo.findData(rtype))
        self.historical.setChecked(historical)
        self.type_combo.blockSignals(False)
        self.historical.blockSignals(False)
