-- Food and drink in the cinema's shared day (issue 12 point 7): every device's food and drink
-- sales and their refunds reach the cloud ledger (kiosk.cloud.ledger: ITEMSALE# items, sent
-- through the outbox in the same transaction as the sale or refund), and the manager console
-- pulls them with the day into these tables, apart from this device's own (as 0010's
-- ledger_bookings), so reports, the Z report and the tender totals count every device's food.
CREATE TABLE ledger_item_sales (
    id             TEXT PRIMARY KEY,
    reference      TEXT NOT NULL,
    cinema_id      TEXT NOT NULL,
    business_date  TEXT NOT NULL,
    channel        TEXT NOT NULL,
    kiosk_id       TEXT NOT NULL,
    staff_number   TEXT,
    booking_id     TEXT,
    currency       TEXT NOT NULL,
    total_minor    INTEGER NOT NULL,
    tax_minor      INTEGER NOT NULL,
    refunded_minor INTEGER NOT NULL DEFAULT 0,
    payment_method TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    rev            INTEGER NOT NULL,
    pulled_at      TEXT NOT NULL
);
CREATE INDEX ledger_item_sales_by_date ON ledger_item_sales (business_date, cinema_id);

CREATE TABLE ledger_item_sale_lines (
    sale_id          TEXT NOT NULL,
    line_no          INTEGER NOT NULL,
    item_id          TEXT,
    combo_id         TEXT,
    category_id      TEXT NOT NULL,
    label            TEXT NOT NULL,
    qty              INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    total_minor      INTEGER NOT NULL,
    tax_minor        INTEGER NOT NULL,
    refunded_qty     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_id, line_no)
) WITHOUT ROWID;

CREATE TABLE ledger_item_sale_tenders (
    sale_id      TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (sale_id, seq)
) WITHOUT ROWID;

CREATE TABLE ledger_item_refunds (
    kiosk_id      TEXT NOT NULL,
    local_id      INTEGER NOT NULL,
    sale_id       TEXT NOT NULL,
    cinema_id     TEXT NOT NULL,
    business_date TEXT NOT NULL,
    amount_minor  INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    rev           INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, local_id)
) WITHOUT ROWID;

CREATE TABLE ledger_item_refund_tenders (
    kiosk_id     TEXT NOT NULL,
    local_id     INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, local_id, seq)
) WITHOUT ROWID;

-- The day as a report reads it: this device's sales, and the pulled ones it does not hold.
CREATE VIEW day_item_sales AS
SELECT id, cinema_id, business_date, currency, 'local' AS origin FROM item_sales
UNION ALL
SELECT l.id, l.cinema_id, l.business_date, l.currency, 'cloud' FROM ledger_item_sales l
 WHERE NOT EXISTS (SELECT 1 FROM item_sales i WHERE i.id = l.id);

CREATE VIEW day_item_sale_lines AS
SELECT sale_id, item_id, combo_id, category_id, label, qty, unit_price_minor, total_minor,
       tax_minor, refunded_qty FROM item_sale_lines
UNION ALL
SELECT l.sale_id, l.item_id, l.combo_id, l.category_id, l.label, l.qty, l.unit_price_minor,
       l.total_minor, l.tax_minor, l.refunded_qty FROM ledger_item_sale_lines l
 WHERE NOT EXISTS (SELECT 1 FROM item_sales i WHERE i.id = l.sale_id);
