"""End to end through the test client: a text reaches the police queue and is worked."""

import json

from tests.conftest import csrf_token
from tests.twilio.test_sms import sms


def listed(runner) -> list[dict]:
    output = runner.invoke(args=["reports", "--json"]).output
    return [json.loads(line) for line in output.splitlines()]


def test_sms_reaches_police_queue_and_staff_action_it(client, login, runner, twilio_post):
    reply = twilio_post("/twilio/sms", sms(
        sid="SM" + "f" * 32, body="trap house at 22 Railton Rd, runners in and out all night"))
    assert reply.status_code == 200
    [row] = listed(runner)
    assert row["queue"] == "police" and row["status"] == "new"
    assert row["reference"] in reply.get_data(as_text=True)

    login("police")
    queue_page = client.get("/staff/").get_data(as_text=True)
    assert row["reference"] in queue_page
    for status, note in [("acknowledged", "logged for the SNT"),
                         ("actioned", "address visited, closure order applied for")]:
        page = client.get(f"/staff/reports/{row['id']}").get_data(as_text=True)
        response = client.post(f"/staff/reports/{row['id']}/status", data={
            "status-status": status, "status-note": note, "status-csrf_token": csrf_token(page)})
        assert response.status_code == 302

    [after] = listed(runner)
    assert after["status"] == "actioned"
