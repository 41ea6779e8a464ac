"""The extract data digest is taken over the one canonical JSON of the program (the bytes sync
hashes too). Digests already printed in signed PDFs and QR codes must never change: these are
the digests of the sample records as issued before the canonical form was shared."""

from __future__ import annotations

import json

import pytest
from signing_support import records

from desktop_app.canonical import canonical_json
from signing.digest import canonical_data, extract_data_digest
from sync import protocol

ISSUED = {
    "birth": "2baeeb4ae4b3e758a63ba5e332513c049540642a719783e0ba37c347799a8d1f",
    "change": "7ae6b0321ec5aa4b7f0e303c56746a5b4f57cc1b908e913606d96f59aad47f17",
    "death": "910798683c44a3beb7bcd43ed5f7928989abc892ae16ce6d36a97384b183b16d",
    "guardianship": "d6736a7a6a630ce3f41d812dfbc249bde03b5c6cd056b97487967c305e873c20",
    "guardianship_termination":
        "c54104e71ddff8fcaad52a90cc156312615bbf5b953c8a165ef6749ad09b6227",
    "marital_status": "dff8a04c5f8af1d37699201bf57b76c9805ca2b2b97bb066a1292401029fd1d7",
    "marriage": "abe7c54748786592e5eb991f1323f0da6172e825a94ec6d728909085e752b4d5",
    "recognition": "e5ba72a200551c5c600cfbf6f853a2e207f420cf0c4c8b75f6db1333fa356573",
}
REGISTRATION = {"office_code": "27238", "registration_number": "386/2026",
                "book_number": "01-TP/HT-2026-KT", "registered_on": "2026-08-28"}


@pytest.mark.parametrize("form", sorted(ISSUED))
def test_digests_already_issued_do_not_change(form: str) -> None:
    assert extract_data_digest(records()[form], **REGISTRATION) == ISSUED[form]


def test_the_extract_and_sync_hash_the_same_bytes() -> None:
    document = json.loads(canonical_data(records()["birth"], **REGISTRATION))
    assert canonical_data(records()["birth"], **REGISTRATION) == canonical_json(document)
    assert protocol.canonical_json(document) == canonical_json(document)
    assert canonical_json({"b": "Ê", "a": [1, None]}) == '{"a":[1,null],"b":"Ê"}'.encode()
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})
