"""Keying benchmark for old books (prints figures; not a test): entries of generated
photographed pages of a printed 2010 birth book are keyed on the real historical form by a
scripted keyboard session (key events, offscreen), first from the page alone, then with the
OCR suggestions widget (Accept all, then fixing what the engine got wrong), and each entry is
saved as the keying page does (books.key_entry). Also the OCR time per page of each engine.

Printed per mode: entries keyed, keystrokes per entry, fields right after keying, the
script's entries per hour (the software's own cost, key events to saved entry) and the
officer's entries per hour under a stated model of a person (seconds a key, seconds to check
a suggestion against the page). OCR runs in the background while the officer keys the
previous entry: its time per page is printed apart, per engine.

Run: .venv/bin/python bench/bench_keying.py [--pages 3] [--entries 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PW = "bench-keying-password-1"
SECONDS_A_KEY = 0.3  # a practised officer with Telex, marks included
SECONDS_TO_CHECK = 1.2  # reading one suggestion against the page before accepting
SECONDS_TO_READ = 1.5  # finding one field on the page to type it (both modes)
# A field to correct after OCR is reached by one click (not Tab after Tab): one action.


def typed_words(path: str, value: str) -> str:
    """A canonical value as the officer types it (the form's own words)."""
    if path.endswith(("date_of_birth", "registered_on")):
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    if path.endswith(".sex"):
        return "Nam" if value == "male" else "Nữ"
    return value


def main() -> None:  # noqa: C901, PLR0915 - one scripted session, read top to bottom
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--entries", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea

    app = QApplication.instance() or QApplication(sys.argv)
    from bench.scripted_keys import ScriptedKeyboard, officer_desk
    from desktop_app.domain.access import get
    from desktop_app.ocr import read_page
    from desktop_app.ocr.engines import ENGINES, load_engine
    from desktop_app.workflows import books, ocr
    from tests.support.register_pages import birth_page
    from ui.widgets.ocr_suggestions import OcrSuggestions
    from ui.widgets.record_form import RecordForm

    ctx = officer_desk("bench-keying-", PW)
    session, runner = ctx.session, ctx.runner

    print(f"pages: {args.pages} photographed pages of a printed 2010 birth book, "
          f"{args.entries} entries each, 11 fields an entry")
    pages = [birth_page(100 + n, args.entries, rows=args.entries + 2, page_no=n + 1)
             for n in range(args.pages)]

    # -- OCR time per page, per engine ---------------------------------------------------
    readings: dict[str, list] = {}
    for name in ENGINES:
        started = time.perf_counter()
        engine = load_engine(name)
        loaded = time.perf_counter() - started
        times, lines, right, total = [], 0, 0, 0
        readings[name] = []
        for page in pages:
            started = time.perf_counter()
            reading = read_page(engine, page.image, "birth")
            times.append(time.perf_counter() - started)
            lines += reading.lines_read
            readings[name].append(reading)
            for position, truth in enumerate(page.entries, 1):
                entry = reading.entry(position)
                for path, value in truth.values.items():
                    total += 1
                    found = entry.get(path) if entry else None
                    right += bool(found and found.value == value)
        per_line = sum(times) / max(1, lines) * 1000
        print(f"OCR {name:<9}: model load {loaded:.2f} s; per page median "
              f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}); "
              f"{lines / len(pages):.0f} lines a page, {per_line:.0f} ms a line (table finding "
              f"included); fields right {right}/{total} ({right / total:.1%})")

    # -- the scripted keyboard session ---------------------------------------------------
    keyboard = ScriptedKeyboard(app)
    counts = keyboard.counts  # tab, space, chars, telex; and what this session adds below

    def keys_pressed() -> int:
        return counts["tab"] + counts["space"] + counts["chars"] + counts["keys"]

    def fix(form: RecordForm, todo: dict[str, str]) -> None:
        """A few fields to correct beside accepted suggestions: a click into each (one
        action), select all, type."""
        counts["fixing"] = len(todo)
        for path, text in todo.items():
            form.focus_field(path)
            app.processEvents()
            focused = QApplication.focusWidget()
            counts["keys"] += 1
            if isinstance(focused, QComboBox):
                keyboard.choose(focused, text)
            else:
                keyboard.key(focused, Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier)
                counts["keys"] += 1
                keyboard.type_into(focused, text)

    def session_run(mode: str, engine: str | None) -> None:
        counts.clear()
        book = books.open_book(session, "birth", 2010, f"{mode}/2010", "UBND xã Hòa Phú", 1)
        for page in pages:
            added = books.add_page(session, book.id, page.image)
            ocr.set_page_writing(session, book.id, added.page_no, "printed")
        scroll = QScrollArea()
        scroll.resize(1000, 800)
        scroll.show()
        widget = OcrSuggestions(ctx)
        wall = 0.0
        for page_no, page in enumerate(pages, 1):
            if engine is not None:
                widget.set_reading(readings[engine][page_no - 1])
            for position, truth in enumerate(page.entries, 1):
                form = RecordForm("birth", historical=True, lang="vi",
                                  convert=lambda _t, _d, _f: None)
                scroll.setWidget(form)
                scroll.setWidgetResizable(True)
                app.processEvents()
                started = time.perf_counter()
                todo = {p: typed_words(p, v) for p, v in truth.values.items()}
                if engine is not None:
                    widget.show_position(position)
                    widget.accepted.connect(
                        lambda p, v, f=form: f.editors[p].set_value(v))  # type: ignore[attr-defined]
                    widget.accept_all()  # one key: the page's "accept all"
                    widget.accepted.disconnect()
                    counts["keys"] += 1
                    shown = widget.entry()
                    counts["checked"] += len(shown.fields) if shown else 0
                    counts["taken"] += len(shown.fields) if shown else 0
                    done = form.data()
                    todo = {p: t for p, t in todo.items()
                            if get(done, p) != truth.values[p]}  # what OCR got wrong or missed
                    fix(form, todo)
                else:  # from the top of the form: its Registration group
                    form.tab_chain()[0].setFocus()
                    app.processEvents()
                    keyboard.tab_fill(form, todo, select_all=True, limit=2000)
                counts["typed"] += len(truth.values) if engine is None else counts["fixing"]
                data = form.data()
                keyed = books.key_entry(session, book.id, page_no, position, data)
                if engine is not None:
                    widget.save_reviews(keyed.record.id, keyed.record.data)
                wall += time.perf_counter() - started
                counts["entries"] += 1
                for path, value in truth.values.items():
                    counts["fields"] += 1
                    counts["right"] += get(keyed.record.data, path) == value
                form.deleteLater()
        runner.wait_all()
        n = counts["entries"]
        pressed = keys_pressed()
        keys = (pressed + counts["telex"]) / n
        officer = (keys * SECONDS_A_KEY + counts["checked"] / n * SECONDS_TO_CHECK
                   + counts["typed"] / n * SECONDS_TO_READ)
        print(f"{mode:<14}: {n} entries keyed, {keys:.0f} keystrokes an entry "
              f"({pressed / n:.0f} + {counts['telex'] / n:.0f} Telex marks), "
              f"{counts['typed'] / n:.1f} fields typed, fields right "
              f"{counts['right']}/{counts['fields']}; script "
              f"{3600 * n / wall:,.0f} entries/h ({wall / n * 1000:.0f} ms an entry); officer "
              f"model {3600 / officer:.0f} entries/h ({officer:.0f} s an entry)")
        scroll.close()

    session_run("without OCR", None)
    for name in ENGINES:
        session_run(f"OCR {name}", name)
    stats = ocr.ocr_stats(session)
    for c in stats.engines:
        print(f"suggestions {c.key:<9}: {c.total} shown, accepted {c.accepted} "
              f"({c.accepted / max(1, c.total):.1%}), edited {c.edited}, rejected {c.rejected}")
    print(f"officer model: {SECONDS_A_KEY} s a key, {SECONDS_TO_CHECK} s to check a "
          f"suggestion, {SECONDS_TO_READ} s to find a field on the page and start typing it")
    runner.shutdown()
    session.close()


if __name__ == "__main__":
    main()
