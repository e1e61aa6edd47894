"""The memory bench's harness (issue 15 point 6): the real counter app sells by clicks on a
20,000-seat hall under a simulated clock and reports its resident memory. Two sales here; the
hour and the 10 % target are the bench's."""

from __future__ import annotations


def test_the_harness_sells_through_the_counter_and_reads_rss(qapp):
    from kiosk.bench.memory import simulate

    result = simulate(1, every_s=30)
    assert result["sales"] + result["cancels"] == 2
    assert result["rss_minute"] > 10_000_000 and result["rss_end"] > 10_000_000
