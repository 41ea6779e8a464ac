"""The application's file dialog: Qt's own (ui.run.application asks for it on every platform,
and the project's translation makes it Vietnamese), made to read like the rest of the app.

- Its "Ngày sửa" column shows dd/MM/yyyy HH:mm whatever the system's locale: Qt writes it in
  the system's own ("1 12 2026 13:02" under the C locale, Windows' short format on Windows),
  not the application's; sizes likewise ("957.03 MiB" -> "957,0 MB", as ui.numbers writes).
- Its columns are at least as wide as their Vietnamese headers and what they show: Qt sizes
  them for English samples ("128.88 GB" for the size), which cut "Kích thước".
- Its "Loại" column names the app's own files ("Bản sao lưu Hộ Tịch" for a .htbak) and
  others neutrally ("Tệp PDF"): Qt takes the name from the system's file-type database, in
  the system's language, which called a backup or a bundle "tài liệu nhập thô".

Every file dialog of the app is made here: ``file_dialog`` for the pages that open one and
follow it, and ``open_file_name`` / ``save_file_name`` / ``existing_folder`` in place of
QFileDialog's static functions (which build a dialog of their own, out of reach).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QFileDialog,
    QFileSystemModel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from ui.numbers import size_text

DATE_FORMAT = "dd/MM/yyyy HH:mm"
SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3  # QFileSystemModel's, after the name
_DATE_SAMPLE = "00/00/0000 00:00"  # the widest a date of DATE_FORMAT gets
_CELL_PADDING = 16  # a cell's margins either side of its text


APP_KINDS: dict[str, Callable[[], str]] = {  # the files the app writes, by suffix
    "htbak": lambda: QCoreApplication.translate("FileKinds", "Hộ Tịch backup"),
    "bundle": lambda: QCoreApplication.translate("FileKinds", "Sync bundle"),
    "answer": lambda: QCoreApplication.translate("FileKinds", "Sync answer"),
}


def kind_text(file_name: str) -> str:
    """What the "Loại" column calls a file: the app's own kinds by name, any other by its
    suffix ("Tệp PDF"), a file without one "Tệp"."""
    stem, dot, suffix = file_name.rpartition(".")
    if not dot or not stem or not suffix:  # "README", ".hidden", "name."
        return QCoreApplication.translate("FileKinds", "File")
    kind = APP_KINDS.get(suffix.lower())
    if kind is not None:
        return kind()
    return QCoreApplication.translate("FileKinds", "%1 file").replace("%1", suffix.upper())


class FileCellDelegate(QStyledItemDelegate):
    """Draws a file's size, kind and date modified the application's way (the model's own
    texts are in the system's locale and file-type names): "1,5 MB", "Tệp PDF",
    "01/12/2026 13:02"."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if not isinstance(model, QFileSystemModel):
            return
        if index.column() == DATE_COLUMN:
            modified = model.lastModified(index)
            option.text = (modified.toString(DATE_FORMAT)  # type: ignore[attr-defined]
                           if modified.isValid() else "")
        elif index.column() == SIZE_COLUMN and not model.isDir(index):
            lang = "en" if QLocale().language() == QLocale.Language.English else "vi"
            option.text = size_text(model.size(index), lang)  # type: ignore[attr-defined]
        elif index.column() == TYPE_COLUMN and not model.isDir(index):
            option.text = kind_text(model.fileName(index))  # type: ignore[attr-defined]


def localise(dialog: QFileDialog) -> QFileDialog:
    """Sizes and dates written the app's way, and columns not cut, on a dialog made
    elsewhere."""
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model() if view is not None else None
    if view is None or not isinstance(model, QFileSystemModel):
        return dialog  # not Qt's own dialog: nothing of ours to mend
    delegate = FileCellDelegate(view)
    for column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
        view.setItemDelegateForColumn(column, delegate)
    header = view.header()
    date_width = view.fontMetrics().horizontalAdvance(_DATE_SAMPLE) + _CELL_PADDING

    def widen(*_args: object) -> None:
        """Each column at least as wide as its header, its dates, and the sizes and kinds
        of the folder shown (a width the officer chose, kept by Qt, may be wider)."""
        for column in range(1, header.count()):
            shown = (date_width if column == DATE_COLUMN
                     else view.sizeHintForColumn(column) + _CELL_PADDING // 2)  # a gap after
            wanted = max(header.sectionSizeHint(column), shown)
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    widen()
    model.directoryLoaded.connect(widen)  # the sizes and kinds of the folder now shown
    return dialog


def file_dialog(parent: QWidget | None, caption: str, folder: str = "",
                name_filter: str = "") -> QFileDialog:
    """A file dialog (to set up and open or exec), as the app shows them."""
    return localise(QFileDialog(parent, caption, folder, name_filter))


def _chosen(dialog: QFileDialog) -> str:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        files = dialog.selectedFiles()
        return files[0] if accepted and files else ""
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, caption: str, folder: str = "",
                   name_filter: str = "") -> str:
    """An existing file, or "" when cancelled (QFileDialog.getOpenFileName's part)."""
    dialog = file_dialog(parent, caption, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def save_file_name(parent: QWidget | None, caption: str, folder: str = "",
                   name_filter: str = "") -> str:
    """A file to write (``folder`` may end with the name offered), or "" when cancelled;
    replacing a file is asked first (QFileDialog.getSaveFileName's part)."""
    dialog = file_dialog(parent, caption, folder, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _chosen(dialog)


def existing_folder(parent: QWidget | None, caption: str, folder: str = "") -> str:
    """A folder, or "" when cancelled (QFileDialog.getExistingDirectory's part)."""
    dialog = file_dialog(parent, caption, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog)

