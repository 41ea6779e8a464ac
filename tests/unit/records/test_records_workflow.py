"""Records end to end in the core: rules, workflow, four eyes, numbers, links, search."""

from __future__ import annotations

import unicodedata

import pytest

from desktop_app.domain.errors import (
    ImmutableRecordError,
    OverrideMissingError,
    RecordInvalidError,
    SelfApprovalError,
    SelfVerificationError,
    SignerConflictError,
    VerificationRequiredError,
)
from desktop_app.errors import PermissionDeniedError
from desktop_app.workflows import numbering, records
from tests.samples import build
from tests.unit.conftest import Office


def _codes(result: records.SaveResult) -> set[str]:
    return {i.code for i in result.issues if i.is_warning}


def _approved(office: Office, rtype: str, data: dict, overrides: dict | None = None,
              by: str = "canbo") -> records.SaveResult:
    created = records.create_record(office(by), rtype, data)
    records.submit(office(by), created.record.id)
    reasons = {code: "đã kiểm tra hồ sơ gốc" for code in _codes(created)}
    return records.approve(office("chutich"), created.record.id, overrides or reasons)


def test_mother_aged_12_is_recorded_and_approved_with_a_reason(office: Office) -> None:
    data = build("birth", {"mother.date_of_birth": "2013-06-01"})
    created = records.create_record(office("canbo"), "birth", data)
    assert created.record.status == "draft"
    assert "W-MOTHER-AGE-LOW" in _codes(created)
    records.submit(office("canbo"), created.record.id)
    with pytest.raises(PermissionDeniedError):
        records.approve(office("canbo2"), created.record.id, {})
    with pytest.raises(OverrideMissingError):
        records.approve(office("chutich"), created.record.id, {})
    approved = records.approve(office("chutich"), created.record.id,
                               {"W-MOTHER-AGE-LOW": "Giấy chứng sinh của bệnh viện huyện"})
    rec = approved.record
    assert rec.status == "awaiting_personal_id"  # a birth waits for its personal ID
    assert rec.registration_number == "1"
    assert rec.book_number == "01-TP/HT-2026-KS"
    assert rec.registered_on == "2026-01-15"
    assert rec.overrides[0]["rule"] == "W-MOTHER-AGE-LOW"
    assert rec.overrides[0]["by"] == "chutich"
    with office("chutich").store.read() as uow:
        entries = list(uow.audit.entries(rec.id))
    approve_entry = [e for e in entries if e.action == "record.approve"][0]
    assert "Giấy chứng sinh của bệnh viện huyện" in approve_entry.reason


def test_twins_are_warned_not_duplicates(office: Office) -> None:
    first = records.create_record(office("canbo"), "birth", build("birth"))
    twin = records.create_record(office("canbo"), "birth", build("birth", {
        "child.full_name": "Nguyễn Văn Bình", "birth_evidence.number": "GCS-002"}))
    assert first.record.id != twin.record.id
    assert "W-TWINS" in _codes(twin)
    assert "W-DUP-PERSON" not in _codes(twin)


def test_same_child_typed_differently_is_a_duplicate_candidate(office: Office) -> None:
    _approved(office, "birth", build("birth"))
    again = records.create_record(office("canbo"), "birth", build("birth", {
        "child.full_name": "NGUYEN  van an", "birth_evidence.number": "GCS-001"}))
    dup = [i for i in again.issues if i.code == "W-DUP-PERSON"]
    assert dup, [i.code for i in again.issues]


def test_errors_block_saving_and_name_the_field(office: Office) -> None:
    with pytest.raises(RecordInvalidError) as invalid:
        records.create_record(office("canbo"), "birth", build("birth", {"child.full_name": ""}))
    assert "child.full_name" in invalid.value.params["fields"]
    with pytest.raises(RecordInvalidError) as future:
        records.create_record(office("canbo"), "birth",
                              build("birth", {"child.date_of_birth": "2026-02-01"}))
    assert "E-DATE-FUTURE" in future.value.params["rules"]
    assert records.list_records(office("canbo")) == []


def test_decomposed_text_is_stored_composed(office: Office) -> None:
    name = unicodedata.normalize("NFD", "Ksor H'Bia Nguyễn")
    created = records.create_record(office("canbo"), "birth",
                                    build("birth", {"child.full_name": name}))
    stored = records.get_record(office("canbo"), created.record.id)
    assert stored.data["child"]["full_name"] == "Ksor H'Bia Nguyễn"
    assert unicodedata.is_normalized("NFC", stored.data["child"]["full_name"])


def test_nobody_approves_their_own_entry(office: Office) -> None:
    created = records.create_record(office("chutich"), "death", build("death"))
    records.submit(office("chutich"), created.record.id)
    with pytest.raises(SelfApprovalError):
        records.approve(office("chutich"), created.record.id, {})
    records.approve(office("phochutich"), created.record.id, {})


def test_signer_who_is_a_party_is_refused(office: Office) -> None:
    created = records.create_record(office("canbo"), "death", build(
        "death", {"declarant.full_name": "Hoàng Văn Chủ"}))
    records.submit(office("canbo"), created.record.id)
    warnings = {c: "x" for c in _codes(created)}
    with pytest.raises(SignerConflictError):
        records.approve(office("chutich"), created.record.id, warnings)
    records.approve(office("phochutich"), created.record.id, warnings)


def test_registered_records_are_append_only(office: Office) -> None:
    approved = _approved(office, "death", build("death"))
    with pytest.raises(ImmutableRecordError):
        records.update_draft(office("canbo"), approved.record.id, build("death"))


def test_historical_under_age_marriage_with_four_eyes(office: Office) -> None:
    data = build("marriage", {
        "husband.date_of_birth": "1961-03-01", "wife.date_of_birth": "1964-05-01",
        "effective_date": "1979-02-10", "registered_on": "1979-02-10",
        "registration_number": "12", "book_number": "01/1979",
        "source": {"book_number": "01/1979", "year": 1979, "page": 4, "entry_number": 12,
                   "phase": 3}})
    created = records.create_record(office("canbo"), "marriage", data, historical=True)
    assert "W-MARR-AGE" in _codes(created)
    records.submit(office("canbo"), created.record.id)
    reasons = {c: "đúng như sổ gốc năm 1979" for c in _codes(created)}
    with pytest.raises(VerificationRequiredError):
        records.approve(office("chutich"), created.record.id, reasons)
    with pytest.raises(SelfVerificationError):
        records.verify(office("canbo"), created.record.id)
    records.verify(office("canbo2"), created.record.id)
    rec = records.approve(office("chutich"), created.record.id, reasons).record
    assert rec.status == "approved"
    assert (rec.registration_number, rec.book_number, rec.registered_on) == \
        ("12", "01/1979", "1979-02-10")  # kept as found, no new number


def test_numbers_are_sequential_and_never_reused(office: Office) -> None:
    numbers = []
    for i in range(3):
        data = build("death", {"deceased.full_name": f"Lê Văn Số {i}"})
        if i == 1:  # a refused record consumes no number
            created = records.create_record(office("canbo"), "death", data)
            records.submit(office("canbo"), created.record.id)
            records.reject(office("chutich"), created.record.id, "Thiếu giấy báo tử")
        numbers.append(_approved(office, "death", data).record.registration_number)
    assert numbers == ["1", "2", "3"]
    marriage = _approved(office, "marriage", build("marriage")).record
    assert (marriage.registration_number, marriage.book_number) == ("1", "01-TP/HT-2026-KH")


def test_enrolled_device_uses_only_leased_blocks(office: Office) -> None:
    from desktop_app.domain.errors import NoNumberBlockError

    session = office("chutich")
    with session.store.write() as uow:
        uow.meta.put(numbering.SOURCE_KEY, "central")
    created = records.create_record(office("canbo"), "death", build("death"))
    records.submit(office("canbo"), created.record.id)
    with pytest.raises(NoNumberBlockError):  # never leased: says to sync, not "used up"
        records.approve(session, created.record.id, {})
    assert records.get_record(session, created.record.id).status == "submitted"


def test_year_end_closing_gives_totals(office: Office) -> None:
    for i in range(2):
        _approved(office, "death", build("death", {"deceased.full_name": f"Người {i}"}))
    closed = numbering.close_year(office("chutich"), 2026)
    assert [(b.book_number, b.totals["entries"]) for b in closed] == [("01-TP/HT-2026-KT", 2)]
    created = records.create_record(office("canbo"), "death", build("death"))
    records.submit(office("canbo"), created.record.id)
    with pytest.raises(numbering.BookClosedError):
        records.approve(office("chutich"), created.record.id, {})


def test_change_is_linked_and_shown_in_the_original_notes_once_registered(
        office: Office) -> None:
    birth = _approved(office, "birth", build("birth")).record
    change = records.create_record(office("canbo"), "change", build("change", {
        "original_record": {"record_id": birth.id},
        "subject.full_name": "Nguyễn Văn An",
        "changes": [{"field": "child.full_name", "from": "Nguyễn Văn An",
                     "to": "Nguyễn Văn Ân"}]}))
    assert change.record.links_to == birth.id
    # A draft correction is no note: it is listed apart, as not registered yet.
    draft = records.get_record(office("canbo"), birth.id)
    assert draft.notes == ()
    assert draft.pending_notes == (
        "Cải chính họ, chữ đệm, tên từ “Nguyễn Văn An” thành “Nguyễn Văn Ân”",)
    records.submit(office("canbo"), change.record.id)
    reasons = {code: "đã kiểm tra hồ sơ gốc" for code in _codes(change)}
    approved = records.approve(office("chutich"), change.record.id, reasons).record
    registered = records.get_record(office("canbo"), birth.id)
    assert registered.pending_notes == ()
    assert registered.notes == (
        "Cải chính họ, chữ đệm, tên từ “Nguyễn Văn An” thành “Nguyễn Văn Ân” (đăng ký số "
        f"{approved.registration_number}, ngày "
        f"{'/'.join(reversed(str(approved.registered_on).split('-')))})",)


def test_search_folds_diacritics_d_and_apostrophes(office: Office) -> None:
    records.create_record(office("canbo"), "birth", build("birth", {
        "child.full_name": "Đặng Thị H’Hen", "mother.full_name": "H’Lan Niê"}))
    for query in ("dang thi", "DANG", "hhen", "H'Hen", "h’lan nie"):
        found = records.search(office("canbo"), query)
        assert len(found) == 1, query
    assert records.search(office("canbo"), "khong co") == []


def test_legacy_address_converted_and_unknown_kept(office: Office) -> None:
    data = build("death", {"place_of_death": {"as_written": "Xã Hoàng Văn Thụ, Huyện Văn Lãng, "
                                                           "Tỉnh Lạng Sơn"}})
    created = records.create_record(office("canbo"), "death", data)
    place = created.record.data["place_of_death"]
    assert place["as_written"].startswith("Xã Hoàng Văn Thụ")
    assert "W-ADDRESS-LEGACY" in _codes(created)
    assert place["commune_code"] == "06172"  # the 2025 commune it became
    unknown = records.create_record(office("canbo"), "death", build("death", {
        "deceased.full_name": "Khác", "place_of_death": {"as_written": "Bản Không Tên, đâu đó"}}))
    assert "W-ADDRESS-UNKNOWN" in _codes(unknown)
    assert unknown.record.data["place_of_death"]["as_written"] == "Bản Không Tên, đâu đó"


def test_office_continues_a_paper_book_from_a_typed_number(office: Office) -> None:
    from desktop_app.domain.numbering import NumberBlock

    assert numbering.add_local_block(office("chutich"), "death", 2026, 386, 400) == \
        NumberBlock(386, 400, 386)
    with pytest.raises(numbering.NumberBlockOverlapError):
        numbering.add_local_block(office("chutich"), "death", 2026, 400, 410)
    assert _approved(office, "death", build("death")).record.registration_number == "386"


def test_a_central_rejection_reopens_as_a_new_version_keeping_the_number(
        office: Office) -> None:
    from datetime import UTC, datetime

    from desktop_app.domain.errors import ReopenRefusedError
    from desktop_app.sync_types import ItemResult, ItemStatus
    from desktop_app.workflows.sync_apply import apply_result

    refused = records.create_record(office("canbo"), "death", build("death"))
    records.submit(office("canbo"), refused.record.id)
    records.reject(office("chutich"), refused.record.id, "Thiếu giấy báo tử")
    assert not records.can_reopen(office("canbo"), refused.record.id)
    with pytest.raises(ReopenRefusedError):
        records.reopen_rejected(office("canbo"), refused.record.id)

    birth = _approved(office, "birth", build("birth")).record  # leaves at approval
    store = office("canbo").store
    with store.write() as uow:
        (item,) = uow.outbox.for_record(birth.id)
        apply_result(uow, ItemResult(item.idempotency_key, birth.id, item.version,
                                     ItemStatus.REJECTED, code="E-ID-FORMAT", message="sai"),
                     datetime(2026, 1, 16, tzinfo=UTC))
    assert records.can_reopen(office("canbo"), birth.id)
    reopened = records.reopen_rejected(office("canbo"), birth.id)
    assert (reopened.status, reopened.version) == ("draft", 2)
    records.update_draft(office("canbo"), birth.id,
                         build("birth", {"child.full_name": "Lò Văn Mới"}))
    submitted = records.submit(office("canbo"), birth.id)
    again = records.approve(office("chutich"), birth.id,
                            {w.code: "đã kiểm tra" for w in submitted.warnings}).record
    assert again.registration_number == birth.registration_number
    with store.read() as uow:
        items = uow.outbox.for_record(birth.id)
    keys = [i.idempotency_key for i in items]
    assert len(keys) == 2 and keys[1].endswith(":v2")
    assert [i.state for i in items] == ["rejected", "pending"]  # kept with its reason


def test_approval_evaluates_twins_as_they_are_now(office: Office) -> None:
    """The first twin was alone when submitted; approval (and its review) find the second."""
    from desktop_app.workflows import approval

    first = records.create_record(office("canbo"), "birth", build("birth"))
    records.submit(office("canbo"), first.record.id)
    assert "W-TWINS" not in _codes(first)
    twin = records.create_record(office("canbo"), "birth", build("birth", {
        "child.full_name": "Nguyễn Văn Bình", "child.date_of_birth": "2026-01-10"}))
    records.submit(office("canbo"), twin.record.id)

    review = approval.review(office("chutich"), first.record.id)
    assert [(w.code, w.field) for w in review.warnings] == [("W-TWINS", "child.date_of_birth")]
    assert review.warnings[0].params["candidates"] == [twin.record.id]
    with pytest.raises(OverrideMissingError) as err:
        records.approve(office("chutich"), first.record.id, {})
    assert err.value.params["rules"] == ["W-TWINS"]
    done = records.approve(office("chutich"), first.record.id,
                           {"W-TWINS@child.date_of_birth": "sinh đôi, hai giấy chứng sinh"})
    assert [(o["rule"], o["field"]) for o in done.record.overrides] == [
        ("W-TWINS", "child.date_of_birth")]


def test_two_under_age_spouses_need_a_reason_each(office: Office) -> None:
    data = build("marriage", {"husband.date_of_birth": "2008-03-01",
                              "wife.date_of_birth": "2010-02-02",
                              "registration_kind": "re_registration",
                              "effective_date": "2025-12-01"})
    created = records.create_record(office("canbo"), "marriage", data)
    records.submit(office("canbo"), created.record.id)
    with pytest.raises(OverrideMissingError) as err:
        records.approve(office("chutich"), created.record.id,
                        {"W-MARR-AGE@husband.date_of_birth": "đã xác minh"})
    assert err.value.params["rules"] == ["W-MARR-AGE@wife.date_of_birth"]
    done = records.approve(office("chutich"), created.record.id,
                           {"W-MARR-AGE@husband.date_of_birth": "bản án công nhận",
                            "W-MARR-AGE@wife.date_of_birth": "đã đủ tuổi khi đăng ký lại"})
    assert [(o["field"], o["reason"]) for o in done.record.overrides] == [
        ("husband.date_of_birth", "bản án công nhận"),
        ("wife.date_of_birth", "đã đủ tuổi khi đăng ký lại")]


def test_to_sign_lists_what_the_signing_rule_allows(office: Office) -> None:
    """An approved death is ready; a birth waiting for its personal ID is not (yet)."""
    from desktop_app.workflows import approval

    death = _approved(office, "death", build("death")).record
    birth = _approved(office, "birth", build("birth")).record
    assert birth.status == "awaiting_personal_id"
    assert [r.id for r in approval.to_sign_page(office("chutich")).records] == [death.id]
    with pytest.raises(PermissionDeniedError):
        approval.to_sign_page(office("canbo"))
