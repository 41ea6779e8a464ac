"""Fields of a historical form marked "không đọc được" (illegible), one action per field.

Marking clears what the field held and tints it; typing into it again takes the mark off (the
officer read it after all). The marks are the form's own ``illegible`` list, so what the core
receives is the domain's (``desktop_app.domain.illegible``): nothing is ever invented.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.fields import field_label
from desktop_app.domain.illegible import ILLEGIBLE, mark
from desktop_app.domain.types import JSONObject
from ui.widgets.record_form import RecordForm

MARKED_STYLE = "background: #fff3cd; color: #6b4f00"
FLAGS_PATH = "illegible"


class IllegibleMarks(QObject):
    changed = Signal()

    def __init__(self, form: RecordForm, lang: str) -> None:
        super().__init__(form)
        self._form = form
        self._lang = lang
        self.paths: set[str] = set()
        for path, editor in form.editors.items():
            if path != FLAGS_PATH:
                editor.edited.connect(  # type: ignore[attr-defined]
                    lambda path=path: self._typed_into(path))
        flags = form.editors.get(FLAGS_PATH)
        if flags is not None:
            flags.edited.connect(self._flags_typed)  # type: ignore[attr-defined]

    def path_of(self, widget: QWidget | None) -> str | None:
        """The form field a widget (the focused one, say) belongs to."""
        editors = {id(e): p for p, e in self._form.editors.items()}
        while widget is not None:
            if id(widget) in editors:
                return editors[id(widget)]
            widget = widget.parentWidget()
        return None

    def toggle_focused(self) -> str | None:
        """Mark (or unmark) the field that has the focus; its path, or None."""
        path = self.path_of(QApplication.focusWidget())
        if path is None or path == FLAGS_PATH:
            return None
        self.set_marked(path, path not in self.paths)
        return path

    def set_marked(self, path: str, marked: bool) -> None:
        editor = self._form.editors.get(path)
        if editor is None:
            return
        if marked:
            self.paths.add(path)
            editor.blockSignals(True)
            editor.set_value(None)  # type: ignore[attr-defined]
            editor.blockSignals(False)
        else:
            self.paths.discard(path)
        self._show(path)
        self._write_flags()
        self.changed.emit()

    def _show(self, path: str) -> None:
        editor = self._form.editors[path]
        marked = path in self.paths
        editor.setStyleSheet(MARKED_STYLE if marked else "")
        editor.setProperty("illegible", marked)
        editor.setToolTip(ILLEGIBLE.get(self._lang, ILLEGIBLE["vi"]) if marked else "")
        if hasattr(editor, "setPlaceholderText") and not path.endswith(("_on", "date")):
            editor.setPlaceholderText(ILLEGIBLE.get(self._lang, ILLEGIBLE["vi"])
                                      if marked else "")

    def _write_flags(self) -> None:
        flags = self._form.editors.get(FLAGS_PATH)
        if flags is not None:
            flags.set_value(sorted(self.paths))  # type: ignore[attr-defined]

    def _typed_into(self, path: str) -> None:
        editor = self._form.editors[path]
        if path in self.paths and editor.value() is not None:  # type: ignore[attr-defined]
            self.set_marked(path, False)

    def _flags_typed(self) -> None:
        """The list typed by hand (paths separated by commas) is the marks too."""
        flags = self._form.editors[FLAGS_PATH].value()  # type: ignore[attr-defined]
        typed = {p for p in flags or [] if p in self._form.editors}
        for path in self.paths ^ typed:
            self.paths.symmetric_difference_update({path})
            self._show(path)
        self.changed.emit()

    def load(self, data: JSONObject) -> None:
        """The marks of data shown in the form (an entry keyed before)."""
        flags = data.get(FLAGS_PATH)
        for path in list(self.paths):
            self.paths.discard(path)
            if path in self._form.editors:
                self._show(path)
        for path in flags if isinstance(flags, list) else []:
            if isinstance(path, str) and path in self._form.editors:
                self.paths.add(path)
                self._show(path)
        self.changed.emit()

    def data(self) -> JSONObject:
        """The form's data with every marked field kept as illegible."""
        data: JSONObject = dict(self._form.data())  # type: ignore[arg-type]
        data.pop(FLAGS_PATH, None)
        for path in sorted(self.paths):
            data = mark(data, path)
        return data

    def summary(self) -> str:
        if not self.paths:
            return ""
        labels = sorted(field_label(self._form.rtype, p, self._lang) or p for p in self.paths)
        return QCoreApplication.translate("IllegibleMarks", "Illegible: %1").replace(
            "%1", "; ".join(labels))
