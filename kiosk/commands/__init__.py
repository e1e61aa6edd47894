"""One module per ``kiosk`` subcommand.

Each module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args, config) -> int``.
Raising a ``KioskError`` prints its message and exits with its code; nothing else to do.
"""

COMMAND_MODULES = [
    "init",
    "shows",
    "book",
    "menu",
    "sell",
    "giftcard",
    "member",
    "offers",
    "voucher",
    "ticket_keys",
    "admit",
    "collect",
    "refund",
    "limits",
    "report",
    "importer",
    "backup",
    "restore",
    "sync",
    "cloud",
    "bench",
    "screenshot",
    "simulate",
    "audit",
    "day",
    "cashup",
    "print_test",
]
