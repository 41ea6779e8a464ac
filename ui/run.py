"""Starting the desktop: the application object, the login, then the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.clock import SystemClock
from desktop_app.errors import NotInitialisedError
from desktop_app.messages import Catalogue
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


def run_gui(paths: DataPaths, catalogue: Catalogue) -> int:
    if not paths.keyfile.exists():
        raise NotInitialisedError()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Hộ Tịch Offline")
    services = AppServices(paths=paths, clock=SystemClock(), catalogue=catalogue)
    runner = TaskRunner()
    login = LoginDialog(services, runner)
    try:
        if login.exec() != QDialog.DialogCode.Accepted or login.session is None:
            return 0
        window = MainWindow(services, login.session)
        window.show()
        return int(app.exec())
    finally:
        runner.wait_all()
