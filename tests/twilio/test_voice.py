from tests.conftest import stored_reports

CALL = {"CallSid": "CA" + "c" * 32, "AccountSid": "AC" + "0" * 32, "From": "+447700900555",
        "To": "+448000000000", "CallerName": "J SMITH", "FromCity": "LONDON"}


def test_call_is_greeted_with_a_speech_and_keypad_gather(twilio_post):
    response = twilio_post("/twilio/voice", CALL)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert '<Gather action="/twilio/voice/report"' in body
    assert 'input="speech dtmf"' in body
    assert 'language="en-GB"' in body
    assert "999" in body or "nine nine nine" in body


def test_unsigned_call_is_refused(client):
    assert client.post("/twilio/voice", data=CALL).status_code == 403
    assert client.post("/twilio/voice/report", data=CALL).status_code == 403


def test_spoken_report_is_stored_routed_and_reference_read_back(app, twilio_post):
    data = {**CALL, "SpeechResult": "there's a crack house at number 40 they deal all night",
            "Confidence": "0.91"}
    response = twilio_post("/twilio/voice/report", data)
    assert response.status_code == 200
    [report] = stored_reports(app)
    assert report.channel == "voice"
    assert report.queue_slug == "police"
    body = response.get_data(as_text=True)
    spelled = " ".join(f"{c}." for c in report.reference if c.isalnum())
    assert spelled in body
    assert "<Hangup" in body
    stored = " ".join(str(v) for v in vars(report).values())
    assert "7700900555" not in stored and "SMITH" not in stored


def test_keypad_choice_asks_for_speech_and_keeps_the_category(app, twilio_post):
    response = twilio_post("/twilio/voice/report", {**CALL, "Digits": "2"})
    body = response.get_data(as_text=True)
    assert "category=treatment" in body
    assert stored_reports(app) == []
    path = "/twilio/voice/report?category=treatment"
    twilio_post(path, {**CALL, "SpeechResult": "um it's about my brother"})
    [report] = stored_reports(app)
    assert report.category == "treatment"
    assert report.chosen_category == "treatment"


def test_silence_is_asked_again_then_goodbye(app, twilio_post):
    first = twilio_post("/twilio/voice/report?attempt=1", CALL).get_data(as_text=True)
    assert "<Gather" in first
    second = twilio_post("/twilio/voice/report?attempt=2", CALL).get_data(as_text=True)
    assert "<Hangup" in second
    assert stored_reports(app) == []


def test_repeated_call_webhook_keeps_one_report(app, twilio_post):
    data = {**CALL, "SpeechResult": "needles in the bin store of the estate"}
    twilio_post("/twilio/voice/report", data)
    twilio_post("/twilio/voice/report", data)
    assert len(stored_reports(app)) == 1


def test_call_without_call_sid_is_a_400(twilio_post):
    data = {k: v for k, v in CALL.items() if k != "CallSid"}
    assert twilio_post("/twilio/voice/report", {**data, "SpeechResult": "hi"}).status_code == 400
