-- A confirm writes one WAL page for every b-tree it touches, and on a small counter PC each extra
-- page costs ~7 % of a one-row commit (kiosk bench, core: "same-size commits"). Two of those
-- pages bought nothing on the sale path:
-- * seat_sales_by_booking: refunds, exchanges and conflict re-seats find a booking's seat sales
--   through its lines and the (show, seat) primary key instead (booking_refunds.free_seat_sales);
-- * the outbox's AUTOINCREMENT, whose sqlite_sequence row every enqueue rewrote. Outbox rows are
--   never deleted (done rows are the sync history), so max(id) + 1 never reuses an id anyway.
DROP INDEX IF EXISTS seat_sales_by_booking;

CREATE TABLE outbox_next (
    id              INTEGER PRIMARY KEY,
    booking_id      TEXT,
    kind            TEXT NOT NULL,          -- confirm | refund | notify | exchange | ...
    payload         TEXT NOT NULL,          -- JSON
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    done_at         TEXT
);
INSERT INTO outbox_next (id, booking_id, kind, payload, created_at, attempts, next_attempt_at,
                         last_error, done_at)
SELECT id, booking_id, kind, payload, created_at, attempts, next_attempt_at, last_error, done_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (done_at, next_attempt_at);
CREATE INDEX outbox_by_booking ON outbox (booking_id, id);
