"""Issue 12, food and drink: the menu (sizes, choices, combos, tax per category), stock that a
sale takes in its own transaction (one of two counters gets the last one), the manager's counts
and warnings, the demo menus, and ``kiosk menu``."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import InvalidInput, NotFound, OutOfStock, PermissionDenied
from kiosk.domain.menu import (
    Category,
    Combo,
    Menu,
    MenuItem,
    Modifier,
    Order,
    check_menu,
    price_items,
    stock_needed,
)
from kiosk.domain.money import tax_included
from kiosk.store.db import open_db, transaction
from kiosk.store.menu_store import load_menu, replace_menu, take_stock
from tests.factories import table_dump

CIN = "cin-test"


def small_menu(cinema_id: str = CIN, currency: str = "INR") -> Menu:
    categories = {"snacks": Category("snacks", "Snacks", 500, 0),
                  "drinks": Category("drinks", "Drinks", 1800, 1),
                  "combos": Category("combos", "Combos", 500, 2)}
    items = {
        "pop-m": MenuItem("pop-m", "snacks", "popcorn", "Popcorn", "Medium", 35_000),
        "pop-l": MenuItem("pop-l", "snacks", "popcorn", "Popcorn", "Large", 45_000),
        "cola-m": MenuItem("cola-m", "drinks", "soft-drink", "Soft drink", "Medium", 23_000),
        "tea": MenuItem("tea", "drinks", "tea", "Masala tea", "", 9_000, active=False),
    }
    modifiers = {
        "salted": Modifier("salted", "popcorn", "flavour", True, "Salted"),
        "caramel": Modifier("caramel", "popcorn", "flavour", True, "Caramel", 4_000),
        "butter": Modifier("butter", "popcorn", "extras", False, "Extra butter", 3_000),
    }
    combos = {"classic": Combo("classic", "combos", "Classic combo", 49_900,
                               (("pop-m", 1), ("cola-m", 1)))}
    return Menu(cinema_id, currency, categories, items, modifiers, combos)


# -- pricing (pure) ---------------------------------------------------------------------------
def test_sizes_choices_and_combos_are_priced_with_their_categorys_tax():
    menu = small_menu()
    lines = price_items(menu, [Order("pop-l", 2, ("caramel", "butter")), Order("cola-m"),
                               Order("classic", 1, ("salted",))])
    pop, cola, combo = lines
    assert (pop.unit_price_minor, pop.total_minor) == (52_000, 104_000)
    assert pop.modifiers == ("Caramel", "Extra butter") and pop.label == \
        "Popcorn (Large), Caramel, Extra butter"
    assert pop.tax_minor == tax_included(104_000, 500)
    assert cola.tax_minor == tax_included(23_000, 1800)  # drinks' own rate
    assert (combo.combo_id, combo.total_minor, combo.item_id) == ("classic", 49_900, None)
    assert stock_needed(menu, lines) == {"pop-l": 2, "cola-m": 2, "pop-m": 1}


@pytest.mark.parametrize("orders, match", [
    ([Order("nachos")], "not on this cinema's menu"),
    ([Order("tea")], "not on sale now"),
    ([Order("pop-m")], "choose one flavour"),
    ([Order("pop-m", 1, ("salted", "caramel"))], "choose one flavour"),
    ([Order("pop-m", 1, ("salted", "salted"))], "named twice"),
    ([Order("pop-m", 1, ("salted", "ketchup"))], "not a choice"),
    ([Order("cola-m", 1, ("butter",))], "not a choice"),
    ([Order("cola-m", 0)], "quantity"),
    ([Order("cola-m", 51)], "quantity"),
    ([Order("cola-m", True)], "quantity"),
    ([Order("cola-m")] * 31, "At most 30"),
])
def test_bad_orders_are_refused_with_the_reason(orders, match):
    with pytest.raises(InvalidInput, match=match):
        price_items(small_menu(), orders)


def test_a_combo_must_cost_less_than_its_parts():
    menu = small_menu()
    check_menu(menu)
    dear = replace(menu, combos={"classic": replace(menu.combos["classic"], price_minor=58_000)})
    with pytest.raises(InvalidInput, match="less than its parts"):
        check_menu(dear)
    with pytest.raises(InvalidInput, match="not on the menu"):
        check_menu(replace(menu, combos={"x": Combo("x", "combos", "X", 1, (("ghost", 1),))}))


@given(st.lists(st.tuples(st.sampled_from(["pop-m", "pop-l", "cola-m", "classic"]),
                          st.integers(1, 50), st.booleans(), st.booleans()),
                min_size=1, max_size=30))
def test_totals_and_tax_are_sums_of_lines(picks):
    orders = [Order(sku, qty, (("caramel" if caramel else "salted"),
                               *(("butter",) if butter and sku.startswith("pop") else ())))
              if sku.startswith("pop") or sku == "classic" else Order(sku, qty)
              for sku, qty, caramel, butter in picks]
    orders = [o if o.sku != "classic" else Order("classic", o.qty, o.modifiers[:1])
              for o in orders]
    lines = price_items(small_menu(), orders)
    assert [line.line_no for line in lines] == list(range(1, len(lines) + 1))
    for line in lines:
        assert line.total_minor == line.unit_price_minor * line.qty
        assert 0 <= line.tax_minor <= line.total_minor


# -- stock (store) ----------------------------------------------------------------------------
@pytest.fixture
def menu_db(services, clock):
    conn = services.deps.conn
    with transaction(conn):
        replace_menu(conn, small_menu(), {"pop-m": (1, 0), "pop-l": (10, 3), "cola-m": (5, 2)},
                     "2026-11-25T10:00:00+00:00")
    return services


def test_the_menu_round_trips_through_the_database(menu_db):
    assert load_menu(menu_db.deps.conn, CIN) == small_menu()
    with pytest.raises(NotFound):
        load_menu(menu_db.deps.conn, "nowhere")


def test_a_short_item_refuses_the_whole_take_and_nothing_moves(menu_db):
    conn = menu_db.deps.conn
    before = table_dump(conn, ())
    with pytest.raises(OutOfStock, match="Popcorn \\(Medium\\) is sold out|only 1 left"):
        with transaction(conn):
            take_stock(conn, small_menu(), {"cola-m": 2, "pop-m": 2}, "t")  # cola first
    assert table_dump(conn, ()) == before


def test_two_counters_selling_the_last_tub_at_once_one_wins_one_is_told(menu_db, config):
    """Two connections (two counter processes on one database) race for the last unit."""
    menu = small_menu()
    barrier = threading.Barrier(2)
    results: list[str] = []

    def counter() -> None:
        conn = open_db(config.db_path).conn
        try:
            barrier.wait()
            with transaction(conn):
                take_stock(conn, menu, {"pop-m": 1}, "t")
            results.append("sold")
        except OutOfStock as refused:
            results.append(str(refused))
        finally:
            conn.close()

    threads = [threading.Thread(target=counter) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["Popcorn (Medium) is sold out.", "sold"]
    left = menu_db.deps.conn.execute("SELECT on_hand FROM menu_stock WHERE item_id = 'pop-m'")
    assert left.fetchone()[0] == 0


def test_stock_can_never_go_below_zero_even_by_hand(menu_db):
    with pytest.raises(sqlite3.IntegrityError):
        menu_db.deps.conn.execute("UPDATE menu_stock SET on_hand = -1 WHERE item_id = 'pop-m'")


# -- the manager's counts and warnings (service) ----------------------------------------------
def test_a_manager_counts_stock_audited_and_sees_what_is_low(menu_db):
    manager = menu_db.auth.sign_in("9001", "9999")
    row = menu_db.menu.set_stock(manager, "pop-l", 2)
    assert (row.on_hand, row.low_at, row.low) == (2, 3, True)
    assert [r.item.item_id for r in menu_db.menu.low_stock(manager, CIN)] == ["pop-l"]
    audit = [tuple(r) for r in menu_db.deps.conn.execute(
        "SELECT staff_id, detail FROM audit WHERE action = 'menu.set_stock'")]
    assert audit == [(manager.staff_id, '{"before": [10, 3], "low_at": 3, "on_hand": 2}')]
    assert [r.item.item_id for r in menu_db.menu.stock(CIN)][:2] == ["pop-l", "pop-m"]


@pytest.mark.parametrize("on_hand, low_at, error", [
    (-1, None, InvalidInput), (1.5, None, InvalidInput), (True, None, InvalidInput),
    (10, -2, InvalidInput), (2_000_000, None, InvalidInput),
])
def test_bad_counts_are_refused_and_change_nothing(menu_db, on_hand, low_at, error):
    manager = menu_db.auth.sign_in("9001", "9999")
    before = table_dump(menu_db.deps.conn, ("audit",))
    with pytest.raises(error):
        menu_db.menu.set_stock(manager, "pop-l", on_hand, low_at)
    assert table_dump(menu_db.deps.conn, ("audit",)) == before


def test_a_cashier_cannot_count_stock_or_read_the_warnings(menu_db):
    cashier = menu_db.auth.sign_in("1001", "1234")
    before = table_dump(menu_db.deps.conn, ("audit",))
    with pytest.raises(PermissionDenied):
        menu_db.menu.set_stock(cashier, "pop-l", 99)
    with pytest.raises(PermissionDenied):
        menu_db.menu.low_stock(cashier, CIN)
    assert table_dump(menu_db.deps.conn, ("audit",)) == before
    manager = menu_db.auth.sign_in("9001", "9999")
    with pytest.raises(NotFound):
        menu_db.menu.set_stock(manager, "ghost", 1)


# -- the demo menus ---------------------------------------------------------------------------
def test_every_demo_cinema_has_a_menu_in_its_currency_and_old_demos_get_one(config, clock):
    from kiosk.store.demo import ensure_demo_data, top_up_demo

    db = open_db(config.db_path)
    ensure_demo_data(db, clock, rounds=4)
    conn = db.conn
    cinemas = conn.execute("SELECT id, currency FROM cinemas").fetchall()
    assert {currency for _, currency in cinemas} == {"INR", "AED"}
    for cinema_id, currency in cinemas:
        menu = load_menu(conn, cinema_id)
        check_menu(menu)
        assert menu.currency == currency and menu.combos
        families = {i.family for i in menu.items.values()}
        assert {"popcorn", "soft-drink"} <= families
        assert {i.size for i in menu.items.values() if i.family == "popcorn"} == \
            {"Small", "Medium", "Large"}
    with transaction(conn):  # a demo database made before menus existed
        for table in ("menu_stock", "menu_combo_parts", "menu_combos", "menu_modifiers",
                      "menu_items", "menu_categories"):
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    top_up_demo(db, clock)
    assert conn.execute("SELECT COUNT(DISTINCT cinema_id) FROM menu_items").fetchone()[0] == \
        len(cinemas)
    conn.close()


# -- kiosk menu -------------------------------------------------------------------------------
def menu_cli(tmp_path, capsys, monkeypatch, stock: dict[str, tuple[int, int]]):
    """The CLI over the test world with ``small_menu`` and these stock counts."""
    from tests.unit.test_cli_sales import Kiosk

    monkeypatch.delenv("KIOSK_PIN", raising=False)
    kiosk = Kiosk(tmp_path, capsys)
    conn = open_db(kiosk.db_path).conn
    with transaction(conn):
        replace_menu(conn, small_menu(), stock, "t")
    conn.close()
    return kiosk


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    return menu_cli(tmp_path, capsys, monkeypatch, {"pop-m": (4, 5), "pop-l": (10, 3)})


def test_kiosk_menu_lists_prices_choices_combos_and_what_is_left(cli):
    rc, out, err = cli("menu")  # the only cinema: no --cinema needed
    assert rc == 0, err
    assert "Food and drink at cin-test (INR)" in out
    assert "Popcorn (Medium)" in out and "₹350.00" in out and "4 left  LOW" in out
    assert "Soft drink (Medium)" in out and "made to order" in out
    assert "(not on sale)" in out  # the withdrawn tea
    assert "Classic combo" in out and "saves ₹81.00" in out
    assert "popcorn flavour (choose one)" in out and "+₹40.00" in out


def test_a_manager_counts_from_the_command_line_a_cashier_is_refused(cli):
    rc, out, err = cli("menu", "--count", "pop-l=2:4", "--low", "--staff", "9001", "--pin", "9999")
    assert rc == 0, err
    assert "Popcorn (Large): 2 on hand (low at 4)" in out and "LOW  pop-l" in out
    assert cli.query("SELECT on_hand, low_at FROM menu_stock WHERE item_id = 'pop-l'") == [(2, 4)]
    before = cli.dump()
    rc, out, err = cli("menu", "--count", "pop-l=99", "--staff", "1001", "--pin", "1234")
    assert rc != 0 and "Only a manager" in err
    assert cli.dump() == before


@pytest.mark.parametrize("args, match", [
    (["--count", "pop-l"], "ITEM=N"),
    (["--count", "pop-l=lots", "--staff", "9001", "--pin", "9999"], "ITEM=N"),
    (["--count", "pop-l=3"], "--staff"),
    (["--count", "pop-l=-3", "--staff", "9001", "--pin", "9999"], "0 to"),
    (["--count", "pop-l=3", "--count", "pop-m=-1", "--staff", "9001", "--pin", "9999"], "0 to"),
    (["--count", "pop-l=3", "--count", "ghost=1", "--staff", "9001", "--pin", "9999"],
     "not on cin-test's menu"),
    (["--cinema", "nowhere"], "no cinema"),
])
def test_bad_menu_commands_are_refused_and_change_nothing(cli, args, match):
    before = cli.dump()
    rc, _out, err = cli("menu", *args)
    assert rc != 0 and match in err, err
    assert "Traceback" not in err
    assert cli.dump() == before


# -- review findings: choices per unit, combos of withdrawn items, malformed combos ----------
def couple_menu() -> Menu:
    menu = small_menu()
    modifiers = {**menu.modifiers,
                 "pepsi": Modifier("pepsi", "soft-drink", "drink", True, "Pepsi"),
                 "sevenup": Modifier("sevenup", "soft-drink", "drink", True, "7UP"),
                 "ice": Modifier("ice", "soft-drink", "extras", False, "Extra ice", 1_000)}
    combos = {**menu.combos, "couple": Combo("couple", "combos", "Couple combo", 79_900,
                                             (("pop-l", 1), ("cola-m", 2)))}
    return replace(menu, modifiers=modifiers, combos=combos)


def test_a_combo_of_two_drinks_takes_a_choice_for_each_and_extras_per_drink():
    menu = couple_menu()
    (line,) = price_items(menu, [Order("couple", 1, ("salted", "pepsi", "sevenup", "ice", "ice"))])
    assert line.modifiers == ("Salted", "Pepsi", "7UP", "Extra ice", "Extra ice")
    assert line.unit_price_minor == 79_900 + 2 * 1_000
    (same,) = price_items(menu, [Order("couple", 1, ("salted", "pepsi", "pepsi"))])
    assert same.total_minor == 79_900
    with pytest.raises(InvalidInput, match="a drink for each of its 2"):
        price_items(menu, [Order("couple", 1, ("salted", "pepsi"))])
    with pytest.raises(InvalidInput, match="chosen 3 times for 2"):
        price_items(menu, [Order("couple", 1, ("salted", "pepsi", "pepsi", "pepsi"))])
    with pytest.raises(InvalidInput, match="choose one flavour"):  # families apart
        price_items(menu, [Order("couple", 1, ("pepsi", "sevenup"))])


def test_a_combo_whose_item_is_taken_off_sale_goes_off_sale_too():
    menu = small_menu()
    off = replace(menu, items={**menu.items, "cola-m": replace(menu.items["cola-m"],
                                                               active=False)})
    check_menu(off)  # taking an item off sale must stay possible
    with pytest.raises(InvalidInput, match="Classic combo is not on sale now .*Soft drink"):
        price_items(off, [Order("classic", 1, ("salted",))])


@pytest.mark.parametrize("combo, match", [
    (Combo("classic", "combos", "Twice", 40_000, (("pop-m", 1), ("pop-m", 1))), "listed twice"),
    (Combo("pop-l", "combos", "Clash", 40_000, (("pop-m", 1),)), "also an item's"),
])
def test_malformed_combos_are_refused_before_the_database(combo, match):
    with pytest.raises(InvalidInput, match=match):
        check_menu(replace(small_menu(), combos={combo.combo_id: combo}))


@pytest.mark.parametrize("needed, match", [({"ghost": 1}, "not on this"),
                                           ({"pop-m": 0}, "above zero"),
                                           ({"pop-m": -3}, "above zero")])
def test_take_stock_refuses_what_no_sale_could_ask(menu_db, needed, match):
    conn = menu_db.deps.conn
    before = table_dump(conn, ())
    with pytest.raises(InvalidInput, match=match):
        with transaction(conn):
            take_stock(conn, small_menu(), needed, "t")
    assert table_dump(conn, ()) == before
