"""Widget tests: an office (admin, officer, supervisor) copied per test, a task runner that is
always shut down (no thread outlives a test), and page contexts for each account."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.accounts import Role
from desktop_app.app import catalogue
from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.services import AppServices
from desktop_app.session import Session
from desktop_app.workflows import accounts
from ui import i18n
from ui.context import UiContext, UiHooks
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from tests.e2e.conftest import CentralProcess

PW = "ui-test-password-1"
STAFF = {
    "canbo": (Role.OFFICER, "Lò Thị Cán"),
    "canbo2": (Role.OFFICER, "Vàng A Hai"),
    "chutich": (Role.SUPERVISOR, "Hoàng Văn Chủ"),
}
NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam


@pytest.fixture(autouse=True, scope="session")
def _qt_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Qt's own settings (the file dialog's history, folder and column widths) in this run's
    temporary folder: never the settings of whoever runs the suite, and no test sees the
    column widths an earlier run left."""
    user = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    folder = str(tmp_path_factory.mktemp("qt-settings"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)
    yield
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, user)


@pytest.fixture(autouse=True)
def _untranslated() -> Iterator[None]:
    """Widget tests read the source strings: a test that loads Vietnamese gives it back, so
    what runs after it does not depend on the order of the tests."""
    locale = QLocale()
    yield
    i18n.uninstall()
    QLocale.setDefault(locale)


@pytest.fixture(scope="session")
def _office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ui-office") / "data"
    clock = FixedClock(NOW)
    paths = DataPaths(root)
    accounts.initialise(paths, commune_code="26740", admin="admin", password=PW, clock=clock)
    admin = accounts.login(paths, "admin", PW, clock)
    for name, (role, full_name) in STAFF.items():
        accounts.add_account(admin, username=name, role=role, password=PW, full_name=full_name)
    admin.close()
    return root


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralProcess]:
    """The real central server over TLS on 127.0.0.1, in a subprocess, with its own PKI."""
    from tests.e2e.conftest import CentralProcess
    from tests.unit.sync.support import make_pki

    process = CentralProcess(tmp_path / "central.db", make_pki(tmp_path / "pki"),
                             tmp_path / "server.log").start()
    yield process
    process.stop()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    assert runner.shutdown(), "background work did not finish"


@dataclass
class UiOffice:
    paths: DataPaths
    clock: FixedClock
    runner: TaskRunner
    sessions: dict[str, Session] = field(default_factory=dict)

    @property
    def services(self) -> AppServices:
        return AppServices(self.paths, self.clock, catalogue())

    def session(self, username: str) -> Session:
        """A session for core calls made by the test itself (on the test's thread)."""
        key = f"test:{username}"
        if key not in self.sessions:
            self.sessions[key] = accounts.login(self.paths, username, PW, self.clock)
        return self.sessions[key]

    def ctx(self, username: str, hooks: UiHooks | None = None, lang: str = "vi") -> UiContext:
        """What a page gets after ``username`` logged in (its own session)."""
        if username not in self.sessions:
            self.sessions[username] = accounts.login(self.paths, username, PW, self.clock)
        return UiContext(self.services, self.runner, self.sessions[username],
                         hooks or UiHooks(), lang)


@pytest.fixture
def office(_office_template: Path, tmp_path: Path, runner: TaskRunner
           ) -> Iterator[UiOffice]:
    root = tmp_path / "data"
    shutil.copytree(_office_template, root)
    office = UiOffice(DataPaths(root), FixedClock(NOW), runner)
    yield office
    runner.shutdown()
    for session in office.sessions.values():
        session.close()


def wait_idle(qtbot: QtBot, runner: TaskRunner, timeout: int = 10000) -> None:
    """Until every background task has delivered its result."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=timeout)


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard with a Vietnamese input method: one key event per character
    (QTest.keyClicks aborts on characters outside Latin-1, such as "’" or "ữ")."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


Make = Callable[..., object]
