"""How far this kiosk's clock is from the cloud's, measured from DynamoDB's ``Date`` header.

Seat conditions compare expiry times with a ``:now`` the kiosk sends; a kiosk whose clock runs
minutes fast would see another kiosk's live hold as expired and take it over (issue 9, hole 3).
Every DynamoDB answer carries the server's time in its ``Date`` header (one-second resolution),
so each answer gives a fresh estimate: ``offset = server time - kiosk time at the answer``.
The gate refuses cloud claims while ``|offset|`` exceeds the configured bound, and every
condition uses the kiosk's time corrected by the offset (``to_cloud``).

Hand-written because no library covers it: botocore exposes the header, nothing measures skew.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from kiosk.domain.clock import Clock

HEADER_RESOLUTION_S = 1.0  # the Date header has whole seconds


def server_date(response: Any) -> datetime | None:
    """The ``Date`` header of a boto3 response dict (or a ClientError's response), if any."""
    if not isinstance(response, dict):
        return None
    headers = (response.get("ResponseMetadata") or {}).get("HTTPHeaders") or {}
    text = headers.get("date") or headers.get("Date")
    if not text:
        return None
    try:
        moment = parsedate_to_datetime(str(text))
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


class ClockWatch:
    """The latest measured offset of the cloud's clock from the kiosk's (thread-safe)."""

    def __init__(self, clock: Clock | None = None, bound_s: float = 30.0):
        self.clock = clock or Clock()
        self.bound_s = bound_s
        self._offset_s: float | None = None
        self._lock = threading.Lock()

    def observe(self, response: Any) -> None:
        moment = server_date(response)
        if moment is None:
            return
        offset = (moment - self.clock.now()).total_seconds()
        with self._lock:
            self._offset_s = offset

    @property
    def offset_s(self) -> float | None:
        """Cloud time minus kiosk time in seconds; None until the cloud has answered once."""
        with self._lock:
            return self._offset_s

    def skew_problem(self) -> str:
        """A sentence for the status line when the clocks disagree beyond the bound, else ""."""
        offset = self.offset_s
        if offset is None or self.bound_s <= 0 or abs(offset) <= self.bound_s + HEADER_RESOLUTION_S:
            return ""
        ahead = "behind" if offset > 0 else "ahead of"
        return (f"This kiosk's clock is {_duration(abs(offset))} {ahead} the cloud's: seat "
                "claims are paused (only seats set aside for this kiosk can be sold) until the "
                "time is corrected.")

    def to_cloud(self, moment: datetime) -> datetime:
        """A kiosk time expressed on the cloud's clock (unchanged until measured)."""
        offset = self.offset_s
        return moment if offset is None else moment + timedelta(seconds=offset)


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class ObservedClient:
    """A boto3 client whose every answer (and error answer) is shown to a ``ClockWatch``."""

    def __init__(self, client: Any, watch: ClockWatch):
        self._client = client
        self._watch = watch

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if name.startswith("_") or name in ("exceptions", "meta") or not callable(attr):
            return attr
        return self._wrap(attr)

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        watch = self._watch

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                result = method(*args, **kwargs)
            except Exception as exc:
                watch.observe(getattr(exc, "response", None))
                raise
            watch.observe(result)
            return result

        return call
