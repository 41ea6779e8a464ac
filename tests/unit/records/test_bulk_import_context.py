"""A bulk import reads an entry's context only when the store may hold something it relates
to (record_index.lookups, asked once a batch): every entry still gets the findings the full
context gives, whether what it relates to was there before or came earlier in the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.workflows import bulk_import, record_index, records
from tests.samples import DELETE, build
from tests.unit.conftest import Office
from tests.unit.records.test_bulk_import_worker import _entries, _file_and_copy, _stored

HUSBAND_ID = "079098001234"
OTHER_HUSBAND_ID = "079098005555"


def _registered(office: Office, rtype: str, data: dict[str, Any]) -> str:
    created = records.create_record(office("canbo"), rtype, data)
    records.submit(office("canbo"), created.record.id)
    reasons = {i.code: "đã kiểm tra hồ sơ gốc" for i in created.issues if i.is_warning}
    records.approve(office("chutich"), created.record.id, reasons)
    return created.record.id


def _related(birth_id: str) -> list[dict[str, Any]]:
    """Entries that relate to what the store holds, or to each other, or to nothing."""
    entry: list[tuple[str, dict[str, Any]]] = [
        # The registered husband marries again (bigamy); a namesake of another generation.
        ("marriage", build("marriage", {"wife.full_name": "Lê Thị Hoa",
                                        "registration_kind": "re_registration"})),
        ("marriage", build("marriage", {"husband.date_of_birth": "1960-03-02",
                                        "wife.full_name": "Vũ Thị Mai"})),
        # The registered husband by his personal ID, his birth date written otherwise.
        ("marriage", build("marriage", {"husband.date_of_birth": "1950-01-01",
                                        "husband.personal_id": HUSBAND_ID,
                                        "wife.full_name": "Đỗ Thị Hạnh"})),
        # Another registered husband, after the first one's were read in this batch.
        ("marriage", build("marriage", {"husband.full_name": "Trịnh Văn Khoa",
                                        "husband.personal_id": OTHER_HUSBAND_ID,
                                        "wife.full_name": "Mai Thị Lan"})),
        # A twin of the held birth (a day later), the same child again, a child born later.
        ("birth", build("birth", {"child.full_name": "Nguyễn Văn Bình",
                                  "child.date_of_birth": "2026-01-11"})),
        ("birth", build("birth")),
        # The same child twice with no mother written: found by the child alone.
        ("birth", build("birth", {"child.full_name": "Đinh Văn Lẻ", "mother": DELETE,
                                  "declarant.relationship": "father"})),
        ("birth", build("birth", {"child.full_name": "Đinh Văn Lẻ", "mother": DELETE,
                                  "declarant.relationship": "father"})),
        ("birth", build("birth", {"child.full_name": "Nguyễn Văn Cường",
                                  "child.date_of_birth": "2026-03-13"})),
        # Twins within the file only, to a mother the store has never seen.
        ("birth", build("birth", {"child.full_name": "Hà Văn Một", "mother.full_name":
                                  "Hà Thị Sáu", "child.date_of_birth": "2003-05-05"})),
        ("birth", build("birth", {"child.full_name": "Hà Văn Hai", "mother.full_name":
                                  "Hà Thị Sáu", "child.date_of_birth": "2003-05-05"})),
        # The registered ward under another guardian; a ward nobody has.
        ("guardianship", build("guardianship", {"guardian.full_name": "Lý Văn Ba"})),
        ("guardianship", build("guardianship", {"ward.full_name": "Mạc Văn Tí"})),
        # Acts that name the held birth by id, or an id nobody holds.
        ("recognition", build("recognition", {"child.birth_record": {"record_id": birth_id},
                                              "child.full_name": "Nguyễn Văn An",
                                              "child.date_of_birth": "2026-01-10"})),
        ("change", build("change", {"original_record": {"record_id": birth_id}})),
        ("change", build("change", {"original_record": {"record_id": "no-such-record"}})),
        # The husband's own birth (W-MARR-KIN reads both parties' births).
        ("birth", build("birth", {"child.full_name": "Phạm Văn Hùng",
                                  "child.date_of_birth": "1998-05-01"})),
        ("marriage", build("marriage", {"husband.date_of_birth": "1998-05-01",
                                        "husband.personal_id": "079098009999"})),
    ]
    return [{"type": t, "data": d} for t, d in entry]


@pytest.mark.parametrize("batch", [3, 500])
def test_skipped_reads_change_no_finding(office: Office, tmp_path: Path, batch: int,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _registered(office, "marriage", build("marriage", {"husband.personal_id": HUSBAND_ID}))
    _registered(office, "marriage", build("marriage", {
        "husband.full_name": "Trịnh Văn Khoa", "husband.personal_id": OTHER_HUSBAND_ID,
        "wife.full_name": "Tô Thị Nga"}))
    _registered(office, "guardianship", build("guardianship"))
    birth_id = records.create_record(office("canbo"), "birth", build("birth")).record.id
    source, second = _file_and_copy(office, tmp_path, [*_related(birth_id), *_entries(40)])
    try:
        skipping = bulk_import.run_import(office("canbo"), source, book="B-1", batch=batch,
                                          worker=False)
        # The reference: every entry's context read in full, as a hand-keyed save does (and
        # nothing the batch's earlier contexts read kept for the next: record_index.Registered).
        monkeypatch.setattr(bulk_import._Held, "may_relate", lambda _self, _item: True)
        whole = record_index.validation_context
        monkeypatch.setattr(record_index, "validation_context",
                            lambda uow, rtype, data, rid, _kept=None: whole(uow, rtype, data, rid))
        reading = bulk_import.run_import(second("canbo"), source, book="B-1", batch=batch,
                                         worker=False)
        assert skipping.to_json() == reading.to_json()
        assert _stored(office) == _stored(second)
        found = set(skipping.rules)
        assert {"W-MARR-BIGAMY", "W-TWINS", "W-DUP-PERSON"} <= found, found
        assert len(found) >= 8  # the context and the rules between records mattered
    finally:
        for session in second.sessions.values():
            session.close()
