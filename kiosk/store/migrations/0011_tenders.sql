-- Issue 11: a booking records each tender it was paid with, a refund each tender it went back to.
--
-- booking_tenders: one row per tender of a booking, in the order they were taken (seq 1..n).
--   amount_minor is what the tender paid towards the booking (cash: net of change, so a cash
--   tender of 500 on 350 due is amount 350, tendered 500, change 150). Money TAKEN at the sale is
--   the rows with carried_from IS NULL; an exchange copies the old booking's tenders (what was
--   left of each) onto the new booking with carried_from = the old booking: no money moved, but
--   a later refund of the new booking goes back to them (card stays card, cash stays cash).
--   reference: card = last 4 digits, upi = its reference, voucher = its code; cash = NULL.
--   The shift and business date are the booking's (bookings.shift_id / business_date).
-- refund_tenders: what a completed refund gave back, per tender (tender_seq = the booking
--   tender it went back to). State, shift and date are the refund's (refunds.*).
--
-- bookings.payment_method keeps its 0001 CHECK ('cash', 'card'): rebuilding the bookings table
-- (referenced by six others) for a wider CHECK is costly. It now means "cash was involved":
-- 'cash' when any tender is cash, otherwise 'card' (card, UPI or voucher); no money is counted
-- by it any more. The new column bookings.payment_kind names the method a person would: the
-- single tender kind, or 'split' (NULL on rows written raw by tools: read
-- COALESCE(payment_kind, payment_method), as the view booking_payment and the reports do).
ALTER TABLE bookings ADD COLUMN payment_kind TEXT
    CHECK (payment_kind IS NULL OR payment_kind IN ('cash', 'card', 'upi', 'voucher', 'split'));

CREATE TABLE booking_tenders (
    booking_id     TEXT NOT NULL REFERENCES bookings(id),
    seq            INTEGER NOT NULL CHECK (seq >= 1),
    kind           TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'upi', 'voucher')),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
    reference      TEXT,
    tendered_minor INTEGER,
    change_minor   INTEGER,
    carried_from   TEXT REFERENCES bookings(id),
    PRIMARY KEY (booking_id, seq),
    CHECK (kind = 'cash' OR (tendered_minor IS NULL AND change_minor IS NULL)),
    CHECK (kind != 'cash' OR carried_from IS NOT NULL OR tendered_minor IS NULL
           OR (change_minor = tendered_minor - amount_minor AND change_minor >= 0)),
    CHECK (kind != 'card' OR (length(reference) = 4 AND reference NOT GLOB '*[^0-9]*')),
    CHECK (kind NOT IN ('upi', 'voucher') OR length(trim(reference)) > 0)
) WITHOUT ROWID;

CREATE TABLE refund_tenders (
    refund_id    INTEGER NOT NULL REFERENCES refunds(id),
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    booking_id   TEXT NOT NULL REFERENCES bookings(id),
    tender_seq   INTEGER,
    kind         TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'upi', 'voucher')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (refund_id, seq)
) WITHOUT ROWID;
CREATE INDEX refund_tenders_by_booking ON refund_tenders (booking_id, tender_seq);

-- Backfill: every existing booking paid with one method. An ordinary sale took its total; an
-- exchange took its difference (paid_minor) and carried the rest from the booking it replaced.
-- Legacy card rows whose last4 is missing or malformed keep the kind without a reference check
-- failing: '0000' stands in (no card number was ever stored).
INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT id, 1, payment_method, total_minor - paid_minor,
       CASE WHEN payment_method = 'card' THEN
            CASE WHEN length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*'
                 THEN card_last4 ELSE '0000' END END,
       NULL, NULL, exchanged_from
  FROM bookings
 WHERE exchanged_from IS NOT NULL AND paid_minor IS NOT NULL AND total_minor > paid_minor;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id),
       b.payment_method, COALESCE(b.paid_minor, b.total_minor),
       CASE WHEN b.payment_method = 'card' THEN
            CASE WHEN length(b.card_last4) = 4 AND b.card_last4 NOT GLOB '*[^0-9]*'
                 THEN b.card_last4 ELSE '0000' END END,
       CASE WHEN b.payment_method = 'cash' AND b.change_minor IS NOT NULL
                 AND b.cash_tendered_minor = COALESCE(b.paid_minor, b.total_minor) + b.change_minor
            THEN b.cash_tendered_minor END,
       CASE WHEN b.payment_method = 'cash' AND b.change_minor IS NOT NULL
                 AND b.cash_tendered_minor = COALESCE(b.paid_minor, b.total_minor) + b.change_minor
            THEN b.change_minor END,
       NULL
  FROM bookings b
 WHERE COALESCE(b.paid_minor, b.total_minor) > 0;

INSERT INTO refund_tenders (refund_id, seq, booking_id, tender_seq, kind, amount_minor)
SELECT r.id, 1, r.booking_id,
       (SELECT MIN(t.seq) FROM booking_tenders t WHERE t.booking_id = r.booking_id
           AND t.kind = r.method),
       r.method, r.amount_minor
  FROM refunds r
 WHERE r.state = 'completed' AND r.amount_minor > 0 AND r.method IN ('cash', 'card');

UPDATE bookings SET payment_kind = payment_method;  -- before 0011 every booking had one method

-- The method a person would name: the one tender kind or 'split' (the legacy column for rows
-- written raw without payment_kind).
CREATE VIEW booking_payment AS
SELECT id AS booking_id, COALESCE(payment_kind, payment_method) AS method FROM bookings;

-- Reports group sales "by payment method" through day_bookings (0010) or, with nothing pulled,
-- the bookings table itself: both now offer payment_kind, which the reports prefer (a local
-- booking's single tender kind or 'split'; a pulled one's method as its device named it).
DROP VIEW day_bookings;
CREATE VIEW day_bookings AS
SELECT id, reference, show_id, channel, kiosk_id, staff_id, shift_id, currency, total_minor,
       tax_minor, discount_minor, refunded_minor, COALESCE(payment_kind, payment_method)
       AS payment_method, state, exchanged_from, created_at, business_date, paid_minor,
       'local' AS origin, payment_kind
  FROM bookings
UNION ALL
SELECT lb.id, lb.reference, lb.show_id, lb.channel, lb.kiosk_id,
       (SELECT st.id FROM staff st WHERE st.staff_number = lb.staff_number), NULL, lb.currency,
       lb.total_minor, lb.tax_minor, lb.discount_minor, lb.refunded_minor, lb.payment_method,
       lb.state, lb.exchanged_from, lb.created_at, lb.business_date, lb.paid_minor, 'cloud',
       lb.payment_method
  FROM ledger_bookings lb
 WHERE lb.state <> 'void' AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = lb.id);

-- Other devices' tenders, pulled with the business day (kiosk.cloud.daypull), so the manager's
-- report counts by tender across devices. Items written before issue 11 have none: their
-- booking counts by its payment method, like a local booking without tender rows.
CREATE TABLE ledger_booking_tenders (
    booking_id   TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    carried      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (booking_id, seq)
) WITHOUT ROWID;

CREATE TABLE ledger_refund_tenders (
    kiosk_id     TEXT NOT NULL,
    local_id     INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, local_id, seq)
) WITHOUT ROWID;
