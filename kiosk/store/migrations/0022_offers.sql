-- Offers on tickets (issue 12 point 4): automatic offers and promo codes (kiosk.domain.offers).
--
-- A booking's seat lines keep what is PAID for each seat (price_minor, after any discount), so
-- a refund of one seat gives back what was paid for it and a booking's total stays the sum of
-- its lines everywhere (the cloud claim, the ledger, refunds, reports); discount_minor is what
-- offers took off that seat (list price = price_minor + discount_minor). booking_discounts has
-- one row per offer that took something off a booking: the receipt's discount lines.
--
-- promo_uses: one row per sale that used a code with a use limit. Without cloud sync the limit is
-- counted here, in the sale's transaction (a conditional INSERT: the sale that would go beyond it
-- is refused and rolled back). With it, the count lives in DynamoDB (kiosk.cloud.promos: a
-- conditional update per use, keyed by the booking, so a retry counts once) and this table keeps
-- this device's uses.
CREATE TABLE offers (
    id           TEXT PRIMARY KEY,
    cinema_id    TEXT NOT NULL REFERENCES cinemas(id),
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('percent', 'amount', 'price')),
    value        INTEGER NOT NULL CHECK (value > 0),
    code         TEXT NOT NULL DEFAULT '',          -- '' = automatic
    valid_from   TEXT NOT NULL DEFAULT '',
    valid_to     TEXT NOT NULL DEFAULT '',
    film_ids     TEXT NOT NULL DEFAULT '[]',
    weekdays     TEXT NOT NULL DEFAULT '[]',
    from_time    TEXT NOT NULL DEFAULT '',
    to_time      TEXT NOT NULL DEFAULT '',
    ticket_types TEXT NOT NULL DEFAULT '[]',
    max_uses     INTEGER CHECK (max_uses IS NULL OR max_uses > 0),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX offers_code ON offers (cinema_id, code) WHERE code != '';

ALTER TABLE booking_seats ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0
    CHECK (discount_minor >= 0);

CREATE TABLE booking_discounts (
    booking_id   TEXT NOT NULL REFERENCES bookings(id),
    offer_id     TEXT NOT NULL,
    code         TEXT NOT NULL DEFAULT '',
    label        TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (booking_id, offer_id)
);

CREATE TABLE promo_uses (
    booking_id TEXT PRIMARY KEY REFERENCES bookings(id),
    cinema_id  TEXT NOT NULL,
    code       TEXT NOT NULL,
    used_at    TEXT NOT NULL
);
CREATE INDEX promo_uses_code ON promo_uses (cinema_id, code);
