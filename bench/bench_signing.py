"""Benchmark: render + sign one extract (median), and a batch of 100 (not a test).

Run: .venv/bin/python bench/bench_signing.py
Generates a throwaway development CA and an RSA-3072 supervisor certificate in memory.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit" / "signing"))

from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from signing_support import PASSWORD, info, make_ca, make_leaf, p12, records  # noqa: E402

from signing.issue import issue_signed_extract, preview_extract  # noqa: E402
from signing.keystore import load_signer  # noqa: E402
from signing.verify import verify_pdf  # noqa: E402


def main() -> None:
    root = make_ca("Bench Root CA")
    inter = make_ca("Bench Issuing CA", root)
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    leaf = make_leaf("Đặng Thị Ngọc Ánh", inter, key=key)
    started = time.perf_counter()
    signer = load_signer(p12(leaf, [inter]), PASSWORD, trust_roots=(root.cert,))
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


if __name__ == "__main__":
    main()
