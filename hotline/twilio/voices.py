"""Which Twilio voice speaks a language and which code its speech recogniser takes.

From ../shared/TWILIO_LANGUAGES.md. This foundation speaks English only; the multilingual
menu adds rows here (Urdu and Somali have no voice and need recorded audio).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Voice:
    voice: str
    locale: str
    recognition: str


VOICES = {
    "en": Voice("Polly.Amy-Neural", "en-GB", "en-GB"),
}


def voice_for(language: str) -> Voice:
    return VOICES.get(language, VOICES["en"])
