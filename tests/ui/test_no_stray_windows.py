"""Opening the main window shows one window, for every role: a widget made visible before it
has a parent flashes up as a window of its own (the bundle's smoke test saw a button)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_idle
from ui.main_window import MainWindow


class _WindowsShown(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            self.names.append(obj.objectName() or type(obj).__name__)
        return False


@pytest.mark.parametrize("username", ["admin", "chutich", "canbo"])
def test_main_window_is_the_only_window_shown(qtbot: QtBot, office, runner, username: str
                                              ) -> None:
    spy = _WindowsShown()
    app = QApplication.instance()
    app.installEventFilter(spy)
    try:
        window = MainWindow(office.ctx(username))
        qtbot.addWidget(window)
        window.show()
        wait_idle(qtbot, runner)
    finally:
        app.removeEventFilter(spy)
    assert spy.names == ["MainWindow"]
