"""Cell text to form values (no picture): dates with look-alike letters, Nam/Nữ, the 54
groups, nationality names; header cells to columns whatever their order; and how each
suggestion was treated when the entry was saved."""

from __future__ import annotations

from desktop_app.ocr.layouts import Value, columns_for
from desktop_app.ocr.reader import match_columns
from desktop_app.ocr.review import Outcome, reviews_of
from desktop_app.ocr.values import parse


def test_dates_become_iso_and_look_alikes_cost_confidence() -> None:
    assert parse(Value.DATE, "05/03/2010") == ("2010-03-05", 1.0)
    assert parse(Value.DATE, "5.3.2010") == ("2010-03-05", 1.0)
    value, fit = parse(Value.DATE, "O5/O3/2Ol0") or ("", 0.0)
    assert value == "2010-03-05" and fit < 1.0
    assert parse(Value.DATE, "03/2010") == ("2010-03", 1.0)
    assert parse(Value.DATE, "30/02/2010") is None  # no such day: no suggestion
    assert parse(Value.DATE, "Trạm y tế") is None


def test_choices_are_matched_folded_and_near() -> None:
    assert parse(Value.SEX, "Nữ") == ("female", 1.0)
    assert parse(Value.SEX, "Nam") == ("male", 1.0)
    assert parse(Value.ETHNICITY, "Ê-đê") == ("Ê Đê", 1.0)
    near = parse(Value.ETHNICITY, "Kirh")
    assert near is not None and near[0] == "Kinh" and near[1] < 1.0
    assert parse(Value.NATIONALITY, "Việt Nam") == ("VN", 1.0)
    assert parse(Value.NATIONALITY, "Xyz Qwv") is None
    assert parse(Value.NUMBER, "12a") == ("12a", 1.0)
    assert parse(Value.NAME, "  Nguyễn   Thị\u0301  ") is not None
    assert parse(Value.TEXT, "   ") is None


def test_header_cells_name_columns_in_any_order_and_unknown_ones_stay_unknown() -> None:
    known = columns_for("birth")
    found = match_columns(["Ngày đăng ký", "Họ và tên mẹ", "Ghi chú", "Số", "Ho va ten",
                           "Họ và tên cha", "Xyz"], known)
    assert [c.path if c else None for c in found] == [
        "registered_on", "mother.full_name", None, "registration_number", "child.full_name",
        "father.full_name", None]


def test_each_suggestion_is_accepted_edited_or_rejected() -> None:
    suggested = [("child.full_name", "Võ Đức Hùng", 0.98, "trueocr"),
                 ("child.sex", "male", 0.99, "trueocr"),
                 ("mother.full_name", "Lê Thị Yến", 0.9, "trueocr"),
                 ("father.full_name", "Võ Hữu Khoa", 0.9, "trueocr")]
    saved = {"child": {"full_name": "Võ Đức Hùng", "sex": "female"},
             "mother": {"full_name": "Lê Thị Yến"}, "father": {"full_name": "Võ Hữu Khoa"}}
    reviews = reviews_of(suggested, {"child.full_name", "child.sex", "mother.full_name"}, saved)
    assert [(r.path, r.outcome, r.matched) for r in reviews] == [
        ("child.full_name", Outcome.ACCEPTED, True), ("child.sex", Outcome.EDITED, False),
        ("mother.full_name", Outcome.ACCEPTED, True),
        ("father.full_name", Outcome.REJECTED, True)]  # typed by hand, the same


def test_a_name_gets_back_the_space_a_recogniser_dropped_after_a_mark() -> None:
    assert parse(Value.NAME, "Huỳnh ThịHuyền") == ("Huỳnh Thị Huyền", 0.9)
    assert parse(Value.NAME, "Nguyễn Thị Hằng") == ("Nguyễn Thị Hằng", 1.0)
    assert parse(Value.TEXT, "Trạm y tế xã Ea Tu")[0] == "Trạm y tế xã Ea Tu"  # type: ignore[index]


def test_the_command_line_does_not_load_opencv_until_a_page_is_read() -> None:
    import subprocess
    import sys

    probe = ("import sys, desktop_app.cli.records_cmd, desktop_app.workflows.ocr; "
             "print('cv2' in sys.modules, 'numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["False", "False"]  # ~0.5 s at every start otherwise
