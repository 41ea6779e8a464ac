"""One input widget per field kind of the domain. Each has ``value()`` (the canonical JSON
value, None when empty), ``set_value(v)`` and the ``edited`` signal."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cache

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import commune, search_communes
from desktop_app.domain.ethnicity import ethnic_groups
from desktop_app.domain.text import fold_for_search
from desktop_app.domain.vocabulary import Vocabulary, label_or_code, labels
from ui.widgets.typed_dates import from_iso, to_iso, to_iso_time

_ISO_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")
_CODE_AT_END = re.compile(r"\(([A-Za-z0-9]{2,6})\)\s*$")


class TextField(QLineEdit):
    """A short input; Enter moves on to the next field (Ctrl+Enter still submits)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(lambda _t: self.edited.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        popup = self.completer().popup() if self.completer() is not None else None
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)
                and not (popup is not None and popup.isVisible())):
            self.focusNextChild()  # the page's own chain (RegistrationPage)
            return
        super().keyPressEvent(event)

    def value(self) -> object | None:
        text = self.text()
        return text if text.strip() else None

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else str(value))


class RecordIdField(TextField):
    """The record a reference points at. Once chosen in the picker (or known when a draft
    opens) it shows as people name it ("Khai sinh Nguyễn Văn An, số 12"), its id kept as
    the value and in the tooltip for support staff; an id typed by hand stays as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id: str | None = None
        self._shown = ""

    def show_record(self, record_id: str, name: str) -> None:
        self._id, self._shown = record_id, name
        self.setText(name)
        self.setCursorPosition(0)
        self.setToolTip(record_id)

    def value(self) -> object | None:
        text = self.text().strip()
        if self._id is not None and text == self._shown:
            return self._id
        return text or None

    def set_value(self, value: object) -> None:
        if value is not None and value == self._id:
            return  # the same record: its name stays
        self._id, self._shown = None, ""
        self.setToolTip("")
        super().set_value(value)


FIRST_BOOK_YEAR = 1945  # the civil-status books of the Democratic Republic began in 1945


def number_range(name: str, today: date | None = None) -> tuple[int, int]:
    """What a numeric input takes: the books' years (1945 to this year), an age in years."""
    if name == "year":
        return FIRST_BOOK_YEAR, (today or date.today()).year
    if name == "age_at_event":
        return 0, 150
    return 0, 99999


class _RangeValidator(QValidator):
    """Digits only; a number above the top is refused as it is typed (QIntValidator lets
    "3000" stand as "intermediate"); one below the bottom may still grow into range."""

    def __init__(self, bounds: tuple[int, int], parent: QWidget) -> None:
        super().__init__(parent)
        self.bounds = bounds

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text:
            return QValidator.State.Intermediate, text, pos
        if not text.isdigit() or int(text) > self.bounds[1]:
            return QValidator.State.Invalid, text, pos
        if int(text) < self.bounds[0]:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


class IntegerField(TextField):
    """A whole number in ``bounds``; typing outside them is refused, and a number left
    unfinished ("19" for a year) is handed over as typed so the core reports it."""

    def __init__(self, bounds: tuple[int, int] = (0, 99999),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bounds = bounds
        self.setValidator(_RangeValidator(bounds, self))
        self.setMaxLength(len(str(bounds[1])))
        self.setMaximumWidth(120)
        self.setToolTip(QCoreApplication.translate("Inputs", "From %1 to %2").replace(
            "%1", str(bounds[0])).replace("%2", str(bounds[1])))

    def value(self) -> object | None:
        text = self.text().strip()
        if not text:
            return None
        if text.isdigit() and self.bounds[0] <= int(text) <= self.bounds[1]:
            return int(text)
        return text


class PathsField(TextField):
    """Field paths separated by commas (illegible flags of historical entries)."""

    def value(self) -> object | None:
        items = [p.strip() for p in self.text().split(",") if p.strip()]
        return items or None

    def set_value(self, value: object) -> None:
        self.setText(", ".join(value) if isinstance(value, list) else "")


class DateField(TextField):
    """dd/mm/yyyy, mm/yyyy or yyyy (partial dates where the law allows them)."""

    def __init__(self, *, with_time: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._with_time = with_time
        self.setPlaceholderText(
            QCoreApplication.translate("Inputs", "dd/mm/yyyy hh:mm") if with_time
            else QCoreApplication.translate("Inputs", "dd/mm/yyyy"))
        self.setToolTip(QCoreApplication.translate(
            "Inputs", "Type the day, month and year (15/03/2025); month and year "
            "(03/2025) or the year alone (2025) when only that is known."))
        self.setMaximumWidth(180)
        self.editingFinished.connect(self._show_as_date)

    def _show_as_date(self) -> None:
        """On leaving the field, a date typed as "25112026" or "5.3.2025" shows as the form
        shows dates (25/11/2026, 05/03/2025): the officer sees what was read. Text that is
        not a date stays as typed, for the check to name; a lunar date (LunarDateField) stays
        as the book writes it."""
        is_lunar = getattr(self, "is_lunar", None)
        if callable(is_lunar) and is_lunar():
            return
        value = DateField.value(self)
        if isinstance(value, str) and _ISO_VALUE.match(value):
            shown = from_iso(value)
            if shown != self.text():
                self.setText(shown)

    def value(self) -> object | None:
        text = self.text().strip()
        if not text:
            return None
        return to_iso_time(text) if self._with_time else to_iso(text)

    def set_value(self, value: object) -> None:
        self.setText(from_iso(value))


class QuietComboBox(QComboBox):
    """A drop-down that the mouse wheel changes only once it has focus: scrolling the long
    form over it scrolls the form (else the father's sex silently became "Nữ")."""

    def __init__(self, parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(parent, **kwargs)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus
        # A long choice never widens the form past the window (a sideways scroll bar).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # on to the scroll area


class SelectField(QuietComboBox):
    edited = Signal()

    def __init__(self, choices: tuple[str, ...], lang: str,
                 vocabulary: Vocabulary | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("", None)
        for choice in choices:
            self.addItem(label_or_code(vocabulary, choice, lang), choice)
        self.activated.connect(lambda _i: self.edited.emit())

    def value(self) -> object | None:
        return self.currentData()

    def set_value(self, value: object) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


class BoolField(QCheckBox):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggled.connect(lambda _c: self.edited.emit())

    def value(self) -> object | None:
        return True if self.isChecked() else None

    def set_value(self, value: object) -> None:
        self.setChecked(value is True)


def _words(text: str) -> str:
    """A search key of whole words: "Ê-đê" -> "e de" (a hyphen parts words, as a space)."""
    return " ".join(fold_for_search(text).replace("-", " ").split())


class FoldedCompletion(QObject):
    """Completion that ignores case, diacritics, hyphens and spaces, as the officer types:
    "viet" offers "Việt Nam (VN)", "ede" and "e de" offer "Ê-đê" (QCompleter alone matches
    marks exactly). Names that begin with the text come first, then those with a word that
    does, then those that contain it. ``aliases`` are other spellings that find an item
    without being offered themselves ("Ê Đê" finds "Ê-đê"): one spelling a thing, so one
    family is not written two ways."""

    LIMIT = 30

    def __init__(self, field: QLineEdit, items: list[str],
                 aliases: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(field)
        self._field = field
        self._items = [(item, [_words(key) for key in (item, *(aliases or {}).get(item, ()))])
                       for item in items]
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, field)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        field.setCompleter(self.completer)
        field.textEdited.connect(self.filter)

    def matches(self, text: str) -> list[str]:
        query = _words(text)
        if not query:
            return []
        compact = query.replace(" ", "")
        tiers: tuple[list[str], list[str], list[str]] = ([], [], [])
        for item, keys in self._items:
            squeezed = [key.replace(" ", "") for key in keys]
            if any(key.startswith(compact) for key in squeezed):
                tiers[0].append(item)  # the name begins so: "ra" -> Ra-glai first
            elif any(f" {query}" in f" {key}" for key in keys):
                tiers[1].append(item)  # one of its words does: "ra" -> Gia-rai
            elif any(compact in key for key in squeezed):
                tiers[2].append(item)
        return [*tiers[0], *tiers[1], *tiers[2]][:self.LIMIT]

    def filter(self, text: str) -> None:
        found = self.matches(text)
        self.model.setStringList(found)
        if found and self._field.hasFocus():
            self.completer.complete()  # the list of this text, not the one before


class EthnicityField(TextField):
    """The 54 groups (and foreigners) offered once each, by their name in the official list
    (Quyết định 121-TCTK/PPCĐ: "Ê-đê"); the common spelling ("Ê Đê") finds it too. What the
    officer types is kept as typed (the papers' spelling): the core takes either."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        groups = ethnic_groups()
        self.completion = FoldedCompletion(
            self, [g.official_name for g in groups],
            {g.official_name: [g.common_spelling] for g in groups
             if g.common_spelling != g.official_name})


@cache
def country_items(lang: str) -> tuple[str, ...]:
    """"Việt Nam (VN)", ... then every other territory Qt knows, by ISO 3166 code."""
    # The nationalities the extracts print by name come first, in the extracts' words.
    named = labels(Vocabulary.NATIONALITY) if lang == "vi" else {}
    items = [f"{name} ({code})" for code, name in named.items()]
    seen = set(named)
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha() and code not in seen:
            seen.add(code)
            items.append(f"{QLocale.territoryToString(territory)} ({code})")
    return tuple(items)


def country_name(code: str, lang: str) -> str:
    """A country by name ("Lào", "Brazil"), the code itself when it names none."""
    for item in country_items(lang):
        m = _CODE_AT_END.search(item)
        if m and m.group(1) == code.upper():
            return item[:m.start()].strip()
    return code


@cache
def _countries_by_name() -> dict[str, str]:
    """Each country's name, folded (no accents, no case), to its code; a name two codes
    share is left out rather than guessed."""
    found: dict[str, str | None] = {}
    for lang in ("vi", "en"):
        for item in country_items(lang):
            m = _CODE_AT_END.search(item)
            if m:
                name = fold_for_search(item[:m.start()].strip())
                found[name] = m.group(1) if found.get(name, m.group(1)) == m.group(1) else None
    return {name: code for name, code in found.items() if code}


def country_code(text: str) -> str | None:
    """The code of a country typed by name without the completer ("Việt Nam", "viet nam",
    "Lào"); None when the name names no country."""
    return _countries_by_name().get(fold_for_search(text.strip()))


class CountryField(TextField):
    """ISO 3166-1 alpha-2 code ("VN"), completed from names; a name typed in full without
    picking from the list is stored as its code too."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        items = country_items(lang)
        # A country's other name finds it too ("United States" finds "Hoa Kỳ (US)"): the
        # officer types what the papers say; one item a country is offered.
        other = {m.group(1): item[:m.start()].strip() for item in country_items("en")
                 if (m := _CODE_AT_END.search(item))}
        aliases = {item: [other[m.group(1)]] for item in items
                   if (m := _CODE_AT_END.search(item)) and m.group(1) in other}
        self.completion = FoldedCompletion(self, list(items), aliases)
        self._shown = {m.group(1): item for item in items if (m := _CODE_AT_END.search(item))}

    def value(self) -> object | None:
        text = self.text().strip()
        m = _CODE_AT_END.search(text)
        if m:
            return m.group(1).upper()
        if len(text) == 2 and text.isalpha():
            return text.upper()
        return country_code(text) or text or None  # an unknown name stays as typed

    def set_value(self, value: object) -> None:
        """A code shows in words: "Việt Nam (VN)", not "VN"."""
        text = "" if value is None else str(value)
        self.setText(self._shown.get(text.upper(), text))


def commune_display(code: str) -> str:
    found = commune(code)
    return f"{found.name}, {found.province_name} ({found.code})" if found else code


class CommuneField(TextField):
    """A 2025 commune: completion by name (diacritics optional) or code; stores the code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self.setPlaceholderText(QCoreApplication.translate("Inputs", "commune name or code"))
        self.textEdited.connect(self._complete)

    def _complete(self, text: str) -> None:
        if _CODE_AT_END.search(text) or len(text.strip()) < 2:
            return
        self._model.setStringList([f"{c.name}, {c.province_name} ({c.code})"
                                   for c in search_communes(text, limit=15)])

    def value(self) -> object | None:
        text = self.text().strip()
        if not text:
            return None
        m = _CODE_AT_END.search(text)
        if m:
            return m.group(1)
        if text.isdigit():
            return text.zfill(5)
        matches = search_communes(text, limit=2)
        return matches[0].code if len(matches) == 1 else text

    def set_value(self, value: object) -> None:
        self.setText(commune_display(str(value)) if value else "")


class LegacyAddressField(QWidget):
    """A pre-2025 address as written; the converted 2025 commune shows as you type.

    ``convert`` runs the (slow on first use) conversion off the GUI thread and calls back
    with a one-line description, or "" when the text names no known pre-2025 commune; or,
    when the conversion itself failed, with the message saying so.
    """

    edited = Signal()

    def __init__(self, convert: Callable[[str, Callable[[str], None], Callable[[str], None]],
                                         None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._convert = convert
        self.line = TextField(self)
        self.line.setPlaceholderText(QCoreApplication.translate(
            "Inputs", "e.g. xã Ea Tu, TP Buôn Ma Thuột, tỉnh Đắk Lắk"))
        self.converted = QLabel(self)
        self.converted.setObjectName("legacyConverted")
        self.converted.setWordWrap(True)
        self.converted.setStyleSheet("color: #1b5e20")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.line)
        layout.addWidget(self.converted)
        self.converted.hide()
        self.setFocusProxy(self.line)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._run)
        self.line.edited.connect(self._timer.start)
        self.line.edited.connect(self.edited)
        self._asked = ""

    def _run(self) -> None:
        text = self.line.text().strip()
        self._asked = text
        if not text:
            self.converted.hide()
            return
        self._convert(text, lambda shown, asked=text: self._show(asked, shown),
                      lambda message, asked=text: self._show(asked, message, failed=True))

    def _show(self, asked: str, shown: str, *, failed: bool = False) -> None:
        if asked != self._asked:
            return  # an older answer
        if failed:  # not "not recognised": the conversion could not run
            self.converted.setStyleSheet("color: #8b0000")
            self.converted.setText(shown)  # in dark red; no "⚠": the bundled font lacks it
        else:
            self.converted.setStyleSheet("color: #1b5e20")
            self.converted.setText(f"→ {shown}" if shown else QCoreApplication.translate(
                "Inputs", "Not recognised as a pre-2025 address"))
        self.converted.show()

    def value(self) -> object | None:
        return self.line.value()

    def set_value(self, value: object) -> None:
        self.line.set_value(value)
        self._run()
