-- The business-day close (Z report), issue 11 point 9 (kiosk.services.day_close).
--
-- business_days: one row per closed (cinema, business date). ``totals_json`` is the day's totals
-- as they stood at the close (tickets, tenders, refunds, each cashier's variance, by device and
-- channel), copied, not a view: later changes to bookings, refunds or shifts never change a
-- closed day. ``signature`` is the SHA-256 of the canonical close record (cinema, date, who,
-- when, totals) so a changed row is detectable on reprint.
CREATE TABLE business_days (
    cinema_id     TEXT NOT NULL REFERENCES cinemas(id),
    business_date TEXT NOT NULL,            -- YYYY-MM-DD, the cinema's local date
    closed_at     TEXT NOT NULL,            -- UTC
    closed_by     INTEGER NOT NULL REFERENCES staff(id),
    closed_by_number TEXT NOT NULL,
    closed_by_name   TEXT NOT NULL,
    kiosk_id      TEXT NOT NULL,
    currency      TEXT NOT NULL,
    totals_json   TEXT NOT NULL,
    signature     TEXT NOT NULL,
    PRIMARY KEY (cinema_id, business_date)
);

-- A closed day never changes; a correction is a new row here (manager, reason, amount), shown
-- on the Z report's reprint and audited. The amount is signed: + money found, - money missing.
CREATE TABLE business_day_adjustments (
    id            INTEGER PRIMARY KEY,
    cinema_id     TEXT NOT NULL,
    business_date TEXT NOT NULL,
    amount_minor  INTEGER NOT NULL CHECK (amount_minor <> 0),
    currency      TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_by    INTEGER NOT NULL REFERENCES staff(id),
    created_by_number TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    kiosk_id      TEXT NOT NULL,
    FOREIGN KEY (cinema_id, business_date) REFERENCES business_days (cinema_id, business_date)
);
CREATE INDEX business_day_adjustments_by_day ON business_day_adjustments (cinema_id, business_date);

-- Neither table is ever updated or deleted from by the application: make that a rule. A row
-- goes only together with its cinema (``kiosk init --force`` wipes every table, cinemas first,
-- with foreign keys deferred).
CREATE TRIGGER business_days_frozen_update BEFORE UPDATE ON business_days BEGIN
    SELECT RAISE(ABORT, 'a closed business day cannot change');
END;
CREATE TRIGGER business_days_frozen_delete BEFORE DELETE ON business_days
WHEN EXISTS (SELECT 1 FROM cinemas WHERE id = OLD.cinema_id) BEGIN
    SELECT RAISE(ABORT, 'a closed business day cannot change');
END;
CREATE TRIGGER business_day_adjustments_frozen_update BEFORE UPDATE ON business_day_adjustments BEGIN
    SELECT RAISE(ABORT, 'a business-day adjustment cannot change');
END;
CREATE TRIGGER business_day_adjustments_frozen_delete BEFORE DELETE ON business_day_adjustments
WHEN EXISTS (SELECT 1 FROM cinemas WHERE id = OLD.cinema_id) BEGIN
    SELECT RAISE(ABORT, 'a business-day adjustment cannot change');
END;
