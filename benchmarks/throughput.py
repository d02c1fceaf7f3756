"""Throughput of newsfacts against spaCy's bare tokenizer, measured in one process.

    python benchmarks/throughput.py [--megabytes 1] [--repeats 5] [--processes 2]

Builds a corpus of at least N MB deterministically from corpus/ (each article repeated with
its numbers varied), then times, interleaved and repeated, (a) ``spacy.blank("en")``'s
tokenizer alone, (b) ``newsfacts.extract_many`` with the default pipeline and (c) a trained
small English pipeline (``en_core_web_sm``) when one is installed. Prints words/s (medians),
the ratios b/a and b/c — the machine is shared and noisy, so ratios are the figures to
compare across runs — then ``extract`` latency per article (p50, p99), the RSS and time of a
fresh process that imports newsfacts and extracts once, this process's peak RSS and, with
--processes N, ``extract_many(n_process=N)`` against one process.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
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


FRESH_PROCESS = """
import json, resource, time
start = time.perf_counter()
from newsfacts import Extractor
extractor = Extractor()
extractor("Redmi Note 7 Pro launched\\n\\nIt costs Rs 13,999 and sold 1 million units in 18 days.")
print(json.dumps({"seconds": time.perf_counter() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def fresh_process() -> dict:
    """Import newsfacts, build the extractor and extract once in a new interpreter."""
    output = subprocess.run([sys.executable, "-c", FRESH_PROCESS], capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def trained_pipeline():
    """en_core_web_sm if installed, else None (it cannot be downloaded everywhere)."""
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        return None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=1.0, help="corpus size (default 1 MB)")
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repetitions (default 5)")
    parser.add_argument("--processes", type=int, default=0,
                        help="also time extract_many(n_process=N) against one process")
    args = parser.parse_args()

    texts = build_corpus(args.megabytes)
    words = sum(len(t.split()) for t in texts)
    tokenizer = spacy.blank("en").tokenizer
    extractor = Extractor()
    trained = trained_pipeline()
    runs: dict[str, list[float]] = {"tokenizer": [], "newsfacts": []}
    if trained is not None:
        runs["trained"] = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for text in texts:
            tokenizer(text)
        runs["tokenizer"].append(time.perf_counter() - start)
        start = time.perf_counter()
        for _article in extractor.extract_many(texts):
            pass
        runs["newsfacts"].append(time.perf_counter() - start)
        if trained is not None:
            start = time.perf_counter()
            for _doc in trained.pipe(texts):
                pass
            runs["trained"].append(time.perf_counter() - start)

    latencies = []
    for text in texts[:300]:
        start = time.perf_counter()
        extractor(text)
        latencies.append((time.perf_counter() - start) * 1000)

    rates = {name: words / statistics.median(times) for name, times in runs.items()}
    print(f"corpus: {len(texts)} articles, {sum(map(len, texts)):,} characters, {words:,} words")
    for name, rate in rates.items():
        print(f"{name:<10} {rate:>12,.0f} words/s (median of {args.repeats})")
    if trained is None:
        print("trained    skipped (en_core_web_sm is not installed)")
    print(f"ratio newsfacts/tokenizer: {rates['newsfacts'] / rates['tokenizer']:.3f}")
    if trained is not None:
        print(f"ratio newsfacts/trained:   {rates['newsfacts'] / rates['trained']:.1f}")
    print(f"extract latency per article: p50 {percentile(latencies, 0.5):.1f} ms, "
          f"p99 {percentile(latencies, 0.99):.1f} ms")
    fresh = fresh_process()
    print(f"fresh process: import + first extract {fresh['seconds']:.2f} s, RSS {fresh['rss_mb']:.0f} MB")
    if args.processes > 1:
        timings: dict[int, list[float]] = {1: [], args.processes: []}
        for _ in range(3):  # interleaved, medians: one run each is at the mercy of the machine
            for n in timings:
                start = time.perf_counter()
                for _article in extractor.extract_many(texts, n_process=n):
                    pass
                timings[n].append(time.perf_counter() - start)
        speedup = statistics.median(timings[1]) / statistics.median(timings[args.processes])
        print(f"extract_many n_process={args.processes}: {speedup:.2f}x one process (median of 3)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
