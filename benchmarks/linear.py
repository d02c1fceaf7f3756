"""Does doubling the input double the time? ``extract`` on news and adversarial text.

    python benchmarks/linear.py [--megabytes 1]

For each input, times ``extract`` on half the size and on the full size (best of two runs
each) and prints the ratio, which should be close to 2. The inputs are those of issue 9:
100k quote marks, a megabyte of digits and commas, a megabyte line without spaces, "Rs Rs
Rs ..." repeated, deeply nested brackets, and news articles from corpus/. tests/test_linear.py
checks the same on small inputs with wide bounds.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsfacts import Extractor

ROOT = Path(__file__).resolve().parent.parent


def inputs(size: int) -> dict[str, str]:
    """Each adversarial input, ``size`` characters long (about)."""
    news = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    units = {
        "news articles": news + "\n\n",
        "quote marks": '"a “b ” c\' ',
        "digits and commas": "1,2",
        "one line without spaces": "9,x.",
        "Rs Rs Rs": "Rs ",
        "nested brackets": None,
    }
    made = {}
    for name, unit in units.items():
        if unit is None:
            made[name] = "(" * (size // 2) + ")" * (size // 2)
        else:
            made[name] = (unit * (size // len(unit) + 1))[:size]
    return made


def best_time(extractor: Extractor, text: str, runs: int = 2) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        extractor(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=1.0, help="the larger size (default 1 MB)")
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    extractor = Extractor()
    half, full = inputs(size // 2), inputs(size)
    print(f"{'input':<26}{'half':>10}{'full':>10}{'ratio':>8}")
    for name in full:
        small = best_time(extractor, half[name])
        large = best_time(extractor, full[name])
        print(f"{name:<26}{small:>9.2f}s{large:>9.2f}s{large / max(small, 1e-9):>8.2f}")


if __name__ == "__main__":
    main()
