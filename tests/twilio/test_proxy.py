from hotline.app import create_app
from tests.conftest import TWILIO_TOKEN, twilio_signature


def test_signature_made_for_the_public_https_url_passes_behind_a_proxy(
        database_url, classifier_holder, monkeypatch):
    monkeypatch.setenv("PROXY_FIX_HOPS", "1")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url,
                      "TWILIO_AUTH_TOKEN": TWILIO_TOKEN, "CLASSIFIER_HOLDER": classifier_holder})
    data = {"MessageSid": "SM" + "d" * 32, "Body": "STOP"}
    signature = twilio_signature("/twilio/sms", data, base="https://hotline.example.org")
    headers = {"X-Twilio-Signature": signature, "X-Forwarded-Proto": "https",
               "X-Forwarded-Host": "hotline.example.org"}
    client = app.test_client()
    assert client.post("/twilio/sms", data=data, headers=headers).status_code == 200
    # Without the forwarded headers the URL differs, so the same signature fails.
    assert client.post("/twilio/sms", data=data,
                       headers={"X-Twilio-Signature": signature}).status_code == 403
