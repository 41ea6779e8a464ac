"""What the store indexes about a record: its parties, folded for duplicate, twin and bigamy
checks, and its folded search text. Pure: the store computes these on every save."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.duplicates import mother_key, person_match_key
from desktop_app.domain.integrity import PARTY_PATHS
from desktop_app.domain.text import APOSTROPHES, fold_compact, fold_for_search
from desktop_app.domain.types import JSONObject

# The parties whose index entries the rules between records look up (the person index holds
# every party, for search; its lookup indexes only these, schema 20): a birth's child by its
# match key (a duplicate birth, a spouse's own birth), and by folded name the namesakes a new
# act may concern (a spouse in force, a spouse's death, a ward's guardianship).
MATCHED_ROLE = "child"
SPOUSE_ROLES = ("husband", "wife")  # bigamy's namesakes, among those looked up by name
LOOKED_UP_ROLES = ("deceased", *SPOUSE_ROLES, "ward")


@dataclass(frozen=True)
class PersonEntry:
    """One party of a record, folded for duplicate and twin checks."""

    role: str
    match_key: str
    name_key: str
    mother_key: str | None
    date_of_birth: str | None
    event_date: str | None
    personal_id: str | None = None  # narrows the bigamy check (same_person: IDs decide)


def party(data: JSONObject, path: str) -> JSONObject | None:
    value = data.get(path)
    return value if isinstance(value, dict) else None


def text_of(obj: JSONObject | None, key: str) -> str | None:
    value = obj.get(key) if obj else None
    return value if isinstance(value, str) and value.strip() else None


def mother_key_of(data: JSONObject) -> str | None:
    mother = party(data, "mother")
    name = text_of(mother, "full_name")
    pid = text_of(mother, "personal_id")
    return mother_key(name or "", pid) if (name or pid) else None


def persons(record_type: str, data: JSONObject) -> list[PersonEntry]:
    entries = []
    for path in PARTY_PATHS:
        found = party(data, path)
        name = text_of(found, "full_name")
        if not name:
            continue
        dob = text_of(found, "date_of_birth")
        entries.append(PersonEntry(
            role=path,
            match_key=person_match_key(name, dob),
            name_key=fold_compact(name),
            mother_key=mother_key_of(data) if record_type == "birth" and path == "child"
            else None,
            date_of_birth=dob,
            event_date=None,
            personal_id=text_of(found, "personal_id"),
        ))
    return entries


def search_words(record_type: str, data: JSONObject, registration_number: str | None,
                 book_number: str | None) -> list[str]:
    """What a record is searched by, unfolded: its kind, names, personal ids and numbers."""
    words = [record_type]
    for path in PARTY_PATHS:
        name = text_of(party(data, path), "full_name")
        if name:
            words.append(name)
        pid = text_of(party(data, path), "personal_id")
        if pid:
            words.append(pid)
    words += [w for w in (registration_number, book_number) if w]
    return words


def search_text(record_type: str, data: JSONObject, registration_number: str | None,
                book_number: str | None) -> str:
    """The folded words, then the parts of those with an apostrophe (both forms are found:
    "hkhoa" and "khoa")."""
    words = search_words(record_type, data, registration_number, book_number)
    return joined_text(words, apostrophe_parts(words))


def joined_text(words: list[str], parts: str) -> str:
    folded = fold_for_search(" ".join(words))
    return f"{folded} {parts}" if parts else folded


SEARCH_TEXT_VERSION = 2
"""Bumped whenever search_text changes: the store re-indexes older stores once (2: the
parts of names with an apostrophe)."""

_APOSTROPHE_TO_SPACE = {ord(ch): " " for ch in APOSTROPHES}


def apostrophe_parts(words: list[str]) -> str:
    """The folded parts of every word with an apostrophe ("H’Khoa" -> "h khoa"): the fold
    joins them ("hkhoa"), so an officer typing the given name "khoa" would find nothing."""
    parts = [fold_for_search(word.translate(_APOSTROPHE_TO_SPACE))
             for text in words if any(ch in text for ch in APOSTROPHES)
             for word in text.split() if any(ch in word for ch in APOSTROPHES)]
    return " ".join(p for p in parts if p)
