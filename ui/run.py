"""Starting the desktop: the application object, the translation, the login, the main window.

``run_gui`` takes the hooks (signing, extract preview, certificate import, sync) from the
composition root; logging out (after a restore) comes back to the login window.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.clock import SystemClock
from desktop_app.errors import NotInitialisedError
from desktop_app.messages import Catalogue
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.settings import LocalSettings
from ui import i18n
from ui.context import UiContext, UiHooks
from ui.errors import IncidentNotifier
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.widgets.progress import PercentStyle


def application() -> QApplication:
    # Qt's own file, colour and font dialogs rather than the system's (GTK portal, Windows,
    # macOS): those follow the system's language, not the app's, and Qt cannot translate them;
    # Qt's are Vietnamese through ui/qt_strings.py. (Windows has no Qt print dialog: its
    # print dialog stays the system's, in the language of Windows.)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Hộ Tịch Offline")
    app.setOrganizationName("hotich")
    app.setDesktopFileName("hotich-offline")  # matches the menu entry (and its icon)
    if not isinstance(app.style(), PercentStyle):
        app.setStyle(PercentStyle())  # "45 %" on every progress bar (the app owns the style)
    return app  # type: ignore[return-value]


def settle_heap() -> None:
    """Once the window is up, what is alive (modules, widgets, caches) lives as long as the
    program: it is moved out of the collector's reach, so that full collections, which stop
    every thread, scan only what the work creates (bench_gui: the longest stall of the window
    fell from ~59 to ~28 ms)."""
    gc.collect()
    gc.freeze()


def make_login(services: AppServices, runner: TaskRunner, lang: str) -> LoginDialog:
    login = LoginDialog(services, runner, lang=lang)

    def switch(chosen: str) -> None:
        login.lang = i18n.install(chosen)
        login.retranslate()

    login.language_chosen.connect(switch)
    return login


def install_incident_hooks(catalogue: Catalogue, lang: str = "vi") -> IncidentNotifier:
    """Errors that escape a slot or a thread become incidents shown in a message box
    (sys.excepthook, threading.excepthook); ``uninstall()`` puts the previous hooks back."""
    notifier = IncidentNotifier(catalogue, lang, QApplication.instance())
    notifier.install()
    return notifier


def run_gui(paths: DataPaths, catalogue: Catalogue, hooks: UiHooks | None = None) -> int:
    if not paths.keyfile.exists():
        raise NotInitialisedError()
    app = application()
    notifier = install_incident_hooks(catalogue)
    services = AppServices(paths=paths, clock=SystemClock(), catalogue=catalogue)
    try:
        while True:
            lang = i18n.install(LocalSettings.load(paths.root).language)
            notifier.lang = lang
            runner = TaskRunner()
            login = make_login(services, runner, lang)
            login.language_chosen.connect(  # after make_login's switch: login.lang is set
                lambda _chosen, dialog=login: setattr(notifier, "lang", dialog.lang))
            try:
                if login.exec() != QDialog.DialogCode.Accepted or login.session is None:
                    return 0
                notifier.lang = login.lang
                ctx = UiContext(services, runner, login.session, hooks or UiHooks(),
                                login.lang)
                window = MainWindow(ctx)
                # The desktop sits idle between an officer's acts: the search index is
                # merged then (desktop_app/store/index_merger.py).
                login.session.store.merge_index_when_idle()
                logged_out: list[bool] = []
                window.logged_out.connect(lambda flags=logged_out: flags.append(True))
                window.show()
                settle_heap()
                code = int(app.exec())
                if not logged_out:
                    return code
            finally:
                runner.shutdown()
    finally:
        notifier.uninstall()
