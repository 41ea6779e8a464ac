"""A newer version announced by the central server: a banner that does not get in the way,
and its details (version, notes, the download address as text to copy)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.updates import UpdateNotice


class UpdateBanner(QFrame):
    """Hidden until :meth:`show_notice` gets a notice (a version put away stays away)."""

    details_requested = Signal(object)  # the notice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateBanner")
        self.setStyleSheet("#updateBanner { background: #e3f2fd; border: 1px solid #90caf9; "
                           "border-radius: 4px; }")
        self.notice: UpdateNotice | None = None
        self.dismissed: str | None = None  # the version the user put away
        self.text = QLabel(objectName="updateText")
        self.details_button = QPushButton(self.tr("Details…"), objectName="updateDetails")
        self.details_button.clicked.connect(lambda: self.details_requested.emit(self.notice))
        hide = QPushButton(self.tr("Hide"), objectName="updateHide")
        hide.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.details_button)
        layout.addWidget(hide)
        self.hide()

    def show_notice(self, notice: UpdateNotice | None) -> None:
        self.notice = notice
        if notice is None or notice.version == self.dismissed:
            self.hide()
            return
        self.text.setText(self.tr("A new version %1 is available.").replace("%1",
                                                                             notice.version))
        self.show()

    def _dismiss(self) -> None:
        self.dismissed = self.notice.version if self.notice is not None else None
        self.hide()


class UpdateDialog(QDialog):
    def __init__(self, notice: UpdateNotice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UpdateDialog")
        self.setWindowTitle(self.tr("New version"))
        heading = QLabel(self.tr("Version %1 is available from the central system.").replace(
            "%1", notice.version), objectName="updateHeading")
        heading.setStyleSheet("font-weight: bold")
        heading.setWordWrap(True)
        self.url = QLineEdit(notice.url, objectName="updateUrl")
        self.url.setReadOnly(True)  # selectable and copyable, never opened by itself
        self.notes = QPlainTextEdit(notice.notes, objectName="updateNotes")
        self.notes.setReadOnly(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        hint = QLabel(self.tr("Make a backup before installing a new version."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Download address")))
        layout.addWidget(self.url)
        layout.addWidget(QLabel(self.tr("What is new")))
        layout.addWidget(self.notes, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, 360)
