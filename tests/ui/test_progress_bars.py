"""Every progress bar of the application reads "45 %", as Vietnamese writes a share (and as
the command line's progress line and ui.numbers do), not Qt's default "45%": set once for
the application, so a bar made anywhere (ours or one of Qt's own) has it. A busy bar (work
of unknown length) is a chunk moving to and fro, never a full bar that reads as 100 %."""

from __future__ import annotations

from PySide6.QtGui import QPalette
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


def _filled_columns(bar: QProgressBar) -> list[int]:
    """The columns across the bar's middle painted in (about) its highlight colour."""
    image = bar.grab().toImage()
    high = bar.palette().color(QPalette.ColorRole.Highlight)
    y = image.height() // 2

    def near(x: int) -> bool:
        c = image.pixelColor(x, y)
        return abs(c.red() - high.red()) + abs(c.green() - high.green()) + \
            abs(c.blue() - high.blue()) < 90

    return [x for x in range(image.width()) if near(x)]


def test_a_busy_bar_is_a_moving_chunk_not_a_full_bar(qtbot: QtBot) -> None:
    application()
    full = QProgressBar()
    qtbot.addWidget(full)
    full.setValue(100)
    busy = QProgressBar()
    qtbot.addWidget(busy)
    busy.setRange(0, 0)  # how long the work takes is not known
    for bar in (full, busy):
        bar.resize(300, 24)
        bar.show()
    qtbot.waitExposed(busy)
    assert len(_filled_columns(full)) > 0.8 * 300  # the measure sees a full bar as full
    first = _filled_columns(busy)
    assert first and len(first) < 0.5 * 300  # a chunk of the groove, no share to read
    assert first[0] > 0.1 * 300  # not from the left edge, as a percentage fills
    # it moves (repainted by the style's own timer, as the work gives no progress)
    qtbot.waitUntil(lambda: _filled_columns(busy)[:1] != first[:1], timeout=5000)
    busy.setRange(0, 4)  # then the work tells its progress: an ordinary bar again
    busy.setValue(2)
    assert busy.text() == "50 %" and _filled_columns(busy)[0] < 0.1 * 300
