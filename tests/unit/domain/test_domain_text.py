import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import fold_for_search, nfc, nfc_deep, person_match_key, upper_name


def test_decomposed_input_is_stored_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert decomposed != "Nguyễn Thị Ánh"
    assert nfc(decomposed) == "Nguyễn Thị Ánh"


def test_nfc_deep_keeps_everything_else() -> None:
    data = {"a": [unicodedata.normalize("NFD", "Ê Đê"), 1, None, True], "b": {"c": "H’Hen  Niê "}}
    assert nfc_deep(data) == {"a": ["Ê Đê", 1, None, True], "b": {"c": "H’Hen  Niê "}}


def test_upper_name_keeps_diacritics_and_apostrophes() -> None:
    assert upper_name("H’Hen Niê") == "H’HEN NIÊ"
    assert upper_name("Ksor H'Bia") == "KSOR H'BIA"
    assert upper_name("Y Moan Êban") == "Y MOAN ÊBAN"
    assert upper_name("đặng thị ʼa") == "ĐẶNG THỊ ʼA"


def test_fold_for_search() -> None:
    assert fold_for_search("H’Hen Niê") == "hhen nie"
    assert fold_for_search("H'Hen  NIÊ") == "hhen nie"
    assert fold_for_search("Hʼhen nie") == "hhen nie"
    assert fold_for_search("Đặng Văn Đức") == "dang van duc"
    assert fold_for_search("  Nguyễn\tVăn  An ") == "nguyen van an"


def test_person_match_key_is_fuzzy_on_case_marks_apostrophes_spacing() -> None:
    key = person_match_key("H’Hen Niê", "2025-03-15")
    assert person_match_key("h'hen  nie", "2025-03-15") == key
    assert person_match_key("H Hen Nie", "2025-03-15") == key
    assert person_match_key("H’Hen Niê", "2025-03-16") != key
    assert person_match_key("Đức", None) == person_match_key("duc", None)


@given(st.text())
def test_nfc_is_idempotent_and_round_trips_composed_text(text: str) -> None:
    once = nfc(text)
    assert nfc(once) == once
    assert nfc_deep({"name": once}) == {"name": once}


@given(st.text())
def test_fold_is_idempotent_and_lowercase_ascii_for_vietnamese(text: str) -> None:
    folded = fold_for_search(text)
    assert fold_for_search(folded) == folded
    assert "đ" not in folded and "’" not in folded and "  " not in folded


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậÀÁĐ’' "))
def test_fold_of_vietnamese_letters_is_ascii(text: str) -> None:
    assert fold_for_search(text).isascii()
