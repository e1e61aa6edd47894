"""Translated display names for words that come from the data (languages, genres, tenders).

One mapping for every screen: a data word is shown through here, never as stored.

The database keeps English keys ("Hindi", "Action"); the screens show them in the chosen
language. ``QT_TRANSLATE_NOOP`` marks the known words so ``lupdate`` collects them; unknown words
are shown as stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Catalogue"

KNOWN_WORDS = (
    QT_TRANSLATE_NOOP("Catalogue", "English"), QT_TRANSLATE_NOOP("Catalogue", "Hindi"),
    QT_TRANSLATE_NOOP("Catalogue", "Telugu"), QT_TRANSLATE_NOOP("Catalogue", "Tamil"),
    QT_TRANSLATE_NOOP("Catalogue", "Malayalam"), QT_TRANSLATE_NOOP("Catalogue", "Kannada"),
    QT_TRANSLATE_NOOP("Catalogue", "Marathi"), QT_TRANSLATE_NOOP("Catalogue", "Bengali"),
    QT_TRANSLATE_NOOP("Catalogue", "Arabic"),
    QT_TRANSLATE_NOOP("Catalogue", "Action"), QT_TRANSLATE_NOOP("Catalogue", "Adventure"),
    QT_TRANSLATE_NOOP("Catalogue", "Animation"), QT_TRANSLATE_NOOP("Catalogue", "Biography"),
    QT_TRANSLATE_NOOP("Catalogue", "Comedy"), QT_TRANSLATE_NOOP("Catalogue", "Crime"),
    QT_TRANSLATE_NOOP("Catalogue", "Documentary"), QT_TRANSLATE_NOOP("Catalogue", "Drama"),
    QT_TRANSLATE_NOOP("Catalogue", "Family"), QT_TRANSLATE_NOOP("Catalogue", "Fantasy"),
    QT_TRANSLATE_NOOP("Catalogue", "History"), QT_TRANSLATE_NOOP("Catalogue", "Horror"),
    QT_TRANSLATE_NOOP("Catalogue", "Musical"), QT_TRANSLATE_NOOP("Catalogue", "Music"),
    QT_TRANSLATE_NOOP("Catalogue", "Mystery"), QT_TRANSLATE_NOOP("Catalogue", "Romance"),
    QT_TRANSLATE_NOOP("Catalogue", "Sci-Fi"), QT_TRANSLATE_NOOP("Catalogue", "Sport"),
    QT_TRANSLATE_NOOP("Catalogue", "Thriller"), QT_TRANSLATE_NOOP("Catalogue", "War"),
    QT_TRANSLATE_NOOP("Catalogue", "Kids"),
    QT_TRANSLATE_NOOP("Catalogue", "Standard"), QT_TRANSLATE_NOOP("Catalogue", "Premium"),
    QT_TRANSLATE_NOOP("Catalogue", "Recliner"), QT_TRANSLATE_NOOP("Catalogue", "Wheelchair"),
    QT_TRANSLATE_NOOP("Catalogue", "Companion"),
    QT_TRANSLATE_NOOP("Catalogue", "Mumbai"), QT_TRANSLATE_NOOP("Catalogue", "Hyderabad"),
    QT_TRANSLATE_NOOP("Catalogue", "Dubai"), QT_TRANSLATE_NOOP("Catalogue", "Delhi"),
    QT_TRANSLATE_NOOP("Catalogue", "Bengaluru"), QT_TRANSLATE_NOOP("Catalogue", "Chennai"),
    QT_TRANSLATE_NOOP("Catalogue", "Kolkata"), QT_TRANSLATE_NOOP("Catalogue", "Pune"),
    QT_TRANSLATE_NOOP("Catalogue", "Visakhapatnam"), QT_TRANSLATE_NOOP("Catalogue", "Vijayawada"),
    QT_TRANSLATE_NOOP("Catalogue", "Adult"), QT_TRANSLATE_NOOP("Catalogue", "Child"),
    QT_TRANSLATE_NOOP("Catalogue", "Senior"), QT_TRANSLATE_NOOP("Catalogue", "Student"),
)


def catalogue_word(word: str) -> str:
    return QCoreApplication.translate(_CONTEXT, word) if word else word


language_name = catalogue_word
genre_name = catalogue_word
city_name = catalogue_word


def seat_type_name(seat_type: str) -> str:
    """``standard`` -> "Standard" in English, its translation otherwise."""
    return catalogue_word(seat_type.capitalize())


def ticket_type_name(ticket_type: str) -> str:
    return catalogue_word(ticket_type.capitalize())


# How a sale was paid. The words were first translated for the refund screen, so they keep
# its context ("Refund") and its translations; every screen names a tender through here.
_TENDERS = {
    "cash": QT_TRANSLATE_NOOP("Refund", "cash"),
    "card": QT_TRANSLATE_NOOP("Refund", "card"),
    "upi": QT_TRANSLATE_NOOP("Refund", "UPI"),
    "voucher": QT_TRANSLATE_NOOP("Refund", "gift card"),
    "points": QT_TRANSLATE_NOOP("Refund", "points"),
    "split": QT_TRANSLATE_NOOP("Refund", "the original payments (card first, cash last)"),
}


def tender_name(kind: str) -> str:
    """``upi`` -> "UPI", ``voucher`` -> "gift card", in the screen's language."""
    word = _TENDERS.get(kind)
    return QCoreApplication.translate("Refund", word) if word else kind


# Codes the sync engine and the config report (``status()['state']``, ``cloud.offline_policy``),
# shown on the manager's sync screen in the screen's language.
_SYNC_STATES = {
    "connecting": QT_TRANSLATE_NOOP("Status", "Connecting…"),
    "online": QT_TRANSLATE_NOOP("Status", "Online"),
    "offline": QT_TRANSLATE_NOOP("Status", "OFFLINE"),
    "": QT_TRANSLATE_NOOP("Status", "Sync status unknown"),
}
_OFFLINE_POLICIES = {
    "allocated-only": QT_TRANSLATE_NOOP("Status", "allocated seats only"),
    "optimistic": QT_TRANSLATE_NOOP("Status", "optimistic (any seat, conflicts possible)"),
}


def sync_state_name(code: str) -> str:
    """``online`` -> "Online"; an unknown state -> "Sync status unknown"."""
    return QCoreApplication.translate("Status", _SYNC_STATES.get(code, _SYNC_STATES[""]))


def offline_policy_name(code: str) -> str:
    """``allocated-only`` -> "allocated seats only"; an unknown policy is shown as stored."""
    word = _OFFLINE_POLICIES.get(code)
    return QCoreApplication.translate("Status", word) if word else code




def sent_decision_text(sent, zone: str) -> str:
    """What this console sent about another device's request and its answer (a
    ``kiosk.services.remote_decisions.SentDecision``), in the screen's language; "" for None."""
    if sent is None:
        return ""
    from kiosk.ui import dates

    translate = QCoreApplication.translate
    approve = sent.decision == "approve"
    if sent.outcome == "refused":
        text = (translate("Status", "%1 refused %2's approval: %3") if approve
                else translate("Status", "%1 refused %2's rejection: %3"))
        return text.replace("%1", sent.kiosk_id).replace("%2", sent.by).replace("%3", sent.note)
    if sent.outcome == "applied":
        text = (translate("Status", "Approval by %1 applied") if approve
                else translate("Status", "Rejection by %1 applied"))
        return text.replace("%1", sent.by)
    at = dates.time_text(sent.at, zone=zone) if sent.at is not None else ""
    text = (translate("Status", "Approval sent %1 by %2, not applied yet") if approve
            else translate("Status", "Rejection sent %1 by %2, not applied yet"))
    return text.replace("%1", at).replace("%2", sent.by)


# A film's synopsis is free text from the catalogue (the importer and the cloud catalogue carry
# one per film), written in this language: no translation file can hold it.
CATALOGUE_TEXT_LANGUAGE = "en"


def synopsis_text(film: Mapping[str, Any], language: str) -> str:
    """The film's synopsis when the screen speaks the language it is written in, else "".

    A Hindi or Telugu screen shows the film's translated facts (language, genres, certificate,
    running time) and no English paragraph among them (issue 14); a synopsis per language
    would need one per language in the catalogue."""
    return str(film.get("synopsis") or "") if language == CATALOGUE_TEXT_LANGUAGE else ""


def zone_name(zone: str) -> str:
    """``Asia/Kolkata`` -> "Kolkata" in the screen's language: a cinema's time zone named by
    its city, as a person reads it (``UTC`` stays as it is)."""
    return catalogue_word(zone.rsplit("/", 1)[-1].replace("_", " "))


# A staff member's role, as the staff screen's own buttons and picker name it.
_ROLES = {
    "cashier": QT_TRANSLATE_NOOP("StaffScreen", "Cashier"),
    "manager": QT_TRANSLATE_NOOP("StaffScreen", "Manager"),
}


def role_name(role: str) -> str:
    """``cashier`` -> "Cashier", in the screen's language."""
    word = _ROLES.get(role)
    return QCoreApplication.translate("StaffScreen", word) if word else role


# A show's state (the ``shows.status`` values).
_SHOW_STATES = {
    "scheduled": QT_TRANSLATE_NOOP("ShowsTab", "scheduled"),
    "cancelled": QT_TRANSLATE_NOOP("ShowsTab", "cancelled"),
}


def show_state_name(status: str) -> str:
    """``scheduled`` -> "scheduled", in the screen's language."""
    word = _SHOW_STATES.get(status)
    return QCoreApplication.translate("ShowsTab", word) if word else status
