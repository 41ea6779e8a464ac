"""How a busy progress bar (range 0..0: work of unknown length, a migration or the copy
before an upgrade) is painted: a chunk a quarter of the groove wide moving to and fro,
repainted by a timer while such a bar is shown. The platform styles paint it as a full bar
(Fusion's faint moving stripes over the whole groove), which reads as 100 %."""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QStyle, QStyleOptionProgressBar, QStylePainter

FRAME_MS = 40  # 25 frames a second: smooth, and no cost worth a thought
SWEEP_FRAMES = 40  # frames from one end of the groove to the other (1.6 s)
CHUNK_SHARE = 4  # the chunk is a quarter of the groove wide


def chunk_rect(groove: QRect, frame: int) -> QRect:
    """Where the chunk is at ``frame``: it starts in the middle (a still picture of it
    cannot read as a share filled from the left), then sweeps to and fro."""
    width = min(groove.width(), max(groove.width() // CHUNK_SHARE, 12))
    span = groove.width() - width
    phase = (frame + SWEEP_FRAMES // 2) % (2 * SWEEP_FRAMES)
    along = phase if phase <= SWEEP_FRAMES else 2 * SWEEP_FRAMES - phase
    left = groove.left() + round(span * along / SWEEP_FRAMES)
    return QRect(left, groove.top(), width, groove.height())


class BusyBars(QObject):
    """Paints the busy bars it watches (PercentStyle installs it on every bar it polishes:
    an event filter on the bars alone, where a Python drawControl would run for every
    element the application paints) and keeps those on screen moving."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.frame = 0
        self._bars: weakref.WeakSet[QProgressBar] = weakref.WeakSet()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.advance)

    def watch(self, bar: QProgressBar) -> None:
        bar.installEventFilter(self)

    def forget(self, bar: QProgressBar) -> None:
        bar.removeEventFilter(self)
        self._bars.discard(bar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(watched, QProgressBar) and \
                _is_busy(watched) and watched.orientation() == Qt.Orientation.Horizontal:
            self._paint(watched)
            self._bars.add(watched)
            if not self._timer.isActive():
                self._timer.start()
            return True  # painted here, not by the bar's own paintEvent
        return False

    def _paint(self, bar: QProgressBar) -> None:
        """The groove, and the chunk where the frame puts it, drawn by the bar's style as an
        ordinary bar's groove and filled part."""
        style = bar.style()
        option = QStyleOptionProgressBar()
        option.initFrom(bar)
        option.state |= QStyle.StateFlag.State_Horizontal
        option.minimum = option.maximum = option.progress = 0
        option.textVisible = False
        painter = QStylePainter(bar)
        painter.drawControl(QStyle.ControlElement.CE_ProgressBarGroove, option)
        chunk = QStyleOptionProgressBar(option)
        contents = style.subElementRect(QStyle.SubElement.SE_ProgressBarContents, option, bar)
        chunk.rect = chunk_rect(contents, self.frame)
        chunk.maximum = chunk.progress = 1
        painter.drawControl(QStyle.ControlElement.CE_ProgressBarContents, chunk)
        painter.end()

    def advance(self) -> None:
        """The next frame, on every busy bar still shown (the others are let go)."""
        self.frame += 1
        for bar in list(self._bars):
            if shiboken6.isValid(bar) and bar.isVisible() and _is_busy(bar):
                bar.update()
            else:
                self._bars.discard(bar)
        if not self._bars:
            self._timer.stop()


def _is_busy(bar: QProgressBar) -> bool:
    return bar.minimum() == 0 and bar.maximum() == 0
