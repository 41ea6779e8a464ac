"""The notes of a record (Ghi chú): registered linked acts only, one function for the
screens and the extracts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from desktop_app.domain.notes import Note, note_text, pending_changes, record_notes
from desktop_app.domain.workflow import REGISTERED_STATUSES, Status

NAME_CHANGE = {"kind": "correction",
               "changes": [{"field": "child.full_name", "from": "Ksor H Bia", "to": "Ksor H'Bia"},
                           {"field": "child.sex", "from": "male", "to": "female"}]}


@dataclass(frozen=True)
class Linked:
    status: str
    data: Mapping[str, object] = field(default_factory=lambda: NAME_CHANGE)
    type: str = "change"
    id: str = "c-1"
    registration_number: str | None = None
    registered_on: str | None = None


@pytest.mark.parametrize("status", sorted(REGISTERED_STATUSES))
def test_a_registered_change_is_a_note_per_changed_field(status: Status) -> None:
    notes = record_notes([Linked(status, registration_number="12/2026",
                                 registered_on="2026-03-05")])
    assert notes == (
        Note("correction", "child.full_name", "Ksor H Bia", "Ksor H'Bia", "12/2026",
             "2026-03-05", record_id="c-1", record_type="change"),
        Note("correction", "child.sex", "male", "female", "12/2026", "2026-03-05",
             record_id="c-1", record_type="change"),
    )
    assert pending_changes([Linked(status)]) == ()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED])
def test_a_draft_submitted_or_refused_change_is_no_note(status: Status) -> None:
    assert record_notes([Linked(status)]) == ()


def test_changes_on_their_way_are_listed_apart_and_refused_ones_not_at_all() -> None:
    linked = [Linked(Status.DRAFT, id="d"), Linked(Status.SUBMITTED, id="s"),
              Linked(Status.REJECTED, id="r"), Linked(Status.SIGNED, id="ok")]
    assert {n.record_id for n in pending_changes(linked)} == {"d", "s"}
    assert {n.record_id for n in record_notes(linked)} == {"ok"}


def test_a_whole_act_is_one_note_without_a_field() -> None:
    recognition = Linked(Status.APPROVED, {"kind": "father_recognises_child"}, "recognition",
                         "k-1", "3/2026", "2026-01")
    (note,) = record_notes([recognition])
    assert (note.kind, note.field, note.from_value, note.to_value) == (
        "father_recognises_child", "", None, None)
    assert note_text(note) == "Đã đăng ký nhận cha, mẹ, con số 3/2026, ngày 01/2026"


def test_a_changed_field_reads_as_the_extract_prints_it() -> None:
    first, second = record_notes([Linked(Status.SYNCED, registration_number="12/2026",
                                         registered_on="2026-03-05")])
    assert note_text(first) == (
        "Cải chính họ, chữ đệm, tên từ “Ksor H Bia” thành “Ksor H'Bia” "
        "(đăng ký số 12/2026, ngày 05/03/2026)"
    )
    assert note_text(second) == "Cải chính giới tính từ “Nam” thành “Nữ” " \
        "(đăng ký số 12/2026, ngày 05/03/2026)"  # in words, never the stored code
    assert note_text(Note("correction", "child.date_of_birth", "2026-01-10", "2026-01")) == (
        "Cải chính ngày, tháng, năm sinh từ “10/01/2026” thành “01/2026”")
    assert note_text(Note("correction", "mother.nationality", "LA", "VN")) == (
        "Cải chính quốc tịch từ “Lào” thành “Việt Nam”")
    assert note_text(Note("change", "child.place_of_birth.detail", None, "An")) == (
        "Thay đổi child.place_of_birth.detail từ “” thành “An”")
    assert note_text(Note("termination", registered_on="ngày 3 tháng 2")) == (
        "Đã đăng ký chấm dứt giám hộ ngày ngày 3 tháng 2")  # a date as found is kept
