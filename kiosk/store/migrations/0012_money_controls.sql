-- Money controls (issue 11, points 2, 3 and 5; kiosk.services.money_controls).
--
-- 1. Limits that are money belong to a currency: ``currency_controls`` holds a sane default per
--    currency (minor units), and a cinema may override each one (NULL = the currency's value).
--    A currency with no row and no override gets 0: every cashier refund waits for a manager
--    and every cash-up variance is flagged (safe, never silently generous).
--    * cashier_refund_limit_minor: what a cashier may give back on ONE booking (its exchange
--      chain included), completed and waiting refunds counted together;
--    * shift_refund_limit_minor: what a cashier may give back in one shift (NULL = no limit);
--    * cash_variance_threshold_minor: a cash-up variance beyond this (either way) is flagged.
CREATE TABLE currency_controls (
    currency                      TEXT PRIMARY KEY,
    cashier_refund_limit_minor    INTEGER NOT NULL CHECK (cashier_refund_limit_minor >= 0),
    shift_refund_limit_minor      INTEGER CHECK (shift_refund_limit_minor IS NULL
                                                 OR shift_refund_limit_minor >= 0),
    cash_variance_threshold_minor INTEGER NOT NULL CHECK (cash_variance_threshold_minor >= 0)
);
-- About ₹1,000 per booking, ₹10,000 per shift, ₹50 of variance, in each currency's own terms.
INSERT INTO currency_controls VALUES ('INR', 100000, 1000000, 5000);
INSERT INTO currency_controls VALUES ('AED', 5000, 50000, 300);
INSERT INTO currency_controls VALUES ('USD', 1500, 15000, 100);
INSERT INTO currency_controls VALUES ('EUR', 1500, 15000, 100);
INSERT INTO currency_controls VALUES ('GBP', 1200, 12000, 100);
INSERT INTO currency_controls VALUES ('SGD', 2000, 20000, 100);

ALTER TABLE cinemas ADD COLUMN cashier_refund_limit_minor INTEGER
    CHECK (cashier_refund_limit_minor IS NULL OR cashier_refund_limit_minor >= 0);
ALTER TABLE cinemas ADD COLUMN shift_refund_limit_minor INTEGER
    CHECK (shift_refund_limit_minor IS NULL OR shift_refund_limit_minor >= 0);
ALTER TABLE cinemas ADD COLUMN cash_variance_threshold_minor INTEGER
    CHECK (cash_variance_threshold_minor IS NULL OR cash_variance_threshold_minor >= 0);

-- 2. Late sales: minutes after a show's start during which holds and confirms are still taken.
ALTER TABLE cinemas ADD COLUMN late_sale_minutes INTEGER NOT NULL DEFAULT 0
    CHECK (late_sale_minutes BETWEEN 0 AND 240);

-- 3. Refunds after the shift. ``shift_id`` is now the shift whose drawer PAID the refund (NULL
--    while it waits for a manager, and for an approved cash refund nobody has paid out yet:
--    "to pay out"); ``requested_shift_id`` is the cashier's shift when it was asked for (the
--    per-shift limit counts by it). A closed shift never gets a refund attached, so its stored
--    figures always match a recount.
ALTER TABLE refunds ADD COLUMN requested_shift_id INTEGER REFERENCES shifts(id);
ALTER TABLE refunds ADD COLUMN payout_due INTEGER NOT NULL DEFAULT 0 CHECK (payout_due IN (0, 1));
ALTER TABLE refunds ADD COLUMN paid_out_by INTEGER REFERENCES staff(id);
ALTER TABLE refunds ADD COLUMN paid_out_at TEXT;
UPDATE refunds SET requested_shift_id = shift_id;
UPDATE refunds SET shift_id = NULL WHERE state = 'pending_approval';
CREATE INDEX refunds_by_requested_shift ON refunds (requested_shift_id);
CREATE INDEX refunds_to_pay_out ON refunds (payout_due) WHERE payout_due = 1;
