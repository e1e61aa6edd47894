-- The shared catalogue (kiosk.cloud.catalogue_sync): this device's copy of each CINEMA#<cinema>
-- item as it last agreed with the cloud (pulled, or published from here). A local record whose
-- canonical JSON differs from ``body`` is a manager's edit not published yet: a pull never
-- overwrites it, and its publish is conditional on ``version`` (no silent overwrite either way).
-- ``problem``: why the cloud's newer copy could not be used (bad JSON, failed validation, unknown
-- kind); the local tables keep the last good copy meanwhile, and the sync status lists it.
CREATE TABLE catalogue_items (
    cinema_id  TEXT NOT NULL,
    sk         TEXT NOT NULL,                -- INFO | HALL#<id> | FILM#<id> | PRICES#<id> | ...
    version    INTEGER NOT NULL DEFAULT 0,   -- the cinema version that last changed it (0 = never)
    body       TEXT NOT NULL DEFAULT '',     -- canonical JSON of the last good copy
    updated_at TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT '',     -- staff number of the manager who published it
    problem    TEXT NOT NULL DEFAULT '',
    problem_version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cinema_id, sk)
) WITHOUT ROWID;
