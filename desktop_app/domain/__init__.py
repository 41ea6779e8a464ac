"""Pure civil-status domain: record types, validation rules, workflow, numbering, text, places.

No database, no Qt, no I/O beyond package data. The names below are the public API.
"""

from desktop_app.domain.addresses import (
    Commune,
    LegacyConversion,
    Province,
    commune,
    commune_name,
    convert_legacy_address,
    province_of,
    search_communes,
)
from desktop_app.domain.context import (
    BirthCandidate,
    HeldRecord,
    MarriageCandidate,
    PartySummary,
    ValidationContext,
    same_person,
)
from desktop_app.domain.duplicates import mother_key, person_match_key
from desktop_app.domain.fields import FieldDef, FieldInfo, FieldKind, field_label, iter_fields
from desktop_app.domain.integrity import ensure_no_signer_conflict, signer_conflict
from desktop_app.domain.issues import Issue, Severity, override_key, warning_codes
from desktop_app.domain.messages import FIELD_LABELS, MESSAGES, issue_message
from desktop_app.domain.numbering import (
    NumberBlock,
    allocate_number,
    book_code,
    format_book_number,
    format_registration_number,
    parse_book_number,
)
from desktop_app.domain.record_types import BOOK_CODES, RecordType, record_type
from desktop_app.domain.rulesets import RULE_SETS, RuleSet, Thresholds, ruleset_for
from desktop_app.domain.schema import json_schema
from desktop_app.domain.text import fold_for_search, nfc, nfc_deep, upper_name
from desktop_app.domain.validation import prepare_record, validate
from desktop_app.domain.workflow import (
    Actor,
    Override,
    RecordFacts,
    Role,
    Status,
    allowed_transition,
    check_approve,
    check_reopen,
    check_sign,
    check_submit,
    check_transition,
    check_verify,
    ensure_editable,
    next_statuses,
    status_after_approval,
)

__all__ = [
    "BOOK_CODES",
    "FIELD_LABELS",
    "MESSAGES",
    "RULE_SETS",
    "Actor",
    "BirthCandidate",
    "HeldRecord",
    "Commune",
    "FieldDef",
    "FieldInfo",
    "FieldKind",
    "Issue",
    "LegacyConversion",
    "MarriageCandidate",
    "NumberBlock",
    "Override",
    "PartySummary",
    "Province",
    "RecordFacts",
    "RecordType",
    "Role",
    "RuleSet",
    "Severity",
    "Status",
    "Thresholds",
    "ValidationContext",
    "allocate_number",
    "allowed_transition",
    "book_code",
    "check_approve",
    "check_reopen",
    "check_sign",
    "check_submit",
    "check_transition",
    "check_verify",
    "commune",
    "commune_name",
    "convert_legacy_address",
    "ensure_editable",
    "ensure_no_signer_conflict",
    "field_label",
    "fold_for_search",
    "format_book_number",
    "format_registration_number",
    "issue_message",
    "iter_fields",
    "json_schema",
    "mother_key",
    "next_statuses",
    "nfc",
    "nfc_deep",
    "override_key",
    "parse_book_number",
    "person_match_key",
    "prepare_record",
    "province_of",
    "record_type",
    "ruleset_for",
    "same_person",
    "search_communes",
    "signer_conflict",
    "status_after_approval",
    "upper_name",
    "validate",
    "warning_codes",
]
