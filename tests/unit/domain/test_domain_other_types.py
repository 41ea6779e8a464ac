from domain_support import DELETE, codes, run


def test_valid_recognition_change_guardianship() -> None:
    assert run("recognition") == []
    assert run("change") == []
    assert run("guardianship") == []


def test_change_needs_from_to_and_basis() -> None:
    assert ("E-NO-BASIS", "basis") in {(i.code, i.field) for i in run("change", {"basis": DELETE})}
    assert "E-NO-BASIS" in codes(run("change", {"changes": []}))
    no_from = {"changes": [{"field": "full_name", "to": "Nguyễn Văn Ân"}]}
    assert ("E-NO-BASIS", "changes[0].from") in {(i.code, i.field) for i in run("change", no_from)}
    supplement = dict(no_from, kind="supplement")
    assert "E-NO-BASIS" not in codes(run("change", supplement))
    assert "W-LEGACY-MISSING" in codes(run("change", {"basis": DELETE}, historical=True))


def test_name_change_consent_from_age_9() -> None:
    edits = {
        "kind": "change",
        "changes": [{"field": "full_name", "from": "Nguyễn Văn An", "to": "Nguyễn Văn Ân"}],
        "subject.date_of_birth": "2017-01-15",  # 9 on 15/01/2026
    }
    # BLDS Art 28.2: a new act without the consent is refused; an old book keeps a warning.
    assert "E-NAME-CHANGE-CONSENT" in codes(run("change", edits))
    assert "W-NAME-CHANGE-CONSENT" in codes(run("change", edits, historical=True))
    assert "E-NAME-CHANGE-CONSENT" not in codes(run("change", dict(edits, consent_given=True)))
    assert "E-NAME-CHANGE-CONSENT" in codes(run("change", dict(edits, consent_given=False)))
    edits["subject.date_of_birth"] = "2017-01-16"  # still 8
    assert not {"E-NAME-CHANGE-CONSENT", "W-NAME-CHANGE-CONSENT"} & codes(run("change", edits))


def test_ethnicity_consent_between_15_and_18() -> None:
    base = {
        "kind": "ethnicity_redetermination",
        "changes": [{"field": "ethnicity", "from": "Kinh", "to": "Tày"}],
    }
    for dob, warn in (
        ("2011-01-15", True),
        ("2011-01-16", False),
        ("2008-01-16", True),
        ("2008-01-15", False),
    ):
        issues = run("change", dict(base, **{"subject.date_of_birth": dob}))
        assert ("E-ETHNIC-CONSENT" in codes(issues)) is warn, dob
        old = run("change", dict(base, **{"subject.date_of_birth": dob}), historical=True)
        assert ("W-ETHNIC-CONSENT" in codes(old)) is warn, dob


def test_guardianship_rules() -> None:
    # BLDS Art 49.1: a guardian under 18 is refused for a new appointment (16 in 2026).
    minor = [i for i in run("guardianship", {"guardian.date_of_birth": "2010"})
             if i.code == "E-GUARDIAN-MINOR"]
    assert minor and minor[0].field == "guardian.date_of_birth" and minor[0].params["age"] == 16
    assert "E-GUARDIAN-MINOR" not in codes(
        run("guardianship", {"guardian.date_of_birth": "2008-01-15"}))  # 18 that day
    assert "E-GUARDIAN-MINOR" in codes(
        run("guardianship", {"guardian.date_of_birth": "2008-01-16"}))  # 18 tomorrow
    assert "W-GUARDIAN-ELIG" in codes(
        run("guardianship", {"guardian.date_of_birth": "2010"}, historical=True))
    assert "W-GUARDIAN-ELIG" in codes(run("guardianship", {"ward.date_of_birth": "2000"}))
    org = {"guardian": {"name": "Trung tâm Bảo trợ xã hội", "representative": "Lê Văn A"}}
    assert run("guardianship", org) == []
    term = {"kind": "termination"}
    assert {i.field for i in run("guardianship", term) if i.code == "E-REQUIRED"} == {
        "original_record",
        "termination_reason",
    }
    assert "E-REQUIRED" in codes(run("guardianship", {"kind": "appointed"}))


def test_recognition_with_a_foreign_address_and_dna_evidence() -> None:
    edits = {"parent.residence": {"as_written": "Paris", "country": "FR"}}
    assert run("recognition", edits) == []
    assert "E-REQUIRED" in codes(run("recognition", {"evidence": DELETE}))
