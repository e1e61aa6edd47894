"""Tells listeners when another connection (another kiosk process, the sync worker) committed.

Uses ``PRAGMA data_version`` on a connection of its own: cheap enough to ask every few hundred
milliseconds, and it sees commits from other processes on the same file. The UI wraps ``poll``
in a timer of its bridge object and turns changes into Qt signals; widgets never poll.
"""

from __future__ import annotations

# STUB (owner: booking-core helper): ChangeFeed(db_path).poll() -> bool, subscribe(callback)
