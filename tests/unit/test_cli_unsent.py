"""Unsent work from the command line (issue 9): ``kiosk init --force`` will not wipe sales the
cloud has not got, and ``kiosk cloud dead-letter`` / ``status`` show, retry and export the rows
the sync worker gave up on. Refusals exit non-zero and change nothing (audit rows excepted)."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from tests.unit.test_cli_sales import CASHIER, MANAGER, Kiosk

DEAD_AT = "2026-11-25T12:00:00+00:00"


@pytest.fixture
def kiosk(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KIOSK_PIN", raising=False)
    return Kiosk(tmp_path, capsys)


@pytest.fixture
def sold(kiosk):
    """Two sales on the kiosk, one with a contact: 2 confirm rows and 1 notify row, unsent."""
    first = kiosk.book("B1", "B2")
    rc, out, err = kiosk("book", "show-future", "C1", "--contact", "asha@example.com",
                         "--pay", "card", "--card-last4", "4242", *CASHIER)
    assert rc == 0, err
    return [first, out.split()[1]]


def kill(kiosk, row_id: int, reason: str = "CloudError: no (gave up after 10 tries)") -> None:
    conn = sqlite3.connect(kiosk.db_path)
    with conn:
        conn.execute("UPDATE outbox SET dead_at = ?, dead_reason = ?, last_error = ?, "
                     "failures = 10 WHERE id = ?", (DEAD_AT, reason, reason, row_id))
    conn.close()


def outbox_ids(kiosk) -> list[int]:
    return [r[0] for r in kiosk.query("SELECT id FROM outbox ORDER BY id")]


def audit(kiosk, action: str) -> list[dict]:
    conn = sqlite3.connect(kiosk.db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) | {"detail": json.loads(r["detail"])} for r in conn.execute(
            "SELECT * FROM audit WHERE action = ? ORDER BY id", (action,))]
    finally:
        conn.close()


# ---------------------------------------------------------------- init --force
def test_init_force_refuses_while_sales_are_unsent(kiosk, sold):
    kill(kiosk, outbox_ids(kiosk)[0])
    err = kiosk.refused("init", "--demo", "--force", "--yes", match="not yet sent to the cloud",
                        exclude=())  # not even an audit row: nothing happened
    assert "2 sales and 1 customer message not yet sent" in err
    assert "kiosk sync" in err and "network" in err
    assert "1 of them could not be sent" in err and "kiosk cloud dead-letter" in err
    assert "Nothing was changed" in err
    assert not (kiosk.db_path.parent / "backups").exists()


def test_init_force_refuses_even_when_only_dead_letters_are_left(kiosk, sold):
    conn = sqlite3.connect(kiosk.db_path)
    with conn:
        conn.execute("UPDATE outbox SET done_at = ? WHERE kind = 'notify'", (DEAD_AT,))
        conn.execute("UPDATE outbox SET done_at = ? WHERE id = (SELECT MIN(id) FROM outbox)",
                     (DEAD_AT,))
    conn.close()
    kill(kiosk, outbox_ids(kiosk)[1])
    err = kiosk.refused("init", "--demo", "--force", "--yes", match="1 sale not yet sent", exclude=())
    assert "erasing now would lose it" in err and "1 of them could not be sent" in err


@pytest.mark.parametrize("staff, match", [
    ([], "needs a manager"),
    (CASHIER, "only a manager"),
    (["--staff", "9001", "--pin", "1111"], "staff number or pin"),
])
def test_discarding_unsent_work_needs_a_managers_pin(kiosk, sold, staff, match):
    # the auth service rightly records sign-ins and a wrong PIN's failed-attempt count
    kiosk.refused("init", "--demo", "--force", "--yes", "--discard-unsent", *staff, match=match,
                  exclude=("audit", "staff"))
    assert not (kiosk.db_path.parent / "backups").exists()
    assert len(outbox_ids(kiosk)) == 3


def test_discard_unsent_needs_force(kiosk, sold):
    kiosk.refused("init", "--demo", "--discard-unsent", *MANAGER, match="--force --yes", exclude=())


def test_a_manager_discards_unsent_work_exported_and_audited_in_the_fresh_database(kiosk, sold):
    bookings = dict(kiosk.query("SELECT reference, id FROM bookings"))
    kill(kiosk, outbox_ids(kiosk)[0])
    rc, out, err = kiosk("init", "--demo", "--force", "--yes", "--discard-unsent", *MANAGER)
    assert rc == 0, err
    [backup] = (kiosk.db_path.parent / "backups").glob("kiosk-*.db")
    export = backup.with_name(f"{backup.stem}-unsent.json")
    assert f"Saved the 3 unsent row(s) to {export}" in out
    assert "Demo data loaded" in out and "Discarded 3 unsent row(s)" in out
    saved = json.loads(export.read_text(encoding="utf-8"))
    assert saved["kiosk_id"] == "CLI-1" and saved["discarded_by"]["staff_number"] == "9001"
    assert [(r["kind"], r["reference"]) for r in saved["rows"]] == [
        ("confirm", sold[0]), ("confirm", sold[1]), ("notify", sold[1])]
    assert saved["rows"][0]["dead_reason"].endswith("(gave up after 10 tries)")
    assert saved["rows"][1]["payload"]["seats"] == ["C1"]  # the whole sale, readable

    assert kiosk.query("SELECT COUNT(*) FROM outbox") == [(0,)]  # wiped ...
    assert kiosk.query("SELECT COUNT(*) FROM bookings") == [(0,)]
    old = sqlite3.connect(backup)  # ... but kept in the backup
    assert old.execute("SELECT COUNT(*) FROM outbox WHERE done_at IS NULL").fetchone()[0] == 3
    old.close()
    [row] = audit(kiosk, "init.discard_unsent")  # survives the wipe: written after it
    assert row["kiosk_id"] == "CLI-1" and row["at"] and row["target"] == str(export)
    detail = row["detail"]
    assert detail["manager"]["staff_number"] == "9001" and detail["manager"]["name"]
    assert detail["discarded_rows"] == 3
    assert detail["discarded_by_kind"] == {"confirm": 2, "notify": 1}
    assert {b: (v["reference"], v["rows"]) for b, v in detail["discarded_bookings"].items()} == {
        bookings[sold[0]]: (sold[0], 1), bookings[sold[1]]: (sold[1], 2)}
    assert detail["backup"] == str(backup)


def test_a_forced_wipe_with_nothing_unsent_is_audited_too(kiosk):
    rc, out, err = kiosk("init", "--demo", "--force", "--yes", *MANAGER)
    assert rc == 0, err
    [row] = audit(kiosk, "init.wipe")
    assert row["detail"]["discarded_rows"] == 0 and row["detail"]["backup"].endswith(".db")
    assert row["detail"]["manager"]["staff_number"] == "9001"  # who allowed the wipe


def test_a_sale_made_after_the_backup_stops_the_wipe(kiosk, sold, monkeypatch):
    """The wipe re-checks, under the write lock, that no row was queued since the backup."""
    from kiosk.commands import init

    real = init._read_backup

    def sale_sneaks_in(path):
        rows, max_id = real(path)
        conn = sqlite3.connect(kiosk.db_path)
        with conn:
            conn.execute("INSERT INTO outbox (booking_id, kind, payload, created_at, "
                         "next_attempt_at) VALUES ('late', 'confirm', '{}', ?, ?)",
                         (DEAD_AT, DEAD_AT))
        conn.close()
        return rows, max_id

    monkeypatch.setattr(init, "_read_backup", sale_sneaks_in)
    rc, out, err = kiosk("init", "--demo", "--force", "--yes", "--discard-unsent", *MANAGER)
    assert rc == 2 and "was made on this kiosk while the backup" in err
    assert kiosk.query("SELECT COUNT(*) FROM bookings") == [(2,)]
    assert len(outbox_ids(kiosk)) == 4


# ---------------------------------------------------------------- cloud dead-letter
def test_dead_letter_list(kiosk, sold):
    rc, out, err = kiosk("cloud", "dead-letter")
    assert rc == 0 and "nothing is stuck" in out
    first = outbox_ids(kiosk)[0]
    kill(kiosk, first, "unreadable confirm row: payload lacks seats")
    rc, out, err = kiosk("cloud", "dead-letter")
    assert rc == 1
    assert "1 row(s) the sync gave up on" in out
    [line] = [x for x in out.splitlines()[1:] if x.split()[0] == str(first)]
    assert "confirm" in line and sold[0] in line and "payload lacks seats" in line


def test_dead_letter_retry_is_for_managers_and_audited(kiosk, sold):
    ids = outbox_ids(kiosk)
    kill(kiosk, ids[0])
    kill(kiosk, ids[1])
    kiosk.refused("cloud", "dead-letter", "--retry", str(ids[0]), match="needs a manager",
                  exclude=())
    kiosk.refused("cloud", "dead-letter", "--retry", str(ids[0]), *CASHIER,
                  match="only a manager")
    assert audit(kiosk, "outbox.retry")[0]["ok"] == 0  # the refusal is on record
    kiosk.refused("cloud", "dead-letter", "--retry", "999", *MANAGER, match="999")
    rc, out, err = kiosk("cloud", "dead-letter", "--retry", str(ids[0]), *MANAGER)
    assert rc == 0, err
    assert "1 row(s) will be sent again" in out and "kiosk sync" in out
    assert kiosk.query("SELECT id, dead_at, failures FROM outbox WHERE id IN (?, ?) ORDER BY id",
                       ids[:2]) == [(ids[0], None, 0), (ids[1], DEAD_AT, 10)]
    rc, out, err = kiosk("cloud", "dead-letter", "--retry-all", *MANAGER)
    assert rc == 0 and "1 row(s) will be sent again" in out
    assert kiosk.query("SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL") == [(0,)]
    done = [r for r in audit(kiosk, "outbox.retry") if r["ok"]]
    assert [r["detail"]["outbox_id"] for r in done] == ids[:2]
    assert {r["staff_id"] for r in done} == {kiosk.query(
        "SELECT id FROM staff WHERE staff_number = '9001'")[0][0]}


@pytest.mark.parametrize("name", ["dead.json", "dead.csv"])
def test_dead_letter_export(kiosk, sold, tmp_path, name):
    ids = outbox_ids(kiosk)
    kill(kiosk, ids[2], "CloudError: topic gone (gave up after 10 tries)")
    path = tmp_path / name
    kiosk.refused("cloud", "dead-letter", "--export", str(path), *CASHIER, match="only a manager")
    assert not path.exists()
    rc, out, err = kiosk("cloud", "dead-letter", "--export", str(path), *MANAGER)
    assert rc == 0 and f"saved 1 dead row(s) to {path}" in out
    if name.endswith(".json"):
        [row] = json.loads(path.read_text(encoding="utf-8"))["dead_letters"]
        assert row["payload"]["contact"] == "asha@example.com"
    else:
        with open(path, newline="", encoding="utf-8") as fh:
            [row] = list(csv.DictReader(fh))
        assert json.loads(row["payload"])["contact"] == "asha@example.com"
        row["id"] = int(row["id"])
    assert (row["id"], row["kind"], row["reference"]) == (ids[2], "notify", sold[1])
    assert row["reason"].startswith("CloudError: topic gone") and row["dead_at"] == DEAD_AT
    [entry] = [r for r in audit(kiosk, "outbox.export") if r["ok"]]
    assert entry["detail"] == {"rows": 1, "ids": [ids[2]]} and entry["target"] == str(path)


def test_cloud_status_counts_and_lists_dead_letters(kiosk, sold):
    from moto import mock_aws

    ids = outbox_ids(kiosk)
    kill(kiosk, ids[0], "unreadable confirm row: payload is not JSON")
    with mock_aws():  # never the real AWS: the status probe finds no table and says offline
        rc, out, err = kiosk("cloud", "status")
    status = json.loads(out)
    assert (status["pending"], status["dead_letters"]) == (2, 1)
    [row] = status["dead_letter_rows"]
    assert row["id"] == ids[0] and row["reference"] == sold[0] and row["kind"] == "confirm"
    assert row["reason"] == "unreadable confirm row: payload is not JSON"


def test_unsent_rows_and_kind_words():
    from kiosk.services.outbox import describe_kinds

    assert describe_kinds(["confirm"]) == "1 sale"
    assert describe_kinds(["confirm", "refund", "confirm", "notify", "exchange"]) == \
        "2 sales, 1 refund, 1 customer message and 1 other change"
