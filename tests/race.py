"""Run callables at the same moment, as two counters pressing Confirm together would."""

from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(*calls: Callable[[], object], refused: type[BaseException]) -> list[object]:
    """Start every call behind one barrier; returns what each returned, or the ``refused``
    exception it raised (any other exception fails the test in its thread's place)."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = []
    errors: list[BaseException] = []

    def run(call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            outcomes.append(call())
        except refused as refusal:
            outcomes.append(refusal)
        except BaseException as error:  # noqa: BLE001 - handed to the test below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return outcomes
