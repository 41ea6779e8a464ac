"""Signing every record waiting, which is what "Select all" on the "to sign" list means: the
list holds a page or a few of them (it is paged by keyset), so neither the count shown nor the
batch comes from its rows. Both read the records to sign page by page off the GUI thread, as
the list itself does: the count a bounded step at a time on the database lane, the batch on
the signing worker, which hands each page to the signer as it reads it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.errors import Cancelled
from desktop_app.record import StoredRecord
from desktop_app.session import Session
from desktop_app.workflows import approval
from ui.context import SignOutcome, SignRecords, UiContext
from ui.models import PagedRowsModel
from ui.tasks import JobControl

COUNT_STEP = 1000  # records to sign counted per task (~50 ms): the database lane stays shared


def count_step(session: Session, after: str | None) -> tuple[int, str | None]:
    """Records to sign from ``after`` on, as far as one bounded read goes, and where the
    next step starts (None: counted to the end)."""
    page = approval.to_sign_page(session, after=after, limit=COUNT_STEP)
    return len(page.records), page.after


@dataclass(frozen=True)
class WaitingBatch:
    """What signing every record waiting did: each record's outcome, the records of those
    that failed (their names for the outcome; never read again on the GUI thread), how many
    of those counted were never reached, and the refusal that stopped the batch midway (a
    certificate that expired, a token pulled out; None: it ran to the end or was
    cancelled)."""

    outcomes: tuple[SignOutcome, ...]
    failed: tuple[StoredRecord, ...]
    left: int
    stopped_by: BaseException | None = None


def sign_waiting(session: Session, sign: SignRecords, password: str, control: JobControl, *,
                 excluded: frozenset[str], expected: int,
                 page_size: int = approval.TO_SIGN_PAGE) -> WaitingBatch:
    """Sign every record waiting but ``excluded`` (ticked off in the list), one page at a
    time. ``expected``: how many were counted (the progress bar's total until more turn up).
    A refusal before anything was signed (a wrong certificate password) refuses the batch;
    a later one stops it there, what was signed staying signed."""
    outcomes: list[SignOutcome] = []
    failed: list[StoredRecord] = []
    after: str | None = None
    done = 0
    stop: BaseException | None = None
    while not control.is_cancelled:
        page = approval.to_sign_page(session, after=after, limit=page_size)
        chosen = [r for r in page.records if r.id not in excluded]
        if chosen:
            got, stop = _sign_page(session, sign, password, control, chosen,
                                   first=not outcomes, done=done, expected=expected)
            outcomes += got
            by_id = {r.id: r for r in chosen}
            failed += [by_id[o.record_id] for o in got if o.record_id in by_id
                       and o.error is not None and not isinstance(o.error, Cancelled)]
            done += len(chosen)
            if stop is not None:
                break
        if page.after is None:
            return WaitingBatch(tuple(outcomes), tuple(failed), 0)
        after = page.after
    refusal = None if isinstance(stop, Cancelled) else stop
    return WaitingBatch(tuple(outcomes), tuple(failed), max(0, expected - done), refusal)


def _sign_page(session: Session, sign: SignRecords, password: str, control: JobControl,
               chosen: list[StoredRecord], *, first: bool, done: int, expected: int
               ) -> tuple[list[SignOutcome], BaseException | None]:
    """One page to the signer, its progress told as part of the batch, and why the batch
    stops there if it does: Cancelled, or the refusal of a page after others were signed."""

    def report(stage: str, n: int, _total: int) -> None:
        control.progress(stage, done + n, max(expected, done + len(chosen)))

    try:
        got = list(sign(session, [r.id for r in chosen], password, report))
    except Exception as exc:
        if first:
            raise  # nothing signed yet: the batch as a whole is refused
        return [SignOutcome(r.id, exc) for r in chosen], exc
    cancelled = any(isinstance(o.error, Cancelled) for o in got)
    return got, Cancelled() if cancelled else None


class SignSelectionWidget(QWidget):
    """"Select all" (every record waiting: the rows of the list checked, those still to load
    too), "Clear selection", and how many the next batch signs ("Đã chọn tất cả 1.234 hồ
    sơ đang chờ ký."), counted on the database lane while the list shows its first page."""

    failed = Signal(object)  # a count step's error (BaseException)
    changed = Signal()  # what is chosen, or what is known to wait, changed

    def __init__(self, ctx: UiContext, model: PagedRowsModel[StoredRecord],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._model = model
        self.waiting_count: int | None = None  # records to sign, counted for "Select all"
        self._has_read = False  # a first page arrived: an empty list then means none waits
        self._generation = 0
        self.label = QLabel(objectName="signSelection")
        self.clear_button = QPushButton(self.tr("Clear selection"),
                                        objectName="clearSignSelection")
        self.clear_button.clicked.connect(lambda: model.set_checked_rows(()))
        self.select_all = QPushButton(self.tr("Select all"), objectName="selectAllToSign")
        self.select_all.setToolTip(self.tr("Every record waiting to be signed, also those "
                                           "the list has not shown yet"))
        self.select_all.clicked.connect(self.choose_all)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.select_all)
        model.dataChanged.connect(lambda *_a: self.update_text())
        model.modelReset.connect(self.update_text)
        model.rowsInserted.connect(lambda *_a: self.update_text())
        model.loaded.connect(self._loaded)
        self.update_text()

    def choose_all(self) -> None:
        self._model.check_all()
        self._count()

    @property
    def count(self) -> int | None:
        """How many records the next batch signs (None: still being counted)."""
        model = self._model
        if not model.is_all_checked:
            return len(model.checked())
        if self.waiting_count is None:
            return None
        return max(0, self.waiting_count - len(model.unchecked_keys()))

    @property
    def is_nothing_waiting(self) -> bool:
        """The list read to its end holds no record to sign, or "Select all" counted none."""
        model = self._model
        return (self._has_read and model.rowCount() == 0 and model.is_complete) or \
            (model.is_all_checked and self.waiting_count == 0)

    def update_text(self) -> None:
        count = self.count
        nothing = self.is_nothing_waiting
        if nothing:
            text = self.tr("Nothing is waiting to be signed.")
        elif self._model.is_all_checked:
            text = (self.tr("All records waiting to be signed are selected (counting…).")
                    if count is None else
                    self.tr("All %Ln record(s) waiting to be signed are selected.", "", count))
        else:
            text = self.tr("%Ln record(s) selected.", "", count) if count else ""
        self.label.setText(text)
        self.clear_button.setVisible(bool(text) and not nothing)
        self.select_all.setEnabled(self._model.rowCount() > 0)  # none shown: none to choose
        self.changed.emit()

    def _loaded(self, first: bool) -> None:
        self._has_read = True
        if first and self._model.is_all_checked:
            self._count()  # the list was read again: what waits may have changed
        else:
            self.update_text()  # the list read to its end may be empty

    def _count(self) -> None:
        self._generation += 1
        generation, session, runner = self._generation, self._ctx.session, self._ctx.runner
        self.waiting_count = None
        self.update_text()

        def step(after: str | None, counted: int) -> None:
            def arrived(result: tuple[int, str | None]) -> None:
                if generation != self._generation:
                    return  # counting again meanwhile
                found, cursor = result
                if cursor is None:
                    self.waiting_count = counted + found
                    self.update_text()
                else:
                    step(cursor, counted + found)

            runner.run(lambda: count_step(session, after), arrived, self.failed.emit)

        step(None, 0)
