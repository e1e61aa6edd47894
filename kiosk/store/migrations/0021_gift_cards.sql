-- Gift cards (issue 12 point 3): a stored balance sold and topped up at the counter and spent as
-- the 'voucher' tender (its reference is the card's code) on tickets and food and drink.
--
-- Before this migration a voucher tender was any text the cashier typed, and it paid: a made-up
-- code was a free ticket. From now on a voucher tender must name a card issued here, in the
-- sale's currency, active and not expired, with the balance to pay it; the balance is taken by a
-- conditional UPDATE (balance_minor >= amount) in the SAME transaction as the sale, so two
-- counters spending the last of one card at once: one wins, the other is told what is left.
--
-- gift_cards.balance_minor is what THIS DEVICE may spend of the card; every change is a row of
-- gift_card_moves (load +, redeem -, refund +, cloud +/-), so it is always the sum of its moves.
-- Without cloud sync that is the whole card. With it (shared = 1) the card lives in DynamoDB
-- (kiosk.cloud.giftcards): a shared balance any device may take from online, and an allowance
-- per device; balance_minor is then this device's allowance, which it spends online and
-- offline alike; 'cloud' moves record money handed to the shared balance (-) or set aside from
-- it for this device (+). Every move of a shared card goes to the cloud through the outbox.
-- Selling or topping up a card takes money like a sale (gift_card_loads, with its tenders: cash,
-- card or UPI, never another card), counted in the drawer's expected cash and the day's tenders.
-- A load is not revenue: reports show it as gift cards sold, apart from tickets and food.
CREATE TABLE gift_cards (
    code          TEXT PRIMARY KEY,                -- GC + 12 digits, the last a Luhn check digit
    cinema_id     TEXT NOT NULL REFERENCES cinemas(id),
    currency      TEXT NOT NULL,
    balance_minor INTEGER NOT NULL CHECK (balance_minor >= 0),
    loaded_minor  INTEGER NOT NULL CHECK (loaded_minor >= 0),  -- everything ever loaded
    state         TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'blocked')),
    issued_at     TEXT NOT NULL,
    expires_at    TEXT NOT NULL,                   -- a year from the last load (UTC ISO)
    kiosk_id      TEXT NOT NULL,                   -- where it was issued
    shared        INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    CHECK (code GLOB 'GC[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
) WITHOUT ROWID;

CREATE TABLE gift_card_loads (
    id            INTEGER PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,            -- on the receipt
    code          TEXT NOT NULL REFERENCES gift_cards(code),
    kind          TEXT NOT NULL CHECK (kind IN ('issue', 'top_up')),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    currency      TEXT NOT NULL,
    payment_method TEXT NOT NULL,                  -- cash | card | upi | split
    staff_id      INTEGER REFERENCES staff(id),
    shift_id      INTEGER REFERENCES shifts(id),
    kiosk_id      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    business_date TEXT NOT NULL
);
CREATE INDEX gift_card_loads_by_date ON gift_card_loads (business_date);
CREATE INDEX gift_card_loads_by_shift ON gift_card_loads (shift_id);

CREATE TABLE gift_card_load_tenders (
    load_id        INTEGER NOT NULL REFERENCES gift_card_loads(id),
    seq            INTEGER NOT NULL CHECK (seq >= 1),
    kind           TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'upi')),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
    reference      TEXT,
    tendered_minor INTEGER,
    change_minor   INTEGER,
    PRIMARY KEY (load_id, seq),
    CHECK (kind = 'cash' OR (tendered_minor IS NULL AND change_minor IS NULL)),
    CHECK (kind != 'cash' OR tendered_minor IS NULL
           OR (change_minor = tendered_minor - amount_minor AND change_minor >= 0)),
    CHECK (kind != 'card' OR (length(reference) = 4 AND reference NOT GLOB '*[^0-9]*')),
    CHECK (kind != 'upi' OR length(trim(reference)) > 0)
) WITHOUT ROWID;
CREATE INDEX gift_card_upi_tenders_by_reference ON gift_card_load_tenders (reference)
    WHERE kind = 'upi';

CREATE TABLE gift_card_moves (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL REFERENCES gift_cards(code),
    reason        TEXT NOT NULL CHECK (reason IN ('load', 'redeem', 'refund', 'cloud')),
    delta_minor   INTEGER NOT NULL CHECK (delta_minor <> 0),
    load_id       INTEGER REFERENCES gift_card_loads(id),
    booking_id    TEXT REFERENCES bookings(id),
    sale_id       TEXT REFERENCES item_sales(id),
    kiosk_id      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK ((reason = 'load') = (load_id IS NOT NULL)),
    CHECK (reason NOT IN ('redeem', 'refund') OR (booking_id IS NULL) <> (sale_id IS NULL)),
    CHECK (reason <> 'redeem' OR delta_minor < 0),
    CHECK (reason NOT IN ('load', 'refund') OR delta_minor > 0)
);
CREATE INDEX gift_card_moves_by_code ON gift_card_moves (code);
