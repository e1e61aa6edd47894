"""The names of every screen, one enum per mode.

A screen is found by name from the navigation calls (``ctl.go(CounterPage.PAYMENT)``), the tests
and the screenshot command. They are ``StrEnum`` members so that a name still compares equal to
its old string (``mode.current_name() == "payment"``) and can be stored (the counter session
remembers the screen it was on across a language rebuild).
"""

from __future__ import annotations

from enum import StrEnum


class CounterPage(StrEnum):
    """The staff counter's screens (``kiosk.ui.counter``)."""

    SIGNIN = "signin"
    SHIFT_OPEN = "shift_open"
    FINDER = "finder"
    SEATS = "seats"
    BASKET = "basket"
    PAYMENT = "payment"
    TICKET = "ticket"
    REFUND = "refund"
    GIFT_CARDS = "giftcards"
    SHIFT_CLOSE = "shift_close"
    COLLECT = "collect"


class SelfServicePage(StrEnum):
    """The customer kiosk's steps (``kiosk.ui.selfservice``)."""

    ATTRACT = "attract"
    FILMS = "films"
    SHOWS = "shows"
    COUNT = "count"
    SEATS = "seats"
    TICKETS = "tickets"
    SNACKS = "snacks"
    PAY = "pay"
    CONTACT = "contact"
    REVIEW = "review"
    DONE = "done"
    COLLECT = "collect"


class ManagerPage(StrEnum):
    """The manager console's pages (``kiosk.ui.manager``), in the order of its side bar."""

    DASHBOARD = "dashboard"
    REFUNDS = "refunds"
    CASHUPS = "cashups"
    STOCK = "stock"
    OFFERS = "offers"
    SCHEDULE = "schedule"
    HALLS = "halls"
    SYNC = "sync"
    AUDIT = "audit"
    STAFF = "staff"
    DAY_CLOSE = "dayclose"


class DoorPage(StrEnum):
    """The usher's door scanner (``kiosk.ui.door``)."""

    SIGNIN = "signin"
    SCAN = "scan"


SALE_PAGES = frozenset({CounterPage.SEATS, CounterPage.BASKET, CounterPage.PAYMENT})
"""Counter screens that work on a held sale: the hold must stay alive while one is shown."""
