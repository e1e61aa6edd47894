-- The cash-up in detail (issue 14 defect 9), written in the same transaction as the shift's
-- close (ShiftService.close): the drawer counted by denomination, and card and UPI checked
-- against the terminal batch / UPI settlement the cashier read off. A shift closed before this
-- migration, or from a tool that gives only a total, has no rows here: its counted_minor
-- stands alone.
CREATE TABLE shift_cash_counts (
    shift_id    INTEGER NOT NULL REFERENCES shifts(id),
    kind        TEXT NOT NULL CHECK (kind IN ('note', 'coin')),
    value_minor INTEGER NOT NULL CHECK (value_minor > 0),
    pieces      INTEGER NOT NULL CHECK (pieces >= 0 AND pieces <= 2000),
    PRIMARY KEY (shift_id, kind, value_minor)
) WITHOUT ROWID;

CREATE TABLE shift_tender_checks (
    shift_id       INTEGER NOT NULL REFERENCES shifts(id),
    kind           TEXT NOT NULL CHECK (kind IN ('card', 'upi')),
    expected_minor INTEGER NOT NULL,         -- net taken on the shift by this tender
    declared_minor INTEGER NOT NULL,         -- the terminal batch / UPI settlement total
    variance_minor INTEGER NOT NULL,         -- declared - expected
    PRIMARY KEY (shift_id, kind)
) WITHOUT ROWID;
