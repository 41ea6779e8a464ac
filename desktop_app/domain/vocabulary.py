"""Labels of stored codes: one vocabulary for the screens and the extracts.

A record stores codes ("female", "cccd", "VN", "correction"); people read labels. The
screens (Vietnamese or English) and the extracts (Vietnamese, the official form wording:
shared/domain.md, reference/forms-research.md) take them from here, so a value reads the
same on the screen and on the signed paper. Codes are only unique within one vocabulary
("other" is "Khác" as a relationship, "Giấy tờ" as an identity document): look labels up by
vocabulary, or by the field that holds the value (:func:`vocabulary_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.record_types import RECORD_TYPE_LABELS, RecordType


@dataclass(frozen=True)
class Term:
    vi: str
    en: str

    def pick(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Vocabulary(StrEnum):
    SEX = "sex"
    NATIONALITY = "nationality"  # also the country of an address
    RELATIONSHIP = "relationship"  # of the declarant to the person registered
    ID_DOCUMENT = "id_document"  # kind of an identity document
    DOCUMENT = "document"  # kind of a supporting document (birth evidence, basis, ...)
    REGISTRATION_KIND = "registration_kind"
    RECOGNITION_KIND = "recognition_kind"
    CHANGE_KIND = "change_kind"
    GUARDIANSHIP_KIND = "guardianship_kind"
    TERMINATION_REASON = "termination_reason"
    GUARDIAN_RELATIONSHIP = "guardian_relationship"  # of a guardian to the ward
    SOURCE_PHASE = "source_phase"  # digitisation phase of an old book
    RECORD_TYPE = "record_type"


def _terms(**pairs: tuple[str, str]) -> dict[str, Term]:
    return {code: Term(vi, en) for code, (vi, en) in pairs.items()}


TERMS: dict[Vocabulary, dict[str, Term]] = {
    Vocabulary.SEX: _terms(male=("Nam", "Male"), female=("Nữ", "Female")),
    Vocabulary.NATIONALITY: _terms(
        VN=("Việt Nam", "Viet Nam"),
        LA=("Lào", "Laos"),
        KH=("Campuchia", "Cambodia"),
        CN=("Trung Quốc", "China"),
        TW=("Đài Loan (Trung Quốc)", "Taiwan (China)"),
        KR=("Hàn Quốc", "Korea"),
        JP=("Nhật Bản", "Japan"),
        US=("Hoa Kỳ", "United States"),
        FR=("Pháp", "France"),
        DE=("Đức", "Germany"),
        GB=("Vương quốc Anh", "United Kingdom"),
        AU=("Ô-xtrây-li-a", "Australia"),
        CA=("Ca-na-đa", "Canada"),
        RU=("Liên bang Nga", "Russia"),
        TH=("Thái Lan", "Thailand"),
        SG=("Xin-ga-po", "Singapore"),
        MY=("Ma-lai-xi-a", "Malaysia"),
        PH=("Phi-líp-pin", "Philippines"),
        ID=("In-đô-nê-xi-a", "Indonesia"),
    ),
    Vocabulary.RELATIONSHIP: _terms(
        self=("Bản thân", "Self"),
        mother=("Mẹ", "Mother"),
        father=("Cha", "Father"),
        spouse=("Vợ/chồng", "Spouse"),
        child=("Con", "Child"),
        grandparent=("Ông/bà", "Grandparent"),
        grandchild=("Cháu", "Grandchild"),
        sibling=("Anh, chị, em", "Sibling"),
        relative=("Người thân thích khác", "Other relative"),
        carer=("Người đang nuôi dưỡng", "Carer"),
        representative=("Đại diện cơ quan, tổ chức", "Representative of a body"),
        other=("Khác", "Other"),
    ),
    # The extract prints "Giấy tờ tùy thân: Thẻ căn cước công dân số …" (forms-research §4c).
    Vocabulary.ID_DOCUMENT: _terms(
        can_cuoc=("Thẻ căn cước", "Identity card"),
        cccd=("Thẻ căn cước công dân", "Citizen identity card"),
        cmnd=("Chứng minh nhân dân", "People's identity card"),
        passport=("Hộ chiếu", "Passport"),
        other=("Giấy tờ", "Other document"),
    ),
    # Birth evidence in the words of L60 Art 16.1; the rest as the extracts print them.
    Vocabulary.DOCUMENT: _terms(
        birth_certificate=("Giấy chứng sinh", "Birth certificate"),
        witness=("Văn bản xác nhận của người làm chứng", "Witness statement"),
        pledge=("Giấy cam đoan", "Written pledge"),
        abandonment_report=("Biên bản xác nhận việc trẻ bị bỏ rơi", "Abandonment report"),
        surrogacy=("Văn bản chứng minh việc mang thai hộ", "Surrogacy document"),
        death_notice=("Giấy báo tử", "Death notice"),
        dna=("Kết quả giám định ADN", "DNA test result"),
        court_decision=("Quyết định của Tòa án", "Court decision"),
        appointment=("Văn bản cử người giám hộ", "Appointment of the guardian"),
        agreement=("Văn bản thỏa thuận", "Agreement"),
    ),
    Vocabulary.REGISTRATION_KIND: _terms(
        on_time=("Đúng hạn", "On time"),
        late=("Đăng ký muộn", "Late registration"),
        re_registration=("Đăng ký lại", "Re-registration"),
        parents_unknown=("Chưa xác định được cha, mẹ", "Parents unknown"),
        abandoned=("Trẻ bị bỏ rơi", "Abandoned child"),
        recorded_from_abroad=(
            "Ghi vào sổ việc đã đăng ký ở nước ngoài",
            "Recorded from abroad",
        ),
        first=("Đăng ký kết hôn", "First registration"),
    ),
    Vocabulary.RECOGNITION_KIND: _terms(
        father_recognises_child=("Cha nhận con", "Father recognises child"),
        mother_recognises_child=("Mẹ nhận con", "Mother recognises child"),
        child_recognises_father=("Con nhận cha", "Child recognises father"),
        child_recognises_mother=("Con nhận mẹ", "Child recognises mother"),
    ),
    # The check boxes of the change register (forms-research §7), "bổ sung thông tin hộ
    # tịch" as in the extract's official title.
    Vocabulary.CHANGE_KIND: _terms(
        change=("Thay đổi hộ tịch", "Change"),
        correction=("Cải chính hộ tịch", "Correction"),
        supplement=("Bổ sung thông tin hộ tịch", "Supplement"),
        ethnicity_redetermination=("Xác định lại dân tộc", "Ethnicity re-determination"),
    ),
    Vocabulary.GUARDIANSHIP_KIND: _terms(
        appointed=("Giám hộ cử", "Appointed"),
        statutory=("Giám hộ đương nhiên", "Statutory"),
        termination=("Chấm dứt giám hộ", "Termination"),
    ),
    # The grounds of BLDS Art 62 as the termination extract prints them.
    Vocabulary.TERMINATION_REASON: _terms(
        ward_full_capacity=(
            "Người được giám hộ đã có đủ năng lực hành vi dân sự",
            "Ward has full civil capacity",
        ),
        ward_died=("Người được giám hộ chết", "Ward died"),
        parents_resume=(
            "Cha, mẹ của người được giám hộ đã có đủ điều kiện thực hiện quyền, nghĩa vụ của mình",
            "Parents can exercise their rights and duties again",
        ),
        ward_adopted=("Người được giám hộ được nhận làm con nuôi", "Ward adopted"),
        other=("Lý do khác", "Other reason"),
    ),
    # BLDS Art 47.2: parents, or grandparents, may be guardians of the same ward together.
    Vocabulary.GUARDIAN_RELATIONSHIP: _terms(
        parent=("Cha, mẹ", "Parent"),
        grandparent=("Ông, bà", "Grandparent"),
        sibling=("Anh, chị, em", "Sibling"),
        relative=("Người thân thích khác", "Other relative"),
        other=("Khác", "Other"),
    ),
    Vocabulary.SOURCE_PHASE: {
        "1": Term("1: 2006-2015", "1: 2006-2015"),
        "2": Term("2: 1999-2006", "2: 1999-2006"),
        "3": Term("3: 1976-1999", "3: 1976-1999"),
        "4": Term("4: 1975 trở về trước", "4: 1975 and before"),
        "5": Term("5: từ 2016", "5: from 2016"),
    },
    Vocabulary.RECORD_TYPE: {
        str(rt): Term(*RECORD_TYPE_LABELS[rt]) for rt in RecordType
    },
}

_BY_LEAF: dict[str, Vocabulary] = {
    "sex": Vocabulary.SEX,
    "nationality": Vocabulary.NATIONALITY,
    "country": Vocabulary.NATIONALITY,
    "relationship": Vocabulary.RELATIONSHIP,
    "registration_kind": Vocabulary.REGISTRATION_KIND,
    "termination_reason": Vocabulary.TERMINATION_REASON,
    "guardian_relationship": Vocabulary.GUARDIAN_RELATIONSHIP,
    "phase": Vocabulary.SOURCE_PHASE,
    "type": Vocabulary.RECORD_TYPE,
}
_KIND_OF_TYPE: dict[str, Vocabulary] = {
    RecordType.RECOGNITION: Vocabulary.RECOGNITION_KIND,
    RecordType.CHANGE: Vocabulary.CHANGE_KIND,
    RecordType.GUARDIANSHIP: Vocabulary.GUARDIANSHIP_KIND,
}


def vocabulary_for(rtype: str, path: str) -> Vocabulary | None:
    """The vocabulary of the value at a field path of a record type, if it holds a code:
    ("birth", "mother.sex") -> SEX; ("change", "kind") -> CHANGE_KIND;
    ("birth", "declarant.id_document.kind") -> ID_DOCUMENT. List indexes are ignored."""
    parts = [p.split("[", 1)[0] for p in path.split(".") if p]
    if not parts:
        return None
    leaf = parts[-1]
    if leaf != "kind":
        return _BY_LEAF.get(leaf)
    if len(parts) == 1:
        return _KIND_OF_TYPE.get(rtype)
    return Vocabulary.ID_DOCUMENT if parts[-2] == "id_document" else Vocabulary.DOCUMENT


def label(vocabulary: Vocabulary, code: object, lang: str = "vi") -> str | None:
    """The label of a code, or None when the vocabulary does not know it."""
    term = TERMS[vocabulary].get(str(code))
    if term is None and vocabulary is Vocabulary.NATIONALITY:
        term = TERMS[vocabulary].get(str(code).upper())
    return term.pick(lang) if term is not None else None


def label_or_code(vocabulary: Vocabulary | None, code: object, lang: str = "vi") -> str:
    """The label of a code, else the code itself as stored (a free-text value)."""
    found = label(vocabulary, code, lang) if vocabulary is not None else None
    return found if found is not None else str(code)


def value_label(rtype: str, path: str, code: object, lang: str = "vi") -> str:
    """The label of the value stored at a field path, else the value as stored."""
    return label_or_code(vocabulary_for(rtype, path), code, lang)


def labels(vocabulary: Vocabulary, lang: str = "vi") -> dict[str, str]:
    """code -> label of a whole vocabulary, in its order (the extract layouts' tables)."""
    return {code: term.pick(lang) for code, term in TERMS[vocabulary].items()}
