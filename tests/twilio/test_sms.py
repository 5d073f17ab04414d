from sqlalchemy import func, select

from hotline.db import db
from hotline.models import Report, ReportEvent
from tests.conftest import stored_reports


def sms(sid="SM" + "a" * 32, body="needles all over the swings in Max Roach park", **extra):
    return {"MessageSid": sid, "AccountSid": "AC" + "0" * 32, "From": "+447700900123",
            "To": "+448000000000", "Body": body, "FromCity": "LONDON", "FromZip": "SW9",
            **extra}


def test_signed_sms_is_stored_classified_and_answered_with_a_reference(app, twilio_post):
    response = twilio_post("/twilio/sms", sms())
    assert response.status_code == 200
    assert response.mimetype == "text/xml"
    [report] = stored_reports(app)
    assert report.reference in response.get_data(as_text=True)
    assert report.category == "environment"
    assert report.queue_slug == "council"
    assert report.channel == "sms"


def test_unsigned_sms_is_refused_and_not_stored(app, client):
    response = client.post("/twilio/sms", data=sms())
    assert response.status_code == 403
    assert stored_reports(app) == []


def test_sms_signed_with_another_token_is_refused(app, twilio_post):
    assert twilio_post("/twilio/sms", sms(), token="not-our-token").status_code == 403
    assert stored_reports(app) == []


def test_tampered_sms_is_refused(app, client):
    from tests.conftest import twilio_signature

    signature = twilio_signature("/twilio/sms", sms())
    tampered = sms(body="something else entirely")
    response = client.post("/twilio/sms", data=tampered,
                           headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403


def test_retried_message_sid_does_not_create_a_second_report(app, twilio_post):
    first = twilio_post("/twilio/sms", sms())
    second = twilio_post("/twilio/sms", sms())
    assert second.status_code == 200
    [report] = stored_reports(app)
    assert report.reference in first.get_data(as_text=True)
    assert report.reference in second.get_data(as_text=True)


def test_sms_report_keeps_nothing_that_identifies_the_sender(app, twilio_post):
    body = "they shot food from the blue car outside no 12 every night"
    twilio_post("/twilio/sms", sms(sid="SM" + "b" * 32, body=body))
    [report] = stored_reports(app)
    assert report.category == "intelligence"
    stored = " ".join(str(value) for value in vars(report).values())
    for secret in ("+447700900123", "7700900123", "SM" + "b" * 32, "LONDON", "SW9"):
        assert secret not in stored
    with app.app_context():
        history = " ".join(e.note for e in db.session.scalars(select(ReportEvent)))
    assert "7700900123" not in history


def test_stop_keyword_is_not_a_report(app, twilio_post):
    response = twilio_post("/twilio/sms", sms(body="STOP"))
    assert response.status_code == 200
    assert "<Message>" not in response.get_data(as_text=True)
    assert stored_reports(app) == []


def test_help_keyword_gets_information(app, twilio_post):
    response = twilio_post("/twilio/sms", sms(body="help"))
    assert "999" in response.get_data(as_text=True)
    assert stored_reports(app) == []


def test_empty_sms_gets_a_polite_answer(app, twilio_post):
    response = twilio_post("/twilio/sms", sms(body="   "))
    assert response.status_code == 200
    assert "Please text" in response.get_data(as_text=True)
    assert stored_reports(app) == []


def test_sms_without_message_sid_is_a_clear_400(app, twilio_post):
    data = sms()
    del data["MessageSid"]
    response = twilio_post("/twilio/sms", data)
    assert response.status_code == 400
    assert "MessageSid" in response.get_data(as_text=True)


def test_sms_with_no_from_is_still_taken(app, twilio_post):
    data = sms()
    del data["From"]
    assert twilio_post("/twilio/sms", data).status_code == 200
    assert len(stored_reports(app)) == 1


def test_urgent_sms_is_told_to_call_999(app, twilio_post):
    response = twilio_post("/twilio/sms", sms(
        body="my mate has collapsed on the stairs not breathing lips going blue after a hit"))
    [report] = stored_reports(app)
    assert report.urgent
    assert "999" in response.get_data(as_text=True)


def test_report_is_kept_when_classification_fails(app, twilio_post, monkeypatch):
    class Broken:
        def classify(self, text, channel):
            raise RuntimeError("model exploded")

    monkeypatch.setitem(app.extensions, "hotline.classifier", Broken())
    response = twilio_post("/twilio/sms", sms())
    assert response.status_code == 200
    [report] = stored_reports(app)
    assert report.classification_state == "failed"
    assert report.reference in response.get_data(as_text=True)
    assert report.body.startswith("needles")


def test_history_starts_with_received_and_routed(app, twilio_post):
    twilio_post("/twilio/sms", sms())
    with app.app_context():
        kinds = db.session.scalars(select(ReportEvent.kind).order_by(ReportEvent.id)).all()
        assert kinds == ["received", "routed"]
        assert db.session.scalar(select(func.count(Report.id))) == 1


def test_replying_needs_no_outbound_call_to_twilio(app, twilio_post):
    """The reply travels back as TwiML: no REST call, so no number has to be kept to reply.
    `responses` fails any HTTP request the SDK (or anything else) tries to make."""
    import responses

    with responses.RequestsMock(assert_all_requests_are_fired=False) as network:
        response = twilio_post("/twilio/sms", sms())
        assert response.status_code == 200
        assert "<Message>" in response.get_data(as_text=True)
        assert len(network.calls) == 0
