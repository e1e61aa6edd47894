-- Chain reports (issue 15 point 5): the sales and refunds of every business day, cinema and
-- breakdown key, kept in the same transaction as each sale and refund by the triggers below, so
-- a day's report over a chain of 50 cinemas reads a few thousand rows instead of every booking.
-- ``source`` is 'sale' or the refund's state (completed / pending_approval: a rejected refund
-- counts nowhere); ``dim`` is one breakdown (show, hour, payment, staff, kiosk, channel; film and
-- the totals are folded from the show rows by the report); a missing key is '' (primary keys of
-- a WITHOUT ROWID table cannot be NULL). Measures as ReportService._SALES_SQL / _REFUNDS_SQL:
-- n (bookings or refunds), amount (gross or refunded), tax, tickets (seats sold or refunded).
-- The report falls back to the live queries for ranges with days pulled from the cloud.
CREATE TABLE report_dims (dim TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO report_dims (dim) VALUES ('show'), ('hour'), ('payment'), ('staff'), ('kiosk'), ('channel');

CREATE TABLE report_day_sums (
    business_date TEXT NOT NULL,
    cinema_id     TEXT NOT NULL,
    source        TEXT NOT NULL,
    dim           TEXT NOT NULL,
    k1            NOT NULL,
    k2            NOT NULL,
    currency      TEXT NOT NULL,
    n             INTEGER NOT NULL DEFAULT 0,
    amount        INTEGER NOT NULL DEFAULT 0,
    tax           INTEGER NOT NULL DEFAULT 0,
    tickets       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (business_date, cinema_id, source, dim, k1, k2, currency)
) WITHOUT ROWID;

-- What the table must hold, computed from the rows themselves: the backfill below, the bench
-- generator's bulk load (triggers off, then this) and the tests' consistency check.
CREATE VIEW report_day_sums_source AS
SELECT x.business_date, x.cinema_id, x.source, d.dim,
       CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
       x.currency, SUM(x.n), SUM(x.amount), SUM(x.tax), SUM(x.tickets)
  FROM (SELECT b.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      'sale' AS source, b.currency AS currency, b.show_id AS show_id,
                      substr(b.created_at, 1, 14) AS utc_hour,
                      CAST(substr(b.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(b.staff_id, '') AS staff,
                      COALESCE(CASE WHEN b.staff_id IS NULL THEN b.channel END, '') AS staff_tag,
                      COALESCE(b.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      1 AS n, b.total_minor AS amount, b.tax_minor AS tax, (SELECT COUNT(*) FROM booking_seats bs WHERE bs.booking_id = b.id) AS tickets FROM bookings b
        UNION ALL
        SELECT r.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      r.state AS source, r.currency AS currency, b.show_id AS show_id,
                      substr(r.created_at, 1, 14) AS utc_hour,
                      CAST(substr(r.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(r.requested_by, '') AS staff,
                      CASE WHEN r.requested_by IS NULL THEN 'refund' ELSE '' END AS staff_tag,
                      COALESCE(r.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      1 AS n, r.amount_minor AS amount, r.tax_minor AS tax,
                      json_array_length(r.seats) AS tickets
                 FROM bookings b JOIN refunds r ON r.booking_id = b.id WHERE r.state IN ('completed', 'pending_approval')) x,
       report_dims d
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets) SELECT * FROM report_day_sums_source;

CREATE TRIGGER report_sums_booking_in AFTER INSERT ON bookings BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT NEW.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = NEW.show_id), '') AS cinema_id,
                      'sale' AS source, NEW.currency AS currency, NEW.show_id AS show_id,
                      substr(NEW.created_at, 1, 14) AS utc_hour,
                      CAST(substr(NEW.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(NEW.payment_kind, NEW.payment_method, '') AS pay,
                      COALESCE(NEW.staff_id, '') AS staff,
                      COALESCE(CASE WHEN NEW.staff_id IS NULL THEN NEW.channel END, '') AS staff_tag,
                      COALESCE(NEW.kiosk_id, '') AS kiosk, COALESCE(NEW.channel, '') AS channel,
                      1 AS n, NEW.total_minor AS amount, NEW.tax_minor AS tax, (SELECT COUNT(*) FROM booking_seats bs WHERE bs.booking_id = NEW.id) AS tickets) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

CREATE TRIGGER report_sums_booking_out AFTER DELETE ON bookings BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT OLD.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = OLD.show_id), '') AS cinema_id,
                      'sale' AS source, OLD.currency AS currency, OLD.show_id AS show_id,
                      substr(OLD.created_at, 1, 14) AS utc_hour,
                      CAST(substr(OLD.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(OLD.payment_kind, OLD.payment_method, '') AS pay,
                      COALESCE(OLD.staff_id, '') AS staff,
                      COALESCE(CASE WHEN OLD.staff_id IS NULL THEN OLD.channel END, '') AS staff_tag,
                      COALESCE(OLD.kiosk_id, '') AS kiosk, COALESCE(OLD.channel, '') AS channel,
                      -1 AS n, -OLD.total_minor AS amount, -OLD.tax_minor AS tax, -(SELECT COUNT(*) FROM booking_seats bs WHERE bs.booking_id = OLD.id) AS tickets) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

CREATE TRIGGER report_sums_booking_change AFTER UPDATE OF business_date, show_id, currency, payment_kind, payment_method, channel, staff_id, kiosk_id, created_at, total_minor, tax_minor ON bookings BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT OLD.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = OLD.show_id), '') AS cinema_id,
                      'sale' AS source, OLD.currency AS currency, OLD.show_id AS show_id,
                      substr(OLD.created_at, 1, 14) AS utc_hour,
                      CAST(substr(OLD.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(OLD.payment_kind, OLD.payment_method, '') AS pay,
                      COALESCE(OLD.staff_id, '') AS staff,
                      COALESCE(CASE WHEN OLD.staff_id IS NULL THEN OLD.channel END, '') AS staff_tag,
                      COALESCE(OLD.kiosk_id, '') AS kiosk, COALESCE(OLD.channel, '') AS channel,
                      -1 AS n, -OLD.total_minor AS amount, -OLD.tax_minor AS tax, -(SELECT COUNT(*) FROM booking_seats bs WHERE bs.booking_id = OLD.id) AS tickets) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT NEW.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = NEW.show_id), '') AS cinema_id,
                      'sale' AS source, NEW.currency AS currency, NEW.show_id AS show_id,
                      substr(NEW.created_at, 1, 14) AS utc_hour,
                      CAST(substr(NEW.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(NEW.payment_kind, NEW.payment_method, '') AS pay,
                      COALESCE(NEW.staff_id, '') AS staff,
                      COALESCE(CASE WHEN NEW.staff_id IS NULL THEN NEW.channel END, '') AS staff_tag,
                      COALESCE(NEW.kiosk_id, '') AS kiosk, COALESCE(NEW.channel, '') AS channel,
                      1 AS n, NEW.total_minor AS amount, NEW.tax_minor AS tax, (SELECT COUNT(*) FROM booking_seats bs WHERE bs.booking_id = NEW.id) AS tickets) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

CREATE TRIGGER report_sums_seat_in AFTER INSERT ON booking_seats BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT b.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      'sale' AS source, b.currency AS currency, b.show_id AS show_id,
                      substr(b.created_at, 1, 14) AS utc_hour,
                      CAST(substr(b.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(b.staff_id, '') AS staff,
                      COALESCE(CASE WHEN b.staff_id IS NULL THEN b.channel END, '') AS staff_tag,
                      COALESCE(b.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      0 AS n, 0 AS amount, 0 AS tax, 1 AS tickets FROM bookings b WHERE b.id = NEW.booking_id) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

CREATE TRIGGER report_sums_seat_out AFTER DELETE ON booking_seats BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT b.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      'sale' AS source, b.currency AS currency, b.show_id AS show_id,
                      substr(b.created_at, 1, 14) AS utc_hour,
                      CAST(substr(b.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(b.staff_id, '') AS staff,
                      COALESCE(CASE WHEN b.staff_id IS NULL THEN b.channel END, '') AS staff_tag,
                      COALESCE(b.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      -0 AS n, 0 AS amount, 0 AS tax, -1 AS tickets FROM bookings b WHERE b.id = OLD.booking_id) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

CREATE TRIGGER report_sums_refund_in AFTER INSERT ON refunds WHEN NEW.state IN ('completed', 'pending_approval') BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT NEW.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      NEW.state AS source, NEW.currency AS currency, b.show_id AS show_id,
                      substr(NEW.created_at, 1, 14) AS utc_hour,
                      CAST(substr(NEW.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(NEW.requested_by, '') AS staff,
                      CASE WHEN NEW.requested_by IS NULL THEN 'refund' ELSE '' END AS staff_tag,
                      COALESCE(NEW.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      1 AS n, NEW.amount_minor AS amount, NEW.tax_minor AS tax,
                      json_array_length(NEW.seats) AS tickets
                 FROM bookings b WHERE b.id = NEW.booking_id) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

CREATE TRIGGER report_sums_refund_out AFTER DELETE ON refunds WHEN OLD.state IN ('completed', 'pending_approval') BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT OLD.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      OLD.state AS source, OLD.currency AS currency, b.show_id AS show_id,
                      substr(OLD.created_at, 1, 14) AS utc_hour,
                      CAST(substr(OLD.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(OLD.requested_by, '') AS staff,
                      CASE WHEN OLD.requested_by IS NULL THEN 'refund' ELSE '' END AS staff_tag,
                      COALESCE(OLD.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      -1 AS n, -OLD.amount_minor AS amount, -OLD.tax_minor AS tax,
                      -json_array_length(OLD.seats) AS tickets
                 FROM bookings b WHERE b.id = OLD.booking_id) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

CREATE TRIGGER report_sums_refund_change AFTER UPDATE OF booking_id, state, business_date, requested_by, kiosk_id, created_at, amount_minor, tax_minor, seats, currency ON refunds BEGIN
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT OLD.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      OLD.state AS source, OLD.currency AS currency, b.show_id AS show_id,
                      substr(OLD.created_at, 1, 14) AS utc_hour,
                      CAST(substr(OLD.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(OLD.requested_by, '') AS staff,
                      CASE WHEN OLD.requested_by IS NULL THEN 'refund' ELSE '' END AS staff_tag,
                      COALESCE(OLD.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      -1 AS n, -OLD.amount_minor AS amount, -OLD.tax_minor AS tax,
                      -json_array_length(OLD.seats) AS tickets
                 FROM bookings b WHERE b.id = OLD.booking_id AND OLD.state IN ('completed', 'pending_approval')) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
    INSERT INTO report_day_sums (business_date, cinema_id, source, dim, k1, k2, currency, n, amount, tax, tickets)
    SELECT x.business_date, x.cinema_id, x.source, d.dim,
           CASE d.dim WHEN 'show' THEN x.show_id WHEN 'hour' THEN x.utc_hour WHEN 'payment' THEN x.pay
                        WHEN 'staff' THEN x.staff WHEN 'kiosk' THEN x.kiosk ELSE x.channel END,
                   CASE d.dim WHEN 'hour' THEN x.quarter WHEN 'staff' THEN x.staff_tag ELSE '' END,
           x.currency, x.n, x.amount, x.tax, x.tickets
      FROM (SELECT NEW.business_date AS business_date, COALESCE((SELECT h.cinema_id FROM shows s JOIN halls h ON h.id = s.hall_id
                               WHERE s.id = b.show_id), '') AS cinema_id,
                      NEW.state AS source, NEW.currency AS currency, b.show_id AS show_id,
                      substr(NEW.created_at, 1, 14) AS utc_hour,
                      CAST(substr(NEW.created_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COALESCE(b.payment_kind, b.payment_method, '') AS pay,
                      COALESCE(NEW.requested_by, '') AS staff,
                      CASE WHEN NEW.requested_by IS NULL THEN 'refund' ELSE '' END AS staff_tag,
                      COALESCE(NEW.kiosk_id, '') AS kiosk, COALESCE(b.channel, '') AS channel,
                      1 AS n, NEW.amount_minor AS amount, NEW.tax_minor AS tax,
                      json_array_length(NEW.seats) AS tickets
                 FROM bookings b WHERE b.id = NEW.booking_id AND NEW.state IN ('completed', 'pending_approval')) x, report_dims d WHERE true
    ON CONFLICT (business_date, cinema_id, source, dim, k1, k2, currency) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount,
        tax = tax + excluded.tax, tickets = tickets + excluded.tickets;
END;

-- Exchanges are few: the report reads them live, from this index instead of the day's bookings.
CREATE INDEX bookings_exchanges_by_date ON bookings (business_date) WHERE exchanged_from IS NOT NULL;

-- The day's money by tender and the offers read every booking of the day (or, for one cinema,
-- of its shows): covering indexes make those reads index-only.
CREATE INDEX bookings_day_cover ON bookings
    (business_date, show_id, currency, payment_method, paid_minor, total_minor, id);
CREATE INDEX bookings_show_cover ON bookings
    (show_id, business_date, currency, payment_method, paid_minor, total_minor, id);
-- They lead with the same columns as the two indexes they replace, so a sale writes no more
-- index pages than before (only the wider entries).
DROP INDEX bookings_by_date;
DROP INDEX bookings_by_show;
