-- Single-use vouchers (issue 12 point 3): a complimentary ticket or one free item, each code
-- used once on one sale (rules in kiosk.domain.vouchers).
--
-- Without cloud sync this table is the truth: a sale takes its voucher with a conditional UPDATE
-- (state = 'issued') in its own transaction, so two counters using one voucher at once: one sale
-- rolls back and is told. With cloud sync the voucher lives in DynamoDB (kiosk.cloud.vouchers):
-- issued there (a manager's batch, online), taken there before the sale's local commit (given
-- back by an outbox intent if the sale never commits); this table then keeps what this device
-- issued or used.
CREATE TABLE vouchers (
    code       TEXT PRIMARY KEY,
    cinema_id  TEXT NOT NULL REFERENCES cinemas(id),
    kind       TEXT NOT NULL CHECK (kind IN ('ticket', 'item')),
    label      TEXT NOT NULL,
    item       TEXT NOT NULL DEFAULT '',         -- an item voucher's order: 'pop-m=1:salted'
    valid_to   TEXT NOT NULL DEFAULT '',
    state      TEXT NOT NULL DEFAULT 'issued' CHECK (state IN ('issued', 'used', 'void')),
    batch      TEXT NOT NULL,                    -- the issue it came from (audited)
    issued_at  TEXT NOT NULL,
    issued_by  INTEGER REFERENCES staff(id),
    used_at    TEXT,
    used_by    TEXT,                             -- the booking or food and drink sale id
    used_kiosk TEXT,
    CHECK (code GLOB 'CV[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    CHECK ((kind = 'item') = (item != '')),
    CHECK ((state = 'used') = (used_by IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX vouchers_by_batch ON vouchers (batch);
