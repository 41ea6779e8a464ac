"""Benchmark: render + sign one extract (median), and a batch of 100 (not a test).

Run: .venv/bin/python bench/bench_signing.py
Generates a throwaway development CA and an RSA-3072 supervisor certificate in memory.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit" / "signing"))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from signing_support import PASSWORD, info, make_ca, make_leaf, p12, records  # noqa: E402

from desktop_app.ports import ExtractRequest  # noqa: E402
from signing.issue import issue_signed_extract, preview_extract  # noqa: E402
from signing.keystore import load_signer  # noqa: E402
from signing.service import PdfExtractService  # noqa: E402
from signing.verify import verify_pdf  # noqa: E402


def _request(record: dict[str, object]) -> ExtractRequest:
    extract = info()
    return ExtractRequest(
        record=record, office_code=extract.office_code, office_name=extract.office_name,
        province_name=extract.province_name, extract_number=extract.extract_number,
        issued_on=extract.issued_on, registration_number=extract.registration_number,
        book_number=extract.book_number, registered_on=extract.registered_on,
        signer_name=extract.signer_name, signer_title=extract.signer_title)


def service_path(archive: bytes, root_pem: bytes, forms: dict[str, dict[str, object]]) -> None:
    """As the desktop signs: the service gets the PKCS#12 archive and password every time."""
    with tempfile.TemporaryDirectory() as trust:
        (Path(trust) / "root.pem").write_bytes(root_pem)
        service = PdfExtractService(Path(trust))
        kinds = sorted(forms)
        now = datetime.now(UTC)
        service.sign(_request(forms["death"]), archive, PASSWORD, now)  # warm up
        samples = []
        for i in range(20):
            t0 = time.perf_counter()
            service.sign(_request(forms[kinds[i % len(kinds)]]), archive, PASSWORD, now)
            samples.append(time.perf_counter() - t0)
        print(f"service (PKCS#12 + password per call) render + sign, median of 20: "
              f"{statistics.median(samples) * 1000:.0f} ms")
        t0, cpu0 = time.perf_counter(), time.process_time()
        for i in range(100):
            service.sign(_request(forms[kinds[i % len(kinds)]]), archive, PASSWORD, now)
        batch, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        # CPU time too: on a shared machine the wall clock also counts other people's work.
        print(f"service batch of 100 extracts render + sign: {batch:.2f} s "
              f"({batch * 10:.0f} ms each; CPU {cpu * 10:.0f} ms each)")


def main() -> None:
    root = make_ca("Bench Root CA")
    inter = make_ca("Bench Issuing CA", root)
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    leaf = make_leaf("Đặng Thị Ngọc Ánh", inter, key=key)
    started = time.perf_counter()
    archive = p12(leaf, [inter])
    signer = load_signer(archive, PASSWORD, trust_roots=(root.cert,))
    print(f"load + check PKCS#12 (RSA-3072): {(time.perf_counter() - started) * 1000:.0f} ms")
    forms = records()
    kinds = sorted(forms)
    issue_signed_extract(forms["death"], info(), signer)  # warm up (fonts, imports)

    samples = []
    for i in range(20):
        record = forms[kinds[i % len(kinds)]]
        t0 = time.perf_counter()
        issue_signed_extract(record, info(), signer)
        samples.append(time.perf_counter() - t0)
    print(f"render + sign, median of 20: {statistics.median(samples) * 1000:.0f} ms")

    t0 = time.perf_counter()
    for _ in range(20):
        preview_extract(forms["birth"], info())
    print(f"draft preview render, mean: {(time.perf_counter() - t0) / 20 * 1000:.0f} ms")

    t0 = time.perf_counter()
    pdfs = [
        issue_signed_extract(forms[kinds[i % len(kinds)]], info(), signer).pdf for i in range(100)
    ]
    batch = time.perf_counter() - t0
    print(f"batch of 100 extracts render + sign: {batch:.2f} s ({batch * 10:.0f} ms each)")

    t0 = time.perf_counter()
    for pdf in pdfs[:20]:
        assert verify_pdf(pdf, trust_roots=(root.cert,)).ok
    print(f"verify, mean of 20: {(time.perf_counter() - t0) / 20 * 1000:.0f} ms")

    service_path(archive, root.cert.public_bytes(serialization.Encoding.PEM), forms)


if __name__ == "__main__":
    main()
