-- Tickets printed on this device (issue 13 points 1 and 4): every print of a booking's tickets,
-- at the sale, a reprint, or a collection of a booking made elsewhere (the web, another kiosk).
-- A print is recorded only after the printer took the whole job. ``collections``: the first
-- collection of a booking at this device (the cloud's COLLECT# item is the one across devices);
-- a second collection is refused unless a manager reprints (audited).
CREATE TABLE ticket_prints (
    id          INTEGER PRIMARY KEY,
    booking_id  TEXT NOT NULL,
    reference   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('sale', 'reprint', 'collect')),
    device      TEXT NOT NULL,          -- thermal | pdf | desktop
    tickets     INTEGER NOT NULL,
    kiosk_id    TEXT NOT NULL,
    staff_id    INTEGER,
    printed_at  TEXT NOT NULL
);
CREATE INDEX ticket_prints_by_booking ON ticket_prints (booking_id);

CREATE TABLE collections (
    booking_id   TEXT PRIMARY KEY,
    reference    TEXT NOT NULL,
    kiosk_id     TEXT NOT NULL,
    staff_id     INTEGER,
    collected_at TEXT NOT NULL
) WITHOUT ROWID;
