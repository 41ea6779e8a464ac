"""A progress bar with a cancel button for one long job (backup, restore, signing, sync, the
upgrade of the first login after an update: its copy, its migrations, its search re-index)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProxyStyle,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import TaskHandle
from ui.widgets.busy_bar import BusyBars

PERCENT_FORMAT = "%p %"
"""What every progress bar reads: "45 %", with the space Vietnamese typesetting puts before
the sign (as ui.numbers.percent_text and the command line's progress line write it), where
Qt's own default is "45%"."""


class PercentStyle(QProxyStyle):
    """The platform's style, every QProgressBar it polishes (the app's or one of Qt's own)
    reading PERCENT_FORMAT, and a busy one (range 0..0) a chunk moving to and fro
    (ui.widgets.busy_bar) rather than the full bar the platform styles paint: set on the
    application once (ui.run.application), with nothing to do per bar. (Not an application
    style sheet: any style sheet puts every widget under Qt's style-sheet style, whose
    metrics cut the dashboard chart's day labels.)"""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._busy = BusyBars(self)

    def polish(self, *args: Any) -> Any:
        if args and isinstance(args[0], QProgressBar):
            args[0].setFormat(PERCENT_FORMAT)
            self._busy.watch(args[0])
        return super().polish(*args)

    def unpolish(self, *args: Any) -> Any:
        if args and isinstance(args[0], QProgressBar):
            self._busy.forget(args[0])
        return super().unpolish(*args)


STAGES = {
    "backup": ("Đang sao lưu", "Backing up"),
    "restore": ("Đang khôi phục", "Restoring"),
    "sign": ("Đang ký", "Signing"),
    "push": ("Đang gửi", "Sending"),
    "pull": ("Đang nhận", "Receiving"),
    "attachment": ("Đang gửi tệp đính kèm", "Sending attachments"),
    "export": ("Đang đóng gói", "Packing"),
    "import": ("Đang áp dụng tệp trả lời", "Applying the answer"),
    "entries": ("Đang nhập các mục sổ cũ", "Importing book entries"),
    "registry": ("Đang đọc Cơ sở dữ liệu dân cư", "Reading the population registry"),
    "reindex": ("Đang cập nhật chỉ mục tìm kiếm…", "Updating the search index…"),
    "upgrade-copy": ("Đang sao lưu dữ liệu trước khi nâng cấp…",
                     "Backing up the data before the upgrade…"),
}

STEP_STAGES = {
    "migrate": ("Đang nâng cấp dữ liệu… bước {step}/{total}",
                "Upgrading the data… step {step} of {total}"),
}
"""Work told in steps of unknown length (a migration takes a moment or a minute): the label
counts the step under way and the bar stays busy, with no percentage it cannot know."""

BUSY_STAGES = frozenset({"upgrade-copy", *STEP_STAGES})


class JobProgressWidget(QWidget):
    """The step's words, the bar and its cancel button: in one row, or with ``stacked`` the
    words above a bar as wide as the widget (a narrow window, as the login's: beside a long
    step's words the bar was squeezed to a stub)."""

    def __init__(self, lang: str, parent: QWidget | None = None, *,
                 stacked: bool = False) -> None:
        super().__init__(parent)
        self._lang = lang
        self._handle: TaskHandle | None = None
        self.stage = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("jobProgress")
        self.cancel_button = QPushButton(QCoreApplication.translate("Progress", "Cancel"), self)
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if stacked:
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.stage)
            layout.addLayout(row)
        else:
            self.setLayout(row)
            row.addWidget(self.stage)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    def set_language(self, lang: str) -> None:
        """For the stages told from now on (the login window can switch language)."""
        self._lang = lang

    def follow(self, handle: TaskHandle) -> None:
        self._handle = handle
        self.bar.setRange(0, 0)
        self.stage.clear()
        self.cancel_button.setEnabled(True)
        handle.progressed.connect(self._progressed)
        handle.finished.connect(self.hide)
        self.show()

    def _progressed(self, stage: str, done: int, total: int) -> None:
        self.stage.setText(self._stage_text(stage, done, total))
        if stage in BUSY_STAGES:
            self.bar.setRange(0, 0)
        elif total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _stage_text(self, stage: str, done: int, total: int) -> str:
        which = 0 if self._lang == "vi" else 1
        if stage in STEP_STAGES:
            return STEP_STAGES[stage][which].format(step=min(done + 1, total), total=total)
        pair = STAGES.get(stage)
        return pair[which] if pair else stage

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self.cancel_button.setEnabled(False)
