"""Importing a file of old book entries into the book selected on the books page (issue 13
bulk digitisation): CSV or XLSX with a column mapping (JSON, column -> field path), or the
project's JSON. The import runs on the task runner with a progress bar and Cancel; Cancel
stops at once (after the chunk being written: every entry written is kept), and importing the
same file again continues there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import field_label
from desktop_app.errors import Cancelled
from desktop_app.workflows import bulk_import
from desktop_app.workflows.books import BookRow
from ui.context import UiContext
from ui.errors import message_for, rule_title
from ui.widgets.file_dialog import open_file_name
from ui.widgets.progress import JobProgressWidget


class EntriesImportWidget(QGroupBox):
    finished = Signal(object)  # the ImportSummary, or None when stopped or failed

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Import entries from a file"), parent)
        self.setObjectName("entriesImport")
        self._ctx = ctx
        self.book: BookRow | None = None
        self.mapping: dict[str, str] | None = None
        self.last_line = 0
        self.is_running = False
        self.batch = bulk_import.BATCH
        self.mapping_button = QPushButton(self.tr("Column mapping…"), objectName="importMapping")
        self.mapping_button.setToolTip(self.tr(
            "A JSON file naming the field of each column, e.g. {\"Họ tên\": "
            "\"deceased.full_name\"}. Without it the column titles are the field paths."))
        self.mapping_button.clicked.connect(self._choose_mapping)
        self.file_button = QPushButton(self.tr("Import a CSV, XLSX or JSON file…"),
                                       objectName="importFile")
        self.file_button.clicked.connect(self._choose_file)
        self.mapping_label = QLabel(objectName="importMappingName")
        self.progress = JobProgressWidget(ctx.lang, self)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_box = _SummaryBox(self.summary, lines=6)
        bar = QHBoxLayout()
        bar.addWidget(self.file_button)
        bar.addWidget(self.mapping_button)
        bar.addWidget(self.mapping_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary_box)
        self.set_book(None)

    def set_book(self, book: BookRow | None) -> None:
        self.book = book
        enabled = book is not None and not self.is_running and self._ctx.can("create records")
        self.file_button.setEnabled(enabled)
        self.mapping_button.setEnabled(enabled)

    def set_mapping(self, path: Path | None) -> None:
        try:
            self.mapping = bulk_import.load_mapping(path) if path is not None else None
        except Exception as error:  # noqa: BLE001 - shown in one line, never a traceback
            self.mapping = None
            self._error(error)
        self.mapping_label.setText(path.name if path is not None and self.mapping else "")

    def _choose_mapping(self) -> None:
        name = open_file_name(self, self.tr("Column mapping"), "", self.tr("Mapping (*.json)"))
        if name:
            self.set_mapping(Path(name))

    def _choose_file(self) -> None:
        name = open_file_name(
            self, self.tr("Entries to import"), "",
            self.tr("Entries (*.csv *.xlsx *.json)"))
        if name:
            self.start(Path(name))

    def start(self, path: Path) -> bool:
        if self.book is None or self.is_running:
            return False
        session, book, mapping, batch = self._ctx.session, self.book, self.mapping, self.batch
        self.is_running = True
        self.last_line = 0
        self.set_book(book)
        self.summary_box.say(self.tr("Importing %1…").replace("%1", path.name))
        handle = self._ctx.runner.start_job(
            lambda control: bulk_import.run_import(session, path, book=book.id,
                                                   rtype=book.type, mapping=mapping,
                                                   batch=batch, progress=control.progress),
            self._done, self._failed, on_progress=self._progressed)
        self.progress.follow(handle)
        return True

    def _progressed(self, _stage: str, done: int, _total: int) -> None:
        self.last_line = done

    def _end(self) -> None:
        self.is_running = False
        self.set_book(self.book)

    def _done(self, summary: bulk_import.ImportSummary) -> None:
        self._end()
        lines = [self.tr("Imported %1 entries, %2 with warnings, %3 refused.")
                 .replace("%1", str(summary.imported))
                 .replace("%2", str(summary.with_warnings))
                 .replace("%3", str(len(summary.refused)))]
        lines += [self.tr("Line %1: %2").replace("%1", str(r.line))
                  .replace("%2", self._refusal(r)) for r in summary.refused[:20]]
        if len(summary.refused) > 20:
            lines.append(self.tr("… and %1 more refused lines (hotich import --json lists "
                                 "them all).").replace("%1", str(len(summary.refused) - 20)))
        self.summary_box.say("\n".join(lines), "#b00020" if summary.refused else "#1b5e20")
        self.finished.emit(summary)

    def _refusal(self, refused: bulk_import.Refused) -> str:
        """Why a line was refused: the field and the rule in words ("Giới tính của người
        chết: giá trị không hợp lệ"); the codes are for the command line's JSON."""
        rtype = self.book.type if self.book is not None else "birth"
        lang, catalogue = self._ctx.lang, self._ctx.catalogue
        fields = list(refused.fields) + [""] * (len(refused.rules) - len(refused.fields))
        texts = []
        for rule, field in zip(refused.rules, fields, strict=False):
            title = rule_title(rule, catalogue, lang)
            where = field_label(rtype, field, lang) if field else ""
            texts.append(f"{where}: {title[:1].lower()}{title[1:]}" if where else title)
        return "; ".join(dict.fromkeys(texts))

    def _failed(self, error: BaseException) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self.summary_box.say(self.tr(
                "Stopped: what was imported stays; importing the same file again continues "
                "where it stopped."))
        else:
            self._error(error)
        self.finished.emit(None)

    def _error(self, error: BaseException) -> None:
        self.summary_box.say(message_for(error, self._ctx.catalogue, self._ctx.lang), "#b00020")


class _SummaryBox(QScrollArea):
    """The summary, as tall as its text up to ``lines`` lines, then scrolling: the refused
    lines listed whole made the window taller than a 768-pixel screen."""

    def __init__(self, label: QLabel, lines: int) -> None:
        super().__init__(objectName="importSummaryBox")
        self._cap = label.fontMetrics().lineSpacing() * lines + 8
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The group box's own colour (setWidget turns the label's filling on).
        self.viewport().setAutoFillBackground(False)
        label.setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._label = label

    def say(self, text: str, colour: str = "") -> None:
        """The summary's text, in ``colour`` (CSS) or the default; the box takes its height."""
        self._label.setStyleSheet(f"color: {colour}" if colour else "")
        self._label.setText(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        label = self.widget()
        width = max(self.viewport().width(), 200)
        tall = label.heightForWidth(width) if label is not None else 0
        return QSize(super().sizeHint().width(), min(max(tall, 0), self._cap))

    def minimumSizeHint(self) -> QSize:
        # a scroll area's own minimum holds its scroll bars: taller than one line of text
        return QSize(0, self.sizeHint().height())
