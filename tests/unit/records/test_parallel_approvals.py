"""Several processes approving and signing on one store at once (issue 16 items 1 and 2).

Real processes (spawned, released together by a barrier) share the data folder as two
supervisors on two computers of one office would share it over the same disk. Every legal
number they hand out (registration number, extract number) is unique, the audit chain stays
one line, each version leaves once, every extract verifies; and two approvals that make a
warning for each other end with one approved and the other asked for the new warning's
reason, nothing of it half-applied.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.clock import FixedClock
from desktop_app.domain import messages as domain_messages
from desktop_app.errors import HotichError
from desktop_app.messages import render
from desktop_app.paths import DataPaths
from desktop_app.workflows import accounts, extracts, records
from desktop_app.workflows.approval import review
from desktop_app.workflows.audit import verify_audit
from signing.devca import make_ca, make_leaf, p12
from signing.service import PdfExtractService
from tests.samples import build
from tests.unit.conftest import PW, Office

P12_PW = "mật-khẩu-p12"
NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)
WORKERS = 4
PER_WORKER = 3


def _approve_and_sign(root: str, user: str, record_ids: list[str],
                      start: multiprocessing.synchronize.Barrier,
                      results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    paths = DataPaths(Path(root))
    session = accounts.login(paths, user, PW, FixedClock(NOW))
    try:
        service = PdfExtractService(paths.root / "trust")
        start.wait(timeout=120)
        for record_id in record_ids:
            warnings = review(session, record_id).warnings
            records.approve(session, record_id, {w.code: "đã kiểm tra" for w in warnings})
        issued = extracts.sign_extracts(session, record_ids, service=service,
                                        p12_password=P12_PW, out=None)
        results.put(("ok", [i.extract_number for i in issued]))
    except HotichError as exc:  # reported to the parent, which fails the test with it
        results.put(("error", exc.code))
    finally:
        session.close()


def _certificates(office: Office) -> PdfExtractService:
    ca = make_ca("Test Root", now=NOW)
    trust = office.paths.root / "trust"
    trust.mkdir()
    (trust / "root.pem").write_bytes(ca.pem)
    service = PdfExtractService(trust)
    for user, name in (("chutich", "Hoàng Văn Chủ"), ("phochutich", "Đinh Thị Phó")):
        extracts.import_certificate(office(user), p12(make_leaf(name, ca, now=NOW), [ca],
                                                      P12_PW), P12_PW, service)
        office.sessions.pop(user).close()
    return service


def _submitted(office: Office, record_type: str, data: dict[str, object]) -> str:
    created = records.create_record(office("canbo"), record_type, data)
    records.submit(office("canbo"), created.record.id)
    return created.record.id


def _run(office: Office, jobs: list[tuple[str, list[str]]]) -> list[tuple[str, object]]:
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(len(jobs)), spawn.Queue()
    workers = [spawn.Process(target=_approve_and_sign,
                             args=(str(office.paths.root), user, ids, start, results))
               for user, ids in jobs]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=600) for _w in workers]
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    return outcomes


def test_parallel_approvals_and_signatures_hand_out_unique_numbers(office: Office) -> None:
    service = _certificates(office)
    ids = []
    for n in range(WORKERS * PER_WORKER):
        if n % 2:
            ids.append(_submitted(office, "marriage", build("marriage", {
                "husband.full_name": f"Phạm Văn Hùng {n}", "wife.full_name": f"Đỗ Thị Lan {n}"})))
        else:
            ids.append(_submitted(office, "death", build(
                "death", {"deceased.full_name": f"Nguyễn Văn Thử {n}"})))
    office.sessions.pop("canbo").close()
    jobs = [(("chutich", "phochutich")[w % 2], ids[w::WORKERS]) for w in range(WORKERS)]
    outcomes = _run(office, jobs)
    assert [kind for kind, _ in outcomes] == ["ok"] * WORKERS, outcomes
    numbers = [n for _, issued in outcomes for n in issued]  # type: ignore[union-attr]

    session = office("chutich")
    assert len(numbers) == len(ids) and len(set(numbers)) == len(numbers)
    stored = [records.get_record(session, i) for i in ids]
    assert {r.status for r in stored} == {"queued"}
    for record_type in ("death", "marriage"):
        book = sorted(int(r.registration_number or 0) for r in stored if r.type == record_type)
        assert book == list(range(1, len(book) + 1))  # unique, and no number lost
    with session.store.read() as uow:
        keys = [item.idempotency_key for item in uow.outbox.all_items()]
        rows = [uow.extracts.by_number(n) for n in numbers]
    assert len(keys) == len(set(keys)) == len(ids)
    assert Counter(key.rsplit(":", 2)[1] for key in keys) == Counter(ids)
    with session.store.read() as uow:
        entries = len(list(uow.audit.entries()))
    assert verify_audit(session).entries == entries
    for row in rows:
        assert row is not None
        check = extracts.verify_pdf(extracts.issued_pdf(session, row.extract_number), service,
                                    session)
        assert check.is_valid, check.code
        assert check.extract_number == row.extract_number


def test_two_approvals_that_warn_on_each_other_one_wins(office: Office) -> None:
    """Two re-registered marriages of one husband: each alone is clean; once one is in the
    register the other is a second marriage (W-MARR-BIGAMY). Both supervisors approve at the
    same time having seen no warning: one wins, the other is asked for the reason."""
    kind = {"registration_kind": "re_registration", "effective_date": "2025-12-01"}
    first = _submitted(office, "marriage", build("marriage", {**kind}))
    second = _submitted(office, "marriage", build("marriage", {
        **kind, "wife.full_name": "Lê Thị Hoa", "wife.date_of_birth": "1999-03-03"}))
    assert review(office("chutich"), first).warnings == []
    assert review(office("chutich"), second).warnings == []
    office.sessions.pop("chutich").close()
    _certificates(office)

    outcomes = _run(office, [("chutich", [first]), ("phochutich", [second])])
    assert sorted(kind for kind, _ in outcomes) == ["error", "ok"], outcomes
    assert [code for kind, code in outcomes if kind == "error"] == ["E-OVERRIDE-MISSING"]

    session = office("chutich")
    won, lost = sorted((records.get_record(session, i) for i in (first, second)),
                       key=lambda r: r.status != "queued")
    assert won.status == "queued" and won.registration_number == "1"
    # Nothing of the refused approval was applied: no number, no outbox item, no audit step.
    assert lost.status == "submitted" and lost.registration_number is None
    assert lost.approved_by is None
    with session.store.read() as uow:
        assert uow.outbox.for_record(lost.id) == []
        assert [e.action for e in uow.audit.entries(lost.id)] == ["record.create",
                                                                  "record.submit"]
    warnings = review(session, lost.id).warnings
    assert [w.code for w in warnings] == ["W-MARR-BIGAMY"]
    message = render("E-OVERRIDE-MISSING", {"rules": [w.code for w in warnings]},
                     catalogue=domain_messages.MESSAGES, lang="vi")
    assert "lý do" in message and "W-MARR-BIGAMY" in message
    approved = records.approve(session, lost.id, {"W-MARR-BIGAMY": "bản án ly hôn đã có"})
    assert approved.record.registration_number == "2"  # the book has no gap
    assert verify_audit(session).entries > 0
