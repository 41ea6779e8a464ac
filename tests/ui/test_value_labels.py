"""A code reads the same on the screen as on the extract: the record detail and the form's
choices show the domain vocabulary's words, and the rendered extract prints them too."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop_app.domain.vocabulary import value_label
from desktop_app.workflows import records
from signing.model import ExtractInfo
from signing.render import render_extract
from tests.samples import build
from tests.ui.conftest import UiOffice, wait_idle
from ui.main_window import MainWindow
from ui.widgets.inputs import SelectField
from ui.widgets.record_form import RecordForm

CODED = {
    "deceased.sex": "female",
    "deceased.nationality": "VN",
    "deceased.id_document.kind": "cccd",
}


def _values(item: QTreeWidgetItem) -> list[str]:
    found = [item.text(1)] if item.text(1) else []
    for n in range(item.childCount()):
        found.extend(_values(item.child(n)))
    return found


def _extract_text(record: dict[str, object], tmp_path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: apt-get install -y poppler-utils", pytrace=False)
    info = ExtractInfo(office_code="26740", office_name="Phường Bến Nghé",
                       province_name="Thành phố Hồ Chí Minh", extract_number="1/2026/TLKT",
                       issued_on=date(2026, 1, 12))
    pdf = render_extract(record, info).pdf
    (tmp_path / "extract.pdf").write_bytes(pdf)
    done = subprocess.run([tool, "-enc", "UTF-8", str(tmp_path / "extract.pdf"), "-"],
                          capture_output=True, text=True, check=True, timeout=60)
    return " ".join(done.stdout.split())


def test_the_record_detail_shows_the_words_the_extract_prints(
        qtbot: QtBot, office: UiOffice, tmp_path: Path) -> None:
    data = build("death", {**CODED, "deceased.id_document.number": "079142005196"})
    rec = records.create_record(office.session("canbo"), "death", data).record
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    dialog = window.open_record(rec.id)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    shown = _values(dialog.tree.invisibleRootItem())
    extract = _extract_text({**rec.data, "type": "death"}, tmp_path)
    for path, code in CODED.items():
        word = value_label("death", path, code)
        assert word != code and word in shown, path
        assert word in extract, path
    assert "Thẻ căn cước công dân" in shown  # the official form's wording, on both
    wait_idle(qtbot, office.runner)
    window.close()


def test_the_form_offers_the_same_words(qtbot: QtBot) -> None:
    form = RecordForm("death", historical=False, lang="vi", convert=lambda _t, _done: None)
    qtbot.addWidget(form)
    for path, code in CODED.items():
        editor = form.editors[path]
        if isinstance(editor, SelectField):
            assert editor.itemText(editor.findData(code)) == value_label("death", path, code)
    english = RecordForm("death", historical=False, lang="en", convert=lambda _t, _done: None)
    qtbot.addWidget(english)
    sex = english.editors["deceased.sex"]
    assert isinstance(sex, SelectField)
    assert sex.itemText(sex.findData("female")) == "Female"


def test_a_draft_correction_is_listed_apart_from_the_notes(qtbot: QtBot,
                                                           office: UiOffice) -> None:
    officer, chief = office.session("canbo"), office.session("chutich")
    birth = records.create_record(officer, "birth", build("birth")).record
    records.submit(officer, birth.id)
    records.approve(chief, birth.id, {i["rule"]: "đã kiểm tra" for i in birth.issues
                                      if i["rule"].startswith("W-")})
    records.create_record(officer, "change", build("change", {
        "original_record": {"record_id": birth.id},
        "changes": [{"field": "child.full_name", "from": "Nguyễn Văn An",
                     "to": "Nguyễn Văn Ân"}]}))
    window = MainWindow(office.ctx("canbo"))
    qtbot.addWidget(window)
    dialog = window.open_record(birth.id)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10000)
    assert dialog.view.record.notes == ()
    (pending,) = dialog.view.record.pending_notes
    assert dialog.notes.count() == 1
    shown = dialog.notes.item(0).text()
    assert pending in shown and shown != pending  # marked as not registered yet
    wait_idle(qtbot, office.runner)
    window.close()
