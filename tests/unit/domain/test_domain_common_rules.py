import pytest
from domain_support import codes, run

from desktop_app.domain.personal_id import LEGACY_PROVINCE_CODES, personal_id_findings


@pytest.mark.parametrize(
    ("pid", "error"),
    [
        ("07909500012", True),
        ("079095000123", False),
        ("0790950001234", True),
        ("07909500012a", True),
    ],
)
def test_personal_id_must_be_12_digits(pid: str, error: bool) -> None:
    issues = run("marriage", {"husband.personal_id": pid, "husband.date_of_birth": "1995-05-01"})
    assert ("E-ID-FORMAT" in codes(issues)) is error


def test_personal_id_century_sex_year_province() -> None:
    assert personal_id_findings("079095000123", sex="male", birth_year=1995) == []
    assert personal_id_findings("079195000123", sex="female", birth_year=1995) == []
    assert personal_id_findings("079206000123", sex="male", birth_year=2006) == []
    assert personal_id_findings("079306000123", sex="female", birth_year=2006) == []
    codes_of = lambda *a, **k: [c for c, _ in personal_id_findings(*a, **k)]  # noqa: E731
    assert codes_of("079195000123", sex="male", birth_year=1995) == ["W-ID-CENTURY"]
    assert codes_of("079295000123", sex="male", birth_year=1995) == ["W-ID-CENTURY"]
    assert codes_of("079096000123", sex="male", birth_year=1995) == ["W-ID-YEAR"]
    assert codes_of("003095000123", sex="male", birth_year=1995) == ["W-ID-PROVINCE"]
    assert codes_of("079095000123", sex=None, birth_year=None) == []
    assert len(LEGACY_PROVINCE_CODES) == 63


def test_personal_id_warnings_reach_the_record() -> None:
    edits = {"husband.personal_id": "099195000123", "husband.date_of_birth": "1996-05-01"}
    found = {(i.code, i.field) for i in run("marriage", edits)}
    assert {
        ("W-ID-PROVINCE", "husband.personal_id"),
        ("W-ID-CENTURY", "husband.personal_id"),
        ("W-ID-YEAR", "husband.personal_id"),
    } <= found


@pytest.mark.parametrize(
    "name", ["H’Hen Niê", "Y Moan Êban", "Ksor H'Bia", "Hʼ Lan", "Nguyễn-Lê An"]
)
def test_ethnic_minority_names_pass_without_warning(name: str) -> None:
    issues = run("marriage", {"wife.full_name": name})
    assert not {"W-NAME-CHARS"} & codes(issues) and not [i for i in issues if i.is_error]


def test_digits_and_symbols_in_names_warn_never_block() -> None:
    issues = run("marriage", {"wife.full_name": "Nguyễn Thị 2"})
    assert [i.params["chars"] for i in issues if i.code == "W-NAME-CHARS"] == ["2"]
    assert not [i for i in issues if i.is_error]
    assert "W-NAME-CHARS" in codes(run("marriage", {"wife.full_name": "Lan@"}))
    assert "W-NAME-CHARS" in codes(run("marriage", {"wife.full_name": "李兰"}))


def test_long_names_warn() -> None:
    assert "W-NAME-LONG" in codes(run("marriage", {"wife.full_name": "Nguyễn " * 9 + "Lan"}))
    assert "W-NAME-LONG" not in codes(
        run("marriage", {"wife.full_name": "Công Tằng Tôn Nữ Thị Lan"})
    )


def test_addresses_never_error() -> None:
    legacy = {
        "husband.residence": {"as_written": "Xã Ea Tu, Thành phố Buôn Ma Thuột, Tỉnh Đắk Lắk"}
    }
    issues = run("marriage", legacy)
    found = [i for i in issues if i.code == "W-ADDRESS-LEGACY"]
    assert found and found[0].params["commune_code"] == "24163"
    # Once stored (converted, the original kept), the warning still names the new commune.
    from desktop_app.domain import prepare_record, validate
    from tests.samples import TODAY, build

    stored = prepare_record("marriage", build("marriage", legacy))
    assert stored["husband"]["residence"].get("commune_code") == "24163"
    again = [i for i in validate("marriage", stored, historical=False, today=TODAY)
             if i.code == "W-ADDRESS-LEGACY"]
    assert again and again[0].params["commune_name"] == found[0].params["commune_name"]
    unknown = {"husband.residence": {"as_written": "Làng Xyz, huyện Không Có, tỉnh Atlantis"}}
    assert codes(run("marriage", unknown)) == {"W-ADDRESS-UNKNOWN"}
    bad_code = {"husband.residence": {"commune_code": "99999"}}
    assert codes(run("marriage", bad_code)) == {"W-ADDRESS-UNKNOWN"}
    foreign = {"husband.residence": {"as_written": "Osaka", "country": "JP"}}
    assert run("marriage", foreign) == []
    assert run("marriage", {"husband.residence": {"commune_code": 26740}}) == []


def test_ethnicity_either_spelling() -> None:
    for spelling in ("Ê-đê", "Ê Đê", "ê đê", "12"):
        assert "W-ETHNIC" not in codes(run("marriage", {"wife.ethnicity": spelling})), spelling
    foreigner = {"wife.ethnicity": "Japanese", "wife.nationality": "JP"}
    assert "W-ETHNIC" not in codes(run("marriage", foreigner))


@pytest.mark.parametrize("year", [1900, 1995, 1999, 2000, 2026, 2099, 2100, 2399])
@pytest.mark.parametrize("sex", ["male", "female"])
def test_the_century_sex_digit_the_registry_issues_reads_back(year: int, sex: str) -> None:
    """The simulated registry (sync/server/registry.py) encodes B; the rules decode it."""
    from desktop_app.domain.personal_id import century_sex_digit, split_personal_id
    from sync.server.registry import id_prefix, personal_id

    digit = century_sex_digit(year, sex)
    assert digit is not None
    parts = split_personal_id(f"079{digit}{year % 100:02d}000001")
    assert parts is not None and (parts.birth_year, parts.sex) == (year, sex)
    prefix = id_prefix("26740", sex, f"{year}-03")  # a partial date gives its year
    assert prefix is not None
    assert personal_id_findings(personal_id(prefix, 1), sex=sex, birth_year=year) == []


def test_no_century_sex_digit_outside_the_table_or_without_sex() -> None:
    from desktop_app.domain.personal_id import century_sex_digit
    from sync.server.registry import id_prefix

    assert century_sex_digit(1899, "male") is None
    assert century_sex_digit(2400, "female") is None
    assert century_sex_digit(2000, "unknown") is None
    assert id_prefix("26740", "male", "2025-02-30") is None
    assert id_prefix("26740", None, "2025") is None
