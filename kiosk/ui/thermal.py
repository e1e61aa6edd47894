"""Printing on the thermal printer from a screen, without freezing it (issue 13 point 4).

The job is checked, built and claimed under the services' lock (quick), sent on a thread of its
own without that lock (a printer may take seconds to answer, and the screens' own service
calls must not wait for it), then recorded under the lock. ``on_done(Printed)`` or
``on_error(exception)`` run on the GUI thread; a failed send records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def print_thermal(bridge, printing, actor, booking, *, kind: str, receipt=None,
                  on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                  after_failure: Callable[[], None] | None = None) -> bool:
    """Start a print; False when it could not even start (``on_error`` was called).
    ``after_failure`` runs (on the GUI thread) before ``on_error`` when the send fails, e.g.
    to give a collection back."""
    try:
        job = bridge.call(printing.prepare, actor, booking, kind=kind, receipt=receipt)
    except Exception as err:  # noqa: BLE001 - said on the screen by on_error
        on_error(err)
        return False

    def sent(_result: object) -> None:
        try:
            printed = bridge.call(printing.finish, job)
        except Exception as err:  # noqa: BLE001
            on_error(err)
            return
        on_done(printed)

    def failed(error: BaseException) -> None:
        bridge.call(printing.abort, job)
        if after_failure is not None:
            after_failure()
        on_error(error)

    bridge.submit(printing.send, job, exclusive=False, name="print", on_done=sent,
                  on_error=failed)
    return True
