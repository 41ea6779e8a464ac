"""Bytes after what the signature covers are an unsigned addition (issue 16 item 11).

pyHanko grades garbage after ``%%EOF`` as ModificationLevel.NONE (coverage ENTIRE_REVISION),
and an incremental update that only adds an object as LTA_UPDATES: both passed as a valid
extract. A genuine extract with either is now refused by our verifier and `hotich verify`
(exit 1, E-PDF-UNSIGNED-ADDITION, naming the genuine signer and the added bytes); the
end-of-line the PDF format allows after %%EOF is not an addition.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.workflows import extracts
from signing.service import PdfExtractService
from tests.conftest import CliResult
from tests.samples import build
from tests.support.pdf_revisions import unsigned_revision
from tests.unit.conftest import PW, Office
from tests.unit.extracts.test_extracts_workflow import P12_PW, _approved, pki, service

__all__ = ["pki", "service"]

GARBAGE = b"\n% appended after signing\n1 0 obj (not signed) endobj\n"


@pytest.fixture
def signed_pdf(office: Office, service: PdfExtractService, pki: dict[str, object],
               tmp_path: Path) -> bytes:
    boss = office("chutich")
    extracts.import_certificate(boss, pki["good"], P12_PW, service)
    record_id = _approved(office, "death", build("death"))
    out = tmp_path / "tl.pdf"
    extracts.sign_extracts(boss, [record_id], service=service, p12_password=P12_PW, out=out)
    return out.read_bytes()


def _verify(cli: Callable[..., CliResult], office: Office, pdf: bytes,
            tmp_path: Path) -> tuple[int, dict[str, object], str]:
    path = tmp_path / "check.pdf"
    path.write_bytes(pdf)
    result = cli("--json", "--data-dir", office.paths.root, "--user", "chutich", "verify",
                 path, password=PW)
    return result.code, json.loads(result.out), result.err


def test_genuine_extract_and_an_end_of_line_after_eof_verify(
        signed_pdf: bytes, service: PdfExtractService, office: Office,
        cli: Callable[..., CliResult], tmp_path: Path) -> None:
    assert service.verify(signed_pdf).code == "OK-PDF-VALID"
    for tail in (b"\n", b"\r\n"):
        code, answer, _ = _verify(cli, office, signed_pdf + tail, tmp_path)
        assert (code, answer["code"]) == (0, "OK-PDF-VALID")


def test_bytes_after_eof_are_an_unsigned_addition(
        signed_pdf: bytes, service: PdfExtractService, office: Office,
        cli: Callable[..., CliResult], tmp_path: Path) -> None:
    check = service.verify(signed_pdf + GARBAGE)
    assert not check.is_valid and check.code == "E-PDF-UNSIGNED-ADDITION"
    assert check.params["unsigned_bytes"] == len(GARBAGE)
    code, answer, err = _verify(cli, office, signed_pdf + GARBAGE, tmp_path)
    assert code == 1 and answer == {"ok": False, "code": "E-PDF-UNSIGNED-ADDITION",
                                    "message": answer["message"]}
    message = str(answer["message"])
    assert f"{len(GARBAGE)} byte" in message and "Hoàng Văn Chủ" in message
    assert err.count("\n") == 1 and "Traceback" not in err  # one line


def test_an_unsigned_incremental_update_is_an_unsigned_addition(
        signed_pdf: bytes, service: PdfExtractService, office: Office,
        cli: Callable[..., CliResult], tmp_path: Path) -> None:
    updated = unsigned_revision(signed_pdf)
    check = service.verify(updated)
    assert check.code == "E-PDF-UNSIGNED-ADDITION"
    assert check.params["unsigned_bytes"] == len(updated) - len(signed_pdf)
    code, answer, _ = _verify(cli, office, updated, tmp_path)
    assert (code, answer["code"]) == (1, "E-PDF-UNSIGNED-ADDITION")
