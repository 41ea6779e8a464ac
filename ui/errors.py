"""The one place where the UI turns errors into short messages (Vietnamese by default).

Known errors carry a code and data and are worded from the message catalogues. Anything else
is an incident (desktop_app.incidents): logged with its traceback, without exception
messages, and shown as a short message naming its id. Never a traceback or ``repr(e)``.

Every ``on_error`` of background work goes through here: shown where the work's result would
have appeared (a page's message line, the status bar), or, for work nobody waits for, at
least logged (:func:`logged`). Errors that escape everything (a slot that raised, a thread
that died) reach :class:`IncidentNotifier` through sys.excepthook and threading.excepthook.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Callable, Mapping
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QStatusBar, QWidget

from desktop_app.errors import HotichError
from desktop_app.incidents import report_incident
from desktop_app.messages import Catalogue, render

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 15_000


def incident(error: BaseException, where: str = "desktop") -> str:
    """Log an unexpected error without personal data; the id to show the user."""
    return report_incident(error, where, log)


_PLACEHOLDER = re.compile(r"\s*\{[a-z_]+\}")
# Where a message's first words say too little once its data is left out.
_TITLES_VI = {
    "W-ETHNIC": "Dân tộc cần kiểm tra",
    "W-GUARDIAN-ELIG": "Điều kiện của người giám hộ cần kiểm tra",
    "W-CHANGE-FROM": "Nội dung cũ khác với hồ sơ gốc",
    "W-GUARD-ONE": "Người này đang được giám hộ",
    "W-GUARD-TERM-ENDED": "Việc giám hộ đã được chấm dứt",
    "W-GUARD-TERM-NOT-ACTIVE": "Không phải việc giám hộ còn hiệu lực",
    "W-ID-CENTURY": "Số định danh không khớp giới tính hoặc thế kỷ sinh",
    "W-ID-YEAR": "Số định danh không khớp năm sinh",
    "W-LEGACY-ORDER": "Sổ cũ: thứ tự các ngày không hợp lý",
    "W-LEGACY-MISSING": "Sổ cũ thiếu thông tin",
    "W-LEGACY-NO-NUMBER": "Sổ cũ không ghi số",
    "W-LEGACY-ILLEGIBLE": "Thông tin không đọc được trong sổ cũ",
    "W-RECOG-OTHER-PARENT": "Giấy khai sinh của người con đã ghi cha, mẹ khác",
    "W-NAME-LONG": "Tên dài bất thường",
    "W-NAME-CHARS": "Tên có ký tự không phải chữ cái",
    "W-ADDRESS-LEGACY": "Địa danh trước năm 2025, đã chuyển sang địa giới mới",
}


def rule_title(code: str, catalogue: Catalogue, lang: str = "vi") -> str:
    """A warning's words without its data, from its own message: "W-KS-LATE" -> "Đăng ký
    khai sinh quá hạn" (the code itself is for tooltips)."""
    code = code.partition("@")[0]
    texts = catalogue.get(code)
    if lang == "vi" and code in _TITLES_VI:
        return _TITLES_VI[code]
    if texts is None:
        return "Cảnh báo" if lang == "vi" else "Warning"
    text = (texts[0] if lang == "vi" else texts[1]).removeprefix("{field}: ")
    text = _PLACEHOLDER.sub("", re.split(r"[:(.;]", text, maxsplit=1)[0]).strip(" ,")
    return text[:1].upper() + text[1:]


def _rules_shown(rules: object, catalogue: Catalogue, lang: str) -> str:
    """Warnings by their words; errors counted (the panel beside the form lists them)."""
    codes = [str(r) for r in rules] if isinstance(rules, (list, tuple)) else [str(rules)]
    if codes and all(c.startswith("W-") for c in codes):
        return "; ".join(dict.fromkeys(rule_title(c, catalogue, lang) for c in codes))
    errors = all(c.startswith("E-") for c in codes)
    if lang == "vi":
        return f"{len(codes)} {'lỗi' if errors else 'lỗi, cảnh báo'}"
    return f"{len(codes)} {'error(s)' if errors else 'issue(s)'}"


def screen_params(params: Mapping[str, object], catalogue: Catalogue, lang: str
                  ) -> dict[str, object]:
    """An error's data worded for the screen: statuses, roles and procedures by their
    labels, warnings by their words, errors counted, a record's id never (the command line
    prints them as they are: scripts read them)."""
    from ui.labels import role_label, status_label, type_label

    shown = dict(params)
    for key in ("status", "from_status", "to_status"):
        if isinstance(shown.get(key), str):
            shown[key] = status_label(str(shown[key]), lang)
    if isinstance(shown.get("role"), str):
        shown["role"] = role_label(str(shown["role"]), lang)
    if isinstance(shown.get("record_type"), str):
        shown["record_type"] = type_label(str(shown["record_type"]), lang)
    if "rules" in shown:
        shown["rules"] = _rules_shown(shown["rules"], catalogue, lang)
    if "record_id" in shown:
        shown["record_id"] = "này" if lang == "vi" else "(this one)"
    return shown


def message_for(error: BaseException, catalogue: Catalogue, lang: str = "vi",
                where: str = "desktop") -> str:
    if isinstance(error, HotichError):
        return render(error.code, screen_params(error.params, catalogue, lang), catalogue=catalogue,
                      lang=lang)
    return render("E-INCIDENT", {"incident": incident(error, where)}, catalogue=catalogue,
                  lang=lang)


def logged(where: str) -> Callable[[BaseException], None]:
    """An ``on_error`` for work whose result nobody waits for (warming a cache, closing a
    session at exit): the error is kept in the log, nothing is shown."""

    def handler(error: BaseException) -> None:
        if isinstance(error, HotichError):
            log.warning("%s failed: %s", where, error.code)
        else:
            incident(error, where)

    return handler


def show_in_status(bar: QStatusBar, error: BaseException, catalogue: Catalogue,
                   lang: str = "vi", where: str = "desktop") -> str:
    """The error in the status bar for a while (background work of the window: the queue
    count, the update check); returns the text shown."""
    text = message_for(error, catalogue, lang, where)
    if isinstance(error, HotichError):
        log.warning("%s failed: %s", where, error.code)
    bar.showMessage(text, STATUS_MESSAGE_MS)
    return text


def show_error(parent: QWidget | None, error: BaseException, catalogue: Catalogue,
               lang: str = "vi") -> str:
    """A short modal message box; returns the text shown (tests read it)."""
    text = message_for(error, catalogue, lang)
    box = QMessageBox(QMessageBox.Icon.Warning, "Hộ Tịch Offline", text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()
    return text


# -- errors that escaped: excepthooks -------------------------------------------------------
class IncidentNotifier(QObject):
    """Shows escaped errors: one non-modal message box naming the incident ids.

    The hooks may run on any thread and inside any event loop (a dialog's exec, a nested
    loop): they only log and emit; the box is shown by the GUI thread, never with exec(), and
    one box collects the ids of errors that follow each other.
    """

    reported = Signal(str)  # the incident id, queued to the GUI thread

    def __init__(self, catalogue: Catalogue, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.lang = lang
        self.box: QMessageBox | None = None
        self.incidents: list[str] = []
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous: tuple[object, object] | None = None

    # The hooks ---------------------------------------------------------------------------
    def excepthook(self, kind: type[BaseException], error: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started us
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        self.reported.emit(incident(error, "desktop (unhandled)"))

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        where = f"thread {args.thread.name}" if args.thread is not None else "thread"
        self.reported.emit(incident(args.exc_value, where))

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    # The box -----------------------------------------------------------------------------
    def text(self) -> str:
        return render("E-INCIDENT", {"incident": ", ".join(self.incidents)},
                      catalogue=self.catalogue, lang=self.lang)

    def _show(self, incident_id: str) -> None:
        self.incidents.append(incident_id)
        if self.box is None:
            parent = QApplication.activeWindow()
            box = QMessageBox(QMessageBox.Icon.Warning, "Hộ Tịch Offline", "",
                              QMessageBox.StandardButton.Ok, parent)
            box.setObjectName("incidentBox")
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(self._closed)
            box.destroyed.connect(self._closed)
            self.box = box
        self.box.setText(self.text())
        self.box.show()

    def _closed(self, *_args: object) -> None:
        self.box = None
        self.incidents = []
