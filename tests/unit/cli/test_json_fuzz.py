"""Fuzzing what `record new` and `record edit` accept (issue 16 item 7): any text, any JSON,
any sample record with odd values put in, ends in a saved draft or a clear refusal
(HotichError: exit 1 with a message), never an unexpected error."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.accounts import Role
from desktop_app.clock import FixedClock
from desktop_app.errors import HotichError
from desktop_app.json_input import parse_json_object
from desktop_app.paths import DataPaths
from desktop_app.session import Session
from desktop_app.workflows import accounts, records
from tests.samples import BASE

TYPES = sorted(BASE)
PW = "fuzz-test-password"

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)


@pytest.fixture(scope="module")
def officer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    root = tmp_path_factory.mktemp("fuzz") / "data"
    clock = FixedClock(datetime(2026, 1, 15, 3, 0, tzinfo=UTC))
    paths = DataPaths(root)
    accounts.initialise(paths, commune_code="26740", admin="admin", password=PW, clock=clock)
    admin = accounts.login(paths, "admin", PW, clock)
    accounts.add_account(admin, username="canbo", role=Role.OFFICER, password=PW,
                         full_name="Lò Thị Cán")
    admin.close()
    session = accounts.login(paths, "canbo", PW, clock)
    yield session
    session.close()
    shutil.rmtree(root, ignore_errors=True)


def _paths(value: Any, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*prefix, i))
    return found


def _put(doc: Any, path: tuple[object, ...], value: object) -> Any:
    if not path:
        return value
    target = doc
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    return doc


def _submit(session: Session, rtype: str, text: str) -> None:
    try:
        data = parse_json_object(text)
        records.create_record(session, rtype, data)
    except HotichError:
        pass  # a refusal the CLI words in one line, exit 1


FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@FUZZ
@given(rtype=st.sampled_from(TYPES), text=st.text(max_size=200))
def test_any_text(officer: Session, rtype: str, text: str) -> None:
    _submit(officer, rtype, text)


@FUZZ
@given(rtype=st.sampled_from(TYPES), value=values)
def test_any_json(officer: Session, rtype: str, value: object) -> None:
    _submit(officer, rtype, json.dumps(value))


@FUZZ
@given(rtype=st.sampled_from(TYPES), data=st.data())
def test_a_sample_record_with_odd_values(officer: Session, rtype: str,
                                         data: st.DataObject) -> None:
    doc = copy.deepcopy(BASE[rtype])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(doc)[1:]))
        doc = _put(doc, path, data.draw(values))
    _submit(officer, rtype, json.dumps(doc))
