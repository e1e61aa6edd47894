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

-- Backfill: before 0011 a booking was paid with one method. An ordinary sale took its total in
-- it. An exchange took its difference (paid_minor) in its own method and CARRIED the rest from
-- the booking it replaced: that part is the old booking's tenders, not the new method (a card
-- booking exchanged with the difference in cash carries card money: refunding it must not pay
-- that out of the drawer). What an exchange carries is what was left on the old booking's
-- tenders after the refunds, which go card -> UPI -> voucher -> cash: so the carried part takes
-- the old tenders cash first, then voucher, UPI, card (earliest first within a kind).
-- Legacy card rows whose last4 is missing or malformed: '0000' stands in (no card number was
-- ever stored). Chains of exchanges are filled one link per round (old booking first), for
-- chains up to eight exchanges long; the fallback below covers anything longer.
INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT booking_id, ROW_NUMBER() OVER (PARTITION BY booking_id ORDER BY keep, old_seq), kind,
       take, reference, NULL, NULL, carried_from
  FROM (SELECT b.id AS booking_id, o.id AS carried_from, t.kind, t.reference, t.seq AS old_seq,
               CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END AS keep,
               MIN(t.amount_minor, (b.total_minor - b.paid_minor) - COALESCE(SUM(t.amount_minor)
                   OVER (PARTITION BY b.id ORDER BY CASE t.kind WHEN 'cash' THEN 0 WHEN 'voucher' THEN 1 WHEN 'upi' THEN 2 ELSE 3 END, t.seq
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) AS take
          FROM bookings b
          JOIN bookings o ON o.id = b.exchanged_from
          JOIN booking_tenders t ON t.booking_id = o.id
         WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
           AND NOT EXISTS (SELECT 1 FROM booking_tenders d WHERE d.booking_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM bookings ob WHERE ob.id = o.id AND ob.exchanged_from
                           IS NOT NULL AND ob.paid_minor IS NOT NULL AND ob.total_minor > ob.paid_minor
                           AND NOT EXISTS (SELECT 1 FROM booking_tenders od
                                            WHERE od.booking_id = ob.id AND od.carried_from IS NULL)
                           AND COALESCE(ob.paid_minor, ob.total_minor) > 0))
 WHERE take > 0;

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

-- What a chain deeper than the rounds above (none known), or an old booking without tenders,
-- still lacks: the old booking's own method for the carried value, as far as it goes.
INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
       o.payment_method,
       (b.total_minor - b.paid_minor) - (SELECT COALESCE(SUM(t.amount_minor), 0)
                                          FROM booking_tenders t WHERE t.booking_id = b.id
                                           AND t.carried_from IS NOT NULL),
       CASE WHEN o.payment_method = 'card' THEN
            CASE WHEN length(o.card_last4) = 4 AND o.card_last4 NOT GLOB '*[^0-9]*'
                 THEN o.card_last4 ELSE '0000' END END,
       NULL, NULL, o.id
  FROM bookings b JOIN bookings o ON o.id = b.exchanged_from
 WHERE b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor
   AND (b.total_minor - b.paid_minor) > (SELECT COALESCE(SUM(t.amount_minor), 0)
                                          FROM booking_tenders t WHERE t.booking_id = b.id
                                           AND t.carried_from IS NOT NULL);

INSERT INTO booking_tenders (booking_id, seq, kind, amount_minor, reference, tendered_minor,
                             change_minor, carried_from)
SELECT b.id, 1 + (SELECT COUNT(*) FROM booking_tenders t WHERE t.booking_id = b.id),
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
 WHERE b.exchanged_from IS NOT NULL AND COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id
                                                     AND t.carried_from IS NULL)
   AND (NOT (b.exchanged_from IS NOT NULL AND b.paid_minor IS NOT NULL AND b.total_minor > b.paid_minor)
        OR EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id));

INSERT INTO refund_tenders (refund_id, seq, booking_id, tender_seq, kind, amount_minor)
SELECT r.id, 1, r.booking_id,
       (SELECT MIN(t.seq) FROM booking_tenders t WHERE t.booking_id = r.booking_id
           AND t.kind = r.method),
       r.method, r.amount_minor
  FROM refunds r
 WHERE r.state = 'completed' AND r.amount_minor > 0 AND r.method IN ('cash', 'card');

-- The method a person would name: one kind, or 'split' when an exchange carried another kind.
UPDATE bookings SET payment_kind = COALESCE(
    (SELECT CASE WHEN COUNT(DISTINCT t.kind) > 1 THEN 'split' ELSE MIN(t.kind) END
       FROM booking_tenders t WHERE t.booking_id = bookings.id HAVING COUNT(*) > 0),
    payment_method);

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
