"""A reference to a local record (change, recognition, guardianship end): a typed record id
that matches nothing is an error on that field, raised by the core at save; an id that
matches is kept as the link; a record held elsewhere is named by number and book."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import RecordInvalidError
from desktop_app.workflows import record_views, records
from tests.samples import build
from tests.unit.conftest import Office


def test_an_id_matching_nothing_is_refused_on_its_field(office: Office) -> None:
    officer = office("canbo")
    data = build("change", {"original_record": {"record_id": "khong-co-ho-so-nay"}})
    with pytest.raises(RecordInvalidError) as refused:
        records.create_record(officer, "change", data)
    assert refused.value.params["fields"] == ["original_record.record_id"]
    [issue] = [i for i in record_views.check_draft(officer, "change", data) if i.is_error]
    assert (issue.code, issue.field) == ("E-LINK-NOT-FOUND", "original_record.record_id")

    recognition = build("recognition", {"child.birth_record": {"record_id": "x-404"}})
    with pytest.raises(RecordInvalidError) as refused:
        records.create_record(officer, "recognition", recognition)
    assert refused.value.params["fields"] == ["child.birth_record.record_id"]


def test_an_id_of_a_local_record_is_the_link(office: Office) -> None:
    officer = office("canbo")
    birth = records.create_record(officer, "birth", build("birth")).record
    # The correction says "from" what the birth holds (issue 15: E-CHANGE-FROM otherwise).
    change = records.create_record(officer, "change", build("change", {
        "original_record": {"record_id": birth.id},
        "changes": [{"field": "date_of_birth", "from": "2026-01-10", "to": "2026-01-09"}]}
    )).record
    assert change.links_to == birth.id
    # An edit that breaks the link is refused too: the draft keeps its good link.
    other = birth.id[:-1] + ("1" if birth.id.endswith("0") else "0")
    with pytest.raises(RecordInvalidError):
        records.update_draft(officer, change.id, build("change", {
            "original_record": {"record_id": other}}))
    assert records.get_record(officer, change.id).links_to == birth.id
    elsewhere = records.create_record(officer, "change", build("change")).record  # by number
    assert elsewhere.links_to is None
