"""Newer desktop versions announced by the central server (its capabilities, pulled at sync).

The notice is only shown: installing is the officer's or IT support's step, and keeps the data
folder (the new version backs it up before migrating it on its first start).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from desktop_app import __version__
from desktop_app.session import Session
from desktop_app.store.unit_of_work import UnitOfWork

CAPABILITIES_KEY = "sync.capabilities"  # the last capabilities the server sent, as JSON


@dataclass(frozen=True)
class UpdateNotice:
    version: str
    url: str
    notes: str


def _newer(candidate: str, current: str) -> bool:
    try:
        return Version(candidate) > Version(current)
    except InvalidVersion:  # a garbled announcement is ignored, never shown
        return False


def update_from(uow: UnitOfWork, current: str = __version__
                ) -> UpdateNotice | None:
    try:
        caps = json.loads(uow.meta.get(CAPABILITIES_KEY) or "{}")
    except ValueError:
        return None
    release = caps.get("client_release") if isinstance(caps, dict) else None
    if not isinstance(release, dict) or not _newer(str(release.get("version", "")), current):
        return None
    return UpdateNotice(str(release["version"]), str(release.get("url") or ""),
                        str(release.get("notes") or ""))


def available_update(session: Session) -> UpdateNotice | None:
    """A version newer than this one, if the central server announced one."""
    with session.store.read() as uow:
        return update_from(uow)
