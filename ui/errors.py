"""The one place where the UI turns errors into short Vietnamese messages."""

from __future__ import annotations

import logging
import uuid

from desktop_app.errors import HotichError
from desktop_app.messages import Catalogue, render

log = logging.getLogger(__name__)


def message_for(error: BaseException, catalogue: Catalogue, lang: str = "vi") -> str:
    if isinstance(error, HotichError):
        return render(error.code, error.params, catalogue=catalogue, lang=lang)
    incident = uuid.uuid4().hex[:8]
    log.error("incident %s: %s", incident, type(error).__name__,
              exc_info=(type(error), error, error.__traceback__))
    return render("E-INCIDENT", {"incident": incident}, catalogue=catalogue, lang=lang)
