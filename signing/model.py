"""Inputs of extract rendering that the system sets (not typed by the officer).

Both are the core's types, as the extract port carries them (desktop_app.ports,
desktop_app.domain.notes): signing renders what it is sent, with no copy to convert to.
"""

from __future__ import annotations

from desktop_app.domain.notes import Note
from desktop_app.ports import ExtractInfo

__all__ = ["ChangeNote", "ExtractInfo"]

# One line of Ghi chú: a later registered change or act of this record (TT04 Arts 31.9, 35).
ChangeNote = Note
