-- The cinema's shared day (issue 10 point 3; kiosk.cloud.ledger, kiosk.cloud.daypull).
--
-- 1. ledger_queue: this device's refunds, shifts (with cash-ups) and booking state changes still
--    to reach the cloud ledger. Filled by triggers, so a row commits in the SAME transaction as
--    the change it describes (the outbox discipline, I2) without any service having to remember
--    it. It is a queue of names, not of payloads: the sender reads the row as it stands and
--    writes it whole, so ten changes to one refund are one write, and a row's id is the
--    increasing ``rev`` that keeps a late retry from overwriting a newer state in the cloud.
--    Kept apart from ``outbox`` so seat work (confirms, refunds of seats) never queues behind
--    ledger bookkeeping and the outbox's counts keep meaning "seat work not yet in the cloud".
CREATE TABLE ledger_queue (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL CHECK (entity IN ('refund', 'shift', 'booking')),
    ref        TEXT NOT NULL,           -- local refund id, shift id or booking id
    booking_id TEXT,                    -- sent only once this booking's confirm is in the cloud
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ledger_queue_by_ref ON ledger_queue (entity, ref);

CREATE TRIGGER ledger_refund_added AFTER INSERT ON refunds BEGIN
    INSERT INTO ledger_queue (entity, ref, booking_id) VALUES ('refund', NEW.id, NEW.booking_id);
END;
CREATE TRIGGER ledger_refund_changed AFTER UPDATE ON refunds BEGIN
    INSERT INTO ledger_queue (entity, ref, booking_id) VALUES ('refund', NEW.id, NEW.booking_id);
END;
CREATE TRIGGER ledger_shift_added AFTER INSERT ON shifts BEGIN
    INSERT INTO ledger_queue (entity, ref) VALUES ('shift', NEW.id);
END;
CREATE TRIGGER ledger_shift_changed AFTER UPDATE ON shifts BEGIN
    INSERT INTO ledger_queue (entity, ref) VALUES ('shift', NEW.id);
END;
-- A refund, exchange or conflict changes a booking's state after its sale: the booking item
-- must say so (the confirm itself carries the sale; no trigger on INSERT keeps the sale lean).
CREATE TRIGGER ledger_booking_changed AFTER UPDATE OF state, refunded_minor ON bookings
WHEN OLD.state IS NOT NEW.state OR OLD.refunded_minor IS NOT NEW.refunded_minor BEGIN
    INSERT INTO ledger_queue (entity, ref, booking_id) VALUES ('booking', NEW.id, NEW.id);
END;

-- 2. The manager console's copy of the cinema's days, pulled from the by_day index. Separate
--    tables, not rows in ``bookings``: no seat, outbox, anti-entropy, refund or sync path reads
--    them, so another device's sale can never be mistaken for this device's own (refunded,
--    resent, counted in this drawer). Upserts keyed by the cloud's keys: a pull is idempotent.
CREATE TABLE ledger_bookings (
    id             TEXT PRIMARY KEY,
    reference      TEXT NOT NULL,
    show_id        TEXT NOT NULL,
    cinema_id      TEXT NOT NULL,
    business_date  TEXT NOT NULL,
    channel        TEXT NOT NULL,
    kiosk_id       TEXT NOT NULL,
    staff_number   TEXT,
    currency       TEXT NOT NULL,
    total_minor    INTEGER NOT NULL,
    tax_minor      INTEGER NOT NULL,
    discount_minor INTEGER NOT NULL DEFAULT 0,
    paid_minor     INTEGER,
    refunded_minor INTEGER NOT NULL DEFAULT 0,
    payment_method TEXT NOT NULL,
    state          TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    exchanged_from TEXT,
    pulled_at      TEXT NOT NULL
);
CREATE INDEX ledger_bookings_by_date ON ledger_bookings (business_date);

CREATE TABLE ledger_booking_seats (
    booking_id  TEXT NOT NULL,
    seat_code   TEXT NOT NULL,
    seat_type   TEXT NOT NULL,
    ticket_type TEXT NOT NULL,
    price_minor INTEGER NOT NULL,
    tax_minor   INTEGER NOT NULL,
    PRIMARY KEY (booking_id, seat_code)
);

CREATE TABLE ledger_refunds (
    kiosk_id      TEXT NOT NULL,
    local_id      INTEGER NOT NULL,
    booking_id    TEXT NOT NULL,
    seats         TEXT NOT NULL,        -- JSON list
    amount_minor  INTEGER NOT NULL,
    tax_minor     INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    method        TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL,
    requested_by  TEXT,                 -- staff numbers
    decided_by    TEXT,
    created_at    TEXT NOT NULL,
    business_date TEXT NOT NULL,
    decided_at    TEXT,
    rev           INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, local_id)
);
CREATE INDEX ledger_refunds_by_date ON ledger_refunds (business_date);
CREATE INDEX ledger_refunds_by_booking ON ledger_refunds (booking_id);

CREATE TABLE ledger_shifts (
    kiosk_id       TEXT NOT NULL,
    local_id       INTEGER NOT NULL,
    cinema_id      TEXT NOT NULL,
    business_date  TEXT NOT NULL,
    staff_number   TEXT,
    currency       TEXT NOT NULL,
    opened_at      TEXT NOT NULL,
    float_minor    INTEGER NOT NULL,
    closed_at      TEXT,
    expected_minor INTEGER,
    counted_minor  INTEGER,
    variance_minor INTEGER,
    approved_by    TEXT,
    approved_at    TEXT,
    comment        TEXT NOT NULL DEFAULT '',
    rev            INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, local_id)
);

-- Heartbeats of every device of the cinema, and when each day was last pulled.
CREATE TABLE ledger_devices (
    cinema_id    TEXT NOT NULL,
    kiosk_id     TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    pending      INTEGER NOT NULL DEFAULT 0,
    dead_letters INTEGER NOT NULL DEFAULT 0,
    last_sale_at TEXT,
    app_version  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (cinema_id, kiosk_id)
);
CREATE TABLE ledger_days (
    cinema_id     TEXT NOT NULL,
    business_date TEXT NOT NULL,
    pulled_at     TEXT NOT NULL,
    items         INTEGER NOT NULL,
    PRIMARY KEY (cinema_id, business_date)
);

-- 3. What the reports read: this device's own rows (freshest, including sales not yet sent)
--    plus the pulled rows of every other device and the web. A pulled copy of one of our own
--    rows is skipped (same booking id; same origin kiosk and local id for refunds). Remote
--    staff are matched to local staff by staff number (local integer ids differ per database);
--    remote rows have no local shift (NULL) and negative ids for refunds, which this device
--    cannot act on directly.
CREATE VIEW day_bookings AS
SELECT id, reference, show_id, channel, kiosk_id, staff_id, shift_id, currency, total_minor,
       tax_minor, discount_minor, refunded_minor, payment_method, state, exchanged_from,
       created_at, business_date, paid_minor, 'local' AS origin
  FROM bookings
UNION ALL
SELECT lb.id, lb.reference, lb.show_id, lb.channel, lb.kiosk_id,
       (SELECT st.id FROM staff st WHERE st.staff_number = lb.staff_number), NULL, lb.currency,
       lb.total_minor, lb.tax_minor, lb.discount_minor, lb.refunded_minor, lb.payment_method,
       lb.state, lb.exchanged_from, lb.created_at, lb.business_date, lb.paid_minor, 'cloud'
  FROM ledger_bookings lb
 WHERE lb.state <> 'void' AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = lb.id);

CREATE VIEW day_booking_seats AS
SELECT booking_id, seat_code, seat_type, ticket_type, price_minor, tax_minor, refunded
  FROM booking_seats
UNION ALL
SELECT ls.booking_id, ls.seat_code, ls.seat_type, ls.ticket_type, ls.price_minor, ls.tax_minor,
       EXISTS (SELECT 1 FROM ledger_refunds lr, json_each(lr.seats) j
                WHERE lr.booking_id = ls.booking_id AND lr.state = 'completed'
                  AND j.value = ls.seat_code)
  FROM ledger_booking_seats ls
 WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = ls.booking_id);

CREATE VIEW day_refunds AS
SELECT id, booking_id, seats, amount_minor, tax_minor, currency, method, reason, state,
       requested_by, decided_by, shift_id, kiosk_id, created_at, business_date, decided_at,
       'local' AS origin
  FROM refunds
UNION ALL
SELECT -lr.rowid, lr.booking_id, lr.seats, lr.amount_minor, lr.tax_minor, lr.currency, lr.method,
       lr.reason, lr.state,
       (SELECT st.id FROM staff st WHERE st.staff_number = lr.requested_by),
       (SELECT st.id FROM staff st WHERE st.staff_number = lr.decided_by), NULL, lr.kiosk_id,
       lr.created_at, lr.business_date, lr.decided_at, 'cloud'
  FROM ledger_refunds lr
 WHERE NOT EXISTS (SELECT 1 FROM refunds r WHERE r.id = lr.local_id AND r.kiosk_id = lr.kiosk_id);
