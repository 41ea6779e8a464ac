"""What an approved act does to the record it concerns (issue 15, domain.md "Relations
between records"): a recognition supplements the child's birth record with the parent, a
change, correction, supplement or ethnicity re-determination writes its `to` values into
the original. Both in the approving unit of work.

The original is never edited in place: its data as it was is kept as a version
(uow.records.keep_version), the record takes the next version number and, if it has outbox
items, goes out again as that version (an item still waiting sends its own version's
data). Its status does not change (only change_status writes a status); its notes come from
the linked acts (domain.notes), so the next extract prints the new values and the note of
the act with its number and date.
"""

from __future__ import annotations

import copy
from datetime import datetime

from desktop_app.domain import RecordType
from desktop_app.domain.access import get_obj
from desktop_app.domain.rules_change import target_path
from desktop_app.domain.rules_recognition import parent_role
from desktop_app.domain.types import JSONObject, JSONValue
from desktop_app.domain.workflow import REGISTERED_STATUSES
from desktop_app.record import RecordEvent, StoredRecord
from desktop_app.store import outbox_repo
from desktop_app.store.unit_of_work import UnitOfWork
from desktop_app.workflows import record_index


def _reference_of(record_type: str, data: JSONObject) -> tuple[object, str] | None:
    if record_type == RecordType.RECOGNITION:
        return data.get("child"), "birth_record"
    if record_type in (RecordType.CHANGE, RecordType.GUARDIANSHIP):
        return data, "original_record"
    return None


def link_target(uow: UnitOfWork, record_type: str, data: JSONObject) -> str | None:
    """The id of the record held here that an act points at (its ``links_to``)."""
    reference = _reference_of(record_type, data)
    found = record_index.find_target(uow, *reference) if reference else None
    return found.id if found is not None else None


def apply_approved(uow: UnitOfWork, act: StoredRecord, *, at: datetime, by: str
                   ) -> StoredRecord | None:
    """Apply an approved act to the registered record it points at, held here; returns the
    original's new version (None when there is nothing to apply)."""
    if act.type == RecordType.RECOGNITION:
        target = record_index.find_target(uow, act.data.get("child"), "birth_record")
        new_data = _recognised(target, act) if target is not None else None
    elif act.type == RecordType.CHANGE:
        target = record_index.find_target(uow, act.data, "original_record")
        new_data = _changed(uow, target, act) if target is not None else None
    else:
        return None
    if target is None or new_data is None or new_data == target.data:
        return None
    if target.status not in REGISTERED_STATUSES:
        return None  # a draft is edited, not versioned; E-* rules keep acts off drafts
    return _new_version(uow, target, new_data, act, at=at, by=by)


def _recognised(birth: StoredRecord, act: StoredRecord) -> JSONObject | None:
    role = parent_role(act.data)
    parent = get_obj(act.data, "parent")
    if birth.type != RecordType.BIRTH or role is None or parent is None:
        return None
    data = copy.deepcopy(birth.data)
    data[role] = copy.deepcopy(parent)
    return data


def _changed(uow: UnitOfWork, original: StoredRecord, act: StoredRecord) -> JSONObject | None:
    changes = act.data.get("changes")
    if not isinstance(changes, list):
        return None
    held = record_index.held_record(uow, original)
    subject = get_obj(act.data, "subject")
    data = copy.deepcopy(original.data)
    for item in changes:
        field = item.get("field") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(field, str) or "to" not in item:
            continue
        path = target_path(held, field, subject)
        if path is not None:
            _put(data, path, copy.deepcopy(item["to"]))
    return data


def _put(data: JSONObject, path: str, value: JSONValue) -> None:
    """Set a dotted path, making the objects on the way ("father.ethnicity" on a birth that
    had no father). A path through a list is left alone (never guessed)."""
    node: JSONObject = data
    *parents, last = path.split(".")
    for part in parents:
        if "[" in part:
            return
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    if "[" not in last:
        node[last] = value


def _new_version(uow: UnitOfWork, original: StoredRecord, data: JSONObject,
                 act: StoredRecord, *, at: datetime, by: str) -> StoredRecord:
    uow.records.keep_version(original, at=at, by=by, cause=act.id)
    items = uow.outbox.for_record(original.id)
    version = max([original.version, *(i.version for i in items)]) + 1
    if items:
        # It left, or is about to: the new version goes out as its own item. A waiting item
        # of the earlier version still sends that version's data (kept above), so a retry
        # never carries other data under its idempotency key.
        install_id = uow.meta.get("install_id") or ""
        uow.outbox.enqueue(original.id, version,
                           outbox_repo.idempotency_key(install_id, original.id, version), at)
    updated = original.with_changes(data=data, version=version, updated_at=at)
    uow.records.update(updated)
    action = "supplement" if act.type == RecordType.RECOGNITION else "amend"
    uow.records.add_event(RecordEvent(original.id, at, by, action, original.status,
                                      original.status, act.registration_number or ""))
    uow.audit.append(at=at, actor=by, action=f"record.{action}", target=original.id,
                     details={"by_record": act.id, "type": act.type,
                              "version": version})
    return updated
