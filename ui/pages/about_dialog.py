"""About: the version, the data folder, the Qt and Python versions, the licence notes of what
the application bundles, and a newer version when the central server announced one."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

import desktop_app
from desktop_app.updates import UpdateNotice
from ui.context import UiContext

OFL_URL = "https://openfontlicense.org"


def _selectable(text: str, name: str) -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class AboutDialog(QDialog):
    def __init__(self, ctx: UiContext, update: UpdateNotice | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Hộ Tịch Offline"))
        self.version = desktop_app.__version__
        title = QLabel("Hộ Tịch Offline", objectName="aboutTitle")
        title.setStyleSheet("font-size: 16px; font-weight: bold")
        purpose = QLabel(self.tr("Offline civil-status registration for commune and ward "
                                 "offices."))
        purpose.setWordWrap(True)
        self.version_label = _selectable(self.tr("Version %1").replace("%1", self.version),
                                         "aboutVersion")
        self.data_label = _selectable(self.tr("Data folder: %1").replace(
            "%1", str(ctx.services.paths.root)), "aboutDataFolder")
        self.qt_label = _selectable(self.tr("Qt %1, PySide6 %2, Python %3").replace(
            "%1", qVersion()).replace("%2", PySide6.__version__).replace(
            "%3", platform.python_version()), "aboutQt")
        licences = _selectable(
            self.tr("Extracts use the Noto Sans fonts (Regular, Bold; © 2015 Google LLC), "
                    "bundled under the SIL Open Font License 1.1 (%1); the licence text is "
                    "shipped with them (OFL.txt). Qt and PySide6 are used under the GNU LGPL "
                    "version 3.").replace("%1", OFL_URL), "aboutLicences")
        self.update_label = _selectable("", "aboutUpdate")
        self.update_label.setStyleSheet("color: #0d47a1; font-weight: bold")
        if update is not None:
            self.update_label.setText(self.tr("A new version %1 is available: %2").replace(
                "%1", update.version).replace("%2", update.url))
        else:
            self.update_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, purpose, self.version_label, self.update_label, self.data_label,
                       self.qt_label, licences):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
