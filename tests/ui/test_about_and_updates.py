"""Help > About shows the version, the data folder, Qt and the font licence; a newer version
announced by the central server shows a banner with its details (and in About)."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

import desktop_app
from desktop_app.session import Session
from desktop_app.updates import CAPABILITIES_KEY, UpdateNotice
from desktop_app.workflows.sync_apply import SyncReport
from tests.ui.conftest import UiOffice, wait_idle
from ui.context import UiHooks
from ui.link_watcher import LinkTiming
from ui.main_window import MainWindow
from ui.pages.about_dialog import AboutDialog
from ui.widgets.update_notice import UpdateDialog

NOTICE = UpdateNotice(version="9.1.0", url="https://hotich.example.vn/tai-ve/9.1.0",
                      notes="Sửa lỗi đồng bộ trên đường truyền yếu.")


def _announce(session: Session, notice: UpdateNotice) -> None:
    """What a sync keeps of the central server's capabilities."""
    with session.store.write() as uow:
        uow.meta.put(CAPABILITIES_KEY, json.dumps({
            "procedures": ["birth"], "client_release": {
                "version": notice.version, "url": notice.url, "notes": notice.notes}}))


def test_about_shows_the_version_data_folder_and_licences(qtbot: QtBot,
                                                          office: UiOffice) -> None:
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    window.show()
    assert window.about_action.objectName() == "aboutAction"
    window.about_action.trigger()
    dialog = next(d for d in window.dialogs if isinstance(d, AboutDialog))
    assert desktop_app.__version__ in dialog.version_label.text()
    assert str(office.paths.root) in dialog.data_label.text()
    assert "PySide6" in dialog.qt_label.text()
    licences = dialog.findChild(type(dialog.version_label), "aboutLicences")
    assert "Noto Sans" in licences.text() and "Open Font License" in licences.text()
    assert dialog.update_label.isHidden()
    wait_idle(qtbot, office.runner)
    window.close()


def test_a_newer_version_announced_shows_a_banner_after_login(qtbot: QtBot,
                                                               office: UiOffice) -> None:
    _announce(office.session("admin"), NOTICE)
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.update_notice is not None, timeout=5000)
    assert window.update_notice == NOTICE and window.update_banner.isVisible()
    window.close()


def test_the_announcement_is_checked_again_after_each_sync(qtbot: QtBot,
                                                            office: UiOffice) -> None:
    def sync_now(session: Session, progress) -> SyncReport:  # noqa: ANN001
        _announce(session, NOTICE)
        return SyncReport()

    window = MainWindow(office.ctx("canbo", UiHooks(sync_now=sync_now,
                                                    probe_server=lambda _s: True)),
                        link_timing=LinkTiming(first_probe_ms=0, online_interval_ms=60_000))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.update_banner.isVisible(), timeout=5000)
    assert window.update_notice == NOTICE and window.sync_control.runs == 1
    window.close()


def test_a_newer_version_shows_a_banner_with_details(qtbot: QtBot, office: UiOffice) -> None:
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, office.runner)
    assert window.update_banner.isHidden()  # nothing announced in a fresh store
    window._update_checked(NOTICE)  # what the check after login or after a sync delivers
    assert window.update_banner.isVisible()
    assert "9.1.0" in window.update_banner.text.text()
    window.update_banner.details_button.click()
    dialog = next(d for d in window.dialogs if isinstance(d, UpdateDialog))
    assert dialog.url.text() == NOTICE.url and dialog.url.isReadOnly()
    assert dialog.notes.toPlainText() == NOTICE.notes
    about = window.show_about()
    assert "9.1.0" in about.update_label.text() and not about.update_label.isHidden()
    window.update_banner.findChild(type(window.update_banner.details_button),
                                   "updateHide").click()
    assert window.update_banner.isHidden()
    window._update_checked(NOTICE)  # the same version put away stays away
    assert window.update_banner.isHidden()
    window.close()
