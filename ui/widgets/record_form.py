"""A record form built from the domain's field definitions (``iter_fields``), never by hand.

Top-level objects (child, mother, declarant, ...) are group boxes; nested objects (identity
document, residence, ...) are sections that open with Space and start closed unless they are
required or hold a value. Each field has its error line under it, set from the core's issues.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import FieldInfo, FieldKind, Issue, iter_fields
from desktop_app.domain.access import get, put
from desktop_app.domain.fields import find_field, reference_paths
from desktop_app.domain.lunar import lunar_notes
from desktop_app.domain.notes import CHANGED_FIELD_NAMES, changed_field_name
from desktop_app.domain.text import fold_for_search
from desktop_app.domain.vocabulary import label as vocabulary_label
from desktop_app.domain.vocabulary import labels, vocabulary_for
from ui.widgets.inputs import (
    BoolField,
    CommuneField,
    CountryField,
    DateField,
    EthnicityField,
    IntegerField,
    LegacyAddressField,
    PathsField,
    QuietComboBox,
    RecordIdField,
    SelectField,
    TextField,
    number_range,
)
from ui.widgets.lunar_dates import LunarDateField
from ui.widgets.typed_dates import from_iso, to_iso

Converter = Callable[[str, Callable[[str], None], Callable[[str], None]], None]
"""convert(text, done, failed): done(description) or failed(message), on the GUI thread."""
Picker = Callable[[str, Callable[[dict[str, object]], None]], None]
"""pick(reference path, fill): let the user choose a record, then fill(reference values)."""
_HISTORICAL_ONLY_TOP = {"registered_on", "registration_number", "book_number"}
# Choices that make no sense on a form (nobody declares their own death).
_NOT_OFFERED: dict[tuple[str, str], frozenset[str]] = {
    ("death", "declarant.relationship"): frozenset({"self"}),
}
# Values a new registration starts with: nearly everyone registered here is Vietnamese, so
# the nationality is filled in (a value the officer can change, not a grey placeholder).
DEFAULTS: dict[str, object] = {"nationality": "VN"}
ERROR_STYLE = "color: #b00020"
WARNING_STYLE = "color: #8a5a00"


def _skipped(rtype: str, info: FieldInfo, historical: bool) -> bool:
    if info.path in ("type", "lunar_dates") or "[]" in info.path:
        return True  # lunar_dates: kept by the date fields' lunar option (ui/widgets/lunar_dates)
    definition = find_field(rtype, info.path)
    if definition is None or definition.read_only:
        return True
    if definition.historical_only and not historical:
        return True
    return info.depth == 0 and info.path in _HISTORICAL_ONLY_TOP and not historical


def form_fields(rtype: str, *, historical: bool) -> list[FieldInfo]:
    """The fields and objects the form of a procedure shows, in the order it shows them;
    the record detail lists a record's data in this same order."""
    shown: list[FieldInfo] = []
    skipped: list[str] = []
    for info in iter_fields(rtype):
        if any(info.path.startswith(f"{p}.") for p in skipped):
            continue
        if _skipped(rtype, info, historical):
            skipped.append(info.path)
            continue
        shown.append(info)
    return shown


def form_label(rtype: str, info: FieldInfo, lang: str) -> str:
    """The label the form gives a field: its own ("Họ, chữ đệm, tên"), under its group."""
    definition = find_field(rtype, info.path)
    if definition is not None:
        return definition.label_vi if lang == "vi" else definition.label_en
    return info.label_vi if lang == "vi" else info.label_en


def registration_title() -> str:
    """The title of the form's first group, which holds the procedure's own fields."""
    return QCoreApplication.translate("RecordForm", "Registration")


class ChangesField(QWidget):
    """The "from ... to ..." lines of a change/correction: field, from, to."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(1, 3, self)
        self.table.setObjectName("changesTable")
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("RecordForm", "Field"),
            QCoreApplication.translate("RecordForm", "From"),
            QCoreApplication.translate("RecordForm", "To")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(130)
        self.table.itemChanged.connect(lambda _i: self.edited.emit())
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next field; arrows move
        add = QPushButton(QCoreApplication.translate("RecordForm", "Add a line"), self)
        add.setObjectName("addChange")
        add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(add, alignment=Qt.AlignmentFlag.AlignLeft)
        self.setFocusProxy(self.table)

    def value(self) -> object | None:
        rows = []
        for r in range(self.table.rowCount()):
            texts = [self._cell(r, c) for c in range(3)]
            if any(texts):
                row: dict[str, object] = {"field": texts[0]}
                if texts[1]:
                    row["from"] = texts[1]
                if texts[2]:
                    row["to"] = texts[2]
                rows.append(row)
        return rows or None

    def _cell(self, row: int, column: int) -> str:
        """What a cell holds for the core: the stored value behind the words it shows, a
        field's name typed in words as its key, a date typed dd/mm/yyyy as ISO."""
        item = self.table.item(row, column)
        if item is None:
            return ""
        text = item.text().strip()
        kept = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(kept, str) and text == item.data(Qt.ItemDataRole.UserRole + 1):
            return kept
        if column == 0:
            return _FIELD_BY_WORDS.get(fold_for_search(text), text)
        if _TYPED_DATE.match(text):
            return to_iso(text)
        codes = _codes_of(self._cell(row, 0))  # "Nữ" typed for a sex: its code
        return codes.get(fold_for_search(text), text)

    def set_value(self, value: object) -> None:
        """Each line in words: the field by its name ("Ngày, tháng, năm sinh"), dates as
        dd/mm/yyyy; the stored values stay behind them."""
        rows = value if isinstance(value, list) else []
        self.table.blockSignals(True)
        self.table.setRowCount(max(1, len(rows)))
        for r, row in enumerate(rows):
            if isinstance(row, dict):
                for c, key in enumerate(("field", "from", "to")):
                    stored = row.get(key)
                    text = "" if stored is None else str(stored)
                    field = str(row.get("field") or "")
                    shown = _field_words(text) if c == 0 else _value_words(field, text)
                    item = QTableWidgetItem(shown)
                    if shown != text:
                        item.setData(Qt.ItemDataRole.UserRole, text)
                        item.setData(Qt.ItemDataRole.UserRole + 1, shown)
                        item.setToolTip(text)
                    self.table.setItem(r, c, item)
        self.table.blockSignals(False)


def _field_words(path: str) -> str:
    words = changed_field_name(path) if path else ""
    return words[:1].upper() + words[1:]


def _value_words(field: str, value: str) -> str:
    """A changed value as people read it: a date dd/mm/yyyy, a code in words ("Nữ")."""
    vocabulary = vocabulary_for("birth", field.rpartition(".")[2])  # by the field's name
    named = vocabulary_label(vocabulary, value) if vocabulary is not None else None
    return named if named is not None else from_iso(value)


def _codes_of(field: str) -> dict[str, str]:
    """Folded words -> code, for the values of a coded field (sex, nationality, ...)."""
    vocabulary = vocabulary_for("birth", field.rpartition(".")[2])
    if vocabulary is None:
        return {}
    return {fold_for_search(words): code for code, words in labels(vocabulary).items()}


_FIELD_BY_WORDS = {fold_for_search(words): key for key, words in CHANGED_FIELD_NAMES.items()}
_TYPED_DATE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{4}$|^\d{1,2}[/.]\d{4}$")


class _Section(QWidget):
    """A nested object: a header button that opens/closes its fields."""

    def __init__(self, title: str, expanded: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.body = QWidget(self)
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(18, 0, 0, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.toggle.toggled.connect(self.set_expanded)
        self.toggle.setChecked(expanded)
        self.set_expanded(expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)


def _walk_layout(layout: QLayout, out: list[QWidget]) -> None:
    if isinstance(layout, QFormLayout):
        items: list[QLayoutItem] = []
        for row in range(layout.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                         QFormLayout.ItemRole.SpanningRole):
                item = layout.itemAt(row, role)
                if item is not None and all(item is not i for i in items):
                    items.append(item)  # a spanning row answers for more than one role
    else:
        items = [layout.itemAt(i) for i in range(layout.count())]
    for item in items:
        widget = item.widget()
        if widget is not None:
            if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None
                    and widget not in out):
                out.append(widget)
            if widget.layout() is not None:
                _walk_layout(widget.layout(), out)
        elif item.layout() is not None:
            _walk_layout(item.layout(), out)


class RecordForm(QWidget):
    """All fields of one record type; ``data()`` is the canonical JSON the core takes."""

    edited = Signal()

    def __init__(self, rtype: str, *, historical: bool, lang: str, convert: Converter,
                 pick: Picker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordForm")
        self.rtype = rtype
        self.historical = historical
        self._lang = lang
        self._convert = convert
        self._pick = pick
        self._references = set(reference_paths(rtype))
        self.pick_buttons: dict[str, QPushButton] = {}
        self.editors: dict[str, QWidget] = {}
        self._messages: dict[str, QLabel] = {}
        self._sections: dict[str, _Section] = {}
        self._forms: dict[str, QFormLayout] = {}
        self._rows: dict[str, QWidget] = {}  # path -> the widget of its row in its form
        self._kinds: dict[str, tuple[QuietComboBox, set[str], set[str]]] = {}
        layout = QVBoxLayout(self)
        general = QGroupBox(registration_title(), self)
        general.setObjectName("group:")
        self._forms[""] = QFormLayout(general)
        layout.addWidget(general)
        self._build(layout)
        layout.addStretch(1)
        for path in self._kinds:
            self._show_kind(path)
        self._defaults: dict[str, object] = {}
        if not historical:  # an old book's entry is copied as written, defaults would invent
            for path, editor in self.editors.items():
                default = DEFAULTS.get(path.rpartition(".")[2])
                if default is not None:
                    editor.set_value(default)  # type: ignore[attr-defined]
                    self._defaults[path] = default
        chain = self.tab_chain()
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # -- keyboard order -------------------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """Every widget Tab can reach, in the order the form shows them (top to bottom,
        left to right), hidden ones included: the page skips those not shown."""
        chain: list[QWidget] = []
        layout = self.layout()
        if layout is not None:
            _walk_layout(layout, chain)
        return chain

    # -- building -------------------------------------------------------------------------
    def _label(self, info: FieldInfo) -> str:
        text = form_label(self.rtype, info, self._lang)
        return f"{text} *" if info.required and not self.historical else text

    def _build(self, layout: QVBoxLayout) -> None:
        for info in form_fields(self.rtype, historical=self.historical):
            parent_path = info.path.rpartition(".")[0]
            if info.kind.is_object:
                self._add_object(info, parent_path, layout)
            else:
                self._add_leaf(info, parent_path)

    def _add_object(self, info: FieldInfo, parent_path: str, layout: QVBoxLayout) -> None:
        if info.depth == 0:
            box = QGroupBox(self._label(info), self)
            box.setObjectName(f"group:{info.path}")
            form = QFormLayout(box)
            layout.addWidget(box)
            self._forms[info.path] = form
            note = self._message_label(info.path)
            form.addRow(note)
            if info.kind is FieldKind.PERSON_OR_ORGANISATION:
                self._add_kind_chooser(info, form)
            return
        section = _Section(self._label(info), info.required and not self.historical, self)
        section.setObjectName(f"section:{info.path}")
        self._sections[info.path] = section
        self._forms[info.path] = section.form
        section.form.addRow(self._message_label(info.path))
        self._forms.get(parent_path, self._forms[""]).addRow(section)
        self._rows[info.path] = section

    def _add_kind_chooser(self, info: FieldInfo, form: QFormLayout) -> None:
        """A guardian is a person or an organisation: chosen first, then only that kind's
        fields show (and only they are required and kept)."""
        definition = find_field(self.rtype, info.path)
        assert definition is not None
        chooser = QuietComboBox(self)
        chooser.setObjectName(f"kind:{info.path}")
        for key, vi, en in (("person", "Cá nhân", "A person"),
                            ("organisation", "Tổ chức", "An organisation")):
            chooser.addItem(vi if self._lang == "vi" else en, key)
        label = QLabel(("Là" if self._lang == "vi" else "Is") + " *", self)
        label.setBuddy(chooser)
        form.addRow(label, chooser)
        self._kinds[info.path] = (chooser, {c.name for c in definition.children},
                                  {c.name for c in definition.alternative})
        chooser.currentIndexChanged.connect(lambda _i, p=info.path: self._show_kind(p))
        chooser.activated.connect(lambda _i: self.edited.emit())

    def kind_of(self, path: str) -> str | None:
        """"person" or "organisation" for a person-or-organisation object, else None."""
        entry = self._kinds.get(path)
        return str(entry[0].currentData()) if entry is not None else None

    def set_kind(self, path: str, kind: str) -> None:
        chooser = self._kinds[path][0]
        chooser.setCurrentIndex(chooser.findData(kind))

    def _hidden_by_kind(self, path: str) -> bool:
        head, _, rest = path.partition(".")
        entry = self._kinds.get(head)
        if entry is None or not rest:
            return False
        chooser, person, organisation = entry
        name = rest.partition(".")[0]
        chosen = person if chooser.currentData() == "person" else organisation
        return name not in chosen

    def _show_kind(self, path: str) -> None:
        form = self._forms[path]
        for child, row_widget in self._rows.items():
            if child.startswith(f"{path}.") and child.count(".") == 1:
                form.setRowVisible(row_widget, not self._hidden_by_kind(child))

    def _message_label(self, path: str, reserved: bool = False) -> QLabel:
        """The error/warning line of a field or object. A field's line keeps its room
        when empty, so a message appearing never pushes the fields under the cursor."""
        label = QLabel(self)
        label.setObjectName(f"error:{path}")
        label.setWordWrap(True)
        label.setProperty("reserved", reserved)
        if reserved:
            label.setMinimumHeight(label.fontMetrics().lineSpacing())
        else:
            label.hide()
        self._messages[path] = label
        return label

    def _editor_for(self, info: FieldInfo) -> QWidget:
        kind = info.kind
        name = info.path.rpartition(".")[2]
        if kind is FieldKind.DATE:  # an old book's date may be lunar (ocr's lunar_dates.py)
            return LunarDateField(self._reference_year) if self.historical else DateField()
        if kind is FieldKind.DATE_TIME:  # a death in an old book: a lunar day, no hour
            return (LunarDateField(self._reference_year, with_time=True) if self.historical
                    else DateField(with_time=True))
        if kind is FieldKind.INTEGER:
            return IntegerField(number_range(name))
        if kind is FieldKind.SELECT:
            choices = info.choices
            if (self.rtype, info.path) in _NOT_OFFERED:
                choices = tuple(c for c in choices if c not in _NOT_OFFERED[self.rtype, info.path])
            return SelectField(choices, self._lang, vocabulary_for(self.rtype, info.path))
        if kind is FieldKind.BOOLEAN:
            return BoolField()
        if kind is FieldKind.ETHNICITY:
            return EthnicityField()
        if kind is FieldKind.COUNTRY:
            return CountryField(self._lang)
        if kind is FieldKind.COMMUNE:
            return CommuneField()
        if kind is FieldKind.LIST:
            return ChangesField()
        if kind is FieldKind.FIELD_PATHS:
            return PathsField()
        if name == "as_written":
            return LegacyAddressField(self._convert)
        if name == "record_id":
            return RecordIdField()
        return TextField()

    def _add_leaf(self, info: FieldInfo, parent_path: str) -> None:
        editor = self._editor_for(info)
        editor.setObjectName(f"field:{info.path}")
        self.editors[info.path] = editor
        editor.edited.connect(self.edited)  # type: ignore[attr-defined]
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        row = QHBoxLayout()
        if editor.maximumWidth() < 1000:  # a short input (date) stays left, under its label
            row.addWidget(editor)
            row.addStretch(1)
        else:
            row.addWidget(editor, 1)
        if parent_path in self._references and info.path.endswith(".record_id"):
            row.addWidget(self._pick_button(parent_path))
        if isinstance(editor, LunarDateField):
            editor.set_object_names(info.path)
            row.insertWidget(1, editor.lunar_box)
            row.insertWidget(2, editor.converted)
        box.addLayout(row)
        box.addWidget(self._message_label(info.path, reserved=True))
        label = QLabel(self._label(info), self)
        label.setBuddy(editor)
        label.setToolTip(info.label_vi if self._lang == "vi" else info.label_en)
        self._forms.get(parent_path, self._forms[""]).addRow(label, holder)
        self._rows[info.path] = holder

    def _pick_button(self, reference: str) -> QPushButton:
        button = QPushButton(QCoreApplication.translate("RecordForm", "Find a record…"), self)
        button.setObjectName(f"pick:{reference}")
        button.setToolTip(QCoreApplication.translate(
            "RecordForm", "Search this device's records by name, number or personal ID and "
            "link the one this registration concerns."))
        button.setEnabled(self._pick is not None)
        button.clicked.connect(lambda: self._pick and self._pick(
            reference, lambda values: self.fill_reference(reference, values)))
        self.pick_buttons[reference] = button
        return button

    def fill_reference(self, reference: str, values: dict[str, object]) -> None:
        """The chosen record's id, number, book, office and date in the reference fields."""
        for path, editor in self.editors.items():
            if path.startswith(f"{reference}."):
                editor.set_value(values.get(path.removeprefix(f"{reference}.")))  # type: ignore[attr-defined]
        self._open_to(f"{reference}.record_id")
        self.edited.emit()

    def name_reference(self, reference: str, record_id: str, name: str) -> None:
        """The linked record shown by its name in the reference's id field (the id kept)."""
        editor = self.editors.get(f"{reference}.record_id")
        if isinstance(editor, RecordIdField) and editor.value() == record_id:
            editor.show_record(record_id, name)

    def references(self) -> dict[str, str]:
        """reference path -> the record id it holds now."""
        found = {}
        for reference in self._references:
            editor = self.editors.get(f"{reference}.record_id")
            value = editor.value() if editor is not None else None  # type: ignore[attr-defined]
            if isinstance(value, str) and value:
                found[reference] = value
        return found

    # -- data -----------------------------------------------------------------------------
    def data(self) -> dict[str, object]:
        values = {path: editor.value() for path, editor in self.editors.items()}  # type: ignore[attr-defined]
        result: dict[str, object] = {}
        for path, value in values.items():
            if value is None or self._hidden_by_kind(path) or (self._defaults.get(path) == value
                                 and not self._filled_besides(path, values)):
                continue  # a default alone does not make a person (an absent father)
            put(result, path, value)
        lunar = [note.as_json() for path, editor in self.editors.items()
                 if isinstance(editor, LunarDateField) and (note := editor.note(path))]
        if lunar:
            result["lunar_dates"] = lunar
        return result

    def _reference_year(self) -> int | None:
        """The year a Can Chi year is read against: the book's, else the registration's."""
        for path in ("source.year", "registered_on"):
            editor = self.editors.get(path)
            value = editor.value() if editor is not None else None  # type: ignore[attr-defined]
            text = str(value or "")[:4]
            if text.isdigit():
                return int(text)
        return None

    def _filled_besides(self, path: str, values: dict[str, object]) -> bool:
        """Whether the person or object holding ``path`` has a value typed in another field."""
        owner = path.rpartition(".")[0]
        return any(v is not None and p != path and p.startswith(f"{owner}.")
                   and self._defaults.get(p) != v for p, v in values.items())

    def set_data(self, data: dict[str, object]) -> None:
        for path in self._kinds:
            held = get(data, path)
            is_organisation = (isinstance(held, dict) and "name" in held
                               and "full_name" not in held)
            self.set_kind(path, "organisation" if is_organisation else "person")
        for path, editor in self.editors.items():
            value = get(data, path)
            editor.blockSignals(True)
            editor.set_value(value)  # type: ignore[attr-defined]
            editor.blockSignals(False)
            if value not in (None, ""):
                self._open_to(path)
        for path, note in lunar_notes(data).items():
            editor = self.editors.get(path)
            if isinstance(editor, LunarDateField) and isinstance(note.get("as_written"), str):
                editor.set_lunar(str(note["as_written"]))

    def _open_to(self, path: str) -> None:
        parent = path.rpartition(".")[0]
        while parent:
            section = self._sections.get(parent)
            if section is not None:
                section.set_expanded(True)
            parent = parent.rpartition(".")[0]

    # -- issues ---------------------------------------------------------------------------
    def target_of(self, path: str) -> str:
        """The field or object that shows an issue reported at ``path``."""
        current = re.sub(r"\[\d+\]", "", path)
        while current and current not in self._messages:
            current = current.rpartition(".")[0]
        return current

    def show_issues(self, issues: list[Issue], describe: Callable[[Issue], str]) -> None:
        for label in self._messages.values():
            label.clear()
            label.setToolTip("")
            label.setVisible(bool(label.property("reserved")))
        shown: dict[str, list[tuple[Issue, str]]] = {}
        for issue in issues:
            if issue.is_error or issue.is_warning:
                shown.setdefault(self.target_of(issue.field), []).append(
                    (issue, describe(issue)))
        for path, items in shown.items():
            label = self._messages.get(path)
            if label is None:
                continue
            has_error = any(i.is_error for i, _ in items)
            label.setStyleSheet(ERROR_STYLE if has_error else WARNING_STYLE)
            texts = list(dict.fromkeys(text for _, text in items))  # the same one once
            label.setText("; ".join(texts))  # on one line while it fits
            label.setToolTip("\n".join(texts))
            label.show()
            self._open_to(path + ".x")

    def error_text(self, path: str) -> str:
        label = self._messages.get(path)
        return label.text() if label is not None else ""

    def focus_first(self) -> None:
        for editor in self.editors.values():
            if editor.isVisibleTo(self):
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def focus_field(self, path: str) -> None:
        target = self.target_of(path)
        self._open_to(target + ".x")
        editor = self.editors.get(target)
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
