"""The reference server answers an error nobody expected with an incident id (JSON), and
logs the traceback on its side only (issue 11 item 4)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
import requests
from support import Pki, ServerThread

from sync.protocol import API_PREFIX, H_DEVICE, H_NONCE, H_SIGNATURE, H_TIMESTAMP
from sync.server.store import CentralStore


def test_unexpected_server_error_is_an_incident(
        tmp_path: Path, pki: Pki, caplog: pytest.LogCaptureFixture,
        capfd: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "central.db"
    store = CentralStore(f"sqlite:///{db}")
    try:
        with ServerThread(store, pki) as server:
            # The database loses a table under the running server (a damaged or half-restored
            # file): the store fails with an error no handler knows.
            with sqlite3.connect(db) as conn:
                conn.execute("DROP TABLE devices")
            signed = {H_DEVICE: "device-1", H_TIMESTAMP: "1", H_NONCE: "n", H_SIGNATURE: "s"}
            with caplog.at_level(logging.ERROR):
                answer = requests.get(f"{server.url}{API_PREFIX}/capabilities",
                                      headers=signed, verify=str(pki.ca), timeout=10)
    finally:
        store.close()
    assert answer.status_code == 500
    error = answer.json()["error"]
    incident = error["params"]["incident"]
    assert error["code"] == "E-INCIDENT" and len(incident) == 8
    assert incident in error["message"] and incident in error["message_en"]
    assert "Traceback" not in answer.text and "devices" not in answer.text

    logged = [r for r in caplog.records if f"incident {incident}" in r.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info is not None
    assert "GET /v1/capabilities" in logged[0].getMessage()
    assert "OperationalError" in logged[0].getMessage()
    # Handled here: uvicorn never sees it, so never prints it (message and all) itself.
    assert "Exception in ASGI application" not in capfd.readouterr().err
