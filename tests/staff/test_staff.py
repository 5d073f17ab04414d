import pytest

from hotline.db import db
from hotline.models import Report, ReportEvent
from tests.conftest import csrf_token, stored_reports
from tests.twilio.test_sms import sms


@pytest.fixture
def reports(twilio_post, app):
    """One report for each of council, drug service and police (in that order)."""
    bodies = ["needles all over the swings in the park",
              "my son is using heroin and I need help to get him into treatment",
              "they deal crack from the flat above the chicken shop every night"]
    for number, body in enumerate(bodies):
        twilio_post("/twilio/sms", sms(sid=f"SM{number:032d}", body=body))
    found = stored_reports(app)
    assert [r.queue_slug for r in found] == ["council", "drugservice", "police"]
    return found


def test_queue_needs_login(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert "/staff/login" in response.headers["Location"]


def test_wrong_password_is_refused(client):
    page = client.get("/staff/login").get_data(as_text=True)
    response = client.post("/staff/login", data={
        "email": "police@demo.hotline.invalid", "password": "guess",
        "csrf_token": csrf_token(page)})
    assert response.status_code == 400
    assert "do not match" in response.get_data(as_text=True)


def test_login_without_csrf_is_refused(client):
    response = client.post("/staff/login", data={"email": "police@demo.hotline.invalid",
                                                  "password": "x"})
    assert response.status_code == 400


def test_staff_see_only_their_agency_queue(client, login, reports):
    login("council")
    page = client.get("/staff/").get_data(as_text=True)
    assert reports[0].reference in page
    assert reports[1].reference not in page
    assert reports[2].reference not in page


@pytest.mark.parametrize("agency, index", [("council", 2), ("drugservice", 2), ("police", 0),
                                           ("forum", 1)])
def test_staff_cannot_open_another_agency_report(client, login, reports, agency, index):
    login(agency)
    assert client.get(f"/staff/reports/{reports[index].id}").status_code == 404
    page = client.get("/staff/reports/1").get_data(as_text=True)
    token = csrf_token(client.get("/staff/login").get_data(as_text=True))
    response = client.post(f"/staff/reports/{reports[index].id}/status",
                           data={"status-status": "closed", "status-note": "x",
                                 "status-csrf_token": token})
    assert response.status_code == 404
    assert page is not None


def test_urgent_reports_come_first_then_oldest(app, client, login, twilio_post):
    twilio_post("/twilio/sms", sms(sid="SM1", body="needles by the bins again"))
    twilio_post("/twilio/sms", sms(sid="SM2", body="old needle on the path near the garages"))
    twilio_post("/twilio/sms", sms(
        sid="SM3",
        body="a little boy just picked up a needle in the playground and pricked his hand"))
    found = stored_reports(app)
    assert [r.urgent for r in found] == [False, False, True]
    login("council")
    page = client.get("/staff/").get_data(as_text=True)
    positions = [page.index(r.reference) for r in found]
    assert positions[2] < positions[0] < positions[1]


def test_filters_by_status_and_borough(app, client, login, twilio_post):
    twilio_post("/twilio/sms", sms(sid="SM1", body="needles outside Brixton station"))
    twilio_post("/twilio/sms", sms(sid="SM2", body="needles in the alley, no idea of the name"))
    lambeth, unknown = stored_reports(app)
    login("council")
    page = client.get("/staff/?borough=Lambeth").get_data(as_text=True)
    assert lambeth.reference in page and unknown.reference not in page
    page = client.get("/staff/?status=closed").get_data(as_text=True)
    assert lambeth.reference not in page
    assert client.get("/staff/?status=bogus").status_code == 400


def work(client, report_id, status, note):
    page = client.get(f"/staff/reports/{report_id}").get_data(as_text=True)
    return client.post(f"/staff/reports/{report_id}/status", data={
        "status-status": status, "status-note": note,
        "status-csrf_token": csrf_token(page)})


def test_status_workflow_records_each_step_with_a_note(app, client, login, reports):
    login("police")
    report = reports[2]
    assert work(client, report.id, "acknowledged", "passed to the SNT").status_code == 302
    assert work(client, report.id, "actioned", "warrant executed").status_code == 302
    with app.app_context():
        stored = db.session.get(Report, report.id)
        assert stored.status == "actioned"
        steps = [(e.from_status, e.to_status, e.note) for e in stored.history if e.kind == "status"]
    assert steps == [("new", "acknowledged", "passed to the SNT"),
                     ("acknowledged", "actioned", "warrant executed")]
    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "warrant executed" in page


def test_workflow_refuses_skipping_steps_and_empty_notes(app, client, login, reports):
    login("police")
    report = reports[2]
    assert work(client, report.id, "actioned", "too soon").status_code == 400
    assert work(client, report.id, "acknowledged", "").status_code == 400
    with app.app_context():
        assert db.session.get(Report, report.id).status == "new"


def test_reroute_moves_report_and_records_history(app, client, login, reports):
    login("council")
    report = reports[0]
    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    response = client.post(f"/staff/reports/{report.id}/reroute", data={
        "reroute-queue": "police", "reroute-note": "this is about dealing, not litter",
        "reroute-csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert client.get(f"/staff/reports/{report.id}").status_code == 404
    with app.app_context():
        moved = db.session.get(Report, report.id)
        assert moved.queue.slug == "police"
        event = db.session.scalars(db.select(ReportEvent).where(
            ReportEvent.kind == "rerouted")).one()
        assert event.note == "this is about dealing, not litter"
        assert event.from_queue.slug == "council"


def test_login_does_not_redirect_off_site(client):
    page = client.get("/staff/login?next=https://evil.example/").get_data(as_text=True)
    response = client.post("/staff/login?next=https://evil.example/", data={
        "email": "forum@demo.hotline.invalid", "password": "correct horse battery staple",
        "next": "https://evil.example/", "csrf_token": csrf_token(page)})
    assert response.headers["Location"].endswith("/staff/")


def test_report_text_with_script_is_escaped_for_staff(app, client, login, twilio_post):
    twilio_post("/twilio/sms", sms(sid="SMX",
                                   body="<script>alert('x')</script> needles on the stairs"))
    [report] = stored_reports(app)
    login("council")
    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
