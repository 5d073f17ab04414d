"""The classifier wrapper, trained here on a tiny corpus so the test is fast and self-made."""

import json

import pytest

from hotline.nlp.classifier import Classifier, ModelMissing
from hotline.nlp.dataset import Example
from hotline.nlp.pipeline import save_pipeline, train_pipeline
from hotline.nlp.training import train_model, urgent_threshold

TINY = [
    Example("needles all over the swings", "environment", "en"),
    Example("used syringes in the stairwell", "environment", "en"),
    Example("street light broken on the estate", "environment", "en"),
    Example("my son is on heroin please help", "treatment", "en"),
    Example("I want to get clean from crack", "treatment", "en"),
    Example("where is the needle exchange and methadone clinic", "treatment", "en"),
    Example("they deal crack from flat 4 every night", "intelligence", "en"),
    Example("blue car sells drugs outside the school", "intelligence", "en"),
    Example("runners on bikes dropping packages at the shop", "intelligence", "en"),
    Example("hi is this the right number for the meeting", "other", "en"),
    Example("you have won a prize click here", "other", "en"),
    Example("thanks for the leaflet", "other", "en"),
    Example("he overdosed and is not breathing", "treatment", "en", urgent=True),
    Example("igły na placu zabaw", "environment", "pl"),
    Example("diler sprzedaje pod blokiem", "intelligence", "pl"),
]


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny")
    save_pipeline(train_pipeline(TINY * 4, seed=7, epochs=15), path)
    return path


def test_tiny_model_learns_its_corpus(tiny_model_dir):
    classifier = Classifier.load(tiny_model_dir)
    assert classifier.classify("needles on the swings").category == "environment"
    assert classifier.classify("they deal crack every night").category == "intelligence"
    assert classifier.classify("igły pod blokiem").language == "pl"


def test_saved_model_reloads_with_the_same_predictions(tiny_model_dir):
    texts = ["needles near the flats", "help for my son", "dealer in a blue car", "hello"]
    first = Classifier.load(tiny_model_dir).classify_many(texts)
    second = Classifier.load(tiny_model_dir).classify_many(texts)
    assert [c.scores for c in first] == [c.scores for c in second]


def test_same_seed_trains_the_same_model(tmp_path):
    texts = ["needles by the bins", "my brother needs rehab", "they shot food at the park"]
    one = train_pipeline(TINY, seed=3, epochs=3)
    two = train_pipeline(TINY, seed=3, epochs=3)
    assert [d.cats for d in one.pipe(texts)] == [d.cats for d in two.pipe(texts)]


def test_classification_is_a_complete_value(tiny_model_dir):
    result = Classifier.load(tiny_model_dir).classify("needles by the swings", "voice")
    data = result.as_dict()
    assert set(data) == {"category", "also", "urgent", "language", "borough", "confidence"}
    assert data["category"] in ("environment", "treatment", "intelligence", "other")
    assert 0.0 <= data["confidence"] <= 1.0
    json.dumps(data)


def test_non_text_input_is_classified_as_empty_not_an_error(tiny_model_dir):
    classifier = Classifier.load(tiny_model_dir)
    [result] = classifier.classify_many([None])
    assert result.category in ("environment", "treatment", "intelligence", "other")


def test_missing_model_says_how_to_make_one(tmp_path):
    with pytest.raises(ModelMissing, match="hotline train"):
        Classifier.load(tmp_path)


def test_urgent_threshold_keeps_the_recall_target():
    scores = [0.9, 0.8, 0.35, 0.2, 0.1, 0.05]
    truth = [True, True, True, False, False, False]
    threshold = urgent_threshold(scores, truth, recall_target=1.0)
    assert all(s >= threshold for s, t in zip(scores, truth, strict=True) if t)
    assert threshold > 0.2


def test_urgent_threshold_counts_what_phrases_already_catch():
    scores = [0.9, 0.5, 0.3, 0.02, None, 0.2, 0.1]
    truth = [True, True, True, True, True, False, False]
    caught = [False, False, False, True, True, False, False]
    # Two of five are caught by phrases; 80% recall needs two more: the threshold can rise
    # to just under the second-highest uncaught score, above the non-urgent 0.2.
    threshold = urgent_threshold(scores, truth, caught, recall_target=0.8)
    assert 0.3 < threshold <= 0.5
    assert urgent_threshold(scores, truth, caught, recall_target=1.0) <= 0.3
    assert urgent_threshold(scores, truth, [t for t in truth], recall_target=1.0) == 0.5


def test_urgent_threshold_keeps_precision_when_recall_is_out_of_reach():
    # One urgent example can never be flagged (None), so 100% recall is impossible; the
    # threshold then stays as low as it can while the flags keep the precision asked for.
    scores = [None, 0.6, 0.3, 0.25, 0.2, 0.04, 0.03, 0.02]
    truth = [True, True, True, False, False, True, False, False]
    # Flagging down to 0.04: 3 right of 5 (0.6); down to 0.03: 3 of 6 (0.5).
    assert 0.03 < urgent_threshold(scores, truth, recall_target=1.0, precision_floor=0.6) <= 0.04
    assert 0.02 < urgent_threshold(scores, truth, recall_target=1.0, precision_floor=0.5) <= 0.03


def test_train_model_writes_a_loadable_model_with_thresholds(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "en").mkdir(parents=True)
    lines = [json.dumps({"text": e.text, "category": e.category, "urgent": e.urgent})
             for e in TINY if e.language == "en"]
    (corpus / "en" / "train.jsonl").write_text("\n".join(lines * 3))
    summary = train_model(tmp_path / "model", corpus_dir=corpus, languages=("en",),
                          log=lambda _m: None)
    assert summary["examples"] == len(lines) * 3
    settings = json.loads((tmp_path / "model" / "hotline.json").read_text())
    assert 0 < settings["thresholds"]["urgent"] <= 0.5
    assert Classifier.load(tmp_path / "model").classify("needles").category in (
        "environment", "treatment", "intelligence", "other")


def test_loaded_model_reads_only_features_seen_in_training(tiny_model_dir):
    from hotline.nlp.features import EMPTY
    from hotline.nlp.pipeline import load_pipeline

    nlp = load_pipeline(tiny_model_dir)
    tokens = [token.text for token in nlp.make_doc("needles zzqxv")]
    assert "needles" in tokens and "<ne" in tokens
    assert not any("zzq" in token for token in tokens)
    assert [token.text for token in nlp.make_doc("zzqxv")] == [EMPTY]
