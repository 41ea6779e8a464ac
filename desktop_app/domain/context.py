"""Summaries of other records that cross-record rules need (twins, duplicates, bigamy, kin).

The caller (a workflow with the store) fetches candidates; the rules decide. Candidates may be
a superset: every rule re-checks its own matching conditions, so passing too many is safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.access import get_str
from desktop_app.domain.dates import InvalidDateError, parse_partial_date
from desktop_app.domain.text import fold_compact
from desktop_app.domain.types import JSONObject


@dataclass(frozen=True)
class PartySummary:
    """A person as another record holds them."""

    full_name: str | None
    date_of_birth: str | None = None
    personal_id: str | None = None

    @classmethod
    def from_person(cls, person: JSONObject | None) -> PartySummary:
        return cls(
            get_str(person, "full_name"),
            get_str(person, "date_of_birth"),
            get_str(person, "personal_id"),
        )

    @property
    def is_known(self) -> bool:
        return bool(self.personal_id or self.full_name)


def _same_partial_year(a: str, b: str) -> bool:
    try:
        return parse_partial_date(a).year == parse_partial_date(b).year
    except InvalidDateError:
        return a == b


def same_person(a: PartySummary, b: PartySummary) -> bool:
    """Personal IDs decide when both are known; else folded names, and birth years if both known."""
    if a.personal_id and b.personal_id:
        return a.personal_id == b.personal_id
    if not (a.full_name and b.full_name) or fold_compact(a.full_name) != fold_compact(b.full_name):
        return False
    if a.date_of_birth and b.date_of_birth:
        return _same_partial_year(a.date_of_birth, b.date_of_birth)
    return True


@dataclass(frozen=True)
class BirthCandidate:
    """Another birth registration: for W-TWINS, W-DUP-PERSON and W-MARR-KIN."""

    record_id: str
    child: PartySummary
    mother: PartySummary | None = None
    father: PartySummary | None = None
    birth_evidence_number: str | None = None
    registration_number: str | None = None

    @classmethod
    def from_record(cls, record_id: str, data: JSONObject,
                    registration_number: str | None = None) -> BirthCandidate:
        child, mother, father = data.get("child"), data.get("mother"), data.get("father")
        return cls(
            record_id,
            PartySummary.from_person(child if isinstance(child, dict) else None),
            PartySummary.from_person(mother) if isinstance(mother, dict) else None,
            PartySummary.from_person(father) if isinstance(father, dict) else None,
            get_str(data, "birth_evidence.number"),
            registration_number,
        )


@dataclass(frozen=True)
class MarriageCandidate:
    """A marriage on record that is still in force (not dissolved, no spouse dead)."""

    record_id: str
    husband: PartySummary
    wife: PartySummary
    registration_number: str | None = None


@dataclass(frozen=True)
class HeldRecord:
    """Another record held on this device that a new act points at or must agree with (the
    birth a recognition concerns, the original of a change, a guardianship)."""

    record_id: str
    record_type: str
    status: str
    data: JSONObject
    registration_number: str | None = None
    registered_on: str | None = None
    registered: bool = True
    ended_by: tuple[str, ...] = ()
    """For a guardianship: the numbers (or ids) of the terminations that end it."""
    earlier: tuple[JSONObject, ...] = ()
    """The data of its earlier versions, oldest first: a change already applied to it is
    checked against the version it changed."""

    @property
    def number(self) -> str:
        """How a message names it: its registration number, else the start of its id."""
        return self.registration_number or self.record_id[:8]


@dataclass(frozen=True)
class ValidationContext:
    births: tuple[BirthCandidate, ...] = ()
    """Other births of the same mother or of a child with the same name and birth date."""
    active_marriages: tuple[MarriageCandidate, ...] = ()
    """Marriages in force of either party of a new marriage."""
    husband_birth: BirthCandidate | None = None
    wife_birth: BirthCandidate | None = None
    """The parties' own birth records when held: siblings / parent-child for W-MARR-KIN."""
    known_kinship: tuple[str, ...] = ()
    """Kinship the caller established between the parties (e.g. "adoptive_parent")."""
    record_id: str | None = None
    """The record being validated, so that it never matches itself."""
    unknown_links: tuple[str, ...] = ()
    """Paths of the record ids typed in reference fields that match no record held here."""
    target: HeldRecord | None = None
    """The record this act points at (recognition: the child's birth record; change and
    termination: ``original_record``) when this device holds it."""
    ward_guardianships: tuple[HeldRecord, ...] = ()
    """Guardianships in force (registered, not ended) of the ward of a new guardianship."""
