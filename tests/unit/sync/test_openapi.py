"""sync/openapi.json is the contract: the server's routes match it and its answers validate."""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from pathlib import Path

import pytest
import requests
from conftest import FAST
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from support import COMMUNE, Pki, push_item, record

from sync.client import SyncClient, make_session
from sync.identity import DeviceIdentity
from sync.server.app import STATUS, create_app
from sync.server.store import CentralStore

DOC_PATH = Path(__file__).resolve().parents[3] / "sync" / "openapi.json"
DOC = json.loads(DOC_PATH.read_text(encoding="utf-8"))
METHODS = {"get", "post", "patch", "head", "put", "delete"}


def _documented() -> set[tuple[str, str]]:
    return {(m.upper(), path) for path, item in DOC["paths"].items() for m in item
            if m in METHODS}


def test_routes_match_the_document(store: CentralStore) -> None:
    app = create_app(store)
    served = {(m, r.path) for r in app.routes if hasattr(r, "methods")
              for m in r.methods if r.path.startswith("/v1/")}
    assert served == _documented()


def test_every_error_code_of_the_server_is_documented() -> None:
    from sync.messages import MESSAGES

    text = json.dumps(DOC, ensure_ascii=False)
    for cls in STATUS:
        assert cls.code in text, cls.code
    item_codes = [c for c in MESSAGES if c in ("E-SYNC-IDEMPOTENCY-CONFLICT",
                                               "E-SYNC-VERSION-CONFLICT",
                                               "E-SYNC-UNSUPPORTED-PROCEDURE",
                                               "E-SYNC-ATTACHMENT-MISSING")]
    assert all(c in text for c in item_codes) and len(item_codes) == 4
    for status in ("accepted", "already_had", "rejected", "deferred"):
        assert status in DOC["components"]["schemas"]["ItemResult"]["properties"]["status"]["enum"]


def _registry() -> Registry:
    return Registry().with_resource("urn:hotich:openapi",
                                    Resource.from_contents(DOC, DRAFT202012))


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def _template(path: str) -> str | None:
    for documented in DOC["paths"]:
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", documented) + "$"
        if re.match(pattern, path):
            return documented
    return None


class _Checker:
    def __init__(self) -> None:
        self.registry = _registry()
        self.checked: set[tuple[str, str, str]] = set()

    def __call__(self, response: requests.Response, *args: object, **kwargs: object) -> None:
        request = response.request
        path = request.path_url.split("?")[0]
        template = _template(path)
        assert template is not None, f"undocumented path {path}"
        method = request.method.lower()
        responses = DOC["paths"][template][method]["responses"]
        status = str(response.status_code)
        assert status in responses, f"{method} {template} answered undocumented {status}"
        content = responses[status].get("content", {})
        if "application/json" in content and method != "head":
            ref = "urn:hotich:openapi#/" + _pointer("paths", template, method, "responses",
                                                   status, "content", "application/json",
                                                   "schema")
            validator = Draft202012Validator({"$ref": ref}, registry=self.registry)
            errors = list(validator.iter_errors(response.json()))
            assert not errors, f"{method} {template} {status}: {errors[0].message}"
        for header in responses[status].get("headers", {}):
            assert header in response.headers, f"{method} {template} {status} lacks {header}"
        self.checked.add((method, template, status))


def test_answers_validate_against_the_document(enrolled, pki: Pki,  # noqa: ANN001
                                               store: CentralStore) -> None:
    checker = _Checker()
    session = make_session(FAST)
    session.hooks["response"].append(checker)
    identity: DeviceIdentity = enrolled()
    client = SyncClient(identity, ca_file=pki.ca, config=FAST, session=session)
    assert client.is_reachable()
    client.capabilities()
    scan = os.urandom(70_000)
    sha = hashlib.sha256(scan).hexdigest()
    client.push([push_item("birth"), push_item("birth", attachments=(sha,)),
                 push_item("marriage", data=record("marriage", both_present=False))])
    client.upload_attachment(sha, scan)
    assert client.attachment_status(sha) is not None
    client.send_once("HEAD", f"/v1/attachments/{sha}")
    client.lease_number_block("birth", 2026, 10, request_id=uuid.uuid4().hex)
    client.pull(None, limit=2)
    from desktop_app.sync_types import AuditHead

    assert client.anchor_audit(AuditHead(3, "a" * 64)) is None
    assert client.anchor_audit(AuditHead(5, "b" * 64), rewritten=AuditHead(3, "a" * 64)) == \
        AuditHead(3, "a" * 64)
    from sync.server.models import RegistryPerson

    store.population.import_persons([RegistryPerson(
        event="birth", personal_id="001226000001", commune=COMMUNE, year=2026,
        full_name="Niê H’Hen", sex="female", date_of_birth="2026-01-02")])
    persons, after = client.registry_page("birth", 2026, limit=5)
    assert [p.full_name for p in persons] == ["Niê H’Hen"] and after is None
    from sync.errors import UploadOffsetMismatchError

    with pytest.raises(UploadOffsetMismatchError):  # 409 is documented too
        other = os.urandom(100)
        other_sha = hashlib.sha256(other).hexdigest()
        client.request_json("POST", "/v1/attachments", {"sha256": other_sha, "size": 100})
        client.send_once("PATCH", f"/v1/attachments/{other_sha}", body=other[:10],
                         headers={"Upload-Offset": "5"})
    enrol = session.post(client.base_url + "/v1/enrolments", json={"code": "XXXX-YYYY"},
                         verify=str(pki.ca), timeout=(2, 5))
    assert enrol.status_code == 400
    unsigned = session.get(client.base_url + "/v1/capabilities", verify=str(pki.ca),
                           timeout=(2, 5))
    assert unsigned.status_code == 401
    operations = {(m, t) for m, t, _ in checker.checked}
    documented = {(m.lower(), p) for m, p in _documented()} - {("post", "/v1/bundles")}
    assert documented <= operations, documented - operations
