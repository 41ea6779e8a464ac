"""The main window. For now it shows who is logged in; the screens of issue 5 grow here."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop_app.services import AppServices
from desktop_app.session import Session

ROLE_LABELS = {"officer": "Công chức tư pháp - hộ tịch", "supervisor": "Lãnh đạo (ký duyệt)",
               "admin": "Quản trị"}


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, session: Session,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self.setObjectName("MainWindow")
        self.setWindowTitle("Hộ Tịch Offline")
        account = session.account
        who = account.full_name or account.username
        self.account_label = QLabel(objectName="accountLabel")
        self.account_label.setText(
            f"Đã đăng nhập: {who} ({account.username}) — "
            f"{ROLE_LABELS.get(account.role.value, account.role.value)}")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.account_label)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"Dữ liệu: {services.paths.root}")
        self.resize(900, 600)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self._session.close()
        super().closeEvent(event)
