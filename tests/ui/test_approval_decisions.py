"""The supervisor's decision panel shows the warnings as approval will evaluate them (the first
of two twins, a duplicate, bigamy and kinship found after submission), one reason box per
warning and field (two under-age spouses); signing says what each batch did until dismissed;
an officer's preview names no signer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.errors import Cancelled
from desktop_app.session import Session
from desktop_app.workflows import records
from tests.samples import build
from tests.ui.conftest import PW, UiOffice, type_text, wait_idle
from ui.context import SignOutcome, UiHooks
from ui.pages.approval_page import ApprovalPage
from ui.widgets.sign_outcome import SignOutcomeWidget

TWIN = {"child.full_name": "Nguyễn Văn Bình", "birth_evidence.number": "GCS-002"}


def _submitted(office: UiOffice, rtype: str, data: dict) -> str:
    officer = office.session("canbo")
    created = records.create_record(officer, rtype, data)
    records.submit(officer, created.record.id)
    return created.record.id


def _saved_codes(office: UiOffice, record_id: str) -> set[str]:
    return {str(i["rule"]) for i in records.get_record(office.session("canbo"),
                                                       record_id).issues}


def _page(qtbot: QtBot, office: UiOffice, hooks: UiHooks | None = None) -> ApprovalPage:
    page = ApprovalPage(office.ctx("chutich", hooks))
    qtbot.addWidget(page)
    page.show()
    return page


def _select(qtbot: QtBot, page: ApprovalPage, record_id: str) -> None:
    """Select the record in the queue like a click, and wait for its evaluation."""
    qtbot.waitUntil(lambda: record_id in [r.id for r in page.pending_model.rows()],
                    timeout=10000)
    page.pending_table.selectRow([r.id for r in page.pending_model.rows()].index(record_id))
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == record_id
                    and page.warnings.state in ("ready", "blocked"), timeout=10000)


def _reason(page: ApprovalPage, key: str) -> QLineEdit:
    box = page.findChild(QLineEdit, f"reason:{key}")
    assert box is not None, sorted(page.reasons)
    return box


def test_the_first_twin_shows_w_twins_and_is_approved(qtbot: QtBot, office: UiOffice) -> None:
    first = _submitted(office, "birth", build("birth"))
    second = _submitted(office, "birth", build("birth", TWIN))
    assert "W-TWINS" not in _saved_codes(office, first)  # alone when it was submitted

    page = _page(qtbot, office)
    _select(qtbot, page, first)
    assert "W-TWINS@child.date_of_birth" in page.reasons
    box = _reason(page, "W-TWINS@child.date_of_birth")
    qtbot.waitUntil(box.isVisible, timeout=10000)  # a widget added to a shown page: next loop
    warning = page.findChild(QLabel, "warning:W-TWINS@child.date_of_birth")
    assert "Nguyễn Văn Bình" in warning.text() and second not in warning.text()  # named
    assert page.approve_button.isEnabled()
    page.approve_button.click()  # no reason: refused, nothing changes
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10000)
    assert records.get_record(office.session("canbo"), first).status == "submitted"

    type_text(_reason(page, "W-TWINS@child.date_of_birth"), "Sinh đôi, hai giấy chứng sinh")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.approve_button.click()
    rec = records.get_record(office.session("canbo"), first)
    assert rec.status == "awaiting_personal_id"
    assert [(o["rule"], o["field"]) for o in rec.overrides] == [
        ("W-TWINS", "child.date_of_birth")]

    _select(qtbot, page, second)  # the second twin: its own warning, its own reason
    assert "W-TWINS@child.date_of_birth" in page.reasons
    assert page.reasons["W-TWINS@child.date_of_birth"].text() == ""
    type_text(_reason(page, "W-TWINS@child.date_of_birth"), "Sinh đôi")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.approve_button.click()
    assert records.get_record(office.session("canbo"), second).status == \
        "awaiting_personal_id"
    wait_idle(qtbot, office.runner)


def test_rules_on_other_records_are_evaluated_when_selected(qtbot: QtBot,
                                                            office: UiOffice) -> None:
    """A duplicate, a bigamy and a kinship that appeared after submission are shown."""
    child = _submitted(office, "birth", build("birth"))
    _submitted(office, "birth", build("birth", {"child.full_name": "NGUYEN van an"}))
    # a re-registration: bigamy stays a warning (a new first marriage is refused, issue 15)
    marriage = _submitted(office, "marriage", build("marriage", {
        "registration_kind": "re_registration"}))
    # both spouses' own births (entered later) name the same mother: siblings
    parents = {"mother.full_name": "Trần Thị Mơ", "mother.date_of_birth": "1970-03-03",
               "father.full_name": "Phạm Văn Cả", "father.date_of_birth": "1968",
               "registration_kind": "late", "declarant.full_name": "Phạm Văn Cả"}
    records.create_record(office.session("canbo"), "birth", build("birth", {
        **parents, "child.full_name": "Phạm Văn Hùng", "child.date_of_birth": "1998-05-01"}))
    records.create_record(office.session("canbo"), "birth", build("birth", {
        **parents, "child.full_name": "Đỗ Thị Lan", "child.date_of_birth": "2000-07-09",
        "child.sex": "female"}))
    # the husband married earlier, registered since
    other = _submitted(office, "marriage", build("marriage", {
        "wife.full_name": "Lê Thị Hoa", "wife.date_of_birth": "1999-01-01"}))
    records.approve(office.session("chutich"), other, {})
    assert not {"W-DUP-PERSON", "W-MARR-KIN", "W-MARR-BIGAMY"} & (
        _saved_codes(office, child) | _saved_codes(office, marriage))

    page = _page(qtbot, office)
    _select(qtbot, page, child)
    assert "W-DUP-PERSON@child.full_name" in page.reasons, sorted(page.reasons)
    _select(qtbot, page, marriage)
    assert {"W-MARR-BIGAMY@husband.full_name", "W-MARR-KIN@wife.full_name"} <= set(
        page.reasons), sorted(page.reasons)
    wait_idle(qtbot, office.runner)


def test_two_under_age_spouses_each_need_a_reason(qtbot: QtBot, office: UiOffice) -> None:
    marriage = _submitted(office, "marriage", build("marriage", {
        "husband.date_of_birth": "2008-03-01", "wife.date_of_birth": "2010-02-02",
        "registration_kind": "re_registration", "effective_date": "2025-12-01"}))
    page = _page(qtbot, office)
    _select(qtbot, page, marriage)
    husband = _reason(page, "W-MARR-AGE@husband.date_of_birth")
    wife = _reason(page, "W-MARR-AGE@wife.date_of_birth")
    assert husband is not wife and husband.placeholderText() != wife.placeholderText()
    shown = [page.findChild(QLabel, f"warning:W-MARR-AGE@{who}.date_of_birth").text()
             for who in ("husband", "wife")]
    assert shown[0] != shown[1]  # each names the party it concerns

    type_text(husband, "Bản án công nhận hôn nhân")
    page.approve_button.click()  # the wife's warning has no reason yet
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10000)
    wait_idle(qtbot, office.runner)
    assert records.get_record(office.session("canbo"), marriage).status == "submitted"
    assert husband.text() == "Bản án công nhận hôn nhân"  # what was typed stays

    type_text(wife, "Đã đủ tuổi khi đăng ký lại")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.approve_button.click()
    rec = records.get_record(office.session("canbo"), marriage)
    assert rec.status == "approved"
    assert [(o["field"], o["reason"]) for o in rec.overrides] == [
        ("husband.date_of_birth", "Bản án công nhận hôn nhân"),
        ("wife.date_of_birth", "Đã đủ tuổi khi đăng ký lại")]
    wait_idle(qtbot, office.runner)


def _approved_deaths(office: UiOffice, names: Sequence[str]) -> list[str]:
    ids = []
    for name in names:
        rid = _submitted(office, "death", build("death", {"deceased.full_name": name}))
        records.approve(office.session("chutich"), rid, {})
        ids.append(rid)
    return ids


def _outcome(page: ApprovalPage) -> SignOutcomeWidget:
    widget = page.findChild(SignOutcomeWidget, "signOutcome")
    assert widget is not None
    return widget


def test_a_batch_outcome_stays_until_dismissed(qtbot: QtBot, office: UiOffice) -> None:
    from desktop_app.domain.errors import SignerConflictError

    good, bad, left = _approved_deaths(office, ["Lê Văn Tư", "Y Moan Êban", "Ksor H'Bia"])
    answers = {good: None, bad: SignerConflictError(parties=["deceased"])}

    def sign(_session: Session, ids: Sequence[str], _password: str,
             progress) -> list[SignOutcome]:  # noqa: ANN001
        progress("sign", 0, len(ids))
        # the third one: the user cancelled before it
        return [SignOutcome(rid, answers.get(rid, Cancelled())) for rid in ids]

    page = _page(qtbot, office, UiHooks(sign_records=sign))
    page.ask_p12_password = lambda: "p12-password"
    qtbot.waitUntil(lambda: page.sign_model.rowCount() == 3, timeout=10000)
    page.select_all.click()
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)  # the refresh after the batch has landed
    outcome = _outcome(page)
    assert outcome.isVisible() and outcome.result is not None
    assert outcome.result.kind == "cancelled"
    assert outcome.result.signed == (good,)
    assert [rid for rid, _e in outcome.result.failed] == [bad]
    assert outcome.result.not_signed == (left,)
    assert outcome.failures.count() == 1 and outcome.failures.isVisible()
    assert outcome.summary.text()

    page.refresh()  # a refresh (page shown again, another decision) keeps it
    wait_idle(qtbot, office.runner)
    assert outcome.isVisible() and outcome.result is not None
    outcome.dismiss_button.click()
    assert not outcome.isVisible() and outcome.result is None


def _real_hooks(office: UiOffice) -> UiHooks:
    """The composition root's hooks, with chutich's certificate (a test CA) imported."""
    from desktop_app.app import build_ui_hooks
    from signing.devca import make_ca, make_leaf, p12

    now = office.clock.now()
    root = make_ca("UI Test Root", now=now)
    (office.paths.root / "trust").mkdir()
    (office.paths.root / "trust" / "root.pem").write_bytes(root.pem)
    hooks = build_ui_hooks(office.paths)
    cert_file = office.paths.root.parent / "chutich.p12"
    cert_file.write_bytes(p12(make_leaf("Hoàng Văn Chủ", root, now=now), [root], "p12-pw-1"))
    assert hooks.import_certificate is not None
    hooks.import_certificate(office.session("chutich"), cert_file, "p12-pw-1")
    return hooks


def test_signing_outcomes_with_the_real_signer(qtbot: QtBot, office: UiOffice) -> None:
    """A wrong certificate password refuses the whole batch (said, nothing signed); the
    right one signs it all and says how many."""
    hooks = _real_hooks(office)
    ids = _approved_deaths(office, ["Lê Văn Tư", "Y Moan Êban"])

    page = _page(qtbot, office, hooks)
    passwords = iter(["not-the-password", "p12-pw-1"])
    page.ask_p12_password = lambda: next(passwords)
    qtbot.waitUntil(lambda: page.sign_model.rowCount() == 2, timeout=10000)
    page.select_all.click()
    page.sign_button.click()
    outcome = _outcome(page)
    qtbot.waitUntil(lambda: outcome.result is not None, timeout=30000)
    wait_idle(qtbot, office.runner)
    assert outcome.result.kind == "refused" and outcome.isVisible()
    assert getattr(outcome.result.error, "code", "") == "E-P12-PASSWORD"
    assert {records.get_record(office.session("canbo"), r).status for r in ids} == {"approved"}

    page.select_all.click()
    with qtbot.waitSignal(page.records_changed, timeout=30000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)
    assert outcome.result is not None and outcome.result.kind == "signed"
    assert sorted(outcome.result.signed) == sorted(ids) and outcome.isVisible()
    assert page.sign_model.rowCount() == 0
    assert {records.get_record(office.session("canbo"), r).status for r in ids} == {"queued"}


def test_a_record_the_signer_may_not_sign_fails_alone(qtbot: QtBot, office: UiOffice) -> None:
    """The supervisor declared a death himself (a deputy approved it): the batch signs the
    others and names that one with its reason (L60 Art 12.1.h)."""
    from desktop_app.accounts import Role
    from desktop_app.workflows import accounts

    hooks = _real_hooks(office)
    accounts.add_account(office.session("admin"), username="phochutich", role=Role.SUPERVISOR,
                         password=PW, full_name="Lê Văn Phó")
    ids = _approved_deaths(office, ["Lê Văn Tư", "Y Moan Êban"])
    own = _submitted(office, "death", build("death", {"deceased.full_name": "Ksor Kơ",
                                                      "declarant.full_name": "Hoàng Văn Chủ"}))
    records.approve(office.session("phochutich"), own, {})

    page = _page(qtbot, office, hooks)
    page.ask_p12_password = lambda: "p12-pw-1"
    qtbot.waitUntil(lambda: page.sign_model.rowCount() == 3, timeout=10000)
    page.select_all.click()
    with qtbot.waitSignal(page.records_changed, timeout=30000):
        page.sign_button.click()
    wait_idle(qtbot, office.runner)
    outcome = _outcome(page)
    assert outcome.result is not None and outcome.result.kind == "partial"
    assert sorted(outcome.result.signed) == sorted(ids)
    assert [(rid, getattr(e, "code", "")) for rid, e in outcome.result.failed] == [
        (own, "E-SIGNER-CONFLICT")]
    assert outcome.failures.item(0).data(Qt.ItemDataRole.UserRole) == own
    assert [r.id for r in page.sign_model.rows()] == [own]  # still there, for another signer


def test_the_real_hook_stops_at_a_cancel_and_keeps_what_it_signed(office: UiOffice) -> None:
    hooks = _real_hooks(office)
    supervisor = office.session("chutich")
    ids = _approved_deaths(office, ["Lê Văn Tư", "Y Moan Êban", "Ksor H'Bia"])
    calls: list[int] = []

    def progress(_stage: str, done: int, _total: int) -> None:
        calls.append(done)
        if done == 1:  # the user pressed cancel while the first one was signed
            raise Cancelled()

    assert hooks.sign_records is not None
    outcomes = hooks.sign_records(supervisor, ids, "p12-pw-1", progress)
    assert [(o.record_id, type(o.error).__name__) for o in outcomes] == [
        (ids[0], "NoneType"), (ids[1], "Cancelled"), (ids[2], "Cancelled")]
    assert [records.get_record(supervisor, r).status for r in ids] == [
        "queued", "approved", "approved"]


def test_an_officers_preview_names_no_signer(qtbot: QtBot, office: UiOffice) -> None:
    from PySide6.QtPdf import QPdfDocument

    from desktop_app.app import build_ui_hooks
    from ui.main_window import MainWindow
    from ui.pages.extract_preview import ExtractPreviewDialog

    officer = office.session("canbo")
    rec = records.create_record(officer, "death", build("death")).record
    window = MainWindow(office.ctx("canbo", build_ui_hooks(office.paths)))
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_record(rec.id)
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled(), timeout=10000)
    dialog.preview_button.click()
    preview = window.dialogs[-1]
    assert isinstance(preview, ExtractPreviewDialog)
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=30000)
    doc: QPdfDocument = preview.document
    text = " ".join(" ".join(doc.getAllText(page).text().split())
                    for page in range(doc.pageCount())).upper()
    assert "CHỦ TỊCH" in text and "LÊ VĂN TƯ" in text
    assert "LÒ THỊ CÁN" not in text  # the officer signs nothing
    wait_idle(qtbot, office.runner)
    window.close()


def test_a_warning_made_by_another_approval_meanwhile_gets_its_reason_box(
        qtbot: QtBot, office: UiOffice) -> None:
    """Two re-registered marriages of one husband, each clean alone: while this supervisor
    has the second open, the first is approved on another computer. Approving now is
    refused with the new warning named, and the panel shows it with its reason box."""
    kind = {"registration_kind": "re_registration", "effective_date": "2025-12-01"}
    first = _submitted(office, "marriage", build("marriage", kind))
    second = _submitted(office, "marriage", build("marriage", {
        **kind, "wife.full_name": "Lê Thị Hoa", "wife.date_of_birth": "1999-03-03"}))
    page = _page(qtbot, office)
    _select(qtbot, page, second)
    assert page.reasons == {}
    records.approve(office.session("chutich"), first, {})  # as from another computer

    page.approve_button.click()
    # The new warning named in words (its code only in tooltips).
    qtbot.waitUntil(lambda: "quan hệ hôn nhân" in page.message.text(), timeout=10000)
    assert "W-MARR-BIGAMY" not in page.message.text()
    qtbot.waitUntil(lambda: page.warnings.state == "ready" and any(
        k.startswith("W-MARR-BIGAMY") for k in page.reasons), timeout=10000)
    assert records.get_record(office.session("canbo"), second).status == "submitted"
    key = next(k for k in page.reasons if k.startswith("W-MARR-BIGAMY"))
    type_text(_reason(page, key), "Bản án ly hôn đã có hiệu lực")
    with qtbot.waitSignal(page.records_changed, timeout=10000):
        page.approve_button.click()
    assert records.get_record(office.session("canbo"), second).registration_number == "2"
