-- A manager's decision on another device's refund request or cash-up (issue 10 point 3),
-- carried by the cloud (kiosk.cloud.decisions). The money and seats are the requesting device's,
-- so the office never changes its own copy of them; it sends a decision and that device applies
-- it through its own service rules.
--
-- decisions_sent: on the console that decided; one row per request, the latest attempt. Its
-- outcome ('' while the device has not answered, then 'applied' or 'refused' with a note) is
-- read back from the cloud at each "Pull the day".
CREATE TABLE decisions_sent (
    kind        TEXT NOT NULL CHECK (kind IN ('refund', 'cashup')),
    kiosk_id    TEXT NOT NULL,            -- the device whose request it is
    local_id    INTEGER NOT NULL,         -- its refund id or shift id, in its own database
    attempt     INTEGER NOT NULL CHECK (attempt >= 1),
    decision    TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
    comment     TEXT NOT NULL DEFAULT '',
    decided_by  TEXT NOT NULL,            -- staff number (ids differ between databases)
    decided_by_name TEXT NOT NULL DEFAULT '',
    decided_at  TEXT NOT NULL,
    outcome     TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'applied', 'refused')),
    outcome_note TEXT NOT NULL DEFAULT '',
    outcome_at  TEXT,
    PRIMARY KEY (kind, kiosk_id, local_id)
);

-- decisions_applied: on the device that received them; one row per attempt it acted on, so a
-- decision seen twice (a retry, a crash before the cloud heard back) is acted on once.
CREATE TABLE decisions_applied (
    kind        TEXT NOT NULL CHECK (kind IN ('refund', 'cashup')),
    local_id    INTEGER NOT NULL,
    attempt     INTEGER NOT NULL,
    decision    TEXT NOT NULL,
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'refused')),
    note        TEXT NOT NULL DEFAULT '',
    applied_at  TEXT NOT NULL,
    PRIMARY KEY (kind, local_id, attempt)
);
