"""Signed ticket codes (issue 13 point 3): what a ticket's QR will carry so that a door or a
collection point can tell a genuine ticket from a forged or altered one. Pure rules, no I/O.

A code is ``BOK1.<cinema>.<key id>.<reference>.<signature>`` (a dot in the cinema id written
as "~"): the signature is the first 16
bytes of HMAC-SHA256, under the installation's key of that id, over everything before it,
written in unpadded base32 (26 letters and digits: a QR's alphanumeric mode keeps it small).
The cinema is in clear so a ticket of another cinema is told as such, not as a forgery; the key
id lets keys rotate: a new key signs, the old ones still verify tickets already sold, until a
manager drops them.

Written here with the standard library's ``hmac`` (a few lines); no ticket-signing library is a
dependency of this product.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass, field

from kiosk.domain.errors import InvalidInput

VERSION = "BOK1"
SIGNATURE_BYTES = 16
MIN_KEY_BYTES = 16
MAX_CODE = 200  # a scanner that reads past the QR (two codes run together) is refused early
_ID = re.compile(r"^[A-Za-z0-9-]{1,40}$")  # a key id: never a dot
# a cinema id, as the config allows it (dots too: the code is split from its right end)
_CINEMA = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_REFERENCE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")


class ForgedTicket(InvalidInput):
    """The code is not a genuine ticket of this cinema (the message says why, in words)."""


@dataclass(frozen=True)
class KeyRing:
    """The installation's signing keys: ``current`` signs; every key verifies."""

    current: str
    keys: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.current not in self.keys:
            raise InvalidInput(f"The ticket signing key {self.current!r} is not among the keys.")
        for kid, secret in self.keys.items():
            if not _ID.match(kid):
                raise InvalidInput(f"Ticket key id {kid!r}: letters, digits and '-', at most 40.")
            if len(secret) < MIN_KEY_BYTES:
                raise InvalidInput(f"Ticket key {kid!r} is too short: at least {MIN_KEY_BYTES} "
                                   "random bytes.")


def _signature(secret: bytes, signed: str) -> str:
    digest = hmac.new(secret, signed.encode("ascii"), hashlib.sha256).digest()[:SIGNATURE_BYTES]
    return base64.b32encode(digest).decode("ascii").rstrip("=")


def sign(reference: str, cinema_id: str, ring: KeyRing) -> str:
    """The code a ticket of ``reference`` at ``cinema_id`` carries."""
    if not _REFERENCE.match(reference) or not _CINEMA.match(cinema_id):
        raise InvalidInput(f"Cannot sign {reference!r} at {cinema_id!r}: not a booking "
                           "reference and a cinema id.")
    signed = f"{VERSION}.{_in_code(cinema_id)}.{ring.current}.{reference}"
    return f"{signed}.{_signature(ring.keys[ring.current], signed)}"


def is_code(scanned: object) -> bool:
    """True when what was scanned or typed is meant as a signed code (not a bare reference)."""
    return str(scanned or "").strip().upper().startswith(VERSION + ".")


def _in_code(cinema_id: str) -> str:
    """A cinema id as the code writes it: a dot (which ids may hold) as "~" (which none may),
    so the code always splits into its five fields."""
    return cinema_id.replace(".", "~")


def _parts(text: str) -> tuple[str, str, str, str, str] | None:
    """(version, cinema, key id, reference, signature); None when it is not shaped so."""
    parts = text.split(".")
    if len(parts) != 5:
        return None
    version, cinema, kid, reference, signature = parts
    return version, cinema.replace("~", "."), kid, reference, signature


def cinema_of(scanned: object) -> str:
    """The cinema a code names (unverified: only to pick which cinema to verify it for)."""
    parts = _parts(str(scanned or "").strip())
    return parts[1] if parts and parts[0].upper() == VERSION else ""


def verify(scanned: object, cinema_id: str, ring: KeyRing) -> str:
    """The booking reference a genuine code of this cinema names; ForgedTicket otherwise."""
    text = str(scanned or "").strip()
    if not text:
        raise ForgedTicket("Nothing was scanned: scan the ticket's code again.")
    if len(text) > MAX_CODE or not text.isascii():
        raise ForgedTicket("That scan is not a ticket code (too long, or not a code at all). "
                           "Scan the ticket's code again.")
    parts = _parts(text)
    if parts is None or parts[0].upper() != VERSION:
        raise ForgedTicket("That is not a ticket code of this box office. Scan the QR on the "
                           "ticket, or type its booking reference.")
    _version, cinema, kid, reference, signature = parts
    if cinema != cinema_id:
        raise ForgedTicket(f"That ticket is for another cinema ({cinema}), not this one.")
    secret = ring.keys.get(kid)
    if secret is None:
        raise ForgedTicket("That ticket's code is signed with a key this box office does not "
                           "know: it is not genuine, or was sold before the keys were changed. "
                           "Ask a manager.")
    expected = _signature(secret, f"{VERSION}.{_in_code(cinema)}.{kid}.{reference}")
    if not hmac.compare_digest(expected, signature.upper()):
        raise ForgedTicket("That ticket's code is not genuine (it was altered or made up). "
                           "Do not admit; ask a manager.")
    return reference


def key_from_text(text: str) -> bytes:
    """A key as written in the config: base64 of at least 16 random bytes."""
    try:
        secret = base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError):
        raise InvalidInput("A ticket signing key is base64 text (for example the output of "
                           "`openssl rand -base64 32`).") from None
    if len(secret) < MIN_KEY_BYTES:
        raise InvalidInput(f"A ticket signing key needs at least {MIN_KEY_BYTES} random bytes.")
    return secret
