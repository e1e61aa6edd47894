-- Manager area: cash-up approval time, and whether a hall wants each wheelchair space paired
-- with an adjacent companion seat (venues differ; 1 = required, the safe default).
ALTER TABLE shifts ADD COLUMN approved_at TEXT;
ALTER TABLE halls ADD COLUMN companion_required INTEGER NOT NULL DEFAULT 1;
CREATE INDEX IF NOT EXISTS shifts_by_opened ON shifts (opened_at);
