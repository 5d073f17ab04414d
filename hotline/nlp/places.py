"""Find the London borough a message places itself in.

Data shipped in `data/`: `places.tsv` (place name or alias -> official borough; names in any
script) and `postcode_districts.tsv` (district -> borough, empty where a district is split so
evenly between boroughs that naming one would mislead). A postcode or district beats a
place name; names that are split between boroughs are ignored when another name settles it;
places naming different boroughs make the answer ambiguous, so None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hotline.nlp.features import HAN, normalise, words

DATA_DIR = Path(__file__).parent / "data"
POSTCODE = re.compile(
    r"\b(e|ec|n|nw|se|sw|w|wc|br|cr|da|en|ha|ig|kt|rm|sm|tw|ub)(\d{1,2}[a-z]?)"
    r"(?:\s*(\d)[a-z]{2})?\b",
    re.IGNORECASE,
)
# Texters write "w8" for "wait" and "n1" for "nice one": a bare one-letter district counts
# only in capitals ("W8") or with its sector ("w8 6ab").
SHORTHAND_AREAS = {"e", "n", "w"}
MAX_NAME_WORDS = 5
# Polish, Turkish, Bengali, Lithuanian... add case endings to names: "w Brixtonie",
# "Tottenhamda", "ব্রিক্সটনে". Stems shorter than this are too common to trust.
MAX_INFLECTION = 4
MIN_INFLECTED_STEM = 5
START_CACHE_SIZE = 20_000


@dataclass(frozen=True)
class Gazetteer:
    places: dict[tuple[str, ...], str]
    districts: dict[str, str]  # "" where a district is split between boroughs
    han_places: dict[str, str]  # Chinese names match as substrings: no spaces between words
    first_words: frozenset[str]  # first word of every name: most tokens are not, skip them
    # Word -> may it start a name: the same few thousand words recur in every message.
    start_cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Gazetteer:
        places: dict[tuple[str, ...], str] = {}
        han_places: dict[str, str] = {}
        for name, borough in _rows(data_dir / "places.tsv"):
            if HAN.search(name):
                _add(han_places, normalise(name), borough)
            elif key := words(normalise(name)):
                _add(places, key, borough)
        districts = {
            district.lower().replace(" ", ""): borough
            for district, borough in _rows(data_dir / "postcode_districts.tsv")
        }
        return cls(places, districts, han_places, frozenset(key[0] for key in places))

    def borough(self, text: str) -> str | None:
        """A postcode's borough, else a place name's; None when absent or ambiguous."""
        from_postcodes = _distinct(self._postcode_boroughs(text))
        if from_postcodes:
            return _only(from_postcodes)
        normal = normalise(text)  # cached: the tokenizer has just normalised this text
        if "&" in normal:
            normal = normal.replace("&", " and ")  # "Hammersmith & Fulham"
        found = self._place_boroughs(words(normal))
        if HAN.search(normal):
            found += [b for name, b in self.han_places.items() if name in normal]
        return _only(_distinct(found))

    def _postcode_boroughs(self, text: str) -> list[str]:
        found: list[str] = []
        for match in POSTCODE.finditer(text):
            area, district, sector = match.groups()
            if area.lower() in SHORTHAND_AREAS and not sector and not area.isupper():
                continue
            key = (area + district).lower()
            if key not in self.districts and district[:1] == "1":
                key = key.rstrip("abcdefghjkmnpqrstuvwxyz")  # EC1A, SW1A, E1W -> EC1, SW1, E1
            if key in self.districts:
                found.append(self.districts[key])
        return found

    def _place_boroughs(self, tokens: tuple[str, ...]) -> list[str]:
        found: list[str] = []
        index = 0
        while index < len(tokens):
            if not self._may_start_a_name(tokens[index]):
                index += 1
                continue
            for size in range(min(MAX_NAME_WORDS, len(tokens) - index), 0, -1):
                borough = self._lookup(tokens[index:index + size])
                if borough is not None:
                    found.append(borough)
                    index += size
                    break
            else:
                index += 1
        return found

    def _may_start_a_name(self, token: str) -> bool:
        known = self.start_cache.get(token)
        if known is None:
            stems = range(1, min(MAX_INFLECTION, len(token) - MIN_INFLECTED_STEM) + 1)
            known = token in self.first_words or any(
                token[:-cut] in self.first_words for cut in stems)
            if len(self.start_cache) > START_CACHE_SIZE:  # a server sees endless new words
                self.start_cache.clear()
            self.start_cache[token] = known
        return known

    def _lookup(self, window: tuple[str, ...]) -> str | None:
        """Exact name, or the name with a case ending on its last word ("Brixtonie")."""
        if window in self.places:
            return self.places[window]
        last = window[-1]
        for cut in range(1, MAX_INFLECTION + 1):
            if len(last) - cut < MIN_INFLECTED_STEM:
                break
            stem = (*window[:-1], last[:-cut])
            if stem in self.places:
                return self.places[stem]
        return None


def _add(table: dict, key, borough: str) -> None:
    if key in table and table[key] != borough:
        table[key] = ""  # the same name in two boroughs says nothing
    else:
        table[key] = borough


def _distinct(boroughs: list[str]) -> set[str]:
    """Boroughs named, ignoring names that are themselves ambiguous ("" entries): "Uxbridge
    Road, Southall" is in Ealing even though Uxbridge Road alone could be anywhere."""
    return {borough for borough in boroughs if borough}


def _only(boroughs: set[str]) -> str | None:
    return next(iter(boroughs)) if len(boroughs) == 1 else None


def _rows(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, borough = line.partition("\t")
        rows.append((name.strip(), borough.strip()))
    return rows
