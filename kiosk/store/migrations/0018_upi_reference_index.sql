-- A UPI reference (UTR) pays one sale once (issue 12 review): every confirm with UPI looks it
-- up among the booking tenders; without this index that lookup reads every tender ever taken.
CREATE INDEX booking_tenders_by_reference ON booking_tenders (kind, reference);
