"""Push over real HTTPS: per-item results, idempotency, domain rules, capabilities."""

from __future__ import annotations

from support import push_item, record

from sync.client import SyncClient
from sync.protocol import ItemStatus
from sync.server.store import CentralStore


def test_accepted_then_already_had_with_the_same_central_id(client: SyncClient,
                                                             store: CentralStore) -> None:
    items = [push_item("birth"), push_item("death"), push_item("marriage")]
    first = client.push(items)
    assert [r.status for r in first] == [ItemStatus.ACCEPTED] * 3
    assert all(r.central_id for r in first)
    again = client.push(items)
    assert [r.status for r in again] == [ItemStatus.ALREADY_HAD] * 3
    assert [r.central_id for r in again] == [r.central_id for r in first]
    assert sum(int(s["records"]) for s in store.intake.stats()) == 3


def test_birth_gets_a_personal_id_consistent_with_the_rules(client: SyncClient) -> None:
    boy, girl = push_item("birth"), push_item("birth", data=record(
        "birth", child={**record("birth")["child"], "sex": "female",
                        "date_of_birth": "2026-01-11"}))
    results = client.push([boy, girl])
    ids = [r.personal_id for r in results]
    assert all(i is not None and len(i) == 12 and i.isdigit() for i in ids)
    assert ids[0][:6] == "001226" and ids[1][:6] == "001326"  # Hà Nội, 2000s male/female, 26
    assert ids[0] != ids[1]
    death = client.push([push_item("death")])[0]
    assert death.personal_id is None


def test_domain_errors_reject_with_a_vietnamese_message_warnings_accept(
        client: SyncClient) -> None:
    future = record("birth", child={**record("birth")["child"], "date_of_birth": "2099-01-01"})
    young_mother = record("birth", mother={"full_name": "Trần Thị Bình",
                                           "date_of_birth": "2013-03-01", "ethnicity": "Kinh"})
    bad, warned = client.push([push_item("birth", data=future),
                               push_item("birth", data=young_mother)])
    assert bad.status is ItemStatus.REJECTED and bad.code and bad.code.startswith("E-")
    assert bad.message and bad.issues
    assert warned.status is ItemStatus.ACCEPTED
    assert "W-MOTHER-AGE-LOW" in {w["rule"] for w in warned.warnings}


def test_a_rejected_record_is_sent_again_as_a_new_version(client: SyncClient) -> None:
    broken = record("marriage", both_present=False)
    first = push_item("marriage", data=broken)
    assert client.push([first])[0].status is ItemStatus.REJECTED
    assert client.push([first])[0].status is ItemStatus.REJECTED  # stored outcome, replayed
    fixed = push_item("marriage", record_id=first.record_id, version=2)
    result = client.push([fixed])[0]
    assert result.status is ItemStatus.ACCEPTED


def test_conflicting_content_under_one_key_or_version_is_refused(client: SyncClient) -> None:
    item = push_item("death")
    assert client.push([item])[0].status is ItemStatus.ACCEPTED
    other = record("death", cause_of_death="khác")
    same_key = push_item("death", record_id=item.record_id, data=other, key=item.idempotency_key)
    assert client.push([same_key])[0].code == "E-SYNC-IDEMPOTENCY-CONFLICT"
    new_key = push_item("death", record_id=item.record_id, data=other, key="another-key")
    assert client.push([new_key])[0].code == "E-SYNC-VERSION-CONFLICT"
    same_content = push_item("death", record_id=item.record_id, data=dict(item.data),
                             key="third-key")
    assert client.push([same_content])[0].status is ItemStatus.ALREADY_HAD


def test_unsupported_procedure_is_deferred_until_supported(client: SyncClient,
                                                           store: CentralStore) -> None:
    store.settings.set_procedures(["death", "marriage"])
    item = push_item("birth")
    deferred = client.push([item])[0]
    assert deferred.status is ItemStatus.DEFERRED
    assert deferred.code == "E-SYNC-UNSUPPORTED-PROCEDURE" and not deferred.is_final
    # worded as the forms name the procedure: the sync page shows the message as it comes
    assert deferred.message is not None and "Khai sinh" in deferred.message
    assert deferred.message_en is not None and "Birth" in deferred.message_en
    assert "birth" not in deferred.message and "'birth'" not in deferred.message_en
    assert "birth" not in client.capabilities().procedures
    store.settings.set_procedures(["birth", "death", "marriage"])
    assert client.push([item])[0].status is ItemStatus.ACCEPTED


def test_record_of_another_office_is_rejected(client: SyncClient) -> None:
    item = push_item("death", data=record("death", office="26740"))
    result = client.push([item])[0]
    assert result.status is ItemStatus.REJECTED and result.code == "E-SYNC-OFFICE-MISMATCH"


def test_batches_adapt_and_progress_is_reported(client: SyncClient) -> None:
    seen = []
    items = [push_item("death") for _ in range(45)]
    results = client.push(items, progress=seen.append)
    assert len(results) == 45 and all(r.is_synced for r in results)
    assert seen[-1].done == 45 and seen[-1].total == 45 and len(seen) < 45
    assert client.batch_size > 20  # grew after successes
