"""classify(text, channel) -> Classification: the one function every intake path uses."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from hotline.nlp.dataset import CATEGORIES, LANGUAGES
from hotline.nlp.language import best_language, script_language
from hotline.nlp.places import Gazetteer
from hotline.nlp.urgency import UrgentPhrases

SETTINGS_FILE = "hotline.json"


@dataclass(frozen=True)
class Thresholds:
    also: float = 0.5
    urgent: float = 0.3  # for messages routed as reports
    urgent_anywhere: float = 0.5  # for any message, chat and spam included
    # Below this confidence a report goes to the general inbox, not an agency: a public
    # number gets chat and spam, and a doubtful message must not fill a council or police queue.
    route: float = 0.0


@dataclass(frozen=True)
class Classification:
    category: str
    also: tuple[str, ...]
    urgent: bool
    language: str
    borough: str | None
    confidence: float
    scores: dict[str, float] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["also"] = list(self.also)
        data["confidence"] = round(self.confidence, 4)
        del data["scores"]
        return data


class ModelMissing(RuntimeError):
    """No trained model on disk: run `hotline train`."""


class Classifier:
    def __init__(self, nlp, gazetteer: Gazetteer, phrases: UrgentPhrases,
                 thresholds: Thresholds = Thresholds()):
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.phrases = phrases
        self.thresholds = thresholds

    @classmethod
    def load(cls, model_dir: Path) -> Classifier:
        from hotline.nlp.pipeline import load_pipeline  # spaCy loads only when a model does

        model_dir = Path(model_dir)
        if not (model_dir / "config.cfg").exists():
            raise ModelMissing(f"no model in {model_dir}: run `hotline train`")
        settings_path = model_dir / SETTINGS_FILE
        settings = json.loads(settings_path.read_text()) if settings_path.exists() else {}
        return cls(load_pipeline(model_dir), Gazetteer.load(), UrgentPhrases.load(),
                   Thresholds(**settings.get("thresholds", {})))

    def classify(self, text: str, channel: str = "sms") -> Classification:
        return self.classify_many([text], [channel])[0]

    def classify_many(self, texts: Iterable[str], channels: Iterable[str] | None = None,
                      batch_size: int = 1000) -> list[Classification]:
        """Classify many messages. `channels` is part of the contract but not yet a feature:
        one model learned SMS, voice and web styles together; the channel is not used yet."""
        texts = [text if isinstance(text, str) else "" for text in texts]
        results: list[Classification] = []
        for start in range(0, len(texts), batch_size):
            results.extend(self._classify_batch(texts[start:start + batch_size]))
        return results

    def _classify_batch(self, texts: list[str]) -> list[Classification]:
        by_script = [script_language(text) for text in texts]
        # A memory zone forgets the feature strings of these messages afterwards; without it
        # spaCy's string store grows with every new message a long-running server sees.
        with self.nlp.memory_zone():
            docs = list(self.nlp.pipe(texts, batch_size=len(texts) or 1, disable=["language"]))
            # Only messages whose script does not settle the language need the model's guess.
            unsettled = [doc for doc, language in zip(docs, by_script, strict=True)
                         if language is None]
            for _doc in self.nlp.get_pipe("language").pipe(unsettled):
                pass
            cats = [doc.cats for doc in docs]
        return [self._decide(text, scores, language)
                for text, scores, language in zip(texts, cats, by_script, strict=True)]

    def _decide(self, text: str, cats: dict[str, float], language: str | None) -> Classification:
        scores = {c: cats.get(c, 0.0) for c in CATEGORIES}
        category = max(scores, key=scores.__getitem__)
        if scores[category] < self.thresholds.route:
            category = "other"
        also = tuple(
            c for c in CATEGORIES[:3]
            if c != category and cats.get("has:" + c, 0.0) >= self.thresholds.also
        )
        # A low urgent score is trusted only for what reads as a report: on chat and spam it is
        # noise. A high score, or an urgent phrase ("not breathing"), counts everywhere.
        urgent_score = cats.get("urgent", 0.0)
        urgent = (
            urgent_score >= self.thresholds.urgent_anywhere
            or (category != "other" and urgent_score >= self.thresholds.urgent)
            or self.phrases.matches(text) is not None
        )
        if language is None:
            language = best_language({code: cats.get("lang:" + code, 0.0) for code in LANGUAGES})
        return Classification(
            category=category,
            also=also,
            urgent=urgent,
            language=language,
            borough=self.gazetteer.borough(text),
            confidence=scores[category],
            scores=cats,
        )
