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


def record_name(rec: object, lang: str) -> str:
    """A record as an officer names it: procedure, person(s) and number when it has one
    ("Khai sinh Nguyễn Văn An, số 12"), never its id."""
    from desktop_app.domain.parties import record_title

    rtype = str(getattr(rec, "type", ""))
    data = getattr(rec, "data", {}) or {}
    title = record_title(rtype, data) or ("(chưa có tên)" if lang == "vi" else "(no name yet)")
    name = f"{type_label(rtype, lang)} {title}"
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
