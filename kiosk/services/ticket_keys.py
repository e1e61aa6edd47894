"""This installation's ticket signing keys (issue 13 point 3): a small TOML file beside the
database (``ticket_keys_file``), never in the config itself and never in the code.

There is no built-in key: the first time a ticket is signed and no file exists, a random key is
made and written (owner-only, 0600), so no two installations share a key by accident and no
known demo key signs anything. The devices of one cinema must share the file (the door verifies
what the counter signed): copy it to each, as the README says. ``rotate`` adds a new key that
signs from then on while the old ones keep verifying tickets already sold; ``drop`` retires an
old key (its tickets are then refused as not genuine). Every change is audited, by key id only.

Written by hand (a few lines of TOML: ids and base64 text); tomllib reads it.
"""

from __future__ import annotations

import base64
import os
import secrets
import tempfile
import tomllib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.errors import ConfigError, InvalidInput
from kiosk.domain.ticket_codes import KeyRing, key_from_text

if TYPE_CHECKING:
    from kiosk.services.deps import ServiceDeps
    from kiosk.services.models import Actor

KEY_BYTES = 32


def resolve(path: Path, db_path: Path) -> Path:
    """A relative path is taken next to the database (each installation keeps its own)."""
    return path if path.is_absolute() else db_path.parent / path


def load(path: Path) -> KeyRing | None:
    """The ring in ``path``; None when there is no file. A damaged file is a ConfigError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise ConfigError(f"Cannot read the ticket keys file {path}: {err.strerror}.") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        keys = {str(kid): key_from_text(text) for kid, text in dict(data["keys"]).items()}
        return KeyRing(str(data["current"]), keys)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError, ValueError,
            InvalidInput) as err:
        raise ConfigError(f"The ticket keys file {path} is damaged ({err}). Restore it from "
                          "another device of this cinema.") from None


def _new_kid(now: datetime, ring: KeyRing | None) -> str:
    taken = set(ring.keys) if ring else set()
    while True:
        kid = f"k{now:%Y%m%d}-{secrets.token_hex(2)}"
        if kid not in taken:
            return kid


def _write(path: Path, ring: KeyRing, *, only_if_absent: bool = False) -> None:
    """Write atomically; ``only_if_absent``: leave a file another process made first alone."""
    lines = [f'current = "{ring.current}"', "", "[keys]"]
    lines += [f'"{kid}" = "{base64.b64encode(secret).decode("ascii")}"'
              for kid, secret in ring.keys.items()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_file(path, lines, only_if_absent)
    except OSError as err:
        raise ConfigError(f"Could not write the ticket keys file {path} ({err.strerror or err}). "
                          "Tickets cannot be signed until it can be written.") from None


def _write_file(path: Path, lines: list[str], only_if_absent: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".ticket-keys-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("# Ticket signing keys of this box office. Secret: copy only to this "
                      "cinema's devices.\n" + "\n".join(lines) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        if only_if_absent:
            try:
                os.link(tmp, path)  # fails if it exists: two first starts keep one key
            except FileExistsError:
                pass
            Path(tmp).unlink(missing_ok=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_or_create(path: Path, now: datetime) -> KeyRing:
    """The ring, made (one random key) the first time this installation signs a ticket."""
    ring = load(path)
    if ring is not None:
        return ring
    kid = _new_kid(now, None)
    _write(path, KeyRing(kid, {kid: secrets.token_bytes(KEY_BYTES)}), only_if_absent=True)
    made = load(path)
    if made is None:
        raise ConfigError(f"Could not write the ticket keys file {path}.")
    return made


def rotate(path: Path, now: datetime) -> KeyRing:
    """A new key signs from now on; every earlier key still verifies."""
    ring = load_or_create(path, now)
    kid = _new_kid(now, ring)
    ring = KeyRing(kid, {**ring.keys, kid: secrets.token_bytes(KEY_BYTES)})
    _write(path, ring)
    return ring


def drop(path: Path, kid: str) -> KeyRing:
    """Retire an old key: tickets it signed are no longer genuine. The current key stays."""
    ring = load(path)
    if ring is None or kid not in ring.keys:
        raise InvalidInput(f"There is no ticket key {kid!r} on this device.")
    if kid == ring.current:
        raise InvalidInput("That key signs today's tickets: rotate to a new key first, then "
                           "drop this one once its tickets have been used.")
    ring = KeyRing(ring.current, {k: v for k, v in ring.keys.items() if k != kid})
    _write(path, ring)
    return ring


def merge(path: Path, other: Path, now: datetime) -> KeyRing:
    """Take the keys of another device's file (the cinema's), its current key signing here too,
    so that every device of the cinema signs and verifies alike. Keys only here stay."""
    theirs = load(other)
    if theirs is None:
        raise InvalidInput(f"There is no ticket keys file at {other}.")
    ours = load(path)
    ring = KeyRing(theirs.current, {**(ours.keys if ours else {}), **theirs.keys})
    _write(path, ring)
    return ring


class TicketKeyService:
    """The manager's changes to the keys (role checked here, audited by key id only)."""

    def __init__(self, deps: ServiceDeps) -> None:
        self.deps = deps

    @property
    def path(self) -> Path:
        return resolve(self.deps.config.ticket_keys_file, self.deps.config.db_path)

    def listing(self, actor: Actor) -> tuple[str, list[str]]:
        """(current key id, every key id): never the keys themselves."""
        self._manager(actor, "ticket_keys.list")
        ring = self.deps.ticket_ring()
        return ring.current, sorted(ring.keys)

    def _changed(self, actor: Actor, action: str, ring: KeyRing, **detail: str) -> KeyRing:
        from kiosk.services import audit
        from kiosk.store.db import transaction

        self.deps._ticket_ring = ring
        with transaction(self.deps.conn):
            audit.record(self.deps.conn, at=self.deps.clock.now(), kiosk_id=actor.kiosk_id,
                         staff_id=actor.staff_id, action=action, target=ring.current,
                         detail=detail)
        return ring

    def _manager(self, actor: Actor, action: str) -> None:
        from kiosk.services.auth import require_role
        from kiosk.services.models import Role

        require_role(self.deps, actor, Role.MANAGER, action)

    def rotate(self, actor: Actor) -> KeyRing:
        self._manager(actor, "ticket_keys.rotate")
        ring = rotate(self.path, self.deps.clock.now())
        return self._changed(actor, "ticket_keys.rotate", ring, signs=ring.current)

    def drop(self, actor: Actor, kid: str) -> KeyRing:
        self._manager(actor, "ticket_keys.drop")
        ring = drop(self.path, kid)
        return self._changed(actor, "ticket_keys.drop", ring, dropped=kid)

    def merge(self, actor: Actor, other: Path) -> KeyRing:
        self._manager(actor, "ticket_keys.import")
        ring = merge(self.path, other, self.deps.clock.now())
        return self._changed(actor, "ticket_keys.import", ring, signs=ring.current,
                             keys=",".join(sorted(ring.keys)))
