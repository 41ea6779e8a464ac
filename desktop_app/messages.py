"""Message catalogues: error and rule codes to one-line Vietnamese / English texts.

Each package keeps its own catalogue (``MESSAGES: dict[code, (vi, en)]``) next to its errors;
front ends merge them with :func:`merge` and render with :func:`render`. Templates use
``str.format`` placeholders named after the error's params.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

Catalogue = Mapping[str, tuple[str, str]]

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

CORE: dict[str, tuple[str, str]] = {
    "E-UNKNOWN": ("Lỗi không xác định.", "Unknown error."),
    "E-USAGE": ("Cách dùng không đúng: {detail}", "Invalid usage: {detail}"),
    "E-NOT-INITIALISED": (
        "Thư mục dữ liệu chưa được khởi tạo: hãy chạy 'hotich init'.",
        "The data folder is not initialised: run 'hotich init'.",
    ),
    "E-ALREADY-INITIALISED": (
        "Thư mục dữ liệu đã được khởi tạo.",
        "The data folder is already initialised.",
    ),
    "E-WRONG-PASSWORD": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
    "E-WRONG-RECOVERY-CODE": ("Mã khôi phục không đúng.", "Wrong recovery code."),
    "E-ACCOUNT-LOCKED": (
        "Tài khoản bị khóa do nhập sai mật khẩu nhiều lần, đến {until}.",
        "The account is locked after repeated wrong passwords until {until}.",
    ),
    "E-ACCOUNT-DISABLED": ("Tài khoản đã bị vô hiệu hóa.", "The account is disabled."),
    "E-UNKNOWN-ACCOUNT": ("Không có tài khoản '{name}'.", "No account '{name}'."),
    "E-ACCOUNT-EXISTS": ("Tài khoản '{name}' đã tồn tại.", "Account '{name}' already exists."),
    "E-PERMISSION": (
        "Vai trò '{role}' không được phép: {action}.",
        "Role '{role}' is not allowed to: {action}.",
    ),
    "E-WEAK-PASSWORD": (
        "Mật khẩu phải có ít nhất {min_length} ký tự.",
        "The password must have at least {min_length} characters.",
    ),
    "E-STORE-NEWER": (
        "Dữ liệu đã được phiên bản {version} nâng cấp nên phiên bản này không mở được: hãy "
        "dùng phiên bản {version}, hoặc khôi phục bản sao trước khi nâng cấp trong {backups}.",
        "The data was upgraded by version {version}, which this version cannot open: use "
        "version {version}, or restore the pre-upgrade copy in {backups}.",
    ),
    "E-STORE-DAMAGED": (
        "Cơ sở dữ liệu bị hỏng hoặc không đọc được: {detail}.",
        "The database is damaged or unreadable: {detail}.",
    ),
    "E-AUDIT-BROKEN": (
        "Nhật ký kiểm tra bị thay đổi: mục số {seq} ({problem}).",
        "The audit log was tampered with: entry {seq} ({problem}).",
    ),
    "E-BACKUP-INVALID": (
        "Tệp sao lưu không hợp lệ: {problem}. Dữ liệu hiện tại không thay đổi.",
        "The backup file is invalid: {problem}. The current data is unchanged.",
    ),
    "E-NOT-FOUND": ("Không tìm thấy {what} '{key}'.", "{what} '{key}' not found."),
    "E-CANCELLED": ("Đã hủy.", "Cancelled."),
    "E-NO-USER": (
        "Hãy cho biết tài khoản thực hiện bằng --user.",
        "Say which account acts with --user.",
    ),
    "E-NO-PASSWORD": (
        "Không có mật khẩu: đặt HOTICH_PASSWORD hoặc chạy trong cửa sổ lệnh.",
        "No password: set HOTICH_PASSWORD or run in a terminal.",
    ),
    "E-FILE": ("Không đọc/ghi được tệp: {path}.", "Cannot read/write the file: {path}."),
    "E-BOOK-CLOSED": (
        "Sổ {book_number} đã khóa cuối năm.",
        "Book {book_number} is closed for the year.",
    ),
    "E-NUMBER-BLOCK-OVERLAP": (
        "Dải số {start}-{end} trùng với dải số đã có.",
        "Numbers {start}-{end} overlap a block this device already has.",
    ),
    "E-NO-CERTIFICATE": (
        "Chưa có chứng thư số của người ký: hãy nhập tệp .p12 (hotich cert import).",
        "No signing certificate for this account: import a .p12 (hotich cert import).",
    ),
    "E-NOT-SIGNABLE": (
        "Hồ sơ ở trạng thái '{status}' chưa thể ký trích lục.",
        "A record in status '{status}' cannot be signed.",
    ),
    "E-INCIDENT": (
        "Lỗi ngoài dự kiến (mã sự cố {incident}). Xem nhật ký để biết thêm.",
        "Unexpected error (incident {incident}). See the log for details.",
    ),
}


def merge(catalogues: Iterable[Catalogue]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for catalogue in catalogues:
        merged.update(catalogue)
    return merged


def current_language() -> str:
    """'vi' unless HOTICH_LANG asks for English."""
    return "en" if os.environ.get("HOTICH_LANG", "vi").lower().startswith("en") else "vi"


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def _display(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(VIETNAM_TZ).strftime("%H:%M %d/%m/%Y")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def render(
    code: str,
    params: Mapping[str, object] | None = None,
    *,
    catalogue: Catalogue = CORE,
    lang: str | None = None,
) -> str:
    """One line of text for ``code``; unknown codes fall back to the code itself."""
    lang = lang or current_language()
    texts = catalogue.get(code)
    if texts is None:
        return code
    template = texts[0] if lang == "vi" else texts[1]
    values = _Lenient({k: _display(v) for k, v in (params or {}).items()})
    return template.format_map(values)
