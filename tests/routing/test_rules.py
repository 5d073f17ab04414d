import pytest

from hotline.config import PACKAGE_DIR
from hotline.routing import RulesError, decide, load_deployment, parse_deployment

BRIXTON = load_deployment(PACKAGE_DIR / "deployments" / "brixton.toml")


@pytest.mark.parametrize("category, queue", [
    ("environment", "council"), ("treatment", "drugservice"),
    ("intelligence", "police"), ("other", "forum"),
])
def test_each_category_goes_to_its_agency(category, queue):
    assert decide(category, (), False, None, BRIXTON).queue == queue


def test_needle_report_in_southwark_goes_to_southwark_council():
    assert decide("environment", (), False, "Southwark", BRIXTON).queue == "southwark-council"


def test_report_from_a_borough_nobody_covers_goes_to_the_fallback_queue():
    assert decide("environment", (), False, "Barnet", BRIXTON).queue == "council"


def test_also_categories_become_suggested_queues_not_copies():
    decision = decide("intelligence", ("environment", "other", "intelligence"), True,
                      "Lambeth", BRIXTON)
    assert decision.queue == "police"
    assert decision.suggested == ("council",)
    assert decision.queues == ["police", "council"]
    assert decision.urgent


def deployment(queues):
    return {"deployment": {"name": "t"},
            "agencies": [{"slug": "a", "name": "A", "queues": queues}]}


def test_deployment_must_have_a_fallback_for_every_category():
    with pytest.raises(RulesError, match="other"):
        parse_deployment(deployment([
            {"slug": "q", "name": "Q", "categories": ["environment", "treatment", "intelligence"]},
        ]))


def test_deployment_rejects_unknown_categories():
    with pytest.raises(RulesError, match="unknown"):
        parse_deployment(deployment([{"slug": "q", "name": "Q", "categories": ["weather"]}]))


def test_deployment_reports_missing_keys_clearly():
    with pytest.raises(RulesError, match="missing"):
        parse_deployment({"deployment": {"name": "t"}})


def test_another_borough_sets_up_with_a_file_only(tmp_path):
    path = tmp_path / "hackney.toml"
    path.write_text('''
[deployment]
name = "Hackney"
reference_prefix = "HK"
[[agencies]]
slug = "hackney"
name = "Hackney Council"
queues = [{ slug = "hk-env", name = "Env", categories = ["environment", "other"] },
          { slug = "hk-help", name = "Help", categories = ["treatment"] },
          { slug = "hk-police", name = "Police", categories = ["intelligence"] }]
''')
    hackney = load_deployment(path)
    assert hackney.reference_prefix == "HK"
    assert decide("other", (), False, None, hackney).queue == "hk-env"
