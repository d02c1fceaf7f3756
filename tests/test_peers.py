"""Outside yardsticks: other projects' suites (../shared/peers), with a floor on the pass rate."""

import pytest

from newsfacts import extract

from .peer_suites import POLNEAR, RECOGNIZERS, currency_pass_rate, polnear_scores
from .test_realnews import FLOORS

pytestmark = pytest.mark.skipif(not RECOGNIZERS.is_dir(), reason="../shared/peers not present")


@pytest.mark.skipif(not (POLNEAR / "dev").is_dir(), reason="../shared/peers/polnear not present")
def test_polnear_dev_quotes_stay_above_their_floors():
    import json

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["polnear_dev"]
    scores = polnear_scores("dev", extract)
    fallen = {name: round(scores[name], 4) for name, floor in floors.items() if scores[name] < floor}
    assert not fallen, f"PolNeAR dev below the floors {floors}: {fallen}"


def test_currency_model_pass_rate():
    rate, failures = currency_pass_rate(extract)
    shown = "\n".join(case["Input"][:80] for case, _ in failures[:20])
    assert rate >= 0.90, f"{rate:.1%} of CurrencyModel cases pass; failing:\n{shown}"


@pytest.mark.parametrize("name", ["DurationExtractor.json", "DurationParser.json"])
def test_duration_pass_rates(name):
    from .peer_suites import duration_pass_rate

    rate, failures = duration_pass_rate(extract, name)
    shown = "\n".join(case["Input"][:80] for case, _ in failures[:20])
    assert rate >= 0.90, f"{rate:.1%} of {name} duration cases pass; failing:\n{shown}"
