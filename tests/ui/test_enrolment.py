"""Device enrolment in the window (Settings, admins) against the real central server over TLS
on 127.0.0.1: every refusal is one line of the user's language (unreachable, TLS, wrong code,
another commune's code, already enrolled), then the device is enrolled. The sync page never
tells anyone to run `hotich enroll`: admins get a way to Settings, others whom to ask."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.app import build_ui_hooks
from desktop_app.workflows import enrolment
from tests.conftest import CliResult
from tests.e2e.conftest import CentralProcess
from tests.ui.conftest import UiOffice, type_text, wait_idle
from ui.main_window import MainWindow
from ui.pages.settings_page import SettingsPage
from ui.pages.sync_page import SyncPage

COMMUNE = "26740"  # the UI office's commune (tests/ui/conftest.py)


def _code(cli: Callable[..., CliResult], central: CentralProcess, commune: str) -> str:
    issued = cli("--json", "central", "issue-code", "--db", central.db, "--commune", commune)
    assert issued.code == 0, issued.err
    return str(json.loads(issued.out)["code"])


def _attempt(qtbot: QtBot, page: SettingsPage, url: str, code: str, ca: Path | None,
             ) -> str:
    widget = page.enrolment
    for field, text in ((widget.server_url, url), (widget.code, code),
                        (widget.ca_file, str(ca) if ca else "")):
        field.clear()
        type_text(field, text)
    widget.enrol_button.click()
    assert not widget.enrol_button.isEnabled()  # running on a worker thread
    qtbot.waitUntil(widget.enrol_button.isEnabled, timeout=30000)
    text = widget.message.text()
    assert text and "hotich" not in text and "Traceback" not in text
    return text


def test_an_admin_enrols_the_device_and_every_refusal_is_one_clear_line(
        qtbot: QtBot, office: UiOffice, central: CentralProcess,
        cli: Callable[..., CliResult]) -> None:
    page = SettingsPage(office.ctx("admin", build_ui_hooks(office.paths)))
    qtbot.addWidget(page)
    page.show()
    widget = page.enrolment
    qtbot.waitUntil(lambda: widget.status.text() != "" and widget.identity is None
                    and office.runner.pending == 0, timeout=10000)
    assert widget.form.isVisible() and not widget.replace.isVisible()
    code = _code(cli, central, COMMUNE)
    pki = central.pki

    # Empty fields are refused on the spot, nothing is sent.
    widget.enrol_button.click()
    assert widget.last_error is None and widget.server_url.hasFocus()

    _attempt(qtbot, page, "https://127.0.0.1:9", code, pki.ca)  # nothing listens there
    assert widget.last_error is not None and widget.last_error.code == "E-SYNC-UNREACHABLE"
    _attempt(qtbot, page, central.url, code, pki.ca.with_name("missing.pem"))
    assert widget.last_error is not None and widget.last_error.code == "E-SYNC-TLS-CONFIG"
    assert "missing.pem" in widget.message.text()
    _attempt(qtbot, page, central.url, code, pki.other_ca)  # not the server's CA
    assert widget.last_error is not None and widget.last_error.code == "E-SYNC-TLS"
    _attempt(qtbot, page, central.url, "KHONG-DUNG-MA", pki.ca)
    assert widget.last_error.code == "E-SYNC-ENROL-CODE-INVALID"
    _attempt(qtbot, page, central.url, _code(cli, central, "00070"), pki.ca)
    assert widget.last_error.code == "E-SYNC-OFFICE-MISMATCH"
    assert enrolment.device_identity(office.session("admin")) is None  # nothing kept

    _attempt(qtbot, page, central.url, code, pki.ca)  # the refusals did not spend the code
    assert widget.last_error is None, widget.message.text()
    identity = enrolment.device_identity(office.session("admin"))
    assert identity is not None and identity.commune == COMMUNE
    assert identity.device_id in widget.status.text() and widget.code.text() == ""
    assert widget.replace.isVisible() and not widget.replace.isChecked()

    _attempt(qtbot, page, central.url, _code(cli, central, COMMUNE), pki.ca)
    assert widget.last_error is not None
    assert widget.last_error.code == "E-SYNC-ALREADY-ENROLLED"
    assert enrolment.device_identity(office.session("admin")) == identity
    wait_idle(qtbot, office.runner)


def test_only_an_admin_enrols(qtbot: QtBot, office: UiOffice) -> None:
    page = SettingsPage(office.ctx("canbo", build_ui_hooks(office.paths)))
    qtbot.addWidget(page)
    page.show()
    widget = page.enrolment
    qtbot.waitUntil(lambda: office.runner.pending == 0 and widget.status.text() != "",
                    timeout=10000)
    assert not widget.form.isVisible() and not widget.enrol() and widget.last_error is None
    assert "hotich" not in widget.status.text()
    wait_idle(qtbot, office.runner)


@pytest.mark.parametrize("username", ["admin", "canbo"])
def test_the_sync_page_never_says_run_hotich_enroll(qtbot: QtBot, office: UiOffice,
                                                    username: str) -> None:
    ctx = office.ctx(username, build_ui_hooks(office.paths))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page: SyncPage = window.show_page("sync")  # type: ignore[assignment]
    qtbot.waitUntil(lambda: page.is_enrolled is False, timeout=10000)
    assert page.enrolment_banner.isVisible()
    assert "hotich" not in page.enrolment_text.text()
    assert page.settings_button.isVisible() == (username == "admin")
    assert not page.bundle.export_button.isEnabled()  # a bundle is signed by the enrolment
    assert not page.bundle.import_button.isEnabled()
    page.sync_button.click()  # the real hook refuses: not enrolled
    qtbot.waitUntil(lambda: page.last_outcome is not None, timeout=15000)
    assert page.last_outcome is not None and page.last_outcome.error is not None
    assert page.last_outcome.error.code == "E-SYNC-NOT-ENROLLED"
    assert "hotich" not in page.result.text()
    assert page.not_enrolled_text() in page.result.text()
    if username == "admin":
        page.settings_button.click()
        assert window.stack.currentWidget() is window.settings
    window.close()
