"""The second officer's list: submitted historical entries not verified yet, each with the
reason the acting account may not verify it (the error verify itself raises)."""

from __future__ import annotations

from desktop_app.domain.errors import SelfVerificationError
from desktop_app.errors import PermissionDeniedError
from desktop_app.workflows import attachments, records, verification
from tests.samples import build
from tests.unit.conftest import Office

HISTORICAL = {"registered_on": "1990-03-02", "registration_number": "7",
              "book_number": "01/1990", "time_of_death": "1990-03-01T08:00"}


def test_entries_awaiting_a_second_check(office: Office) -> None:
    officer = office("canbo")
    entry = records.create_record(officer, "death", build("death", HISTORICAL),
                                  historical=True).record
    attachments.add_attachment(officer, entry.id, b"%PDF-1.4\n")
    records.submit(officer, entry.id)
    new = records.create_record(officer, "death", build("death")).record
    records.submit(officer, new.id)  # not historical: no second check
    draft = records.create_record(officer, "death", build("death", HISTORICAL),
                                  historical=True).record  # not submitted yet

    [mine] = verification.awaiting_verification_page(officer).items
    assert mine.record.id == entry.id and mine.scans == 1
    assert isinstance(mine.refusal, SelfVerificationError) and not mine.can_verify
    [theirs] = verification.awaiting_verification_page(office("canbo2")).items
    assert theirs.can_verify
    [admin] = verification.awaiting_verification_page(office("admin")).items
    assert isinstance(admin.refusal, PermissionDeniedError)

    records.verify(office("canbo2"), entry.id)
    assert verification.awaiting_verification_page(officer).items == ()
    assert draft.status == "draft"
