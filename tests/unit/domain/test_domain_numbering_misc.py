import pytest
from domain_support import BASE

from desktop_app.domain import (
    FIELD_LABELS,
    MESSAGES,
    Issue,
    NumberBlock,
    RecordType,
    allocate_number,
    commune_name,
    ensure_no_signer_conflict,
    field_label,
    format_book_number,
    format_registration_number,
    issue_message,
    parse_book_number,
    province_of,
    search_communes,
    signer_conflict,
)
from desktop_app.domain.errors import NumberBlockExhaustedError, SignerConflictError


def test_book_numbers() -> None:
    assert format_book_number(1, 2026, "birth") == "01-TP/HT-2026-KS"
    assert format_book_number(2, 2026, RecordType.GUARDIANSHIP) == "02-TP/HT-2026-GH"
    assert format_book_number(1, 2020, "recognition") == "01-TP/HT-2020-CMC"
    assert format_book_number(1, 2026, "change") == "01-TP/HT-2026-TĐ"
    assert [format_book_number(1, 2026, t)[-2:] for t in ("death", "marriage")] == ["KT", "KH"]
    parsed = parse_book_number("01-TP/HT-2026-TĐ")
    assert parsed is not None and parsed.record_type is RecordType.CHANGE
    assert parse_book_number("quyển 3") is None
    assert format_registration_number(5) == "05"
    assert format_registration_number(386, 2026) == "386/2026"


def test_number_block_allocation() -> None:
    block = NumberBlock(1, 2, 1)
    first, block = allocate_number(block)
    second, block = allocate_number(block)
    assert (first, second, block.remaining) == (1, 2, 0)
    with pytest.raises(NumberBlockExhaustedError):
        allocate_number(block)
    with pytest.raises(Exception):  # noqa: B017
        NumberBlock(5, 3, 5)


def test_signer_conflict() -> None:
    data = BASE["birth"]
    assert signer_conflict(data, "NGUYEN VAN CUONG") == ["father", "declarant"]
    assert signer_conflict(data, "Lê Văn Khác") == []
    assert signer_conflict(data, "Lê Văn Khác", relatives=("Trần Thị Bình",)) == ["mother"]
    with_id = dict(data, father=dict(data["father"], personal_id="079093000123"))
    assert signer_conflict(with_id, "Nguyễn Văn Cường", "001093000999") == ["declarant"]
    with pytest.raises(SignerConflictError) as err:
        ensure_no_signer_conflict(data, "Trần Thị Bình")
    assert str(err.value) == "E-SIGNER-CONFLICT" and "Bình" not in repr(err.value.args)


def test_messages_cover_every_code_and_name_fields_in_vietnamese() -> None:
    import desktop_app.domain.errors as errors_module

    rule_codes = {
        "E-DATE-INVALID", "E-DATE-FUTURE", "E-REG-BEFORE-EVENT", "E-DEATH-BEFORE-BIRTH",
        "E-ID-FORMAT", "E-REQUIRED", "E-PRESENCE-MARRIAGE", "E-NO-BASIS", "E-MARR-AGE-NEW",
        "E-IMMUTABLE", "E-SIGNER-CONFLICT", "W-KS-LATE", "W-KT-LATE", "W-KS-DECLARANT",
        "W-KT-DECLARANT", "W-MOTHER-AGE-LOW", "W-MOTHER-AGE-HIGH", "W-FATHER-AGE-LOW",
        "W-TWINS", "W-DUP-PERSON", "W-MARR-AGE", "W-MARR-BIGAMY", "W-MARR-SAMESEX",
        "W-MARR-KIN", "W-NAME-CHARS", "W-NAME-LONG", "W-SURNAME", "W-ETHNIC", "W-HOMETOWN",
        "W-ID-CENTURY", "W-ID-YEAR", "W-ID-PROVINCE", "W-NAME-CHANGE-CONSENT",
        "W-ETHNIC-CONSENT", "W-GUARDIAN-ELIG", "W-ADDRESS-LEGACY", "W-ADDRESS-UNKNOWN",
    }  # fmt: skip
    error_codes = {
        cls.code
        for cls in vars(errors_module).values()
        if isinstance(cls, type)
        and hasattr(cls, "code")
        and cls.__module__ == errors_module.__name__
    }
    assert rule_codes | error_codes <= set(MESSAGES)
    assert any(code.startswith("W-LEGACY-") for code in MESSAGES)
    msg = issue_message("birth", Issue.of("E-REQUIRED", "mother.full_name"), lang="vi")
    assert msg == "Chưa nhập Họ, chữ đệm, tên của người mẹ."
    assert "Mother" in issue_message("birth", Issue.of("E-REQUIRED", "mother.full_name"), lang="en")
    assert field_label("change", "changes[1].to") == "Thành của nội dung thay đổi"
    assert (
        FIELD_LABELS[RecordType.DEATH]["deceased.full_name"][0] == "Họ, chữ đệm, tên của người chết"
    )
    for vi, en in MESSAGES.values():
        assert vi and en and "\n" not in vi


def test_every_code_a_rule_raises_has_its_message() -> None:
    """Each Issue.of("X-...") and forbidden(c, "NAME") in the rule modules is in the
    catalogue (both severities of a forbidden finding), and names its field."""
    import ast
    from pathlib import Path

    import desktop_app.domain as domain_package
    from desktop_app.domain.messages import FORBIDDEN

    found: set[str] = set()
    for module in Path(domain_package.__file__).parent.glob("rules_*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0] if getattr(node.func, "attr", "") == "of" else (
                node.args[1] if getattr(node.func, "id", "") in ("forbidden", "_law")
                and len(node.args) > 1 else None)
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if getattr(node.func, "attr", "") == "of":
                    found.add(first.value)
                else:
                    found |= {f"E-{first.value}", f"W-{first.value}"}
    assert {"E-RECOG-OTHER-PARENT", "E-GUARD-TERM-ENDED", "E-CHANGE-FROM",
            "E-MARR-BIGAMY"} <= found
    assert found <= set(MESSAGES), sorted(found - set(MESSAGES))
    for name in FORBIDDEN:
        assert "{field}" in MESSAGES[f"E-{name}"][0] and "{field}" in MESSAGES[f"E-{name}"][1]


def test_communes_lookup_and_completion() -> None:
    """Correctness only; how fast it is: bench/bench_communes.py (no timed assertions)."""
    assert commune_name("26740") == "Phường Sài Gòn"
    assert commune_name(26740) == "Phường Sài Gòn"
    assert commune_name("nope") is None
    province = province_of("24163")
    assert province is not None and province.name == "Đắk Lắk"
    assert "Phường Sài Gòn" in [c.name for c in search_communes("sai go")]
    assert all(c.province_code == "79" for c in search_communes("phuong", province_code="79"))
    found = search_communes("ea")
    assert found and len(found) == len({c.code for c in found})
    assert search_communes("ea") == found  # the same answer again (from the cache)


def test_legacy_conversion_never_goes_online(monkeypatch: pytest.MonkeyPatch) -> None:
    from vietnamadminunits.parser import utils

    from desktop_app.domain.addresses import convert_legacy_address

    def refuse(*_args: object) -> None:
        raise AssertionError("network geocoding attempted")

    monkeypatch.setattr(utils, "get_geo_location", refuse)
    monkeypatch.setattr("vietnamadminunits.converter.converter_2025.get_geo_location", refuse)
    convert_legacy_address.cache_clear()
    # Phường Bến Nghé was split in 2025; with a street the library would geocode it.
    found = convert_legacy_address("12 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh")
    assert found is not None and found.commune_code == "26740" and found.detail == "12 Lê Lợi"
