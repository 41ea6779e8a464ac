"""Every progress bar of the application reads "45 %", as Vietnamese writes a share (and as
the command line's progress line and ui.numbers do), not Qt's default "45%": set once for
the application, so a bar made anywhere (ours or one of Qt's own) has it."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QProgressDialog
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.run import application
from ui.widgets.progress import JobProgressWidget


def test_every_progress_bar_reads_the_vietnamese_percent(qtbot: QtBot) -> None:
    application()
    i18n.install("vi")
    _check_bars(qtbot)


def _check_bars(qtbot: QtBot) -> None:
    job = JobProgressWidget("vi")
    qtbot.addWidget(job)
    job.show()
    job.bar.setRange(0, 200)
    job.bar.setValue(90)
    assert job.bar.text() == "45 %"

    plain = QProgressBar()  # any other bar, made without a word about its format
    qtbot.addWidget(plain)
    plain.setValue(7)
    plain.show()
    assert plain.text() == "7 %"

    dialog = QProgressDialog()  # Qt's own dialog, and the bar it makes inside
    qtbot.addWidget(dialog)
    dialog.setRange(0, 4)
    dialog.setValue(1)
    dialog.show()
    inner = dialog.findChild(QProgressBar)
    assert inner is not None and inner.text() == "25 %"
