"""Measure the classifier on the dev split (and the held-out noise set) and write the
model card. Figures live here and in docs/model-card.md, never as asserts in tests."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hotline.nlp.classifier import Classification, Classifier
from hotline.nlp.dataset import CATEGORIES, LANGUAGES, Example

HELDOUT_DIR = Path(__file__).parent / "heldout"


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, truth: str, predicted: str) -> None:
        if truth == predicted:
            self.tp[truth] += 1
        else:
            self.fp[predicted] += 1
            self.fn[truth] += 1

    def prf(self, label: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[label], self.fp[label], self.fn[label]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def macro_f1(self, labels: Sequence[str] = CATEGORIES) -> float:
        present = [label for label in labels if self.tp[label] + self.fn[label]]
        return sum(self.prf(label)[2] for label in present) / len(present) if present else 0.0


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def evaluate(classifier: Classifier, examples: Sequence[Example]) -> dict:
    predictions = classifier.classify_many([e.text for e in examples],
                                           [e.channel for e in examples])
    return summarise(examples, predictions)


def summarise(examples: Sequence[Example], predictions: Sequence[Classification]) -> dict:
    overall = Scores()
    by_language: dict[str, Scores] = defaultdict(Scores)
    confusion: Counter = Counter()
    urgent = Counter()
    urgent_by_language: dict[str, Counter] = defaultdict(Counter)
    also = Counter()
    places = Counter()
    language_id = Counter()
    language_id_by_language: dict[str, Counter] = defaultdict(Counter)
    for example, predicted in zip(examples, predictions, strict=True):
        overall.add(example.category, predicted.category)
        by_language[example.language].add(example.category, predicted.category)
        confusion[(example.category, predicted.category)] += 1
        key = ("t" if example.urgent else "f") + ("p" if predicted.urgent else "n")
        urgent[key] += 1
        urgent_by_language[example.language][key] += 1
        truth_also, predicted_also = set(example.also), set(predicted.also)
        also["tp"] += len(truth_also & predicted_also)
        also["fp"] += len(predicted_also - truth_also)
        also["fn"] += len(truth_also - predicted_also)
        if example.borough:
            places["given"] += 1
            places["right"] += predicted.borough == example.borough
        else:
            places["absent"] += 1
            places["false"] += predicted.borough is not None
        right_language = predicted.language == example.language
        language_id["right"] += right_language
        language_id_by_language[example.language]["right"] += right_language
        language_id_by_language[example.language]["total"] += 1
    return {
        "examples": len(examples),
        "macro_f1": overall.macro_f1(),
        "accuracy": sum(overall.tp.values()) / len(examples) if examples else 0.0,
        "categories": {c: dict(zip(("precision", "recall", "f1"), overall.prf(c), strict=True))
                       for c in CATEGORIES},
        "languages": {
            language: {
                "examples": sum(scores.tp.values()) + sum(scores.fn.values()),
                "macro_f1": scores.macro_f1(),
                "categories": {c: dict(zip(("precision", "recall", "f1"), scores.prf(c),
                                           strict=True)) for c in CATEGORIES},
                "urgent_recall": ratio(urgent_by_language[language]["tp"],
                                       urgent_by_language[language]["tp"]
                                       + urgent_by_language[language]["tn"]),
                "language_id": ratio(language_id_by_language[language]["right"],
                                     language_id_by_language[language]["total"]),
            }
            for language, scores in sorted(by_language.items(),
                                           key=lambda item: LANGUAGES.index(item[0]))
        },
        "urgent": {"recall": ratio(urgent["tp"], urgent["tp"] + urgent["tn"]),
                   "precision": ratio(urgent["tp"], urgent["tp"] + urgent["fp"]),
                   "urgent_examples": urgent["tp"] + urgent["tn"]},
        "also": {"precision": ratio(also["tp"], also["tp"] + also["fp"]),
                 "recall": ratio(also["tp"], also["tp"] + also["fn"])},
        "borough": {"accuracy_where_given": ratio(places["right"], places["given"]),
                    "false_when_absent": ratio(places["false"], places["absent"]),
                    "given": places["given"], "absent": places["absent"]},
        "language_id": ratio(language_id["right"], len(examples)),
        "confusion": {t: {p: confusion[(t, p)] for p in CATEGORIES} for t in CATEGORIES},
    }


def read_noise(directory: Path = HELDOUT_DIR) -> list[Example]:
    """Every held-out noise set (`noise*.jsonl`), each example tagged with its set's name."""
    examples = []
    for path in sorted(Path(directory).glob("noise*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        examples += [Example(text=r["text"], category="other", language=r["language"],
                             channel=r.get("channel", "sms"), source=path.name) for r in rows]
    return examples


def noise_alarms(classifier: Classifier, examples: Sequence[Example]) -> dict:
    """On texts that are no report at all: how many would reach an agency or raise an alarm."""
    predictions = classifier.classify_many([e.text for e in examples])
    routed, alarms, totals = Counter(), Counter(), Counter()
    for example, predicted in zip(examples, predictions, strict=True):
        for group in (example.language, example.source):
            totals[group] += 1
            routed[group] += predicted.category != "other"
            alarms[group] += predicted.urgent

    def rates(group: str) -> dict:
        return {"examples": totals[group], "routed": ratio(routed[group], totals[group]),
                "urgent": ratio(alarms[group], totals[group])}

    languages = [lang for lang in LANGUAGES if totals[lang]]
    return {
        "examples": len(examples),
        "routed_to_an_agency": ratio(sum(routed[lang] for lang in languages), len(examples)),
        "marked_urgent": ratio(sum(alarms[lang] for lang in languages), len(examples)),
        "sets": {name: rates(name) for name in sorted({e.source for e in examples})},
        "languages": {lang: rates(lang) for lang in languages},
    }
