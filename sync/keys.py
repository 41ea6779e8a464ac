"""Key material of devices and of the central server, and the sealed box used by bundles.

A party has an Ed25519 key (signs requests, bundles, answers) and an X25519 key (receives
sealed bundles/answers). Keys travel as base64url of their raw 32 bytes.

Sealed box: an ephemeral X25519 key agrees a secret with the recipient's X25519 key; HKDF-SHA256
(salt = ephemeral public || recipient public, info = purpose) derives an AES-256-GCM key; the
associated data binds the envelope header. Sender authenticity comes from the Ed25519 signature
over the whole envelope, not from the box.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sync.protocol import b64d, b64e

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NOENC = serialization.NoEncryption()

SEAL_ALG = "X25519-HKDF-SHA256-AES256GCM"


@dataclass(frozen=True)
class KeyPair:
    """An Ed25519 signing key and an X25519 box key, as base64url raw bytes."""

    signing_private: str
    signing_public: str
    box_private: str
    box_public: str

    @classmethod
    def generate(cls) -> KeyPair:
        sk = Ed25519PrivateKey.generate()
        bk = X25519PrivateKey.generate()
        return cls(
            b64e(sk.private_bytes(_RAW, _RAW_PRIV, _NOENC)),
            b64e(sk.public_key().public_bytes(_RAW, _RAW_PUB)),
            b64e(bk.private_bytes(_RAW, _RAW_PRIV, _NOENC)),
            b64e(bk.public_key().public_bytes(_RAW, _RAW_PUB)),
        )

    def sign(self, message: bytes) -> str:
        return sign(self.signing_private, message)


def sign(private_b64: str, message: bytes) -> str:
    key = Ed25519PrivateKey.from_private_bytes(b64d(private_b64))
    return b64e(key.sign(message))


def verify(public_b64: str, signature_b64: str, message: bytes) -> bool:
    """True when the signature is valid; False for any malformed key or signature."""
    try:
        key = Ed25519PublicKey.from_public_bytes(b64d(public_b64))
        key.verify(b64d(signature_b64), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def is_public_key(value: object) -> bool:
    """32 raw bytes in base64url (either key kind)."""
    try:
        return isinstance(value, str) and len(b64d(value)) == 32
    except ValueError:
        return False


@dataclass(frozen=True)
class SealedBox:
    ephemeral_public: str
    nonce: str
    ciphertext: str


def _box_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub,
                info=b"hotich-seal-v1:" + purpose).derive(shared)


def seal(recipient_box_public: str, plaintext: bytes, header: bytes, purpose: bytes) -> SealedBox:
    recipient = X25519PublicKey.from_public_bytes(b64d(recipient_box_public))
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
    key = _box_key(ephemeral.exchange(recipient), eph_pub,
                   recipient.public_bytes(_RAW, _RAW_PUB), purpose)
    nonce = os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, header)
    return SealedBox(b64e(eph_pub), b64e(nonce), b64e(ciphertext))


def open_sealed(box_private: str, header: bytes, sealed: SealedBox, purpose: bytes) -> bytes:
    """Plaintext; ValueError when the box does not open (wrong key, altered bytes)."""
    try:
        own = X25519PrivateKey.from_private_bytes(b64d(box_private))
        eph_pub = b64d(sealed.ephemeral_public)
        shared = own.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        key = _box_key(shared, eph_pub, own.public_key().public_bytes(_RAW, _RAW_PUB), purpose)
        return AESGCM(key).decrypt(b64d(sealed.nonce), b64d(sealed.ciphertext), header)
    except (InvalidTag, ValueError, TypeError) as exc:
        raise ValueError("sealed box does not open") from exc
