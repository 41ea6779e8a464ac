"""Reconciling a digitised birth book with the centre's population registry (issue 17 item
7), through `hotich books reconcile` against the real server in a subprocess.

The registry is seeded the way an operator would (`hotich central registry-import`) with
plausible persons of the commune and year, and deliberate mismatches: a name that differs
only by a tone mark, a sex keyed wrong, a person the book lacks, an entry the registry
lacks, one entry matched by personal ID whose father's name differs; persons of another
commune and another year must not be compared.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop_app.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.workflows.accounts import login
from tests.conftest import ADMIN_PASSWORD, CliResult
from tests.e2e.conftest import CentralProcess
from tests.samples import build

PW = "staff-password-1"
YEAR = 1998
COMMUNE = "00070"


def _entry(n: int, child: str, born: str, mother: str, *, sex: str = "male",
           father: str = "Nguyễn Văn Cường", personal_id: str | None = None) -> dict[str, Any]:
    changes: dict[str, object] = {
        "child.full_name": child, "child.date_of_birth": born, "child.sex": sex,
        "mother.full_name": mother, "father.full_name": father,
        "declarant.full_name": father, "registered_on": f"{YEAR}-06-0{n}",
        "registration_number": str(n), "registration_kind": "on_time"}
    if personal_id:
        changes["child.personal_id"] = personal_id
    return build("birth", changes)


BOOK = [
    _entry(1, "Nguyễn Văn An", "1998-05-01", "Trần Thị Bình"),
    _entry(2, "Lê Thị Ân", "1998-05-02", "Phạm Thị Hoa", sex="female"),  # registry: "Ân"->"An"
    _entry(3, "Hoàng Văn Minh", "1998-05-03", "Đỗ Thị Lan"),  # registry: sex female
    _entry(4, "Y Sơn Niê", "1998-05-04", "H’Hen Niê"),  # the registry never had him
    _entry(5, "Vũ Văn Khôi", "1998-05-05", "Bùi Thị Thu", personal_id="001098000105",
           father="Vũ Văn Hải"),  # matched by ID; registry's father "Vũ Văn Hãi"
]


def _person(pid: str, name: str, born: str, mother: str, *, sex: str = "male",
            father: str = "Nguyễn Văn Cường", commune: str = COMMUNE,
            year: int = YEAR) -> dict[str, object]:
    return {"event": "birth", "personal_id": pid, "commune": commune, "year": year,
            "full_name": name, "sex": sex, "date_of_birth": born, "mother_name": mother,
            "father_name": father}


REGISTRY = [
    _person("001098000101", "Nguyễn Văn An", "1998-05-01", "Trần Thị Bình"),
    _person("001098000102", "Lê Thị An", "1998-05-02", "Phạm Thị Hoa", sex="female"),
    _person("001098000103", "Hoàng Văn Minh", "1998-05-03", "Đỗ Thị Lan", sex="female"),
    _person("001098000105", "Vũ Văn Khôi", "1998-05-05", "Bùi Thị Thu", father="Vũ Văn Hãi"),
    _person("001098000106", "Đặng Thị Ngọc", "1998-07-09", "Lò Thị Mai", sex="female"),
    # not this commune, not this year: never compared
    _person("001098000201", "Y Sơn Niê", "1998-05-04", "H’Hen Niê", commune="26740"),
    _person("001099000301", "Y Sơn Niê", "1998-05-04", "H’Hen Niê", year=1999),
]


@pytest.fixture
def office(cli: Callable[..., CliResult], data_dir: Path, central: CentralProcess
           ) -> Callable[..., CliResult]:
    for name, role in (("canbo", "officer"), ("chutich", "supervisor")):
        assert cli("--data-dir", data_dir, "--user", "admin", "user", "add", name, "--role",
                   role, "--password-stdin", stdin=PW + "\n", password=ADMIN_PASSWORD).code == 0
    central.enroll(cli, data_dir, COMMUNE)

    def run(user: str, *args: object) -> CliResult:
        return cli("--data-dir", data_dir, "--user", user, *map(str, args), password=PW)

    return run


def _digitised_book(run: Callable[..., CliResult], tmp_path: Path) -> str:
    opened = run("canbo", "--json", "books", "open", "--type", "birth", "--year", YEAR,
                 "--number", "01/1998", "--office", "UBND xã Tân Lập", "--phase", "4")
    assert opened.code == 0, opened.err
    book = json.loads(opened.out)["id"]
    pages = tmp_path / "pages"
    pages.mkdir()
    image = io.BytesIO()
    Image.new("RGB", (40, 60), (200, 200, 200)).save(image, "JPEG")
    (pages / "p1.jpg").write_bytes(image.getvalue())
    assert run("canbo", "books", "pages", book, "--from", pages).code == 0
    for position, entry in enumerate(BOOK, start=1):
        source = tmp_path / f"entry{position}.json"
        source.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        keyed = run("canbo", "books", "key", book, "--page", "1", "--position", position,
                    "--from", source)
        assert keyed.code == 0, keyed.err
    return str(book)


def test_a_digitised_book_reconciled_with_the_registry(
        office: Callable[..., CliResult], central: CentralProcess,
        cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path) -> None:
    run = office
    book = _digitised_book(run, tmp_path)
    seed = tmp_path / "registry.json"
    seed.write_text(json.dumps(REGISTRY, ensure_ascii=False), encoding="utf-8")
    imported = cli("--json", "central", "registry-import", "--db", central.db, seed)
    assert imported.code == 0 and json.loads(imported.out)["imported"] == len(REGISTRY)

    done = run("canbo", "--json", "books", "reconcile", book)
    assert done.code == 0, done.err
    report = json.loads(done.out)
    assert (report["entries"], report["registry"], report["matched"]) == (5, 5, 4)
    found = {(m["kind"], m["field"], m["book"], m["centre"]) for m in report["mismatches"]}
    assert found == {
        ("field_differs", "child.full_name", "Lê Thị Ân", "Lê Thị An"),
        ("field_differs", "child.sex", "male", "female"),
        ("field_differs", "father.full_name", "Vũ Văn Hải", "Vũ Văn Hãi"),
        ("missing_at_centre", None, None, None),
        ("missing_in_book", None, None, None),
    }
    keys = {(m["kind"], m["field"]): m["key"] for m in report["mismatches"]}
    missing = next(m for m in report["mismatches"] if m["kind"] == "missing_in_book")
    assert (missing["name"], missing["personal_id"]) == ("Đặng Thị Ngọc", "001098000106")

    text = run("canbo", "books", "reconcile", book)  # the officer's one-line summary
    assert text.code == 0 and text.out.splitlines()[0].startswith("Đối chiếu sổ")
    assert len(text.out.splitlines()) == 1 + 5

    # The officer resolves each: a correction opens as a draft; the rest are recorded.
    fix = run("canbo", "--json", "books", "reconcile", book, "--resolve",
              keys[("field_differs", "child.full_name")], "--as", "correction")
    assert fix.code == 0, fix.err
    correction = json.loads(fix.out)["correction_id"]
    shown = json.loads(run("canbo", "--json", "record", "show", correction).out)
    assert (shown["type"], shown["status"]) == ("change", "draft")
    assert shown["changes"] == [{"field": "full_name", "from": "Lê Thị Ân",
                                         "to": "Lê Thị An"}]
    for kind, how in ((("field_differs", "child.sex"), "checked"),
                      (("missing_at_centre", None), "accept_book"),
                      (("missing_in_book", None), "checked")):
        resolved = run("canbo", "books", "reconcile", book, "--resolve", keys[kind], "--as", how)
        assert resolved.code == 0, resolved.err
    wrong = run("canbo", "books", "reconcile", book, "--resolve",
                keys[("field_differs", "father.full_name")], "--as", "bogus")
    assert wrong.code == 2  # not a resolution: a usage error
    again = run("canbo", "books", "reconcile", book, "--resolve",
                keys[("missing_in_book", None)], "--as", "checked")
    assert again.code == 1 and len(again.err.strip().splitlines()) == 1  # already resolved

    rerun = json.loads(run("canbo", "--json", "books", "reconcile", book).out)
    still = [m for m in rerun["mismatches"] if m["resolution"] is None]
    assert [(m["kind"], m["field"]) for m in still] == [("field_differs", "father.full_name")]
    verified = cli("--data-dir", data_dir, "--user", "admin", "audit", "verify",
                   password=ADMIN_PASSWORD)
    assert verified.code == 0, verified.err
    session = login(DataPaths(data_dir), "canbo", PW, SystemClock())
    try:
        with session.store.read() as uow:
            audited = [json.loads(e.details)["resolution"] for e in uow.audit.entries()
                       if e.action == "book.reconcile.resolve"]
    finally:
        session.close()
    assert sorted(audited) == ["accept_book", "checked", "checked", "correction"]
