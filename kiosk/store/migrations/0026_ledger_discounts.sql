-- Each offer's discount line of another device's booking, pulled with the day (issue 12): the
-- manager's "Offers and promo codes" table counts every device's offers, not only its own. The
-- booking item carries them as ``discounts`` (kiosk.cloud.ledger).
CREATE TABLE ledger_booking_discounts (
    booking_id   TEXT NOT NULL,
    offer_id     TEXT NOT NULL,
    label        TEXT NOT NULL,
    code         TEXT NOT NULL DEFAULT '',
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (booking_id, offer_id)
) WITHOUT ROWID;
