from domain_support import DELETE, codes, run


def test_historical_birth_with_partial_data_has_only_warnings() -> None:
    edits = {
        "child.date_of_birth": "1978",
        "child.ethnicity": DELETE,
        "child.place_of_birth": {"as_written": "xã Tân Phú, huyện Không Còn, tỉnh Sông Bé"},
        "mother.date_of_birth": DELETE,
        "mother.age_at_event": 17,
        "declarant.relationship": "grandparent",
        "illegible": ["father.full_name"],
        "source": {
            "book_number": "03/1978",
            "year": 1978,
            "page": "12a",
            "entry_number": 45,
            "phase": 3,
            "scan": "scan-1",
        },
    }
    issues = run("birth", edits, historical=True)
    assert not [i for i in issues if i.is_error], issues
    assert {
        "W-LEGACY-NO-NUMBER",
        "W-LEGACY-NO-DATE",
        "W-LEGACY-MISSING",
        "W-LEGACY-AGE-ONLY",
        "W-LEGACY-ILLEGIBLE",
        "W-ADDRESS-UNKNOWN",
    } <= codes(issues)
    assert not {"W-KS-LATE", "W-KS-DECLARANT", "I-AWAITING-PERSONAL-ID"} & codes(issues)


def test_historical_entries_with_numbers_and_source_are_clean() -> None:
    edits = {
        "registered_on": "2026-01-12",
        "registration_number": 12,
        "book_number": "01-TP/HT-2026-KS",
        "source": {"book_number": "01", "year": 2026, "page": 3, "entry_number": 12, "phase": 5},
    }
    issues = run("birth", edits, historical=True)
    assert [i for i in issues if i.severity != "info"] == []


def test_illegible_required_field_is_flagged_not_missing() -> None:
    edits = {"child.full_name": DELETE, "illegible": ["child.full_name"]}
    issues = run("birth", edits, historical=True)
    assert ("W-LEGACY-ILLEGIBLE", "child.full_name") in {(i.code, i.field) for i in issues}
    assert ("W-LEGACY-MISSING", "child.full_name") not in {(i.code, i.field) for i in issues}
    assert "W-LEGACY-NO-SOURCE" in codes(issues)


def test_historical_marriage_under_age_same_sex_are_warnings() -> None:
    edits = {
        "husband.date_of_birth": DELETE,
        "husband.age_at_event": 16,
        "wife.sex": "male",
        "both_present": DELETE,
        "effective_date": "1970",
    }
    issues = run("marriage", edits, historical=True)
    assert {"W-MARR-AGE", "W-MARR-SAMESEX", "W-LEGACY-AGE-ONLY"} <= codes(issues)
    assert not [i for i in issues if i.is_error]


def test_an_old_entry_lacks_no_filing_document_the_book_never_had() -> None:
    """A printed 2010 birth book has no column for the birth certificate shown nor for the
    kind of filing: an entry keyed from it is not warned of them (every entry was)."""
    edits = {"birth_evidence": DELETE, "registration_kind": DELETE,
             "source": {"book_number": "01/2010", "year": 2010, "page": 1, "entry_number": 3,
                        "phase": 1}}
    issues = run("birth", edits, historical=True)
    assert "W-LEGACY-MISSING" not in codes(issues), issues
    assert {"birth_evidence", "registration_kind"} <= {
        i.field for i in run("birth", edits) if i.code == "E-REQUIRED"}  # a new filing must
    death = run("death", {"registration_kind": DELETE, "declarant.full_name": DELETE},
                historical=True)
    assert [i.field for i in death if i.code == "W-LEGACY-MISSING"] == ["declarant.full_name"]
