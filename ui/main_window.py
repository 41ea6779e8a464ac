"""The main window: navigation between the screens the account's role may use, the status bar
(connection, queue size, background work), the menus (log out, about), the notice of a newer
version, the link watcher that syncs when the server becomes reachable, and the shortcuts
that work everywhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.diskspace import mb, nearly_full
from desktop_app.messages import Catalogue, render
from desktop_app.updates import UpdateNotice, available_update
from desktop_app.workflows import dashboard
from desktop_app.workflows.dashboard import ConnectionState
from ui.context import UiContext
from ui.errors import logged, show_in_status
from ui.help.guide import Guide
from ui.help.help_window import HelpWindow
from ui.labels import role_label
from ui.link_watcher import LinkTiming, LinkWatcher
from ui.pages.about_dialog import AboutDialog
from ui.pages.approval_page import ApprovalPage
from ui.pages.backup_page import BackupPage
from ui.pages.books_page import BooksPage
from ui.pages.dashboard_page import CONNECTION_LABELS, DashboardPage
from ui.pages.decisions_page import DecisionsPage
from ui.pages.extract_check_page import ExtractCheckPage
from ui.pages.extract_preview import ExtractPreviewDialog
from ui.pages.password_dialog import ChangePasswordDialog
from ui.pages.record_detail import RecordDetailDialog
from ui.pages.records_page import RecordsPage
from ui.pages.registration_page import RegistrationPage
from ui.pages.settings_page import SettingsPage
from ui.pages.sync_page import SyncPage
from ui.pages.verification_page import VerificationPage
from ui.sync_control import SyncController, SyncOutcome
from ui.widgets.update_notice import UpdateBanner, UpdateDialog

STATUS_REFRESH_MS = 30_000


def disk_warning(root: Path, catalogue: Catalogue, lang: str) -> str:
    """The early warning while there is still room (W-DISK-LOW), or "" on a roomy disk."""
    free = nearly_full(root)
    return "" if free is None else render("W-DISK-LOW", {"free": mb(free)},
                                          catalogue=catalogue, lang=lang)


class _Navigation(QListWidget):
    """The side menu: chosen with the mouse (or the arrows once clicked). Tab never lands
    on it and typed letters never jump to another page (an officer typing a name in the
    wrong place would otherwise leave the form)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt override
        del search


class MainWindow(QMainWindow):
    logged_out = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 link_timing: LinkTiming | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._ctx = ctx
        self._closing_ok = False
        self.dialogs: list[QWidget] = []
        self.update_notice: UpdateNotice | None = None
        self.sync_control = SyncController(ctx, self)
        account = ctx.session.account
        who = account.full_name or account.username
        self.setWindowTitle(self.tr("Hộ Tịch Offline — %1").replace("%1", who))
        self.account_label = QLabel(objectName="accountLabel")
        self.account_label.setText(self.tr("Logged in: %1 (%2) — %3").replace("%1", who)
                                   .replace("%2", account.username)
                                   .replace("%3", role_label(account.role.value, ctx.lang)))

        self.nav = _Navigation(objectName="navigation")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(objectName="pages")
        self.pages: dict[str, QWidget] = {}
        self.dashboard = self._add("dashboard", self.tr("Dashboard"), DashboardPage(ctx))
        self.registration: RegistrationPage | None = None
        self.approval: ApprovalPage | None = None
        if ctx.can("create records"):
            self.registration = self._add("registration", self.tr("New registration"),
                                          RegistrationPage(ctx))
            self.registration.record_submitted.connect(lambda _r: self.refresh_status())
        self.records = self._add("records", self.tr("Records and search"), RecordsPage(ctx))
        self.extract_check = self._add("extract_check", self.tr("Check an extract"),
                                       ExtractCheckPage(ctx))
        self.verification: VerificationPage | None = None
        if ctx.can("verify historical entries"):
            self.verification = self._add("verification", self.tr("Second check (historical)"),
                                          VerificationPage(ctx))
            self.verification.records_changed.connect(self.refresh_status)
        self.books: BooksPage | None = None
        if ctx.can("create records"):
            self.books = self._add("books", self.tr("Digitising old books"), BooksPage(ctx))
        self.decisions: DecisionsPage | None = None
        if ctx.can("verify historical entries"):
            self.decisions = self._add("decisions", self.tr("Double entry: decisions"),
                                       DecisionsPage(ctx))
            self.decisions.decided.connect(lambda _r: self.refresh_status())
        if ctx.can("approve records"):
            self.approval = self._add("approval", self.tr("Approval and signing"),
                                      ApprovalPage(ctx))
            self.approval.open_requested.connect(self.open_record)
            self.approval.records_changed.connect(self.refresh_status)
        self.sync = self._add("sync", self.tr("Synchronisation"),
                              SyncPage(ctx, controller=self.sync_control))
        self.settings = self._add("settings", self.tr("Settings"), SettingsPage(ctx))
        self.backup = self._add("backup", self.tr("Backup and restore"), BackupPage(ctx))
        self.records.open_requested.connect(self.open_record)
        self.sync.open_requested.connect(self.open_record)
        self.sync.settings_requested.connect(lambda: self.show_page("settings"))
        self.settings.enrolled.connect(self._enrolled)
        self.sync.bundle.imported.connect(lambda _r: self.refresh_status())
        self.sync_control.finished.connect(self._sync_finished)
        self.link = LinkWatcher(ctx, self.sync_control, link_timing, self)
        self.link.state_changed.connect(self._link_changed)
        self.dashboard.link_state = lambda: self.link.state
        self.backup.restored.connect(self._restored)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.update_banner = UpdateBanner()
        self.update_banner.details_requested.connect(self.show_update)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.update_banner)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._build_menus()

        self.connection_label = QLabel(objectName="connectionStatus")
        self.queue_label = QLabel(objectName="queueStatus")
        self.busy_label = QLabel(objectName="busyStatus")
        self.disk_label = QLabel(objectName="diskStatus")  # shown only when nearly full
        self.disk_label.setStyleSheet("color: #b00020")
        self.disk_label.hide()
        bar = self.statusBar()
        bar.addWidget(self.account_label, 1)
        bar.addPermanentWidget(self.disk_label)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.queue_label)
        ctx.runner.busy_changed.connect(self._busy)

        for keys, slot in (("Ctrl+N", self.new_record), ("Ctrl+F", self.find),
                           ("Ctrl+1", lambda: self.show_page("dashboard"))):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self._status_timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.refresh_status()
        self.show_page("dashboard")
        self.resize(1200, 780)
        self._restore_geometry()
        self.check_update()
        self.link.start()
        # Warm the commune list off the GUI thread so the first completion is instant.
        from desktop_app.domain import search_communes

        ctx.runner.run(lambda: search_communes("a", limit=1), lambda _r: None,
                       logged("commune list warm-up"), lane="general")

    def _build_menus(self) -> None:
        system = self.menuBar().addMenu(self.tr("&System"))
        system.setObjectName("systemMenu")
        self.logout_action = QAction(self.tr("&Log out"), self, objectName="logoutAction")
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.log_out)
        quit_action = QAction(self.tr("&Quit"), self, objectName="quitAction")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.password_action = QAction(self.tr("Change my &password…"), self,
                                       objectName="changePasswordAction")
        self.password_action.triggered.connect(self.change_password)
        system.addAction(self.password_action)
        system.addAction(self.logout_action)
        system.addSeparator()
        system.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.help_window: HelpWindow | None = None
        self.help_action = QAction(self.tr("User &guide"), self, objectName="helpAction")
        # F1 anywhere in the window: the guide opens at the section of the page on screen.
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.help_action.triggered.connect(lambda: self.show_help())
        self.addAction(self.help_action)  # the shortcut works with the menu closed
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&About Hộ Tịch Offline"), self,
                                    objectName="aboutAction")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _add(self, key: str, title: str, page):  # noqa: ANN001, ANN202
        self.pages[key] = page
        self.stack.addWidget(page)
        self.nav.addItem(title)
        self.nav.item(self.nav.count() - 1).setData(Qt.ItemDataRole.UserRole, key)
        return page

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    # -- the user guide (F1) --------------------------------------------------------------
    def help_topic(self) -> str:
        """The guide's section for what is on screen: the page, and on the registration page
        the procedure being registered (or historical entries)."""
        key = next((k for k, page in self.pages.items()
                    if page is self.stack.currentWidget()), "dashboard")
        if key == "registration" and self.registration is not None:
            return ("historical-entry" if self.registration.historical.isChecked()
                    else str(self.registration.rtype))
        return key

    def show_help(self, topic: str | None = None) -> HelpWindow:
        """The guide at ``topic`` (default: the page on screen), in one window kept open
        beside the work."""
        if self.help_window is None:
            self.help_window = HelpWindow(Guide.load(), self)
        window = self.help_window
        if not window.show_section(topic or self.help_topic()):
            window.show_section("start")
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _help_in(self, window: QWidget, topic: str) -> None:
        """F1 in a window opened from this one (a record, an extract) opens its section."""
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window)
        shortcut.activated.connect(lambda: self.show_help(topic))

    # -- shortcuts ------------------------------------------------------------------------
    def new_record(self) -> None:
        if self.registration is not None:
            self.show_page("registration")
            self.registration.new_record()

    def find(self) -> None:
        self.show_page("records")
        self.records.focus_search()

    # -- records --------------------------------------------------------------------------
    def open_record(self, record_id: str) -> RecordDetailDialog:
        dialog = RecordDetailDialog(self._ctx, record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.edit_requested.connect(self._edit_draft)
        dialog.preview_requested.connect(self.preview_extract)
        dialog.changed.connect(self.refresh_status)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        self._help_in(dialog, "record-detail")
        dialog.show()
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def _edit_draft(self, rec) -> None:  # noqa: ANN001
        if self.registration is not None:
            self.show_page("registration")
            self.registration.open_draft(rec)

    def preview_extract(self, record_id: str) -> ExtractPreviewDialog | None:
        render = self._ctx.hooks.render_extract
        if render is None:
            return None
        session = self._ctx.session
        dialog = ExtractPreviewDialog(self._ctx, lambda: render(session, record_id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        self._help_in(dialog, "extract-preview")
        dialog.show()
        return dialog

    # -- about and updates ----------------------------------------------------------------
    def _show_dialog(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.show()

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self._ctx, self)
        self._show_dialog(dialog)
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self._ctx, self.update_notice, self)
        self._show_dialog(dialog)
        return dialog

    def check_update(self) -> None:
        """After login and after each sync: has the centre announced a newer version?"""
        session = self._ctx.session
        self._ctx.runner.run(lambda: available_update(session), self._update_checked,
                             lambda error: self.show_status_error(error, "update check"))

    def _update_checked(self, notice: UpdateNotice | None) -> None:
        self.update_notice = notice
        self.update_banner.show_notice(notice)

    def show_update(self, notice: UpdateNotice | None = None) -> UpdateDialog | None:
        notice = notice or self.update_notice
        if notice is None:
            return None
        dialog = UpdateDialog(notice, self)
        self._show_dialog(dialog)
        return dialog

    # -- sync and the link ----------------------------------------------------------------
    def _sync_finished(self, outcome: SyncOutcome) -> None:
        self.refresh_status()
        if outcome.is_ok:
            self.check_update()
            if self.approval is not None:  # a birth whose personal ID came back: to sign
                self.approval.refresh()

    def _enrolled(self, _identity: object) -> None:
        self.link.check_now()  # a first look at the server now, not in 30 s
        self.sync.refresh()

    def _link_changed(self, value: str) -> None:
        state = ConnectionState(value)
        self._connection(state)
        self.dashboard.show_connection(state)

    # -- status bar -----------------------------------------------------------------------
    def refresh_status(self) -> None:
        ctx = self._ctx
        # A statvfs call: cheap enough for the GUI thread, every refresh.
        warning = disk_warning(ctx.session.paths.root, ctx.catalogue, ctx.lang)
        self.disk_label.setText(warning)
        self.disk_label.setVisible(bool(warning))
        ctx.runner.run(lambda: dashboard.queue_size(ctx.session), self._queue,
                       self._queue_failed)
        if self.link.state is not None:
            self._connection(self.link.state)
            return
        ctx.runner.run(ctx.hooks.connection_probe, self._connection, self._connection_failed,
                       lane="general")

    def show_status_error(self, error: BaseException, where: str) -> str:
        return show_in_status(self.statusBar(), error, self._ctx.catalogue, self._ctx.lang,
                              where)

    def _queue_failed(self, error: BaseException) -> None:
        self.queue_label.setText(self.tr("Queue: %1").replace("%1", "?"))  # not known now
        self.show_status_error(error, "queue count")

    def _connection_failed(self, error: BaseException) -> None:
        self.connection_label.setText("—")  # not known now
        self.show_status_error(error, "connection probe")

    def _queue(self, size: int) -> None:
        self.queue_label.setText(self.tr("Queue: %1").replace("%1", str(size)))
        self.link.queue_changed(size)

    def _connection(self, state: ConnectionState) -> None:
        if self.link.state is not None and state != self.link.state:
            state = self.link.state  # a cached hook answer arriving late: the watcher knows
        pair = CONNECTION_LABELS.get(state, (str(state), str(state)))
        self.connection_label.setText(pair[0 if self._ctx.lang == "vi" else 1])

    def _busy(self, count: int) -> None:
        self.busy_label.setText(self.tr("Working…") if count else "")

    # -- closing --------------------------------------------------------------------------
    def has_unsaved_work(self) -> bool:
        return self.registration is not None and self.registration.has_unsaved_work()

    def log_out(self) -> bool:
        """Back to the login window (after asking about unsaved work, like closing)."""
        if self.close():
            self.logged_out.emit()
            return True
        return False

    def _restored(self) -> None:
        self._closing_ok = True
        self.logged_out.emit()
        self.close()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if not self._closing_ok and self.has_unsaved_work():
            answer = QMessageBox.question(
                self, self.tr("Unsaved work"),
                self.tr("The record on screen has changes that are not saved (it may still "
                        "have errors). Close anyway and lose them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self._status_timer.stop()
        self.link.stop()
        self.sync_control.cancel()
        for dialog in list(self.dialogs):
            dialog.close()
        runner, session = self._ctx.runner, self._ctx.session
        # The session's connection belongs to the database lane's thread: close it there.
        runner.run(session.close, lambda _r: None, logged("closing the session"))
        runner.shutdown()
        self._save_geometry()
        super().closeEvent(event)

    # -- the window's size, kept per device -----------------------------------------------
    def _window_settings(self) -> QSettings:
        """Beside the device's data (not the user's registry): one office computer, one file."""
        path = self._ctx.services.paths.root / "window.ini"
        return QSettings(str(path), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        settings = self._window_settings()
        size = settings.value("main/size")
        if isinstance(size, QSize) and size.isValid():
            self.resize(size)  # the size only: the window manager places it on today's screen
        if settings.value("main/maximised", False, type=bool):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _save_geometry(self) -> None:
        settings = self._window_settings()
        if not self.isMaximized():  # the size to come back to after un-maximising is kept
            settings.setValue("main/size", self.size())
        settings.setValue("main/maximised", self.isMaximized())
        settings.sync()
