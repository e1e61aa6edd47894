-- Tamper-evident audit log (issue 11, must-build 8; kiosk.store.audit_chain).
--
-- Each row carries prev_hash (the previous row's hash, '' for the first) and hash =
-- audit_hash(prev_hash, id, at, staff_id, kiosk_id, action, target, ok, detail), a SHA-256
-- computed by the application function every kiosk connection registers. The trigger links a
-- new row to the row with the highest id before it, inside the inserting statement and so
-- under the writer's lock: concurrent writers still form one chain. A trigger body is not a
-- statement of its own, so the confirm hot path keeps its statement budget.
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;

-- Rows written before this migration are chained now, in id order.
CREATE TEMP TABLE audit_chain_order AS
    SELECT row_number() OVER (ORDER BY id) AS n, id, at, staff_id, kiosk_id, action, target, ok,
           detail
    FROM audit;
CREATE UNIQUE INDEX temp.audit_chain_order_n ON audit_chain_order (n);
CREATE TEMP TABLE audit_chain_links AS
    WITH RECURSIVE link(n, id, prev_hash, hash) AS (
        SELECT n, id, '', audit_hash('', id, at, staff_id, kiosk_id, action, target, ok, detail)
        FROM audit_chain_order WHERE n = 1
        UNION ALL
        SELECT o.n, o.id, link.hash,
               audit_hash(link.hash, o.id, o.at, o.staff_id, o.kiosk_id, o.action, o.target,
                          o.ok, o.detail)
        FROM link JOIN audit_chain_order o ON o.n = link.n + 1
    )
    SELECT id, prev_hash, hash FROM link;
UPDATE audit SET prev_hash = l.prev_hash, hash = l.hash
    FROM audit_chain_links l WHERE l.id = audit.id;
DROP TABLE temp.audit_chain_links;
DROP TABLE temp.audit_chain_order;

CREATE TRIGGER audit_chain_link AFTER INSERT ON audit
BEGIN
    UPDATE audit
    SET prev_hash = coalesce((SELECT p.hash FROM audit p WHERE p.id < NEW.id
                              ORDER BY p.id DESC LIMIT 1), ''),
        hash = audit_hash(coalesce((SELECT p.hash FROM audit p WHERE p.id < NEW.id
                                    ORDER BY p.id DESC LIMIT 1), ''),
                          NEW.id, NEW.at, NEW.staff_id, NEW.kiosk_id, NEW.action, NEW.target,
                          NEW.ok, NEW.detail)
    WHERE id = NEW.id;
END;

-- A per-install secret for kiosk.services.audit.pseudonym: an unknown staff number (often a PIN
-- typed into the wrong box) is audited as a keyed hash of what was typed, never the digits, so
-- repeated tries can still be counted for the lockout. Made here so a refused sign-in never has
-- to write anything but its audit row.
INSERT OR IGNORE INTO settings (key, value) VALUES ('audit_pseudonym_key', lower(hex(randomblob(32))));
