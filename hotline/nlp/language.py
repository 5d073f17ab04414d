"""Which language a resident wrote in, offline, for short, romanised and mixed messages.

A script that belongs to one of our languages settles it (Gurmukhi is Punjabi, Hangul is not
ours). Arabic script is Urdu when it uses letters Arabic lacks. Latin script, which most
romanised Urdu, Hindi, Bengali or Arabizi also uses, is left to the trained `language`
component, which has seen such messages; py3langid was measured as a fallback and left out
(see docs/decisions.md).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

SCRIPT_LANGUAGE = {
    "GURMUKHI": "pa",
    "GUJARATI": "gu",
    "BENGALI": "bn",
    "DEVANAGARI": "hi",
    "GREEK": "el",
    "CJK": "zh",
}
# Letters of Urdu's alphabet that standard Arabic does not use.
URDU_LETTERS = set("ٹڈڑںےۓھہکی")  # not گ چ پ: Iraqi and Gulf Arabic write those
NATIVE_SHARE = 0.3


@lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    if name.startswith("CJK") or "\u3400" <= char <= "\u9fff":
        return "CJK"
    if name.startswith("ARABIC"):
        return "ARABIC"
    first = name.split(" ", 1)[0]
    return first or None


def script_language(text: str) -> str | None:
    """The language a non-Latin script gives away, or None for Latin or unknown scripts."""
    if text.isascii():
        return None
    scripts = Counter(s for s in map(script_of, text) if s)
    letters = sum(scripts.values())
    if not letters:
        return None
    for script, count in scripts.most_common():
        if script == "LATIN" or count / letters < NATIVE_SHARE:
            continue
        if script == "ARABIC":
            return "ur" if any(char in URDU_LETTERS for char in text) else "ar"
        if script in SCRIPT_LANGUAGE:
            return SCRIPT_LANGUAGE[script]
    return None


def best_language(model_scores: dict[str, float], default: str = "en") -> str:
    """The model's best language, for text whose script does not settle it."""
    if not model_scores:
        return default
    return max(model_scores, key=model_scores.__getitem__)
