-- Every booking of a show as the cloud has it (issue 13 points 1 and 2): pulled per show from
-- the show's seat items (the seats a booking holds now: a refunded seat is no longer there) and
-- the booking items (reference, state, lines). The door admits from it while offline, and a
-- kiosk finds a booking made elsewhere (the web, another counter) to print its tickets.
-- ``contact_hash``: kiosk.cloud.ledger.contact_hash of the customer's contact, for "collect by
-- phone number"; the contact itself never leaves the selling device.
CREATE TABLE show_tickets (
    booking_id   TEXT PRIMARY KEY,
    reference    TEXT NOT NULL,
    show_id      TEXT NOT NULL,
    cinema_id    TEXT NOT NULL,
    channel      TEXT NOT NULL,
    kiosk_id     TEXT NOT NULL,
    state        TEXT NOT NULL,
    seats        TEXT NOT NULL,            -- JSON list: the seats it holds now
    lines        TEXT NOT NULL,            -- JSON list of ledger lines (seat, types, price, tax)
    currency     TEXT NOT NULL,
    contact_hash TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    pulled_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX show_tickets_by_reference ON show_tickets (reference);
CREATE INDEX show_tickets_by_show ON show_tickets (show_id);
CREATE INDEX show_tickets_by_contact ON show_tickets (contact_hash) WHERE contact_hash <> '';
