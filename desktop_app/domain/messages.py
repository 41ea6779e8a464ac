"""Message catalogue of the domain: every rule and domain error code to (Vietnamese, English),
the Vietnamese field labels, and issue_message() that names the field in the message.

Templates use str.format placeholders: {field} (the field's label) and the issue's params.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.domain.fields import field_label, iter_fields
from desktop_app.domain.issues import Issue
from desktop_app.domain.record_types import RECORD_TYPE_LABELS, RecordType
from desktop_app.messages import Count, current_language, render

MESSAGES: dict[str, tuple[str, str]] = {
    # Structure
    "E-FIELD-TYPE": (
        "{field}: kiểu dữ liệu không đúng (cần {expected}).",
        "{field}: wrong type (expected {expected}).",
    ),
    "E-FIELD-VALUE": (
        "{field}: giá trị không hợp lệ (chọn một trong: {allowed}).",
        "{field}: invalid value (one of: {allowed}).",
    ),
    "E-FIELD-UNKNOWN": ("Trường không có trong mẫu: {key}.", "Unknown field: {key}."),
    "E-RULE-FAILED": (
        "Không kiểm tra được quy tắc {rule}: hãy báo cho bộ phận hỗ trợ.",
        "Rule {rule} could not be checked: please tell support.",
    ),
    # Errors of domain.md
    "E-REQUIRED": ("Chưa nhập {field}.", "{field} is required."),
    "E-LINK-NOT-FOUND": (
        "{field}: trên máy không có hồ sơ nào mang mã này. Hãy chọn hồ sơ bằng nút "
        "\"Tìm hồ sơ…\", hoặc để trống mã và ghi số, quyển số, nơi đăng ký.",
        "{field}: no record on this device has this id. Pick the record with \"Find a "
        "record…\", or leave the id blank and give the number, book and office.",
    ),
    "E-DATE-INVALID": (
        "{field}: ngày không tồn tại ({value}).",
        "{field}: no such date ({value}).",
    ),
    "E-DATE-FUTURE": (
        "{field}: ngày ở tương lai ({value}).",
        "{field}: the date is in the future ({value}).",
    ),
    "E-REG-BEFORE-EVENT": (
        "{field} trước {event_field}.",
        "{field} is earlier than {event_field}.",
    ),
    "E-DEATH-BEFORE-BIRTH": (
        "{field} trước {event_field}.",
        "{field} is earlier than {event_field}.",
    ),
    "E-ID-FORMAT": (
        "{field} phải gồm đúng 12 chữ số (đang có {length} ký tự).",
        "{field} must be exactly 12 digits (has {length} characters).",
    ),
    "E-PRESENCE-MARRIAGE": (
        "Kết hôn cần cả hai bên có mặt, ký hoặc điểm chỉ vào Sổ.",
        "Both parties must be present and sign or fingerprint the register.",
    ),
    "E-NO-BASIS": (
        "Thiếu {field}: cần ghi rõ từ … thành … và giấy tờ làm căn cứ.",
        "{field} is missing: give the from and to values and the basis document.",
    ),
    "E-MARR-AGE-NEW": (
        "{field}: chưa đủ {limit} tuổi ({age} tuổi) khi đăng ký kết hôn: "
        "phải từ chối bằng văn bản.",
        "{field}: under {limit} ({age}) at registration: the law requires a written refusal.",
    ),
    "E-IMMUTABLE": (
        "Hồ sơ đã đăng ký không được sửa trực tiếp: hãy lập hồ sơ cải chính, bổ sung.",
        "A registered record cannot be edited: register a correction instead.",
    ),
    "E-SIGNER-CONFLICT": (
        "Người ký hoặc công chức là người có liên quan đến việc hộ tịch này: "
        "hãy chọn người ký khác.",
        "The signer or officer is a party to, or a relative of a party to, this event: choose "
        "another signer.",
    ),
    # Workflow and other domain errors
    "E-DOMAIN": ("Thao tác không hợp lệ.", "Invalid operation."),
    "E-RECORD-TYPE": ("Loại hồ sơ không có: {record_type}.", "No such record type: {record_type}."),
    "E-RECORD-INVALID": (
        "Hồ sơ còn lỗi, chưa lưu được: {rules}.",
        "The record has errors and was not saved: {rules}.",
    ),
    "E-HAS-ERRORS": (
        "Hồ sơ còn lỗi, chưa phê duyệt được: {rules}.",
        "The record still has errors and cannot be approved: {rules}.",
    ),
    "E-TRANSITION": (
        "Không thể chuyển hồ sơ từ '{from_status}' sang '{to_status}'.",
        "A record cannot go from '{from_status}' to '{to_status}'.",
    ),
    "E-REOPEN-REFUSED": (
        "Chỉ hồ sơ bị hệ thống trung ương từ chối mới được sửa và gửi lại; hồ sơ đã bị "
        "từ chối bằng văn bản thì phải lập hồ sơ mới.",
        "Only a record rejected by the central system can be corrected and sent again; after "
        "a written refusal, register a new record.",
    ),
    "E-SELF-APPROVAL": (
        "Không được phê duyệt hồ sơ do chính mình nhập.",
        "You cannot approve a record you entered.",
    ),
    "E-SELF-VERIFY": (
        "Việc kiểm tra phải do một công chức khác với người nhập thực hiện.",
        "Verification must be done by an officer other than the one who entered it.",
    ),
    "E-VERIFY-REQUIRED": (
        "Hồ sơ số hóa sổ cũ cần được công chức thứ hai kiểm tra trước khi phê duyệt.",
        "A historical entry must be verified by a second officer before approval.",
    ),
    "E-NOT-HISTORICAL": (
        "Chỉ hồ sơ số hóa sổ cũ mới cần kiểm tra chéo.",
        "Only historical entries are verified this way.",
    ),
    "E-OVERRIDE-MISSING": (
        "Cần nêu lý do chấp thuận cho từng cảnh báo: {rules}.",
        "Give a reason for each warning: {rules}.",
    ),
    "E-OVERRIDE-INVALID": (
        "Không thể chấp thuận: {rules} (không phải cảnh báo của hồ sơ này).",
        "Cannot override: {rules} (not a warning of this record).",
    ),
    "E-AWAITING-PERSONAL-ID": (
        "Giấy khai sinh chỉ được ký sau khi có số định danh cá nhân.",
        "A birth certificate is signed only once the personal ID number is issued.",
    ),
    "E-NUMBER-BLOCK-EXHAUSTED": (
        "Đã dùng hết dãy số đăng ký được cấp (đến số {end}): cần đồng bộ để nhận dãy mới.",
        "The registration number block is used up (up to {end}): sync to lease a new one.",
    ),
    "E-NUMBER-BLOCK-NONE": (
        "Máy chưa nhận dãy số đăng ký nào từ máy chủ: hãy đồng bộ một lần khi có mạng "
        "(hotich sync) rồi duyệt lại.",
        "This device has no registration numbers from the server yet: sync once while "
        "online (hotich sync), then approve again.",
    ),
    "E-NUMBER-BLOCK-INVALID": ("Dãy số đăng ký không hợp lệ.", "Invalid number block."),
    # Warnings
    "W-KS-LATE": (
        "Đăng ký khai sinh quá hạn: {days} ngày sau ngày sinh (hạn {limit} ngày).",
        "Late birth registration: {days} days after the birth (limit {limit}).",
    ),
    "W-KT-LATE": (
        "Đăng ký khai tử quá hạn: {days} ngày sau ngày chết (hạn {limit} ngày).",
        "Late death registration: {days} days after the death (limit {limit}).",
    ),
    "W-KS-DECLARANT": (
        "Người đi khai sinh không phải cha, mẹ của trẻ: ghi rõ quan hệ.",
        "The declarant is not the child's father or mother: record the relationship.",
    ),
    "W-KT-DECLARANT": (
        "Người đi khai tử không phải vợ, chồng, con, cha, mẹ hoặc người thân thích.",
        "The declarant is not a spouse, child, parent or other relative.",
    ),
    "W-MOTHER-AGE-LOW": (
        "Người mẹ dưới {limit} tuổi khi sinh con ({age} tuổi).",
        "The mother was under {limit} at the birth ({age}).",
    ),
    "W-MOTHER-AGE-HIGH": (
        "Người mẹ trên {limit} tuổi khi sinh con ({age} tuổi).",
        "The mother was over {limit} at the birth ({age}).",
    ),
    "W-FATHER-AGE-LOW": (
        "Người cha dưới {limit} tuổi khi sinh con ({age} tuổi).",
        "The father was under {limit} at the birth ({age}).",
    ),
    "W-TWINS": (
        "Cùng người mẹ có trẻ khác sinh cách không quá một ngày (sinh đôi, sinh ba?): mỗi trẻ cần "
        "tên và số Giấy chứng sinh riêng. Hồ sơ: {candidates}.",
        "Another birth to the same mother within a day (twins?): each child needs its own name "
        "and birth-certificate number. Records: {candidates}.",
    ),
    "W-DUP-PERSON": (
        "Đã có khai sinh cùng họ tên, ngày sinh và người mẹ: có thể đăng ký trùng. Hồ sơ: "
        "{candidates}.",
        "A birth with the same name, date of birth and mother is already registered: possible "
        "duplicate. Records: {candidates}.",
    ),
    "W-MARR-AGE": (
        "{field}: chưa đủ {limit} tuổi khi kết hôn ({age} tuổi): chỉ ghi nhận khi đăng ký lại, "
        "hôn nhân thực tế hoặc số hóa sổ cũ.",
        "{field}: under {limit} at marriage ({age}): recordable only for a re-registration, a "
        "de-facto marriage or an old book.",
    ),
    "W-MARR-BIGAMY": (
        "{field}: đang có quan hệ hôn nhân trong cơ sở dữ liệu (đăng ký kết hôn số {numbers}, "
        "với {spouses}).",
        "{field}: already married on record (marriage no. {numbers}, to {spouses}).",
    ),
    "W-MARR-SAMESEX": (
        "Hai bên kết hôn cùng giới tính (Nhà nước không thừa nhận).",
        "Both parties have the same sex (not recognised by the State).",
    ),
    "W-MARR-KIN": (
        "Hai bên có quan hệ họ hàng bị cấm kết hôn: {relations}.",
        "The parties are kin within the prohibited degrees: {relations}.",
    ),
    "W-NAME-CHARS": (
        "{field} có ký tự không phải chữ cái tiếng Việt hoặc tiếng dân tộc: {chars}.",
        "{field} contains characters outside Vietnamese and ethnic orthographies: {chars}.",
    ),
    "W-NAME-LONG": (
        "{field} dài bất thường ({length} ký tự, ngưỡng {limit}).",
        "{field} is unusually long ({length} characters, threshold {limit}).",
    ),
    "W-SURNAME": (
        "Họ của trẻ không phải họ của cha hoặc mẹ.",
        "The child's surname is neither parent's.",
    ),
    "W-ETHNIC": ("{field}: {reason}.", "{field}: {reason}."),
    "W-HOMETOWN": (
        "Quê quán của trẻ khác quê quán của cả cha và mẹ.",
        "The child's home town differs from both parents'.",
    ),
    "W-ID-CENTURY": (
        "{field}: chữ số thứ tư ({digit}) không khớp giới tính hoặc thế kỷ sinh.",
        "{field}: the fourth digit ({digit}) does not match the sex or century of birth.",
    ),
    "W-ID-YEAR": (
        "{field}: chữ số thứ năm, sáu ({digits}) không khớp năm sinh.",
        "{field}: digits five and six ({digits}) do not match the year of birth.",
    ),
    "W-ID-PROVINCE": (
        "{field}: mã tỉnh {province_code} không có trong danh mục.",
        "{field}: province code {province_code} is not a known code.",
    ),
    "W-NAME-CHANGE-CONSENT": (
        "Thay đổi tên của người từ đủ 9 tuổi trở lên cần có sự đồng ý của người đó.",
        "Changing the name of a person aged 9 or over needs their consent.",
    ),
    "W-ETHNIC-CONSENT": (
        "Xác định lại dân tộc của người từ đủ 15 đến dưới 18 tuổi cần có sự đồng ý của người đó.",
        "Re-determining the ethnicity of a person aged 15 to 17 needs their consent.",
    ),
    "W-GUARDIAN-ELIG": ("{field}: {reason}.", "{field}: {reason}."),
    "W-ADDRESS-LEGACY": (
        "{field}: địa danh trước năm 2025, đã chuyển sang {commune_name}; giữ nguyên văn bản gốc.",
        "{field}: a pre-2025 place, converted to {commune_name}; the original text is kept.",
    ),
    "W-ADDRESS-UNKNOWN": (
        "{field}: không xác định được xã, phường theo địa giới năm 2025; giữ nguyên như đã ghi.",
        "{field}: no 2025 commune could be found; kept as written.",
    ),
    "W-LEGACY-MISSING": (
        "Sổ cũ không có {field}.",
        "The old book has no {field}.",
    ),
    "W-LEGACY-NO-NUMBER": ("Sổ cũ không ghi {field}.", "The old book gives no {field}."),
    "W-LEGACY-NO-DATE": (
        "Sổ cũ không ghi ngày đăng ký.",
        "The old book gives no registration date.",
    ),
    "W-LEGACY-NO-SOURCE": (
        "Chưa ghi nguồn (quyển, trang, số thứ tự của sổ cũ).",
        "No source given (book, page, entry of the old book).",
    ),
    "W-LEGACY-ILLEGIBLE": (
        "{field} không đọc được trong sổ cũ.",
        "{field} is illegible in the old book.",
    ),
    "W-LEGACY-ORDER": (
        "Sổ cũ: {field} trước {event_field}.",
        "Old book: {field} is earlier than {event_field}.",
    ),
    "W-LEGACY-AGE-ONLY": (
        "Sổ cũ chỉ ghi tuổi ({age}), không ghi ngày sinh.",
        "The old book gives only the age ({age}), no date of birth.",
    ),
    "W-LUNAR-MISMATCH": (
        "{field}: ngày dương lịch khác với ngày chuyển từ âm lịch ({as_written}: {converted}).",
        "{field}: the Gregorian date differs from the lunar date converted ({as_written}: "
        "{converted}).",
    ),
    "W-ADDRESS-PROVINCE": (
        "{field}: chỉ xác định được tỉnh, thành phố theo địa giới 2025 ({province_name}); giữ "
        "nguyên như đã ghi.",
        "{field}: only the 2025 province can be told ({province_name}); kept as written.",
    ),
    # Info
    "I-LUNAR-CONVERTED": (
        "{field}: sổ ghi theo âm lịch ({as_written}), đã chuyển sang dương lịch {converted}.",
        "{field}: the book gives a lunar date ({as_written}), converted to {converted}.",
    ),
    "I-PARENT-ONLY-YEAR": ("{field}: chỉ có năm sinh.", "{field}: year of birth only."),
    "I-AWAITING-PERSONAL-ID": (
        "Số định danh cá nhân sẽ được cấp khi hồ sơ được gửi lên hệ thống trung ương.",
        "The personal ID number will be issued when the record reaches the central system.",
    ),
    "I-AGE-ONLY": ("{field}: chỉ biết tuổi ({age}).", "{field}: age only ({age})."),
}

# What the law forbids for a new act and what a relation to another record held here
# contradicts (domain.md): "E-<name>" for a new act, the same words as "W-<name>" for a
# historical entry, a re-registration or an act recorded from abroad (check.forbidden).
FORBIDDEN: dict[str, tuple[str, str]] = {
    "RECOG-SEX": (
        "{field}: việc nhận cha, mẹ, con này cần người giới tính {expected}.",
        "{field}: this recognition needs a person of sex {expected}.",
    ),
    "RECOG-PARENT-YOUNGER": (
        "{field}: người nhận là cha, mẹ sinh sau người con (sinh ngày {child_born}).",
        "{field}: the parent was born after the child (born {child_born}).",
    ),
    "RECOG-OTHER-PARENT": (
        "{field}: Giấy khai sinh số {number} của người con đã ghi {role} là {person}: chỉ "
        "nhận được {role} khác theo bản án, quyết định của Tòa án.",
        "{field}: the child's birth record no. {number} already names {person} as the "
        "{role}: another {role} only on a court decision.",
    ),
    "GUARD-ONE": (
        "{field}: người này đang được giám hộ theo việc giám hộ số {number} (người giám hộ "
        "{guardian}): một người chỉ có một người giám hộ, trừ cha, mẹ hoặc ông, bà cùng "
        "giám hộ.",
        "{field}: this person already has a guardian under guardianship no. {number} "
        "({guardian}): one guardian per ward, unless both parents or grandparents.",
    ),
    "GUARD-TERM-NOT-ACTIVE": (
        "{field}: hồ sơ {procedure} số {number} không phải việc giám hộ đã đăng ký còn hiệu "
        "lực.",
        "{field}: {procedure} record no. {number} is not a registered guardianship in force.",
    ),
    "GUARD-TERM-ENDED": (
        "{field}: việc giám hộ số {number} ({person}) đã được chấm dứt (việc chấm dứt số "
        "{ended_by}).",
        "{field}: guardianship no. {number} ({person}) has already been ended (termination "
        "no. {ended_by}).",
    ),
    "GUARD-TERM-REASON": (
        "{field}: người được giám hộ mới {age} tuổi, chưa đủ năng lực hành vi dân sự đầy đủ.",
        "{field}: the ward is {age}, not yet of full civil capacity.",
    ),
    "CHANGE-FROM": (
        "{field}: hồ sơ gốc ({procedure} số {number}, {person}) đang ghi “{held}”, không "
        "phải “{given}”.",
        "{field}: the original record ({procedure} no. {number}, {person}) holds “{held}”, "
        "not “{given}”.",
    ),
    "ETHNIC-PARENT": (
        "{field}: chỉ được xác định lại theo dân tộc của cha hoặc mẹ ({parents}, theo Giấy "
        "khai sinh số {number}).",
        "{field}: only the father's or the mother's ethnicity ({parents}, birth record no. "
        "{number}).",
    ),
    "NAME-DIGITS": (
        "{field}: tên không được chỉ gồm chữ số hoặc ký tự không phải chữ cái ({chars}).",
        "{field}: a name cannot be made of digits or non-letters ({chars}).",
    ),
    "SURNAME-MOTHER": (
        "{field}: chưa xác định được cha, họ của trẻ phải là họ của mẹ.",
        "{field}: with no father established, the child takes the mother's surname.",
    ),
    "ETHNIC-PARENTS": (
        "{field}: dân tộc của trẻ phải là dân tộc của cha hoặc mẹ.",
        "{field}: the child's ethnicity must be the father's or the mother's.",
    ),
}
MESSAGES.update({f"{severity}-{name}": words for name, words in FORBIDDEN.items()
                 for severity in ("E", "W")})
MESSAGES.update({
    "E-MARR-SAMESEX": (
        "{field}: hai bên kết hôn cùng giới tính: không đăng ký kết hôn mới được.",
        "{field}: both parties have the same sex: a new marriage cannot be registered.",
    ),
    "E-MARR-BIGAMY": (
        "{field}: đang có quan hệ hôn nhân chưa chấm dứt (đăng ký kết hôn số {numbers}, với "
        "{spouses}): không đăng ký kết hôn mới được.",
        "{field}: married on record, a marriage not ended (marriage no. {numbers}, to "
        "{spouses}): a new marriage cannot be registered.",
    ),
    "E-MARR-KIN": (
        "{field}: theo Giấy khai sinh số {births}, hai bên là họ hàng bị cấm kết hôn: "
        "{relations}.",
        "{field}: birth records no. {births} show kin within the prohibited degrees: "
        "{relations}.",
    ),
    "E-GUARDIAN-MINOR": (
        "{field}: người giám hộ mới {age} tuổi, chưa đủ {limit} tuổi.",
        "{field}: the guardian is {age}, under {limit}.",
    ),
    "W-GUARD-TERM-NOT-HELD": (
        "{field}: việc giám hộ không có trên máy: hãy kiểm tra việc giám hộ còn hiệu lực.",
        "{field}: the guardianship is not held here: check that it is still in force.",
    ),
    "E-NAME-CHANGE-CONSENT": (
        "{field}: thay đổi họ, tên của người từ đủ 9 tuổi trở lên ({age} tuổi) cần có sự "
        "đồng ý của người đó.",
        "{field}: changing the name of a person aged 9 or over ({age}) needs their consent.",
    ),
    "E-ETHNIC-CONSENT": (
        "{field}: xác định lại dân tộc của người từ đủ 15 đến dưới 18 tuổi ({age} tuổi) cần "
        "có sự đồng ý của người đó.",
        "{field}: re-determining the ethnicity of a person aged 15 to 17 ({age}) needs "
        "their consent.",
    ),
})

# Words a param stands for (a code as stored -> its words in a sentence).
PARAM_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "role": {"father": ("cha", "father"), "mother": ("mẹ", "mother")},
    "expected": {"male": ("Nam", "male"), "female": ("Nữ", "female")},
    # The procedure of the other record a message names ("khai sinh số 12").
    "procedure": {str(rt): (vi[:1].lower() + vi[1:], en.lower())
                  for rt, (vi, en) in RECORD_TYPE_LABELS.items()},
}

REASONS: dict[str, tuple[str, str]] = {
    "not_in_list": (
        "không thuộc danh mục các dân tộc Việt Nam",
        "not one of Viet Nam's ethnic groups",
    ),
    "not_a_parents": ("khác dân tộc của cả cha và mẹ", "differs from both parents' ethnicity"),
    "guardian_minor": ("người giám hộ chưa đủ 18 tuổi", "the guardian is under 18"),
    "ward_adult": (
        "người được giám hộ đã thành niên: cần quyết định của Tòa án",
        "the ward is an adult: a court decision is needed",
    ),
    "unknown_code": ("mã xã, phường không có", "no such commune code"),
    "not_converted": ("không chuyển đổi được", "could not be converted"),
}

FIELD_LABELS: dict[RecordType, dict[str, tuple[str, str]]] = {
    rt: {f.path: (f.label_vi, f.label_en) for f in iter_fields(rt, with_system=True)}
    for rt in RecordType
}
"""Every field path of every type -> (Vietnamese, English) label, composed from the parts."""

_PATH_PARAMS = ("event_field",)
# Counts, grouped the way the message's language writes them ("20.075 ngày" in Vietnamese):
# the issue's params stay plain ints; registration and record numbers stay as they are.
_COUNT_PARAMS = ("days", "limit", "age", "length")


def issue_params(rt: RecordType | str, issue: Issue, lang: str) -> dict[str, object]:
    """The issue's params ready for a template: field labels, lists joined, reasons worded."""
    params: dict[str, object] = {}
    for key, value in issue.params.items():
        if isinstance(value, list):
            params[key] = ", ".join(str(v) for v in value)
        elif key in _COUNT_PARAMS and isinstance(value, int) and not isinstance(value, bool):
            params[key] = Count(value)
        elif key in _PATH_PARAMS and isinstance(value, str):
            params[key] = _lower(field_label(rt, value, lang))
        elif key == "reason" and isinstance(value, str) and value in REASONS:
            params[key] = REASONS[value][0 if lang == "vi" else 1]
        elif isinstance(value, str) and value in PARAM_WORDS.get(key, {}):
            params[key] = PARAM_WORDS[key][value][0 if lang == "vi" else 1]
        else:
            params[key] = value
    params["field"] = field_label(rt, issue.field, lang)
    return params


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def issue_message(
    rt: RecordType | str,
    issue: Issue,
    *,
    lang: str | None = None,
    catalogue: Mapping[str, tuple[str, str]] = MESSAGES,
) -> str:
    """One line naming the field: "Chưa nhập Họ, chữ đệm, tên của người mẹ."."""
    language = lang or current_language()
    return render(issue.code, issue_params(rt, issue, language), catalogue=catalogue, lang=language)
