"""The installation's ticket signing keys: made on first use, never a built-in one, rotated
without breaking tickets already sold, shared between devices, changed only by a manager."""

from __future__ import annotations

import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.domain.errors import ConfigError, InvalidInput
from kiosk.domain.ticket_codes import ForgedTicket, sign, verify
from kiosk.services import ticket_keys
from tests.cli_pin import main_with_pin

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_first_use_makes_a_random_private_key_and_two_installations_differ(tmp_path):
    a = ticket_keys.load_or_create(tmp_path / "a" / "keys.toml", NOW)
    b = ticket_keys.load_or_create(tmp_path / "b" / "keys.toml", NOW)
    assert a.keys[a.current] != b.keys[b.current] and len(a.keys[a.current]) == 32
    mode = stat.S_IMODE((tmp_path / "a" / "keys.toml").stat().st_mode)
    assert mode == 0o600
    assert ticket_keys.load_or_create(tmp_path / "a" / "keys.toml", NOW) == a  # read, not remade
    code = sign("K7QX-4M2P", "mum-andheri", a)
    with pytest.raises(ForgedTicket, match="key this box office does not know"):
        verify(code, "mum-andheri", b)


def test_two_first_starts_at_once_keep_one_key(tmp_path):
    path = tmp_path / "keys.toml"
    rings, barrier = [], threading.Barrier(4)

    def start():
        barrier.wait()
        rings.append(ticket_keys.load_or_create(path, NOW))

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({r.current for r in rings}) == 1 and ticket_keys.load(path) == rings[0]


def test_rotation_keeps_old_tickets_valid_until_their_key_is_dropped(tmp_path):
    path = tmp_path / "keys.toml"
    old = ticket_keys.load_or_create(path, NOW)
    sold = sign("K7QX-4M2P", "mum-andheri", old)
    new = ticket_keys.rotate(path, NOW)
    assert new.current != old.current and set(new.keys) == {old.current, new.current}
    assert verify(sold, "mum-andheri", new) == "K7QX-4M2P"
    assert sign("K7QX-4M2P", "mum-andheri", new) != sold
    with pytest.raises(InvalidInput, match="rotate to a new key first"):
        ticket_keys.drop(path, new.current)
    dropped = ticket_keys.drop(path, old.current)
    with pytest.raises(ForgedTicket):
        verify(sold, "mum-andheri", dropped)


def test_a_damaged_file_is_said_not_replaced(tmp_path):
    path = tmp_path / "keys.toml"
    path.write_text('current = "k1"\n[keys]\nk1 = "not base64!"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="damaged"):
        ticket_keys.load_or_create(path, NOW)
    assert "not base64!" in path.read_text(encoding="utf-8")


def test_import_makes_two_devices_sign_and_verify_alike(tmp_path):
    counter = ticket_keys.load_or_create(tmp_path / "counter.toml", NOW)
    door_path = tmp_path / "door.toml"
    ticket_keys.load_or_create(door_path, NOW)
    door = ticket_keys.merge(door_path, tmp_path / "counter.toml", NOW)
    assert door.current == counter.current
    assert verify(sign("K7QX-4M2P", "c1", counter), "c1", door) == "K7QX-4M2P"


def _run(db: Path, *args: str) -> int:
    return main_with_pin(["--db", str(db), *args])


def test_cli_rotation_is_a_managers_and_prints_no_secret(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_BCRYPT_ROUNDS", "4")
    monkeypatch.delenv("KIOSK_PIN", raising=False)
    db = tmp_path / "kiosk.db"
    assert _run(db, "init", "--demo") == 0
    capsys.readouterr()
    assert _run(db, "ticket-keys", "rotate", "--staff", "1001", "--pin", "1234") != 0
    assert "manager" in capsys.readouterr().err.lower()
    assert _run(db, "ticket-keys", "rotate", "--staff", "9001", "--pin", "9999") == 0
    assert _run(db, "ticket-keys", "list", "--staff", "9001", "--pin", "9999") == 0
    out = capsys.readouterr().out
    ring = ticket_keys.load(tmp_path / "ticket-keys.toml")
    assert ring is not None and len(ring.keys) == 2 and f"{ring.current}  (signs)" in out
    import base64

    for secret in ring.keys.values():
        assert base64.b64encode(secret).decode() not in out


def test_a_keys_file_that_cannot_be_written_never_stops_a_sale(tmp_path, monkeypatch):
    """The sale commits; its tickets say why they cannot be printed (no unsigned QR)."""
    import errno

    from kiosk.config import Config
    from kiosk.domain.clock import FakeClock
    from kiosk.services.app import open_services
    from kiosk.services.models import Payment
    from kiosk.tickets.model import UnsignedTicket, qr_payload
    from tests.factories import make_world

    def read_only(*_args):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(ticket_keys, "_write_file", read_only)  # a read-only data folder
    config = Config(db_path=tmp_path / "kiosk.db", bcrypt_rounds=4)
    clock = FakeClock()
    services = open_services(config, clock=clock)
    try:
        make_world(services.deps.db, clock)
        cashier = services.auth.sign_in("1001", "1234")
        hold = services.booking.hold(cashier, "show-future", ["A3"])
        booking = services.booking.confirm(cashier, hold.hold_id, {},
                                           Payment("card", card_last4="4242"))
        assert services.deps.conn.execute("SELECT COUNT(*) FROM bookings").fetchone()[0] == 1
        assert booking.ticket_code == ""
        with pytest.raises(UnsignedTicket, match="cannot sign them"):
            qr_payload(booking)
    finally:
        services.close()
