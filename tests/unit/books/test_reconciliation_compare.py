"""The matching of a book's entries with the registry's persons (workflows.reconciliation,
pure): by personal ID first, else by name + date of birth + mother, folded; one registry
person matches one entry at most; a side that is silent is not a difference."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.record import StoredRecord
from desktop_app.sync_types import RegistryPerson
from desktop_app.workflows.reconciliation import MismatchKind, compare
from tests.samples import build

AT = datetime(2026, 12, 1, tzinfo=UTC)


def _birth(rid: str, child: str, born: str, mother: str, **more: object) -> StoredRecord:
    data = build("birth", {"child.full_name": child, "child.date_of_birth": born,
                           "mother.full_name": mother, **more})
    return StoredRecord(id=rid, type="birth", status="verified", data=data, office="00070",
                        officer="canbo", created_at=AT, updated_at=AT, is_historical=True)


def _person(pid: str, name: str, born: str, mother: str, **more: str) -> RegistryPerson:
    return RegistryPerson(pid, name, more.get("sex", "male"), born, mother,
                          more.get("father", "Nguyễn Văn Cường"))


def _found(mismatches: list) -> set[tuple[str, str | None, str | None]]:
    return {(m.kind.value, m.record_id, m.field) for m in mismatches}


def test_twins_with_one_mother_match_one_each_and_a_namesake_does_not_double() -> None:
    entries = [_birth("a", "Lò Văn Một", "1998-01-01", "Lò Thị Mẹ"),
               _birth("b", "Lò Văn Hai", "1998-01-01", "Lò Thị Mẹ"),
               _birth("c", "Lò Văn Hai", "1998-01-01", "Lò Thị Mẹ")]  # keyed twice
    persons = [_person("001098000001", "Lo Van Mot", "1998-01-01", "Lo Thi Me"),
               _person("001098000002", "Lò Văn Hai", "1998-01-01", "Lò Thị Mẹ")]
    registry, matched, mismatches = compare("birth", entries, persons)
    assert (registry, matched) == (2, 2)
    assert _found(mismatches) == {
        ("field_differs", "a", "child.full_name"),  # folded alike, written otherwise
        ("field_differs", "a", "mother.full_name"),
        ("missing_at_centre", "c", None),  # the registry has one Hai for two entries
    }


def test_the_personal_id_wins_over_names_and_silence_is_no_difference() -> None:
    entry = _birth("a", "Vũ Khôi", "1998-05-05", "Bùi Thu", **{
        "child.personal_id": "001098000105", "father.full_name": None})
    person = _person("001098000105", "Vũ Văn Khôi", "1998-05-06", "Bùi Thị Thu")
    _, matched, mismatches = compare("birth", [entry], [person])
    assert matched == 1
    assert {(m.field, m.book_value, m.centre_value) for m in mismatches} == {
        ("child.full_name", "Vũ Khôi", "Vũ Văn Khôi"),
        ("child.date_of_birth", "1998-05-05", "1998-05-06"),
        ("mother.full_name", "Bùi Thu", "Bùi Thị Thu")}  # the book gives no father: silent


def test_deaths_compare_the_day_of_death() -> None:
    data = build("death", {"deceased.full_name": "Ksor H’Bia", "deceased.date_of_birth": "1940",
                           "time_of_death": "1999-03-01T08:00"})
    entry = StoredRecord(id="d", type="death", status="verified", data=data, office="00070",
                         officer="canbo", created_at=AT, updated_at=AT, is_historical=True)
    person = RegistryPerson("001040000007", "Ksor H’Bia", "male", "1940", None, None,
                            "1999-03-02")
    _, matched, mismatches = compare("death", [entry], [person])
    assert matched == 1 and [(m.kind, m.field, m.book_value) for m in mismatches] == [
        (MismatchKind.FIELD_DIFFERS, "time_of_death", "1999-03-01")]
