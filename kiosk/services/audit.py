"""The audit log (invariant I4): who did what, when, on which kiosk, and whether it was allowed.

``record`` writes on the connection it is given, so an audit row commits or rolls back together
with the change it describes. Failed attempts (wrong PIN, refused permission) are recorded in a
transaction of their own, because the action they describe did not happen.
"""

from __future__ import annotations

# STUB (owner: booking-core helper): record(conn, *, at, kiosk_id, action, staff_id=None,
# target="", ok=True, detail=None) and AuditLog(deps).query(actor, staff_id=None, action=None,
# start=None, end=None, limit=1000) -> list[dict]
