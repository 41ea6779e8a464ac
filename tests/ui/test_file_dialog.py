"""The app's file dialog (Qt's own, in Vietnamese) writes the date a file was modified as
dd/MM/yyyy HH:mm whatever the system's locale (Qt writes it in the system's: "1 12 2026
13:02" under the C locale), its sizes as the rest of the app writes them, names the app's
own kinds of file (not the system's file-type names), and its column headers are not cut."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QStyleOptionViewItem, QTreeView
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.widgets.file_dialog import file_dialog


def _shown(qtbot: QtBot, folder: Path, *, hidden: bool = False
           ) -> tuple[QFileDialog, Any, QFileSystemModel]:
    """The dialog in its detail view on ``folder`` (with ``hidden`` files too), shown once
    the folder is read; its tree view as findChild gives it (the stubs' delegate type has no
    initStyleOption)."""
    dialog = file_dialog(None, "Chọn tệp", str(folder))
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    if hidden:
        dialog.setFilter(dialog.filter() | QDir.Filter.Hidden)
    dialog.resize(820, 500)
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()
    assert isinstance(model, QFileSystemModel)
    with qtbot.waitSignal(model.directoryLoaded, timeout=10000, raising=False):
        dialog.show()
    return dialog, view, model


def test_dates_are_vietnamese_and_headers_readable(qtbot: QtBot, tmp_path: Path) -> None:
    i18n.install("vi")
    modified = datetime(2026, 12, 1, 13, 2)  # local time, as the dialog shows it
    scan = tmp_path / "trang-01.png"
    scan.write_bytes(b"x" * 2048)
    os.utime(scan, (modified.timestamp(), modified.timestamp()))

    dialog, view, model = _shown(qtbot, tmp_path)
    index = model.index(str(scan)).siblingAtColumn(3)
    qtbot.waitUntil(lambda: model.lastModified(index).isValid(), timeout=10000)

    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    assert option.text == "01/12/2026 13:02"  # what the date column draws
    size = QStyleOptionViewItem()
    view.itemDelegateForIndex(index.siblingAtColumn(1)).initStyleOption(
        size, index.siblingAtColumn(1))
    assert size.text == "2 KB"  # as ui.numbers writes sizes, not the system's "2.00 KiB"

    header = view.header()
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
    assert texts == ["Tên", "Kích thước", "Loại", "Ngày sửa"]
    for column in range(1, 4):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), texts[column]
    dates = view.fontMetrics().horizontalAdvance(option.text)
    assert header.sectionSize(3) > dates  # the date itself is not cut either
    dialog.reject()


def test_the_kind_column_names_the_apps_own_files(qtbot: QtBot, tmp_path: Path) -> None:
    """The system's file-type database called a backup and a bundle "tài liệu nhập thô"."""
    i18n.install("vi")
    names = {"hotich-20261201.htbak": "Bản sao lưu Hộ Tịch",
             "may-01.BUNDLE": "Gói dữ liệu đồng bộ", "tra-loi.answer": "Tệp trả lời đồng bộ",
             "trich-luc.pdf": "Tệp PDF", "GHICHU": "Tệp", ".an": "Tệp"}
    for name in names:
        (tmp_path / name).write_bytes(b"\x00\x01raw")
    (tmp_path / "thu-muc.htbak").mkdir()  # a folder stays Qt's "folder", whatever its name

    dialog, view, model = _shown(qtbot, tmp_path, hidden=True)

    def kind(name: str) -> str:
        index = model.index(str(tmp_path / name)).siblingAtColumn(2)
        option = QStyleOptionViewItem()
        view.itemDelegateForIndex(index).initStyleOption(option, index)
        return str(option.text)

    qtbot.waitUntil(lambda: model.index(str(tmp_path / "GHICHU")).isValid(), timeout=10000)
    assert {name: kind(name) for name in names} == names
    folder = model.index(str(tmp_path / "thu-muc.htbak"))
    assert kind("thu-muc.htbak") == model.type(folder) != names["hotich-20261201.htbak"]
    dialog.reject()
