"""Loaded (through PYTHONPATH) only by .ci/run's run under libfaketime, never otherwise.

Debian 12's libfaketime 0.9.10 cannot run Python 3.11 threads as they are:

* with the monotonic clock faked (its default), every timed wait on a lock or an event
  (``sem_clockwait`` on CLOCK_MONOTONIC, not intercepted) waits for a deadline 400 days ahead:
  ``threading.Event().wait(0.2)`` never returns. So .ci/run sets FAKETIME_DONT_FAKE_MONOTONIC=1.
* with the monotonic clock left alone, ``time.sleep`` fails with EINVAL: Python 3.11 sleeps with
  ``clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)`` and libfaketime still shifts that absolute
  deadline by the fake offset, into the negative (wolfcw/libfaketime#426, fixed after 0.9.10).

So here ``time.sleep`` waits with ``select`` (a relative timeout, untouched by libfaketime).
Only wall-clock time is faked; everything that measures intervals stays on the real clock.
"""

import os
import select
import time

if "faketime" in os.environ.get("LD_PRELOAD", "") and \
        os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":
    _real_sleep = time.sleep

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            select.select([], [], [], left)

    _sleep.__doc__ = _real_sleep.__doc__
    time.sleep = _sleep
