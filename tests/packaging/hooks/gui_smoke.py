"""PyInstaller runtime hook for test bundles: an unattended smoke run of `hotich gui`.

Release bundles never contain it (it logs in from environment variables): the packaging test
and bench/bench_bundle.py build theirs with
``installer/build-linux.sh --runtime-hook tests/packaging/hooks/gui_smoke.py``.

HOTICH_GUI_SMOKE=1 prints one line per window the desktop shows, then closes it:
    gui-smoke: shown=LoginDialog seconds=1.234 platform=offscreen lang=vi
With HOTICH_GUI_SMOKE_USER=NAME (password in HOTICH_PASSWORD) it logs in first and reports
the main window too (QtCharts, QtPdf and every page get built) and presses F1 there:
    gui-smoke: guide sections=100 topic=dashboard seconds=2.345
(the user guide, docs/guide, found in the bundle and shown at the page on screen). A run that
does not finish in HOTICH_GUI_SMOKE_TIMEOUT seconds (default 60) prints "gui-smoke: timeout"
and exits 3. It checks, without a person, that the bundle starts the desktop (Qt plugins, fonts,
translations). Without the variable it does nothing.
"""

import os


def _arm() -> None:
    import sys
    import time

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget

    started = time.perf_counter()
    user = os.environ.get("HOTICH_GUI_SMOKE_USER")
    # ui.run.application() reuses the running instance, so the app itself is unchanged.
    app = QApplication(sys.argv)

    def report(text: str) -> None:
        print(f"gui-smoke: {text} seconds={time.perf_counter() - started:.3f}", flush=True)

    def timeout() -> None:
        report("timeout")
        os._exit(3)

    class _Windows(QObject):
        def __init__(self) -> None:
            super().__init__(app)  # owned by the app: lives as long as it
            self.seen: set[int] = set()

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if (event.type() == QEvent.Type.Show and isinstance(obj, QWidget)
                    and obj.isWindow() and id(obj) not in self.seen
                    and obj.objectName() != "HelpWindow"):  # reported with its main window
                self.seen.add(id(obj))
                QTimer.singleShot(0, lambda: self.shown(obj))
            return False

        def shown(self, window: QWidget) -> None:
            # The Vietnamese .qm was found and loaded (the default language).
            vi = QCoreApplication.translate("LoginDialog", "Log in") != "Log in"
            report(f"shown={type(window).__name__} platform={app.platformName()} "
                   f"lang={'vi' if vi else 'en'}")
            if type(window).__name__ == "LoginDialog" and user:
                window.findChild(QLineEdit, "username").setText(user)
                window.findChild(QLineEdit, "password").setText(
                    os.environ.get("HOTICH_PASSWORD", ""))
                window.findChild(QPushButton, "loginButton").click()
            elif isinstance(window, QDialog):
                window.reject()  # the login: run_gui returns 0
            else:
                help_action = getattr(window, "help_action", None)
                if help_action is not None:
                    help_action.trigger()  # what F1 does
                    guide = getattr(window, "help_window", None)
                    count = len(guide.guide.sections) if guide is not None else 0
                    topic = guide.current if guide is not None else None
                    report(f"guide sections={count} topic={topic}")
                window.close()
                app.quit()

    app.installEventFilter(_Windows())
    QTimer.singleShot(int(float(os.environ.get("HOTICH_GUI_SMOKE_TIMEOUT", "60")) * 1000),
                      timeout)


if os.environ.get("HOTICH_GUI_SMOKE") == "1":
    _arm()
