"""Display labels of the screens' own states (record statuses, outbox states, roles), as
(Vietnamese, English) pairs.

These are data labels like the domain's field labels (``FieldDef.label_vi/label_en``), kept
in the same two-language shape rather than in the .ts files: the value stored is the key, the
label depends on the chosen language. Labels of the codes inside a record (sex, nationality,
kinds...) are the domain's vocabulary (desktop_app/domain/vocabulary.py), shared with the
extracts.
"""

from __future__ import annotations

from desktop_app.domain.record_types import RECORD_TYPE_LABELS, RecordType
from desktop_app.messages import CORE

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "draft": ("Nháp", "Draft"),
    "submitted": ("Chờ phê duyệt", "Submitted"),
    "approved": ("Đã phê duyệt", "Approved"),
    "awaiting_personal_id": ("Chờ số định danh", "Awaiting personal ID"),
    "awaiting_central_support": ("Chờ hệ thống trung ương hỗ trợ", "Awaiting central support"),
    "signed": ("Đã ký", "Signed"),
    "queued": ("Chờ đồng bộ", "Queued"),
    "synced": ("Đã đồng bộ", "Synced"),
    "rejected": ("Bị từ chối", "Rejected"),
    # Not a status of its own: where a refused second check wanted to go (E-TRANSITION).
    "verified": ("Đã kiểm tra lần hai", "Checked twice"),
}

OUTBOX_LABELS: dict[str, tuple[str, str]] = {
    "pending": ("Chờ gửi", "Waiting to send"),
    "accepted": ("Đã được tiếp nhận", "Accepted"),
    "rejected": ("Bị từ chối", "Rejected"),
    "awaiting_support": ("Chờ hỗ trợ thủ tục", "Awaiting support"),
}

SHORT_TYPE_LABELS: dict[str, tuple[str, str]] = {
    "birth": ("Khai sinh", "Birth"),
    "death": ("Khai tử", "Death"),
    "marriage": ("Kết hôn", "Marriage"),
    "recognition": ("Nhận cha, mẹ, con", "Recognition"),
    "change": ("Thay đổi, cải chính", "Change/correction"),
    "guardianship": ("Giám hộ", "Guardianship"),
}


ROLE_LABELS: dict[str, tuple[str, str]] = {
    "officer": ("Công chức tư pháp - hộ tịch", "Civil-status officer"),
    "supervisor": ("Lãnh đạo (ký duyệt)", "Supervisor (approves, signs)"),
    "admin": ("Quản trị", "Administrator"),
}


def pick(pair: tuple[str, str] | None, lang: str, fallback: str = "") -> str:
    if pair is None:
        return fallback
    return pair[0] if lang == "vi" else pair[1]


def status_label(status: str, lang: str) -> str:
    return pick(STATUS_LABELS.get(status), lang, status)


def type_label(rtype: str, lang: str, *, short: bool = True) -> str:
    if short:
        return pick(SHORT_TYPE_LABELS.get(rtype), lang, rtype)
    return pick(RECORD_TYPE_LABELS.get(RecordType(rtype)), lang, rtype)


NO_NAME = CORE["R-NO-NAME"]  # the CLI's lists say the same


def _present(value: object) -> str:
    return "" if value is None else str(value).strip()


def names_shown(rec: object, lang: str) -> str:
    """The names a record is listed by ("Nguyễn Văn An", "Chồng – Vợ"); "(chưa có tên)" for a
    record with none yet (a draft, an old book's entry keyed without its name), never an
    empty cell or a dangling "Khai sinh:"."""
    from desktop_app.domain.parties import record_title

    data = getattr(rec, "data", {}) or {}
    return record_title(str(getattr(rec, "type", "")), data) or pick(NO_NAME, lang)


def _identified_by(rec: object, lang: str) -> str:
    """What tells an unnamed record from others: its registration number, else the page and
    entry of the old book it is keyed from ("số 12", "trang 5, mục 3"); "" when neither."""
    data = getattr(rec, "data", {}) or {}
    number = _present(getattr(rec, "registration_number", None)) \
        or _present(data.get("registration_number"))
    if number:
        return f"{'số' if lang == 'vi' else 'no.'} {number}"
    source = data.get("source")
    source = source if isinstance(source, dict) else {}
    parts = []
    if page := _present(source.get("page")):
        parts.append(f"{'trang' if lang == 'vi' else 'page'} {page}")
    if entry := _present(source.get("entry_number")):
        parts.append(f"{'mục' if lang == 'vi' else 'entry'} {entry}")
    return ", ".join(parts)


def record_heading(rec: object, lang: str, *, short: bool = True, sep: str = ": ",
                   identify: bool = True) -> str:
    """A record's heading: its procedure and names ("Khai sinh: Nguyễn Văn An"); one with
    no name yet reads "Khai sinh (chưa có tên, số 12)" (the number, or the old book's page,
    when known and ``identify``: not where the number follows anyway), the same for every
    procedure."""
    from desktop_app.domain.parties import record_title

    rtype = str(getattr(rec, "type", ""))
    procedure = type_label(rtype, lang, short=short)
    title = record_title(rtype, getattr(rec, "data", {}) or {})
    if title:
        return f"{procedure}{sep}{title}"
    known = _identified_by(rec, lang) if identify else ""
    unnamed = pick(NO_NAME, lang)
    return f"{procedure} {unnamed[:-1]}, {known})" if known else f"{procedure} {unnamed}"


def record_name(rec: object, lang: str) -> str:
    """A record as an officer names it: procedure, person(s) and number when it has one
    ("Khai sinh Nguyễn Văn An, số 12"), never its id."""
    rtype = str(getattr(rec, "type", ""))
    name = f"{type_label(rtype, lang)} {names_shown(rec, lang)}"
    number = getattr(rec, "registration_number", None)
    if number:
        name += f", {'số' if lang == 'vi' else 'no.'} {number}"
    return name


def role_label(role: str, lang: str) -> str:
    return pick(ROLE_LABELS.get(role), lang, role)


def local_time(moment: object) -> str:
    """A stored datetime as dd/mm/yyyy hh:mm in Vietnam time."""
    from datetime import datetime

    from desktop_app.messages import VIETNAM_TZ

    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    if not isinstance(moment, datetime):
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(VIETNAM_TZ)
    return moment.strftime("%d/%m/%Y %H:%M")


# What was done to a record, as its history and audit trail name it: the event's action
# ("approve") and the audit entry's ("record.approve", "extract.copy").
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "create": ("Tạo hồ sơ", "Created"),
    "edit": ("Sửa bản nháp", "Draft edited"),
    "submit": ("Trình phê duyệt", "Submitted for approval"),
    "verify": ("Kiểm tra lần hai", "Second check"),
    "approve": ("Phê duyệt", "Approved"),
    "reject": ("Từ chối", "Refused"),
    "await_personal_id": ("Chờ số định danh", "Waiting for the personal ID"),
    "personal_id": ("Nhận số định danh cá nhân", "Personal ID received"),
    "sign": ("Ký trích lục", "Extract signed"),
    "queue": ("Đưa vào hàng đợi đồng bộ", "Queued for sync"),
    "sync": ("Đồng bộ lên hệ thống trung ương", "Sent to the central system"),
    "rejected_centrally": ("Hệ thống trung ương từ chối", "Refused by the central system"),
    "reopen": ("Sửa và gửi lại", "Reopened to correct"),
    "attach": ("Đính kèm tệp", "File attached"),
    "detach": ("Gỡ tệp đính kèm", "File removed"),
    "import": ("Nhập từ tệp", "Imported from a file"),
    "amend": ("Ghi chú thay đổi, cải chính", "Amended by a change"),
    "supplement": ("Ghi chú nhận cha, mẹ, con", "Amended by a recognition"),
    "extract.sign": ("Ký trích lục", "Extract signed"),
    "extract.copy": ("Cấp bản sao trích lục", "Certified copy issued"),
    "extract.timestamp": ("Gắn dấu thời gian cho trích lục", "Extract time-stamped"),
    "extract.save": ("Lưu trích lục ra tệp", "Extract saved to a file"),
    "extract.print": ("In trích lục", "Extract printed"),
    # Old books: digitisation, double entry, re-checks, reconciliation with the registry.
    "book.open": ("Mở sổ để số hóa", "Book opened for digitisation"),
    "book.close": ("Đóng sổ", "Book closed"),
    "book.page": ("Thêm trang sổ", "Page added"),
    "book.page_writing": ("Ghi cách viết của trang", "Page writing recorded"),
    "book.rotate": ("Xoay trang sổ", "Page turned"),
    "book.crop": ("Cắt trang sổ", "Page cropped"),
    "book.entry": ("Nhập mục từ sổ", "Entry keyed from the book"),
    "book.entry.correct": ("Sửa lần nhập của mình", "Own keying corrected"),
    "book.entry.discard": ("Bỏ lần nhập của mình", "Own keying discarded"),
    "book.reconcile": ("Đối chiếu với CSDL dân cư", "Reconciled with the registry"),
    "book.reconcile.resolve": ("Xử lý chênh lệch khi đối chiếu", "Difference resolved"),
    "digitisation.double_entry": ("Đổi cách nhập sổ cũ", "Double entry setting changed"),
    "double_entry.decide": ("Quyết định giữa hai lần nhập", "Double entry decided"),
    "double_entry.settle": ("Hai lần nhập khớp nhau", "Double entry agreed"),
    "recheck.draw": ("Lấy mẫu kiểm tra lại", "Re-check sample drawn"),
    "recheck.key": ("Nhập lại mục mẫu", "Sample entry re-keyed"),
    # The device, its accounts and its store.
    "account.create": ("Tạo tài khoản", "Account created"),
    "account.unlock": ("Mở khóa tài khoản", "Account unlocked"),
    "audit.rewritten": ("Nhật ký bị sửa", "Audit log rewritten"),
    "certificate.import": ("Nhập chứng thư ký số", "Signing certificate imported"),
    "device.enrol": ("Đăng ký thiết bị với máy chủ", "Device enrolled"),
    "numbers.block": ("Nhận dải số đăng ký", "Number block received"),
    "settings.change": ("Đổi cài đặt", "Settings changed"),
    "store.init": ("Khởi tạo dữ liệu", "Store created"),
    "store.backup": ("Sao lưu", "Backup"),
    "store.restore": ("Khôi phục", "Restore"),
    "sync.export_bundle": ("Xuất gói USB", "USB bundle exported"),
    "sync.import_answer": ("Nhập trả lời từ USB", "USB answer imported"),
}

# The audit entry's details, worded: key -> (Vietnamese, English) caption.
_DETAIL_CAPTIONS: dict[str, tuple[str, str]] = {
    "type": ("Thủ tục", "Procedure"),
    "status": ("Trạng thái", "Status"),
    "historical": ("Số hóa sổ cũ", "Historical entry"),
    "registration_number": ("Số", "No."),
    "book_number": ("Quyển số", "Book"),
    "extract_number": ("Số trích lục", "Extract no."),
    "version": ("Phiên bản", "Version"),
    "overrides": ("Cảnh báo được chấp thuận", "Warnings accepted"),
    "name": ("Tệp", "File"),
    "filename": ("Tệp", "File"),
}


def action_label(action: str, lang: str) -> str:
    """ "record.approve" or "approve" -> "Phê duyệt"."""
    pair = ACTION_LABELS.get(action) or ACTION_LABELS.get(action.removeprefix("record."))
    return pick(pair, lang, action.replace("_", " ").replace(".", " "))


def audit_details(details: str, lang: str) -> str:
    """An audit entry's details (stored JSON) as "Trạng thái: Đã phê duyệt", "Số: 4"; ids,
    digests and codes are left to the audit export."""
    import json

    try:
        values = json.loads(details or "{}")
    except ValueError:
        return ""
    if not isinstance(values, dict):
        return ""
    parts: list[str] = []
    for key, value in values.items():
        caption = _DETAIL_CAPTIONS.get(key)
        if caption is None or value in (None, "", [], {}):
            continue
        if key == "status":
            shown = status_label(str(value), lang)
        elif key == "type":
            shown = type_label(str(value), lang)
        elif isinstance(value, bool):
            if not value:
                continue
            shown = "có" if lang == "vi" else "yes"
        elif isinstance(value, list):
            shown = str(len(value))
        else:
            shown = str(value)
        parts.append(f"{pick(caption, lang)}: {shown}")
    return "\n".join(parts)  # one per line: the column stays narrow, the reason wide
