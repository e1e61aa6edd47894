-- Reports area. Measured on a generated 1,000,000-booking database (kiosk bench, core section):
-- the daily report reads one business date through bookings_by_date / refunds_by_date and the
-- booking_seats primary key; a covering index on bookings gained ~10 % and would cost every
-- confirm a second copy of the row, so it is not added.
-- Exchange credits and a booking's refund history look refunds up by booking: without this
-- index each lookup scans the whole refunds table.
CREATE INDEX IF NOT EXISTS refunds_by_booking ON refunds (booking_id);
