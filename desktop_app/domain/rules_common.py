"""Rules shared by every record type: personal IDs, names, ethnicity, addresses, age only,
registration order."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache

from desktop_app.domain.access import get, get_date, get_int, get_str, get_time_of_death
from desktop_app.domain.addresses import commune, convert_legacy_address, resolve_place
from desktop_app.domain.check import Check, birth_year
from desktop_app.domain.dates import PartialDate
from desktop_app.domain.ethnicity import FOREIGNER_CODE, ethnic_group
from desktop_app.domain.fields import FieldKind
from desktop_app.domain.issues import Issue
from desktop_app.domain.personal_id import personal_id_findings
from desktop_app.domain.record_types import RecordType
from desktop_app.domain.text import APOSTROPHES

NAME_PUNCTUATION = frozenset(" -" + APOSTROPHES)
_NAME_PARTS = ("full_name", "family_name", "middle_name", "given_name")
VIETNAM = ("VN", "VNM")


def rule_personal_ids(c: Check) -> Iterator[Issue]:
    for path, person in c.persons():
        pid = get(person, "personal_id")
        if not isinstance(pid, str) or not pid.strip():
            continue
        sex = get_str(person, "sex")
        for code, params in personal_id_findings(pid, sex=sex, birth_year=birth_year(person)):
            yield Issue.of(code, f"{path}.personal_id", **params)


@lru_cache(maxsize=4096)  # per character: a name's letters come back on every entry
def is_name_char(ch: str) -> bool:
    """Latin letters with any diacritics, combining marks, spaces, apostrophes, hyphens."""
    if ch in NAME_PUNCTUATION:
        return True
    category = unicodedata.category(ch)
    if category == "Mn":
        return True
    return category.startswith("L") and "LATIN" in unicodedata.name(ch, "")


def odd_name_chars(name: str) -> list[str]:
    """Characters outside Vietnamese and ethnic-minority orthographies, in order, once each."""
    return list(dict.fromkeys(ch for ch in name if not is_name_char(ch)))


def rule_names(c: Check) -> Iterator[Issue]:
    for path, person in c.named():
        for part in _NAME_PARTS:
            name = get_str(person, part)
            if name is None:
                continue
            odd = odd_name_chars(name)
            if odd:
                yield Issue.of("W-NAME-CHARS", f"{path}.{part}", chars="".join(odd))
            if part == "full_name" and len(name.strip()) > c.t.name_long_chars:
                yield Issue.of(
                    "W-NAME-LONG", f"{path}.{part}", length=len(name), limit=c.t.name_long_chars
                )


def _is_vietnamese(person: Mapping[str, object]) -> bool:
    nationality = person.get("nationality")
    return nationality is None or (isinstance(nationality, str) and nationality.upper() in VIETNAM)


def rule_ethnicity_known(c: Check) -> Iterator[Issue]:
    for path, person in c.persons():
        ethnicity = get_str(person, "ethnicity")
        if ethnicity is None or not _is_vietnamese(person):
            continue
        group = ethnic_group(ethnicity)
        if group is None or group.code == FOREIGNER_CODE:
            yield Issue.of("W-ETHNIC", f"{path}.ethnicity", reason="not_in_list")


def rule_addresses(c: Check) -> Iterator[Issue]:
    for path, address in c.values_of_kind(FieldKind.ADDRESS):
        if not isinstance(address, dict):
            continue
        country = get_str(address, "country")
        if country is not None and country.upper() not in VIETNAM:
            continue
        code = get(address, "commune_code")
        as_written = get_str(address, "as_written")
        if code is not None and not (isinstance(code, str) and not code.strip()):
            found = commune(code) if isinstance(code, (str, int)) else None
            if found is None and isinstance(code, (str, int)):
                yield Issue.of("W-ADDRESS-UNKNOWN", f"{path}.commune_code", reason="unknown_code")
            elif found is not None and address.get("converted") is True:
                yield Issue.of("W-ADDRESS-LEGACY", f"{path}.as_written",
                               commune_code=found.code, commune_name=found.name)
        elif as_written is not None:
            converted = convert_legacy_address(as_written)
            place = resolve_place(as_written) if converted is None else None
            if converted is None and place is not None and place.province is not None:
                # An old province wholly in one 2025 province, or no commune named: ocr's.
                yield Issue.of("W-ADDRESS-PROVINCE", f"{path}.as_written",
                               province_code=place.province.code,
                               province_name=place.province.name)
            elif converted is None:
                yield Issue.of("W-ADDRESS-UNKNOWN", f"{path}.as_written", reason="not_converted")
            else:
                yield Issue.of(
                    "W-ADDRESS-LEGACY",
                    f"{path}.as_written",
                    commune_code=converted.commune_code,
                    commune_name=converted.commune_name,
                )


def rule_age_only(c: Check) -> Iterator[Issue]:
    for path, person in c.persons():
        if get_int(person, "age_at_event") is not None and get(person, "date_of_birth") is None:
            code = "W-LEGACY-AGE-ONLY" if c.historical else "I-AGE-ONLY"
            yield Issue.of(code, f"{path}.age_at_event", age=get_int(person, "age_at_event"))


def event_date(c: Check) -> tuple[str, PartialDate] | None:
    """The date of the event a registration records (birth, death, marriage)."""
    if c.record_type is RecordType.BIRTH:
        found = get_date(c.data, "child.date_of_birth")
        return ("child.date_of_birth", found) if found else None
    if c.record_type is RecordType.DEATH:
        tod = get_time_of_death(c.data, "time_of_death")
        return ("time_of_death", tod.date) if tod else None
    if c.record_type is RecordType.MARRIAGE:
        found = get_date(c.data, "effective_date")
        return ("effective_date", found) if found else None
    return None


def rule_registration_order(c: Check) -> Iterator[Issue]:
    """E-REG-BEFORE-EVENT for new registrations; W-LEGACY-ORDER in historical entries."""
    reg = c.registered_on
    event = event_date(c)
    if reg is None or event is None:
        return
    path, when = event
    if reg.latest < when.earliest:
        code = "W-LEGACY-ORDER" if c.historical else "E-REG-BEFORE-EVENT"
        yield Issue.of(code, "registered_on", event_field=path)


def rule_links_found(c: Check) -> Iterator[Issue]:
    """A record id typed into a reference must name a record held here: never kept silently
    as a link to nothing (the number and book identify a record kept elsewhere)."""
    for path in c.context.unknown_links:
        yield Issue.of("E-LINK-NOT-FOUND", path)


COMMON_RULES = (
    rule_personal_ids,
    rule_names,
    rule_ethnicity_known,
    rule_addresses,
    rule_age_only,
    rule_registration_order,
    rule_links_found,
)
