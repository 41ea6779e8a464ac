"""A realistic commune register of any size, shared by the benchmarks (deterministic by seed).

`Register(seed).entries()` is an endless stream of entries: the six record types in the
proportions of a commune's books (births ~47 %, marriages ~20 %, deaths ~18 %, changes ~9 %,
recognitions ~3 %, guardianships ~3 %), about two thirds of them historical entries digitised
from old books of every phase (partial dates, illegible fields, book and page), the rest
registered on this device, each in the state a real register holds it in (mostly synced; some
drafts, submitted, approved, awaiting a personal ID, signed, rejected). Births come with
twins (~1.2 %), siblings of the same mother, corrections and recognitions linked to them.
Names follow their real frequencies (bench/names.py). The store of n records is the first n
entries of the stream, so a bigger store extends a smaller one.

`store_for(n)` returns a data folder holding those n entries, built once through the
product's own write path (validation of every entry, the repositories, the audit chain, the
numbering and the outbox) in large transactions and cached under bench/.cache/ (git-ignored).

`Register(seed).new_registrations(today)` yields what officers type on a given day (births,
deaths, marriages...), reusing mothers of the register (siblings, twins): the benchmark's saves.

Run `python bench/register.py --check 5000` to validate a sample and tally its issue codes, or
`python bench/register.py --build 100000` to fill the cache.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench import names  # noqa: E402
from desktop_app.store.keyfile import set_kdf_log2_n  # noqa: E402

set_kdf_log2_n(14)  # the bench's accounts are made (and logged into) quickly: see bench_store

GENERATOR_VERSION = 2  # bump when the entries change: cached stores are rebuilt
SEED = 13
TODAY = date(2026, 1, 15)
NOW = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)  # 10:00 in Viet Nam
COMMUNE = "26740"  # Phường Sài Gòn, Hồ Chí Minh City
PROVINCE_ID = "079"  # its pre-2025 province code, first digits of personal IDs
PASSWORD = "bench-scale-password"
ADMIN = "admin"
OFFICER, OFFICER2, SUPERVISOR = "canbo", "canbo2", "chutich"
CACHE = Path(__file__).resolve().parent / ".cache"
BATCH = 2000

TYPE_SHARES = (("birth", 47), ("marriage", 20), ("death", 18), ("change", 9),
               ("recognition", 3), ("guardianship", 3))
HISTORICAL_SHARE = 0.65
# Phase -> (first year, last year, share of historical entries); SOURCE_PHASES in fields.py.
PHASES = {4: (1955, 1975, 10), 3: (1976, 1998, 38), 2: (1999, 2005, 22), 1: (2006, 2015, 25),
          5: (2016, 2022, 5)}
CURRENT_FROM = date(2023, 1, 1)  # registrations made on this device
DIGITISED_FROM = date(2024, 6, 1)  # when the digitisation campaign started
TWIN_RATE = 0.012
SIBLING_RATE = 0.3  # births to a mother already in the register
FACILITIES = ("Bệnh viện Từ Dũ", "Bệnh viện Hùng Vương", "Trạm y tế phường",
              "Bệnh viện Quận 1", "Bệnh viện Nhi Đồng 1")
STREETS = ("Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Pasteur", "Lý Tự Trọng", "Đồng Khởi",
           "Tôn Đức Thắng", "Nam Kỳ Khởi Nghĩa", "Lê Thánh Tôn", "Nguyễn Du")


@dataclass(frozen=True)
class Entry:
    index: int
    id: str
    type: str
    data: dict[str, Any]
    historical: bool
    status: str  # the state the register holds it in
    created_at: datetime  # entered on this device
    registered_on: date | None  # current registrations: the day it was approved
    links_to: str | None = None
    twin_of: tuple[str, dict[str, Any]] | None = None  # (id, data) of the first twin


@dataclass
class _Parents:
    mother: dict[str, Any]
    father: dict[str, Any] | None
    ethnicity: str
    surname_from_mother: bool
    family: str  # the child's family name
    last_birth: date


def _weighted(pairs: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    return [p[0] for p in pairs], [float(p[1]) for p in pairs]


_FAMILY = _weighted(names.FAMILY)
_MID_M = _weighted(names.MIDDLE_MALE)
_MID_F = _weighted(names.MIDDLE_FEMALE)
_GIVEN_M_W = [1 / (i + 1) ** 0.8 for i in range(len(names.GIVEN_MALE))]
_GIVEN_F_W = [1 / (i + 1) ** 0.8 for i in range(len(names.GIVEN_FEMALE))]
_MINOR_W = [m[1] for m in names.MINORITIES]
_TYPES = _weighted(TYPE_SHARES)
_PHASES = list(PHASES), [PHASES[p][2] for p in PHASES]


class Register:
    """The entry stream; one instance per stream (it keeps the families it made)."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.index = 0
        self.families: list[_Parents] = []  # mothers who may have more children
        self.births: list[tuple[str, dict[str, Any], str | None]] = []  # (id, data, reg. no.)
        self._pending: list[Entry] = []

    # -- people --------------------------------------------------------------------------
    def _id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _ethnic_group(self) -> tuple[str, tuple[str, ...], str]:
        if self.rng.random() < 0.88:
            return "Kinh", (), "kinh"
        group = self.rng.choices(names.MINORITIES, _MINOR_W)[0]
        return group[0], group[2], group[3]

    def _given(self, sex: str) -> str:
        pool, weights = ((names.GIVEN_MALE, _GIVEN_M_W) if sex == "male"
                         else (names.GIVEN_FEMALE, _GIVEN_F_W))
        return self.rng.choices(pool, weights)[0]

    def _middle(self, sex: str, born: int) -> str:
        plain = "Văn" if sex == "male" else "Thị"
        old = max(0.0, min(0.85, (2015 - born) / 40))  # Văn/Thị fade with the generations
        if self.rng.random() < old:
            return plain
        mid = self.rng.choices(*(_MID_M if sex == "male" else _MID_F))[0]
        if born >= 2005 and mid != plain and self.rng.random() < 0.15:  # "Ngọc Bảo Anh"
            second = self.rng.choices(*(_MID_M if sex == "male" else _MID_F))[0]
            if second not in (plain, mid):
                mid = f"{mid} {second}"
        return mid

    def name(self, sex: str, born: int, *, ethnicity: str = "Kinh", style: str = "kinh",
             family: str | None = None, families: tuple[str, ...] = ()) -> str:
        rng = self.rng
        if style == "kinh":
            family = family or (rng.choice(families) if families else rng.choices(*_FAMILY)[0])
            return f"{family} {self._middle(sex, born)} {self._given(sex)}"
        family = family or rng.choice(families)
        if style == "mong":
            given = rng.choice(names.MONG_GIVEN_MALE if sex == "male"
                               else names.MONG_GIVEN_FEMALE)
            return f"{family} {'A' if sex == 'male' else 'Thị'} {given}"
        if style == "khmer":
            given = rng.choice(names.KHMER_GIVEN_MALE if sex == "male"
                               else names.KHMER_GIVEN_FEMALE)
            return f"{family} {given}"
        # Ê Đê / Gia Rai: prefix + given name, family name last (Gia Rai often first).
        mark = rng.choices(names.APOSTROPHES, (6, 3, 1))[0]
        given = rng.choice(names.EDE_GIVEN_MALE if sex == "male" else names.EDE_GIVEN_FEMALE)
        own = f"Y {given}" if sex == "male" else f"H{mark}{given}"
        return f"{family} {own}" if style == "jrai" else f"{own} {family}"

    def person(self, sex: str, born: date, *, precision: str = "day", **kw: Any
               ) -> dict[str, Any]:
        return {"full_name": self.name(sex, born.year, **kw), "sex": sex,
                "date_of_birth": _partial(born, precision)}

    def _precision(self, historical: bool, phase: int | None) -> str:
        if not historical:
            return "day"
        odds = {4: (0.35, 0.15), 3: (0.15, 0.1), 2: (0.06, 0.05), 1: (0.02, 0.02),
                5: (0.01, 0.01)}[phase or 1]
        roll = self.rng.random()
        return "year" if roll < odds[0] else "month" if roll < odds[0] + odds[1] else "day"

    def _day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randrange(max(1, (last - first).days + 1)))

    def _pid(self, sex: str, born: date) -> str:
        digit = (born.year // 100 - 19) * 2 + (1 if sex == "female" else 0)
        return (f"{PROVINCE_ID}{digit}{born.year % 100:02d}"
                f"{self.rng.randrange(10**6):06d}")

    def _residence(self) -> dict[str, Any]:
        return {"commune_code": COMMUNE,
                "detail": f"{self.rng.randrange(1, 300)} {self.rng.choice(STREETS)}"}

    # -- the stream ----------------------------------------------------------------------
    def entries(self) -> Iterator[Entry]:
        while True:
            if self._pending:
                yield self._pending.pop()
                continue
            yield self._entry()

    def _entry(self) -> Entry:
        rng = self.rng
        rtype = rng.choices(*_TYPES)[0]
        historical = rng.random() < HISTORICAL_SHARE
        if rtype in ("change", "recognition") and not self.births:
            rtype = "birth"
        phase = rng.choices(*_PHASES)[0] if historical else None
        linked = self._linked_birth() if rtype in ("change", "recognition") else None
        if linked is not None:  # after the birth it changes, in the book of that time
            born = _date_of(linked[1]["child"].get("date_of_birth")) or CURRENT_FROM
            event = min(TODAY - timedelta(days=3),
                        born + timedelta(days=rng.randrange(30, 365 * 20)))
            phase = _phase_of(event.year) if event < CURRENT_FROM and \
                rng.random() < 0.9 else None
            historical = phase is not None
        if historical:
            first, last = PHASES[phase][:2]  # type: ignore[index]
            if linked is None:
                event = self._day(date(first, 1, 1), date(last, 12, 31))
            created = _moment(rng, self._day(DIGITISED_FROM, TODAY - timedelta(days=1)))
            registered = None
            status = rng.choices(("synced", "queued", "submitted", "draft"), (88, 3, 5, 4))[0]
        else:
            if linked is None or event < CURRENT_FROM:
                event = self._day(max(CURRENT_FROM, event if linked else CURRENT_FROM),
                                  TODAY - timedelta(days=3))
            delay = rng.randrange(1, 12) if rng.random() < 0.9 else rng.randrange(12, 40)
            registered = min(TODAY - timedelta(days=1), event + timedelta(days=delay))
            created = _moment(rng, registered - timedelta(days=rng.choice((0, 0, 0, 1, 2))))
            status = rng.choices(("synced", "signed", "approved", "submitted", "draft",
                                  "rejected"), (82, 3, 4, 4, 5, 2))[0]
            if registered >= TODAY - timedelta(days=7) and status == "synced":
                status = "signed"  # the last week is still on its way
        precision = self._precision(historical, phase)
        make = getattr(self, f"_{rtype}")
        data = make(event, registered or event, historical, precision, linked) if linked \
            else make(event, registered or event, historical, precision)
        links = None
        if rtype == "change":
            links = data["original_record"]["record_id"]
        elif rtype == "recognition":
            links = (data["child"].get("birth_record") or {}).get("record_id")
        if historical:
            data.update(self._book(rtype, event, phase))  # type: ignore[arg-type]
        entry = Entry(self.index, self._id(), rtype, data, historical, status, created,
                      registered, links)
        self.index += 1
        if rtype == "birth":
            self.births.append((entry.id, data, data.get("registration_number")))
            if len(self.births) > 20_000:
                self.births.pop(rng.randrange(len(self.births)))
            if rng.random() < TWIN_RATE:
                self._pending.append(self._twin(entry))
        return entry

    def _twin(self, first: Entry) -> Entry:
        data = _copy(first.data)
        child = data["child"]
        sex = self.rng.choice(("male", "female"))
        family = child["full_name"].split()[0]
        for _ in range(5):
            name = self.name(sex, TODAY.year, family=family)
            if name != child["full_name"]:
                break
        child.update(full_name=name, sex=sex)
        if "personal_id" in child:
            born = date.fromisoformat(child["date_of_birth"])
            child["personal_id"] = self._pid(sex, born)
        if first.historical and data.get("registration_number"):
            data["registration_number"] = str(int(data["registration_number"]) + 1)
            if "source" in data:
                data["source"]["entry_number"] = data["registration_number"]
        entry = Entry(self.index, self._id(), "birth", data, first.historical, first.status,
                      first.created_at + timedelta(minutes=7), first.registered_on,
                      twin_of=(first.id, first.data))
        self.index += 1
        return entry

    def _book(self, rtype: str, event: date, phase: int) -> dict[str, Any]:
        from desktop_app.domain.record_types import BOOK_CODES, RecordType

        rng = self.rng
        year = min(event.year + rng.choice((0, 0, 0, 1)), PHASES[phase][1])
        registered = max(event, date(year, 1, 1)) + timedelta(days=rng.randrange(0, 60))
        registered = min(registered, date(PHASES[phase][1], 12, 31))
        number = str(rng.randrange(1, 400))
        book = f"{rng.randrange(1, 4):02d}/{year}/{BOOK_CODES[RecordType(rtype)]}"
        extra: dict[str, Any] = {
            "registered_on": _partial(registered, "day" if rng.random() < 0.9 else "year"),
            "registration_number": number, "book_number": book,
            "source": {"book_number": book, "year": year, "page": rng.randrange(1, 200),
                       "entry_number": number, "phase": str(phase)},
        }
        roll = rng.random()
        if roll < 0.03:  # the number is blurred in the book
            extra.pop("registration_number")
            extra["illegible"] = ["registration_number"]
        elif roll < 0.05:
            extra.pop("source")
        return extra

    # -- record types --------------------------------------------------------------------
    def _parents(self, born: date, historical: bool, precision: str) -> _Parents:
        rng = self.rng
        if self.families and rng.random() < SIBLING_RATE:
            fam = self.families[rng.randrange(len(self.families))]
            mother_born = _date_of(fam.mother.get("date_of_birth"))
            if mother_born is None or 18 <= born.year - mother_born.year <= 44:
                return fam
        ethnicity, families, style = self._ethnic_group()
        mother_born = born - timedelta(days=365 * rng.randrange(19, 40) + rng.randrange(365))
        father_born = mother_born - timedelta(days=365 * rng.randrange(-2, 9))
        mother = {"full_name": self.name("female", mother_born.year, ethnicity=ethnicity,
                                         style=style, families=families),
                  "date_of_birth": _partial(mother_born, "year" if rng.random() < 0.25
                                            else precision),
                  "ethnicity": ethnicity}
        father: dict[str, Any] | None = None
        matrilineal = style in ("ede", "jrai")
        if rng.random() < 0.92:
            father = {"full_name": self.name("male", father_born.year, ethnicity=ethnicity,
                                             style=style, families=families),
                      "date_of_birth": _partial(father_born, "year" if rng.random() < 0.3
                                                else precision),
                      "ethnicity": ethnicity}
        if not historical:
            mother["residence"] = self._residence()
            if rng.random() < 0.8:
                mother["personal_id"] = self._pid("female", mother_born)
        source = mother if matrilineal or father is None else father
        tokens = source["full_name"].split()
        family = tokens[-1] if style == "ede" else tokens[0]
        if style == "jrai":
            family = " ".join(tokens[:-1]).split(" H")[0].split(" Y ")[0]
        fam = _Parents(mother, father, ethnicity, matrilineal, family, born)
        self.families.append(fam)
        if len(self.families) > 30_000:
            self.families.pop(rng.randrange(len(self.families)))
        return fam

    def _child_name(self, fam: _Parents, sex: str, born: date) -> str:
        style = next((m[3] for m in names.MINORITIES if m[0] == fam.ethnicity), "kinh")
        if style in ("ede", "jrai"):
            return self.name(sex, born.year, style=style, family=fam.family)
        if style == "khmer":
            return self.name(sex, born.year, style="khmer", family=fam.family)
        if style == "mong":
            return self.name(sex, born.year, style="mong", family=fam.family)
        return self.name(sex, born.year, family=fam.family)

    def _birth(self, born: date, registered: date, historical: bool, precision: str
               ) -> dict[str, Any]:
        rng = self.rng
        fam = self._parents(born, historical, precision)
        sex = rng.choice(("male", "female"))
        child: dict[str, Any] = {
            "full_name": self._child_name(fam, sex, born), "sex": sex,
            "date_of_birth": _partial(born, precision), "ethnicity": fam.ethnicity,
            "nationality": "VN",
            "place_of_birth": {"facility": rng.choice(FACILITIES), "commune_code": COMMUNE},
        }
        data: dict[str, Any] = {"child": child, "mother": _copy(fam.mother)}
        if fam.father is not None:
            data["father"] = _copy(fam.father)
        by_father = fam.father is not None and rng.random() < 0.6
        declarant = fam.father if by_father else fam.mother
        data["declarant"] = {"full_name": declarant["full_name"],  # type: ignore[index]
                             "relationship": "father" if by_father else "mother"}
        data["birth_evidence"] = {"kind": "birth_certificate",
                                  "number": f"GCS-{rng.randrange(10**6):06d}"}
        late = not historical and rng.random() < 0.04
        data["registration_kind"] = "late" if late else "on_time"
        if historical and rng.random() < 0.05:  # the mother's birth year is blurred
            data["mother"].pop("date_of_birth", None)
            data["illegible"] = ["mother.date_of_birth"]
        if historical:
            child["place_of_birth"] = {"commune_code": COMMUNE} if rng.random() < 0.7 else \
                {"as_written": "Sài Gòn", "country": "VN"}
        return data

    def _death(self, died: date, registered: date, historical: bool, precision: str
               ) -> dict[str, Any]:
        rng = self.rng
        sex = rng.choice(("male", "female"))
        age = max(1, int(rng.triangular(1, 100, 78)))
        born = died - timedelta(days=365 * age + rng.randrange(365))
        ethnicity, families, style = self._ethnic_group()
        deceased = self.person(sex, born, precision="year" if rng.random() < 0.4 else precision,
                               ethnicity=ethnicity, style=style, families=families)
        deceased["ethnicity"] = ethnicity
        if historical and rng.random() < 0.08:
            deceased.pop("date_of_birth")
            deceased["age_at_event"] = age
        if not historical and born.year >= 1940 and rng.random() < 0.7:
            deceased["personal_id"] = self._pid(sex, born)
        moment = f"{died.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        data: dict[str, Any] = {
            "deceased": deceased,
            "time_of_death": moment if precision == "day" else _partial(died, precision),
            "place_of_death": {"commune_code": COMMUNE, "detail": self._residence()["detail"]},
            "declarant": {"full_name": self.name(rng.choice(("male", "female")), born.year + 28,
                                                 family=deceased["full_name"].split()[0]
                                                 if style == "kinh" else None,
                                                 ethnicity=ethnicity, style=style,
                                                 families=families),
                          "relationship": rng.choice(("child", "child", "spouse", "grandchild"))},
            "registration_kind": "on_time" if historical or rng.random() < 0.9 else "late",
        }
        if not historical and rng.random() < 0.7:
            data["death_notice"] = {"kind": "Giấy báo tử", "number": f"BT-{rng.randrange(10**5)}"}
        return data

    def _marriage(self, day: date, registered: date, historical: bool, precision: str
                  ) -> dict[str, Any]:
        rng = self.rng
        ethnicity, families, style = self._ethnic_group()
        wife_age = rng.randrange(19, 36)
        husband_age = max(21, wife_age + rng.randrange(-1, 8))
        wife_born = day - timedelta(days=365 * wife_age + rng.randrange(300))
        husband_born = day - timedelta(days=365 * husband_age + rng.randrange(300))
        husband = self.person("male", husband_born, precision=precision, ethnicity=ethnicity,
                              style=style, families=families)
        wife = self.person("female", wife_born, precision=precision, ethnicity=ethnicity,
                           style=style, families=families)
        for who in (husband, wife):
            who["ethnicity"] = ethnicity
            if not historical:
                who["residence"] = self._residence()
                if rng.random() < 0.9:
                    who["personal_id"] = self._pid(who["sex"], _date_of(who["date_of_birth"])
                                                   or day)
        data: dict[str, Any] = {"husband": husband, "wife": wife, "both_present": True,
                                "registration_kind": "first"}
        if historical:
            data["effective_date"] = _partial(day, precision)
        return data

    def _linked_birth(self) -> tuple[str, dict[str, Any], str | None]:
        return self.births[self.rng.randrange(len(self.births))]

    def _change(self, day: date, registered: date, historical: bool, precision: str,
               linked: tuple[str, dict[str, Any], str | None] | None = None) -> dict[str, Any]:
        rng = self.rng
        birth_id, birth, number = linked or self._linked_birth()
        child = birth["child"]
        kind = rng.choices(("correction", "change", "supplement",
                            "ethnicity_redetermination"), (60, 25, 12, 3))[0]
        if kind == "correction" and "-" in str(child.get("date_of_birth", "")):
            old = child["date_of_birth"]
            fixed = (_date_of(old) or day) + timedelta(days=rng.choice((-1, 1, 10, -10)))
            fixed = min(fixed, TODAY - timedelta(days=1))
            changes = [{"field": "child.date_of_birth", "from": old,
                        "to": _partial(fixed, "day" if len(old) == 10 else "month")}]
        elif kind == "supplement":
            changes = [{"field": "child.hometown.commune_code", "to": COMMUNE}]
        elif kind == "ethnicity_redetermination":
            other = "Hoa" if child.get("ethnicity") == "Kinh" else "Kinh"
            changes = [{"field": "child.ethnicity", "from": child.get("ethnicity"),
                        "to": other}]
        else:  # a given name changed, or a name's diacritics corrected
            parts = child["full_name"].split()
            new = " ".join([*parts[:-1], self._given(child.get("sex", "male"))])
            if new == child["full_name"]:
                new = f"{child['full_name']} {self._given(child.get('sex', 'male'))}"
            changes = [{"field": "child.full_name", "from": child["full_name"], "to": new}]
        data: dict[str, Any] = {
            "kind": kind,
            "subject": {"full_name": child["full_name"],
                        "date_of_birth": child.get("date_of_birth")},
            "original_record": {"record_id": birth_id},
            "changes": changes,
            "basis": {"kind": "Giấy chứng sinh" if kind == "correction" else "Đơn đề nghị",
                      "number": str(rng.randrange(1, 999))},
            "consent_given": True,
            "declarant": {"full_name": birth["mother"]["full_name"], "relationship": "mother"},
        }
        if number:
            data["original_record"]["registration_number"] = number
        if not data["subject"]["date_of_birth"]:
            data["subject"].pop("date_of_birth")
        return data

    def _recognition(self, day: date, registered: date, historical: bool, precision: str,
                     linked: tuple[str, dict[str, Any], str | None] | None = None
                     ) -> dict[str, Any]:
        rng = self.rng
        birth_id, birth, _number = linked or self._linked_birth()
        child = birth["child"]
        born = _date_of(child.get("date_of_birth")) or day
        father_born = born - timedelta(days=365 * rng.randrange(20, 45))
        parent = self.person("male", father_born, precision="year",
                             family=child["full_name"].split()[0])
        data: dict[str, Any] = {
            "kind": "father_recognises_child", "parent": parent,
            "child": {"full_name": child["full_name"], "date_of_birth": child["date_of_birth"],
                      "birth_record": {"record_id": birth_id}},
            "evidence": {"kind": "DNA", "number": f"ADN-{rng.randrange(10**4)}"},
        }
        if rng.random() < 0.5:
            data["declarant"] = {"full_name": parent["full_name"], "relationship": "father"}
        return data

    def _guardianship(self, day: date, registered: date, historical: bool, precision: str
                      ) -> dict[str, Any]:
        rng = self.rng
        ward_born = day - timedelta(days=365 * rng.randrange(1, 17) + rng.randrange(365))
        guardian_born = ward_born - timedelta(days=365 * rng.randrange(25, 60))
        ward = self.person(rng.choice(("male", "female")), ward_born, precision=precision)
        guardian = self.person(rng.choice(("male", "female")), guardian_born, precision="year",
                               family=ward["full_name"].split()[0])
        return {"kind": rng.choices(("statutory", "appointed"), (70, 30))[0],
                "guardian": guardian, "ward": ward,
                "basis": {"kind": "Quyết định", "number": f"QĐ-{rng.randrange(1, 500)}"}}

    # -- what officers type on a day -----------------------------------------------------
    def new_registrations(self, today: date = TODAY) -> Iterator[tuple[str, dict[str, Any]]]:
        """(type, data) of new registrations made today: mostly births (some to mothers of
        the register, some twins), deaths and marriages."""
        while True:
            rtype = self.rng.choices(("birth", "death", "marriage", "change"),
                                     (55, 20, 20, 5))[0]
            if rtype == "change" and not self.births:
                rtype = "birth"
            event = today - timedelta(days=self.rng.randrange(1, 20))
            data = getattr(self, f"_{rtype}")(event, today, False, "day")
            yield rtype, data
            if rtype == "birth" and self.rng.random() < 0.1:  # the twin, typed just after
                twin = _copy(data)
                twin["child"]["full_name"] = self.name(
                    twin["child"]["sex"], event.year, family=data["child"]["full_name"].split()[0])
                yield rtype, twin


# -- helpers ------------------------------------------------------------------------------
def _partial(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _phase_of(year: int) -> int | None:
    return next((p for p, (first, last, _w) in PHASES.items() if first <= year <= last), None)


def _date_of(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    parts = value[:10].split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 7,
                    int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


def _moment(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, rng.randrange(1, 10), rng.randrange(60),
                    rng.randrange(60), tzinfo=UTC)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


# -- filling a store through the product's write path --------------------------------------
class GeneratorError(Exception):
    """A generated entry the product refuses: a bug of this generator."""


@dataclass
class FillStats:
    records: int = 0
    seconds: float = 0.0
    by_type: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    issues: Counter[str] = field(default_factory=Counter)


def validated(entry: Entry) -> tuple[dict[str, Any], list[Any]]:
    """The entry prepared and validated like a save does (the twin as its context)."""
    from desktop_app.domain import BirthCandidate, ValidationContext, prepare_record, validate

    data = prepare_record(entry.type, _copy(entry.data))
    context = ValidationContext(record_id=entry.id)
    if entry.twin_of is not None:
        context = ValidationContext(births=(BirthCandidate.from_record(*entry.twin_of),),
                                    record_id=entry.id)
    today = entry.registered_on or entry.created_at.date()
    issues = validate(entry.type, data, historical=entry.historical, today=today,
                      context=context)
    errors = [i.code for i in issues if i.is_error]
    if errors:
        raise GeneratorError(f"entry {entry.index} ({entry.type}): {errors}")
    return data, issues


def initialise(root: Path) -> None:
    """A data folder with the bench commune, an admin, two officers and a supervisor."""
    from desktop_app.accounts import Role
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.workflows import accounts

    paths, clock = DataPaths(root), FixedClock(NOW)
    accounts.initialise(paths, commune_code=COMMUNE, admin=ADMIN, password=PASSWORD,
                        clock=clock, full_name="Quản Trị Viên")
    admin = accounts.login(paths, ADMIN, PASSWORD, clock)
    try:
        for username, role, full_name in ((OFFICER, Role.OFFICER, "Lê Thị Hộ Tịch"),
                                          (OFFICER2, Role.OFFICER, "Phạm Văn Kiểm"),
                                          (SUPERVISOR, Role.SUPERVISOR, "Trần Văn Chủ Tịch")):
            accounts.add_account(admin, username=username, role=role, password=PASSWORD,
                                 full_name=full_name)
    finally:
        admin.close()


def fill(root: Path, entries: Iterator[Entry], count: int, *, batch: int = BATCH,
         progress: bool = False) -> FillStats:
    """Write ``count`` entries into the data folder, ``batch`` per transaction."""
    from bench import store_writer
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.workflows import accounts

    stats = FillStats()
    session = accounts.login(DataPaths(root), ADMIN, PASSWORD, FixedClock(NOW))
    start = time.perf_counter()
    try:
        done = 0
        while done < count:
            chunk = []
            for _ in range(min(batch, count - done)):
                entry = next(entries)
                data, issues = validated(entry)
                chunk.append((entry, data, issues))
                stats.by_type[entry.type] += 1
                stats.by_status[entry.status] += 1
                stats.issues.update(i.code for i in issues)
            store_writer.write_batch(session, chunk)
            done += len(chunk)
            if progress and (done % 20_000 == 0 or done == count):
                rate = done / (time.perf_counter() - start)
                print(f"  {done:,} / {count:,} ({rate:,.0f}/s)", file=sys.stderr, flush=True)
    finally:
        session.close()
    stats.records = count
    stats.seconds = time.perf_counter() - start
    return stats


def _cache_dir(n: int, seed: int) -> Path:
    return CACHE / f"register-v{GENERATOR_VERSION}-s{seed}-{n}"


def _open_once(root: Path) -> None:
    """Open a store being built once with this program (migrations run here) and drop the
    pre-upgrade backups that opening makes."""
    from desktop_app.clock import FixedClock
    from desktop_app.paths import DataPaths
    from desktop_app.workflows import accounts

    accounts.login(DataPaths(root), ADMIN, PASSWORD, FixedClock(NOW)).close()
    shutil.rmtree(root / "backups", ignore_errors=True)


def store_for(n: int, seed: int = SEED, *, progress: bool = True) -> Path:
    """The cached data folder of the first n entries, built (from a smaller one) if missing."""
    target = _cache_dir(n, seed)
    if (target / "done").exists():
        # Left as built: the cache is shared by branches of different schemas, so the
        # benchmarks migrate their copy (a store migrated here would refuse older programs).
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    smaller = sorted((int(p.name.rsplit("-", 1)[1]), p) for p in
                     CACHE.glob(f"register-v{GENERATOR_VERSION}-s{seed}-*")
                     if (p / "done").exists() and int(p.name.rsplit("-", 1)[1]) < n)
    stream = Register(seed).entries()
    building = target.with_name(target.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    if smaller:
        have, source = smaller[-1]
        shutil.copytree(source, building)
        (building / "done").unlink()
        _open_once(building)
        for _ in range(have):  # the stream is deterministic: skip what the copy holds
            next(stream)
    else:
        have = 0
        initialise(building)
    if progress:
        print(f"building a register of {n:,} records (from {have:,})", file=sys.stderr)
    stats = fill(building, stream, n - have, progress=progress)
    (building / "done").write_text(f"{n} records, {stats.seconds:.0f} s\n")
    building.rename(target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", type=int, metavar="N",
                        help="generate and validate N entries; print the tallies")
    parser.add_argument("--build", type=int, metavar="N", help="build the cached store of N")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.check:
        stream = Register(args.seed).entries()
        stats = FillStats()
        start = time.perf_counter()
        for _ in range(args.check):
            entry = next(stream)
            _data, issues = validated(entry)
            stats.by_type[entry.type] += 1
            stats.by_status[entry.status] += 1
            stats.by_status["historical" if entry.historical else "current"] += 1
            stats.issues.update(i.code for i in issues)
        elapsed = time.perf_counter() - start
        print(f"{args.check} entries generated and validated in {elapsed:.1f} s")
        for title, counter in (("types", stats.by_type), ("states", stats.by_status),
                               ("issues", stats.issues)):
            print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    if args.build:
        print(store_for(args.build, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
