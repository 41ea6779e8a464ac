"""The one place where the UI turns errors into short messages (Vietnamese by default).

Known errors carry a code and data and are worded from the message catalogues. Anything else
is logged with an incident id and shown as a short message naming that id: the log holds the
exception type and where it happened (file, line, function), never its message or the values
involved, which could be personal data.
"""

from __future__ import annotations

import logging
import traceback
import uuid

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.errors import HotichError
from desktop_app.messages import Catalogue, render

log = logging.getLogger(__name__)


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    return " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}"
                       for f in reversed(frames[-6:]))


def incident(error: BaseException) -> str:
    """Log an unexpected error without personal data; the id to show the user."""
    ident = uuid.uuid4().hex[:8]
    log.error("incident %s: %s at %s", ident, type(error).__name__, _where(error))
    return ident


def message_for(error: BaseException, catalogue: Catalogue, lang: str = "vi") -> str:
    if isinstance(error, HotichError):
        return render(error.code, error.params, catalogue=catalogue, lang=lang)
    return render("E-INCIDENT", {"incident": incident(error)}, catalogue=catalogue, lang=lang)


def show_error(parent: QWidget | None, error: BaseException, catalogue: Catalogue,
               lang: str = "vi") -> str:
    """A short modal message box; returns the text shown (tests read it)."""
    text = message_for(error, catalogue, lang)
    box = QMessageBox(QMessageBox.Icon.Warning, "Hộ Tịch Offline", text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()
    return text
