"""Shared set-up of the widget tests that sign for real: a trusted development CA in the
office's data folder and the supervisor's PKCS#12 imported through the real hook."""

from __future__ import annotations

from desktop_app.app import build_ui_hooks
from desktop_app.workflows import records
from signing.devca import make_ca, make_leaf, p12
from tests.samples import build
from tests.ui.conftest import UiOffice
from ui.context import UiHooks

P12_PW = "p12-pw-1"


def signing_office(office: UiOffice) -> UiHooks:
    """The composition root's hooks, with chutich's certificate imported (password P12_PW)."""
    now = office.clock.now()
    root = make_ca("UI Test Root", now=now)
    trust = office.paths.root / "trust"
    trust.mkdir(exist_ok=True)
    (trust / "root.pem").write_bytes(root.pem)
    hooks = build_ui_hooks(office.paths)
    cert_file = office.paths.root.parent / "chutich.p12"
    cert_file.write_bytes(p12(make_leaf("Hoàng Văn Chủ", root, now=now), [root], P12_PW))
    assert hooks.import_certificate is not None
    hooks.import_certificate(office.session("chutich"), cert_file, P12_PW)
    return hooks


def approved(office: UiOffice, rtype: str, changes: dict | None = None) -> str:
    """A record registered by canbo and approved by chutich (warnings accepted)."""
    officer, supervisor = office.session("canbo"), office.session("chutich")
    created = records.create_record(officer, rtype, build(rtype, changes or {}))
    submitted = records.submit(officer, created.record.id)
    records.approve(supervisor, created.record.id,
                    {w.code: "đã kiểm tra giấy tờ gốc" for w in submitted.warnings})
    return created.record.id


def signed(office: UiOffice, hooks: UiHooks, record_id: str) -> None:
    assert hooks.sign_records is not None
    outcomes = hooks.sign_records(office.session("chutich"), [record_id], P12_PW,
                                  lambda *_: None)
    assert [o.error for o in outcomes] == [None]
