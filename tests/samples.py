"""Valid records of every type for tests, edited by dotted paths (shared by all test folders)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

TODAY = date(2026, 1, 15)
DELETE = object()

BASE: dict[str, dict[str, Any]] = {
    "birth": {
        "child": {
            "full_name": "Nguyễn Văn An",
            "sex": "male",
            "date_of_birth": "2026-01-10",
            "ethnicity": "Kinh",
            "nationality": "VN",
            "place_of_birth": {"facility": "Trạm y tế", "commune_code": "26740"},
        },
        "mother": {
            "full_name": "Trần Thị Bình",
            "date_of_birth": "1995-04-02",
            "ethnicity": "Kinh",
        },
        "father": {"full_name": "Nguyễn Văn Cường", "date_of_birth": "1993", "ethnicity": "Kinh"},
        "declarant": {"full_name": "Nguyễn Văn Cường", "relationship": "father"},
        "birth_evidence": {"kind": "birth_certificate", "number": "GCS-001"},
        "registration_kind": "on_time",
    },
    "death": {
        "deceased": {"full_name": "Lê Văn Tư", "sex": "male", "date_of_birth": "1940"},
        "time_of_death": "2026-01-10T14:30",
        "place_of_death": {"commune_code": "26740", "detail": "12 Lê Lợi"},
        "declarant": {"full_name": "Lê Thị Năm", "relationship": "child"},
        "registration_kind": "on_time",
    },
    "marriage": {
        "husband": {"full_name": "Phạm Văn Hùng", "sex": "male", "date_of_birth": "1998-05-01"},
        "wife": {"full_name": "Đỗ Thị Lan", "sex": "female", "date_of_birth": "2000-07-09"},
        "both_present": True,
        "registration_kind": "first",
    },
    "recognition": {
        "kind": "father_recognises_child",
        "parent": {"full_name": "Nguyễn Văn Cường", "sex": "male", "date_of_birth": "1993"},
        "child": {"full_name": "Trần Văn Đức", "date_of_birth": "2020-02-02"},
        "evidence": {"kind": "DNA", "number": "ADN-12"},
    },
    "change": {
        "kind": "correction",
        "subject": {"full_name": "Nguyễn Văn An", "date_of_birth": "2000-01-01"},
        "original_record": {"registration_number": "12", "book_number": "01/2000"},
        "changes": [{"field": "date_of_birth", "from": "2000-01-01", "to": "2000-01-02"}],
        "basis": {"kind": "Giấy chứng sinh", "number": "12"},
    },
    "guardianship": {
        "kind": "statutory",
        "guardian": {"full_name": "Trần Thị Bình", "date_of_birth": "1970"},
        "ward": {"full_name": "Trần Văn Đức", "date_of_birth": "2015-02-02"},
    },
}


def build(record_type: str, edits: dict[str, Any] | None = None) -> dict[str, Any]:
    """A valid record of the type, with {dotted.path: value} edits (DELETE removes)."""
    data = copy.deepcopy(BASE[record_type])
    for path, value in (edits or {}).items():
        node = data
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        if value is DELETE:
            node.pop(last, None)
        else:
            node[last] = value
    return data
