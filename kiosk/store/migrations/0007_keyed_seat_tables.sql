-- holds and seat_sales are only ever reached through their (show, seat) primary key, so their
-- rows now live in that key's b-tree (WITHOUT ROWID) instead of a rowid table plus a key index:
-- a seat tap (hold) writes one WAL page fewer and a confirm two fewer, ~6 % faster confirms on a
-- counter PC (kiosk bench). The rows are a few dozen bytes, the case WITHOUT ROWID is made for.
-- Nothing reads their rowid: a hold's seats are put in layout order by the code that shows them.
CREATE TABLE holds_next (
    show_id    TEXT NOT NULL REFERENCES shows(id),
    seat_code  TEXT NOT NULL,
    hold_id    TEXT NOT NULL,
    kiosk_id   TEXT NOT NULL,
    expires_at TEXT NOT NULL,               -- UTC
    PRIMARY KEY (show_id, seat_code)
) WITHOUT ROWID;
INSERT INTO holds_next (show_id, seat_code, hold_id, kiosk_id, expires_at)
SELECT show_id, seat_code, hold_id, kiosk_id, expires_at FROM holds;
DROP TABLE holds;
ALTER TABLE holds_next RENAME TO holds;
CREATE INDEX holds_by_hold ON holds (hold_id);

CREATE TABLE seat_sales_next (
    show_id    TEXT NOT NULL REFERENCES shows(id),
    seat_code  TEXT NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings(id),
    PRIMARY KEY (show_id, seat_code)
) WITHOUT ROWID;
INSERT INTO seat_sales_next (show_id, seat_code, booking_id)
SELECT show_id, seat_code, booking_id FROM seat_sales;
DROP TABLE seat_sales;
ALTER TABLE seat_sales_next RENAME TO seat_sales;
