"""PySide6 widgets; they talk to desktop_app workflows, never to SQL."""

from ui import pyside_compat as _pyside_compat  # noqa: F401 - before any Qt call
