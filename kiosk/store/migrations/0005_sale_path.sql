-- Every sale and every cash movement asks for the cashier's open shift; without an index that
-- scans every shift ever worked on the kiosk (thousands after a few years). Only open shifts are
-- in this index, so it stays a handful of rows and costs a sale nothing to keep.
CREATE INDEX IF NOT EXISTS shifts_open ON shifts (staff_id, kiosk_id) WHERE closed_at IS NULL;
