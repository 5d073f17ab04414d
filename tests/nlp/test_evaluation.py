"""Evaluation arithmetic and the model card, with a stand-in classifier whose answers are known."""

import json

from hotline.nlp import model_card
from hotline.nlp.classifier import Classification
from hotline.nlp.dataset import Example
from hotline.nlp.evaluation import Scores, evaluate, noise_alarms, read_noise


class ScriptedClassifier:
    """Answers from a table, so every figure below can be worked out by hand."""

    def __init__(self, answers: dict[str, Classification]):
        self.answers = answers

    def classify_many(self, texts, channels=None):
        return [self.answers[text] for text in texts]


def answer(category: str, urgent: bool = False, language: str = "en",
           borough: str | None = None) -> Classification:
    return Classification(category=category, also=(), urgent=urgent, language=language,
                          borough=borough, confidence=0.9)


def test_macro_f1_averages_the_labels_that_occur():
    scores = Scores()
    for truth, predicted in [("environment", "environment"), ("environment", "other"),
                             ("other", "other")]:
        scores.add(truth, predicted)
    # environment: P 1, R 0.5, F1 2/3; other: P 0.5, R 1, F1 2/3.
    assert abs(scores.macro_f1() - 2 / 3) < 1e-9
    assert scores.prf("treatment") == (0.0, 0.0, 0.0)


def test_evaluate_counts_urgent_borough_and_language():
    examples = [
        Example("needles by the swings", "environment", "en", urgent=True, borough="Lambeth"),
        Example("igły", "environment", "pl"),
        Example("hello", "other", "en"),
    ]
    classifier = ScriptedClassifier({
        "needles by the swings": answer("environment", urgent=True, borough="Lambeth"),
        "igły": answer("environment", language="en", borough="Hackney"),
        "hello": answer("treatment", urgent=True),
    })
    result = evaluate(classifier, examples)
    assert result["urgent"]["recall"] == 1.0
    assert result["urgent"]["precision"] == 0.5
    assert result["borough"]["accuracy_where_given"] == 1.0
    assert result["borough"]["false_when_absent"] == 0.5
    assert abs(result["language_id"] - 2 / 3) < 1e-9
    assert result["confusion"]["other"]["treatment"] == 1


def test_noise_is_read_from_every_set_and_counted_per_set_and_language(tmp_path):
    rows = {"noise.jsonl": [("running late", "en"), ("spóźnię się", "pl")],
            "noise-2.jsonl": [("wrong number", "en")]}
    for name, lines in rows.items():
        (tmp_path / name).write_text("\n".join(
            json.dumps({"text": text, "language": lang, "channel": "sms"}) for text, lang in lines))
    examples = read_noise(tmp_path)
    classifier = ScriptedClassifier({
        "running late": answer("other"),
        "spóźnię się": answer("treatment", urgent=True),
        "wrong number": answer("intelligence"),
    })
    result = noise_alarms(classifier, examples)
    assert result["examples"] == 3
    assert abs(result["routed_to_an_agency"] - 2 / 3) < 1e-9
    assert abs(result["marked_urgent"] - 1 / 3) < 1e-9
    assert result["sets"]["noise.jsonl"]["routed"] == 0.5
    assert result["sets"]["noise-2.jsonl"]["routed"] == 1.0
    assert result["languages"]["pl"] == {"examples": 1, "routed": 1.0, "urgent": 1.0}


def test_model_card_says_which_targets_are_missed():
    examples = [Example("needles", "environment", "en", urgent=True), Example("hi", "other", "en")]
    dev = evaluate(ScriptedClassifier({"needles": answer("environment"), "hi": answer("other")}),
                   examples)
    noise = {"examples": 1, "routed_to_an_agency": 1.0, "marked_urgent": 0.0,
             "sets": {"noise-2.jsonl": {"examples": 1, "routed": 1.0, "urgent": 0.0}},
             "languages": {"en": {"examples": 1, "routed": 1.0, "urgent": 0.0}}}
    card = model_card.render(dev, noise, {"examples": 2, "seed": 0, "seconds": 1.0,
                                         "thresholds": {"also": 0.5, "urgent": 0.1,
                                                        "route": 0.5}})
    assert "| Macro-F1, all languages | >= 0.90 | 1.000 | yes |" in card
    assert "| Urgent recall | >= 0.98 | 0.000 | **no** |" in card
    assert "| noise-2.jsonl: written later" in card
