"""The audit log in words (issue 14 defect 10): a sentence per recorded action, naming who did
it; every action name the code records has its own; unknown ones still read as words."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from kiosk.domain.audit_words import (
    FALLBACK,
    NAMES,
    TEMPLATES,
    action_name,
    describe,
    reason_words,
    sentence,
)
from kiosk.services.models import Payment
from tests.factories import CASHIER, MANAGER, insert_open_shift

ROOT = Path(__file__).resolve().parents[2] / "kiosk"
# the audit helpers and role checks, and which positional argument names the action
POSITIONAL = {"audit_event": 3, "ensure_staff": 2, "ensure_manager": 2, "require_manager": 2,
              "require_role": 3, "_changed": 1, "_manager": 1, "require_manager_for_database": 2,
              "_fail": 0, "_refuse": 2, "_record": 4, "_readable": 2}
# names built at run time (f-strings): every value they take
BUILT = {"giftcard_issue", "giftcard_top_up", "refund_approve_sent", "refund_reject_sent",
         "cashup_approve_sent", "cashup_reject_sent", "remote_refund_decision",
         "remote_cashup_decision"}


def _strings(node: ast.AST) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def recorded_actions() -> set[str]:
    """Every audit action name the code (outside the ui) writes or checks a role for."""
    found: set[str] = set(BUILT)
    for path in ROOT.rglob("*.py"):
        if "ui" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name != "add_argument":
                    for kw in node.keywords:
                        if kw.arg == "action":
                            found |= _strings(kw.value)
                if name in POSITIONAL and len(node.args) > POSITIONAL[name]:
                    found |= _strings(node.args[POSITIONAL[name]])
            elif isinstance(node, ast.Assign):  # action = "film.add"; ACTION = "staff.…"
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if any(n == "action" or n.endswith("ACTION") for n in names):
                    found |= _strings(node.value)
            elif isinstance(node, ast.arguments):  # def release_unsold(..., action="…")
                for arg, default in zip(node.kwonlyargs, node.kw_defaults, strict=True):
                    if arg.arg == "action" and default is not None:
                        found |= _strings(default)
    return found - {"store_true", "append", "version", "count", "store"}


def test_every_action_the_code_records_has_a_name_and_a_sentence():
    actions = recorded_actions()
    assert len(actions) > 90 and {"refund", "sign_in", "staff.add", "film.add"} <= actions
    assert sorted(a for a in actions if a not in NAMES) == []
    # what is written as done has a sentence of its own; role checks that only refuse read as
    # "… was refused: <name> …"
    refusal_only = {a for a in actions if a not in TEMPLATES}
    for action in refusal_only:
        assert describe(action, "X1", {"reason": "permission_denied"}, ok=False,
                        who="Asha (1001)") == (f"Asha (1001) was refused: {NAMES[action].lower()}"
                                               " X1 (not allowed for this role).")
    assert "refund" not in refusal_only and "sign_in_failed" not in refusal_only


def test_a_refund_reads_as_the_brief_says():
    assert describe("refund", "BK-1234", {"amount_minor": 45_000, "currency": "INR",
                                          "method": "card", "reason": "show_cancelled"},
                    who="Asha (S102)") == \
        "Asha (S102) refunded ₹450.00 on booking BK-1234 (card): show cancelled."
    assert describe("refund", "K7QX-4M2P", {"amount_minor": 35_000, "currency": "INR",
                                            "method": "split", "seats": ["C1", "C2"],
                                            "reason": "other: seat broken"}, who="Asha (1001)") \
        == "Asha (1001) refunded ₹350.00 on booking K7QX-4M2P (split), seats C1, C2: seat broken."
    sale = {"total_minor": 70_000, "currency": "INR", "seats": ["H12"]}
    assert describe("confirm", "K7QX", {**sale, "tenders": [["card", 70_000]]}) == \
        "Self-service sold booking K7QX for ₹700.00 (card), seats H12."  # no staff: a customer
    assert describe("confirm", "K7QX", {**sale, "tenders": [["voucher", 20_000],
                                                            ["cash", 50_000]]}, who="Asha (1)") \
        == "Asha (1) sold booking K7QX for ₹700.00 (gift card ₹200.00 + cash ₹500.00), seats H12."
    assert describe("shift_open", "7", {"currency": "INR", "float_minor": 500_000},
                    who="Asha (1001)") == "Asha (1001) opened shift 7 with a float of ₹5,000.00."


def test_unknown_actions_and_odd_rows_fall_back_to_words_never_json():
    text = describe("menu.reprice", "popcorn", {"price_minor": 25_000, "currency": "AED",
                                                "note": "", "items": ["a", "b"]})
    assert text == "The system: menu reprice popcorn (items: a, b; price: AED 250.00)."
    assert action_name("some_new.thing") == "Some new thing"
    assert action_name("refund_requested") == "Refund requested"
    # a known action whose row lacks what its sentence needs reads in the fallback form
    odd = sentence("shift_close", "3", {"oops": "x"})
    assert odd.template == FALLBACK and odd.text() == "The system: shift closed 3 (oops: x)."
    assert "{" not in describe("refund", "J7Z5", None) and "[" not in odd.text()


def test_no_guessed_currency_the_reason_in_words_and_refusals():
    assert describe("refund", "J7Z5", {"amount_minor": 4_500, "method": "card"}) == \
        "The system refunded 45.00 on booking J7Z5 (card)."  # no ₹ guessed for dirhams
    assert reason_words("other: seat broken") == "seat broken"
    assert reason_words("wrong_tickets") == "wrong show sold"  # an older code
    assert describe("sign_in_failed", "1001", {"reason": "wrong_pin"}, ok=False) == \
        "Sign-in as staff 1001 refused: wrong PIN."
    assert describe("confirm", "K7QX", {"total_minor": 100}, ok=False, who="Asha (1001)") == \
        "Asha (1001) was refused: sale K7QX (—)."


@pytest.fixture
def desk(services, clock):
    cashier = services.auth.sign_in(*CASHIER)
    insert_open_shift(services.deps.db, cashier.staff_id, cashier.kiosk_id, clock)
    return services.auth.sign_in(*CASHIER)


def test_rows_written_by_the_services_read_in_their_own_sentences(services, desk):
    """Real rows (sale, refund, a refund past the limit approved, one rejected, sign-ins):
    each reads in its own template, with the staff member's name and the money."""
    manager = services.auth.sign_in(*MANAGER)
    card = Payment("card", card_last4="1111")

    def sell(seats):
        hold = services.booking.hold(desk, "show-future", seats)
        return services.booking.confirm(desk, hold.hold_id, {}, card)

    first = sell(["A1", "A2"])
    services.booking.refund(desk, first.reference, ["A1"], "show_cancelled: rain")
    with services.deps.conn:
        services.deps.conn.execute("UPDATE cinemas SET cashier_refund_limit_minor = 100")
    big = sell(["B1"])
    waiting = services.booking.refund(desk, big.reference, None, "duplicate")
    services.booking.approve_refund(manager, waiting.refund_id)
    other = sell(["B2"])
    rejected = services.booking.refund(desk, other.reference, None, "customer_request")
    services.booking.reject_refund(manager, rejected.refund_id, "tickets used")
    rows = services.deps.conn.execute(
        "SELECT a.action, a.target, a.ok, a.detail, s.name, s.staff_number FROM audit a "
        "LEFT JOIN staff s ON s.id = a.staff_id ORDER BY a.id").fetchall()
    said: dict[str, list[str]] = {}
    for action, target, ok, detail, name, number in rows:
        found = sentence(action, target, json.loads(detail) if detail else {}, bool(ok),
                         who=f"{name} ({number})" if name else "")
        assert found.template == TEMPLATES[action], (action, found.text())
        said.setdefault(action, []).append(found.text())
    assert {"sign_in", "confirm", "refund", "refund_requested", "refund_approved",
            "refund_rejected"} <= set(said)
    assert any(s.startswith("Asha Cashier (1001) refunded ₹") and s.endswith(
        "seats A1: show cancelled (rain).") for s in said["refund"])
    assert said["refund_approved"][0].startswith(
        f"Meera Manager (9001) approved refund {waiting.refund_id} of ₹")
    assert said["refund_rejected"][0].endswith(": tickets used.")
