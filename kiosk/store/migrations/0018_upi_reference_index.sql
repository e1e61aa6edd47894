-- A UPI reference (UTR) pays one sale once (issue 12 review): a confirm with UPI looks it up
-- among the UPI tenders. Partial, so card and cash tenders (most of them) cost no extra index
-- write on the confirm path.
CREATE INDEX upi_tenders_by_reference ON booking_tenders (reference) WHERE kind = 'upi';
