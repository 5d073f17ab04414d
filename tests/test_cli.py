import json

from hotline.cli import classify_lines, parse_classify_line
from tests.twilio.test_sms import sms


def run_classify(runner, lines: list[str]):
    result = runner.invoke(args=["classify"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_classify_answers_one_line_per_input_in_order(runner):
    rows = run_classify(runner, [
        json.dumps({"text": "needles in the stairwell", "channel": "sms"}),
        json.dumps({"text": "they sell crack from the blue car every night", "channel": "voice"}),
        json.dumps({"text": "I need help to stop using heroin", "channel": "web", "x": 1}),
    ])
    assert [r["category"] for r in rows] == ["environment", "intelligence", "treatment"]
    assert [r["queues"][0] for r in rows] == ["council", "police", "drugservice"]
    for row in rows:
        assert 0 <= row["confidence"] <= 1
        assert set(row) >= {"category", "also", "urgent", "language", "borough", "confidence",
                            "queues"}


def test_invalid_lines_get_an_error_and_the_rest_continue(runner):
    rows = run_classify(runner, [
        "not json",
        json.dumps({"channel": "sms"}),
        json.dumps(["a list"]),
        json.dumps({"text": "needles", "channel": "fax"}),
        json.dumps({"text": "needles by the bins"}),
    ])
    assert [("error" in r) for r in rows] == [True, True, True, True, False]
    assert rows[-1]["category"] == "environment"


def test_blank_lines_keep_output_aligned_with_input(runner):
    rows = run_classify(runner, [json.dumps({"text": "needles"}), "", json.dumps({"text": "hi"})])
    assert len(rows) == 3
    assert rows[1] == {"error": "empty line"}


def test_empty_input_gives_empty_output(runner):
    result = runner.invoke(args=["classify"], input="")
    assert result.exit_code == 0
    assert result.output == ""


def test_parse_classify_line_defaults_channel_to_sms():
    assert parse_classify_line('{"text": "hi"}') == ("hi", "sms")


def test_classify_lines_uses_routing_for_queues(app):
    class Fixed:
        def classify_many(self, texts, channels):
            from hotline.nlp.classifier import Classification
            return [Classification("environment", ("intelligence",), False, "en", "Southwark", 0.9)
                    for _ in texts]

    rows = classify_lines(['{"text": "x"}'], Fixed(), app.extensions["hotline.deployment"])
    assert rows[0]["queues"] == ["southwark-council", "police"]


def test_reports_lists_newest_first_as_json(runner, twilio_post):
    twilio_post("/twilio/sms", sms(sid="SM1", body="needles by the swings"))
    twilio_post("/twilio/sms", sms(sid="SM2", body="they deal from flat 3 every night"))
    result = runner.invoke(args=["reports", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["queue"] for r in rows] == ["police", "council"]
    assert set(rows[0]) == {"id", "reference", "channel", "category", "queue", "urgent",
                            "language", "borough", "status", "created_at"}
    police = runner.invoke(args=["reports", "--queue", "police", "--json"]).output.splitlines()
    assert len(police) == 1
    assert runner.invoke(args=["reports", "--queue", "nowhere"]).exit_code != 0


def test_demo_is_idempotent(runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0
    assert "already loaded" in first.output


def test_reclassify_routes_reports_left_pending(app, runner, twilio_post, monkeypatch):
    class Broken:
        def classify(self, text, channel):
            raise RuntimeError("model not ready")

    holder = app.extensions["hotline.classifier"]
    monkeypatch.setitem(app.extensions, "hotline.classifier", Broken())
    twilio_post("/twilio/sms", sms(sid="SM9", body="needles by the bins"))
    monkeypatch.setitem(app.extensions, "hotline.classifier", holder)
    result = runner.invoke(args=["reclassify"])
    assert "1 report(s)" in result.output
    row = json.loads(runner.invoke(args=["reports", "--json"]).output.splitlines()[0])
    assert row["queue"] == "council"


def test_sync_agencies_follows_the_deployment_file_without_demo_staff(app, runner):
    from hotline.db import db
    from hotline.models import Queue, StaffUser

    with app.app_context():
        staff_before = db.session.scalar(db.select(db.func.count(StaffUser.id)))
    result = runner.invoke(args=["sync-agencies"])
    assert result.exit_code == 0
    with app.app_context():
        slugs = set(db.session.scalars(db.select(Queue.slug)))
        assert slugs == {"council", "southwark-council", "drugservice", "police", "forum"}
        assert db.session.scalar(db.select(db.func.count(StaffUser.id))) == staff_before
