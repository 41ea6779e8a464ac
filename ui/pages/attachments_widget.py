"""A record's attachments (page scans, photos of papers, signed extracts): the list, the one
selected shown beside it, and "Attach a scan or photo…" with a file picker.

Reading the file, storing it (encrypted, in the store) and reading it back all run on the
database lane; the widget only shows what the workflows return.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.workflows import attachments
from desktop_app.workflows.attachments import Attachment
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import local_time
from ui.models import RowsModel
from ui.numbers import size_text
from ui.widgets.file_dialog import file_dialog
from ui.widgets.page_scan import PageScanWidget, decode_page

FILE_FILTER = "*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF"


def load_shown(ctx: UiContext, record_id: str, item: Attachment
               ) -> tuple[Attachment, bytes, QImage | None]:
    """Worker thread: the bytes of an attachment and what the viewer shows of it (an image
    or a PDF's pages decoded; None for anything else)."""
    data = attachments.attachment_content(ctx.session, record_id, item.sha256)
    shown = item.is_image or item.media_type == "application/pdf"
    return item, data, decode_page(item.media_type, data) if shown else None


class AttachmentsWidget(QWidget):
    changed = Signal()  # a scan was added or taken off
    shown = Signal(str)  # sha256 of the attachment on screen

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttachmentsWidget")
        self._ctx = ctx
        self.record_id: str | None = None
        self.file_dialog: QFileDialog | None = None
        kinds = {"scan": self.tr("Scan or photo"), "signed_extract": self.tr("Signed extract")}
        self.model: RowsModel[Attachment] = RowsModel([
            (self.tr("Kind"), lambda a: kinds.get(a.kind, a.kind)),
            (self.tr("File"), lambda a: a.media_type.rpartition("/")[2].upper()),
            (self.tr("Size"), lambda a: size_text(a.size, self._ctx.lang)),
            (self.tr("Added"), lambda a: local_time(a.added_at)),
            (self.tr("Sent"), lambda a: self.tr("yes") if a.is_uploaded else self.tr("not yet"))],
            key=lambda a: a.sha256, parent=self)
        self.table = QTableView(objectName="attachmentsTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row()))
        self.view = PageScanWidget(self)
        self.attach_button = QPushButton(self.tr("Attach a scan or photo…"),
                                         objectName="attachFile")
        self.attach_button.setToolTip(self.tr(
            "A page scan or a photo of a paper (JPEG, PNG or PDF, at most %1 MB), kept "
            "encrypted with the record and sent to the centre with it.").replace(
            "%1", str(attachments.MAX_ATTACHMENT_BYTES // (1024 * 1024))))
        if not ctx.can("create records"):
            self.attach_button.setEnabled(False)
            self.attach_button.setToolTip(self.tr("Your role cannot attach files."))
        self.attach_button.clicked.connect(self.choose_file)
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeAttachment")
        self.remove_button.setToolTip(self.tr(
            "Take off a scan added to this draft by mistake. Once the record is submitted its "
            "scans are evidence and stay."))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.is_editable = False
        self.message = QLabel(objectName="attachmentsMessage")
        self.message.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 380])  # the list's columns whole, the scan beside them
        layout = QHBoxLayout(self)
        layout.addWidget(split)

    # -- loading --------------------------------------------------------------------------
    def set_record(self, record_id: str, *, editable: bool = False) -> None:
        """The record whose attachments are listed; ``editable``: a draft (scans may come
        off again)."""
        self.is_editable = editable and self._ctx.can("create records")
        if record_id != self.record_id:
            self.record_id = record_id
            self.refresh()
        self._update_remove()

    def _update_remove(self) -> None:
        item = self.model.row_at(self.table.currentIndex().row())
        self.remove_button.setEnabled(self.is_editable and item is not None
                                      and item.kind == attachments.SCAN)

    def refresh(self, select: str | None = None) -> None:
        ctx, rid = self._ctx, self.record_id
        if rid is None:
            return
        ctx.runner.run(lambda: attachments.attachments_of(ctx.session, rid),
                       lambda rows: self._listed(rows, select), self._failed)

    def _listed(self, rows: list[Attachment], select: str | None) -> None:
        self.model.set_rows(rows)
        self._update_remove()
        if not rows:
            self.view.show_message(self.tr("No attachments yet."), "none")
            return
        keys = [a.sha256 for a in rows]
        row = keys.index(select) if select in keys else 0
        self.table.setCurrentIndex(self.model.index(row, 0))  # shows it (currentRowChanged)

    def _show(self, row: int) -> None:
        self._update_remove()
        item = self.model.row_at(row)
        if item is None or self.record_id is None:
            return
        ctx, rid = self._ctx, self.record_id
        ctx.runner.run(lambda: load_shown(ctx, rid, item), self._loaded, self._failed)

    def _loaded(self, shown: tuple[Attachment, bytes, QImage | None]) -> None:
        item, data, image = shown
        current = self.model.row_at(self.table.currentIndex().row())
        if current is not None and current.sha256 != item.sha256:
            return  # another row was chosen meanwhile
        self.view.show_content(item.media_type, image)
        self.shown.emit(item.sha256)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))

    # -- attaching ------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        """The file picker (not modal for the rest of the program; tests fill it in)."""
        dialog = file_dialog(self, self.tr("Attach a scan or photo"), str(Path.home()),
                             self.tr("Scans and photos (%1)").replace("%1", FILE_FILTER))
        dialog.setObjectName("attachFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.attach_path(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def attach_path(self, path: Path) -> None:
        ctx, rid = self._ctx, self.record_id
        if rid is None:
            return
        self.attach_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Attaching…"))
        ctx.runner.run(lambda: attachments.attach_file(ctx.session, rid, path),
                       self._attached, self._attach_failed)

    def _attached(self, item: Attachment) -> None:
        self.attach_button.setEnabled(True)
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(self.tr("Attached (%1).").replace(
            "%1", size_text(item.size, self._ctx.lang)))
        self.changed.emit()
        self.refresh(select=item.sha256)

    def remove_selected(self) -> None:
        item = self.model.row_at(self.table.currentIndex().row())
        ctx, rid = self._ctx, self.record_id
        if item is None or rid is None:
            return
        self.remove_button.setEnabled(False)
        ctx.runner.run(lambda: attachments.remove_attachment(ctx.session, rid, item.sha256),
                       self._removed, self._failed)

    def _removed(self, _result: object) -> None:
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(self.tr("Removed from the draft."))
        self.changed.emit()
        self.refresh()

    def _attach_failed(self, error: BaseException) -> None:
        self.attach_button.setEnabled(True)
        self._failed(error)
