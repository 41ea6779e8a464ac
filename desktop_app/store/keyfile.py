"""The key file: the database's data key wrapped once per account and once for recovery.

A random 256-bit data key encrypts the SQLCipher database. It is never stored in the clear:
each account has a *slot* holding the data key encrypted (AES-256-GCM) under a key derived
from the account's password with scrypt (memory-hard), and one more slot is opened by the
recovery code printed at ``init``. Changing a password rewrites one slot, never the database.

Slots are keyed by a salted hash of the user name so the file names nobody. Failed-login
counters live here too: they must be writable before the data key is known.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.errors import BackupInvalidError, NotInitialisedError, StoreDamagedError
from desktop_app.fileio import write_atomic

FORMAT = 1
DATA_KEY_BYTES = 32
# scrypt N=2^17, r=8 uses 128 MiB and ~0.4 s on the reference 2-core machine (bench/).
DEFAULT_SCRYPT_LOG2_N = 17
# Lower costs exist only for test suites; never below 16 MiB.
MIN_SCRYPT_LOG2_N = 14
MAX_SCRYPT_LOG2_N = 20

# The cost of new slots in this process. Nothing outside the process (no environment
# variable, no setting) reaches it: only code the process runs, i.e. a test suite
# (tests/support), may lower it with set_kdf_log2_n.
_new_slot_log2_n = DEFAULT_SCRYPT_LOG2_N


def kdf_log2_n() -> int:
    """The scrypt cost for *new* slots: the production cost unless this process chose another."""
    return _new_slot_log2_n


def set_kdf_log2_n(log2_n: int) -> None:
    """Choose the scrypt cost of slots made from now on in this process (test suites)."""
    global _new_slot_log2_n
    if not MIN_SCRYPT_LOG2_N <= log2_n <= MAX_SCRYPT_LOG2_N:
        raise ValueError(f"scrypt log2(N) must be {MIN_SCRYPT_LOG2_N}..{MAX_SCRYPT_LOG2_N}")
    _new_slot_log2_n = log2_n


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    log2_n: int = DEFAULT_SCRYPT_LOG2_N
    r: int = 8
    p: int = 1

    def derive(self, secret: str) -> bytes:
        kdf = Scrypt(salt=self.salt, length=32, n=2**self.log2_n, r=self.r, p=self.p)
        return kdf.derive(secret.encode("utf-8"))

    def to_json(self) -> dict[str, object]:
        return {"name": "scrypt", "salt": _b64(self.salt), "log2_n": self.log2_n,
                "r": self.r, "p": self.p}

    @classmethod
    def from_json(cls, obj: dict[str, object]) -> KdfParams:
        if obj.get("name") != "scrypt":
            raise StoreDamagedError(detail="unknown KDF")
        return cls(salt=_unb64(str(obj["salt"])), log2_n=int(str(obj["log2_n"])),
                   r=int(str(obj["r"])), p=int(str(obj["p"])))

    @classmethod
    def fresh(cls, log2_n: int | None = None) -> KdfParams:
        return cls(salt=secrets.token_bytes(16),
                   log2_n=kdf_log2_n() if log2_n is None else log2_n)


@dataclass
class Slot:
    """One wrapping of the data key, plus the lockout state of its account."""

    kdf: KdfParams
    nonce: bytes
    wrapped: bytes
    failed_attempts: int = 0
    locked_until: datetime | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": self.kdf.to_json(),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "failed_attempts": self.failed_attempts,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }

    @classmethod
    def from_json(cls, obj: dict[str, object]) -> Slot:
        locked = obj.get("locked_until")
        return cls(
            kdf=KdfParams.from_json(obj["kdf"]),  # type: ignore[arg-type]
            nonce=_unb64(str(obj["nonce"])),
            wrapped=_unb64(str(obj["wrapped"])),
            failed_attempts=int(str(obj.get("failed_attempts", 0))),
            locked_until=datetime.fromisoformat(str(locked)) if locked else None,
        )


def wrap(data_key: bytes, secret: str, aad: bytes, kdf: KdfParams | None = None) -> Slot:
    kdf = kdf or KdfParams.fresh()
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(kdf.derive(secret)).encrypt(nonce, data_key, aad)
    return Slot(kdf=kdf, nonce=nonce, wrapped=wrapped)


def unwrap(slot: Slot, secret: str, aad: bytes) -> bytes | None:
    """The data key, or None when the secret is wrong."""
    try:
        return AESGCM(slot.kdf.derive(secret)).decrypt(slot.nonce, slot.wrapped, aad)
    except InvalidTag:
        return None


def new_recovery_code() -> str:
    """25 characters of Crockford-like base32 in five groups: ~125 bits, easy to type."""
    alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U
    chars = [secrets.choice(alphabet) for _ in range(25)]
    return "-".join("".join(chars[i : i + 5]) for i in range(0, 25, 5))


def normalise_recovery_code(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(compact[i : i + 5] for i in range(0, len(compact), 5))


@dataclass
class KeyFile:
    install_id: str
    name_salt: bytes
    slots: dict[str, Slot]
    recovery: Slot | None

    # -- identity of slots -------------------------------------------------------------
    def slot_id(self, username: str) -> str:
        digest = hashlib.sha256(self.name_salt + username.encode("utf-8")).hexdigest()
        return digest[:32]

    def aad(self, slot_id: str) -> bytes:
        return f"hotich/{self.install_id}/{slot_id}".encode()

    def slot_for(self, username: str) -> Slot | None:
        return self.slots.get(self.slot_id(username))

    # -- changes ----------------------------------------------------------------------
    def set_password(self, username: str, password: str, data_key: bytes) -> None:
        slot_id = self.slot_id(username)
        self.slots[slot_id] = wrap(data_key, password, self.aad(slot_id))

    def remove(self, username: str) -> None:
        self.slots.pop(self.slot_id(username), None)

    def set_recovery(self, code: str, data_key: bytes) -> None:
        self.recovery = wrap(data_key, normalise_recovery_code(code), self.aad("recovery"))

    def open_with_recovery(self, code: str) -> bytes | None:
        if self.recovery is None:
            return None
        return unwrap(self.recovery, normalise_recovery_code(code), self.aad("recovery"))

    def open_with_password(self, username: str, password: str) -> bytes | None:
        slot = self.slot_for(username)
        if slot is None:
            return None
        return unwrap(slot, password, self.aad(self.slot_id(username)))

    # -- serialisation ----------------------------------------------------------------
    @classmethod
    def create(cls) -> KeyFile:
        return cls(install_id=secrets.token_hex(16), name_salt=secrets.token_bytes(16),
                   slots={}, recovery=None)

    def to_bytes(self) -> bytes:
        obj = {
            "format": FORMAT,
            "install_id": self.install_id,
            "name_salt": _b64(self.name_salt),
            "slots": {k: v.to_json() for k, v in sorted(self.slots.items())},
            "recovery": self.recovery.to_json() if self.recovery else None,
        }
        return json.dumps(obj, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        try:
            obj = json.loads(data.decode("utf-8"))
            if obj.get("format") != FORMAT:
                raise ValueError("format")
            return cls(
                install_id=str(obj["install_id"]),
                name_salt=_unb64(obj["name_salt"]),
                slots={k: Slot.from_json(v) for k, v in obj["slots"].items()},
                recovery=Slot.from_json(obj["recovery"]) if obj.get("recovery") else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupInvalidError(problem="key file unreadable") from exc

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise NotInitialisedError() from exc
        try:
            return cls.from_bytes(data)
        except BackupInvalidError as exc:
            raise StoreDamagedError(detail="keys.json") from exc

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)
