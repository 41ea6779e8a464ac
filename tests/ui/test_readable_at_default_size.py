"""At the window's default size (issue 14 item 11): the dashboard's chart names its days in
full (dates, not "⋮"), and every table's columns are as wide as what they hold, on every page
an officer or a supervisor opens and in the record detail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QHeaderView, QTableView, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.workflows import records
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from ui.main_window import MainWindow
from ui.pages.dashboard_page import day_labels
from ui.run import application


def _window(qtbot: QtBot, office: UiOffice, user: str) -> MainWindow:
    window = MainWindow(office.ctx(user))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_chart_names_its_days_in_full(qtbot: QtBot, office: UiOffice) -> None:
    application()  # as the app runs: with its style (an application style sheet cut them)
    window = _window(qtbot, office, "canbo")
    assert (window.width(), window.height()) == (1200, 780)  # the default: nothing remembered
    page = window.dashboard
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10000)
    wait_idle(qtbot, office.runner)
    QApplication.processEvents()
    # The axis labels are text items of the chart's scene (reached as graphics objects).
    objects = [item.toGraphicsObject() for item in page.chart_view.scene().items()]
    shown = {o.toPlainText() for o in objects
             if isinstance(o, QGraphicsTextItem) and o.isVisible()}
    expected = [label for _n, label in day_labels([d.day for d in page.summary.last_days])]
    assert len(expected) == 6
    assert set(expected) <= shown, sorted(shown)  # each date whole, none cut to "…"
    assert not any(cut in text for text in shown for cut in ("…", "⋮", "..."))
    window.close()


def _cut_columns(view: QTableView) -> list[str]:
    """Columns narrower than their header or their widest cell (a stretched one may be)."""
    header = view.horizontalHeader()
    model = view.model()
    cut = []
    for column in range(model.columnCount()):
        if view.isColumnHidden(column) or \
                header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch or \
                (header.stretchLastSection() and column == model.columnCount() - 1):
            continue
        needed = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        if header.sectionSize(column) < needed:
            title = model.headerData(column, Qt.Orientation.Horizontal)
            cut.append(f"{view.objectName()}[{title}] {header.sectionSize(column)} < {needed}")
    return cut


def _tables(widget: QWidget) -> list[QTableView]:
    return [t for t in widget.findChildren(QTableView)
            if t.isVisible() and t.model() is not None and t.model().rowCount()]


def test_every_table_fits_what_it_holds(qtbot: QtBot, office: UiOffice) -> None:
    officer, chief = office.session("canbo"), office.session("chutich")
    for name in ("Nguyễn Văn An", "Hoàng Thị Ngọc Bích"):
        rec = records.create_record(officer, "birth", build("birth", {
            "child.full_name": name})).record
        records.submit(officer, rec.id)
    death = records.create_record(officer, "death", build("death")).record
    records.submit(officer, death.id)
    records.approve(chief, death.id, {})
    records.create_record(officer, "death", build("death"))
    old = records.create_record(officer, "birth", {  # an old book's entry, to check twice
        "child": {"full_name": "Lê Văn Tám", "sex": "male", "date_of_birth": "1980-07"},
        "registered_on": "1980-08-02", "registration_number": "12",
        "book_number": "01-TP/HT-1980-KS", "source": {"year": 1980, "page": "5"}},
        historical=True).record
    records.submit(officer, old.id)
    cut: list[str] = []
    checked = []
    windows = []  # closed at the end: closing a window ends the shared runner
    for user, keys in (("chutich", ("approval",)), ("admin", ("settings",)),
                       ("canbo2", ("verification",)),
                       ("canbo", ("dashboard", "records", "sync", "books"))):
        window = _window(qtbot, office, user)
        windows.append(window)
        for key in keys:
            page = window.show_page(key)
            wait_idle(qtbot, office.runner)
            QApplication.processEvents()
            tables = _tables(page)
            assert tables or key == "books", key
            for table in tables:
                cut += _cut_columns(table)
                checked.append(table.objectName())
        if user == "canbo":
            dialog = window.open_record(death.id)
            qtbot.waitUntil(lambda d=dialog: d.view is not None, timeout=10000)
            wait_idle(qtbot, office.runner)
            for tab in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                for table in _tables(dialog):
                    cut += _cut_columns(table)
                checked.append(table.objectName())
            dialog.close()
        window.hide()
    for window in windows:
        window.close()
    assert {"approvalTable", "accountsTable", "verificationTable", "recordsTable",
            "historyTable", "auditTable"} <= set(checked)
    assert not cut, cut
