-- Chain reports, the rest of a day (issue 15 point 5): the money by tender and the offers of
-- every business day and cinema, kept like report_day_sums (0032) in the same transaction as
-- each sale, tender, refund and discount, so a chain day's report reads a few hundred rows
-- instead of every booking of the day. Each booking's (or refund's) share is defined once, by
-- the views below; a BEFORE trigger takes the row's share out as it stood, the AFTER trigger
-- puts it back as it now is, so every change (a tender added, a refund approved, a booking
-- moved) is counted exactly, whatever order the rows are written in. Food and drink and gift
-- card money stay live (they are indexed by date and few); so do days pulled from the cloud.
-- ``source``: 'taken' (tenders of sales, not carried over; a booking without tender rows is one
-- tender of its payment method) or 'refunded' (completed refunds: their tenders, or their method).
-- ``n`` counts payments, or refunds once per kind as the live query's COUNT(DISTINCT).
CREATE TABLE report_day_tenders (
    business_date TEXT NOT NULL,
    cinema_id     TEXT NOT NULL,
    source        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    currency      TEXT NOT NULL,
    n             INTEGER NOT NULL DEFAULT 0,
    amount        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (business_date, cinema_id, source, kind, currency)
) WITHOUT ROWID;

-- Offers by booking date: a comp voucher's line is one offer (':voucher'); the code is kept per
-- row so the report can show it only when an offer had a single code (as _DISCOUNTS_SQL).
CREATE TABLE report_day_offers (
    business_date TEXT NOT NULL,
    cinema_id     TEXT NOT NULL,
    offer_key     TEXT NOT NULL,
    currency      TEXT NOT NULL,
    code          TEXT NOT NULL,
    label         TEXT NOT NULL,
    n             INTEGER NOT NULL DEFAULT 0,
    tickets       INTEGER NOT NULL DEFAULT 0,
    amount        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (business_date, cinema_id, offer_key, currency, code, label)
) WITHOUT ROWID;

CREATE VIEW report_taken_shares AS
SELECT b.id AS booking_id, b.business_date AS business_date, h.cinema_id AS cinema_id,
       t.kind AS kind, b.currency AS currency, 1 AS n, t.amount_minor AS amount
  FROM bookings b JOIN booking_tenders t ON t.booking_id = b.id
  JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id
 WHERE t.carried_from IS NULL
UNION ALL
SELECT b.id, b.business_date, h.cinema_id, b.payment_method, b.currency, 1,
       COALESCE(b.paid_minor, b.total_minor)
  FROM bookings b JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id
 WHERE COALESCE(b.paid_minor, b.total_minor) > 0
   AND NOT EXISTS (SELECT 1 FROM booking_tenders t WHERE t.booking_id = b.id);

CREATE VIEW report_refunded_shares AS
SELECT r.id AS refund_id, r.booking_id AS booking_id, r.business_date AS business_date,
       h.cinema_id AS cinema_id, rt.kind AS kind, r.currency AS currency, 1 AS n,
       SUM(rt.amount_minor) AS amount
  FROM refunds r JOIN refund_tenders rt ON rt.refund_id = r.id
  JOIN bookings b ON b.id = r.booking_id JOIN shows s ON s.id = b.show_id
  JOIN halls h ON h.id = s.hall_id
 WHERE r.state = 'completed'
 GROUP BY r.id, r.booking_id, rt.kind
UNION ALL
SELECT r.id, r.booking_id, r.business_date, h.cinema_id, r.method, r.currency, 1, r.amount_minor
  FROM refunds r JOIN bookings b ON b.id = r.booking_id JOIN shows s ON s.id = b.show_id
  JOIN halls h ON h.id = s.hall_id
 WHERE r.state = 'completed' AND r.amount_minor > 0
   AND NOT EXISTS (SELECT 1 FROM refund_tenders rt WHERE rt.refund_id = r.id);

CREATE VIEW report_offer_shares AS
SELECT d.booking_id AS booking_id, b.business_date AS business_date, h.cinema_id AS cinema_id,
       CASE WHEN d.offer_id LIKE 'voucher:%' THEN ':voucher' ELSE d.offer_id END AS offer_key,
       b.currency AS currency, d.code AS code, d.label AS label, 1 AS n,
       (SELECT COUNT(*) FROM booking_seats bs WHERE bs.booking_id = d.booking_id) AS tickets,
       d.amount_minor AS amount
  FROM booking_discounts d JOIN bookings b ON b.id = d.booking_id
  JOIN shows s ON s.id = b.show_id JOIN halls h ON h.id = s.hall_id;

-- What the tables must hold (the backfill, the bench generator's bulk load, the tests).
CREATE VIEW report_day_tenders_source AS
SELECT business_date, cinema_id, 'taken', kind, currency, SUM(n), SUM(amount)
  FROM report_taken_shares GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT business_date, cinema_id, 'refunded', kind, currency, SUM(n), SUM(amount)
  FROM report_refunded_shares GROUP BY 1, 2, 3, 4, 5;

CREATE VIEW report_day_offers_source AS
SELECT business_date, cinema_id, offer_key, currency, code, label, SUM(n), SUM(tickets), SUM(amount)
  FROM report_offer_shares GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO report_day_tenders SELECT * FROM report_day_tenders_source;
INSERT INTO report_day_offers SELECT * FROM report_day_offers_source;
CREATE TRIGGER report_shares_booking_in_after AFTER INSERT ON bookings BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, n, amount
      FROM report_taken_shares WHERE booking_id = NEW.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_booking_out_before BEFORE DELETE ON bookings BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, -n, -amount
      FROM report_taken_shares WHERE booking_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, -n, -amount
      FROM report_refunded_shares WHERE booking_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, -n, -tickets, -amount
      FROM report_offer_shares WHERE booking_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_booking_change_before BEFORE UPDATE OF business_date, show_id, currency, payment_method, paid_minor, total_minor ON bookings BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, -n, -amount
      FROM report_taken_shares WHERE booking_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, -n, -amount
      FROM report_refunded_shares WHERE booking_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, -n, -tickets, -amount
      FROM report_offer_shares WHERE booking_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_booking_change_after AFTER UPDATE OF business_date, show_id, currency, payment_method, paid_minor, total_minor ON bookings BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, n, amount
      FROM report_taken_shares WHERE booking_id = NEW.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, n, amount
      FROM report_refunded_shares WHERE booking_id = NEW.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount
      FROM report_offer_shares WHERE booking_id = NEW.id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_tender_in_before BEFORE INSERT ON booking_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, -n, -amount
      FROM report_taken_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_tender_in_after AFTER INSERT ON booking_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, n, amount
      FROM report_taken_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_in_after AFTER INSERT ON refunds BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, n, amount
      FROM report_refunded_shares WHERE refund_id = NEW.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_tender_in_before BEFORE INSERT ON refund_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, -n, -amount
      FROM report_refunded_shares WHERE refund_id = NEW.refund_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_tender_in_after AFTER INSERT ON refund_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, n, amount
      FROM report_refunded_shares WHERE refund_id = NEW.refund_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_discount_in_before BEFORE INSERT ON booking_discounts BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, -n, -tickets, -amount
      FROM report_offer_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_discount_in_after AFTER INSERT ON booking_discounts BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount
      FROM report_offer_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_tender_out_before BEFORE DELETE ON booking_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, -n, -amount
      FROM report_taken_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_tender_out_after AFTER DELETE ON booking_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, n, amount
      FROM report_taken_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_out_before BEFORE DELETE ON refunds BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, -n, -amount
      FROM report_refunded_shares WHERE refund_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_tender_out_before BEFORE DELETE ON refund_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, -n, -amount
      FROM report_refunded_shares WHERE refund_id = OLD.refund_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_tender_out_after AFTER DELETE ON refund_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, n, amount
      FROM report_refunded_shares WHERE refund_id = OLD.refund_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_discount_out_before BEFORE DELETE ON booking_discounts BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, -n, -tickets, -amount
      FROM report_offer_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_discount_out_after AFTER DELETE ON booking_discounts BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount
      FROM report_offer_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_tender_change_before BEFORE UPDATE ON booking_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, -n, -amount
      FROM report_taken_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_tender_change_after AFTER UPDATE ON booking_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'taken', kind, currency, n, amount
      FROM report_taken_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_change_before BEFORE UPDATE OF booking_id, state, business_date, method, currency, amount_minor ON refunds BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, -n, -amount
      FROM report_refunded_shares WHERE refund_id = OLD.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_change_after AFTER UPDATE OF booking_id, state, business_date, method, currency, amount_minor ON refunds BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, n, amount
      FROM report_refunded_shares WHERE refund_id = NEW.id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_tender_change_before BEFORE UPDATE ON refund_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, -n, -amount
      FROM report_refunded_shares WHERE refund_id = OLD.refund_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_refund_tender_change_after AFTER UPDATE ON refund_tenders BEGIN
    INSERT INTO report_day_tenders (business_date, cinema_id, source, kind, currency, n, amount)
    SELECT business_date, cinema_id, 'refunded', kind, currency, n, amount
      FROM report_refunded_shares WHERE refund_id = NEW.refund_id AND true
    ON CONFLICT (business_date, cinema_id, source, kind, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_discount_change_before BEFORE UPDATE ON booking_discounts BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, -n, -tickets, -amount
      FROM report_offer_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_discount_change_after AFTER UPDATE ON booking_discounts BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount
      FROM report_offer_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_offer_seat_in_before BEFORE INSERT ON booking_seats BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, -n, -tickets, -amount
      FROM report_offer_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_offer_seat_in_after AFTER INSERT ON booking_seats BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount
      FROM report_offer_shares WHERE booking_id = NEW.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_offer_seat_out_before BEFORE DELETE ON booking_seats BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, -n, -tickets, -amount
      FROM report_offer_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

CREATE TRIGGER report_shares_offer_seat_out_after AFTER DELETE ON booking_seats BEGIN
    INSERT INTO report_day_offers (business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount)
    SELECT business_date, cinema_id, offer_key, currency, code, label, n, tickets, amount
      FROM report_offer_shares WHERE booking_id = OLD.booking_id AND true
    ON CONFLICT (business_date, cinema_id, offer_key, currency, code, label) DO UPDATE SET n = n + excluded.n, tickets = tickets + excluded.tickets, amount = amount + excluded.amount;
END;

