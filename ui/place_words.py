"""A place as an old book writes it, described in one line for the form: the 2025 commune it
became, or only its 2025 province (an old province wholly in one, or no commune named), or
the provinces a split one now lies in. Run off the GUI thread (the first look-up loads the
gazetteers)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.addresses import resolve_place
from ui.widgets.inputs import commune_display


def place_description(text: str) -> str:
    """"" when nothing of 2025 can be told."""
    found = resolve_place(text)
    if found is None:
        return ""
    if found.commune is not None:
        return commune_display(found.commune.commune_code)
    if found.province is not None:
        return QCoreApplication.translate(
            "PlaceWords", "%1 (the province only: the commune cannot be told)").replace(
                "%1", found.province.name)
    if found.candidates and found.old_name:
        return QCoreApplication.translate(
            "PlaceWords", "%1: now in %2 (which one cannot be told)").replace(
                "%1", found.old_name).replace(
                    "%2", " / ".join(p.name for p in found.candidates))
    return ""
