"""Messages in one language: the English phrases that errors carry as data (``what``,
``problem``, ``detail``, ``action``) are worded in the message's language (issue 11 item 4)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop_app.accounts import Permission
from desktop_app.app import catalogue
from desktop_app.messages import TERMS, render, term

ROOT = Path(__file__).resolve().parents[3]
PARAMS = ("what", "problem", "detail", "action")
# The same in both languages: protocol field names, file names, command-line syntax.
NEUTRAL = {"since", "record_type", "public_key", "keys.json", "--port",
           "--override RULE=REASON", "verify FILE.pdf | verify --qr TEXT"}


def _raised_phrases() -> list[tuple[str, str]]:
    """(where, phrase) of every param above given to an error's constructor in the core,
    sync and signing; an f-string's values become "1"."""
    found = []
    for package in ("desktop_app", "sync", "signing"):
        for source in sorted((ROOT / package).rglob("*.py")):
            for call in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if not isinstance(call, ast.Call):
                    continue
                name = getattr(call.func, "id", None) or getattr(call.func, "attr", "")
                if not name.endswith("Error"):
                    continue
                for keyword in call.keywords:
                    value = keyword.value
                    if keyword.arg not in PARAMS:
                        continue
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        phrase = value.value
                    elif isinstance(value, ast.JoinedStr):
                        phrase = "".join(part.value if isinstance(part, ast.Constant) else "1"
                                         for part in value.values)
                    else:
                        continue  # a value from elsewhere (an enum, a type name)
                    found.append((f"{source.relative_to(ROOT)}:{call.lineno}", phrase))
    return found


def test_the_scan_sees_the_phrases() -> None:
    phrases = {p for _, p in _raised_phrases()}
    assert {"the two passwords differ", "commune", "unknown encryption"} <= phrases
    assert len(phrases) > 60


def test_every_phrase_an_error_carries_has_its_vietnamese_wording() -> None:
    missing = [f"{where}: {phrase!r}" for where, phrase in _raised_phrases()
               if phrase not in NEUTRAL and not phrase.startswith("--version ")
               and term(phrase, "vi") == phrase]
    assert not missing, "add these to desktop_app.messages.TERMS:\n" + "\n".join(missing)


def test_every_permission_has_its_vietnamese_wording() -> None:
    assert all(p.value in TERMS for p in Permission)


@pytest.mark.parametrize(("code", "params", "vi", "en"), [
    ("E-NOT-FOUND", {"what": "commune", "key": "99999"},
     "Không tìm thấy xã, phường '99999'.", "Not found: commune '99999'."),
    ("E-NOT-FOUND", {"what": "record", "key": "ab12"},
     "Không tìm thấy hồ sơ 'ab12'.", "Not found: record 'ab12'."),
    ("E-USAGE", {"detail": "the two passwords differ"},
     "Cách dùng không đúng: hai mật khẩu không giống nhau",
     "Invalid usage: the two passwords differ"),
    ("E-BACKUP-INVALID", {"problem": "audit log broken at entry 7"},
     "Tệp sao lưu không hợp lệ: nhật ký kiểm tra hỏng từ mục 7. Dữ liệu hiện tại không thay "
     "đổi.", "The backup file is invalid: audit log broken at entry 7. The current data is "
     "unchanged."),
    ("E-PERMISSION", {"action": "draft->submitted", "role": "admin"},
     "Vai trò 'admin' không được phép: chuyển trạng thái draft->submitted.",
     "Role 'admin' is not allowed to: change status draft->submitted."),
    ("E-SYNC-BUNDLE-INVALID", {"problem": "not a hotich-answer file"},
     "Tệp gói dữ liệu không hợp lệ: không phải tệp hotich-answer.",
     "The bundle file is invalid: not a hotich-answer file."),
])
def test_messages_are_in_one_language(code: str, params: dict[str, str], vi: str,
                                      en: str) -> None:
    messages = catalogue()
    assert render(code, params, catalogue=messages, lang="vi") == vi
    assert render(code, params, catalogue=messages, lang="en") == en


def test_other_params_are_left_alone() -> None:
    # A record's field or a name is never looked up: "missing" is a phrase only as a problem.
    assert render("E-UNKNOWN-ACCOUNT", {"name": "missing"}, lang="vi") == \
        "Không có tài khoản 'missing'."


VIETNAMESE_LETTERS = set("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ")


def test_english_texts_are_english() -> None:
    # The product's name and the quoted official wording of a form stay as they are.
    keep = ("Hộ Tịch", "Chữ ký số", "Chống chối bỏ")
    mixed = []
    for code, (_vi, en) in catalogue().items():
        text = en
        for name in keep:
            text = text.replace(name, "")
        if VIETNAMESE_LETTERS & set(text.lower()):
            mixed.append(f"{code}: {en}")
    for phrase, (_vi, en) in TERMS.items():
        if VIETNAMESE_LETTERS & set(en.replace("Hộ Tịch", "").lower()):
            mixed.append(f"{phrase}: {en}")
    assert not mixed, "\n".join(mixed)


def test_prompts_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOTICH_LANG", "en")
    assert render("P-NEW-PASSWORD") == "New password: "
    monkeypatch.setenv("HOTICH_LANG", "vi")
    assert render("P-NEW-PASSWORD") == "Mật khẩu mới: "


def test_measured_numbers_are_written_the_way_of_the_message_language() -> None:
    """Sizes in messages: "0,4 MB" in Vietnamese (a decimal comma), "0.4 MB" in English."""
    from desktop_app.diskspace import mb
    from desktop_app.messages import Tenths

    room = {"needed": mb(6_442_450_944 + 104_858), "free": mb(419_430)}
    assert render("E-DISK-NO-ROOM", room, lang="vi").startswith(
        "Ổ đĩa không đủ chỗ: cần 6.144,1 MB, chỉ còn 0,4 MB.")
    assert render("E-DISK-NO-ROOM", room, lang="en").startswith(
        "Not enough room on the disk: 6,144.1 MB needed, 0.4 MB left.")
    assert "(còn 0,4 MB)" in render("E-DISK-FULL", {"free": mb(419_430)}, lang="vi")
    large = {"size_mb": Tenths(25.31), "limit_mb": 20}
    assert render("E-ATTACHMENT-TOO-LARGE", large, lang="vi").startswith(
        "Tệp quá lớn (25,3 MB): mỗi tệp đính kèm tối đa 20 MB.")
    assert "(25.3 MB)" in render("E-ATTACHMENT-TOO-LARGE", large, lang="en")
