"""The pure rules of the shared catalogue: what one item must look like, when a whole
catalogue may be published."""

from __future__ import annotations

import copy

import pytest

from kiosk.domain import catalogue_rules as rules

LAYOUT = {"rows": [{"label": "A", "cells": "SSPP"}]}
CATALOGUE = {
    "INFO": {"id": "c1", "name": "One", "city": "Pune", "timezone": "Asia/Kolkata",
             "currency": "INR"},
    "HALL#h1": {"id": "h1", "cinema_id": "c1", "name": "Screen 1", "layout": LAYOUT,
                "companion_required": True},
    "FILM#f1": {"id": "f1", "title": "Film", "language": "Hindi", "genres": [],
                "certificate": "U", "runtime_min": 100},
    "PRICES#p1": {"id": "p1", "name": "Std", "currency": "INR", "tax_rate_bp": 1800,
                  "prices": [{"seat_type": t, "ticket_type": "adult", "amount_minor": 100}
                             for t in ("standard", "premium")]},
    "SHOW#s1": {"id": "s1", "film_id": "f1", "hall_id": "h1", "price_list_id": "p1",
                "starts_at": "2026-11-25T10:00:00+00:00", "status": "scheduled"},
    "STAFF#1001": {"staff_number": "1001", "name": "A", "role": "cashier", "active": True,
                   "pin_hash": "$2b$04$x"},
}


def catalogue(**changes):
    items = copy.deepcopy(CATALOGUE)
    for sk, body in changes.items():
        items[sk.replace("_", "#")] = body
    return items


def test_a_consistent_catalogue_has_no_problems():
    assert rules.catalogue_problems(CATALOGUE, 15) == []
    assert all(rules.item_problem(rules.kind_of(sk), b, sk) == "" for sk, b in CATALOGUE.items())


@pytest.mark.parametrize(("sk", "body", "expected"), [
    ("SHOW#s1", {"id": "s1"}, "missing film_id"),
    ("STAFF#1001", {**CATALOGUE["STAFF#1001"], "active": 1}, "active has the wrong type"),
    ("FILM#f1", {**CATALOGUE["FILM#f1"], "runtime_min": True}, "runtime_min has the wrong type"),
    ("SHOW#s2", CATALOGUE["SHOW#s1"], "does not match its key"),
    ("HALL#h1", {**CATALOGUE["HALL#h1"], "layout": {"rows": [{"label": "A", "cells": "X"}]}},
     "bad layout"),
    ("SHOW#s1", {**CATALOGUE["SHOW#s1"], "status": "moved"}, "unknown show status"),
    ("SHOW#s1", {**CATALOGUE["SHOW#s1"], "starts_at": "2026-11-25T10:00"}, "no time zone"),
    ("STAFF#1001", {**CATALOGUE["STAFF#1001"], "role": "owner"}, "unknown role"),
])
def test_item_problems(sk, body, expected):
    assert expected in rules.item_problem(rules.kind_of(sk), body, sk)


def test_overlap_counts_the_cleaning_gap():
    second = {**CATALOGUE["SHOW#s1"], "id": "s2", "starts_at": "2026-11-25T11:50:00+00:00"}
    items = catalogue(SHOW_s2=second)
    assert any("overlap" in p for p in rules.catalogue_problems(items, 15))
    assert rules.catalogue_problems(items, 5) == []  # 100 min + 5 ends at 11:45


def test_missing_seat_type_unknown_reference_and_currency():
    cheap = {**CATALOGUE["PRICES#p1"], "prices": CATALOGUE["PRICES#p1"]["prices"][:1]}
    assert any("no price for premium" in p
               for p in rules.catalogue_problems(catalogue(PRICES_p1=cheap), 15))
    ghost = {**CATALOGUE["SHOW#s1"], "film_id": "nope"}
    assert any("unknown film nope" in p
               for p in rules.catalogue_problems(catalogue(SHOW_s1=ghost), 15))
    usd = {**CATALOGUE["PRICES#p1"], "currency": "USD"}
    assert any("USD" in p for p in rules.catalogue_problems(catalogue(PRICES_p1=usd), 15))


def test_only_the_checked_items_are_held_against_the_catalogue():
    ghost = {**CATALOGUE["SHOW#s1"], "film_id": "nope"}
    items = catalogue(SHOW_s1=ghost)
    assert rules.catalogue_problems(items, 15, check=["STAFF#1001"]) == []
    assert rules.catalogue_problems(items, 15, check=["SHOW#s1"])


def test_differences_name_fields_and_hide_hashes():
    old = CATALOGUE["STAFF#1001"]
    new = {**old, "active": False, "pin_hash": "$2b$04$y"}
    assert rules.differences(old, new) == ["active: true -> false", "PIN changed"]
