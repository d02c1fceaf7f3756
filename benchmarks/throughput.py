"""Throughput of newsfacts against spaCy's bare tokenizer, measured in one process.

    python benchmarks/throughput.py [--megabytes 1] [--repeats 5]

Builds a corpus of at least N MB deterministically from corpus/ (each article repeated with
its numbers varied), then times, interleaved and repeated, (a) ``spacy.blank("en")``'s
tokenizer alone and (b) ``newsfacts.extract_many`` with the default pipeline. Prints words/s
(medians) and the ratio b/a: the machine is shared and noisy, so the ratio is the figure to
compare across runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import regex
import spacy

from newsfacts import Extractor

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(megabytes: float) -> list[str]:
    """corpus/ articles, repeated with their digits shifted, up to ``megabytes`` of text."""
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    texts, size, round_ = [], 0, 0
    while size < megabytes * 1_000_000:
        for text in articles:
            varied = regex.sub(r"\d", lambda m: str((int(m.group()) + round_) % 10), text)
            texts.append(varied)
            size += len(varied)
        round_ += 1
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    texts = build_corpus(args.megabytes)
    words = sum(len(t.split()) for t in texts)
    tokenizer = spacy.blank("en").tokenizer
    extractor = Extractor()
    runs: dict[str, list[float]] = {"tokenizer": [], "newsfacts": []}
    for _ in range(args.repeats):
        start = time.perf_counter()
        for text in texts:
            tokenizer(text)
        runs["tokenizer"].append(time.perf_counter() - start)
        start = time.perf_counter()
        for _article in extractor.extract_many(texts):
            pass
        runs["newsfacts"].append(time.perf_counter() - start)

    rates = {name: words / statistics.median(times) for name, times in runs.items()}
    print(f"corpus: {len(texts)} articles, {sum(map(len, texts)):,} characters, {words:,} words")
    for name, rate in rates.items():
        print(f"{name:<10} {rate:>12,.0f} words/s (median of {args.repeats})")
    print(f"ratio newsfacts/tokenizer: {rates['newsfacts'] / rates['tokenizer']:.3f}")


if __name__ == "__main__":
    main()
