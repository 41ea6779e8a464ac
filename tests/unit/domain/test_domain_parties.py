"""The names a record is listed by: one function for the screens and the command line."""

from __future__ import annotations

import pytest

from desktop_app.domain.parties import MAIN_PARTIES, main_names, record_title
from desktop_app.domain.record_types import RecordType


def test_every_record_type_has_its_main_parties() -> None:
    assert set(MAIN_PARTIES) == {str(rt) for rt in RecordType}


@pytest.mark.parametrize(
    ("rtype", "data", "title"),
    [
        ("birth", {"child": {"full_name": " Y Moan Êban "}, "mother": {"full_name": "H’Hen"}},
         "Y Moan Êban"),
        ("marriage", {"husband": {"full_name": "Phạm Văn Hùng"},
                      "wife": {"full_name": "Đỗ Thị Lan"}}, "Phạm Văn Hùng – Đỗ Thị Lan"),
        ("marriage", {"wife": {"full_name": "Đỗ Thị Lan"}}, "Đỗ Thị Lan"),
        ("recognition", {"parent": {"full_name": "Ksor H'Bia"},
                         "child": {"full_name": "Y Moan"}}, "Ksor H'Bia – Y Moan"),
        ("guardianship", {"guardian": {"name": "Trung tâm"}, "ward": {"full_name": "An"}}, "An"),
        ("death", {"deceased": {"full_name": "  "}}, ""),
        ("death", {"deceased": "not an object"}, ""),
        ("unknown", {"child": {"full_name": "An"}}, ""),
    ],
)
def test_the_title_joins_the_known_names(rtype: str, data: dict[str, object],
                                         title: str) -> None:
    assert record_title(rtype, data) == title
    assert " – ".join(main_names(rtype, data)) == title
