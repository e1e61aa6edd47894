-- Other devices' cash-ups in detail (issue 14), pulled with the business day
-- (kiosk.cloud.daypull) from the shift items' cash_count and tender_checks: the manager console
-- of any device shows the count by denomination and the card / UPI checks a shift was closed
-- with, as the device that counted it does (shift_cash_counts / shift_tender_checks, 0030).
CREATE TABLE ledger_shift_cash_counts (
    kiosk_id    TEXT NOT NULL,
    local_id    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('note', 'coin')),
    value_minor INTEGER NOT NULL CHECK (value_minor > 0),
    pieces      INTEGER NOT NULL CHECK (pieces >= 0),
    PRIMARY KEY (kiosk_id, local_id, kind, value_minor)
) WITHOUT ROWID;

CREATE TABLE ledger_shift_tender_checks (
    kiosk_id       TEXT NOT NULL,
    local_id       INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    expected_minor INTEGER NOT NULL,
    declared_minor INTEGER NOT NULL,
    variance_minor INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, local_id, kind)
) WITHOUT ROWID;
