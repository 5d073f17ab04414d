"""The languages residents are answered in, and how pages and voices render them."""

from __future__ import annotations

# English plus the community languages of the GLA strategy and London's largest today.
LANGUAGE_NAMES = {
    "en": "English", "zh": "中文", "vi": "Tiếng Việt", "el": "Ελληνικά", "tr": "Türkçe",
    "pa": "ਪੰਜਾਬੀ", "hi": "हिन्दी", "bn": "বাংলা", "ur": "اردو", "ar": "العربية",
    "gu": "ગુજરાતી", "so": "Soomaali", "pl": "Polski", "ro": "Română",
    "lt": "Lietuvių", "es": "Español", "pt": "Português", "fr": "Français",
}
LANGUAGES = tuple(LANGUAGE_NAMES)
RIGHT_TO_LEFT = frozenset({"ar", "ur"})


def text_direction(language: str | None) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def supported(language: str | None, default: str = "en") -> str:
    return language if language in LANGUAGE_NAMES else default
