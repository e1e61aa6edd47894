"""The audit log in words (issue 14 defect 10)."""

from __future__ import annotations

from kiosk.domain.audit_words import action_name, describe


def test_known_actions_read_as_sentences():
    assert describe("shift_open", "7", {"currency": "INR", "float_minor": 500_000}) == \
        "Opened shift 7 with a float of ₹5,000.00."
    assert describe("refund", "K7QX-4M2P", {"amount_minor": 35_000, "currency": "INR",
                                            "method": "card", "seats": ["C1"]}) == \
        "Refunded ₹350.00 of booking K7QX-4M2P (card) (seats C1)."
    assert describe("sign_in", "1001", {"shift_id": None}) == "Signed in as staff 1001."
    assert describe("confirm", "K7QX", {}, ok=False).startswith("Refused: Sold booking K7QX")


def test_unknown_actions_fall_back_to_words_and_pairs_never_json():
    text = describe("menu.reprice", "popcorn", {"price_minor": 25_000, "currency": "AED",
                                                "note": "", "items": ["a", "b"]})
    assert text == "Menu reprice popcorn: items: a, b; price: AED 250.00"
    assert action_name("refund_requested") == "Refund requested"
    assert action_name("some_new.thing") == "Some new thing"
    assert describe("shift_close", "3", {"oops": object()}).startswith("Closed shift 3")


def test_no_guessed_currency_the_reason_in_words_and_one_refused():
    from kiosk.domain.audit_words import reason_words

    assert describe("refund", "J7Z5", {"amount_minor": 4_500, "method": "card"}) == \
        "Refunded 45.00 of booking J7Z5 (card)."  # the row does not say AED: no ₹ guessed
    assert describe("refund", "J7Z5", {"amount_minor": 4_500, "currency": "AED",
                                       "reason": "wrong_show_sold"}).endswith(
        "Reason: wrong show sold.")
    assert reason_words("other: seat broken") == "seat broken"
    assert describe("sign_in_failed", "1001", {"reason": "wrong_pin"}, ok=False) == \
        "Sign-in as staff 1001 refused (wrong PIN)."
