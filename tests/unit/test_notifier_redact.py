"""Issue 13 point 8: a customer's contact never reaches the logs, the sync status or outbox
notes, even when an SNS error message quotes it."""

from __future__ import annotations

from kiosk.cloud.notifier import redact


def test_contacts_are_masked_and_dates_times_and_ids_are_not():
    said = redact("Invalid parameter: PhoneNumber Reason: +91 98765 43210 is not valid; "
                  "9876543210 and asha.rao@example.com bounced at 2026-12-06T04:33:28; "
                  "booking 01a24980992c row 12 on 127.0.0.1:51033")
    assert "98765" not in said and "9876543210" not in said and "asha" not in said
    assert said.startswith("Invalid parameter: PhoneNumber Reason: [phone] is not valid")
    assert "[phone] and [e-mail] bounced at 2026-12-06T04:33:28" in said
    assert "booking 01a24980992c row 12 on 127.0.0.1:51033" in said
