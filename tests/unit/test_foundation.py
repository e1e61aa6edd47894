"""Foundation: money, layouts, ids, config precedence, migrations and the schema guard."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import load_config
from kiosk.domain.errors import InvalidInput, SchemaTooNew
from kiosk.domain.ids import REFERENCE_ALPHABET, new_id, new_reference, normalise_reference
from kiosk.domain.layout import HallLayout, SeatType
from kiosk.domain.money import format_money, parse_money, tax_included
from kiosk.store.db import connect, latest_version, migrate, open_db, transaction


class TestMoney:
    def test_tax_included_18_percent(self):
        # 250.00 incl. 18 % GST: 250 / 1.18 = 211.86 net, 38.14 tax
        assert tax_included(25000, 1800) == 3814

    def test_tax_zero_rate(self):
        assert tax_included(12345, 0) == 0

    @given(st.integers(0, 10_000_000), st.integers(0, 5000))
    def test_tax_never_exceeds_gross_and_matches_exact_rounding(self, gross, rate):
        tax = tax_included(gross, rate)
        exact = gross * rate / (10000 + rate)
        assert 0 <= tax <= gross
        assert abs(tax - exact) <= 0.5

    def test_format(self):
        assert format_money(123456, "INR") == "₹1,234.56"
        assert format_money(-50, "INR") == "-₹0.50"
        assert format_money(4500, "AED") == "AED 45.00"

    @pytest.mark.parametrize(
        ("text", "minor"), [("250", 25000), ("250.5", 25050), ("1,250.00", 125000), ("₹12.05", 1205)]
    )
    def test_parse(self, text, minor):
        assert parse_money(text) == minor

    @pytest.mark.parametrize("text", ["", "-5", "1.234", "abc", "1.2.3"])
    def test_parse_refuses(self, text):
        with pytest.raises(ValueError):
            parse_money(text)


class TestLayout:
    SPEC = {"rows": [{"label": "A", "cells": "WC__SS"}, {"label": "", "cells": "______"},
                     {"label": "B", "cells": "PP_RR"}]}

    def test_codes_skip_gaps_and_keep_columns(self):
        layout = HallLayout.from_spec(self.SPEC)
        assert sorted(layout.seats) == ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4"]
        assert layout.seat("A3").column == 4
        assert layout.seat("B3").type is SeatType.RECLINER
        assert layout.seat("B1").row_index == 2
        assert layout.seat_count == 8
        assert HallLayout.from_spec(layout.to_spec()).seats == layout.seats

    @pytest.mark.parametrize(
        ("spec", "words"),
        [
            ({"rows": []}, "non-empty"),
            ({"rows": [{"label": "A", "cells": "SXS"}]}, "unknown seat symbol"),
            ({"rows": [{"label": "", "cells": "SS"}]}, "no row label"),
            ({"rows": [{"label": "A", "cells": "S"}, {"label": "A", "cells": "S"}]}, "used twice"),
            ({"rows": [{"label": "A", "cells": "___"}]}, "at least one seat"),
            ("nonsense", "non-empty"),
        ],
    )
    def test_invalid_layouts_are_refused_in_words(self, spec, words):
        with pytest.raises(InvalidInput, match=words):
            HallLayout.from_spec(spec)

    def test_unknown_seat(self):
        with pytest.raises(InvalidInput, match="no seat Z9"):
            HallLayout.from_spec(self.SPEC).seat("Z9")


class TestIds:
    def test_reference_shape(self):
        ref = new_reference()
        assert len(ref) == 9 and ref[4] == "-"
        assert all(c in REFERENCE_ALPHABET for c in ref.replace("-", ""))

    def test_ids_are_unique_hex_in_creation_order(self):
        # Time-ordered so new bookings' index keys land beside the last ones (see new_id).
        ids = [new_id() for _ in range(5_000)]
        assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
        assert len(set(ids)) == len(ids)
        assert ids == sorted(ids)
        made_ms = int(ids[0][:12], 16)
        assert abs(made_ms - time.time() * 1000) < 60_000  # the clock, not a counter from zero

    def test_normalise_what_people_type(self):
        assert normalise_reference(" k7qx4m2p ") == "K7QX-4M2P"
        assert normalise_reference("k7qx-4m2o") == "K7QX-4M20"


class TestConfig:
    def test_precedence_default_file_env(self, tmp_path: Path):
        path = tmp_path / "kiosk.toml"
        path.write_text('kiosk_id = "FROM-FILE"\nhold_minutes = 7\n[cloud]\nregion = "eu-west-1"\n')
        config = load_config(path, env={})
        assert (config.kiosk_id, config.hold_minutes, config.cloud.region) == ("FROM-FILE", 7.0, "eu-west-1")
        env = {"KIOSK_KIOSK_ID": "FROM-ENV", "KIOSK_DB": str(tmp_path / "x.db"),
               "KIOSK_CLOUD_ENABLED": "true", "KIOSK_LARGE_TEXT": "yes"}
        config = load_config(path, env=env)
        assert config.kiosk_id == "FROM-ENV"
        assert config.db_path == tmp_path / "x.db"
        assert config.cloud.enabled is True and config.cloud.region == "eu-west-1"
        assert config.large_text is True

    def test_missing_file_gives_defaults(self, tmp_path: Path):
        config = load_config(tmp_path / "absent.toml", env={})
        assert config.mode == "counter" and config.cloud.enabled is False

    def test_malformed_file_is_an_error(self, tmp_path: Path):
        path = tmp_path / "kiosk.toml"
        path.write_text("kiosk_id = \n")
        with pytest.raises(ValueError):
            load_config(path, env={})


class TestDatabase:
    def test_pragmas_and_schema(self, tmp_path: Path):
        db = open_db(tmp_path / "k.db")
        conn = db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert {"bookings", "seat_sales", "holds", "outbox", "audit"} <= set(db.table_names())

    def test_migrate_is_idempotent(self, tmp_path: Path):
        conn = connect(tmp_path / "k.db")
        assert migrate(conn) == migrate(conn) == latest_version()

    def test_newer_database_is_refused_and_untouched(self, tmp_path: Path):
        path = tmp_path / "k.db"
        open_db(path).conn.close()
        raw = sqlite3.connect(path)
        raw.execute(f"PRAGMA user_version = {latest_version() + 1}")
        raw.close()
        before = path.read_bytes()
        with pytest.raises(SchemaTooNew, match="newer version"):
            open_db(path)
        assert path.read_bytes() == before

    def test_a_failing_migration_leaves_the_schema_where_it_was(self, tmp_path: Path,
                                                                monkeypatch):
        """The pending migrations commit together: one that fails (or a crash) undoes the
        ones before it in the same open, so a database is never half way between versions."""
        import kiosk.store.db as store_db

        shipped = store_db.migrations()
        conn = connect(tmp_path / "k.db")
        monkeypatch.setattr(store_db, "migrations", lambda: shipped[:5])
        assert migrate(conn) == 5
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        broken = (len(shipped) + 1, "9999_broken.sql", "CREATE TABLE nope (a);\nSELECT x FROM y;\n")
        monkeypatch.setattr(store_db, "migrations", lambda: [*shipped, broken])
        with pytest.raises(sqlite3.OperationalError):
            migrate(conn)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master")} == tables
        monkeypatch.setattr(store_db, "migrations", lambda: shipped)
        assert migrate(conn) == latest_version()  # and the next open finishes the job

    def test_write_set_migrations_keep_queued_work_holds_and_sales(self, tmp_path: Path,
                                                                    monkeypatch):
        """0006 rebuilds the outbox without AUTOINCREMENT and 0007 keys holds and seat_sales by
        (show, seat) alone: rows, ids and the keys' refusals all survive."""
        import kiosk.store.db as store_db

        shipped = store_db.migrations()
        assert [n for n, _, _ in shipped[5:7]] == [6, 7]
        conn = connect(tmp_path / "k.db")
        monkeypatch.setattr(store_db, "migrations", lambda: shipped[:5])
        assert migrate(conn) == 5
        with transaction(conn):
            conn.execute("INSERT INTO cinemas (id, name, city, timezone, currency) "
                         "VALUES ('c', 'C', 'X', 'Asia/Kolkata', 'INR')")
            conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) "
                         "VALUES ('h', 'c', 'H', '{}', 2)")
            conn.execute("INSERT INTO films (id, title, language, certificate, runtime_min) "
                         "VALUES ('f', 'F', 'Hindi', 'U', 90)")
            conn.execute("INSERT INTO price_lists (id, name, currency, tax_rate_bp) "
                         "VALUES ('p', 'P', 'INR', 0)")
            conn.execute("INSERT INTO shows (id, film_id, hall_id, starts_at, price_list_id) "
                         "VALUES ('s', 'f', 'h', 't', 'p')")
            conn.execute("INSERT INTO bookings (id, reference, idempotency_key, show_id, channel, "
                         "kiosk_id, currency, total_minor, tax_minor, payment_method, created_at, "
                         "business_date, updated_at) VALUES ('b1', 'R', 'k', 's', 'counter', 'K', "
                         "'INR', 0, 0, 'card', 't', 'd', 't')")
            conn.execute("INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                         "VALUES ('s', 'A1', 'b1')")
            conn.execute("INSERT INTO holds (show_id, seat_code, hold_id, kiosk_id, expires_at) "
                         "VALUES ('s', 'A2', 'h1', 'K', 't')")
            conn.executemany(
                "INSERT INTO outbox (booking_id, kind, payload, created_at, next_attempt_at, "
                "done_at) VALUES (?, ?, '{}', 't', 't', ?)",
                [("b1", "confirm", "t"), ("b1", "notify", None), ("b2", "confirm", None)])
        tables = ("outbox", "holds", "seat_sales")
        columns = {t: ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({t})"))
                   for t in tables}  # later migrations may add columns: compare these
        before = {t: [tuple(r) for r in conn.execute(f"SELECT {columns[t]} FROM {t}")]  # noqa: S608
                  for t in tables}
        monkeypatch.setattr(store_db, "migrations", lambda: shipped)
        assert migrate(conn) == latest_version()
        assert {t: [tuple(r) for r in conn.execute(f"SELECT {columns[t]} FROM {t}")]  # noqa: S608
                for t in tables} == before
        assert [tuple(r) for r in conn.execute(
            "SELECT DISTINCT failures, dead_at, dead_reason FROM outbox")] == [(0, None, "")]
        assert conn.execute("INSERT INTO outbox (kind, payload, created_at, next_attempt_at) "
                            "VALUES ('refund', '{}', 't', 't')").lastrowid == before["outbox"][-1][0] + 1
        sql = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_schema")}
        assert {"outbox_pending", "outbox_by_booking", "holds_by_hold"} <= set(sql)
        # 0006 dropped seat_sales_by_booking for a lean confirm; 0034 brought it back, so the
        # foreign-key look for a booking's seat sales is a search, not a scan
        assert "seat_sales_by_booking" in sql and "AUTOINCREMENT" not in sql["outbox"]
        assert sql["holds"].endswith("WITHOUT ROWID") and sql["seat_sales"].endswith("WITHOUT ROWID")
        for statement in ("INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                          "VALUES ('s', 'A1', 'b1')",
                          "INSERT INTO holds (show_id, seat_code, hold_id, kiosk_id, expires_at) "
                          "VALUES ('s', 'A2', 'h2', 'K', 't')",
                          "INSERT INTO seat_sales (show_id, seat_code, booking_id) "
                          "VALUES ('nope', 'A3', 'b1')"):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(statement)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    def test_transaction_rolls_back_on_error(self, tmp_path: Path):
        conn = open_db(tmp_path / "k.db").conn
        with pytest.raises(RuntimeError), transaction(conn):
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
            raise RuntimeError("boom")
        assert conn.execute("SELECT COUNT(*) FROM settings WHERE key = 'a'").fetchone()[0] == 0

    def test_foreign_keys_enforced(self, tmp_path: Path):
        conn = open_db(tmp_path / "k.db").conn
        with pytest.raises(sqlite3.IntegrityError), transaction(conn):
            conn.execute("INSERT INTO halls (id, cinema_id, name, layout, seat_count) "
                         "VALUES ('h', 'nope', 'x', '{}', 1)")


def _open_and_migrate(path: str) -> int:
    from kiosk.store.db import connect, migrate

    conn = connect(path)
    try:
        return migrate(conn)
    finally:
        conn.close()


def test_concurrent_first_open_migrates_once(tmp_path: Path):
    """Two processes opening a brand-new file at the same moment must both succeed."""
    import multiprocessing

    path = str(tmp_path / "race.db")
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        results = pool.map(_open_and_migrate, [path] * 4)
    assert results == [latest_version()] * 4
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cinemas'").fetchone()[0] == 1
