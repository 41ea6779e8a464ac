"""Test PKI and records for the signing tests.

Every key and certificate is generated here, once per session (no private key is
committed): a development root CA, an intermediate CA, supervisors' certificates (RSA and
ECDSA), unsuitable ones (expired, not yet valid, wrong key usage, untrusted root), and a
timestamp authority served by an in-process RFC 3161 responder on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from signing.devca import Issued, make_ca, make_leaf
from signing.devca import p12 as _p12
from signing.model import ChangeNote, ExtractInfo

NOW = datetime.now(UTC)
PASSWORD = "mật-khẩu-thử 123"


def p12(leaf: Issued, chain: list[Issued], password: str = PASSWORD, *,
        legacy: bool = False) -> bytes:
    return _p12(leaf, chain, password, legacy=legacy)


@dataclass(frozen=True)
class Pki:
    root: Issued
    intermediate: Issued
    rsa_leaf: Issued
    ec_leaf: Issued
    expired: Issued
    not_yet_valid: Issued
    bad_usage: Issued
    expiring: Issued
    other_root: Issued
    untrusted_leaf: Issued
    tsa: Issued
    trust_dir: Path

    @property
    def roots(self) -> tuple[x509.Certificate, ...]:
        return (self.root.cert,)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    root = make_ca("Hộ Tịch DEV Root CA (TEST)")
    inter = make_ca("Hộ Tịch DEV Issuing CA (TEST)", root, days=1800)
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other_root = make_ca("Untrusted Root (TEST)")
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    trust_dir = tmp_path_factory.mktemp("trust")
    (trust_dir / "root.pem").write_bytes(root.cert.public_bytes(serialization.Encoding.PEM))
    (trust_dir / "README.txt").write_text("ignored")
    return Pki(
        root=root,
        intermediate=inter,
        rsa_leaf=make_leaf("Đặng Thị Ngọc Ánh", inter, key=rsa_key),
        ec_leaf=make_leaf("H’Hen Niê", inter),
        expired=make_leaf(
            "Expired",
            inter,
            not_before=NOW - timedelta(days=400),
            not_after=NOW - timedelta(days=1),
        ),
        not_yet_valid=make_leaf(
            "Future",
            inter,
            not_before=NOW + timedelta(days=3),
            not_after=NOW + timedelta(days=400),
        ),
        bad_usage=make_leaf("Encipher only", inter, signing_usage=False),
        expiring=make_leaf("Soon", inter, not_after=NOW + timedelta(days=10)),
        other_root=other_root,
        untrusted_leaf=make_leaf("Untrusted", other_root),
        tsa=make_leaf("TSA (TEST)", root, key=tsa_key, eku=[ExtendedKeyUsageOID.TIME_STAMPING]),
        trust_dir=trust_dir,
    )


@pytest.fixture(scope="session")
def rsa_signer(pki: Pki):
    from signing.keystore import load_signer

    return load_signer(p12(pki.rsa_leaf, [pki.intermediate]), PASSWORD, trust_roots=pki.roots)


@pytest.fixture(scope="session")
def ec_signer(pki: Pki):
    from signing.keystore import load_signer

    return load_signer(
        p12(pki.ec_leaf, [pki.intermediate, pki.root]), PASSWORD, trust_roots=pki.roots
    )


# --------------------------------------------------------------------------- poppler


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"'{name}' is missing: install the Debian packages poppler-utils and "
            "libnss3-tools (apt-get install -y poppler-utils libnss3-tools)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def nss_dir(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_nss_db(tmp_path_factory.mktemp("nss"), pki.root.pem)


def make_nss_db(folder: Path, root_pem: bytes) -> Path:
    """An NSS database trusting ``root_pem``: pdfsig's trust store."""
    certutil = require_tool("certutil")
    subprocess.run(
        [certutil, "-N", "-d", f"sql:{folder}", "--empty-password"],
        check=True,
        capture_output=True,
    )
    pem = folder / "root.pem"
    pem.write_bytes(root_pem)
    subprocess.run(
        [certutil, "-A", "-d", f"sql:{folder}", "-n", "root", "-t", "C,C,C", "-i", str(pem)],
        check=True,
        capture_output=True,
    )
    return folder


def pdfsig(pdf: bytes, nss: Path, tmp_path: Path) -> str:
    """pdfsig's report (it exits 0 whatever it finds: callers parse the text).

    No ``-no-ocsp``: with it, poppler 22.12 reports "Unknown issue with Certificate" for a
    valid chain (measured). The test certificates carry no OCSP/AIA address, so nothing is
    fetched from the network without it either.
    """
    tool = require_tool("pdfsig")
    target = tmp_path / "check.pdf"
    target.write_bytes(pdf)
    done = subprocess.run(
        [tool, "-nssdir", f"sql:{nss}", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout + done.stderr


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    tool = require_tool("pdftotext")
    target = tmp_path / "text.pdf"
    target.write_bytes(pdf)
    done = subprocess.run(
        [tool, "-enc", "UTF-8", str(target), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


# --------------------------------------------------------------------------- TSA


class _TsaHandler(http.server.BaseHTTPRequestHandler):
    stamper = None  # set per server

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        length = int(self.headers.get("Content-Length", "0"))
        request = tsp.TimeStampReq.load(self.rfile.read(length))
        answer = self.server.stamper.request_tsa_response(request).dump()  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@contextlib.contextmanager
def running_tsa(tsa: Issued) -> Iterator[str]:
    """An RFC 3161 responder on 127.0.0.1 (pyHanko's DummyTimeStamper behind http.server)."""
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_cert_to_asn1,
        translate_pyca_cryptography_key_to_asn1,
    )
    from pyhanko.sign.timestamps import DummyTimeStamper

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _TsaHandler)
    server.stamper = DummyTimeStamper(  # type: ignore[attr-defined]
        tsa_cert=translate_pyca_cryptography_cert_to_asn1(tsa.cert),
        tsa_key=translate_pyca_cryptography_key_to_asn1(tsa.key),  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def tsa_url(pki: Pki) -> Iterator[str]:
    with running_tsa(pki.tsa) as url:
        yield url


# --------------------------------------------------------------------------- records

NAMES = ("H’Hen Niê", "Y Moan Êban", "Ksor H'Bia", "Đặng Thị Ngọc Ánh")


def _id(number: str) -> dict[str, str]:
    return {
        "kind": "can_cuoc",
        "number": number,
        "issued_by": "Bộ Công an",
        "issued_on": "2024-07-01",
    }


ADDRESS = {"detail": "Buôn Ko Sier", "commune_code": "27238"}


def records() -> dict[str, dict[str, object]]:
    """One record per form, using every test name."""
    person = {
        "full_name": "H’Hen Niê",
        "sex": "female",
        "date_of_birth": "1990-04-24",
        "ethnicity": "Ê Đê",
        "nationality": "VN",
        "personal_id": "066190001234",
        "id_document": _id("066190001234"),
        "residence": ADDRESS,
    }
    return {
        "birth": {
            "type": "birth",
            "child": {
                "full_name": "Y Moan Êban",
                "sex": "male",
                "date_of_birth": "2026-01-21",
                "ethnicity": "Ê Đê",
                "nationality": "VN",
                "personal_id": "066226000001",
                "place_of_birth": {
                    "facility": "Trạm Y tế",
                    "as_written": "xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk",
                },
                "hometown": "Đắk Lắk",
            },
            "mother": {
                "full_name": "H’Hen Niê",
                "date_of_birth": "1990",
                "ethnicity": "Ê Đê",
                "nationality": "VN",
                "residence": ADDRESS,
            },
            "father": {
                "full_name": "Ksor H'Bia",
                "date_of_birth": "1988-02-03",
                "ethnicity": "Gia Rai",
                "nationality": "VN",
                "residence": ADDRESS,
            },
            "declarant": {"full_name": "Đặng Thị Ngọc Ánh", "relationship": "grandmother"},
            "registration_kind": "on_time",
        },
        "death": {
            "type": "death",
            "deceased": {**person, "full_name": "Ksor H'Bia", "sex": "male"},
            "time_of_death": "2026-08-15T18:10",
            "place_of_death": ADDRESS,
            "declarant": {"full_name": "Y Moan Êban", "id_document": _id("066226000009")},
            "registration_kind": "on_time",
        },
        "marriage": {
            "type": "marriage",
            "husband": {**person, "full_name": "Y Moan Êban", "sex": "male"},
            "wife": person,
            "both_present": True,
            "registration_kind": "first",
        },
        "recognition": {
            "type": "recognition",
            "kind": "father_recognises_child",
            "parent": {**person, "full_name": "Ksor H'Bia", "sex": "male"},
            "child": {
                "full_name": "Y Moan Êban",
                "sex": "male",
                "date_of_birth": "2020-05-05",
                "ethnicity": "Gia Rai",
                "nationality": "VN",
                "birth_record": {"registration_number": "12/2020", "registered_on": "2020-05-20"},
            },
            "evidence": {
                "kind": "dna",
                "number": "ADN-1",
                "issued_by": "Viện Pháp y",
                "issued_on": "2026-01-02",
            },
            "declarant": {"full_name": "Đặng Thị Ngọc Ánh"},
        },
        "change": {
            "type": "change",
            "kind": "correction",
            "subject": person,
            "original_record": {
                "type": "birth",
                "registration_number": "45/1990",
                "book_number": "01",
                "registered_on": "1990-05-01",
            },
            "changes": [{"field": "full_name", "from": "H Hen Nie", "to": "H’Hen Niê"}],
            "basis": {"kind": "other", "number": "7"},
            "declarant": {"full_name": "Y Moan Êban"},
        },
        "guardianship": {
            "type": "guardianship",
            "kind": "appointed",
            "guardian": {**person, "full_name": "Đặng Thị Ngọc Ánh"},
            "ward": {
                "full_name": "Ksor H'Bia",
                "sex": "male",
                "date_of_birth": "2015-12-14",
                "ethnicity": "Gia Rai",
                "nationality": "VN",
            },
            "basis": {"kind": "appointment", "number": "3"},
        },
        "guardianship_termination": {
            "type": "guardianship",
            "kind": "termination",
            "guardian": {
                "name": "Trung tâm Bảo trợ xã hội H’Hen Niê",
                "representative": "Y Moan Êban",
            },
            "ward": {"full_name": "Ksor H'Bia", "sex": "male", "date_of_birth": "2015-12-14"},
            "original_record": {"type": "guardianship", "registration_number": "3/2020"},
            "termination_reason": "ward_full_capacity",
            "declarant": {"full_name": "Đặng Thị Ngọc Ánh"},
        },
        "marital_status": {
            "type": "marital_status",
            "person": {**person, "full_name": "Đặng Thị Ngọc Ánh"},
            "residence_period": {"place": ADDRESS, "from": "2010-01-01", "to": "2026-01-01"},
            "marital_status": "Chưa đăng ký kết hôn với ai (Y Moan Êban, Ksor H'Bia: không)",
            "purpose": "Đăng ký kết hôn với H’Hen Niê",
        },
    }


def info(**overrides: object) -> ExtractInfo:
    values: dict[str, object] = {
        "office_code": "27238",
        "office_name": "Phường Minh Phụng",
        "province_name": "Thành phố Hồ Chí Minh",
        "extract_number": "3000/2026/TLKT-BS",
        "issued_on": NOW.date(),
        "registration_number": "386/2026",
        "book_number": "01-TP/HT-2026-KT",
        "registered_on": "2026-08-28",
        "signer_name": "Đặng Thị Ngọc Ánh",
        "signer_title": "PHÓ CHỦ TỊCH",
        "is_deputy": True,
        "is_copy": True,
        "notes": (
            ChangeNote(
                "correction",
                "deceased.full_name",
                "Ksor H Bia",
                "Ksor H'Bia",
                "12/2026",
                "2026-09-01",
            ),
        ),
    }
    values.update(overrides)
    return ExtractInfo(**values)  # type: ignore[arg-type]
