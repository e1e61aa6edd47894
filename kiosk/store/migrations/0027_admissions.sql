-- Admissions at the door (issue 13 point 2). ``admissions``: what this door admitted, one row
-- per booking (the primary key is the door's own "admitted once"); ``origin`` says whether the
-- cloud's conditional write admitted it ('cloud') or the door admitted it offline from the
-- bookings it pulled beforehand ('offline', sent later by the outbox: ``sent_at``).
-- ``double_admissions``: a booking admitted at two doors while one of them was offline, found when
-- the offline one reconciled; the manager lists them. ``ledger_admissions``: every door's
-- admissions pulled with the day (ADMIT# items of the day index), for the per-show counts.
CREATE TABLE admissions (
    booking_id   TEXT PRIMARY KEY,
    reference    TEXT NOT NULL,
    show_id      TEXT NOT NULL,
    cinema_id    TEXT NOT NULL,
    seats        INTEGER NOT NULL CHECK (seats > 0),
    door         TEXT NOT NULL,
    kiosk_id     TEXT NOT NULL,
    staff_id     INTEGER,
    admitted_at  TEXT NOT NULL,
    origin       TEXT NOT NULL CHECK (origin IN ('local', 'cloud', 'offline')),
    sent_at      TEXT
) WITHOUT ROWID;
CREATE INDEX admissions_by_show ON admissions (show_id);

CREATE TABLE double_admissions (
    booking_id   TEXT NOT NULL,
    reference    TEXT NOT NULL,
    show_id      TEXT NOT NULL,
    first_door   TEXT NOT NULL,
    first_kiosk  TEXT NOT NULL,
    first_at     TEXT NOT NULL,
    second_door  TEXT NOT NULL,
    second_kiosk TEXT NOT NULL,
    second_at    TEXT NOT NULL,
    found_at     TEXT NOT NULL,
    PRIMARY KEY (booking_id, second_kiosk)
) WITHOUT ROWID;

CREATE TABLE ledger_admissions (
    booking_id    TEXT PRIMARY KEY,
    reference     TEXT NOT NULL,
    show_id       TEXT NOT NULL,
    cinema_id     TEXT NOT NULL,
    business_date TEXT NOT NULL,
    seats         INTEGER NOT NULL,
    door          TEXT NOT NULL,
    kiosk_id      TEXT NOT NULL,
    admitted_at   TEXT NOT NULL,
    pulled_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ledger_admissions_by_show ON ledger_admissions (show_id);

-- Every door's admissions once: this device's own rows, and the pulled rows of the others.
CREATE VIEW show_admissions AS
SELECT booking_id, show_id, seats, door, kiosk_id, admitted_at FROM admissions
UNION ALL
SELECT la.booking_id, la.show_id, la.seats, la.door, la.kiosk_id, la.admitted_at
  FROM ledger_admissions la
 WHERE NOT EXISTS (SELECT 1 FROM admissions a WHERE a.booking_id = la.booking_id);
