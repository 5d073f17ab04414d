"""Bad input gets a clear 4xx or a polite TwiML answer, never a 500."""

import pytest

from tests.conftest import stored_reports, twilio_signature
from tests.twilio.test_sms import sms


@pytest.mark.parametrize("path", ["/twilio/sms", "/twilio/voice", "/twilio/voice/report",
                                  "/report", "/staff/login"])
def test_ten_megabyte_body_is_refused_with_413(client, path):
    response = client.post(path, data=b"x" * (10 * 1024 * 1024),
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413


def test_invalid_utf8_in_an_sms_gets_a_reply_not_an_error(app, client):
    # Twilio percent-encodes the body; Werkzeug keeps undecodable escapes as text.
    raw = b"MessageSid=SMbad&Body=needles+%FF%FE+in+the+park"
    form = {"MessageSid": "SMbad", "Body": "needles %FF%FE in the park"}
    signature = twilio_signature("/twilio/sms", form)
    response = client.post("/twilio/sms", data=raw, headers={"X-Twilio-Signature": signature},
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert len(stored_reports(app)) == 1


def test_raw_invalid_utf8_body_is_a_4xx_not_a_500(app, client):
    raw = b"MessageSid=SMbad&Body=needles+\xff\xfe+in+the+park"
    signature = twilio_signature("/twilio/sms", {})
    response = client.post("/twilio/sms", data=raw, headers={"X-Twilio-Signature": signature},
                           content_type="application/x-www-form-urlencoded")
    assert 400 <= response.status_code < 500
    assert stored_reports(app) == []


def test_nul_and_control_characters_are_dropped_before_storing(app, twilio_post):
    response = twilio_post("/twilio/sms", sms(body="needles\x00 by the\x07 swings"))
    assert response.status_code == 200
    [report] = stored_reports(app)
    assert report.body == "needles by the swings"


def test_very_long_sms_is_kept_up_to_the_limit(app, twilio_post):
    assert twilio_post("/twilio/sms", sms(body="needles " * 1000)).status_code == 200
    [report] = stored_reports(app)
    assert len(report.body) <= 2000


def test_get_on_a_webhook_is_405_not_500(client):
    assert client.get("/twilio/sms").status_code == 405


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "There is nothing here" in response.get_data(as_text=True)


def test_malformed_signature_header_is_403(client):
    response = client.post("/twilio/sms", data=sms(), headers={"X-Twilio-Signature": "%%%"})
    assert response.status_code == 403


def test_staff_report_id_that_is_not_a_number_is_404(client, login):
    login("police")
    assert client.get("/staff/reports/abc").status_code == 404
    assert client.get("/staff/reports/999999").status_code == 404


def test_access_log_lines_do_not_keep_the_client_address(app):
    import logging

    from hotline.app import DropClientAddress

    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1,
                               '203.0.113.9 - - [24/Nov/2026 14:57:30] "POST /report" 302 -',
                               (), None)
    assert DropClientAddress().filter(record)
    assert "203.0.113.9" not in record.getMessage()
    assert logging.getLogger("werkzeug").filters
