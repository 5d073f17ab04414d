"""Turn a message into the feature tokens the text classifiers read.

Residents write in many scripts, romanised, with typos and without accents, so whole words
alone generalise badly. Each word gives: its accent-free lower-case form, its character
trigrams (with word boundaries), and a bigram with the next word; runs of Chinese characters
give character unigrams and bigrams. A linear bag-of-features model over these is the
fastText recipe: robust on short noisy text, and fast.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters and digits, plus the combining marks that Indic and Arabic words are built with
# (Python's \w leaves out vowel signs such as Devanagari's "ि").
WORD = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0963\u0966-\u0dff\u064b-\u065f\u0670\u06d6-\u06ed"
    r"\u200c\u200d])+"
)
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# The "Combining Diacritical Marks" block: Latin, Greek and Vietnamese accents once text is
# decomposed. Indic vowel signs and Arabic harakat live in their own blocks and are kept.
ACCENTS = re.compile("[\u0300-\u036f]+")


def strip_latin_accents(text: str) -> str:
    """Drop accents ("cướp" -> "cuop") so texts typed with and without them look alike."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", ACCENTS.sub("", unicodedata.normalize("NFD", text)))


# Tokenizer, gazetteer and urgent phrases each need the normalised message: the cache lets
# one classification normalise it once.
@lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    # Letters GSM phones and romanisers swap for one another.
    text = text.replace("ı", "i").replace("ł", "l").replace("ß", "ss").replace("đ", "d")
    return strip_latin_accents(text)


# Bounded for memory: each entry holds a word's trigram strings, and a server sees new words
# forever; the common words stay cached.
@lru_cache(maxsize=16384)
def word_features(word: str) -> tuple[str, ...]:
    padded = f"<{word}>"
    grams = [padded[i:i + 3] for i in range(len(padded) - 2)] if len(word) > 1 else []
    return (word, *grams)


HAN_OR_OTHER = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=1024)
def words(text: str) -> tuple[str, ...]:
    """Words of a normalised text, in order; Chinese runs become characters and character
    bigrams ("Somers Town那边" -> somers, town, 那, 边, 那边)."""
    if not HAN.search(text):
        return tuple(WORD.findall(text))
    found: list[str] = []
    for match in WORD.finditer(text):
        token = match.group()
        if not HAN.search(token):
            found.append(token)
            continue
        for run in HAN_OR_OTHER.findall(token):
            if HAN.match(run):
                found.extend(run)
                found.extend(run[i:i + 2] for i in range(len(run) - 1))
            else:
                found.append(run)
    return tuple(found)


EMPTY = "<empty>"  # the one feature of a message with no words


def features(text: str) -> list[str]:
    tokens = words(normalise(text))
    result: list[str] = []
    for token in tokens:
        result.extend(word_features(token))
    result.extend(f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False))
    return result or [EMPTY]
