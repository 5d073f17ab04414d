"""Phrases that mean someone is in danger now, per language, as a safety net for the model.

Urgent detection must favour recall: a missed overdose is far worse than a false alarm, so a
message is urgent if the model's score passes a low threshold *or* a phrase here matches.
Phrases live in `data/urgent.tsv` (language, phrase); Latin-script phrases match whole
words after accents are dropped, other scripts match as substrings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hotline.nlp.features import normalise

DATA_FILE = Path(__file__).parent / "data" / "urgent.tsv"


@dataclass(frozen=True)
class UrgentPhrases:
    pattern: re.Pattern[str] | None

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> UrgentPhrases:
        phrases = []
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    _language, _, phrase = line.partition("\t")
                    if phrase.strip():
                        phrases.append(normalise(phrase.strip()))
        if not phrases:
            return cls(None)
        alternatives = sorted({_as_regex(p) for p in phrases}, key=len, reverse=True)
        return cls(re.compile("|".join(alternatives)))

    def matches(self, text: str) -> str | None:
        if self.pattern is None:
            return None
        found = self.pattern.search(normalise(text))
        return " ".join(found.group().split()) if found else None


def _as_regex(phrase: str) -> str:
    escaped = re.escape(phrase).replace(r"\ ", r"\s+").replace(r"\*", r"\w*")
    if phrase.isascii():
        return rf"\b{escaped}\b"
    return escaped
