"""PySide6 widgets; they talk to desktop_app workflows, never to SQL."""

