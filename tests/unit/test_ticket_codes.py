"""Signed ticket codes (issue 13 point 3, the pure part): a genuine code reads back to its
reference; an altered, made-up, other cinema's or unknown-key code is refused in words; keys
rotate without breaking tickets already sold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import InvalidInput
from kiosk.domain.ids import new_reference
from kiosk.domain.ticket_codes import (
    ForgedTicket,
    KeyRing,
    is_code,
    key_from_text,
    sign,
    verify,
)

OLD = KeyRing("k1", {"k1": b"0123456789abcdef0123"})
NEW = KeyRing("k2", {"k1": b"0123456789abcdef0123", "k2": b"fedcba9876543210fedc"})


def test_a_genuine_code_reads_back_and_keys_rotate_without_breaking_sold_tickets():
    sold = sign("K7QX-4M2P", "hyd-ameerpet", OLD)
    assert is_code(sold) and sold.startswith("BOK1.hyd-ameerpet.k1.K7QX-4M2P.")
    assert verify(sold, "hyd-ameerpet", OLD) == "K7QX-4M2P"
    assert verify(sold, "hyd-ameerpet", NEW) == "K7QX-4M2P"  # sold before the rotation
    fresh = sign("K7QX-4M2P", "hyd-ameerpet", NEW)
    assert ".k2." in fresh and verify(fresh, "hyd-ameerpet", NEW) == "K7QX-4M2P"
    with pytest.raises(ForgedTicket, match="key this box office does not know"):
        verify(fresh, "hyd-ameerpet", OLD)


@pytest.mark.parametrize("tamper, message", [
    (lambda c: c.replace("K7QX-4M2P", "K7QX-4M2Q"), "not genuine"),  # another booking
    (lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"), "not genuine"),  # the signature
    (lambda c: c.replace("hyd-ameerpet", "hyd-hitech"), "another cinema"),
    (lambda c: c.replace(".k1.", ".k9."), "does not know"),
    (lambda c: "K7QX-4M2P", "not a ticket code"),
    (lambda c: "", "Nothing was scanned"),
    (lambda c: c + c, "not a ticket code"),  # two codes run together
    (lambda c: c.replace("K7QX", "К7QX"), "not a code at all"),  # a Cyrillic K
])
def test_an_altered_or_made_up_code_is_refused_in_words(tamper, message):
    code = sign("K7QX-4M2P", "hyd-ameerpet", OLD)
    with pytest.raises(ForgedTicket, match=message):
        verify(tamper(code), "hyd-ameerpet", OLD)


@given(st.text(max_size=120))
def test_nothing_random_passes_as_genuine(scanned):
    try:
        verify(scanned, "hyd-ameerpet", OLD)
    except ForgedTicket:
        return
    pytest.fail(f"{scanned!r} was taken as genuine")


def test_keys_and_rings_are_checked():
    assert len(key_from_text("MDEyMzQ1Njc4OWFiY2RlZg==")) == 16
    for bad in ("not base64!", "c2hvcnQ="):
        with pytest.raises(InvalidInput):
            key_from_text(bad)
    with pytest.raises(InvalidInput, match="not among the keys"):
        KeyRing("k3", {"k1": b"0123456789abcdef"})
    with pytest.raises(InvalidInput, match="too short"):
        KeyRing("k1", {"k1": b"short"})
    with pytest.raises(InvalidInput, match="not a booking reference"):
        sign("whatever", "hyd-ameerpet", OLD)
    assert verify(sign(new_reference(), "c", OLD), "c", OLD)


@pytest.mark.parametrize("cinema", ["hyd_central", "mum.andheri", "c" * 64, "A.b_c-9"])
def test_every_cinema_id_the_config_allows_signs_and_verifies(cinema):
    """A cinema id with '_' or '.' or 64 long (the config allows them) must not stop sales."""
    code = sign("K7QX-4M2P", cinema, OLD)
    assert code.count(".") == 4
    assert verify(code, cinema, OLD) == "K7QX-4M2P"
    from kiosk.domain.ticket_codes import cinema_of

    assert cinema_of(code) == cinema
    with pytest.raises(ForgedTicket, match="another cinema"):
        verify(code, cinema + "x", OLD)
