-- Indexes on the columns that point at a booking and had none (issue 15).
--
-- With the report sums' triggers (0032, 0033) a sale's INSERT INTO bookings is a statement that
-- writes several tables, so SQLite compiles the foreign-key checks of the parent row into it:
-- a look for child rows in every table that references bookings. SQLite runs that look only while
-- deferred foreign-key violations are outstanding (never on a normal sale), but without an index
-- it would be a scan of the whole table, and a plan with a scan is what
-- tests/unit/test_booking_perf_shape.py refuses. These make every such look an index search, and
-- a booking's deletion (restore, tests) cheap too. seat_sales gets its booking index back (0006
-- dropped it to keep a confirm lean): one more B-tree entry per seat sold.
CREATE INDEX IF NOT EXISTS seat_sales_by_booking ON seat_sales (booking_id);
CREATE INDEX IF NOT EXISTS gift_card_moves_by_booking ON gift_card_moves (booking_id)
    WHERE booking_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS booking_tenders_by_carried_from ON booking_tenders (carried_from)
    WHERE carried_from IS NOT NULL;
CREATE INDEX IF NOT EXISTS bookings_by_exchanged_from ON bookings (exchanged_from)
    WHERE exchanged_from IS NOT NULL;
