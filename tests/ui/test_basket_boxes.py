"""Issue 15 point 6: the basket's ticket type boxes are made once and reused.

Under the app's style sheet a QComboBox made and deleted leaves about 1 kB in Qt's style sheet
caches for good (its popup frame is never polished, so Qt never hears it is gone). A new box
per seat per sale grew the counter by about 1 MB an hour of selling; the basket now keeps its
boxes and takes them out of the table's cells before the table deletes the cells.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent

from tests.ui.conftest import WAIT_MS
from tests.ui.test_counter_food import _to_basket


def test_no_ticket_type_box_is_deleted_between_baskets(driver, qtbot, qapp):
    basket = _to_basket(driver, qtbot, ("B1",))
    first = basket.combos["B1"]
    seen = [first]
    for seats in (("B1", "B2", "B3"), ("B1",), ("B1", "B2")):  # more rows, fewer, more
        driver.click(basket.back_button)
        driver.wait_screen("seats")
        for code in ("B2", "B3"):
            if (code in seats) != (code in driver.held_seats()):
                driver.tap_seat(code)  # a held seat tapped again is given back
        qtbot.waitUntil(lambda s=seats: set(driver.held_seats()) == set(s), timeout=WAIT_MS)
        driver.click(driver.screen("seats").continue_button)
        driver.wait_screen("basket")
        assert sorted(basket.combos) == sorted(seats)
        assert basket.combos["B1"] is first
        assert basket.table.rowCount() == len(seats)
        seen.extend(basket.combos.values())
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the cells the table dropped
    qapp.processEvents()
    assert all(shiboken6.isValid(box) for box in seen)  # not one box deleted (and remade)
    assert len(basket._boxes) == 3  # one a row, as many as the biggest basket had
    box = basket.combos["B2"]  # a reused box still stands for its seat
    box.setCurrentIndex(box.findData("child"))
    assert driver.mode.session.sale.ticket_types["B2"] == "child"
