"""Fixtures of the signing tests; the helpers live in signing_support.py (importable by the
test modules, which pytest loads with this folder on sys.path)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from signing_support import ec_signer, nss_dir, pki, rsa_signer, tsa_url  # noqa: E402, F401
