"""Issue 12: the food and drink menu travels with the shared catalogue (``MENU#<cinema>``):
a manager's menu reaches every device at its next pull; stock counts stay each device's; a bad
or foreign menu is refused at publish and kept out at pull."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kiosk.domain.menu import Category, Menu, MenuItem, menu_to_body
from kiosk.store.db import transaction
from kiosk.store.menu_store import load_menu, replace_menu
from tests.cloud.test_catalogue_sync import CINEMA, other_device, publish_all, push_version
from tests.unit.test_menu import small_menu


@pytest.fixture
def console(cloud_services, ctx):
    ctx.config = replace(ctx.config, cinema_id=CINEMA)
    conn = cloud_services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(CINEMA), {"pop-m": (7, 2)}, "t")
    return cloud_services


def test_the_menu_reaches_another_device_and_its_counts_stay_its_own(console, ctx, clock,
                                                                     tmp_path):
    result = publish_all(console, ctx, clock)
    assert f"MENU#{CINEMA}" in result.published
    other = other_device(tmp_path, ctx, clock, "b")
    pulled = other.pull(CINEMA)
    assert f"MENU#{CINEMA}" in pulled.applied and not pulled.skipped
    assert load_menu(other.conn, CINEMA) == small_menu(CINEMA)
    assert other.conn.execute("SELECT COUNT(*) FROM menu_stock").fetchone()[0] == 0
    with transaction(other.conn):  # the stand next to this counter was counted here
        other.conn.execute("INSERT INTO menu_stock (item_id, on_hand, low_at, updated_at) "
                           "VALUES ('pop-l', 4, 1, 't')")

    conn = console.deps.conn  # the manager drops the price of a large popcorn
    with transaction(conn):
        conn.execute("UPDATE menu_items SET price_minor = 40000 WHERE item_id = 'pop-l'")
    assert publish_all(console, ctx, clock).published == [f"MENU#{CINEMA}"]
    pulled = other.pull(CINEMA)
    assert pulled.applied == [f"MENU#{CINEMA}"] and pulled.items_read == 1
    assert load_menu(other.conn, CINEMA).items["pop-l"].price_minor == 40_000
    assert [tuple(r) for r in other.conn.execute(
        "SELECT item_id, on_hand, low_at FROM menu_stock")] == [("pop-l", 4, 1)]
    other.close()


@pytest.mark.parametrize("damage, problem", [
    (lambda b: b["combos"][0].update(price_minor=99_999), "less than its parts"),
    (lambda b: b["items"][0].update(price_minor="free"), "wrong type"),
    (lambda b: b["combos"][0].update(parts=[["pop-m"]]), "combo part"),
    (lambda b: b.update(currency="AED"), "priced in AED"),
    (lambda b: b["items"].append({**b["items"][0], "id": "cin-2:pop"}), "another cinema"),
])
def test_a_bad_menu_in_the_cloud_is_kept_out_and_the_last_good_copy_stays(
        console, ctx, clock, tmp_path, damage, problem):
    publish_all(console, ctx, clock)
    other = other_device(tmp_path, ctx, clock, "b")
    other.pull(CINEMA)
    with transaction(other.conn):  # this device also keeps a second cinema's menu
        other.conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) "
                           "VALUES ('cin-2', 'Two', 'X', 'Asia/Kolkata', 'INR')")
        replace_menu(other.conn, Menu("cin-2", "INR", {"c2": Category("c2", "Snacks", 500)},
                                      {"cin-2:pop": MenuItem("cin-2:pop", "c2", "popcorn",
                                                             "Popcorn", "", 30_000)}, {}),
                     {}, "t")
    body = menu_to_body(small_menu(CINEMA))
    damage(body)
    push_version(ctx, 2, [(f"MENU#{CINEMA}", "menu", json.dumps(body))])
    pulled = other.pull(CINEMA)
    assert list(pulled.skipped) == [f"MENU#{CINEMA}"] and problem in pulled.skipped[f"MENU#{CINEMA}"]
    assert load_menu(other.conn, CINEMA) == small_menu(CINEMA)
    other.close()
