"""The audit log in words a manager reads (issue 14 defect 10): "Asha Cashier (1001) refunded
₹450.00 on booking K7QX-4M2P (card), seats C1, C2: show cancelled.", not
``refund {"amount_minor": 45000, ...}``. Pure rules, no I/O, no Qt.

Every action the code records has a sentence of its own (``TEMPLATES``; a test walks the code
for action names and checks each one): a template with ``{fields}`` filled from the row
(``Fields``: who did it, the target, and the detail's amounts as money, seats, reasons and
tenders in words). ``sentence`` returns the template and its fields apart, so the screen can
translate the template (``QCoreApplication.translate("AuditWords", template)``: the templates
are marked below for ``lupdate``) and fill it; ``describe`` fills the English one. A refused
action reads "… was refused: …, with why"; an action without a template (a newer version's row)
falls back to its name in words and the detail as "key: value" pairs, never JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.domain import refund_reasons
from kiosk.domain.money import format_money

Detail = Mapping[str, Any]
CONTEXT = "AuditWords"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context`` (read by lupdate; no Qt here)."""
    return text


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP("AuditWords", text)


# One sentence per recorded action. {who}: "Name (number)" or "The system"; {target}: the row's.
TEMPLATES: dict[str, str] = {
    # staff and shifts
    "sign_in": _t("{who} signed in{shift_part}."),
    "sign_out": _t("{who} signed out."),
    "sign_in_failed": _t("Sign-in as staff {target} refused: {why}."),
    "shift_open": _t("{who} opened shift {target} with a float of {float}."),
    "shift_close": _t("{who} closed shift {target}: counted {counted}, expected {expected}, "
                      "variance {variance}."),
    "cashup.approve": _t("{who} approved the cash-up of shift {target}{comment_part}."),
    "cashup.comment": _t("{who} commented on the cash-up of shift {target}{comment_part}."),
    "cashup.slip": _t("{who} printed the cash-up slip of shift {target} ({device})."),
    "cashup.reprint": _t("{who} printed the cash-up slip of shift {target} again ({device})."),
    # sales and refunds
    "confirm": _t("{who} sold booking {target} for {total}{tenders_part}{seats_part}."),
    "exchange": _t("{who} exchanged booking {exchanged_from} for {target}, {total}"
                   "{tenders_part}{seats_part}."),
    "refund": _t("{who} refunded {amount} on booking {target}{method_part}{seats_part}"
                 "{reason_part}."),
    "void": _t("{who} cancelled booking {target}, {amount} back{method_part}{reason_part}."),
    "refund_requested": _t("{who} asked a manager to approve a refund of {amount} on booking "
                           "{target}{seats_part}{reason_part}."),
    "refund_approved": _t("{who} approved refund {refund_id} of {amount} on booking {target}"
                          "{payout_part}."),
    "refund_rejected": _t("{who} rejected refund {refund_id} on booking {target}{comment_part}."),
    "refund_paid_out": _t("{who} paid out refund {refund_id} of {amount} on booking {target} "
                          "from their drawer."),
    "item_sale": _t("{who} sold food and drink {target} for {total}{tenders_part}."),
    "item_refund": _t("{who} refunded {amount} of food and drink {target}{tenders_part}"
                      "{reason_part}."),
    "item_collect": _t("{who} handed over food and drink {target}."),
    "points_shortfall": _t("Member {target} had fewer points than a refund took back "
                           "({owed_part})."),
    # gift cards, vouchers, members, offers, stock
    "giftcard_issue": _t("{who} sold gift card {card} loaded with {amount}{tenders_part}."),
    "giftcard_top_up": _t("{who} topped up gift card {card} with {amount}{tenders_part}."),
    "giftcard_block": _t("{who} blocked gift card {target}."),
    "giftcard_unblock": _t("{who} unblocked gift card {target}."),
    "voucher_issue": _t("{who} issued {count} voucher(s) ({label}) for {target}."),
    "voucher_void": _t("{who} cancelled voucher {target}."),
    "member_join": _t("{who} enrolled member {target}."),
    "member_update": _t("{who} changed member {target}."),
    "offer.add": _t("{who} added offer {name} ({target})."),
    "offer.change": _t("{who} changed offer {name} ({target})."),
    "offer.withdraw": _t("{who} withdrew offer {target}."),
    "menu.set_stock": _t("{who} counted {on_hand} of {target} in stock."),
    # tickets, collection and the door
    "confirmation.resend": _t("{who} sent the confirmation of booking {target} again to {to}."),
    "tickets.reprint": _t("{who} reprinted {tickets} ticket(s) of booking {reference}."),
    "tickets.reprint_collected": _t("{who} reprinted the collected tickets of booking "
                                    "{reference}."),
    "tickets.double_collection": _t("Tickets of booking {reference} were collected here after "
                                    "{first_kiosk} had collected them."),
    "tickets.collection_released": _t("The collection of booking {reference} was given back: "
                                      "{reason}."),
    "door.double_admission": _t("Booking {reference} was admitted at {first_door} and again at "
                                "{second_door}."),
    # the day, the schedule, the catalogue, settings
    "day_close": _t("{who} closed business day {target}: gross {gross}, {tickets} ticket(s)."),
    "day_adjust": _t("{who} corrected closed day {target} by {amount}: {reason}."),
    "film.add": _t("{who} added film {title}."),
    "film.update": _t("{who} changed film {title}."),
    "price_list.add": _t("{who} added price list {target}."),
    "price_list.update": _t("{who} changed price list {target}."),
    "hall.add": _t("{who} added hall {target}."),
    "hall.update": _t("{who} changed hall {target}."),
    "show.add": _t("{who} scheduled show {target}."),
    "show.update": _t("{who} changed show {target}."),
    "show.cancel": _t("{who} cancelled show {target}."),
    "import": _t("{who} imported {rows} row(s) of {kind} from {target}."),
    "config_change": _t("{who} changed the settings in {target}{reason_part}."),
    "cinema.limits": _t("{who} changed the money limits of cinema {target}."),
    "cinema.first_run": _t("{who} set up cinema {target} ({name}, {city})."),
    "catalogue.publish": _t("{who} published version {version} of cinema {target}'s catalogue "
                            "({items} item(s))."),
    "catalogue.conflict": _t("A catalogue edit for cinema {target} was refused: someone else "
                             "changed it first."),
    # staff administration
    "staff.first_manager": _t("{who} became the first manager ({target})."),
    "staff.add": _t("{who} added staff {target} ({name}, {role})."),
    "staff.reset_pin": _t("{who} reset the PIN of staff {target}."),
    "staff.unlock": _t("{who} unlocked staff {target}."),
    "staff.deactivate": _t("{who} deactivated staff {target}."),
    "staff.reactivate": _t("{who} reactivated staff {target}."),
    "staff.set_role": _t("{who} changed staff {target} from {from} to {to}."),
    # the cloud and the outbox
    "sync_conflict": _t("The seats {lost} of booking {target} were sold elsewhere first."),
    "sync_refused": _t("The cloud refused booking {target} (seats {seats_list}): {reason}."),
    "conflict_reseat": _t("{who} moved booking {target} from {old_seats} to {new_seats}."),
    "conflict_refund": _t("{who} refunded booking {target} in full ({amount}): its seats were "
                          "sold elsewhere."),
    "cloud_allocate": _t("{who} set aside {seat_count} seat(s) of show {target} for offline "
                         "sales."),
    "cloud_release": _t("{who} gave back {seat_count} unsold offline seat(s) of show {target}."),
    "cloud_revoke": _t("{who} gave back all {seat_count} offline seat(s) of show {target}."),
    "cloud_resend": _t("Booking {target} was sent to the cloud again (missing there)."),
    "outbox.dead_letter": _t("The sync gave up sending {kind} of {target}: {reason}."),
    "outbox.retry": _t("{who} sent {kind} of {target} again."),
    "outbox.export": _t("{who} exported {rows} unsent row(s) to {target}."),
    "refund_approve_sent": _t("{who} sent the approval of refund {local_id} to {kiosk}."),
    "refund_reject_sent": _t("{who} sent the rejection of refund {local_id} to {kiosk}."),
    "cashup_approve_sent": _t("{who} sent the approval of cash-up {local_id} to {kiosk}."),
    "cashup_reject_sent": _t("{who} sent the rejection of cash-up {local_id} to {kiosk}."),
    "remote_refund_decision": _t("A manager at {by_kiosk} decided refund {target} ({decision}): "
                                 "{outcome}."),
    "remote_cashup_decision": _t("A manager at {by_kiosk} decided cash-up {target} ({decision}): "
                                 "{outcome}."),
    # the database and the ticket keys
    "backup": _t("{who} saved a backup to {target}."),
    "restore": _t("{who} restored the backup {target}."),
    "init.wipe": _t("{who} wiped the database (backup kept in {target})."),
    "init.discard_unsent": _t("{who} wiped the database and discarded unsent sales (kept in "
                              "{target})."),
    "ticket_keys.rotate": _t("{who} made a new ticket signing key ({target})."),
    "ticket_keys.drop": _t("{who} dropped ticket key {dropped}."),
    "ticket_keys.import": _t("{who} imported ticket keys (signing with {target})."),
}

# Actions whose rows are refusals by nature: their sentence already says so.
SAYS_REFUSED = {"sign_in_failed", "catalogue.conflict", "sync_refused", "outbox.dead_letter",
                "sync_conflict"}

# An action's name in words (the log's Action column and filter), for recorded actions and
# for the checks that refuse (a permission's name: "cash-ups list").
# Written out entry by entry, like TEMPLATES: lupdate reads each literal _t(...) call, so a
# family such as "Film added / changed / saved" cannot be built from parts (word order differs).
NAMES: dict[str, str] = {
    "sign_in": _t("Signed in"), "sign_out": _t("Signed out"),
    "sign_in_failed": _t("Sign-in refused"), "shift_open": _t("Shift opened"),
    "shift_close": _t("Shift closed"), "shift_list": _t("Shifts list"),
    "cashup.slip": _t("Cash-up slip printed"), "cashup.reprint": _t("Cash-up slip reprinted"),
    "cashup_slip": _t("Cash-up slip"), "shift_report": _t("Cash-up looked at"),
    "shift_preview": _t("Cash-up preview"), "report.dashboard": _t("Dashboard"),
    "confirm": _t("Sale"), "exchange": _t("Exchange"), "refund": _t("Refund"),
    "void": _t("Booking cancelled"), "refund_requested": _t("Refund requested"),
    "refund_approved": _t("Refund approved"), "refund_rejected": _t("Refund rejected"),
    "refund_paid_out": _t("Refund paid out"), "refund.preview": _t("Refund preview"),
    "refund_approve": _t("Refund approval"), "refund_reject": _t("Refund rejection"),
    "refund_list": _t("Refunds waiting"), "refund_pay_out": _t("Refund pay-out"),
    "refund_to_pay_out": _t("Refunds to pay out"),
    "item_sale": _t("Food and drink sale"), "item_refund": _t("Food and drink refund"),
    "item_collect": _t("Food and drink collected"), "points_shortfall": _t("Points short"),
    "giftcard_issue": _t("Gift card sold"), "giftcard_top_up": _t("Gift card topped up"),
    "giftcard_block": _t("Gift card blocked"), "giftcard_unblock": _t("Gift card unblocked"),
    "voucher_issue": _t("Vouchers issued"), "voucher_void": _t("Voucher cancelled"),
    "member_join": _t("Member enrolled"), "member_update": _t("Member changed"),
    "member_history": _t("Member history"),
    "offer.add": _t("Offer added"), "offer.change": _t("Offer changed"),
    "offer.withdraw": _t("Offer withdrawn"), "offer.save": _t("Offer saved"),
    "menu.set_stock": _t("Stock counted"), "menu.low_stock": _t("Low stock list"),
    "confirmation.resend": _t("Confirmation resent"), "tickets.reprint": _t("Tickets reprinted"),
    "tickets.reprint_collected": _t("Collected tickets reprinted"),
    "tickets.double_collection": _t("Tickets collected twice"),
    "tickets.collection_released": _t("Collection given back"),
    "tickets.collect": _t("Tickets collected"), "tickets.find": _t("Booking looked up"),
    "tickets.release": _t("Collection given back"),
    "door.double_admission": _t("Admitted twice"), "door.admit": _t("Admission"),
    "door.double_admissions": _t("Double admissions list"),
    "day_close": _t("Business day closed"), "day_adjust": _t("Closed day corrected"),
    "film.add": _t("Film added"), "film.update": _t("Film changed"),
    "film.save": _t("Film saved"), "price_list.add": _t("Price list added"),
    "price_list.update": _t("Price list changed"), "price_list.save": _t("Price list saved"),
    "hall.add": _t("Hall added"), "hall.update": _t("Hall changed"),
    "hall.save": _t("Hall saved"), "show.add": _t("Show scheduled"),
    "show.update": _t("Show changed"), "show.save": _t("Show saved"),
    "show.cancel": _t("Show cancelled"), "import": _t("Import"),
    "config_change": _t("Settings changed"), "cinema.limits": _t("Money limits changed"),
    "cinema.first_run": _t("Cinema set up"), "catalogue.publish": _t("Catalogue published"),
    "catalogue.conflict": _t("Catalogue edit refused"),
    "staff.first_manager": _t("First manager"), "staff.add": _t("Staff added"),
    "staff.reset_pin": _t("PIN reset"), "staff.unlock": _t("Staff unlocked"),
    "staff.deactivate": _t("Staff deactivated"), "staff.reactivate": _t("Staff reactivated"),
    "staff.set_role": _t("Role changed"), "staff.list": _t("Staff list"),
    "cashup.approve": _t("Cash-up approval"), "cashup.comment": _t("Cash-up comment"),
    "cashup.list": _t("Cash-ups list"), "cashup.view": _t("Cash-up viewed"),
    "audit_query": _t("Audit log read"), "audit_verify": _t("Audit chain checked"),
    "sync.view": _t("Sync overview"), "sync_conflict": _t("Seats sold elsewhere first"),
    "sync_refused": _t("Refused by the cloud"), "conflict_reseat": _t("Customer re-seated"),
    "conflict_refund": _t("Conflict refunded"), "cloud": _t("Cloud command"),
    "cloud.join": _t("Joined the cloud"), "cloud_allocate": _t("Offline seats set aside"),
    "cloud_release": _t("Offline seats given back"),
    "cloud_revoke": _t("Offline seats taken back"), "cloud_resend": _t("Sent again"),
    "outbox.dead_letter": _t("Not sent (needs a manager)"), "outbox.retry": _t("Sending retried"),
    "outbox.export": _t("Unsent rows exported"),
    "refund_approve_sent": _t("Refund approval sent"),
    "refund_reject_sent": _t("Refund rejection sent"),
    "cashup_approve_sent": _t("Cash-up approval sent"),
    "cashup_reject_sent": _t("Cash-up rejection sent"),
    "remote_refund_decision": _t("Refund decided elsewhere"),
    "remote_cashup_decision": _t("Cash-up decided elsewhere"),
    "backup": _t("Backup saved"), "restore": _t("Backup restored"),
    "init.wipe": _t("Database wiped"), "init.discard_unsent": _t("Unsent sales discarded"),
    "ticket_keys.rotate": _t("Ticket key made"), "ticket_keys.drop": _t("Ticket key dropped"),
    "ticket_keys.import": _t("Ticket keys imported"), "ticket_keys.list": _t("Ticket keys list"),
}

REFUSED = _t("{who} was refused: {action} {target} ({why}).")
REFUSED_NO_TARGET = _t("{who} was refused: {action} ({why}).")
FALLBACK = _t("{who}: {action} {target}{pairs_part}.")
SYSTEM = _t("The system")
SELF_SERVICE = _t("Self-service")
# rows without staff that a customer's own kiosk wrote (the rest are the system's own)
CUSTOMER_ACTIONS = {"confirm", "exchange", "item_sale", "item_collect", "tickets.reprint",
                    "tickets.reprint_collected", "giftcard_issue", "giftcard_top_up"}

# Why something was refused, from the codes the services record.
WHY = {
    "wrong_pin": _t("wrong PIN"), "locked": _t("locked out"),
    "unknown_staff": _t("unknown staff number"), "inactive": _t("inactive account"),
    "staff_inactive": _t("account not active"), "staff_only": _t("staff only"),
    "role_changed": _t("role changed since sign-in"),
    "permission_denied": _t("not allowed for this role"),
    "staff_row_not_manager": _t("not a manager"), "no_sign_in": _t("nobody signed in"),
}
METHODS = {"cash": _t("cash"), "card": _t("card"), "upi": _t("UPI"), "voucher": _t("gift card"),
           "giftcard": _t("gift card"), "points": _t("points"), "split": _t("split")}


def who_label(name: str | None, number: str | None) -> str:
    """ "Asha Cashier (1001)"; "" when the row has no staff (the system's own)."""
    name, number = (name or "").strip(), (number or "").strip()
    if name and number:
        return f"{name} ({number})"
    return name or number


def _money(detail: Detail, key: str) -> str:
    """An amount in its row's currency; a row that does not say its currency shows the bare
    amount (never a guessed ₹ for dirhams)."""
    try:
        amount = int(detail[key])
    except (TypeError, ValueError):
        raise KeyError(key) from None
    currency = detail.get("currency")
    if not currency:
        return f"{amount / 100:,.2f}"
    return format_money(amount, str(currency))


def reason_words(reason: str) -> str:
    """A stored refund reason for a reader: the code in words, with its note
    (``kiosk.domain.refund_reasons``); free text of older rows as it was."""
    return refund_reasons.parse(reason).words


def _list(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


class Fields(dict[str, str]):
    """A template's fields, made from the row as a template asks for them (a missing one
    raises KeyError: the row then reads in the fallback form)."""

    def __init__(self, who: str, target: str, detail: Detail,
                 translate: Callable[[str], str] | None = None,
                 reasons: Callable[[str], str] | None = None):
        super().__init__(who=who, target=target)
        self.detail = detail
        self.tr = translate or (lambda text: text)
        self.reason_text = reasons or reason_words

    def __missing__(self, key: str) -> str:
        d = self.detail
        value = self._make(key, d)
        self[key] = value
        return value

    def _method(self, kind: object) -> str:
        """A tender's or refund's method in words (an unknown one as recorded)."""
        return self.tr(METHODS.get(str(kind), str(kind)))

    def _make(self, key: str, d: Detail) -> str:  # noqa: C901 - one branch per field kind
        if key in ("amount", "total", "float", "counted", "expected", "variance", "gross"):
            source = {"float": "float_minor", "gross": "gross_minor"}.get(key, f"{key}_minor")
            return _money(d, source)
        if key == "seats_part":
            seats = d.get("seats")
            return (", " + self.tr("seats %1").replace("%1", _list(seats))) \
                if isinstance(seats, (list, tuple)) and seats else ""
        if key == "seats_list":
            return _list(d.get("seats") or ())
        if key == "seat_count":
            return str(len(d.get("seats") or ()))
        if key == "method_part":
            method = d.get("method")
            return f" ({self._method(method)})" if method else ""
        if key == "tenders_part":
            tenders = [t for t in d.get("tenders") or () if isinstance(t, (list, tuple))]
            if not tenders:
                return ""
            if len(tenders) == 1:  # the whole amount: its kind says enough
                return f" ({self._method(tenders[0][0])})"
            return " (" + " + ".join(
                f"{self._method(k)} {_money({**d, 'a': a}, 'a')}"
                for k, a in tenders) + ")"
        if key == "reason_part":
            words = self.reason_text(str(d.get("reason") or ""))
            return f": {words}" if words else ""
        if key == "reason":
            return self.reason_text(str(d.get("reason") or "")) or "—"
        if key == "comment_part":
            return f": {d['comment']}" if d.get("comment") else ""
        if key == "payout_part":
            return (" " + self.tr("(to pay out: no drawer was open)")) if d.get("to_pay_out") \
                else ""
        if key == "shift_part":
            return (" " + self.tr("(shift %1)").replace("%1", str(d["shift_id"]))) \
                if d.get("shift_id") else ""
        if key == "owed_part":
            return self.tr("%1 point(s) owed").replace("%1", str(d.get("owed", 0)))
        if key == "why":
            why = str(d.get("reason") or "")
            return self.tr(WHY[why]) if why in WHY else (why.replace("_", " ") or "—")
        if key == "lost":
            return _list(d.get("lost_seats") or ())
        if key in ("old_seats", "new_seats"):
            return _list(d.get(key) or ())
        if key == "reference":
            return str(d.get("reference") or self["target"])
        if key == "exchanged_from":
            return str(d.get("exchanged_from") or "?")
        if key == "kind" and "outbox_id" in d:
            kinds = {"confirm": self.tr("the sale"), "refund": self.tr("the refund"),
                     "notify": self.tr("the customer message")}
            return kinds.get(str(d.get("kind")), str(d.get("kind")))
        if key in d and d[key] not in (None, ""):
            return _list(d[key])
        raise KeyError(key)


@dataclass(frozen=True)
class Sentence:
    template: str  # English, with {fields}: translate it, then ``template.format_map(fields)``
    fields: Fields

    def text(self, template: str | None = None) -> str:
        """The sentence filled in (``template``: the translated one, if any)."""
        try:
            said = (template or self.template).format_map(self.fields)
        except (KeyError, ValueError, IndexError):  # a translation naming a field it lacks
            said = self.template.format_map(self.fields)
        return " ".join(said.split()).replace(" .", ".")


def action_name(action: str) -> str:
    """The action in words; an unknown one with its underscores and dots as spaces."""
    if action in NAMES:
        return NAMES[action]
    words = action.replace(".", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _pairs(detail: Detail) -> str:
    """The detail as "key: value" pairs, amounts as money, empty values left out."""
    parts = []
    for key in sorted(detail):
        value = detail[key]
        if value in (None, "", [], {}) or key == "currency":
            continue
        if key.endswith("_minor"):
            try:
                money = _money(detail, key)
            except KeyError:
                money = str(value)
            parts.append(f"{key.removesuffix('_minor').replace('_', ' ')}: {money}")
        elif isinstance(value, (list, tuple)):
            parts.append(f"{key.replace('_', ' ')}: {', '.join(map(str, value))}")
        elif isinstance(value, dict):
            parts.append(f"{key.replace('_', ' ')}: "
                         + ", ".join(f"{k} {v}" for k, v in sorted(value.items())))
        else:
            parts.append(f"{key.replace('_', ' ')}: {value}")
    return "; ".join(parts)


def sentence(action: str, target: str, detail: Detail | None, ok: bool = True, who: str = "",
             translate: Callable[[str], str] | None = None,
             reasons: Callable[[str], str] | None = None) -> Sentence:
    """The row's sentence: its template (translate it) and the fields to fill it with.

    ``translate`` (text -> text) translates the small words fields are made of ("seats"),
    ``reasons`` a stored refund reason; the screen passes its own, tests and exports leave them
    out (English)."""
    detail = detail if isinstance(detail, Mapping) else {}
    tr = translate or (lambda text: text)
    nobody = SELF_SERVICE if action in CUSTOMER_ACTIONS else SYSTEM
    fields = Fields(who or tr(nobody), str(target or ""), detail, tr, reasons)
    fields["action"] = tr(action_name(action)).lower() if action in NAMES else \
        action_name(action).lower()
    template = TEMPLATES.get(action)
    if template is not None and (ok or action in SAYS_REFUSED):
        try:
            template.format_map(fields)  # every field the template needs is there
            return Sentence(template, fields)
        except (KeyError, ValueError, IndexError):
            pass
    if not ok:
        return Sentence(REFUSED if fields["target"] else REFUSED_NO_TARGET, fields)
    pairs = _pairs(detail)
    fields["pairs_part"] = f" ({pairs})" if pairs else ""
    return Sentence(FALLBACK, fields)


def describe(action: str, target: str, detail: Detail | None, ok: bool = True,
             who: str = "") -> str:
    """One audit row as an English sentence (refused actions say so)."""
    return sentence(action, target, detail, ok, who).text()
