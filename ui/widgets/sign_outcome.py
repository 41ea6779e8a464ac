"""What a signing batch did, shown until the supervisor dismisses it: how many extracts were
signed, each record that failed with its reason, what a cancel left unsigned, or why the
whole batch was refused (a wrong certificate password signs nothing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import Cancelled
from desktop_app.messages import Catalogue
from ui.context import SignOutcome
from ui.errors import message_for

_COLOURS = {"signed": "#1b5e20", "partial": "#8a5300", "cancelled": "#8a5300",
            "stopped": "#b00020", "failed": "#b00020", "refused": "#b00020"}


@dataclass(frozen=True)
class SignBatchResult:
    """``kind``: signed (all), partial (some failed), cancelled (stopped by the user),
    stopped (by a refusal midway, ``error``, after some were signed: ``unread`` not
    reached), failed (none signed), refused (the batch could not start: ``error``)."""

    kind: str
    signed: tuple[str, ...] = ()
    failed: tuple[tuple[str, BaseException], ...] = ()
    not_signed: tuple[str, ...] = ()  # left when the batch was cancelled
    error: BaseException | None = None
    unread: int = 0  # left too, never read: a batch of every record waiting, cancelled

    @classmethod
    def of(cls, outcomes: Sequence[SignOutcome], unread: int = 0,
           stopped_by: BaseException | None = None) -> SignBatchResult:
        signed = tuple(o.record_id for o in outcomes if o.error is None)
        cancelled = tuple(o.record_id for o in outcomes if isinstance(o.error, Cancelled))
        failed = tuple((o.record_id, o.error) for o in outcomes
                       if o.error is not None and not isinstance(o.error, Cancelled))
        kind = ("stopped" if stopped_by is not None else "cancelled" if cancelled or unread
                else "partial" if failed and signed else "failed" if failed else "signed")
        return cls(kind, signed, failed, cancelled, error=stopped_by, unread=unread)

    @classmethod
    def refused(cls, error: BaseException, ids: Sequence[str],
                unread: int = 0) -> SignBatchResult:
        """The batch stopped as a whole (before or while signing ``ids``, or ``unread``
        records it had not read yet)."""
        if isinstance(error, Cancelled):
            return cls("cancelled", not_signed=tuple(ids), unread=unread)
        return cls("refused", not_signed=tuple(ids), error=error, unread=unread)

    @property
    def left(self) -> int:
        """How many the batch left unsigned when it was cancelled."""
        return len(self.not_signed) + self.unread


class SignOutcomeWidget(QFrame):
    dismissed = Signal()

    def __init__(self, lang: str, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signOutcome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._lang = lang
        self._catalogue = catalogue
        self.result: SignBatchResult | None = None
        self.summary = QLabel(objectName="signOutcomeSummary")
        self.summary.setWordWrap(True)
        self.failures = QListWidget(objectName="signOutcomeFailures")
        self.failures.setWordWrap(True)
        # a few lines, scrolling beyond: the lists above keep their room
        self.failures.setMaximumHeight(self.failures.fontMetrics().lineSpacing() * 5 + 12)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), objectName="dismissSignOutcome")
        self.dismiss_button.clicked.connect(self.dismiss)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.failures)
        self.hide()

    def show_result(self, result: SignBatchResult, titles: Mapping[str, str]) -> None:
        """``titles``: a record id -> how the list names it (names and number)."""
        self.result = result
        self.failures.clear()
        self.summary.setText(self._summary(result))
        self.summary.setStyleSheet(f"color: {_COLOURS[result.kind]}; font-weight: bold")
        for record_id, error in result.failed:
            name = titles.get(record_id) or self.tr("A record")  # never its id
            item = QListWidgetItem(f"{name}: "
                                   f"{message_for(error, self._catalogue, self._lang)}")
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.failures.addItem(item)
        self.failures.setVisible(bool(result.failed))
        self.show()

    def dismiss(self) -> None:
        self.result = None
        self.failures.clear()
        self.summary.clear()
        self.hide()
        self.dismissed.emit()

    def _summary(self, r: SignBatchResult) -> str:
        if r.kind == "refused" and r.error is not None:
            return (self.tr("Nothing was signed: %1")
                    .replace("%1", message_for(r.error, self._catalogue, self._lang)))
        parts = [self.tr("%Ln extract(s) signed.", "", len(r.signed))]
        if r.failed:
            parts.append(self.tr("%Ln not signed (reason per record below).", "",
                                 len(r.failed)))
        if r.kind == "cancelled":
            parts.append(self.tr("Signing cancelled: %Ln left unsigned.", "", r.left))
        if r.kind == "stopped" and r.unread:
            parts.append(self.tr("Signing stopped there: %Ln more not reached, still "
                                 "selected.", "", r.unread))
        return " ".join(parts)
