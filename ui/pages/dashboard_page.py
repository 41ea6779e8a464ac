"""Dashboard: records by state, connection, days since the last sync, numbers left in each
book, certificate expiry, today's registrations and a chart of the last 30 days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCharts import QBarSeries, QBarSet, QCategoryAxis, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import Status
from desktop_app.workflows import dashboard
from desktop_app.workflows.dashboard import ConnectionState, DashboardSummary
from desktop_app.workflows.numbering import BookStatus
from ui.context import UiContext
from ui.errors import message_for
from ui.labels import local_time, status_label, type_label
from ui.models import RowsModel

CONNECTION_LABELS = {
    ConnectionState.NOT_CONFIGURED: ("Chưa kết nối máy chủ", "No server set up"),
    ConnectionState.OFFLINE: ("Ngoại tuyến", "Offline"),
    ConnectionState.ONLINE: ("Trực tuyến", "Online"),
    ConnectionState.SYNCING: ("Đang đồng bộ", "Syncing"),
}


def _card(title: str, name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet("QFrame { background: #f6f8fb; border-radius: 6px; }")
    value = QLabel("—", objectName=name)
    value.setStyleSheet("font-size: 22px; font-weight: bold; color: #0d47a1")
    caption = QLabel(title)
    caption.setWordWrap(True)
    layout = QVBoxLayout(frame)
    layout.addWidget(value)
    layout.addWidget(caption)
    return frame, value


def day_labels(days: list[date], every: int = 5) -> list[tuple[int, str]]:
    """Where the chart names its days: every fifth one back from today, as dd/mm, so that
    each fits in full under its bar at the default window size (all thirty were cut to
    "⋮")."""
    last = len(days) - 1
    return [(n, day.strftime("%d/%m")) for n, day in enumerate(days) if (last - n) % every == 0]


class DashboardPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardPage")
        self._ctx = ctx
        self.summary: DashboardSummary | None = None
        # The window's link watcher, when it runs, knows the real state of the link.
        self.link_state: Callable[[], ConnectionState | None] | None = None
        lang = ctx.lang
        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        specs = [
            ("created_today", self.tr("Received today")),
            ("registered_today", self.tr("Registered today")),
            ("submitted", self.tr("Waiting for approval")),
            ("drafts", self.tr("Drafts")),
            ("queue", self.tr("Waiting to sync")),
            ("connection", self.tr("Connection")),
            ("last_sync", self.tr("Days since the last sync")),
            ("certificate", self.tr("Signing certificate valid until")),
        ]
        for n, (key, title) in enumerate(specs):
            frame, value = _card(title, f"card:{key}")
            self.cards[key] = value
            cards.addWidget(frame, n // 4, n % 4)

        self.states = QLabel(objectName="statesLine")
        self.states.setWordWrap(True)
        self.books: RowsModel[BookStatus] = RowsModel([
            (self.tr("Book"), lambda b: type_label(b.record_type, lang)),
            (self.tr("Book number"), lambda b: b.book_number or ""),
            (self.tr("Numbers left"), lambda b: str(b.numbers_left)),
            (self.tr("Closed"), lambda b: self.tr("yes") if b.closed else "")], parent=self)
        books_view = QTableView(objectName="booksTable")
        books_view.setModel(self.books)
        books_view.verticalHeader().hide()
        books_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        books_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        books_view.horizontalHeader().setStretchLastSection(True)
        # As wide as its columns: none is cut, no sideways scroll bar; the chart takes the rest.
        books_view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        books_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.books_view = books_view

        self.chart = QChart()
        self.chart.setTitle(self.tr("Records received, last 30 days"))
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 18, 4))  # room for the last date
        self.chart_view = QChartView(self.chart, objectName="dayChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)

        self.message = QLabel(objectName="dashboardMessage")
        refresh = QPushButton(self.tr("Refresh"), objectName="refreshDashboard")
        refresh.clicked.connect(self.refresh)
        lower = QHBoxLayout()
        books_box = QGroupBox(self.tr("Numbers left in each book"))
        QVBoxLayout(books_box).addWidget(books_view)
        lower.addWidget(books_box, 0)
        lower.addWidget(self.chart_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addWidget(self.states)
        layout.addLayout(lower, 1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        ctx = self._ctx
        expiry = ctx.hooks.certificate_expiry
        ctx.runner.run(lambda: dashboard.summary(ctx.session, certificate_expiry=expiry),
                       self._loaded, self._failed)
        known = self.link_state() if self.link_state is not None else None
        if known is not None:
            self.show_connection(known)
            return
        probe = ctx.hooks.connection_probe
        ctx.runner.run(probe, self.show_connection, self._connection_failed, lane="general")

    def show_connection(self, state: ConnectionState) -> None:
        pair = CONNECTION_LABELS.get(state, (str(state), str(state)))
        self.cards["connection"].setText(pair[0 if self._ctx.lang == "vi" else 1])

    def _failed(self, error: BaseException) -> None:
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang,
                                         "dashboard"))

    def _connection_failed(self, error: BaseException) -> None:
        self.cards["connection"].setText("—")  # not known now
        self.message.setText(message_for(error, self._ctx.catalogue, self._ctx.lang,
                                         "connection probe"))

    def _loaded(self, summary: DashboardSummary) -> None:
        self.summary = summary
        lang = self._ctx.lang
        by = summary.by_status
        self.cards["created_today"].setText(str(summary.created_today))
        self.cards["registered_today"].setText(str(summary.registered_today))
        self.cards["submitted"].setText(str(by.get(Status.SUBMITTED.value, 0)))
        self.cards["drafts"].setText(str(by.get(Status.DRAFT.value, 0)))
        self.cards["queue"].setText(str(summary.queue_size))
        self.cards["last_sync"].setText(self.tr("never") if summary.days_since_sync is None
                                        else str(summary.days_since_sync))
        self.cards["certificate"].setText(
            local_time(summary.certificate_expires)[:10] if summary.certificate_expires
            else "—")
        self.states.setText(self.tr("Records by state: ") + ", ".join(
            f"{status_label(s.value, lang)} {by[s.value]}" for s in Status if by.get(s.value))
            if by else self.tr("No records yet."))
        self.books.set_rows(list(summary.books))
        self._draw_chart(summary)
        self.message.clear()

    def _draw_chart(self, summary: DashboardSummary) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(self.tr("Records"))
        bars.setColor(Qt.GlobalColor.darkCyan)
        for day in summary.last_days:
            bars.append(day.count)
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        x = QCategoryAxis()  # a value axis: the dates it names fit between its ticks
        x.setRange(-0.5, len(summary.last_days) - 0.5)
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for n, label in day_labels([d.day for d in summary.last_days]):
            x.append(label, n)
        y = QValueAxis()
        top = max([1, *(d.count for d in summary.last_days)])
        step = max(1, -(-top // 5))
        y.setRange(0, step * -(-top // step))
        y.setTickCount(int(y.max() // step) + 1)
        y.setLabelFormat("%d")
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()
