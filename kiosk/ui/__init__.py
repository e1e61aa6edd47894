"""PySide6 user interface: screens, widgets, theme. Widgets hold no business rules.

Every mode is a ``kiosk.ui.pages.PageStack`` of ``kiosk.ui.pages.Page``s, each named by a member
of its mode's enum in ``kiosk.ui.page_names``. Where each screen lives, and its main tests
(all under ``tests/ui/``):

Counter (``CounterPage``; mode: ``counter/mode.py``, base ``counter/screen.py``; the sale's
service calls ``counter/sale_flow.py``; top bar ``counter/topbar.py``; keys
``counter/shortcuts.py``, ``test_counter_shortcuts.py``):
    SIGNIN        counter/mode.py, widgets/signin.py   test_counter_session.py
    SHIFT_OPEN    counter/shift.py                     test_counter_session.py
    FINDER        counter/finder.py                    test_counter_finder.py
    SEATS         counter/seats.py                     test_counter_sale.py
    BASKET        counter/basket.py                    test_counter_sale.py, test_counter_food.py
    PAYMENT       counter/payment.py                   test_counter_sale.py, test_counter_upi.py
    TICKET        counter/ticket.py                    test_counter_confirmation.py
    REFUND        counter/refund.py                    test_counter_refund.py
    GIFT_CARDS    counter/giftcards.py                 test_counter_gift_cards.py
    SHIFT_CLOSE   counter/shift.py                     test_counter_session.py
    COLLECT       counter/collect.py                   test_counter_collect.py

Self-service (``SelfServicePage``; widget ``selfservice/widget.py``, base
``selfservice/screen.py``):
    ATTRACT       selfservice/attract.py               test_selfservice.py
    FILMS         selfservice/films.py                 test_selfservice.py
    SHOWS         selfservice/shows.py                 test_selfservice.py
    COUNT         selfservice/count.py                 test_selfservice.py
    SEATS         selfservice/seats.py                 test_selfservice_seatmap.py, test_seatmap.py
    TICKETS       selfservice/ticket_types.py          test_selfservice_offers.py
    SNACKS        selfservice/snacks.py                test_selfservice_snacks.py
    PAY           selfservice/payment.py               test_selfservice.py
    CONTACT       selfservice/contact.py               test_selfservice_contact.py
    REVIEW        selfservice/review.py                test_selfservice.py
    DONE          selfservice/done.py                  test_selfservice_thermal.py
    COLLECT       selfservice/collect.py               test_selfservice_collect.py

Manager (``ManagerPage``; console ``manager/window.py``, base ``manager/common.py``):
    DASHBOARD     manager/dashboard.py                 test_manager_dashboard.py
    REFUNDS       manager/refunds.py                   test_manager_screens.py
    CASHUPS       manager/cashups.py                   test_manager_screens.py
    STOCK         manager/stock.py                     test_manager_stock.py
    OFFERS        manager/offers.py                    test_manager_offers.py
    SCHEDULE      manager/schedule.py                  test_manager_schedule.py
    HALLS         manager/hall_editor.py               test_manager_schedule.py
    SYNC          manager/sync.py                      test_manager_dead_letters.py
    AUDIT         manager/audit.py                     test_manager_screens.py
    STAFF         manager/staff.py                     test_manager_screens.py
    DAY_CLOSE     manager/day_close.py                 test_manager_day_close.py

Door (``DoorPage``; ``door/mode.py``): SIGNIN and SCAN, ``test_door_mode.py``.

Shared by the modes: ``pages.py`` (``test_pages.py``), ``message.py`` and the banner
(``test_message.py``), ``hold_countdown.py`` (``test_hold_countdown.py``), ``idle_lock.py``
(``test_idle_lock.py``), ``bridge.py`` (background calls).

PySide6 is pinned below 6.12: 6.12.0 under Python 3.11 drops a reference to ``None`` on every
void Qt call and to ``True`` on every ``Signal.emit`` until the process aborts
("none_dealloc"); ``tests/ui/test_qt_runtime.py`` fails on such a binding.
"""
