"""The task runner's lanes: tasks of the database lane run one after the other on one thread
that keeps its Python thread state between tasks, so what a thread keeps in threading.local
(the store's connection of that thread) is there for the next task. On QThreadPool threads
each task got a new thread state: the store opened a connection per task and kept them all
(~10 MB per page of the sync queue at a million records)."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from desktop_app.errors import Cancelled
from tests.ui.conftest import wait_idle
from ui.tasks import JobControl, TaskRunner


def test_db_lane_tasks_keep_their_thread_state(qtbot: QtBot, runner: TaskRunner) -> None:
    local = threading.local()
    seen: list[object] = []

    def first() -> int:
        local.connection = "opened by the first task"
        return threading.get_ident()

    def later() -> tuple[int, object]:
        return threading.get_ident(), getattr(local, "connection", None)

    runner.run(first, seen.append, seen.append)
    for _ in range(3):
        runner.run(later, seen.append, seen.append)
    wait_idle(qtbot, runner)
    ident = seen[0]
    assert seen[1:] == [(ident, "opened by the first task")] * 3
    assert ident != threading.get_ident()  # off the GUI thread


def test_the_db_lane_runs_tasks_in_order_and_hands_errors_back(qtbot: QtBot,
                                                               runner: TaskRunner) -> None:
    ran: list[int] = []
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("no")

    for n in range(5):
        runner.run(lambda n=n: ran.append(n), lambda _r: None, errors.append)
    runner.run(fail, lambda _r: None, errors.append)
    wait_idle(qtbot, runner)
    assert ran == [0, 1, 2, 3, 4]
    assert [type(e) for e in errors] == [ValueError]


def test_general_lane_threads_last_and_shutdown_waits(qtbot: QtBot) -> None:
    runner = TaskRunner()
    local = threading.local()
    marks: list[object] = []

    def mark() -> object:
        before = getattr(local, "mark", None)
        local.mark = threading.get_ident()
        return before

    for _ in range(6):
        runner.run(mark, marks.append, marks.append, lane="general")
    wait_idle(qtbot, runner)
    # Two threads at most: each saw its own mark again from its second task on.
    assert marks.count(None) <= 2 and len(marks) == 6
    assert runner.shutdown()
    runner.run(lambda: marks.append("late"), marks.append, marks.append)
    assert runner.wait_all(1000) and "late" not in marks  # closed: nothing more runs


def test_a_cancelled_job_stops_at_its_next_report_but_not_at_its_last(
        qtbot: QtBot, runner: TaskRunner) -> None:
    """Cancel stops a job between two steps; the report that the work is complete does not
    fail the job afterwards, while a count with no known end (total 0) still stops."""
    reports: list[tuple[int, int]] = []

    def job(control: JobControl) -> list[str]:
        control.cancel()
        outcomes = []
        for done, total in ((3, 3), (0, 0), (2, 5), (4, 0)):
            try:
                control.progress("stage", done, total)
                outcomes.append("went on")
            except Cancelled:
                outcomes.append("stopped")
            reports.append((done, total))
        return outcomes

    results: list[object] = []
    runner.start_job(job, results.append, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results == [["went on", "went on", "stopped", "stopped"]]
    assert len(reports) == 4
