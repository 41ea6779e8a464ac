"""Dashboard, sync queue, settings (accounts for admins, certificate import hook), backup
with progress: each screen's main path."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.session import Session
from desktop_app.settings import LocalSettings
from desktop_app.workflows import accounts, records
from desktop_app.workflows.dashboard import ConnectionState
from tests.samples import build
from tests.ui.conftest import UiOffice, type_text, wait_idle
from ui.context import UiHooks
from ui.pages.backup_page import BackupPage
from ui.pages.dashboard_page import DashboardPage
from ui.pages.settings_page import SettingsPage
from ui.pages.sync_page import SyncPage


def test_dashboard_shows_counts_books_and_the_chart(qtbot: QtBot, office: UiOffice) -> None:
    officer = office.session("canbo")
    records.create_record(officer, "death", build("death"))
    created = records.create_record(officer, "birth", build("birth"))
    records.submit(officer, created.record.id)
    page = DashboardPage(office.ctx("canbo", UiHooks(
        connection_probe=lambda: ConnectionState.OFFLINE)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10000)
    assert page.cards["created_today"].text() == "2"
    assert page.cards["submitted"].text() == "1"
    assert page.books.rowCount() == 6
    assert page.chart.series() and page.chart.series()[0].barSets()[0].at(29) == 2
    qtbot.waitUntil(lambda: page.cards["connection"].text() == "Ngoại tuyến", timeout=5000)
    wait_idle(qtbot, office.runner)


def test_sync_queue_lists_states_and_rejection_reasons(qtbot: QtBot, office: UiOffice
                                                       ) -> None:
    officer, supervisor = office.session("canbo"), office.session("chutich")
    approved = records.create_record(officer, "birth", build("birth")).record
    records.submit(officer, approved.id)
    records.approve(supervisor, approved.id, {})
    refused = records.create_record(officer, "death", build("death")).record
    records.submit(officer, refused.id)
    records.reject(supervisor, refused.id, "Sai nơi chết")
    page = SyncPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    by_id = {i.record.id: i for i in page.model.rows()}
    assert by_id[approved.id].outbox_state == "pending"
    assert by_id[refused.id].reason == "Sai nơi chết"
    assert not page.sync_button.isEnabled() and page.sync_button.toolTip()
    wait_idle(qtbot, office.runner)


def test_admin_adds_an_account_and_the_certificate_hook_runs(qtbot: QtBot, office: UiOffice,
                                                             tmp_path: Path) -> None:
    page = SettingsPage(office.ctx("admin"))
    qtbot.addWidget(page)
    page.show()
    accounts_widget = page.accounts
    assert accounts_widget is not None
    qtbot.waitUntil(lambda: accounts_widget.model.rowCount() == 4, timeout=10000)
    type_text(accounts_widget.username, "canbo3")
    type_text(accounts_widget.full_name, "H’Hen Niê")
    type_text(accounts_widget.password, "mat-khau-moi-123")
    accounts_widget.add_button.click()
    qtbot.waitUntil(lambda: accounts_widget.model.rowCount() == 5, timeout=15000)
    names = [v.account.full_name for v in accounts.list_accounts(office.session("admin"))]
    assert "H’Hen Niê" in names
    page.language.setCurrentIndex(page.language.findData("en"))
    page.language.activated.emit(page.language.currentIndex())
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10000)
    assert LocalSettings.load(office.paths.root).language == "en"

    imported: list[tuple[str, Path, str]] = []

    def import_certificate(session: Session, path: Path, password: str) -> str:
        imported.append((session.account.username, path, password))
        return "Hoàng Văn Chủ, đến 01/01/2027"

    supervisor = SettingsPage(office.ctx("chutich", UiHooks(
        import_certificate=import_certificate)))
    qtbot.addWidget(supervisor)
    assert supervisor.accounts is None and supervisor.cert_button.isEnabled()
    supervisor.start_import(tmp_path / "chutich.p12", "secret")
    qtbot.waitUntil(lambda: supervisor.cert_status.text() != "", timeout=10000)
    assert imported == [("chutich", tmp_path / "chutich.p12", "secret")]
    wait_idle(qtbot, office.runner)


def test_backup_runs_in_the_background_with_progress(qtbot: QtBot, office: UiOffice,
                                                     tmp_path: Path) -> None:
    page = BackupPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    assert not page.restore_button.isEnabled()  # only admins restore
    out = tmp_path / "usb" / "hotich.htbak"
    out.parent.mkdir()
    page.start_backup(out)
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=20000)
    assert out.exists() and out.stat().st_size > 0
    assert "hotich.htbak" in page.message.text()
    wait_idle(qtbot, office.runner)
