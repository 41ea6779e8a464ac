"""How the officer treated each suggestion of an entry, field by field, for the accepted
share: taken as proposed (accepted), taken then changed (edited), or not taken (rejected).
``matched`` tells apart a rejected suggestion that was right after all (the officer typed
the same value) from a wrong one: the engine's accuracy, beside the officers' trust in it."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.access import get
from desktop_app.domain.types import JSONValue


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    EDITED = "edited"
    REJECTED = "rejected"


@dataclass(frozen=True)
class FieldReview:
    path: str
    engine: str
    confidence: float
    outcome: Outcome
    matched: bool  # the saved value is the suggested one




def _same(saved: JSONValue, suggested: str) -> bool:
    if saved is None:
        return False
    text = saved if isinstance(saved, str) else str(saved)
    return (unicodedata.normalize("NFC", " ".join(text.split()))
            == unicodedata.normalize("NFC", " ".join(suggested.split())))


def reviews_of(suggestions: Iterable[tuple[str, str, float, str]], accepted: Collection[str],
               saved: Mapping[str, JSONValue]) -> list[FieldReview]:
    """One review per suggested field: ``suggestions`` are (path, value, confidence, engine),
    ``accepted`` the paths the officer took, ``saved`` the entry as saved."""
    found: list[FieldReview] = []
    for path, value, confidence, engine in suggestions:
        matched = _same(get(saved, path), value)
        if path not in accepted:
            outcome = Outcome.REJECTED
        else:
            outcome = Outcome.ACCEPTED if matched else Outcome.EDITED
        found.append(FieldReview(path, engine, confidence, outcome, matched))
    return found
