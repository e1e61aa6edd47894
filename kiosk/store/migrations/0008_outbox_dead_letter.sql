-- Poison outbox rows: a row the cloud keeps refusing (not an outage: those never count) or whose
-- payload cannot be read stops being retried and waits for a manager in a dead-letter state.
-- * failures:    refusals counted toward the retry limit (kiosk.cloud.worker.MAX_FAILURES).
--                ``attempts`` still counts every try, outages included, and drives the back-off;
--                a kiosk may be offline for days without a row coming any closer to the limit.
--                Rows already queued start from 0: their old attempts mix outages and refusals.
-- * dead_at:     UTC time the worker gave up; NULL while the row is live. A dead row keeps
--                ``done_at`` NULL: it is still unsent (``kiosk init --force`` refuses over it),
--                but it no longer blocks its own booking's later rows or anything else.
-- * dead_reason: why, in the words of the last error (shown to the manager, exported).
-- A manager's retry (kiosk.services.outbox.retry_dead) clears all three and audits it.
ALTER TABLE outbox ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN dead_at TEXT;
ALTER TABLE outbox ADD COLUMN dead_reason TEXT NOT NULL DEFAULT '';

-- The manager's list and the status count. Partial: a sale's enqueue (dead_at NULL) never
-- writes to this index, so a confirm touches no extra WAL page (see 0006).
CREATE INDEX outbox_dead ON outbox (dead_at) WHERE dead_at IS NOT NULL;
