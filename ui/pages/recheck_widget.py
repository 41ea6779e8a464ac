"""Kiểm tra lại theo mẫu: a supervisor draws a random 2 % (at least a few) of a book's verified
entries, re-keys them blind on the keying page, and reads the estimated field error rate with
its 95 % interval, per sample, as a table and a chart (QtCharts, as the dashboard draws its
chart): each sample a box from the rate whose whiskers are the interval's ends. A sample may
also be drawn from every book of the commune; the selected sample's report is in words under
the table (entries drawn and re-keyed, both rates, the fields most often wrong).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBoxPlotSeries,
    QBoxSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.fields import field_label, root_field
from desktop_app.workflows import accounts, books, recheck
from desktop_app.workflows.accuracy_report import save_report
from desktop_app.workflows.books import AccuracyReport, BookRow
from desktop_app.workflows.recheck import RecheckReport
from ui.context import UiContext
from ui.errors import message_for
from ui.models import RowsModel
from ui.numbers import count_text, locale_of, percent_text
from ui.widgets.file_dialog import save_file_name
from ui.widgets.table_columns import fit_columns

Found = tuple[list[RecheckReport], AccuracyReport, dict[str, BookRow], dict[str, str]]


class RecheckWidget(QGroupBox):
    rekey_requested = Signal(str)  # sample id
    reports_shown = Signal(int)  # how many samples
    report_saved = Signal(str)  # the file written

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Accuracy: sample re-checks"))
        self.setObjectName("recheckBox")
        self._ctx = ctx
        self.book: BookRow | None = None
        self.reports: list[RecheckReport] = []
        self._books: dict[str, BookRow] = {}
        columns = [
            (self.tr("Drawn"), self._drawn),
            (self.tr("Re-keyed"), lambda r: self._count(r.rekeyed)),
            (self.tr("Fields wrong"), lambda r: f"{self._count(r.fields.errors)}/"
                                                f"{self._count(r.fields.trials)}"),
            (self.tr("Error rate"), lambda r: self._percent(r.fields.rate)),
            (self.tr("95 % interval"), lambda r: f"{self._percent(r.fields.low)} – "
                                                 f"{self._percent(r.fields.high)}"),
        ]
        self.model: RowsModel[RecheckReport] = RowsModel(columns, key=lambda r: r.sample.id,
                                                         parent=self)
        self.table = QTableView(objectName="recheckTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=len(columns) - 1)
        self.table.doubleClicked.connect(lambda _index: self.rekey())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_report(current.row()))
        self.report = QLabel(objectName="recheckReport")
        self.report.setWordWrap(True)
        # the layout does not ask a wrapped label its height: three lines are kept for it
        self.report.setMinimumHeight(self.report.fontMetrics().lineSpacing() * 3 + 4)

        self.chart = QChart()
        self.chart.setTitle(self.tr("Estimated field error rate (%), 95 % interval"))
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setLocale(locale_of(ctx.lang))  # the axis reads 2,5 in Vietnamese
        self.chart.setLocalizeNumbers(True)
        self.chart_view = QChartView(self.chart, objectName="recheckChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(150)  # room for the report's lines at 1366x768
        self.officers = QLabel(objectName="keyingAccuracy")
        self.officers.setWordWrap(True)

        # (parented at once: shown or hidden without a parent, a button opens as a window)
        self.draw_button = QPushButton(self.tr("Draw a 2 % sample to re-check"), self,
                                       objectName="drawRecheck")
        self.draw_button.setToolTip(self.tr(
            "At random, 2 % (at least 5) of the book's verified entries, to re-key blind."))
        self.draw_button.clicked.connect(lambda: self.draw())
        self.commune_button = QPushButton(self.tr("Draw 2 % of the whole commune"), self,
                                          objectName="drawCommuneRecheck")
        self.commune_button.setToolTip(self.tr(
            "At random, 2 % (at least 5) of the verified entries of every book of the "
            "commune, to re-key blind."))
        self.commune_button.clicked.connect(lambda: self.draw(commune=True))
        self.rekey_button = QPushButton(self.tr("Re-key the sample…"), self,
                                        objectName="rekeySample")
        self.rekey_button.clicked.connect(self.rekey)
        self.save_button = QPushButton(self.tr("Save the report…"), self,
                                       objectName="saveAccuracy")
        self.save_button.setToolTip(self.tr(
            "The accuracy figures as a table (CSV) to keep, print or open in a spreadsheet."))
        self.save_button.clicked.connect(self.choose_report_file)
        self.message = QLabel(objectName="recheckMessage")
        self.message.setWordWrap(True)
        is_supervisor = ctx.can("approve records")
        self.draw_button.setVisible(is_supervisor)
        self.commune_button.setVisible(is_supervisor)
        self.rekey_button.setVisible(is_supervisor)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draw_button)
        buttons.addWidget(self.commune_button)
        buttons.addWidget(self.rekey_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.report)
        layout.addWidget(self.chart_view, 2)
        layout.addWidget(self.officers)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.set_book(None)

    def set_book(self, book: BookRow | None) -> None:
        self.book = book
        self.draw_button.setEnabled(book is not None)

    def refresh(self) -> None:
        session = self._ctx.session
        self._ctx.runner.run(lambda: (recheck.recheck_reports(session),
                                      books.accuracy(session),
                                      {b.id: b for b in books.books(session)},
                                      accounts.full_names(session)),
                             self._loaded, self._failed)

    def _drawn(self, r: RecheckReport) -> str:
        """"5 of 250", and for a sample of every book "5 of 250 · whole commune" (the table
        has no room at 1366 px for a column of its own)."""
        drawn = self.tr("%1 of %2").replace("%1", self._count(r.drawn)).replace(
            "%2", self._count(r.sample.population))
        commune = self.tr("whole commune")
        return drawn if r.sample.book_id else f"{drawn} · {commune}"

    def _scope(self, report: RecheckReport) -> str:
        book = self._books.get(report.sample.book_id or "")
        if report.sample.book_id is None:
            return self.tr("Whole commune")
        return self.tr("Book %1").replace("%1", book.book_number if book else "—")

    def _loaded(self, found: Found) -> None:
        self.reports, accuracy, self._books, names = found
        self.model.set_rows(self.reports)
        self.rekey_button.setEnabled(bool(self.reports))
        if self.reports:
            self.table.selectRow(len(self.reports) - 1)
        self._show_report(len(self.reports) - 1)
        self.officers.setText(self.accuracy_text(accuracy, names))
        self.officers.setToolTip(", ".join(a.key for a in accuracy.officers))  # usernames
        self._draw_chart()
        self.reports_shown.emit(len(self.reports))

    def _show_report(self, row: int) -> None:
        """The selected sample's report in words (what `hotich books recheck report` says)."""
        r = self.model.row_at(row) if row >= 0 else None
        if r is None:
            self.report.setText("")
            return
        scope = self._scope(r)  # the commune itself is named above, on the books page
        book = self._books.get(r.sample.book_id or "")
        types = [book.type] if book else sorted({b.type for b in self._books.values()})
        wrong = ", ".join(f"{self._field(types, path)} ({n})" for path, n in r.by_field[:5])
        lines = [
            self.tr("%1: %2 drawn of the %3 verified entries the re-checker had no hand in, "
                    "%4 re-keyed.")
            .replace("%1", scope).replace("%2", self._count(r.drawn))
            .replace("%3", self._count(r.sample.population))
            .replace("%4", self._count(r.rekeyed)),
            self.tr("Fields wrong: %1 (95 %: %2 – %3); entries with a wrong field: %4.")
            .replace("%1", self._percent(r.fields.rate)).replace("%2", self._percent(r.fields.low))
            .replace("%3", self._percent(r.fields.high))
            .replace("%4", self._percent(r.entries.rate)),
        ]
        if wrong:
            lines.append(self.tr("Most often wrong: %1").replace("%1", wrong))
        self.report.setText("\n".join(lines))

    def _percent(self, share: float) -> str:
        return percent_text(share, self._ctx.lang)

    def _count(self, n: int) -> str:
        return count_text(n, self._ctx.lang)

    def accuracy_text(self, accuracy: AccuracyReport, names: dict[str, str]) -> str:
        """Each officer by full name with the share of the fields double entry disagreed
        on, then the fields most often wrong in the form's words."""
        lines = [self.tr("%1: double entry differed on %2 of %3 fields (%5), %4 keyed wrong")
                 .replace("%1", names.get(a.key, a.key)).replace("%2", self._count(a.disagreed))
                 .replace("%3", self._count(a.fields)).replace("%4", self._count(a.wrong))
                 .replace("%5", self._percent(a.disagreed / a.fields if a.fields else 0.0))
                 for a in accuracy.officers]
        types = sorted({b.type for b in self._books.values()})
        if accuracy.fields:
            lines.append(self.tr("Double entry most often differed on: %1").replace(
                "%1", ", ".join(f"{self._field(types, p)} ({n})"
                                for p, n in accuracy.fields[:5])))
        return "\n".join(lines)

    def choose_report_file(self) -> None:
        path = save_file_name(self, self.tr("Save the accuracy report"),
                              self.tr("accuracy-report.csv"), "CSV (*.csv)")
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> None:
        """The accuracy report (desktop_app/workflows/accuracy_report.py) written as CSV."""
        session, lang = self._ctx.session, self._ctx.lang

        def saved(rows: int) -> None:
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(self.tr("Report saved: %1 (%2 rows).")
                                 .replace("%1", str(path)).replace("%2", str(rows)))
            self.report_saved.emit(str(path))

        self._ctx.runner.run(lambda: save_report(session, path, lang), saved, self._failed)

    def _field(self, types: list[str], path: str) -> str:
        """A field in words: a commune's sample spans books of several types."""
        head = path.split(".")[0].split("[")[0]
        rtype = next((t for t in types if root_field(t).child(head) is not None), None)
        return field_label(rtype, path, self._ctx.lang) if rtype else path

    def _draw_chart(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QBoxPlotSeries()
        series.setName(self.tr("Field error rate"))
        labels: list[str] = []
        top = 1.0
        for n, r in enumerate(self.reports, 1):
            f = r.fields
            low, rate, high = f.low * 100, f.rate * 100, f.high * 100
            box = QBoxSet(low, rate, rate, rate, high, f"{n}")
            series.append(box)
            labels.append(self.tr("Sample %1").replace("%1", str(n)))
            top = max(top, high)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(labels or [""])
        y = QValueAxis()
        y.setRange(0, min(100.0, top * 1.15))
        y.applyNiceNumbers()  # ticks at 0, 2, 4 ... rather than 2.8, 5.5, 8.3
        y.setLabelFormat("%.1f")
        y.setTitleText("%")
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def chart_values(self) -> list[tuple[float, float, float]]:
        """(low, rate, high) in per cent of each sample drawn on the chart."""
        found: list[tuple[float, float, float]] = []
        for series in self.chart.series():
            if isinstance(series, QBoxPlotSeries):
                for box in series.boxSets():
                    found.append((box.at(QBoxSet.ValuePositions.LowerExtreme),
                                  box.at(QBoxSet.ValuePositions.Median),
                                  box.at(QBoxSet.ValuePositions.UpperExtreme)))
        return found

    def draw(self, *, commune: bool = False) -> None:
        """Draw a sample of the book shown, or (``commune``) of every book of the commune."""
        if self.book is None and not commune:
            return
        session = self._ctx.session
        book_id = None if commune else self.book.id if self.book else None
        self.draw_button.setEnabled(False)
        self.commune_button.setEnabled(False)

        def drawn(sample: object) -> None:
            self.draw_button.setEnabled(self.book is not None)
            self.commune_button.setEnabled(True)
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(self.tr("Sample drawn: re-key its entries from their pages."))
            self.refresh()

        def failed(error: BaseException) -> None:
            self.draw_button.setEnabled(self.book is not None)
            self.commune_button.setEnabled(True)
            self._failed(error)

        self._ctx.runner.run(lambda: recheck.draw_recheck(session, book_id=book_id), drawn,
                             failed)

    def rekey(self) -> None:
        row = self.table.currentIndex().row()
        report = self.model.row_at(row)
        if report is not None and self._ctx.can("approve records"):
            self.rekey_requested.emit(report.sample.id)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang))
