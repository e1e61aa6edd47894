"""Tests write a staff member's PIN beside ``--staff`` for readability; the CLI has no ``--pin``
(a command line is visible in the process list), so ``main_with_pin`` moves it to ``$KIOSK_PIN``
for the one call, as a script would."""

from __future__ import annotations

import os
from collections.abc import Sequence

from kiosk.cli import main

PIN_ENV = "KIOSK_PIN"


def split_pin(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """``argv`` without ``--pin X``, and X (None when absent)."""
    args, pin, items = [], None, list(argv)
    i = 0
    while i < len(items):
        if items[i] == "--pin" and i + 1 < len(items):
            pin = items[i + 1]
            i += 2
            continue
        args.append(items[i])
        i += 1
    return args, pin


def main_with_pin(argv: Sequence[str]) -> int:
    """Run the CLI with any ``--pin X`` of ``argv`` given as ``$KIOSK_PIN`` instead."""
    args, pin = split_pin(argv)
    if pin is None:
        return main(args)
    saved = os.environ.get(PIN_ENV)
    os.environ[PIN_ENV] = pin
    try:
        return main(args)
    finally:
        if saved is None:
            os.environ.pop(PIN_ENV, None)
        else:
            os.environ[PIN_ENV] = saved
