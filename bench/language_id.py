"""Compare language identification on the dev split: py3langid vs hotline's own.

    .venv/bin/python bench/language_id.py

py3langid (restricted to our languages that it knows; it has no Somali) is the
off-the-shelf choice; hotline uses script rules plus a `language` textcat trained on the
corpus. This script is why: see docs/decisions.md.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from py3langid.langid import MODEL_FILE, LanguageIdentifier  # noqa: E402

from hotline.nlp.classifier import Classifier  # noqa: E402
from hotline.nlp.dataset import LANGUAGES, read_split  # noqa: E402


def main() -> None:
    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in LANGUAGES if code in identifier.nb_classes])
    dev = list(read_split("dev"))
    ours = Classifier.load(ROOT / "hotline" / "nlp" / "model").classify_many([e.text for e in dev])
    right_theirs, right_ours, total = Counter(), Counter(), Counter()
    for example, result in zip(dev, ours, strict=True):
        total[example.language] += 1
        right_theirs[example.language] += identifier.classify(example.text)[0] == example.language
        right_ours[example.language] += result.language == example.language
    print(f"{'language':10}{'py3langid':>12}{'hotline':>10}")
    for code in total:
        theirs, ours_share = right_theirs[code] / total[code], right_ours[code] / total[code]
        print(f"{code:10}{theirs:>12.2f}{ours_share:>10.2f}")
    print(f"{'all':10}{sum(right_theirs.values()) / len(dev):>12.3f}"
          f"{sum(right_ours.values()) / len(dev):>10.3f}")


if __name__ == "__main__":
    main()
