"""Extract numbers are reserved inside the write transaction under a primary key: two
processes signing at once on one store issue distinct, consecutive numbers; and a store of
schema 4 keeps the numbers it already issued when it is upgraded."""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.clock import FixedClock
from desktop_app.paths import DataPaths
from desktop_app.store.extracts_repo import ExtractRow
from desktop_app.store.keyfile import new_data_key
from desktop_app.store.unit_of_work import Store
from desktop_app.workflows import accounts, extracts, records
from signing.devca import make_ca, make_leaf, p12
from signing.errors import Pkcs12PasswordError
from signing.service import PdfExtractService
from tests.samples import build
from tests.unit.conftest import PW, Office

P12_PW = "mật-khẩu-p12"
NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)


def _issue(root: str, record_ids: list[str], start: multiprocessing.synchronize.Barrier,
           results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """One process: log in as the supervisor, wait for the other, sign its records."""
    paths = DataPaths(Path(root))
    session = accounts.login(paths, "chutich", PW, FixedClock(NOW))
    try:
        service = PdfExtractService(paths.root / "trust")
        start.wait(timeout=120)
        issued = extracts.sign_extracts(session, record_ids, service=service,
                                        p12_password=P12_PW, out=None)
        results.put([i.extract_number for i in issued])
    finally:
        session.close()


def test_two_processes_issue_distinct_consecutive_numbers(office: Office) -> None:
    ca = make_ca("Test Root", now=NOW)
    trust = office.paths.root / "trust"
    trust.mkdir()
    (trust / "root.pem").write_bytes(ca.pem)
    service = PdfExtractService(trust)
    extracts.import_certificate(office("chutich"), p12(make_leaf("Hoàng Văn Chủ", ca, now=NOW),
                                                       [ca], P12_PW), P12_PW, service)
    ids = []
    for n in range(6):
        created = records.create_record(office("canbo"), "death", build(
            "death", {"deceased.full_name": f"Nguyễn Văn Thử {'ABCDEF'[n]}"}))
        records.submit(office("canbo"), created.record.id)
        reasons = {i.code: "đã kiểm tra" for i in created.issues if i.is_warning}
        records.approve(office("chutich"), created.record.id, reasons)
        ids.append(created.record.id)
    with pytest.raises(Pkcs12PasswordError):  # the number it reserved is given back
        extracts.sign_extracts(office("chutich"), ids[:1], service=service,
                               p12_password="sai", out=None)
    office.sessions.pop("chutich").close()

    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(2), spawn.Queue()
    workers = [spawn.Process(target=_issue, args=(str(office.paths.root), part, start,
                                                  results))
               for part in (ids[0::2], ids[1::2])]
    for worker in workers:
        worker.start()
    numbers = [n for _w in workers for n in results.get(timeout=300)]
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert sorted(numbers) == [f"{n:03d}/2026/TLKT" for n in range(1, 7)]
    session = office("chutich")
    for record_id in ids:
        assert records.get_record(session, record_id).status == "queued"


def test_upgrade_keeps_the_numbers_already_issued(tmp_path: Path) -> None:
    store = Store(tmp_path / "hotich.db", new_data_key())
    try:
        store.migrate(tmp_path / "backups", target=4)
        with store.write() as uow:
            # The record as schema 4 held it (today's repository writes schema 6 columns).
            store.connection().execute(
                "INSERT INTO records (id, type, status, data, office, officer, created_at, "
                "updated_at) VALUES ('r1', 'death', 'signed', '{}', '26740', 'canbo', ?, ?)",
                (NOW.isoformat(), NOW.isoformat()))
            for number in ("007/2026/TLKT", "001/2026/TLKT-BS", "012/2025/TLTĐ"):
                uow.extracts.add(ExtractRow("r1", number, number.endswith("BS"), "chutich",
                                            NOW.isoformat(), "d", "p", False))
        store.migrate(tmp_path / "backups", target=5)
        assert store.schema_version() == 5
        with store.write() as uow:
            assert uow.extracts.reserve_number(2026, "TLKT", "r1", NOW) == 8
            assert uow.extracts.reserve_number(2026, "TLKT-BS", "r1", NOW) == 2
            assert uow.extracts.reserve_number(2025, "TLTĐ", "r1", NOW) == 13
            assert uow.extracts.reserve_number(2027, "TLTĐ", "r1", NOW) == 1
            uow.extracts.release_number(2027, "TLTĐ", 1)  # a failed signature gives it back
            assert uow.extracts.reserve_number(2027, "TLTĐ", "r1", NOW) == 1
    finally:
        store.close()
