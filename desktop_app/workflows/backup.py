"""Encrypted backup to one file (a USB stick) and verified restore.

File layout: MAGIC, 4-byte header length, header JSON, then the database snapshot, which is
already SQLCipher-encrypted with the data key. The header carries the key file (data key
wrapped per account and for the recovery code: no plaintext) and an HMAC, keyed from the data
key, over the header and the snapshot's digest, so any change to the file is refused.

Restore checks everything (HMAC, digest, page HMACs, integrity, audit chain) on a staged copy
before it moves the current data aside; a failed restore leaves the current data untouched.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import shutil
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app import __version__, diskspace
from desktop_app.accounts import Permission, normalise_username, require
from desktop_app.clock import Clock
from desktop_app.errors import (
    AuditChainBrokenError,
    BackupInvalidError,
    DiskFullError,
    StoreDamagedError,
    WrongPasswordError,
)
from desktop_app.fileio import (
    atomic_writer,
    forget_part,
    fsync_dir,
    make_staging_dir,
    new_folder,
    note_part,
    remove_abandoned_parts,
    remove_stale_staging,
)
from desktop_app.paths import BACKUP_PARTS, BACKUP_STAGING, RESTORE_STAGING, DataPaths
from desktop_app.session import Session
from desktop_app.store.database import DatabaseError, latest_version
from desktop_app.store.keyfile import KeyFile
from desktop_app.store.unit_of_work import Store, UnitOfWork
from desktop_app.workflows.accounts import data_key_from_recovery, open_session
from desktop_app.workflows.audit_anchor import ANCHOR_KEY

log = logging.getLogger(__name__)

MAGIC = b"HOTICH-BACKUP\x00v1\n"
CHUNK = 1 << 20
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    schema_version: int
    audit_entries: int
    # the audit chain's head the backup holds ("seq:hash"), printed so that it can be kept
    # apart from the device (issue 16 item 12)
    audit_head: str = ""
    # on restore: the restored chain against the last head the centre acknowledged (kept in
    # the backup and in the data it replaces): ok, behind (older than it), rewritten, none
    anchor_check: str = "none"


def _mac(data_key: bytes, header_core: bytes) -> str:
    mac_key = hashlib.sha256(b"hotich-backup-mac" + data_key).digest()
    return hmac.new(mac_key, header_core, hashlib.sha256).hexdigest()


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _store_size(paths: DataPaths) -> int:
    """The database with its write-ahead log: at most what a snapshot of it takes."""
    wal = paths.database.with_name(paths.database.name + "-wal")
    return sum(p.stat().st_size for p in (paths.database, wal, paths.keyfile) if p.exists())


def create_backup(session: Session, out: Path, *, progress: Progress | None = None) -> BackupInfo:
    require(session.account, Permission.BACKUP)
    out = Path(out)
    if out.is_dir():
        out = out / f"hotich-{session.clock.now():%Y%m%d-%H%M%S}.htbak"
    keyfile = KeyFile.load(session.paths.keyfile)
    # What a killed backup left on this drive (its temporary file, or its staging folder
    # when the data disk was full) goes first: it may be what fills the drive.
    if remove_abandoned_parts(out.parent) + remove_stale_staging(out.parent, (BACKUP_STAGING,)):
        log.info("removed what an interrupted backup left where this one goes")
    # Checked before copying anything: the backup must fit where it goes; the snapshot is
    # staged on the data disk, or next to the backup when the data disk is full (a backup
    # to another disk is how a full disk is dealt with).
    needed = _store_size(session.paths)
    diskspace.ensure_room(out.parent, needed)
    staging_parent = session.paths.root
    if diskspace.free_bytes(staging_parent) < needed + diskspace.RESERVE:
        diskspace.ensure_room(out.parent, 2 * needed)
        staging_parent = out.parent
    tmp = make_staging_dir(staging_parent, BACKUP_STAGING)
    try:
        snapshot = tmp / "snapshot.db"
        copy = session.store.snapshot(snapshot)
        try:
            version = copy.schema_version()
            with copy.read() as uow:
                entries = uow.audit.verify()
                last = uow.audit.last()
                head = f"{last.seq}:{last.hash}" if last else ""
                anchor = uow.meta.get(ANCHOR_KEY) or ""
        finally:
            copy.close()
        size = snapshot.stat().st_size
        core = {
            "format": 1,
            "created_at": session.clock.now().isoformat(),
            "app_version": __version__,
            "schema_version": version,
            "audit_entries": entries,
            "audit_head": head,
            "audit_anchor": anchor,
            "db_size": size,
            "db_sha256": _sha256_file(snapshot),
            "keyfile": json.loads(keyfile.to_bytes()),
        }
        core_bytes = json.dumps(core, sort_keys=True, separators=(",", ":")).encode()
        header = json.dumps({"core": core, "mac": _mac(session.store.data_key, core_bytes)},
                            sort_keys=True, separators=(",", ":")).encode()
        register = session.paths.root / BACKUP_PARTS
        written: list[Path] = []

        def started(part: Path) -> None:
            if note_part(register, part):
                written.append(part)

        try:
            with atomic_writer(out, owned=True, started=started) as handle, \
                    snapshot.open("rb") as source:
                handle.write(MAGIC + struct.pack(">I", len(header)) + header)
                done = 0
                while block := source.read(CHUNK):
                    handle.write(block)
                    done += len(block)
                    if progress:
                        progress("backup", done, size)
        finally:
            for part in written:
                forget_part(register, part)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    try:
        with session.store.write() as uow:
            uow.audit.append(at=session.clock.now(), actor=session.account.username,
                             action="store.backup", target=out.name,
                             details={"schema_version": version, "size": size})
    except DiskFullError:  # the backup is written and sound; only its log line is missing
        log.warning("backup written but not recorded in the audit log: data disk full")
    log.info("backup written (%d bytes, schema %d)", size, version)
    return BackupInfo(out, out.stat().st_size, version, entries, audit_head=head)


@dataclass(frozen=True)
class _Header:
    core: dict[str, object]
    core_bytes: bytes
    mac: str
    offset: int


def _read_header(path: Path) -> _Header:
    try:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise BackupInvalidError(problem="not a Hộ Tịch backup")
            (length,) = struct.unpack(">I", handle.read(4))
            if length > 10_000_000:
                raise BackupInvalidError(problem="header too large")
            obj = json.loads(handle.read(length))
        core = obj["core"]
        core_bytes = json.dumps(core, sort_keys=True, separators=(",", ":")).encode()
        return _Header(core, core_bytes, str(obj["mac"]), len(MAGIC) + 4 + length)
    except FileNotFoundError as exc:
        raise BackupInvalidError(problem="file not found") from exc
    except (OSError, ValueError, KeyError, TypeError, struct.error) as exc:
        raise BackupInvalidError(problem="damaged header") from exc


def restore_backup(
    paths: DataPaths,
    source: Path,
    clock: Clock,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_code: str | None = None,
    progress: Progress | None = None,
) -> BackupInfo:
    """Verify ``source`` completely, then make it the current data (the old data is kept)."""
    header = _read_header(Path(source))
    keyfile = KeyFile.from_bytes(json.dumps(header.core["keyfile"]).encode())
    if recovery_code is not None:
        data_key = data_key_from_recovery(keyfile, recovery_code)
        actor = "recovery-code"
    else:
        if not username or password is None:
            raise WrongPasswordError()
        actor = normalise_username(username)
        opened = keyfile.open_with_password(actor, password)
        if opened is None:
            raise WrongPasswordError()
        data_key = opened
    if not hmac.compare_digest(_mac(data_key, header.core_bytes), header.mac):
        raise BackupInvalidError(problem="the file was altered")

    paths.root.mkdir(parents=True, exist_ok=True)
    # The restored copy sits next to the current data until it is swapped in.
    size = header.core.get("db_size")
    diskspace.ensure_room(paths.root, 2 * size if isinstance(size, int) else 0)
    staging = make_staging_dir(paths.root, RESTORE_STAGING)
    try:
        staged = DataPaths(staging)
        staged.ensure()
        _copy_payload(Path(source), header, staged.database, progress)
        keyfile.save(staged.keyfile)
        entries = _verify_staged(staged, data_key)
        anchors = [str(header.core.get("audit_anchor") or ""), _current_anchor(paths, data_key)]
        # The restoring account must exist in the backup and may restore.
        if recovery_code is None:
            session = open_session(staged, data_key, actor, clock, progress=progress)
            try:
                require(session.account, Permission.RESTORE)
            finally:
                session.close()
        store = Store(staged.database, data_key)
        try:
            store.migrate(staged.backups)
            with store.write() as uow:
                check = _anchor_check(uow, [a for a in anchors if a])
                if check in ("behind", "rewritten"):
                    log.warning("restored audit chain does not hold the anchored head: %s",
                                check)
                uow.audit.append(at=clock.now(), actor=actor, action="store.restore",
                                 target=Path(source).name,
                                 details={"schema_version": header.core.get("schema_version"),
                                          "audit_head": header.core.get("audit_head", ""),
                                          "anchor_check": check})
            store.checkpoint()
            version = store.schema_version()
        finally:
            store.close()
        _swap_in(paths, staged, clock)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("backup restored (schema %d)", version)
    return BackupInfo(Path(source), Path(source).stat().st_size, version, entries + 1,
                      audit_head=str(header.core.get("audit_head") or ""), anchor_check=check)


def _current_anchor(paths: DataPaths, data_key: bytes) -> str:
    """The head the centre last acknowledged to the data being replaced, when it is this
    install's (the same data key opens it); "" otherwise."""
    if not paths.database.exists():
        return ""
    store = Store(paths.database, data_key)
    try:
        with store.read() as uow:
            return uow.meta.get(ANCHOR_KEY) or ""
    except (StoreDamagedError, DatabaseError):
        return ""
    finally:
        store.close()


def _anchor_check(uow: UnitOfWork, anchors: list[str]) -> str:
    """The restored chain against the heads the centre acknowledged: each must be in it,
    unchanged. "behind": the backup is older than one (the entries after it are not in it);
    "rewritten": an entry differs."""
    if not anchors:
        return "none"
    result = "ok"
    for value in anchors:
        seq, _, digest = value.partition(":")
        if not seq.isdigit():
            continue
        entry = uow.audit.at(int(seq))
        if entry is None:
            result = "behind"
        elif entry.hash != digest:
            return "rewritten"
    return result


def _copy_payload(source: Path, header: _Header, dest: Path, progress: Progress | None) -> None:
    expected_size = int(str(header.core["db_size"]))
    digest = hashlib.sha256()
    done = 0
    with source.open("rb") as handle, dest.open("wb") as out:
        handle.seek(header.offset)
        while block := handle.read(CHUNK):
            out.write(block)
            digest.update(block)
            done += len(block)
            if progress:
                progress("restore", done, expected_size)
        out.flush()
        os.fsync(out.fileno())
    if done != expected_size or digest.hexdigest() != header.core["db_sha256"]:
        raise BackupInvalidError(problem="the data part is incomplete or altered")


def _verify_staged(staged: DataPaths, data_key: bytes) -> int:
    store = Store(staged.database, data_key)
    try:
        try:
            version = store.schema_version()
        except StoreDamagedError as exc:
            raise BackupInvalidError(problem="the database cannot be opened") from exc
        if version > latest_version():
            raise BackupInvalidError(problem="made by a newer version of the program")
        with store.read() as uow:
            if uow.audit.integrity_problems():
                raise BackupInvalidError(problem="database integrity check failed")
            return uow.audit.verify()
    except AuditChainBrokenError as exc:
        raise BackupInvalidError(problem=f"audit log broken at entry {exc.params['seq']}") \
            from exc
    except StoreDamagedError as exc:
        raise BackupInvalidError(problem="database damaged") from exc
    finally:
        store.close()


def _swap_in(paths: DataPaths, staged: DataPaths, clock: Clock) -> None:
    """Move the current data aside (kept in backups/) and the verified copy into place."""
    paths.ensure()
    current = [p for p in (paths.database, Path(f"{paths.database}-wal"),
                           Path(f"{paths.database}-shm"), paths.keyfile) if p.exists()]
    if current:
        keep = new_folder(paths.backups, f"pre-restore-{clock.now():%Y%m%dT%H%M%S%f}")
        for item in current:
            os.replace(item, keep / item.name)
    os.replace(staged.database, paths.database)
    os.replace(staged.keyfile, paths.keyfile)
    fsync_dir(paths.root)


