"""Issue 15: the flash-sale bench's smoke test (``kiosk bench --section flash``), on the blocked
seat layout, the one a single-key run does not cover elsewhere (tiny: 2 kiosks and the web)."""

from __future__ import annotations

from kiosk.bench import flash


def test_a_tiny_flash_sale_on_four_keys_sells_out_with_nothing_doubled_or_lost():
    sale = flash.flash_sale(2, 4, 10, block_seats=10)
    assert sale.keys == 4
    assert (sale.doubles, sale.orphans, sale.lost, sale.problems) == (0, 0, 0, [])
    assert not sale.pair_left and sale.sold == 2 * sale.bookings
    rows = {r.name.split("): ")[-1]: r for r in flash._rows(sale, 2, "4 keys", with_rate=False)}
    assert rows["double-sold seats"].ok and rows["lost bookings"].ok
    assert {r.name for r in flash.partition_rows()} >= {"one show's key: pairs held + confirmed"}
