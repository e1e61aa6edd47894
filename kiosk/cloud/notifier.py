"""Customer confirmations through SNS, driven by the outbox's ``notify`` rows.

The outbox row carries only the booking id and the contact; the message is composed here from
the local database at send time, so it always tells the booking's current truth (a booking that
lost its seats in a conflict gets an apology, not a confirmation). Delivery is at least once:
the row is marked done only after SNS accepted the publish.

Each message reaches its customer only (issue 13 point 8). An SMS is published straight to the
phone number (SNS direct publish, transactional): no topic, so no subscriber sees it. An e-mail
goes through the topic to the chain's mailer, its one subscriber (README: "Confirmations"),
with the address as the ``email`` attribute and ``channel = email`` for its subscription filter;
the booking id travels as ``dedupe_key`` so the mailer can drop repeats. A phone number never
goes to the topic.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.cloud.boto_types import SNSClient
from kiosk.cloud.errors import translate
from kiosk.domain.clock import from_iso, local
from kiosk.domain.errors import NotFound
from kiosk.domain.money import format_money

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}$")
SUBJECT_MAX = 99  # SNS: under 100 printable ASCII characters


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    attributes: dict[str, dict[str, str]]
    phone: str = ""  # E.164: an SMS to this number (else an e-mail through the topic)


def contact_type(contact: str) -> str:
    if EMAIL.match(contact.strip()):
        return "email"
    if PHONE.match(contact.strip()):
        return "phone"
    return "unknown"


def _ascii(text: str) -> str:
    cleaned = text.encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", cleaned).strip()[:SUBJECT_MAX]


def _booking_facts(conn: sqlite3.Connection, booking_id: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT b.id, b.reference, b.state, b.total_minor, b.refunded_minor, b.currency, "
        "s.starts_at, f.title, c.name AS cinema, c.city, c.timezone, h.name AS hall "
        "FROM bookings b JOIN shows s ON s.id = b.show_id JOIN films f ON f.id = s.film_id "
        "JOIN halls h ON h.id = s.hall_id JOIN cinemas c ON c.id = h.cinema_id WHERE b.id = ?",
        (booking_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"Booking {booking_id} is not in this kiosk's database.")
    seats = [r[0] for r in conn.execute(
        "SELECT seat_code FROM booking_seats WHERE booking_id = ? AND refunded = 0 "
        "ORDER BY seat_code", (booking_id,))]
    facts = dict(row)
    facts["seats"] = seats
    facts["local_start"] = local(from_iso(row["starts_at"]), row["timezone"])
    lost = conn.execute("SELECT lost_seats, detail FROM cloud_conflicts WHERE booking_id = ?",
                        (booking_id,)).fetchone()
    facts["lost_seats"] = json.loads(lost[0]) if lost else []
    try:  # why the cloud refused the sale: seats sold elsewhere ("") or its own checks
        facts["conflict_reason"] = str(json.loads(lost[1] or "{}").get("reason", "")) if lost else ""
    except (ValueError, AttributeError):
        facts["conflict_reason"] = ""
    return facts


def compose(conn: sqlite3.Connection, booking_id: str, contact: str,
            template: str = "", language: str = "en") -> Message:
    """Subject and body naming reference, film, cinema, local date and time, seats and amount,
    in the customer's language (``kiosk.cloud.notify_texts``; the e-mail subject in English)."""
    from kiosk.cloud.notify_texts import texts

    f = _booking_facts(conn, booking_id)
    words, english = texts(language), texts("en")
    when = f["local_start"].strftime("%a %d %b %Y, %H:%M")
    amount = format_money(f["total_minor"] - f["refunded_minor"], f["currency"])
    seats = ", ".join(f["seats"]) or words["none"]
    kind = template or ("conflict" if f["state"] == "conflict" else "confirmation")
    facts = {"ref": f["reference"], "film": f["title"], "when": when, "seats": seats,
             "lost": ", ".join(f["lost_seats"]) or seats}
    if kind == "conflict":
        head = "conflict_head"
        opening = {"show_cancelled": "cancelled", "staff_inactive": "staff"}.get(
            f["conflict_reason"], "sold")
    elif kind == "reseated":
        head, opening = "reseated_head", "reseated"
    else:
        head, opening = "confirmed_head", "confirmed"
    subject = english[head].format(**facts)
    headline = words[head].format(**facts)
    body = "\n".join([
        words[opening].format(**facts),
        "",
        f"{words['reference']}: {f['reference']}",
        f"{words['film']}: {f['title']}",
        f"{words['cinema']}: {f['cinema']}, {f['city']} ({f['hall']})",
        f"{words['when']}: {when} {words['local']}",
        f"{words['seats']}: {seats}",
        f"{words['amount']}: {amount}",
    ])
    ctype = contact_type(contact)
    dedupe = booking_id if kind == "confirmation" else f"{booking_id}:{kind}"
    subject = _ascii(subject) or f"Booking {f['reference']}"
    if ctype == "phone":  # an SMS: its first line, in the customer's language, is the headline
        return Message(headline, body, {}, phone=sms_number(contact, f["currency"]))
    attributes = {
        "booking_id": {"DataType": "String", "StringValue": booking_id},
        "reference": {"DataType": "String", "StringValue": f["reference"]},
        "dedupe_key": {"DataType": "String", "StringValue": dedupe},
        "kind": {"DataType": "String", "StringValue": kind},
        "channel": {"DataType": "String", "StringValue": "email"},
    }
    if ctype == "email":
        attributes["email"] = {"DataType": "String", "StringValue": contact.strip()}
    return Message(subject, body, attributes)


_EMAILS = re.compile(r"[^@\s'\"<>()]+@[^@\s'\"<>()]+")
# "+91 98765 43210", "+971501234567", or ten digits or more (not a date or a time)
_PHONES = re.compile(r"\+\d[\d ()-]{6,}\d|\b\d{5} ?\d{5,}\b")


def redact(text: str) -> str:
    """``text`` with e-mail addresses and phone numbers masked: what goes into logs, the sync
    status and outbox notes (an SNS error message may quote the number it refused)."""
    return _PHONES.sub("[phone]", _EMAILS.sub("[e-mail]", str(text)))


class NotDeliverable(Exception):
    """The contact cannot be reached at all (no retry helps): said on the outbox row."""


def sms_number(contact: str, currency: str) -> str:
    """The phone in E.164 for SNS (a number typed without its country code takes the
    cinema's); NotDeliverable when it cannot be one."""
    from kiosk.domain.errors import InvalidInput
    from kiosk.domain.loyalty import normalise_phone

    try:
        return normalise_phone(contact, currency)
    except InvalidInput:
        raise NotDeliverable("the phone number has no country code we can tell") from None


def deliver(sns_client: SNSClient, topic_arn: str, message: Message, sender_id: str = "") -> str:
    """Send the message its way (an SMS straight to the phone, from ``sender_id`` when one is
    configured; an e-mail through the mailer's topic); returns the SNS message id. Raises
    CloudUnavailable / CloudError."""
    if not message.phone:
        return publish(sns_client, topic_arn, message)
    attributes = {"AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}}
    if sender_id:
        attributes["AWS.SNS.SMS.SenderID"] = {"DataType": "String", "StringValue": sender_id}
    try:
        response = sns_client.publish(
            PhoneNumber=message.phone, Message=f"{message.subject}\n{message.body}",
            MessageAttributes=attributes)
    except Exception as exc:  # noqa: BLE001
        raise translate(exc) from exc
    return str(response.get("MessageId", ""))


def publish(sns_client: SNSClient, topic_arn: str, message: Message) -> str:
    """Publish; returns the SNS message id. Raises CloudUnavailable / CloudError on failure."""
    try:
        response = sns_client.publish(TopicArn=topic_arn, Subject=message.subject,
                                      Message=message.body, MessageAttributes=message.attributes)
    except Exception as exc:  # noqa: BLE001
        raise translate(exc) from exc
    return str(response.get("MessageId", ""))
