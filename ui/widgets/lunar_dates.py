"""A date of an old book that may be written in the lunar calendar (historical form only).

The officer types the date as the book writes it. A lunar date ("mùng 5 tháng Giêng năm
Giáp Thân", "5/1/1944 âm lịch") is recognised by its words, or marked with the "Lunar" box
(Ctrl+L in the field) when the book gives lunar figures without saying so. The field's value
is then the Gregorian date computed by the core (domain/lunar.py), shown beside it, and the
form keeps the text as written in ``lunar_dates``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from desktop_app.domain.lunar import LunarDateError, LunarNote, convert, looks_lunar
from ui.widgets.inputs import DateField

WIDE = 280  # a lunar date as written is longer than dd/mm/yyyy


def _reason(reason: str) -> str:
    """Why the text is no lunar date (LunarDateError.reason), in the user's language."""
    if reason == "year":
        return QCoreApplication.translate(
            "LunarDateField", "give the year (1944, or Giáp Thân with the book's year)")
    if reason == "month":
        return QCoreApplication.translate("LunarDateField", "that year has no such leap month")
    if reason == "day":
        return QCoreApplication.translate("LunarDateField", "that lunar month has no such day")
    return QCoreApplication.translate("LunarDateField", "not a lunar date this form reads")


class LunarDateField(DateField):
    """A DateField whose text may be a lunar date as written; see the module."""

    def __init__(self, reference_year: Callable[[], int | None], *, with_time: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(with_time=with_time, parent=parent)
        self._reference_year = reference_year
        self.lunar_box = QCheckBox(QCoreApplication.translate("LunarDateField", "Lunar"), parent)
        self.lunar_box.setToolTip(QCoreApplication.translate(
            "LunarDateField", "The book gives this date in the lunar calendar (Ctrl+L)"))
        self.lunar_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # no extra Tab stop
        self.converted = QLabel(parent)
        self.converted.hide()
        self.lunar_box.toggled.connect(self._refresh)
        self.lunar_box.toggled.connect(lambda _on: self.edited.emit())
        self.textChanged.connect(self._refresh)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if (event.key() == Qt.Key.Key_L
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.lunar_box.toggle()
            return
        super().keyPressEvent(event)

    def set_object_names(self, path: str) -> None:
        self.lunar_box.setObjectName(f"lunar:{path}")
        self.converted.setObjectName(f"lunarConverted:{path}")

    # -- what the form reads ------------------------------------------------------------
    def is_lunar(self) -> bool:
        return self.lunar_box.isChecked() or looks_lunar(self.text())

    def note(self, path: str) -> LunarNote | None:
        """The lunar date typed, converted; None when not lunar or not readable."""
        if not self.is_lunar() or not self.text().strip():
            return None
        try:
            return convert(path, self.text(), reference_year=self._reference_year())
        except LunarDateError:
            return None

    def value(self) -> object | None:
        if not self.is_lunar():
            return super().value()
        note = self.note("")
        if note is not None:
            return note.converted.iso()
        text = self.text().strip()
        return text or None  # the core reports what it cannot read against the field

    def set_lunar(self, as_written: str) -> None:
        """Shows a stored lunar date as the book wrote it (the form's ``set_data``)."""
        self.blockSignals(True)
        self.setText(as_written)
        self.blockSignals(False)
        self.lunar_box.blockSignals(True)
        self.lunar_box.setChecked(True)
        self.lunar_box.blockSignals(False)
        self._refresh()

    def set_value(self, value: object) -> None:
        self.lunar_box.blockSignals(True)
        self.lunar_box.setChecked(False)
        self.lunar_box.blockSignals(False)
        super().set_value(value)
        self._refresh()

    def _refresh(self) -> None:
        lunar = self.is_lunar() and bool(self.text().strip())
        wide = lunar or self.lunar_box.isChecked()
        self.setMaximumWidth(WIDE if wide else 180)
        self.setMinimumWidth(WIDE if wide else 0)
        if not lunar:
            self.converted.hide()
            return
        try:
            note = convert("", self.text(), reference_year=self._reference_year())
        except LunarDateError as exc:
            self.converted.setStyleSheet("color: #8a5a00")
            self.converted.setText(_reason(exc.reason))
        else:
            self.converted.setStyleSheet("")
            self.converted.setText(QCoreApplication.translate(
                "LunarDateField", "= %1 (Gregorian)").replace("%1", note.converted.figures()))
            self.converted.setToolTip(QCoreApplication.translate(
                "LunarDateField", "Converted from the lunar date as written; the record keeps "
                "both."))
        self.converted.show()

