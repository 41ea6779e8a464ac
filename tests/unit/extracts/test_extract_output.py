"""`extract --sign --out`: the output is checked before signing; a file that cannot be written
after signing is reported with where the signed extract is (issue 16 item 3)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.domain import Status
from desktop_app.errors import HotichError
from desktop_app.workflows import extracts, records
from signing.service import PdfExtractService
from tests.conftest import CliResult
from tests.samples import build
from tests.unit.conftest import PW, Office
from tests.unit.extracts.test_extracts_workflow import P12_PW, _approved, pki, service

__all__ = ["pki", "service"]  # the fixtures this module shares


@pytest.fixture
def signer(office: Office, service: PdfExtractService, pki: dict[str, object]) -> Office:
    extracts.import_certificate(office("chutich"), pki["good"], P12_PW, service)
    return office


def _status(office: Office, record_id: str) -> str:
    return records.get_record(office("chutich"), record_id).status


def test_missing_output_folder_is_refused_before_signing(
        signer: Office, service: PdfExtractService, tmp_path: Path) -> None:
    record_id = _approved(signer, "death", build("death"))
    with pytest.raises(HotichError) as caught:
        extracts.sign_extracts(signer("chutich"), [record_id], service=service,
                               p12_password=P12_PW, out=tmp_path / "no-such" / "tl.pdf")
    assert caught.value.code == "E-OUTPUT-UNWRITABLE"
    assert _status(signer, record_id) == Status.APPROVED  # nothing signed, no number used
    issued = extracts.sign_extracts(signer("chutich"), [record_id], service=service,
                                    p12_password=P12_PW, out=tmp_path / "tl.pdf")
    assert issued[0].extract_number == "001/2026/TLKT"


def test_output_lost_after_signing_says_where_the_extract_is(
        signer: Office, service: PdfExtractService, tmp_path: Path) -> None:
    ids = [_approved(signer, "death", build("death", {"deceased.full_name": n}))
           for n in ("Lê Văn Tư", "Lê Văn Năm")]
    out = tmp_path / "usb"

    def stick_pulled(stage: str, done: int, total: int) -> None:
        if done == 1 and total == 2 and out.exists():  # the stick goes after the first file
            shutil.rmtree(out)

    with pytest.raises(HotichError) as caught:
        extracts.sign_extracts(signer("chutich"), ids, service=service, p12_password=P12_PW,
                               out=out, progress=stick_pulled)
    error = caught.value
    assert error.code == "E-EXTRACT-NOT-WRITTEN"
    assert error.params["record_id"] == ids[1]
    assert error.params["extract_number"] == "002/2026/TLKT"
    assert _status(signer, ids[1]) == Status.QUEUED  # signed: kept in the store
    saved = tmp_path / "again.pdf"
    assert extracts.save_signed(signer("chutich"), ids[1], saved) == "002/2026/TLKT"
    assert saved.read_bytes().startswith(b"%PDF")
    check = extracts.verify_pdf(saved.read_bytes(), service, signer("chutich"))
    assert check.is_valid, check.code


def test_cli_refuses_a_missing_folder_and_saves_again(
        signer: Office, service: PdfExtractService, tmp_path: Path,
        cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch) -> None:
    record_id = _approved(signer, "death", build("death"))
    root = signer.paths.root

    def run(*args: object) -> CliResult:
        return cli("--data-dir", root, "--user", "chutich", *args, password=PW)

    monkeypatch.setenv("HOTICH_P12_PASSWORD", P12_PW)
    refused = run("extract", record_id, "--out", tmp_path / "no-such" / "a.pdf", "--sign")
    assert refused.code == 1
    assert "ngoài dự kiến" not in refused.err and len(refused.err.splitlines()) == 1
    assert "no-such" in refused.err
    assert _status(signer, record_id) == Status.APPROVED
    nothing = run("extract", record_id, "--saved", "--out", tmp_path / "b.pdf")
    assert nothing.code == 1 and "ngoài dự kiến" not in nothing.err
