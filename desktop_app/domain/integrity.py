"""E-SIGNER-CONFLICT (L60 Art 12.1.h): the signer or officer may not register an event of
their own or of a relative. Pure matching against the parties named in the record."""

from __future__ import annotations

from desktop_app.domain.access import get_obj, get_str
from desktop_app.domain.errors import SignerConflictError
from desktop_app.domain.text import fold_compact
from desktop_app.domain.types import JSONObject

PARTY_PATHS = (
    "child",
    "mother",
    "father",
    "deceased",
    "husband",
    "wife",
    "parent",
    "subject",
    "guardian",
    "ward",
    "declarant",
)


def signer_conflict(
    record_data: JSONObject,
    person_full_name: str,
    personal_id: str | None = None,
    *,
    relatives: tuple[str, ...] = (),
) -> list[str]:
    """Paths of the parties that are the signer (or one of the signer's declared relatives).

    A party matches on the personal ID when both are known (also the ID document number),
    else on the folded full name. ``relatives`` are full names the signer declared.
    """
    names = {fold_compact(n) for n in (person_full_name, *relatives) if n and n.strip()}
    found: list[str] = []
    for path in PARTY_PATHS:
        party = get_obj(record_data, path)
        if party is None:
            continue
        party_id = get_str(party, "personal_id") or get_str(party, "id_document.number")
        name = get_str(party, "full_name")
        if personal_id and party_id:
            if party_id == personal_id:
                found.append(path)
            elif name and fold_compact(name) in names - {fold_compact(person_full_name)}:
                found.append(path)  # a declared relative (their ID is not given)
            continue
        if name and fold_compact(name) in names:
            found.append(path)
    return found


def ensure_no_signer_conflict(
    record_data: JSONObject,
    person_full_name: str,
    personal_id: str | None = None,
    *,
    relatives: tuple[str, ...] = (),
) -> None:
    """Raises SignerConflictError(parties=[paths]): choose another signer (not an override)."""
    parties = signer_conflict(record_data, person_full_name, personal_id, relatives=relatives)
    if parties:
        raise SignerConflictError(parties=parties)
