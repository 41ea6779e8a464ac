"""Ghi chú on the extract: the core's notes (registered acts) as the form prints them."""

from __future__ import annotations

from desktop_app.domain.notes import Note
from signing.model import ChangeNote
from signing.values import format_note


def test_a_changed_field_is_a_sentence_with_its_registration() -> None:
    note = Note("correction", "child.full_name", "Ksor H Bia", "Ksor H'Bia", "12/2026",
                "2026-03-05")
    assert format_note(note) == (
        "Cải chính họ, chữ đệm, tên từ “Ksor H Bia” thành “Ksor H'Bia” "
        "(đăng ký số 12/2026, ngày 05/03/2026)"
    )


def test_a_whole_act_reads_as_registered_with_its_number_and_date() -> None:
    recognition = Note("father_recognises_child", registration_number="3/2026",
                       registered_on="2026-01-05")
    assert format_note(recognition) == "Đã đăng ký nhận cha, mẹ, con số 3/2026, ngày 05/01/2026"
    assert format_note(Note("termination")) == "Đã đăng ký chấm dứt giám hộ"
    assert format_note(Note("supplement")) == "Đã đăng ký bổ sung thông tin hộ tịch"


def test_signing_takes_the_core_note_as_it_is() -> None:
    assert ChangeNote is Note
