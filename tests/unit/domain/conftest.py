"""Domain tests: the helpers live in domain_support.py, importable by the test modules because
this folder is put on sys.path (the suite runs with --import-mode=importlib)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
