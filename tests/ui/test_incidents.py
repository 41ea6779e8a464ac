"""Errors nobody caught in the desktop: an incident id in a non-modal message box, the
traceback only in the log; and no background callback drops an error (issue 11 item 4)."""

from __future__ import annotations

import ast
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from desktop_app.app import catalogue
from tests.ui.conftest import UiOffice, wait_idle
from ui.errors import IncidentNotifier
from ui.main_window import MainWindow
from ui.run import install_incident_hooks

ROOT = Path(__file__).resolve().parents[2]
INCIDENT_VI = re.compile(r"Lỗi ngoài dự kiến \(mã sự cố ([0-9a-f]{8}(?:, [0-9a-f]{8})*)\)")
NAME = "Trần Thị Bình"  # personal data reaches errors as values, never as source text


@pytest.fixture
def notifier(qapp) -> Iterator[IncidentNotifier]:  # noqa: ANN001
    hooks = install_incident_hooks(catalogue(), "vi")
    yield hooks
    hooks.uninstall()
    if hooks.box is not None:
        hooks.box.close()


def _fail() -> None:
    raise RuntimeError(NAME)


def _logged_incident(caplog: pytest.LogCaptureFixture, incident: str) -> logging.LogRecord:
    found = [r for r in caplog.records if f"incident {incident} " in r.getMessage()]
    assert len(found) == 1, [r.getMessage() for r in caplog.records]
    assert found[0].exc_info is not None  # the traceback goes to the log file
    return found[0]


@pytest.mark.qt_no_exception_capture  # the hook under test must see it, not pytest-qt's
def test_error_in_a_slot_shows_the_incident_id(qtbot: QtBot, notifier: IncidentNotifier,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        QTimer.singleShot(0, _fail)
        qtbot.waitUntil(lambda: notifier.box is not None and notifier.box.isVisible())
    box = notifier.box
    assert box is not None and box.objectName() == "incidentBox"
    assert box.windowModality() == Qt.WindowModality.NonModal  # never blocks the window
    match = INCIDENT_VI.search(box.text())
    assert match, box.text()
    assert "Traceback" not in box.text() and NAME not in box.text()
    record = _logged_incident(caplog, match[1])
    assert "RuntimeError" in record.getMessage() and NAME not in record.getMessage()


@pytest.mark.qt_no_exception_capture
def test_error_in_a_thread_shows_the_incident_id_on_the_gui_thread(
        qtbot: QtBot, notifier: IncidentNotifier, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        worker = threading.Thread(target=_fail, name="worker-under-test")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: notifier.box is not None and notifier.box.isVisible())
    match = INCIDENT_VI.search(notifier.box.text())
    assert match, notifier.box.text()
    record = _logged_incident(caplog, match[1])
    assert "thread worker-under-test" in record.getMessage()


@pytest.mark.qt_no_exception_capture
def test_errors_in_a_row_share_one_box(qtbot: QtBot, notifier: IncidentNotifier) -> None:
    QTimer.singleShot(0, _fail)
    QTimer.singleShot(0, _fail)
    qtbot.waitUntil(lambda: len(notifier.incidents) == 2)
    match = INCIDENT_VI.search(notifier.box.text())
    assert match and match[1].split(", ") == notifier.incidents
    box = notifier.box
    box.close()
    qtbot.waitUntil(lambda: notifier.box is None)
    assert notifier.incidents == []


def test_hooks_are_put_back(qapp) -> None:  # noqa: ANN001
    import sys

    before = (sys.excepthook, threading.excepthook)
    hooks = install_incident_hooks(catalogue(), "en")
    assert sys.excepthook == hooks.excepthook
    hooks.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


# -- no callback drops an error -----------------------------------------------------------
def test_a_failed_queue_count_says_so_in_the_status_bar(
        qtbot: QtBot, office: UiOffice, caplog: pytest.LogCaptureFixture) -> None:
    ctx = office.ctx("canbo")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_idle(qtbot, office.runner)
    assert window.queue_label.text().endswith("0")
    # The database file is damaged under the running window (a failing disk): once its
    # connection is closed, the next count cannot read it.
    ctx.runner.run(ctx.session.close, lambda _r: None, pytest.fail)
    wait_idle(qtbot, office.runner)
    database = office.paths.database
    for extra in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        extra.unlink(missing_ok=True)
    database.write_bytes(b"\0" * database.stat().st_size)
    with caplog.at_level(logging.WARNING):
        window.refresh_status()
        wait_idle(qtbot, office.runner)
    assert window.queue_label.text().endswith("?")  # not the last count, as if all was well
    shown = window.statusBar().currentMessage()
    assert shown.startswith("Cơ sở dữ liệu bị hỏng"), shown
    assert any("queue count failed: E-STORE-DAMAGED" in r.getMessage() for r in caplog.records)
    window.close()


def _drops_its_argument(node: ast.expr) -> bool:
    """``lambda e: None`` (or ``lambda *_: None``): an error handler that does nothing."""
    return (isinstance(node, ast.Lambda) and isinstance(node.body, ast.Constant)
            and node.body.value is None)


def test_no_background_callback_drops_an_error() -> None:
    dropped = []
    for source in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                    and call.func.attr in ("run", "start_job")):
                continue
            handlers = call.args[2:3] + [k.value for k in call.keywords if k.arg == "on_error"]
            dropped += [f"{source.relative_to(ROOT)}:{call.lineno}"
                        for handler in handlers if _drops_its_argument(handler)]
    assert not dropped, f"on_error handlers that drop the error: {dropped}"
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "ui").rglob("*.py"))
    assert "lambda _e: None" not in text
