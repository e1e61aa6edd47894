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


# One sentence per recorded action. {who}: "Name (number)" or "The system"; {target}: the row's.
TEMPLATES: dict[str, str] = {
    # staff and shifts
    "sign_in": QT_TRANSLATE_NOOP("AuditWords", "{who} signed in{shift_part}."),
    "sign_out": QT_TRANSLATE_NOOP("AuditWords", "{who} signed out."),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditWords", "Sign-in as staff {target} refused: {why}."),
    "shift_open": QT_TRANSLATE_NOOP("AuditWords", "{who} opened shift {target} with a float of {float}."),
    "shift_close": QT_TRANSLATE_NOOP("AuditWords", "{who} closed shift {target}: counted {counted}, expected {expected}, "
                      "variance {variance}."),
    "cashup.approve": QT_TRANSLATE_NOOP("AuditWords", "{who} approved the cash-up of shift {target}{comment_part}."),
    "cashup.comment": QT_TRANSLATE_NOOP("AuditWords", "{who} commented on the cash-up of shift {target}{comment_part}."),
    "cashup.slip": QT_TRANSLATE_NOOP("AuditWords", "{who} printed the cash-up slip of shift {target} ({device})."),
    "cashup.reprint": QT_TRANSLATE_NOOP("AuditWords", "{who} printed the cash-up slip of shift {target} again ({device})."),
    # sales and refunds
    "confirm": QT_TRANSLATE_NOOP("AuditWords", "{who} sold booking {target} for {total}{tenders_part}{seats_part}."),
    "exchange": QT_TRANSLATE_NOOP("AuditWords", "{who} exchanged booking {exchanged_from} for {target}, {total}"
                   "{tenders_part}{seats_part}."),
    "refund": QT_TRANSLATE_NOOP("AuditWords", "{who} refunded {amount} on booking {target}{method_part}{seats_part}"
                 "{reason_part}."),
    "void": QT_TRANSLATE_NOOP("AuditWords", "{who} cancelled booking {target}, {amount} back{method_part}{reason_part}."),
    "refund_requested": QT_TRANSLATE_NOOP("AuditWords", "{who} asked a manager to approve a refund of {amount} on booking "
                           "{target}{seats_part}{reason_part}."),
    "refund_approved": QT_TRANSLATE_NOOP("AuditWords", "{who} approved refund {refund_id} of {amount} on booking {target}"
                          "{payout_part}."),
    "refund_rejected": QT_TRANSLATE_NOOP("AuditWords", "{who} rejected refund {refund_id} on booking {target}{comment_part}."),
    "refund_paid_out": QT_TRANSLATE_NOOP("AuditWords", "{who} paid out refund {refund_id} of {amount} on booking {target} "
                          "from their drawer."),
    "item_sale": QT_TRANSLATE_NOOP("AuditWords", "{who} sold food and drink {target} for {total}{tenders_part}."),
    "item_refund": QT_TRANSLATE_NOOP("AuditWords", "{who} refunded {amount} of food and drink {target}{tenders_part}"
                      "{reason_part}."),
    "item_collect": QT_TRANSLATE_NOOP("AuditWords", "{who} handed over food and drink {target}."),
    "points_shortfall": QT_TRANSLATE_NOOP("AuditWords", "Member {target} had fewer points than a refund took back "
                           "({owed_part})."),
    # gift cards, vouchers, members, offers, stock
    "giftcard_issue": QT_TRANSLATE_NOOP("AuditWords", "{who} sold gift card {card} loaded with {amount}{tenders_part}."),
    "giftcard_top_up": QT_TRANSLATE_NOOP("AuditWords", "{who} topped up gift card {card} with {amount}{tenders_part}."),
    "giftcard_block": QT_TRANSLATE_NOOP("AuditWords", "{who} blocked gift card {target}."),
    "giftcard_unblock": QT_TRANSLATE_NOOP("AuditWords", "{who} unblocked gift card {target}."),
    "voucher_issue": QT_TRANSLATE_NOOP("AuditWords", "{who} issued {count} voucher(s) ({label}) for {target}."),
    "voucher_void": QT_TRANSLATE_NOOP("AuditWords", "{who} cancelled voucher {target}."),
    "member_join": QT_TRANSLATE_NOOP("AuditWords", "{who} enrolled member {target}."),
    "member_update": QT_TRANSLATE_NOOP("AuditWords", "{who} changed member {target}."),
    "offer.add": QT_TRANSLATE_NOOP("AuditWords", "{who} added offer {name} ({target})."),
    "offer.change": QT_TRANSLATE_NOOP("AuditWords", "{who} changed offer {name} ({target})."),
    "offer.withdraw": QT_TRANSLATE_NOOP("AuditWords", "{who} withdrew offer {target}."),
    "menu.set_stock": QT_TRANSLATE_NOOP("AuditWords", "{who} counted {on_hand} of {target} in stock."),
    # tickets, collection and the door
    "confirmation.resend": QT_TRANSLATE_NOOP("AuditWords", "{who} sent the confirmation of booking {target} again to {to}."),
    "tickets.reprint": QT_TRANSLATE_NOOP("AuditWords", "{who} reprinted {tickets} ticket(s) of booking {reference}."),
    "tickets.reprint_collected": QT_TRANSLATE_NOOP("AuditWords", "{who} reprinted the collected tickets of booking "
                                    "{reference}."),
    "tickets.double_collection": QT_TRANSLATE_NOOP("AuditWords", "Tickets of booking {reference} were collected here after "
                                    "{first_kiosk} had collected them."),
    "tickets.collection_released": QT_TRANSLATE_NOOP("AuditWords", "The collection of booking {reference} was given back: "
                                      "{reason}."),
    "door.double_admission": QT_TRANSLATE_NOOP("AuditWords", "Booking {reference} was admitted at {first_door} and again at "
                                "{second_door}."),
    # the day, the schedule, the catalogue, settings
    "day_close": QT_TRANSLATE_NOOP("AuditWords", "{who} closed business day {target}: gross {gross}, {tickets} ticket(s)."),
    "day_adjust": QT_TRANSLATE_NOOP("AuditWords", "{who} corrected closed day {target} by {amount}: {reason}."),
    "film.add": QT_TRANSLATE_NOOP("AuditWords", "{who} added film {title}."),
    "film.update": QT_TRANSLATE_NOOP("AuditWords", "{who} changed film {title}."),
    "price_list.add": QT_TRANSLATE_NOOP("AuditWords", "{who} added price list {target}."),
    "price_list.update": QT_TRANSLATE_NOOP("AuditWords", "{who} changed price list {target}."),
    "hall.add": QT_TRANSLATE_NOOP("AuditWords", "{who} added hall {target}."),
    "hall.update": QT_TRANSLATE_NOOP("AuditWords", "{who} changed hall {target}."),
    "show.add": QT_TRANSLATE_NOOP("AuditWords", "{who} scheduled show {target}."),
    "show.update": QT_TRANSLATE_NOOP("AuditWords", "{who} changed show {target}."),
    "show.cancel": QT_TRANSLATE_NOOP("AuditWords", "{who} cancelled show {target}."),
    "import": QT_TRANSLATE_NOOP("AuditWords", "{who} imported {rows} row(s) of {kind} from {target}."),
    "config_change": QT_TRANSLATE_NOOP("AuditWords", "{who} changed the settings in {target}{reason_part}."),
    "cinema.limits": QT_TRANSLATE_NOOP("AuditWords", "{who} changed the money limits of cinema {target}."),
    "cinema.first_run": QT_TRANSLATE_NOOP("AuditWords", "{who} set up cinema {target} ({name}, {city})."),
    "catalogue.publish": QT_TRANSLATE_NOOP("AuditWords", "{who} published version {version} of cinema {target}'s catalogue "
                            "({items} item(s))."),
    "catalogue.conflict": QT_TRANSLATE_NOOP("AuditWords", "A catalogue edit for cinema {target} was refused: someone else "
                             "changed it first."),
    # staff administration
    "staff.first_manager": QT_TRANSLATE_NOOP("AuditWords", "{who} became the first manager ({target})."),
    "staff.add": QT_TRANSLATE_NOOP("AuditWords", "{who} added staff {target} ({name}, {role})."),
    "staff.reset_pin": QT_TRANSLATE_NOOP("AuditWords", "{who} reset the PIN of staff {target}."),
    "staff.unlock": QT_TRANSLATE_NOOP("AuditWords", "{who} unlocked staff {target}."),
    "staff.deactivate": QT_TRANSLATE_NOOP("AuditWords", "{who} deactivated staff {target}."),
    "staff.reactivate": QT_TRANSLATE_NOOP("AuditWords", "{who} reactivated staff {target}."),
    "staff.set_role": QT_TRANSLATE_NOOP("AuditWords", "{who} changed staff {target} from {from} to {to}."),
    # the cloud and the outbox
    "sync_conflict": QT_TRANSLATE_NOOP("AuditWords", "The seats {lost} of booking {target} were sold elsewhere first."),
    "sync_refused": QT_TRANSLATE_NOOP("AuditWords", "The cloud refused booking {target} (seats {seats_list}): {reason}."),
    "conflict_reseat": QT_TRANSLATE_NOOP("AuditWords", "{who} moved booking {target} from {old_seats} to {new_seats}."),
    "conflict_refund": QT_TRANSLATE_NOOP("AuditWords", "{who} refunded booking {target} in full ({amount}): its seats were "
                          "sold elsewhere."),
    "cloud_allocate": QT_TRANSLATE_NOOP("AuditWords", "{who} set aside {seat_count} seat(s) of show {target} for offline "
                         "sales."),
    "cloud_release": QT_TRANSLATE_NOOP("AuditWords", "{who} gave back {seat_count} unsold offline seat(s) of show {target}."),
    "cloud_revoke": QT_TRANSLATE_NOOP("AuditWords", "{who} gave back all {seat_count} offline seat(s) of show {target}."),
    "cloud_resend": QT_TRANSLATE_NOOP("AuditWords", "Booking {target} was sent to the cloud again (missing there)."),
    "outbox.dead_letter": QT_TRANSLATE_NOOP("AuditWords", "The sync gave up sending {kind} of {target}: {reason}."),
    "outbox.retry": QT_TRANSLATE_NOOP("AuditWords", "{who} sent {kind} of {target} again."),
    "outbox.export": QT_TRANSLATE_NOOP("AuditWords", "{who} exported {rows} unsent row(s) to {target}."),
    "refund_approve_sent": QT_TRANSLATE_NOOP("AuditWords", "{who} sent the approval of refund {local_id} to {kiosk}."),
    "refund_reject_sent": QT_TRANSLATE_NOOP("AuditWords", "{who} sent the rejection of refund {local_id} to {kiosk}."),
    "cashup_approve_sent": QT_TRANSLATE_NOOP("AuditWords", "{who} sent the approval of cash-up {local_id} to {kiosk}."),
    "cashup_reject_sent": QT_TRANSLATE_NOOP("AuditWords", "{who} sent the rejection of cash-up {local_id} to {kiosk}."),
    "remote_refund_decision": QT_TRANSLATE_NOOP("AuditWords", "A manager at {by_kiosk} decided refund {target} ({decision}): "
                                 "{outcome}."),
    "remote_cashup_decision": QT_TRANSLATE_NOOP("AuditWords", "A manager at {by_kiosk} decided cash-up {target} ({decision}): "
                                 "{outcome}."),
    # the database and the ticket keys
    "backup": QT_TRANSLATE_NOOP("AuditWords", "{who} saved a backup to {target}."),
    "restore": QT_TRANSLATE_NOOP("AuditWords", "{who} restored the backup {target}."),
    "init.wipe": QT_TRANSLATE_NOOP("AuditWords", "{who} wiped the database (backup kept in {target})."),
    "init.discard_unsent": QT_TRANSLATE_NOOP("AuditWords", "{who} wiped the database and discarded unsent sales (kept in "
                              "{target})."),
    "ticket_keys.rotate": QT_TRANSLATE_NOOP("AuditWords", "{who} made a new ticket signing key ({target})."),
    "ticket_keys.drop": QT_TRANSLATE_NOOP("AuditWords", "{who} dropped ticket key {dropped}."),
    "ticket_keys.import": QT_TRANSLATE_NOOP("AuditWords", "{who} imported ticket keys (signing with {target})."),
}

# Actions whose rows are refusals by nature: their sentence already says so.
SAYS_REFUSED = {"sign_in_failed", "catalogue.conflict", "sync_refused", "outbox.dead_letter",
                "sync_conflict"}

# An action's name in words (the log's Action column and filter), for recorded actions and
# for the checks that refuse (a permission's name: "cash-ups list").
# Written out entry by entry, like TEMPLATES: lupdate reads each literal QT_TRANSLATE_NOOP("AuditWords", ...) call, so a
# family such as "Film added / changed / saved" cannot be built from parts (word order differs).
NAMES: dict[str, str] = {
    "sign_in": QT_TRANSLATE_NOOP("AuditWords", "Signed in"), "sign_out": QT_TRANSLATE_NOOP("AuditWords", "Signed out"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditWords", "Sign-in refused"), "shift_open": QT_TRANSLATE_NOOP("AuditWords", "Shift opened"),
    "shift_close": QT_TRANSLATE_NOOP("AuditWords", "Shift closed"), "shift_list": QT_TRANSLATE_NOOP("AuditWords", "Shifts list"),
    "cashup.slip": QT_TRANSLATE_NOOP("AuditWords", "Cash-up slip printed"), "cashup.reprint": QT_TRANSLATE_NOOP("AuditWords", "Cash-up slip reprinted"),
    "cashup_slip": QT_TRANSLATE_NOOP("AuditWords", "Cash-up slip"), "shift_report": QT_TRANSLATE_NOOP("AuditWords", "Cash-up looked at"),
    "shift_preview": QT_TRANSLATE_NOOP("AuditWords", "Cash-up preview"), "report.dashboard": QT_TRANSLATE_NOOP("AuditWords", "Dashboard"),
    "confirm": QT_TRANSLATE_NOOP("AuditWords", "Sale"), "exchange": QT_TRANSLATE_NOOP("AuditWords", "Exchange"), "refund": QT_TRANSLATE_NOOP("AuditWords", "Refund"),
    "void": QT_TRANSLATE_NOOP("AuditWords", "Booking cancelled"), "refund_requested": QT_TRANSLATE_NOOP("AuditWords", "Refund requested"),
    "refund_approved": QT_TRANSLATE_NOOP("AuditWords", "Refund approved"), "refund_rejected": QT_TRANSLATE_NOOP("AuditWords", "Refund rejected"),
    "refund_paid_out": QT_TRANSLATE_NOOP("AuditWords", "Refund paid out"), "refund.preview": QT_TRANSLATE_NOOP("AuditWords", "Refund preview"),
    "refund_approve": QT_TRANSLATE_NOOP("AuditWords", "Refund approval"), "refund_reject": QT_TRANSLATE_NOOP("AuditWords", "Refund rejection"),
    "refund_list": QT_TRANSLATE_NOOP("AuditWords", "Refunds waiting"), "refund_pay_out": QT_TRANSLATE_NOOP("AuditWords", "Refund pay-out"),
    "refund_to_pay_out": QT_TRANSLATE_NOOP("AuditWords", "Refunds to pay out"),
    "item_sale": QT_TRANSLATE_NOOP("AuditWords", "Food and drink sale"), "item_refund": QT_TRANSLATE_NOOP("AuditWords", "Food and drink refund"),
    "item_collect": QT_TRANSLATE_NOOP("AuditWords", "Food and drink collected"), "points_shortfall": QT_TRANSLATE_NOOP("AuditWords", "Points short"),
    "giftcard_issue": QT_TRANSLATE_NOOP("AuditWords", "Gift card sold"), "giftcard_top_up": QT_TRANSLATE_NOOP("AuditWords", "Gift card topped up"),
    "giftcard_block": QT_TRANSLATE_NOOP("AuditWords", "Gift card blocked"), "giftcard_unblock": QT_TRANSLATE_NOOP("AuditWords", "Gift card unblocked"),
    "voucher_issue": QT_TRANSLATE_NOOP("AuditWords", "Vouchers issued"), "voucher_void": QT_TRANSLATE_NOOP("AuditWords", "Voucher cancelled"),
    "member_join": QT_TRANSLATE_NOOP("AuditWords", "Member enrolled"), "member_update": QT_TRANSLATE_NOOP("AuditWords", "Member changed"),
    "member_history": QT_TRANSLATE_NOOP("AuditWords", "Member history"),
    "offer.add": QT_TRANSLATE_NOOP("AuditWords", "Offer added"), "offer.change": QT_TRANSLATE_NOOP("AuditWords", "Offer changed"),
    "offer.withdraw": QT_TRANSLATE_NOOP("AuditWords", "Offer withdrawn"), "offer.save": QT_TRANSLATE_NOOP("AuditWords", "Offer saved"),
    "menu.set_stock": QT_TRANSLATE_NOOP("AuditWords", "Stock counted"), "menu.low_stock": QT_TRANSLATE_NOOP("AuditWords", "Low stock list"),
    "confirmation.resend": QT_TRANSLATE_NOOP("AuditWords", "Confirmation resent"), "tickets.reprint": QT_TRANSLATE_NOOP("AuditWords", "Tickets reprinted"),
    "tickets.reprint_collected": QT_TRANSLATE_NOOP("AuditWords", "Collected tickets reprinted"),
    "tickets.double_collection": QT_TRANSLATE_NOOP("AuditWords", "Tickets collected twice"),
    "tickets.collection_released": QT_TRANSLATE_NOOP("AuditWords", "Collection given back"),
    "tickets.collect": QT_TRANSLATE_NOOP("AuditWords", "Tickets collected"), "tickets.find": QT_TRANSLATE_NOOP("AuditWords", "Booking looked up"),
    "tickets.release": QT_TRANSLATE_NOOP("AuditWords", "Collection given back"),
    "door.double_admission": QT_TRANSLATE_NOOP("AuditWords", "Admitted twice"), "door.admit": QT_TRANSLATE_NOOP("AuditWords", "Admission"),
    "door.double_admissions": QT_TRANSLATE_NOOP("AuditWords", "Double admissions list"),
    "day_close": QT_TRANSLATE_NOOP("AuditWords", "Business day closed"), "day_adjust": QT_TRANSLATE_NOOP("AuditWords", "Closed day corrected"),
    "film.add": QT_TRANSLATE_NOOP("AuditWords", "Film added"), "film.update": QT_TRANSLATE_NOOP("AuditWords", "Film changed"),
    "film.save": QT_TRANSLATE_NOOP("AuditWords", "Film saved"), "price_list.add": QT_TRANSLATE_NOOP("AuditWords", "Price list added"),
    "price_list.update": QT_TRANSLATE_NOOP("AuditWords", "Price list changed"), "price_list.save": QT_TRANSLATE_NOOP("AuditWords", "Price list saved"),
    "hall.add": QT_TRANSLATE_NOOP("AuditWords", "Hall added"), "hall.update": QT_TRANSLATE_NOOP("AuditWords", "Hall changed"),
    "hall.save": QT_TRANSLATE_NOOP("AuditWords", "Hall saved"), "show.add": QT_TRANSLATE_NOOP("AuditWords", "Show scheduled"),
    "show.update": QT_TRANSLATE_NOOP("AuditWords", "Show changed"), "show.save": QT_TRANSLATE_NOOP("AuditWords", "Show saved"),
    "show.cancel": QT_TRANSLATE_NOOP("AuditWords", "Show cancelled"), "import": QT_TRANSLATE_NOOP("AuditWords", "Import"),
    "config_change": QT_TRANSLATE_NOOP("AuditWords", "Settings changed"), "cinema.limits": QT_TRANSLATE_NOOP("AuditWords", "Money limits changed"),
    "cinema.first_run": QT_TRANSLATE_NOOP("AuditWords", "Cinema set up"), "catalogue.publish": QT_TRANSLATE_NOOP("AuditWords", "Catalogue published"),
    "catalogue.conflict": QT_TRANSLATE_NOOP("AuditWords", "Catalogue edit refused"),
    "staff.first_manager": QT_TRANSLATE_NOOP("AuditWords", "First manager"), "staff.add": QT_TRANSLATE_NOOP("AuditWords", "Staff added"),
    "staff.reset_pin": QT_TRANSLATE_NOOP("AuditWords", "PIN reset"), "staff.unlock": QT_TRANSLATE_NOOP("AuditWords", "Staff unlocked"),
    "staff.deactivate": QT_TRANSLATE_NOOP("AuditWords", "Staff deactivated"), "staff.reactivate": QT_TRANSLATE_NOOP("AuditWords", "Staff reactivated"),
    "staff.set_role": QT_TRANSLATE_NOOP("AuditWords", "Role changed"), "staff.list": QT_TRANSLATE_NOOP("AuditWords", "Staff list"),
    "cashup.approve": QT_TRANSLATE_NOOP("AuditWords", "Cash-up approval"), "cashup.comment": QT_TRANSLATE_NOOP("AuditWords", "Cash-up comment"),
    "cashup.list": QT_TRANSLATE_NOOP("AuditWords", "Cash-ups list"), "cashup.view": QT_TRANSLATE_NOOP("AuditWords", "Cash-up viewed"),
    "audit_query": QT_TRANSLATE_NOOP("AuditWords", "Audit log read"), "audit_verify": QT_TRANSLATE_NOOP("AuditWords", "Audit chain checked"),
    "sync.view": QT_TRANSLATE_NOOP("AuditWords", "Sync overview"), "sync_conflict": QT_TRANSLATE_NOOP("AuditWords", "Seats sold elsewhere first"),
    "sync_refused": QT_TRANSLATE_NOOP("AuditWords", "Refused by the cloud"), "conflict_reseat": QT_TRANSLATE_NOOP("AuditWords", "Customer re-seated"),
    "conflict_refund": QT_TRANSLATE_NOOP("AuditWords", "Conflict refunded"), "cloud": QT_TRANSLATE_NOOP("AuditWords", "Cloud command"),
    "cloud.join": QT_TRANSLATE_NOOP("AuditWords", "Joined the cloud"), "cloud_allocate": QT_TRANSLATE_NOOP("AuditWords", "Offline seats set aside"),
    "cloud_release": QT_TRANSLATE_NOOP("AuditWords", "Offline seats given back"),
    "cloud_revoke": QT_TRANSLATE_NOOP("AuditWords", "Offline seats taken back"), "cloud_resend": QT_TRANSLATE_NOOP("AuditWords", "Sent again"),
    "outbox.dead_letter": QT_TRANSLATE_NOOP("AuditWords", "Not sent (needs a manager)"), "outbox.retry": QT_TRANSLATE_NOOP("AuditWords", "Sending retried"),
    "outbox.export": QT_TRANSLATE_NOOP("AuditWords", "Unsent rows exported"),
    "refund_approve_sent": QT_TRANSLATE_NOOP("AuditWords", "Refund approval sent"),
    "refund_reject_sent": QT_TRANSLATE_NOOP("AuditWords", "Refund rejection sent"),
    "cashup_approve_sent": QT_TRANSLATE_NOOP("AuditWords", "Cash-up approval sent"),
    "cashup_reject_sent": QT_TRANSLATE_NOOP("AuditWords", "Cash-up rejection sent"),
    "remote_refund_decision": QT_TRANSLATE_NOOP("AuditWords", "Refund decided elsewhere"),
    "remote_cashup_decision": QT_TRANSLATE_NOOP("AuditWords", "Cash-up decided elsewhere"),
    "backup": QT_TRANSLATE_NOOP("AuditWords", "Backup saved"), "restore": QT_TRANSLATE_NOOP("AuditWords", "Backup restored"),
    "init.wipe": QT_TRANSLATE_NOOP("AuditWords", "Database wiped"), "init.discard_unsent": QT_TRANSLATE_NOOP("AuditWords", "Unsent sales discarded"),
    "ticket_keys.rotate": QT_TRANSLATE_NOOP("AuditWords", "Ticket key made"), "ticket_keys.drop": QT_TRANSLATE_NOOP("AuditWords", "Ticket key dropped"),
    "ticket_keys.import": QT_TRANSLATE_NOOP("AuditWords", "Ticket keys imported"), "ticket_keys.list": QT_TRANSLATE_NOOP("AuditWords", "Ticket keys list"),
}

REFUSED = QT_TRANSLATE_NOOP("AuditWords", "{who} was refused: {action} {target} ({why}).")
REFUSED_NO_TARGET = QT_TRANSLATE_NOOP("AuditWords", "{who} was refused: {action} ({why}).")
FALLBACK = QT_TRANSLATE_NOOP("AuditWords", "{who}: {action} {target}{pairs_part}.")
SYSTEM = QT_TRANSLATE_NOOP("AuditWords", "The system")
SELF_SERVICE = QT_TRANSLATE_NOOP("AuditWords", "Self-service")
# rows without staff that a customer's own kiosk wrote (the rest are the system's own)
CUSTOMER_ACTIONS = {"confirm", "exchange", "item_sale", "item_collect", "tickets.reprint",
                    "tickets.reprint_collected", "giftcard_issue", "giftcard_top_up"}

# Why something was refused, from the codes the services record.
WHY = {
    "wrong_pin": QT_TRANSLATE_NOOP("AuditWords", "wrong PIN"), "locked": QT_TRANSLATE_NOOP("AuditWords", "locked out"),
    "unknown_staff": QT_TRANSLATE_NOOP("AuditWords", "unknown staff number"), "inactive": QT_TRANSLATE_NOOP("AuditWords", "inactive account"),
    "staff_inactive": QT_TRANSLATE_NOOP("AuditWords", "account not active"), "staff_only": QT_TRANSLATE_NOOP("AuditWords", "staff only"),
    "role_changed": QT_TRANSLATE_NOOP("AuditWords", "role changed since sign-in"),
    "permission_denied": QT_TRANSLATE_NOOP("AuditWords", "not allowed for this role"),
    "staff_row_not_manager": QT_TRANSLATE_NOOP("AuditWords", "not a manager"), "no_sign_in": QT_TRANSLATE_NOOP("AuditWords", "nobody signed in"),
}
METHODS = {"cash": QT_TRANSLATE_NOOP("AuditWords", "cash"), "card": QT_TRANSLATE_NOOP("AuditWords", "card"), "upi": QT_TRANSLATE_NOOP("AuditWords", "UPI"), "voucher": QT_TRANSLATE_NOOP("AuditWords", "gift card"),
           "giftcard": QT_TRANSLATE_NOOP("AuditWords", "gift card"), "points": QT_TRANSLATE_NOOP("AuditWords", "points"), "split": QT_TRANSLATE_NOOP("AuditWords", "split")}


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
            if not (isinstance(seats, (list, tuple)) and seats):
                return ""
            return ", " + self.tr(QT_TRANSLATE_NOOP("AuditWords", "seats %1")).replace(
                "%1", _list(seats))
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
            if not d.get("to_pay_out"):
                return ""
            return " " + self.tr(QT_TRANSLATE_NOOP("AuditWords",
                                                   "(to pay out: no drawer was open)"))
        if key == "shift_part":
            if not d.get("shift_id"):
                return ""
            return " " + self.tr(QT_TRANSLATE_NOOP("AuditWords", "(shift %1)")).replace(
                "%1", str(d["shift_id"]))
        if key == "owed_part":
            return self.tr(QT_TRANSLATE_NOOP("AuditWords", "%1 point(s) owed")).replace(
                "%1", str(d.get("owed", 0)))
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
            kinds = {"confirm": self.tr(QT_TRANSLATE_NOOP("AuditWords", "the sale")),
                     "refund": self.tr(QT_TRANSLATE_NOOP("AuditWords", "the refund")),
                     "notify": self.tr(QT_TRANSLATE_NOOP("AuditWords", "the customer message"))}
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
