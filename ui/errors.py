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
import sys
import threading
from collections.abc import Callable
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


def message_for(error: BaseException, catalogue: Catalogue, lang: str = "vi",
                where: str = "desktop") -> str:
    if isinstance(error, HotichError):
        return render(error.code, error.params, catalogue=catalogue, lang=lang)
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
