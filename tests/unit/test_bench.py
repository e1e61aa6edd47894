"""``kiosk bench``: the core section end to end (quick), section handling, the data cache."""

from __future__ import annotations

import json
import sys
import types

import pytest

from kiosk import bench
from kiosk.cli import main

CORE_ROWS = (
    "best 6 seats, 200-seat hall half sold",
    "best 6 seats, 2,000-seat hall half sold",
    "best 6 seats, 20,000-seat hall half sold",
    "raw SQLite FULL-sync 1-row commits",
    "WAL pages written per confirm",
    "local sales (hold + confirm)",
    "local sales / raw commits",
    "local confirms (confirm step)",
    "local confirms / same-size commits",
    "same-size / raw commits",
    "local confirms / raw commits",
    "daily sales report, 50,000 bookings",
    "daily sales + occupancy + refunds",
)


@pytest.fixture(autouse=True)
def bench_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_BENCH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_core_quick_end_to_end(tmp_path, capsys, bench_cache):
    out_json = tmp_path / "bench.json"
    rc = main(["bench", "--section", "core", "--quick", "--json", str(out_json)])
    out = capsys.readouterr().out
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["section", "benchmark", "value"]
    for name in CORE_ROWS:
        row = next((line for line in lines if name in line), None)
        assert row is not None, f"missing bench row {name!r}:\n{out}"
        value = float(row.split(name, 1)[1].split()[0].replace(",", ""))
        assert value > 0, row
    assert f"Machine: {bench.machine_note()}" in out
    data = json.loads(out_json.read_text())
    assert data["quick"] is True and data["failed"] == []
    results = {r["name"]: r for r in data["results"]}
    assert set(CORE_ROWS) <= set(results)
    assert all(r["value"] > 0 for r in results.values())
    # Ratios come from the same run's rates (median of per-round ratios, so near their quotient).
    raw = results["raw SQLite FULL-sync 1-row commits"]["value"]
    sales = results["local sales (hold + confirm)"]["value"]
    ratio = results["local sales / raw commits"]["value"]
    assert 0.2 * (100 * sales / raw) <= ratio <= 5 * (100 * sales / raw)
    assert results["local sales / raw commits"]["ok"] is None  # informational: two commits
    confirms = results["local confirms (confirm step)"]["value"]
    confirm_ratio = results["local confirms / raw commits"]["value"]
    assert 0.2 * (100 * confirms / raw) <= confirm_ratio <= 5 * (100 * confirms / raw)
    assert results["local confirms / raw commits"]["ok"] is None  # informational: one-row yardstick
    # The write set is measured, and the "same-size" commits write as many pages with no logic.
    pages = results["WAL pages written per confirm"]["value"]
    assert 6 <= pages <= 60  # booking, lines, seat sales, hold, audit, outbox at least
    same_size = [name for name in results if name.startswith("same-size commits (")]
    assert same_size == [f"same-size commits ({round(pages)} pages, no logic)"]
    share = results["local confirms / same-size commits"]["value"]
    target = results["local confirms / same-size commits"]  # the target row (issue 2's note)
    assert target["target"] == ">= 50 %" and target["ok"] == (share >= 50)
    ceiling = results["same-size / raw commits"]["value"]
    assert 0.2 * confirm_ratio <= share * ceiling / 100 <= 5 * confirm_ratio
    assert results["daily sales report, 50,000 bookings"]["target"] == "<= 300 ms"
    assert list(bench_cache.glob("reports-50000-*.db"))  # cached for the next run


def test_missing_and_failing_sections_do_not_hide_the_others(capsys, monkeypatch):
    ok = types.ModuleType("kiosk_bench_fake_ok")
    ok.run = lambda quick: [bench.BenchResult("fake", "always one", 1.0, "ms")]
    broken = types.ModuleType("kiosk_bench_fake_broken")

    def explode(quick):
        raise RuntimeError("boom")

    broken.run = explode
    monkeypatch.setitem(sys.modules, "kiosk_bench_fake_ok", ok)
    monkeypatch.setitem(sys.modules, "kiosk_bench_fake_broken", broken)
    monkeypatch.setitem(bench.SECTIONS, "ghost", "kiosk.bench.no_such_section")
    monkeypatch.setitem(bench.SECTIONS, "fakeok", "kiosk_bench_fake_ok")
    monkeypatch.setitem(bench.SECTIONS, "broken", "kiosk_bench_fake_broken")
    rc = main(["bench", "--section", "ghost,broken,fakeok", "--quick"])
    captured = capsys.readouterr()
    assert rc == 1
    assert "always one" in captured.out
    assert "Skipped: ghost (kiosk.bench.no_such_section is not in this build)" in captured.out
    assert "section broken failed" in captured.err and "boom" in captured.err


def test_unknown_section_is_refused(capsys):
    assert main(["bench", "--section", "core,warp"]) == 2
    assert "Unknown bench section warp" in capsys.readouterr().err


def test_generated_database_is_cached_and_keyed_by_schema(bench_cache, monkeypatch):
    from kiosk.bench import datagen

    path, info, generated = datagen.report_database(2000)
    assert generated and path.exists() and info.bookings == 2000
    again, info2, generated2 = datagen.report_database(2000)
    assert (again, info2, generated2) == (path, info, False)
    # A schema change (another migration hash) means a different file.
    monkeypatch.setattr(datagen, "schema_hash", lambda: "other-schema")
    assert datagen.cached_path(2000) != path
    # A half-written file from an interrupted run is never taken for the cache.
    assert not list(bench_cache.glob("*.tmp*"))


def test_stale_versions_and_abandoned_partials_are_removed(bench_cache):
    import os
    import time

    from kiosk.bench import datagen

    bench_cache.mkdir(parents=True)
    old_version = bench_cache / "reports-1500-v0-oldschema.db"
    old_partial = bench_cache / "reports-1500-v0-x.db.tmp1"
    young_partial = bench_cache / "reports-1500-v0-y.db.tmp2"
    other_size = bench_cache / "reports-9999-v0-oldschema.db"
    for f in (old_version, old_partial, young_partial, other_size):
        f.write_bytes(b"x")
    now, hours_ago = time.time(), time.time() - 2 * 3600
    os.utime(old_partial, (hours_ago, hours_ago))
    os.utime(young_partial, (now, now))  # by the process clock (libfaketime moves it alone)
    path, _info, generated = datagen.report_database(1500)
    assert generated and path.exists()
    assert not old_version.exists() and not old_partial.exists()
    assert young_partial.exists()  # may be another run still generating
    assert other_size.exists()  # another size is another cache entry


def test_the_basket_section_sells_six_tickets_and_eight_items_a_basket(tmp_path, capsys):
    """Issue 12's bench row: the figure is measured (not asserted here: targets live in the
    bench), every basket really wrote its eight item lines, and the row carries its target."""
    out_json = tmp_path / "basket.json"
    rc = main(["bench", "--section", "basket", "--quick", "--json", str(out_json)])
    capsys.readouterr()
    assert rc == 0
    [row] = json.loads(out_json.read_text())["results"]
    assert row["name"].startswith("basket confirm: 6 tickets + 8 items")
    assert row["value"] > 0 and row["target"] == "< 5 ms" and row["ok"] in (True, False)
    assert row["note"].startswith("40 baskets; 360 item lines written")  # + 5 warm-up baskets


def test_the_door_section_scans_and_builds_ticket_bytes(tmp_path, capsys):
    """Issue 13: the door rows (offline, cloud on a local moto server) and the ESC/POS row."""
    import json

    out_json = tmp_path / "door.json"
    rc = main(["bench", "--section", "door", "--quick", "--json", str(out_json)])
    assert rc == 0
    rows = {r["name"]: r for r in json.loads(out_json.read_text())["results"]}
    offline = rows["scan to ADMIT / refuse, offline (the door's own data)"]
    cloud = rows["scan to ADMIT / refuse, cloud on a local endpoint"]
    assert offline["target"] == "< 20 ms" and "40 tickets scanned twice" in offline["note"]
    assert cloud["target"] == "< 150 ms" and "30 tickets twice" in cloud["note"]
    assert rows["ESC/POS bytes of 10 tickets (native QR, cuts)"]["value"] > 0
    capsys.readouterr()


def test_the_chain_section_reports_day_and_month_against_their_targets(tmp_path, capsys, monkeypatch):
    """Issue 15 point 5: the chain rows carry their targets and the database's size (a tiny
    50-cinema database here; the figures themselves are the bench's business)."""
    monkeypatch.setenv("KIOSK_BENCH_CHAIN_BOOKINGS", "1500")
    out_json = tmp_path / "chain.json"
    rc = main(["bench", "--section", "chain", "--quick", "--json", str(out_json)])
    capsys.readouterr()
    assert rc == 0
    rows = {r["name"]: r for r in json.loads(out_json.read_text())["results"]}
    assert "50 cinemas" in rows["chain database, 1,500 bookings"]["note"]
    assert rows["day's sales report, 50 cinemas"]["target"] == "<= 300 ms"
    month = next(r for n, r in rows.items() if n.startswith("month's sales report of one cinema"))
    assert month["target"] == "<= 1000 ms" and month["ok"] in (True, False)
    chain_month = next(r for n, r in rows.items() if n.startswith("month by cinema, 50 cinemas"))
    assert chain_month["target"] == "<= 1000 ms" and "CPU" in chain_month["note"]
    each = rows["each cinema's month report in turn (50 cinemas)"]
    assert each["target"] == "<= 1000 ms" and "slowest of 50" in each["note"]
