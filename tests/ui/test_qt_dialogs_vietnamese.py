"""No English in the Vietnamese UI (issue 14 item 5): Qt's own dialogs (message boxes, the
file, print and input dialogs) and menus come from the project's translation (this PySide6
wheel has no qtbase_vi): each dialog the application opens is opened in Vietnamese and read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.samples import DELETE, build
from tests.ui.conftest import UiOffice, wait_idle
from tests.ui.qt_sources import qt_sources
from ui import i18n
from ui.context import UiHooks
from ui.pages.attachments_widget import AttachmentsWidget
from ui.pages.backup_page import BackupPage
from ui.pages.bundle_widget import UsbBundleWidget
from ui.pages.enrolment_widget import EnrolmentWidget
from ui.pages.extract_check_page import ExtractCheckPage
from ui.pages.extract_preview import ExtractPreviewDialog
from ui.pages.registration_page import RegistrationPage
from ui.pages.settings_page import SettingsPage
from ui.sync_control import SyncController
from ui.widgets.file_dialog import existing_folder

ENGLISH = re.compile(r"\b(OK|Cancel|Discard|Save|Yes|No|Close|Open|Apply|Reset|Help|Abort|"
                     r"Retry|Ignore|Don't|Details)\b")


def _texts(box: QMessageBox) -> list[str]:
    widgets = [*box.findChildren(QAbstractButton), *box.findChildren(QLabel)]
    return [w.text().replace("&", "") for w in widgets if w.isVisible() and w.text()]


def test_every_standard_button_is_vietnamese(qtbot: QtBot) -> None:
    i18n.install("vi")
    buttons = QMessageBox.StandardButton
    every = buttons.NoButton
    for button in (buttons.Ok, buttons.Save, buttons.SaveAll, buttons.Open, buttons.Yes,
                   buttons.YesToAll, buttons.No, buttons.NoToAll, buttons.Abort, buttons.Retry,
                   buttons.Ignore, buttons.Close, buttons.Cancel, buttons.Discard, buttons.Help,
                   buttons.Apply, buttons.Reset, buttons.RestoreDefaults):
        every |= button
    box = QMessageBox(QMessageBox.Icon.Question, "Hộ Tịch", "Lưu hồ sơ?", every)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    texts = _texts(box)
    assert len(texts) >= 18
    english = [t for t in texts if ENGLISH.search(t)]
    assert not english, english


def test_the_unsaved_work_question_of_the_form_is_vietnamese(qtbot: QtBot,
                                                             office: UiOffice) -> None:
    i18n.install("vi")
    page = RegistrationPage(office.ctx("canbo"))
    qtbot.addWidget(page)
    page.show()
    page.form.set_data(build("birth", {"child.date_of_birth": DELETE}))
    page.form.editors["child.date_of_birth"].setText("31/02/2026")  # an error: cannot save
    page._dirty = True
    seen: list[str] = []

    def answer() -> None:  # once the question is up (it runs its own event loop)
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            return
        timer.stop()
        seen.extend(_texts(box))
        box.button(QMessageBox.StandardButton.Cancel).click()

    timer = QTimer(interval=20)
    timer.timeout.connect(answer)
    timer.start()
    with qtbot.waitSignal(page.replace_decided, timeout=10000) as decided:
        page.new_record()
    assert decided.args == [False]  # kept on screen
    timer.stop()
    assert "Bỏ đi" in seen and "Hủy" in seen
    assert not [t for t in seen if ENGLISH.search(t)], seen
    page._dirty = False
    wait_idle(qtbot, office.runner)


# -- the file, print and input dialogs (Qt's own, translated in the project's .ts) ----------
# Qt's contexts of those dialogs: a text shown there that is one of their English sources was
# not translated. Paper names (QPageSize: A4, Letter, Legal) are written the same in
# Vietnamese and are not among them.
DIALOG_CONTEXTS = frozenset({
    "QFileDialog", "QFileSystemModel", "QAbstractFileIconProvider", "QPrintDialog",
    "QPrintSettingsOutput", "QPrintWidget", "QPageSetupWidget", "QPrintPropertiesDialog",
    "QPrintPropertiesWidget", "QCupsJobWidget", "QInputDialog", "QPlatformTheme",
    "QMessageBox", "QDialogButtonBox", "QLineEdit", "QAbstractSpinBox", "QComboBox"})
ENGLISH_WORDS = re.compile(
    r"\b(All|Back|Cancel|Choose|Close|Collate|Colou?r|Computer|Copies|Create|Current|Custom|"
    r"Date|Delete|Detail|Director(y|ies)|Discard|Double|Envelope|Even|Files?|Folder|Forward|"
    r"Grayscale|Height|Hidden|List|Location|Look|Margins?|Modified|Name|New|Odd|Open|"
    r"Options|Orientation|Output|Pages?|Paper|Parent|Places|Portrait|Landscape|Postcard|"
    r"Preview|Print(er)?|Properties|Range|Recent|Rename|Reverse|Save|Selection|Settings|"
    r"Show|Sidebar|Size|Type|View|Width|Write|OK|Yes|No|Apply|Reset|Help|Enter|value)\b")


# Qt's texts that Vietnamese writes the same: layouts, typographic units, symbols.
SAME_IN_VIETNAMESE = frozenset({
    "...", "1 (1x1)", "2 (2x1)", "4 (2x2)", "6 (2x3)", "9 (3x3)", "16 (4x4)", "Pica (P̸)",
    "Didot (DD)", "Cicero (CC)", "P̸", "CC", "DD", "mm", "pt"})


def english(texts: list[str]) -> list[str]:
    sources = {source.replace("&", "").strip() for context, source in qt_sources()
               if context in DIALOG_CONTEXTS} - SAME_IN_VIETNAMESE
    return [t for t in texts if t in sources or ENGLISH_WORDS.search(t)]


def dialog_texts(root: QWidget) -> list[str]:
    """What a person reads on a dialog: its title, labels, buttons and their tips, combo
    items, group titles, tabs, placeholders, column headers, the file list's "Type" column,
    the side bar's places and the actions of its menus."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton):
            texts.append(widget.toolTip())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount(widget.rootIndex()))]
            for row in range(min(model.rowCount(widget.rootIndex()), 50)):
                for column in range(model.columnCount(widget.rootIndex())):
                    if column != 0 or widget.objectName() == "sidebar":  # not file names
                        texts.append(str(model.index(row, column, widget.rootIndex()).data()
                                         or ""))
    texts += [action.text() for action in root.findChildren(QAction)]
    return [clean for t in texts if (clean := readable(t))]


def readable(text: str) -> str:
    """A text as read: without its mnemonic "&" and its shortcut after a tab ("Cắt\tCtrl+X")."""
    return text.split("\t")[0].replace("&", "").strip()


@dataclass
class Seen:
    """The dialogs a step opened, each read while it was up, then closed."""

    texts: dict[str, list[str]] = field(default_factory=dict)

    def read(self, dialog: QDialog) -> None:
        if isinstance(dialog, QFileDialog):
            dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the headers and file types
            QApplication.processEvents()
        self.texts[type(dialog).__name__ + ":" + dialog.windowTitle()] = dialog_texts(dialog)

    def english(self) -> dict[str, list[str]]:
        found = {name: english(texts) for name, texts in self.texts.items()}
        return {name: words for name, words in found.items() if words}


def answering(seen: Seen, step: Callable[[], object],
              answer: Callable[[QDialog], None] = lambda d: d.reject()) -> None:
    """Run ``step``; every dialog it opens (modal ones run their own event loop) is read and
    then answered."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if (isinstance(widget, QDialog) and shiboken6.isValid(widget)
                    and widget.isVisible() and not widget.property("testRead")):
                widget.setProperty("testRead", True)
                try:
                    seen.read(widget)
                    answer(widget)
                except BaseException:
                    widget.reject()  # never leave a modal dialog up: the test would hang
                    raise
                if widget.isVisible():
                    widget.reject()

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        step()
        poll()  # a non-modal dialog is up once step returns
    finally:
        timer.stop()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder like a USB stick's: the kinds of file the dialogs offer."""
    folder = tmp_path / "usb"
    (folder / "Ảnh sổ 1990").mkdir(parents=True)
    for name in ("hotich.htbak", "chutich.p12", "ca.pem", "trich-luc.pdf", "trang-01.png",
                 "hotich-20260115.bundle", "hotich-20260115.answer"):
        (folder / name).write_bytes(b"x" * 2048)
    return folder


def test_the_apps_own_dialogs_are_used_on_every_platform(qtbot: QtBot) -> None:
    """Native dialogs follow the system's language, not the app's (and Qt cannot translate
    them): the application asks for Qt's, which the .ts translates."""
    from ui.run import application

    application()
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


def test_every_file_dialog_of_the_app_is_vietnamese(
        qtbot: QtBot, office: UiOffice, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("vi")
    monkeypatch.setenv("HOME", str(files))  # the bundle and attachment pickers start at home
    monkeypatch.chdir(files)  # the static dialogs start in the working folder
    seen = Seen()
    admin = office.ctx("admin")

    backup = BackupPage(admin)
    qtbot.addWidget(backup)
    answering(seen, backup.choose_backup)
    answering(seen, backup.choose_restore)

    enrolment = EnrolmentWidget(admin)
    qtbot.addWidget(enrolment)
    answering(seen, enrolment.choose_ca_file)
    # What the books page asks for the folder of a book's page scans.
    answering(seen, lambda: existing_folder(
        backup, QCoreApplication.translate("BooksPage", "Folder of page scans or photos")))

    attachments = AttachmentsWidget(office.ctx("canbo"))
    qtbot.addWidget(attachments)
    answering(seen, attachments.choose_file)

    # The USB transfer: its hooks are never reached, the dialogs are cancelled.
    hooks = UiHooks(export_bundle=lambda *_a: 0, import_answer=lambda *_a: None)  # type: ignore[arg-type, return-value]
    ctx = office.ctx("canbo", hooks)
    bundle = UsbBundleWidget(ctx, SyncController(ctx), report_text=str, error_text=str)
    qtbot.addWidget(bundle)
    bundle.set_enrolled(True)
    answering(seen, bundle.choose_export)
    answering(seen, bundle.choose_answer)

    preview = ExtractPreviewDialog(office.ctx("chutich"), lambda: b"%PDF-1.4")
    qtbot.addWidget(preview)
    answering(seen, preview.choose_file)
    # The page that checks an extract brought in as a file (its hook is never reached).
    checking = ExtractCheckPage(office.ctx("canbo", UiHooks(verify_pdf=lambda *_a: None)))  # type: ignore[arg-type, return-value]
    qtbot.addWidget(checking)
    answering(seen, checking.choose)
    wait_idle(qtbot, office.runner)

    assert len(seen.texts) == 9, list(seen.texts)
    file_dialog = next(t for name, t in seen.texts.items() if "htbak" in " ".join(t)
                       or name.startswith("QFileDialog"))
    assert {"Tên", "Kích thước", "Loại", "Ngày sửa"} <= set(file_dialog)  # the headers
    assert seen.english() == {}


def test_the_certificate_file_and_its_password_prompt_are_vietnamese(
        qtbot: QtBot, office: UiOffice, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("vi")
    monkeypatch.chdir(files)
    hooks = UiHooks(import_certificate=lambda *_a: "")  # never reached: the prompt is cancelled
    page = SettingsPage(office.ctx("chutich", hooks))
    qtbot.addWidget(page)
    seen = Seen()

    def answer(dialog: QDialog) -> None:
        if isinstance(dialog, QFileDialog):
            # Typed, as a person would (selectFile() does not reach a dialog opened by the
            # static functions before its folder is read).
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setText("chutich.p12")
            dialog.accept()  # then the password of the file is asked
        else:
            dialog.reject()

    answering(seen, page.import_certificate, answer)
    kinds = sorted(name.split(":")[0] for name in seen.texts)
    assert kinds == ["QFileDialog", "QInputDialog"], kinds
    prompt = next(t for name, t in seen.texts.items() if name.startswith("QInputDialog"))
    assert "Hủy" in prompt and "Đồng ý" in prompt
    assert seen.english() == {}
    wait_idle(qtbot, office.runner)


def test_the_print_dialog_is_vietnamese_with_its_options_and_properties(
        qtbot: QtBot, office: UiOffice) -> None:
    i18n.install("vi")
    preview = ExtractPreviewDialog(office.ctx("chutich"), lambda: b"%PDF-1.4")
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    seen = Seen()
    dialog = preview.print_extract(printer)
    options = next(b for b in dialog.findChildren(QPushButton) if b.text().endswith(">>"))
    options.click()  # the page range, copies, duplex and colour
    for tabs in dialog.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            seen.read(dialog)
            seen.texts[f"QPrintDialog:tab {index}"] = seen.texts.pop(
                "QPrintDialog:" + dialog.windowTitle())
    properties = dialog.findChild(QPushButton, "properties")
    assert properties is not None
    if properties.isEnabled():  # a real printer (CUPS): its properties, paper and job
        answering(seen, properties.click)
    dialog.reject()
    assert len(seen.texts) >= 2
    shown = [t for texts in seen.texts.values() for t in texts]
    assert {"In", "Hủy", "Số bản:", "In hai mặt", "Chế độ màu"} <= set(shown), shown
    assert seen.english() == {}
    wait_idle(qtbot, office.runner)


def test_the_context_menu_of_a_text_field_is_vietnamese(qtbot: QtBot) -> None:
    i18n.install("vi")
    field = QLineEdit("Nguyễn Văn An")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [readable(a.text()) for a in menu.actions() if a.text()]
    assert "Sao chép" in texts and "Dán" in texts
    assert english([t for t in texts if "Unicode" not in t]) == []
