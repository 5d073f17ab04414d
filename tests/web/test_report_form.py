from tests.conftest import csrf_token, stored_reports


def form_page(client, path="/report"):
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_report_form_works_without_javascript_and_confirms_with_reference(app, client):
    token = csrf_token(form_page(client))
    response = client.post("/report", data={
        "csrf_token": token, "category": "", "body": "Used needles behind the bins",
        "place": "Angell Town estate, SW9"}, follow_redirects=True)
    assert response.status_code == 200
    [report] = stored_reports(app)
    page = response.get_data(as_text=True)
    assert report.reference in page
    assert report.channel == "web"
    assert report.place_text == "Angell Town estate, SW9"
    assert report.borough == "Lambeth"
    assert report.queue_slug == "council"


def test_chosen_category_wins_over_the_classifier(app, client):
    token = csrf_token(form_page(client))
    client.post("/report", data={"csrf_token": token, "category": "intelligence",
                                 "body": "the lights on the stairs are broken"})
    [report] = stored_reports(app)
    assert report.category == "intelligence"
    assert report.queue_slug == "police"


def test_post_without_csrf_token_is_refused_and_not_stored(app, client):
    response = client.post("/report", data={"body": "needles", "category": ""})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)
    assert stored_reports(app) == []


def test_empty_report_is_shown_the_form_again_with_a_message(app, client):
    token = csrf_token(form_page(client))
    response = client.post("/report", data={"csrf_token": token, "body": "   "})
    assert response.status_code == 400
    assert "Please tell us what is happening" in response.get_data(as_text=True)
    assert stored_reports(app) == []


def test_unknown_category_is_refused(app, client):
    token = csrf_token(form_page(client))
    response = client.post("/report", data={"csrf_token": token, "body": "x",
                                            "category": "everything"})
    assert response.status_code == 400
    assert stored_reports(app) == []


def test_script_in_a_report_is_shown_escaped(app, client):
    token = csrf_token(form_page(client))
    client.post("/report", data={"csrf_token": token, "body": "<script>alert(1)</script> needles"})
    [report] = stored_reports(app)
    assert report.body.startswith("<script>")


def test_confirmation_page_needs_a_fresh_report(client):
    response = client.get("/report/received")
    assert response.status_code == 302


def test_arabic_and_urdu_pages_are_right_to_left(client):
    assert 'dir="rtl"' in form_page(client, "/report?lang=ar")
    assert 'dir="rtl"' in form_page(client, "/report?lang=ur")
    assert 'dir="ltr"' in form_page(client, "/report?lang=pl")


def test_web_report_stores_no_ip_address(app, client):
    token = csrf_token(form_page(client))
    client.post("/report", data={"csrf_token": token, "body": "dealing outside the shop"},
                environ_base={"REMOTE_ADDR": "203.0.113.77"})
    [report] = stored_reports(app)
    assert "203.0.113.77" not in " ".join(str(v) for v in vars(report).values())
