-- Food and drink sales (issue 12): the items of a basket, sold alone (`kiosk sell`, the counter's
-- food-only sale) or with tickets, then ``booking_id`` names the booking paid in the same local
-- transaction with the same payment. Kept apart from ``bookings``: a booking's total is the sum of
-- its seat lines everywhere (the cloud claim, the ledger, refunds, anti-entropy, the reports'
-- ticket figures), while an item sale has its own lines, tenders, refunds and stock.
CREATE TABLE item_sales (
    id             TEXT PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,          -- on the receipt and the stand's slip
    cinema_id      TEXT NOT NULL REFERENCES cinemas(id),
    booking_id     TEXT REFERENCES bookings(id),  -- sold in one basket with these tickets
    channel        TEXT NOT NULL,
    kiosk_id       TEXT NOT NULL,
    staff_id       INTEGER REFERENCES staff(id),
    shift_id       INTEGER REFERENCES shifts(id),
    currency       TEXT NOT NULL,
    total_minor    INTEGER NOT NULL CHECK (total_minor >= 0),  -- free items exist
    tax_minor      INTEGER NOT NULL CHECK (tax_minor >= 0 AND tax_minor <= total_minor),
    refunded_minor INTEGER NOT NULL DEFAULT 0,
    payment_method TEXT NOT NULL,                 -- cash | card | upi | voucher | split
    created_at     TEXT NOT NULL,
    business_date  TEXT NOT NULL,
    collected_at   TEXT,                          -- handed over at the stand
    CHECK (refunded_minor BETWEEN 0 AND total_minor)
);
CREATE INDEX item_sales_by_date ON item_sales (business_date);
CREATE INDEX item_sales_by_shift ON item_sales (shift_id);
CREATE INDEX item_sales_by_booking ON item_sales (booking_id) WHERE booking_id IS NOT NULL;

CREATE TABLE item_sale_lines (
    sale_id          TEXT NOT NULL REFERENCES item_sales(id),
    line_no          INTEGER NOT NULL CHECK (line_no >= 1),
    item_id          TEXT,
    combo_id         TEXT,
    category_id      TEXT NOT NULL,
    label            TEXT NOT NULL,                -- name, size and choices, as on the slip
    qty              INTEGER NOT NULL CHECK (qty >= 1),
    unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    total_minor      INTEGER NOT NULL CHECK (total_minor = unit_price_minor * qty),
    tax_minor        INTEGER NOT NULL CHECK (tax_minor >= 0),
    stock            TEXT NOT NULL DEFAULT '{}',   -- {item id: units} ONE took from counted stock
    refunded_qty     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_id, line_no),
    CHECK (refunded_qty BETWEEN 0 AND qty),
    CHECK ((item_id IS NULL) <> (combo_id IS NULL))
);

CREATE TABLE item_sale_tenders (
    sale_id        TEXT NOT NULL REFERENCES item_sales(id),
    seq            INTEGER NOT NULL CHECK (seq >= 1),
    kind           TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'upi', 'voucher')),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
    reference      TEXT,
    tendered_minor INTEGER,
    change_minor   INTEGER,
    PRIMARY KEY (sale_id, seq),
    CHECK (kind = 'cash' OR (tendered_minor IS NULL AND change_minor IS NULL)),
    CHECK (kind != 'cash' OR tendered_minor IS NULL
           OR (change_minor = tendered_minor - amount_minor AND change_minor >= 0)),
    CHECK (kind != 'card' OR (length(reference) = 4 AND reference NOT GLOB '*[^0-9]*')),
    CHECK (kind NOT IN ('upi', 'voucher') OR length(trim(reference)) > 0)
);
CREATE INDEX item_upi_tenders_by_reference ON item_sale_tenders (reference) WHERE kind = 'upi';

CREATE TABLE item_refunds (
    id            INTEGER PRIMARY KEY,
    sale_id       TEXT NOT NULL REFERENCES item_sales(id),
    lines         TEXT NOT NULL,                  -- [[line_no, qty], ...]
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),  -- a free line given back
    tax_minor     INTEGER NOT NULL CHECK (tax_minor >= 0),
    currency      TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    staff_id      INTEGER REFERENCES staff(id),
    shift_id      INTEGER REFERENCES shifts(id),
    kiosk_id      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    business_date TEXT NOT NULL
);
CREATE INDEX item_refunds_by_sale ON item_refunds (sale_id);
CREATE INDEX item_refunds_by_shift ON item_refunds (shift_id);

CREATE TABLE item_refund_tenders (
    refund_id    INTEGER NOT NULL REFERENCES item_refunds(id),
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    tender_seq   INTEGER NOT NULL,                -- the sale's tender it went back to
    kind         TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'upi', 'voucher')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (refund_id, seq)
);
