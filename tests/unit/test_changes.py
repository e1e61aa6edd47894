"""ChangeFeed sees commits of other connections (and processes), not reads, not its own."""

from __future__ import annotations

import subprocess
import sys

from kiosk.services.changes import ChangeFeed
from kiosk.store.db import connect, transaction


def test_poll_reports_other_connections_commits(services, config):
    feed = ChangeFeed(config.db_path)
    try:
        assert feed.poll() is False
        services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()
        assert feed.poll() is False  # reads are not changes
        with transaction(services.deps.conn) as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        assert feed.poll() is True
        assert feed.poll() is False  # reported once
    finally:
        feed.close()


def test_rolled_back_write_is_not_a_change(services, config):
    with ChangeFeed(config.db_path) as feed:
        conn = services.deps.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings (key, value) VALUES ('b', '1')")
        conn.execute("ROLLBACK")
        assert feed.poll() is False


def test_subscribers_called_on_change_and_can_unsubscribe(services, config):
    with ChangeFeed(config.db_path) as feed:
        calls = []
        unsubscribe = feed.subscribe(lambda: calls.append(1))
        other = connect(config.db_path)
        other.execute("INSERT INTO settings (key, value) VALUES ('c', '1')")
        assert feed.poll() and calls == [1]
        unsubscribe()
        other.execute("INSERT INTO settings (key, value) VALUES ('d', '1')")
        assert feed.poll() and calls == [1]
        other.close()


def test_sees_commits_from_another_process(services, config):
    with ChangeFeed(config.db_path) as feed:
        code = ("import sys; from kiosk.store.db import connect; c = connect(sys.argv[1]); "
                "c.execute(\"INSERT INTO settings (key, value) VALUES ('p', '1')\")")
        subprocess.run([sys.executable, "-c", code, str(config.db_path)], check=True, timeout=60)
        assert feed.poll() is True
