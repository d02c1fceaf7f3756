"""extract stays linear in the input's length, on normal and adversarial text.

Times are noisy on a shared machine, so the bound is wide: four times the input may take at
most ten times as long (linear is about four, quadratic about sixteen). The best of three
runs is compared.
"""

import time

import pytest

from newsfacts import extract

from .conftest import CORPUS

UNITS = {
    "news": None,  # filled from the corpus
    "quote marks": '"a “b ” c\' ' * 300,
    "digits and commas": "1,2" * 3000,
    "rupee markers": "Rs Rs 5 " * 1000,
    "brackets": "(" * 3000 + ")" * 3000,
    "table rows": "Model | Oct 2025 | 12,000\n" * 400,
    "no spaces": "9," * 15000,
    "periods": "April 10, 2019 in Q2 FY24 for 18 days " * 300,
    "specs in one endless sentence": "the phone by Samsung has a 5000mAh battery and " * 500,
    "product mentions": "The Vu Vibe Pro 55 is a 55-inch TV; the 65-inch model is bigger. "
                        "Hyundai Arvo is new, and the Arvo is roomy.\n" * 400,
    "one paragraph repeated": "Xiaomi sold 1 million Redmi Note 7 units in a month at Rs 9,999 each, "
                              "said Manu Kumar Jain.\n\n" * 400,
}


def best_time(text: str, run=extract) -> float:
    """The best of three timings of ``run(text)``."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run(text)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("name", list(UNITS))
def test_four_times_the_input_takes_about_four_times_as_long(name):
    unit = UNITS[name] or "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:6])
    extract(unit)  # warm up
    small, large = best_time(unit), best_time(unit * 4)
    assert large <= 10 * max(small, 0.01), f"{name}: {small:.3f}s -> {large:.3f}s for 4x the text"


def test_many_product_mentions_stay_linear():
    """Every new mention asks "is this place taken?": that lookup must not scan them all."""
    from newsfacts.components.products import find_products

    unit = "The Vu Vibe Pro 55 is a 55-inch TV; the 65-inch model is bigger. Hyundai Arvo is new; the Arvo is roomy.\n"
    small, large = best_time(unit * 500, find_products), best_time(unit * 4000, find_products)
    assert large <= 24 * max(small, 0.005), f"{small:.3f}s -> {large:.3f}s for 8x the mentions"

