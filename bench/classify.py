"""Classification speed against a keyword-matching baseline measured in the same run.

    make bench   (or: .venv/bin/python bench/classify.py [--messages 20000])

Prints throughput (messages/s, batched through nlp.pipe), single-message latency p50/p99,
model load time and peak RSS, for the spaCy classifier and for a plain keyword baseline, and
the ratio between them. Pinned to one core so figures mean "per core". Figures are printed,
never asserted: speed is judged here, not in the tests.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hotline.nlp.dataset import read_split  # noqa: E402
from hotline.nlp.evaluation import Scores, read_noise  # noqa: E402

KEYWORDS = {
    "environment": "needle needles syringe works litter foil pipe canister lights light "
                   "lighting stairwell bins alley graffiti fly-tipping dumped",
    "treatment": "help rehab treatment methadone clinic detox addicted addiction counselling "
                 "son daughter husband stop clean support",
    "intelligence": "dealer dealers dealing selling sell shotting trap runners county lines "
                    "cuckooing car flat house every night",
}


class KeywordBaseline:
    """What a hotline without a model would do: count category keywords, English only."""

    def __init__(self) -> None:
        self.words = {c: set(w.split()) for c, w in KEYWORDS.items()}
        self.token = re.compile(r"\w+")

    def classify(self, text: str) -> str:
        tokens = self.token.findall(text.lower())
        counts = {c: sum(t in words for t in tokens) for c, words in self.words.items()}
        best = max(counts, key=counts.__getitem__)
        return best if counts[best] else "other"

    def classify_many(self, texts: list[str]) -> list[str]:
        return [self.classify(t) for t in texts]


def messages(count: int) -> list[str]:
    pool = [e.text for split in ("train", "dev") for e in read_split(split)]
    pool += [e.text for e in read_noise()]
    return list(itertools.islice(itertools.cycle(pool), count))


def latencies(classify, texts: list[str]) -> tuple[float, float]:
    times = []
    for text in texts:
        start = time.perf_counter()
        classify(text)
        times.append(time.perf_counter() - start)
    cuts = statistics.quantiles(times, n=100)
    return cuts[49] * 1000, cuts[98] * 1000


def throughput(classify_many, texts: list[str], repeat: int) -> float:
    """Messages per second in the best of `repeat` runs, as timeit reports: slower runs
    measure what else the machine was doing. Word caches are warm after the first run, as
    they are in a server that has been up for a while."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        classify_many(texts)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def macro_f1(predict, examples) -> float:
    scores = Scores()
    for example, predicted in zip(examples, predict([e.text for e in examples]), strict=True):
        scores.add(example.category, predicted)
    return scores.macro_f1()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--single", type=int, default=3000, help="messages timed one by one")
    parser.add_argument("--repeat", type=int, default=3, help="batched runs; the best counts")
    parser.add_argument("--model", type=Path, default=ROOT / "hotline" / "nlp" / "model")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = messages(args.messages)
    dev = list(read_split("dev"))

    baseline = KeywordBaseline()
    base = {
        "throughput": throughput(baseline.classify_many, texts, args.repeat),
        "latency": latencies(baseline.classify, texts[: args.single]),
        "macro_f1": macro_f1(baseline.classify_many, dev),
    }

    start = time.perf_counter()
    from hotline.nlp.classifier import Classifier
    classifier = Classifier.load(args.model)
    load_seconds = time.perf_counter() - start
    classifier.classify("warm up")
    model = {
        "throughput": throughput(classifier.classify_many, texts, args.repeat),
        "latency": latencies(classifier.classify, texts[: args.single]),
        "macro_f1": macro_f1(lambda t: [c.category for c in classifier.classify_many(t)], dev),
    }
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{len(texts)} messages, one core, best of {args.repeat} batched runs; dev split of "
          f"{len(dev)} for accuracy\n")
    print(f"{'':24}{'spaCy model':>14}{'keywords':>12}{'ratio':>10}")
    rows = [("messages/s (batched)", model["throughput"], base["throughput"], "{:,.0f}"),
            ("latency p50 (ms)", model["latency"][0], base["latency"][0], "{:.3f}"),
            ("latency p99 (ms)", model["latency"][1], base["latency"][1], "{:.3f}"),
            ("macro-F1 (dev)", model["macro_f1"], base["macro_f1"], "{:.3f}")]
    for name, ours, theirs, form in rows:
        ratio = ours / theirs if theirs else float("inf")
        print(f"{name:24}{form.format(ours):>14}{form.format(theirs):>12}{ratio:>9.2f}x")
    print(f"\nmodel load: {load_seconds:.2f} s; peak RSS: {rss_mb:.0f} MB")
    results = {"model": model, "baseline": base, "load_seconds": load_seconds, "rss_mb": rss_mb,
               "messages": len(texts), "repeat": args.repeat}
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "classify.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
