"""After a refused claim, the best-seat search picks among a window of the best blocks, which
stays wide while the show is contended and narrows with calm time, not with each sale."""

from kiosk.services.booking_holds import CALM_HALVING_S, CONTENDED_S, MAX_SPREAD, spread_window


def test_the_window_halves_with_calm_time_and_closes_after_contention():
    assert spread_window(MAX_SPREAD, 0.0) == MAX_SPREAD
    assert spread_window(MAX_SPREAD, CALM_HALVING_S * 0.99) == MAX_SPREAD
    assert spread_window(MAX_SPREAD, CALM_HALVING_S) == MAX_SPREAD // 2
    assert spread_window(MAX_SPREAD, CALM_HALVING_S * 3) == MAX_SPREAD // 8
    assert spread_window(MAX_SPREAD, CONTENDED_S) == 1  # calm again: the very best block
    assert spread_window(4, CALM_HALVING_S * 4.5) == 1  # never below one block
    assert spread_window(8, -1.0) == 8  # a clock set back counts as no calm yet
