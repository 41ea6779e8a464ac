"""Vietnamese names with their frequencies, for the benchmark register (bench/register.py).

Family names: shares of the population from the 2005-2010 surveys quoted by the Vietnamese
Wikipedia ("Họ người Việt Nam"): Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 %, Phạm ~7 %, Hoàng/Huỳnh
~5 % (Huỳnh in the south), Phan ~4.5 %, Vũ/Võ ~3.9 % (Võ in the south), Đặng ~2.1 %, Bùi ~2 %,
Đỗ ~1.4 %, Hồ ~1.3 %, Ngô ~1.3 %, Dương ~1 %, Lý ~0.5 %, and a long tail. Middle and given
names: the commonest in birth registers, weighted by rank (Zipf-like), with the generation
shift (Văn / Thị are the middle name of most people born before 1990, far fewer after 2010).

Ethnic-minority naming: Ê Đê and Gia Rai put the given name first and the (matrilineal)
family name last, with the female prefix H’ and the male prefix Y (H’Hen Niê, Y Blang Êban,
Ksor H’Nhung is Gia Rai with the family first); Mông names are family + A/Thị + given (Giàng
A Páo); Thái, Tày, Mường and Khmer follow the Kinh order with their own family names.
"""

from __future__ import annotations

# Family names of the Kinh majority, weight in per-mille of the population. The southern
# variants (Huỳnh, Võ) take a share because the demo commune is in Hồ Chí Minh City.
FAMILY: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 384), ("Trần", 110), ("Lê", 95), ("Phạm", 71), ("Hoàng", 20), ("Huỳnh", 31),
    ("Phan", 45), ("Vũ", 15), ("Võ", 24), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13),
    ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 4), ("Trương", 4), ("Lâm", 3), ("Mai", 3),
    ("Cao", 3), ("Đoàn", 3), ("Lương", 2.5), ("Trịnh", 2.5), ("Hà", 2.5), ("Tạ", 2),
    ("Châu", 2), ("Tô", 2), ("Lưu", 2), ("Thái", 1.5), ("Kiều", 1.2), ("Quách", 1.2),
    ("Chu", 1.2), ("La", 1), ("Văn", 1), ("Triệu", 1), ("Mạc", 0.8), ("Tăng", 0.8),
    ("Khúc", 0.5), ("Âu", 0.5), ("Diệp", 0.5), ("Ông", 0.5), ("Phùng", 1), ("Thân", 0.6),
    ("Doãn", 0.4), ("Nghiêm", 0.5), ("Lạc", 0.3), ("Vương", 0.8), ("Tiêu", 0.3),
)  # fmt: skip

MIDDLE_MALE: tuple[tuple[str, float], ...] = (
    ("Văn", 30), ("Minh", 10), ("Đức", 8), ("Quang", 6), ("Hữu", 6), ("Thành", 5),
    ("Công", 4), ("Ngọc", 3), ("Xuân", 3), ("Anh", 4), ("Hoàng", 4), ("Gia", 5), ("Duy", 3),
    ("Tuấn", 2), ("Trung", 2), ("Quốc", 3), ("Bảo", 4), ("Thanh", 3), ("Đình", 3),
    ("Trọng", 2), ("Mạnh", 1.5), ("Nhật", 2), ("Phúc", 1.5), ("Khánh", 1.5), ("Tiến", 1),
)  # fmt: skip
MIDDLE_FEMALE: tuple[tuple[str, float], ...] = (
    ("Thị", 40), ("Ngọc", 8), ("Thu", 5), ("Thanh", 5), ("Kim", 4), ("Minh", 4),
    ("Phương", 3), ("Bảo", 4), ("Khánh", 3), ("Mai", 2), ("Thùy", 3), ("Hồng", 3),
    ("Mỹ", 2), ("Hoài", 1.5), ("Diệu", 1.5), ("Tuyết", 1), ("Quỳnh", 2), ("Như", 2),
    ("Hà", 1.5), ("Gia", 2), ("Bích", 1.5), ("Ánh", 1), ("Cẩm", 1), ("Yến", 1),
)  # fmt: skip
GIVEN_MALE: tuple[str, ...] = (
    "Anh", "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Hải", "Long", "Hoàng", "Phúc", "Huy",
    "Khoa", "Đức", "Thắng", "Sơn", "Trung", "Quân", "Hiếu", "Bảo", "Khang", "Phong", "Tùng",
    "Cường", "Thành", "Tài", "Lợi", "Hưng", "Vinh", "Toàn", "Đạt", "An", "Bình", "Lâm",
    "Nghĩa", "Quang", "Tâm", "Thịnh", "Tú", "Việt", "Kiên", "Hậu", "Lực", "Duy", "Khải",
    "Nhân", "Phát", "Thiện", "Trí", "Vũ", "Đông", "Hòa", "Kha", "Luân", "Nguyên", "Quý",
    "Sang", "Thái", "Tín", "Tường", "Danh", "Định", "Giang", "Hiển", "Khôi", "Lộc", "Mạnh",
)  # fmt: skip
GIVEN_FEMALE: tuple[str, ...] = (
    "Linh", "Anh", "Hương", "Lan", "Trang", "Hoa", "Mai", "Ngọc", "Thảo", "Hà", "Huyền",
    "Nhung", "Hằng", "Phương", "Thủy", "Yến", "Vy", "Nhi", "Hạnh", "Dung", "Loan", "Oanh",
    "Tuyết", "Nga", "Quỳnh", "My", "Trinh", "Chi", "Hiền", "Diệp", "Giang", "Hồng", "Liên",
    "Thu", "Xuân", "Uyên", "Ngân", "Vân", "Bích", "Châu", "Duyên", "Hậu", "Kim", "Lệ",
    "Mơ", "Nguyệt", "Phượng", "Tâm", "Thúy", "Trâm", "Tiên", "Vi", "Ánh", "Đào", "Thư",
)  # fmt: skip

# Ethnic-minority groups: (ethnicity as the list spells it, share of minority entries,
# family names, how names are built).
MINORITIES: tuple[tuple[str, float, tuple[str, ...], str], ...] = (
    ("Khơ-me", 30, ("Thạch", "Danh", "Sơn", "Kim", "Lâm", "Chau"), "khmer"),
    ("Hoa", 25, ("Lâm", "Quách", "Trương", "Lưu", "Mã", "Tăng", "Lý"), "kinh"),
    ("Tày", 8, ("Nông", "Hoàng", "Lục", "Ma", "Triệu", "Lường"), "kinh"),
    ("Thái", 7, ("Lò", "Lường", "Cầm", "Vi", "Quàng", "Tòng"), "kinh"),
    ("Mường", 6, ("Bùi", "Đinh", "Quách", "Hà", "Xa"), "kinh"),
    ("Mông", 6, ("Giàng", "Vàng", "Sùng", "Thào", "Lầu", "Mùa", "Hầu", "Vừ"), "mong"),
    ("Ê Đê", 8, ("Niê", "Êban", "Mlô", "Ayun", "Byă", "Adrơng"), "ede"),
    ("Gia Rai", 6, ("Ksor", "Rơ Châm", "Siu", "Rah Lan", "Kpă", "Nay"), "jrai"),
    ("Chăm", 4, ("Thành", "Đạo", "Lưu", "Quảng"), "kinh"),
)  # fmt: skip

MONG_GIVEN_MALE = ("Páo", "Chứ", "Sình", "Dế", "Pó", "Lử", "Say", "Tủa", "Chống", "Vàng")
MONG_GIVEN_FEMALE = ("Mỷ", "Dợ", "Chá", "Mai", "Sua", "Pàng", "Dính", "Xúa", "Súa", "Ly")
EDE_GIVEN_FEMALE = ("Hen", "Nhi", "Bia", "Ngơn", "Blai", "Juin", "Khuê", "Duôn", "Yơn", "Ni")
EDE_GIVEN_MALE = ("Blang", "Krông", "Bhin", "Tlang", "Kuăn", "Jut", "Wing", "Yơn", "Ngông")
KHMER_GIVEN_MALE = ("Sóc", "Sa Rết", "Sơn", "Phol", "Khăm", "Rươl", "Mây", "Thol", "Pho")
KHMER_GIVEN_FEMALE = ("Sa Rươl", "Thị Nga", "Thị Sen", "Sóc Khá", "Thị Mỹ", "Sa Phia", "Ry")

APOSTROPHES = ("’", "'", "ʼ")  # H’Hen as typed from old books and keyboards
