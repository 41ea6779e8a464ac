"""Display labels of stored values (statuses, choices), as (Vietnamese, English) pairs.

These are data labels like the domain's field labels (``FieldDef.label_vi/label_en``), kept
next to them in the same two-language shape rather than in the .ts files: the value stored
is the key, the label depends on the chosen language.
"""

from __future__ import annotations

from desktop_app.domain.fields import RELATIONSHIP_LABELS, SEX_LABELS
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

CHOICE_LABELS: dict[str, tuple[str, str]] = {
    **SEX_LABELS,
    **RELATIONSHIP_LABELS,
    # registration kinds
    "on_time": ("Đúng hạn", "On time"),
    "late": ("Đăng ký muộn", "Late registration"),
    "re_registration": ("Đăng ký lại", "Re-registration"),
    "parents_unknown": ("Chưa xác định được cha, mẹ", "Parents unknown"),
    "abandoned": ("Trẻ bị bỏ rơi", "Abandoned child"),
    "recorded_from_abroad": ("Ghi vào sổ việc đã đăng ký ở nước ngoài", "Recorded from abroad"),
    "first": ("Đăng ký kết hôn", "First registration"),
    # documents
    "can_cuoc": ("Thẻ căn cước", "Identity card"),
    "cccd": ("Căn cước công dân", "Citizen identity card"),
    "cmnd": ("Chứng minh nhân dân", "People's identity card"),
    "passport": ("Hộ chiếu", "Passport"),
    "birth_certificate": ("Giấy chứng sinh", "Birth certificate"),
    "witness": ("Văn bản của người làm chứng", "Witness statement"),
    "pledge": ("Giấy cam đoan", "Written pledge"),
    "abandonment_report": ("Biên bản trẻ bị bỏ rơi", "Abandonment report"),
    "surrogacy": ("Văn bản mang thai hộ", "Surrogacy document"),
    # recognition
    "father_recognises_child": ("Cha nhận con", "Father recognises child"),
    "mother_recognises_child": ("Mẹ nhận con", "Mother recognises child"),
    "child_recognises_father": ("Con nhận cha", "Child recognises father"),
    "child_recognises_mother": ("Con nhận mẹ", "Child recognises mother"),
    # change
    "change": ("Thay đổi", "Change"),
    "correction": ("Cải chính", "Correction"),
    "supplement": ("Bổ sung", "Supplement"),
    "ethnicity_redetermination": ("Xác định lại dân tộc", "Ethnicity re-determination"),
    # guardianship
    "appointed": ("Giám hộ cử", "Appointed"),
    "statutory": ("Giám hộ đương nhiên", "Statutory"),
    "termination": ("Chấm dứt giám hộ", "Termination"),
    "ward_full_capacity": ("Người được giám hộ có đủ năng lực", "Ward has full capacity"),
    "ward_died": ("Người được giám hộ chết", "Ward died"),
    "parents_resume": ("Cha, mẹ trở lại thực hiện quyền", "Parents resume"),
    "ward_adopted": ("Người được giám hộ được nhận làm con nuôi", "Ward adopted"),
    # digitisation phases
    "1": ("1: 2006-2015", "1: 2006-2015"),
    "2": ("2: 1999-2006", "2: 1999-2006"),
    "3": ("3: 1976-1999", "3: 1976-1999"),
    "4": ("4: 1975 trở về trước", "4: 1975 and before"),
    "5": ("5: từ 2016", "5: from 2016"),
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


def choice_label(value: str, lang: str) -> str:
    return pick(CHOICE_LABELS.get(value), lang, value)


def role_label(role: str, lang: str) -> str:
    return pick(ROLE_LABELS.get(role), lang, role)


_MAIN_PARTY = {
    "birth": ("child",),
    "death": ("deceased",),
    "marriage": ("husband", "wife"),
    "recognition": ("parent", "child"),
    "change": ("subject",),
    "guardianship": ("ward",),
}


def record_title(rtype: str, data: dict[str, object]) -> str:
    """The names a record is known by in lists: "Nguyễn Văn An", "Chồng – Vợ"."""
    names = []
    for role in _MAIN_PARTY.get(rtype, ()):
        party = data.get(role)
        name = party.get("full_name") if isinstance(party, dict) else None
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return " – ".join(names)


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
