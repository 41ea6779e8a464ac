"""Every action the program writes to the audit log has its words on the record's history and
audit screens (a new action without them would show as "book entry correct")."""

from __future__ import annotations

import ast
from pathlib import Path

from ui.labels import ACTION_LABELS, action_label

ROOT = Path(__file__).resolve().parents[2]
_NOT_AUDIT = {"append", "store_true", "store_false", "version", "count"}  # argparse's own


def _actions_written() -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in ("desktop_app", "sync", "signing"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                for keyword in node.keywords:
                    value = keyword.value
                    if (keyword.arg == "action" and isinstance(value, ast.Constant)
                            and isinstance(value.value, str) and value.value not in _NOT_AUDIT):
                        found.setdefault(value.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_action_written_has_its_words() -> None:
    actions = _actions_written()
    assert "book.entry" in actions and "approve" in actions  # the scan sees them
    unworded = {a: where for a, where in actions.items()
                if a not in ACTION_LABELS and a.removeprefix("record.") not in ACTION_LABELS}
    assert not unworded, unworded


def test_an_action_reads_in_the_language_asked() -> None:
    assert action_label("book.entry.discard", "vi") == "Bỏ lần nhập của mình"
    assert action_label("record.approve", "en") == "Approved"
