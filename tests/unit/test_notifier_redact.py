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


def test_an_sms_goes_to_the_phone_transactional_from_the_configured_sender():
    from kiosk.cloud.notifier import Message, deliver

    sent: list[dict] = []

    class FakeSns:  # what SNS is asked to do; the moto tests check the delivery itself
        def publish(self, **request):
            sent.append(request)
            return {"MessageId": "m-1"}

    assert deliver(FakeSns(), "arn:topic", Message("Head", "Body", {}, "+919876543210"),
                   "BOXOFF") == "m-1"
    [request] = sent
    assert request["PhoneNumber"] == "+919876543210" and "TopicArn" not in request
    assert request["Message"] == "Head\nBody"
    attributes = request["MessageAttributes"]
    assert attributes["AWS.SNS.SMS.SMSType"]["StringValue"] == "Transactional"
    assert attributes["AWS.SNS.SMS.SenderID"]["StringValue"] == "BOXOFF"


def test_a_sender_id_is_checked_where_the_config_is_read():
    import pytest

    from kiosk.config import CloudConfig, Config, validate
    from kiosk.domain.errors import ConfigError

    assert validate(Config(cloud=CloudConfig(sms_sender_id="BoxOffice1")))
    for bad in ("TOOLONGSENDER", "12345", "Box Office"):
        with pytest.raises(ConfigError, match="sms_sender_id"):
            validate(Config(cloud=CloudConfig(sms_sender_id=bad)))
