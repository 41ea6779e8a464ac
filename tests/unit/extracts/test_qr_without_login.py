"""`verify --qr` without `--user` accepts this device's own genuine QR code (issue 16 item
11): the signers' certificates are public and kept beside the store, outside its encryption;
a certificate revoked by the centre is dropped from there at the next sync."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader

from desktop_app.workflows import extracts
from signing.pades import CATALOG_KEY
from signing.service import PdfExtractService
from tests.conftest import CliResult
from tests.samples import build
from tests.unit.conftest import PW, Office
from tests.unit.extracts.test_extracts_workflow import P12_PW, _approved, pki, service

__all__ = ["pki", "service"]


def _token(pdf: Path) -> str:
    with pdf.open("rb") as handle:
        seal = PdfFileReader(handle).root[CATALOG_KEY]
        return str(seal["/Token"])


def test_the_devices_own_qr_verifies_without_an_account(
        office: Office, service: PdfExtractService, pki: dict[str, object], tmp_path: Path,
        cli: Callable[..., CliResult]) -> None:
    boss = office("chutich")
    extracts.import_certificate(boss, pki["good"], P12_PW, service)
    record_id = _approved(office, "death", build("death"))
    pdf = tmp_path / "tl.pdf"
    extracts.sign_extracts(boss, [record_id], service=service, p12_password=P12_PW, out=pdf)
    token = _token(pdf)
    anonymous = cli("--data-dir", office.paths.root, "verify", "--qr", token)
    assert anonymous.code == 0, anonymous.err
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert cli("--data-dir", office.paths.root, "verify", "--qr", forged).code == 1

    with boss.store.write() as uow:  # the centre revoked it (pulled at a sync)
        from desktop_app.revocation import add_revoked

        add_revoked(uow, extracts.certificate_of(boss).fingerprint)  # type: ignore[union-attr]
    extracts.unpublish_revoked(boss)
    assert cli("--data-dir", office.paths.root, "verify", "--qr", token).code == 1
    assert cli("--data-dir", office.paths.root, "--user", "chutich", "verify", "--qr", token,
               password=PW).code == 1  # with an account too
