"""Keyboard benchmark (prints figures; not a test): an officer registers a complete on-time
birth from the keyboard alone on the real registration form, scripted through key events.

It presses Tab from the procedure choice through the form's chain, opens a closed section with
Space when a field to fill lies inside, types each value as the officer would (dates as
dd/mm/yyyy, a commune by its code, a drop-down by the first letters of its label), and submits
with Ctrl+Enter. Printed: keystrokes (Tab, Space, characters, Ctrl+Enter), the extra keys a
Telex input method needs for the Vietnamese letters, the script's wall time until the record is
submitted, and the officer's time at a few typing speeds (goal: under 3 minutes).

Run: .venv/bin/python bench/bench_keyboard_birth.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PW = "bench-keyboard-password-1"
# What the officer types, field by field (the paper in front of them).
TYPED: dict[str, str] = {
    "registration_kind": "Đúng hạn",
    "child.full_name": "Nguyễn Văn An",
    "child.sex": "Nam",
    "child.date_of_birth": "10/01/2026",
    "child.ethnicity": "Kinh",
    "child.place_of_birth.commune_code": "26740",
    "child.place_of_birth.facility": "Trạm y tế",
    "mother.full_name": "Trần Thị Bình",
    "mother.date_of_birth": "02/04/1995",
    "mother.ethnicity": "Kinh",
    "father.full_name": "Nguyễn Văn Cường",
    "father.date_of_birth": "1993",
    "father.ethnicity": "Kinh",
    "declarant.full_name": "Nguyễn Văn Cường",
    "declarant.relationship": "Cha",
    "birth_evidence.kind": "Giấy chứng sinh",
    "birth_evidence.number": "GCS-001",
}


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from bench.scripted_keys import ScriptedKeyboard, officer_desk
    from ui.pages.registration_page import RegistrationPage

    ctx = officer_desk("bench-keyboard-", PW)
    session, runner = ctx.session, ctx.runner
    page = RegistrationPage(ctx)
    page.resize(1200, 780)
    page.show()
    page.activateWindow()
    app.processEvents()
    submitted: list[object] = []
    page.record_submitted.connect(submitted.append)

    keyboard = ScriptedKeyboard(app)
    counts = keyboard.counts

    start = time.perf_counter()
    page.type_combo.setFocus()
    app.processEvents()
    form = page.form
    assert form is not None
    keyboard.tab_fill(form, dict(TYPED))
    keyboard.key(QApplication.focusWidget(), Qt.Key.Key_Return, "",
                 Qt.KeyboardModifier.ControlModifier)
    counts["submit"] += 1
    deadline = time.perf_counter() + 60
    while not submitted and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    wall = time.perf_counter() - start
    if not submitted:
        raise SystemExit(f"not submitted: {page.state_label.text()}")
    rec = submitted[0]
    keys = counts["tab"] + counts["space"] + counts["chars"] + counts["submit"]
    telex = keys + counts["telex"]
    print(f"record submitted: {getattr(rec, 'status', '?')}, "
          f"{len(TYPED)} fields typed (nationality Việt Nam pre-filled)")
    print(f"keystrokes: {keys} (Tab {counts['tab']}, Space {counts['space']}, characters "
          f"{counts['chars']}, Ctrl+Enter {counts['submit']}); with Telex marks: {telex}")
    print(f"script wall time (key events to submitted record): {wall:.2f} s")
    for per_key in (0.2, 0.3, 0.5):
        print(f"officer at {per_key * 1000:.0f} ms a key: {telex * per_key / 60:.1f} min "
              f"(+ reading the paper)")
    runner.shutdown()
    session.close()


if __name__ == "__main__":
    main()
