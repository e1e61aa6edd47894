-- Core schema. Money: INTEGER minor units + currency. Time: UTC ISO-8601 text
-- ('2026-11-25T14:30:00+00:00'). IDs: text (uuid4 hex for bookings; slugs for reference data).

CREATE TABLE cinemas (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    city        TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    timezone    TEXT NOT NULL,              -- IANA name, e.g. Asia/Kolkata
    currency    TEXT NOT NULL               -- ISO 4217, e.g. INR
);

CREATE TABLE halls (
    id          TEXT PRIMARY KEY,
    cinema_id   TEXT NOT NULL REFERENCES cinemas(id),
    name        TEXT NOT NULL,
    layout      TEXT NOT NULL,              -- JSON, see kiosk.domain.layout
    seat_count  INTEGER NOT NULL CHECK (seat_count > 0)
);

CREATE TABLE films (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    language    TEXT NOT NULL,
    genres      TEXT NOT NULL DEFAULT '[]', -- JSON list of strings
    certificate TEXT NOT NULL,              -- U, UA, A, PG-13, ...
    runtime_min INTEGER NOT NULL CHECK (runtime_min > 0),
    synopsis    TEXT NOT NULL DEFAULT '',
    poster      TEXT NOT NULL DEFAULT ''    -- file path; empty = generated poster
);

CREATE TABLE price_lists (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL,
    tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp >= 0)   -- 1800 = 18 %, prices include tax
);

CREATE TABLE prices (
    price_list_id TEXT NOT NULL REFERENCES price_lists(id),
    seat_type     TEXT NOT NULL,            -- standard | premium | recliner | wheelchair | companion
    ticket_type   TEXT NOT NULL,            -- adult | child | senior | student
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (price_list_id, seat_type, ticket_type)
);

CREATE TABLE shows (
    id            TEXT PRIMARY KEY,
    film_id       TEXT NOT NULL REFERENCES films(id),
    hall_id       TEXT NOT NULL REFERENCES halls(id),
    starts_at     TEXT NOT NULL,            -- UTC
    price_list_id TEXT NOT NULL REFERENCES price_lists(id),
    status        TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled'))
);
CREATE INDEX shows_by_start ON shows (starts_at);
CREATE INDEX shows_by_hall ON shows (hall_id, starts_at);

CREATE TABLE staff (
    id              INTEGER PRIMARY KEY,
    staff_number    TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
    pin_hash        TEXT NOT NULL,          -- bcrypt
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,                   -- UTC, NULL = not locked
    active          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE shifts (
    id             INTEGER PRIMARY KEY,
    staff_id       INTEGER NOT NULL REFERENCES staff(id),
    kiosk_id       TEXT NOT NULL,
    currency       TEXT NOT NULL,
    opened_at      TEXT NOT NULL,
    float_minor    INTEGER NOT NULL CHECK (float_minor >= 0),
    closed_at      TEXT,
    expected_minor INTEGER,                 -- float + cash sales - cash refunds
    counted_minor  INTEGER,
    variance_minor INTEGER,                 -- counted - expected
    approved_by    INTEGER REFERENCES staff(id),
    comment        TEXT NOT NULL DEFAULT ''
);

-- Seats reserved for a sale in progress. One row per seat; the primary key makes two live holds
-- on one seat impossible; an expired row may be taken over (delete + insert in one transaction).
CREATE TABLE holds (
    show_id    TEXT NOT NULL REFERENCES shows(id),
    seat_code  TEXT NOT NULL,
    hold_id    TEXT NOT NULL,
    kiosk_id   TEXT NOT NULL,
    expires_at TEXT NOT NULL,               -- UTC
    PRIMARY KEY (show_id, seat_code)
);
CREATE INDEX holds_by_hold ON holds (hold_id);

CREATE TABLE bookings (
    id                  TEXT PRIMARY KEY,   -- uuid4 hex, globally unique across kiosks
    reference           TEXT NOT NULL UNIQUE, -- short human reference, e.g. K7QX-4M2P
    idempotency_key     TEXT NOT NULL UNIQUE, -- the hold id: a repeated confirm returns this row
    show_id             TEXT NOT NULL REFERENCES shows(id),
    channel             TEXT NOT NULL CHECK (channel IN ('counter', 'self-service', 'online')),
    kiosk_id            TEXT NOT NULL,
    staff_id            INTEGER REFERENCES staff(id),
    shift_id            INTEGER REFERENCES shifts(id),
    customer_contact    TEXT NOT NULL DEFAULT '',
    currency            TEXT NOT NULL,
    total_minor         INTEGER NOT NULL CHECK (total_minor >= 0),  -- sum of booking_seats.price_minor
    tax_minor           INTEGER NOT NULL CHECK (tax_minor >= 0),
    discount_minor      INTEGER NOT NULL DEFAULT 0,
    refunded_minor      INTEGER NOT NULL DEFAULT 0,
    payment_method      TEXT NOT NULL CHECK (payment_method IN ('cash', 'card')),
    card_last4          TEXT,
    cash_tendered_minor INTEGER,
    change_minor        INTEGER,
    state               TEXT NOT NULL DEFAULT 'confirmed'
                        CHECK (state IN ('confirmed', 'partially_refunded', 'refunded',
                                         'cancelled', 'exchanged', 'conflict')),
    sync_state          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (sync_state IN ('local', 'pending', 'synced', 'conflict')),
    exchanged_from      TEXT REFERENCES bookings(id),
    created_at          TEXT NOT NULL,      -- UTC
    business_date       TEXT NOT NULL,      -- local date of sale at the cinema, YYYY-MM-DD
    updated_at          TEXT NOT NULL,
    -- Money actually taken at this sale. NULL means total_minor (an ordinary sale). An exchange
    -- carries the old booking's value over, so only the difference paid is taken: revenue is
    -- SUM(COALESCE(paid_minor, total_minor)) - SUM(completed refunds), cash in a drawer likewise.
    paid_minor          INTEGER CHECK (paid_minor IS NULL OR paid_minor >= 0)
);
CREATE INDEX bookings_by_date ON bookings (business_date);
CREATE INDEX bookings_by_show ON bookings (show_id);

CREATE TABLE booking_seats (
    booking_id   TEXT NOT NULL REFERENCES bookings(id),
    seat_code    TEXT NOT NULL,
    seat_type    TEXT NOT NULL,
    ticket_type  TEXT NOT NULL CHECK (ticket_type IN ('adult', 'child', 'senior', 'student')),
    price_minor  INTEGER NOT NULL CHECK (price_minor >= 0),  -- tax-inclusive
    tax_minor    INTEGER NOT NULL CHECK (tax_minor >= 0),
    refunded     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (booking_id, seat_code)
);

-- One row per sold seat of an active booking. The primary key is what makes a local double sale
-- impossible; refunds and exchanges delete rows in the same transaction as the money record.
CREATE TABLE seat_sales (
    show_id    TEXT NOT NULL REFERENCES shows(id),
    seat_code  TEXT NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings(id),
    PRIMARY KEY (show_id, seat_code)
);
CREATE INDEX seat_sales_by_booking ON seat_sales (booking_id);

CREATE TABLE refunds (
    id           INTEGER PRIMARY KEY,
    booking_id   TEXT NOT NULL REFERENCES bookings(id),
    seats        TEXT NOT NULL,             -- JSON list of seat codes
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    tax_minor    INTEGER NOT NULL CHECK (tax_minor >= 0),
    currency     TEXT NOT NULL,
    method       TEXT NOT NULL,             -- cash | card (back to the original method)
    reason       TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL CHECK (state IN ('completed', 'pending_approval', 'rejected')),
    requested_by INTEGER REFERENCES staff(id),
    decided_by   INTEGER REFERENCES staff(id),
    shift_id     INTEGER REFERENCES shifts(id),
    kiosk_id     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    business_date TEXT NOT NULL,
    decided_at   TEXT
);
CREATE INDEX refunds_by_date ON refunds (business_date);

-- Seats DynamoDB has set aside for this kiosk to sell offline.
CREATE TABLE allocations (
    show_id      TEXT NOT NULL REFERENCES shows(id),
    seat_code    TEXT NOT NULL,
    kiosk_id     TEXT NOT NULL,
    allocated_at TEXT NOT NULL,
    PRIMARY KEY (show_id, seat_code)
);

-- Seats sold, held or allocated elsewhere, pulled from the cloud.
CREATE TABLE remote_seats (
    show_id    TEXT NOT NULL,
    seat_code  TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('held', 'allocated', 'sold')),
    booking_id TEXT,
    kiosk_id   TEXT,
    expires_at TEXT,
    pulled_at  TEXT NOT NULL,
    PRIMARY KEY (show_id, seat_code)
);

-- Work for the cloud, written in the same transaction as the change it describes.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    booking_id      TEXT,
    kind            TEXT NOT NULL,          -- confirm | refund | notify | exchange | ...
    payload         TEXT NOT NULL,          -- JSON
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    done_at         TEXT
);
CREATE INDEX outbox_pending ON outbox (done_at, next_attempt_at);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    staff_id  INTEGER,
    kiosk_id  TEXT NOT NULL,
    action    TEXT NOT NULL,                -- sign_in, sign_in_failed, confirm, refund, ...
    target    TEXT NOT NULL DEFAULT '',
    ok        INTEGER NOT NULL DEFAULT 1,
    detail    TEXT NOT NULL DEFAULT '{}'    -- JSON
);
CREATE INDEX audit_by_time ON audit (at);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
