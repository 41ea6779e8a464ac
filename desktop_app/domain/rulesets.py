"""Rule sets keyed by effective date: thresholds and switches chosen by the registration date.

Nghị định 120/2025 (two-level government) applies from 01/7/2025 and ends on 01/3/2027, when
a new civil-status law is expected; the set from that date is provisional until its text is
known. Thresholds that the law leaves open (plausibility ages, name length) are settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.record_types import RecordType


@dataclass(frozen=True)
class Thresholds:
    birth_late_days: int = 60  # L60 Art 15.1: within 60 days from the birth
    death_late_days: int = 15  # L60 Art 33.1: within 15 days from the death
    mother_age_low: int = 16
    mother_age_high: int = 55
    father_age_low: int = 16
    marriage_age_husband: int = 20  # HNGĐ Art 8.1.a: "từ đủ 20 tuổi"
    marriage_age_wife: int = 18  # "từ đủ 18 tuổi"
    name_long_chars: int = 50  # TT04 Art 6.1 gives no number
    name_change_consent_age: int = 9  # BLDS Art 28
    ethnic_consent_from: int = 15  # BLDS Art 29: 15 to under 18
    ethnic_consent_until: int = 18
    guardian_min_age: int = 18  # BLDS Art 49
    twins_window_days: int = 1


@dataclass(frozen=True)
class RuleSet:
    name: str
    effective_from: date
    effective_until: date | None  # exclusive
    thresholds: Thresholds = field(default_factory=Thresholds)
    presence_required: frozenset[RecordType] = frozenset({RecordType.MARRIAGE})
    provisional: bool = False

    def applies_on(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_until is None or day < self.effective_until
        )


RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet(
        "L60-2014",
        date(1, 1, 1),
        date(2025, 7, 1),
        # Before NĐ 120/2025 the applicant had to be present to sign for these too.
        presence_required=frozenset(
            {RecordType.MARRIAGE, RecordType.RECOGNITION, RecordType.GUARDIANSHIP}
        ),
    ),
    RuleSet("ND120-2025", date(2025, 7, 1), date(2027, 3, 1)),
    RuleSet("2027-provisional", date(2027, 3, 1), None, provisional=True),
)


def ruleset_for(day: date, rule_sets: tuple[RuleSet, ...] = RULE_SETS) -> RuleSet:
    """The rule set in force on a day (the registration date)."""
    for rule_set in rule_sets:
        if rule_set.applies_on(day):
            return rule_set
    return rule_sets[-1]
