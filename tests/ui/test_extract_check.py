"""The desktop's check of a signed extract file (the verify screen): a genuine extract is
valid; the same extract with bytes appended after %%EOF, or with an incremental update that
no signature covers, is refused as an unsigned addition naming the genuine signer (issue 16
item 11); an unreadable file is one line. Real signer, real verifier, real store."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.workflows import extracts
from tests.support.pdf_revisions import unsigned_revision
from tests.ui.conftest import UiOffice, wait_idle
from tests.ui.extract_support import approved, signed, signing_office
from ui.context import UiHooks
from ui.pages.extract_check_page import ExtractCheckPage


def _signed_pdf(office: UiOffice, hooks: UiHooks) -> bytes:
    record_id = approved(office, "death")
    signed(office, hooks, record_id)
    session = office.session("chutich")
    number = extracts.issued_extracts(session, record_id)[0].extract_number
    return extracts.issued_pdf(session, number)


def _check(qtbot: QtBot, office: UiOffice, page: ExtractCheckPage, path: Path,
           data: bytes) -> str:
    path.write_bytes(data)
    assert page.check_file(path)
    wait_idle(qtbot, office.runner, timeout=30_000)
    return page.result.text()


def test_the_verify_screen_reports_an_unsigned_addition(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    hooks = signing_office(office)
    pdf = _signed_pdf(office, hooks)
    page = ExtractCheckPage(office.ctx("canbo", hooks))
    qtbot.addWidget(page)
    file = tmp_path / "trich-luc.pdf"

    _check(qtbot, office, page, file, pdf)
    assert page.last_check is not None and page.last_check.code == "OK-PDF-VALID"

    text = _check(qtbot, office, page, file, pdf + b"\n% added after signing\n")
    assert page.last_check is not None
    assert page.last_check.code == "E-PDF-UNSIGNED-ADDITION"
    assert "Hoàng Văn Chủ" in text and "byte" in text and "\n" not in text

    _check(qtbot, office, page, file, unsigned_revision(pdf))
    assert page.last_check is not None
    assert page.last_check.code == "E-PDF-UNSIGNED-ADDITION"

    _check(qtbot, office, page, file, b"not a pdf")
    assert page.last_check is not None and page.last_check.code == "E-PDF-UNREADABLE"
    assert page.choose_button.isEnabled()
