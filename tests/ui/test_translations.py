"""The Vietnamese translation is complete: every entry finished, every placeholder kept, and
every source string of ui/ present (lupdate on the current sources adds nothing new)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "i18n" / "hotich_vi.ts"
PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)|\{[a-z_]+\}")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", msg.findtext("source") or "", msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_vietnamese_entry_is_finished_and_keeps_its_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 100
    problems = []
    for context, source, msg in messages:
        translation = msg.find("translation")
        assert translation is not None
        kind = translation.get("type")
        texts = _texts(translation)
        if kind in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
    assert not problems, "\n".join(problems)


def test_every_source_string_is_in_the_translation(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "hotich_vi.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", "-locations", "none", "-no-obsolete", *sources,
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=60)
    untranslated = [f"{c}: {s!r}" for c, s, m in _messages(fresh)
                    if (m.find("translation") is not None
                        and m.find("translation").get("type") == "unfinished")]
    assert not untranslated, ("new UI strings lack a Vietnamese translation; run "
                              "installer/build-translations.sh --update and translate:\n"
                              + "\n".join(untranslated))


def test_vietnamese_is_loaded_and_english_is_the_source(qapp) -> None:  # noqa: ANN001
    assert i18n.install("vi") == "vi"
    assert QCoreApplication.translate("MainWindow", "Dashboard") == "Tổng quan"
    assert i18n.install("en") == "en"
    assert QCoreApplication.translate("MainWindow", "Dashboard") == "Dashboard"
    i18n.install("vi")
