"""The "manager" bench section runs (quick mode) and reports a plausible dashboard timing."""

from __future__ import annotations

import math

import pytest


@pytest.mark.slow
def test_quick_manager_bench(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_BENCH_CACHE", str(tmp_path))
    from kiosk.bench.manager import SECTION, run

    results = run(quick=True)
    assert [r.section for r in results] == [SECTION, SECTION]
    opened = results[0]
    assert opened.unit == "ms" and math.isfinite(opened.value) and opened.value > 0
    assert opened.ok == (opened.value <= 300.0)
    from kiosk.bench import datagen

    shows_a_day = len(datagen.CINEMAS) * datagen.HALLS_PER_CINEMA * len(datagen.SHOW_HOURS)
    assert "50,000 bookings" in opened.note and f"{shows_a_day} shows" in opened.note
