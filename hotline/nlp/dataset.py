"""Read and check the shipped training corpus (plain Python, no spaCy needed)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "corpus"
CATEGORIES = ("environment", "treatment", "intelligence", "other")
CHANNELS = ("sms", "voice", "web")
LANGUAGES = (
    "en", "zh", "vi", "el", "tr", "pa", "hi", "bn", "ur",
    "ar", "gu", "so", "pl", "ro", "lt", "es", "pt", "fr",
)
BOROUGHS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden",
    "City of London", "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney",
    "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames",
    "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge",
    "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets",
    "Waltham Forest", "Wandsworth", "Westminster",
)
SPLITS = ("train", "dev")


@dataclass(frozen=True)
class Example:
    text: str
    category: str
    language: str
    channel: str = "sms"
    urgent: bool = False
    also: tuple[str, ...] = ()
    borough: str | None = None
    source: str = ""


@dataclass
class CorpusProblems:
    errors: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")


def parse_example(record: dict, language: str, where: str = "") -> Example:
    """Turn one JSONL record into an Example, raising ValueError on bad data."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text must be a non-empty string")
    category = record.get("category")
    if category not in CATEGORIES:
        raise ValueError(f"category {category!r} not in {CATEGORIES}")
    channel = record.get("channel", "sms")
    if channel not in CHANNELS:
        raise ValueError(f"channel {channel!r} not in {CHANNELS}")
    urgent = record.get("urgent", False)
    if not isinstance(urgent, bool):
        raise ValueError("urgent must be true or false")
    also = record.get("also", [])
    if not isinstance(also, list) or any(a not in CATEGORIES or a == "other" for a in also):
        raise ValueError("also must be a list of environment/treatment/intelligence")
    if category in also:
        raise ValueError("also must not repeat the main category")
    borough = record.get("borough")
    if borough is not None and borough not in BOROUGHS:
        raise ValueError(f"borough {borough!r} is not an official borough name")
    return Example(
        text=text, category=category, language=language, channel=channel,
        urgent=urgent, also=tuple(also), borough=borough, source=where,
    )


def read_split(split: str, languages: tuple[str, ...] = LANGUAGES,
               corpus_dir: Path = CORPUS_DIR) -> Iterator[Example]:
    """Yield every example of one split, language by language."""
    for language in languages:
        for path in split_files(corpus_dir, language, split):
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if line.strip():
                        yield parse_example(json.loads(line), language, f"{path}:{number}")


def split_files(corpus_dir: Path, language: str, split: str) -> list[Path]:
    """Files of one split: `train.jsonl`, or several such as `train-a.jsonl`, `train-b.jsonl`."""
    return sorted((corpus_dir / language).glob(f"{split}*.jsonl"))


def check(corpus_dir: Path = CORPUS_DIR, languages: tuple[str, ...] = LANGUAGES) -> CorpusProblems:
    """Validate every file and report duplicates and train/dev leaks."""
    problems = CorpusProblems()
    for language in languages:
        seen: dict[str, str] = {}
        for path in (p for split in SPLITS for p in split_files(corpus_dir, language, split)):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                where = f"{language}/{path.name}:{number}"
                if not line.strip():
                    continue
                try:
                    example = parse_example(json.loads(line), language, where)
                except (ValueError, json.JSONDecodeError) as error:
                    problems.add(where, str(error))
                    continue
                key = " ".join(example.text.lower().split())
                if key in seen:
                    problems.add(where, f"duplicate of {seen[key]}")
                seen[key] = where
    return problems


def summarise(corpus_dir: Path = CORPUS_DIR, languages: tuple[str, ...] = LANGUAGES) -> str:
    """Count examples per language, split, category, channel, urgency and place."""
    rows = []
    for language in languages:
        for split in SPLITS:
            examples = list(read_split(split, (language,), corpus_dir))
            if not examples:
                continue
            categories = Counter(e.category for e in examples)
            channels = Counter(e.channel for e in examples)
            rows.append(
                f"{language} {split}: {len(examples)} | "
                + " ".join(f"{c}={categories[c]}" for c in CATEGORIES)
                + " | " + " ".join(f"{c}={channels[c]}" for c in CHANNELS)
                + f" | urgent={sum(e.urgent for e in examples)}"
                + f" also={sum(bool(e.also) for e in examples)}"
                + f" borough={sum(e.borough is not None for e in examples)}"
            )
    return "\n".join(rows)


if __name__ == "__main__":
    chosen = tuple(sys.argv[1:]) or LANGUAGES
    found = check(languages=chosen)
    print(summarise(languages=chosen))
    for error in found.errors:
        print(error)
    sys.exit(1 if found.errors else 0)
