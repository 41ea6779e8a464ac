"""What an approved act does to the record it concerns (issue 15 items 2-4): the original
takes a new version (the earlier one kept), its next extract prints the new values and the
note of the act with its number and date; its status is untouched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain import validate
from desktop_app.domain.errors import RecordInvalidError
from desktop_app.workflows import extracts, record_index, records
from signing.compose import Cells, ExtractText, RichText, Span, compose_extract
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.samples import DELETE, TODAY, build
from tests.unit.conftest import Office


def _registered(office: Office, rtype: str, data: dict[str, Any]) -> records.SaveResult:
    created = records.create_record(office("canbo"), rtype, data)
    records.submit(office("canbo"), created.record.id)
    reasons = {i.code: "đã kiểm tra hồ sơ gốc" for i in created.issues if i.is_warning}
    return records.approve(office("chutich"), created.record.id, reasons)


def _plain(text: RichText) -> str:
    return "".join(s.text if isinstance(s, Span) else "\n" for s in text)


def _extract_text(office: Office, record_id: str) -> str:
    session = office("chutich")
    with session.store.read() as uow:
        rec = records.find_record(uow, record_id)
        request = extracts.build_request(uow, session, rec, extract_number="1/2026/TLKS",
                                         is_copy=False, signer_title="CHỦ TỊCH")
    text: ExtractText = compose_extract(request.record, request)
    return "\n".join(" | ".join(_plain(c) for c in row.cells) if isinstance(row, Cells)
                     else _plain(row.text) for row in text.body)


_NO_FATHER = {"father": DELETE, "declarant.relationship": "mother",
              "declarant.full_name": "Trần Thị Bình", "child.full_name": "Trần Văn Đức"}


def test_an_approved_recognition_supplements_the_birth(office: Office) -> None:
    birth = _registered(office, "birth", build("birth", _NO_FATHER)).record
    assert "NGUYỄN VĂN CƯỜNG" not in _extract_text(office, birth.id)
    recognition = build("recognition", {
        "child.birth_record": {"record_id": birth.id}, "child.full_name": "Trần Văn Đức",
        "child.date_of_birth": "2026-01-10"})
    act = _registered(office, "recognition", recognition).record
    after = records.get_record(office("canbo"), birth.id)
    assert after.data["father"]["full_name"] == "Nguyễn Văn Cường"
    assert after.status == birth.status and after.version == birth.version + 1
    with office("canbo").store.read() as uow:
        (kept,) = uow.records.versions(birth.id)
    assert kept.version == birth.version and "father" not in kept.data and kept.cause == act.id
    note = f"Đã đăng ký nhận cha, mẹ, con số {act.registration_number}, ngày 15/01/2026"
    assert note in after.notes
    text = _extract_text(office, birth.id)
    assert "NGUYỄN VĂN CƯỜNG" in text and note in text
    assert [e.action for e in records.history(office("canbo"), birth.id)][-1] == "supplement"


def test_an_approved_correction_changes_the_original(office: Office) -> None:
    birth = _registered(office, "birth", build("birth")).record
    correction = build("change", {
        "original_record": {"record_id": birth.id},
        "subject": {"full_name": "Nguyễn Văn An", "date_of_birth": "2026-01-10"},
        "changes": [{"field": "full_name", "from": "Nguyễn Văn An", "to": "Nguyễn Văn Ân"}]})
    act = _registered(office, "change", correction).record
    after = records.get_record(office("canbo"), birth.id)
    assert after.data["child"]["full_name"] == "Nguyễn Văn Ân"
    text = _extract_text(office, birth.id)
    assert "NGUYỄN VĂN ÂN" in text
    assert (f"Cải chính họ, chữ đệm, tên từ “Nguyễn Văn An” thành “Nguyễn Văn Ân” (đăng ký số "
            f"{act.registration_number}, ngày 15/01/2026)") in text
    # Checked again (a reopened correction, or at the centre), it is not refused: the
    # version it changed held its "from".
    with office("canbo").store.read() as uow:
        stored = uow.records.get(act.id)
        assert stored is not None
        context = record_index.validation_context(uow, "change", stored.data, stored.id)
    assert "E-CHANGE-FROM" not in {i.code for i in validate(
        "change", stored.data, today=TODAY, context=context)}
    # The next correction must start from what the record now holds.
    again = build("change", {**{k: correction[k] for k in ("original_record", "subject")},
                             "changes": [{"field": "full_name", "from": "Nguyễn Văn An",
                                          "to": "Nguyễn Văn Ẩn"}]})
    with pytest.raises(RecordInvalidError) as old_value:
        records.create_record(office("canbo"), "change", again)
    assert "E-CHANGE-FROM" in old_value.value.params["rules"]  # type: ignore[operator]


def test_an_ethnicity_redetermination_to_a_parents_and_its_note(office: Office) -> None:
    birth = _registered(office, "birth", build("birth", {
        "father.ethnicity": "Tày", "mother.ethnicity": "Kinh"})).record
    base = {"original_record": {"record_id": birth.id}, "kind": "ethnicity_redetermination",
            "subject": {"full_name": "Nguyễn Văn An", "date_of_birth": "2026-01-10"}}
    nung = build("change", {**base, "changes": [
        {"field": "ethnicity", "from": "Kinh", "to": "Nùng"}]})
    with pytest.raises(RecordInvalidError) as not_a_parents:
        records.create_record(office("canbo"), "change", nung)
    assert "E-ETHNIC-PARENT" in not_a_parents.value.params["rules"]  # type: ignore[operator]
    _registered(office, "change", build("change", {**base, "changes": [
        {"field": "ethnicity", "from": "Kinh", "to": "Tày"}]}))
    after = records.get_record(office("canbo"), birth.id)
    assert after.data["child"]["ethnicity"] == "Tày"
    (note,) = after.notes
    assert note.startswith("Xác định lại dân tộc từ “Kinh” thành “Tày”")
    assert "dân tộc dân tộc" not in _extract_text(office, birth.id)


def test_the_cli_shows_the_supplemented_birth(cli: Callable[..., CliResult],
                                              data_dir: Path) -> None:
    for name, role in (("canbo", "officer"), ("chutich", "supervisor")):
        assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                   role, "--password-stdin", stdin="pw-staff-1\n",
                   password=ADMIN_PASSWORD).code == 0

    def register(rtype: str, data: dict[str, Any]) -> str:
        new = cli("--data-dir", data_dir, "--user", "canbo", "--json", "record", "new", rtype,
                  "--from", "-", stdin=json.dumps(data, ensure_ascii=False),
                  password="pw-staff-1")
        assert new.code == 0, new.err
        out = json.loads(new.out)
        assert cli("--data-dir", data_dir, "--user", "canbo", "record", "submit", out["id"],
                   password="pw-staff-1").code == 0
        overrides = [a for w in out["warnings"]
                     for a in ("--override", f"{w['rule']}=đã kiểm tra")]
        ok = cli("--data-dir", data_dir, "--user", "chutich", "record", "approve", out["id"],
                 *overrides, password="pw-staff-1")
        assert ok.code == 0, ok.err
        return str(out["id"])

    birth = register("birth", build("birth", _NO_FATHER))
    register("recognition", build("recognition", {
        "child.birth_record": {"record_id": birth}, "child.full_name": "Trần Văn Đức",
        "child.date_of_birth": "2026-01-10"}))
    shown = json.loads(cli("--data-dir", data_dir, "--user", "canbo", "--json", "record",
                           "show", birth, password="pw-staff-1").out)
    assert shown["father"]["full_name"] == "Nguyễn Văn Cường"
    assert any(n.startswith("Đã đăng ký nhận cha, mẹ, con số") for n in shown["notes"])
    assert shown["version"] == 2
    (related,) = shown["related"]  # the birth lists its recognition ...
    assert related["type"] == "recognition" and related["relation"] == "concerned_by"
    back = json.loads(cli("--data-dir", data_dir, "--user", "canbo", "--json", "record",
                          "show", related["id"], password="pw-staff-1").out)
    assert back["related"] == [{  # ... which links back
        "id": birth, "type": "birth", "kind": None, "status": shown["status"],
        "registration_number": shown["registration_number"],
        "registered_on": shown["registered_on"], "relation": "concerns"}]
    plain = cli("--data-dir", data_dir, "--user", "canbo", "record", "show", birth,
                password="pw-staff-1").out
    assert f"Có liên quan: recognition {related['id']}" in plain


_OLD_BOOK = {"registered_on": "1979-03-02", "registration_number": "45", "book_number": "01",
             "child.date_of_birth": "1979-02-20", "child.full_name": "Nguyễn Văn Tư",
             "mother.date_of_birth": "1955", "father.date_of_birth": "1950",
             "source": {"office": "UBND xã Tân Lập, huyện Krông Búk", "book_number": "01",
                        "year": 1979, "page": 12, "entry_number": 45, "phase": "3"}}


def test_a_historical_extract_prints_the_office_of_the_book(office: Office) -> None:
    created = records.create_record(office("canbo"), "birth", build("birth", _OLD_BOOK),
                                    historical=True)
    assert created.record.data["source"]["office"] == "UBND xã Tân Lập, huyện Krông Búk"
    records.submit(office("canbo"), created.record.id)
    records.verify(office("canbo2"), created.record.id)
    reasons = {i.code: "đúng như sổ gốc năm 1979" for i in created.issues if i.is_warning}
    records.approve(office("chutich"), created.record.id, reasons)
    text = _extract_text(office, created.record.id)
    assert "UBND xã Tân Lập, huyện Krông Búk" in text
    assert "Ủy ban nhân dân phường Sài Gòn" not in text  # today's commune, never in 1979
    # A new registration names today's commune.
    birth = _registered(office, "birth", build("birth")).record
    assert "Ủy ban nhân dân phường Sài Gòn" in _extract_text(office, birth.id)


def test_a_waiting_item_still_sends_its_own_version(office: Office) -> None:
    """The birth's item waits (no personal ID yet) when the recognition is approved: it
    sends the birth as registered, the supplemented birth goes as the next version, so a
    retry never carries other data under the same idempotency key."""
    from desktop_app.workflows.sync_apply import pending_items

    birth = _registered(office, "birth", build("birth", _NO_FATHER)).record
    _registered(office, "recognition", build("recognition", {
        "child.birth_record": {"record_id": birth.id}, "child.full_name": "Trần Văn Đức",
        "child.date_of_birth": "2026-01-10"}))
    with office("canbo").store.read() as uow:
        due = {push.version: push.data for _item, push in pending_items(uow)
               if push.record_id == birth.id}
    assert sorted(due) == [birth.version, birth.version + 1]
    assert "father" not in due[birth.version]
    assert due[birth.version + 1]["father"]["full_name"] == "Nguyễn Văn Cường"  # type: ignore[index]
