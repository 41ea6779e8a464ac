"""How a certificate words the papers it names: a personal ID (its issuer before "cấp
ngày") and any other document ("do <issuer> cấp"), each part only when given."""

from __future__ import annotations

from signing.values import format_document, format_id_document


def test_a_personal_id_names_its_issuer_then_the_day() -> None:
    paper = {"kind": "cccd", "number": "001095012345", "issued_by": "Cục Cảnh sát QLHC",
             "issued_on": "2021-06-02"}
    assert format_id_document(paper) == (
        "Thẻ căn cước công dân số 001095012345, Cục Cảnh sát QLHC cấp ngày 02/06/2021")
    assert format_id_document({"kind": "cccd", "issued_on": "2021-06-02"}) == (
        "Thẻ căn cước công dân, cấp ngày 02/06/2021")
    assert format_id_document({"number": "B1234567"}) == "số B1234567"


def test_a_document_says_who_issued_it() -> None:
    paper = {"kind": "birth_certificate", "number": "GCS-001", "issued_by": "Trạm y tế xã",
             "issued_on": "2026-01-10"}
    assert format_document(paper) == (
        "Giấy chứng sinh số GCS-001, do Trạm y tế xã cấp ngày 10/01/2026")
    assert format_document({"kind": "birth_certificate", "issued_by": "Trạm y tế xã"}) == (
        "Giấy chứng sinh, do Trạm y tế xã cấp")
    assert format_document({"number": "7", "issued_on": "2026-01-10"}) == "số 7, ngày 10/01/2026"
    assert format_document("as written") == "as written"
    assert format_document(None) == ""


def test_a_document_without_its_kind_prints_no_kind() -> None:
    assert format_document({"kind": None, "number": "12"}) == "số 12"
