-- Cloud sync bookkeeping (owner: cloud). The outbox, allocations and remote_seats tables are in 0001.

-- Bookings whose confirm lost the race in DynamoDB (only possible after an optimistic offline
-- sale or a hold that expired while offline): the manager's queue. ``lost_seats`` are the seats
-- someone else owns now; resolution is a re-seat to equal seats or a refund.
CREATE TABLE cloud_conflicts (
    booking_id  TEXT PRIMARY KEY REFERENCES bookings(id),
    show_id     TEXT NOT NULL,
    lost_seats  TEXT NOT NULL,              -- JSON list of seat codes
    detected_at TEXT NOT NULL,              -- UTC
    resolved_at TEXT,                       -- UTC, NULL while open
    resolution  TEXT CHECK (resolution IS NULL OR resolution IN ('reseated', 'refunded')),
    resolved_by INTEGER REFERENCES staff(id),
    detail      TEXT NOT NULL DEFAULT '{}'  -- JSON: old and new seats, refund id
);
CREATE INDEX cloud_conflicts_open ON cloud_conflicts (resolved_at, detected_at);

-- Small key/value facts about sync (last successful drain / pull), for status screens.
CREATE TABLE cloud_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The drain asks "does this booking have an earlier undone row?" for every candidate row.
CREATE INDEX outbox_by_booking ON outbox (booking_id, id);
