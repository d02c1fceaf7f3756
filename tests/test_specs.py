"""Specs: every rule's own examples, the issue's list, memory pairs, cameras, colours, products."""

import pytest

from newsfacts import extract
from newsfacts.components.specs import TRIGGER_REACH, find_specs, rules

from .conftest import corpus_texts


def specs(text):
    return [(s["name"], s["value"], s["unit"]) for s in find_specs(text)]


RULE_EXAMPLES = [(rule["name"], example) for rule in rules() for example in rule["examples"]]


@pytest.mark.parametrize("name, example", RULE_EXAMPLES, ids=[f"{n}: {e}" for n, e in RULE_EXAMPLES])
def test_each_rule_finds_its_own_examples(name, example):
    assert name in [s["name"] for s in find_specs(example)]


RULE_SELF_EXAMPLES = [(i, example) for i, rule in enumerate(rules()) for example in rule["examples"]]


@pytest.mark.parametrize("index, example", RULE_SELF_EXAMPLES)
def test_a_rule_trigger_fires_wherever_the_rule_matches(index, example):
    """Rules run only in windows around their trigger (TRIGGER_REACH before and after), so a
    trigger must fire near every match: inside it, or just before or after ("i7" is found
    where "processor" follows)."""
    rule = rules()[index]
    before, after = TRIGGER_REACH
    for match in rule["regex"].finditer(example):
        assert any(start - before <= match.start() and match.end() <= end + after
                   for start, end in rule["trigger_regex"].spans(example.lower())), (rule["name"], example)


def test_every_rule_has_a_trigger():
    assert all(rule["trigger_regex"] is not None for rule in rules())


def test_text_that_changes_length_when_lowered_still_gets_its_specs():
    assert ("battery", 5000, "mAh") in specs("\u0130stanbul edition: a 5000mAh battery")


ISSUE_CASES = [
    ("a 6.3-inch FHD+ display", [("display_size", 6.3, "inch"), ("resolution", "FHD+", None)]),
    ("4 GB RAM + 64 GB storage", [("ram", 4, "GB"), ("storage", 64, "GB")]),
    ("the 6GB/128GB variant", [("ram", 6, "GB"), ("storage", 128, "GB")]),
    ("4GB RAM/ 64GB inbuilt storage", [("ram", 4, "GB"), ("storage", 64, "GB")]),
    ("48 MP + 5 MP rear cameras", [("rear_camera", 48, "MP"), ("rear_camera", 5, "MP")]),
    ("a 12MP+2MP dual rear camera", [("rear_camera", 12, "MP"), ("rear_camera", 2, "MP")]),
    ("a 13 MP selfie camera", [("front_camera", 13, "MP")]),
    ("powered by the Snapdragon 675", [("chipset", "Snapdragon 675", None)]),
    ("the MediaTek Helio G85 chip", [("chipset", "MediaTek Helio G85", None)]),
    ("a Dimensity 7200 inside", [("chipset", "MediaTek Dimensity 7200", None)]),
    ("the A17 Bionic chip", [("chipset", "A17 Bionic", None)]),
    ("an Octa-core CPU clocked at 2.2GHz", [("cpu_cores", 8, "cores"), ("cpu_speed", 2.2, "GHz")]),
    ("a 4,000 mAh battery", [("battery", 4000, "mAh")]),
    ("a 5000mAh battery with 33W fast charging", [("battery", 5000, "mAh"), ("charging", 33, "W")]),
    ("It supports Quick Charge 4.", [("charging", "Quick Charge 4", None)]),
    ("Corning Gorilla Glass 5 on front", [("glass", "Corning Gorilla Glass 5", None)]),
    ("a type-C port", [("port", "USB Type-C", None)]),
    ("a 3.5 mm headphone jack", [("headphone_jack", "3.5 mm headphone jack", None)]),
    ("an IR blaster", [("ir_blaster", "IR blaster", None)]),
    ("rated IP68 for water", [("ip_rating", "IP68", None)]),
    ("a 120Hz panel", [("refresh_rate", 120, "Hz")]),
    ("It runs Android 13 out of the box.", [("os", "Android 13", None)]),
    ("It runs MIUI 14.", [("os", "MIUI 14", None)]),
    ("It runs One UI 7 based on Android 15.", [("os", "Android 15", None)]),
    ("It comes in three colours — Onyx Black, Ruby Red and Sapphire Blue.",
     [("colour", "Onyx Black", None), ("colour", "Ruby Red", None), ("colour", "Sapphire Blue", None)]),
    ("It weighs 199 grams and is 7.7mm thick.", [("weight", 199, "g"), ("thickness", 7.7, "mm")]),
    ("a 1.2-litre petrol engine", [("engine_displacement", 1.2, "litre")]),
    ("It makes 118 bhp and 172 Nm.", [("power", 118, "bhp"), ("torque", 172, "Nm")]),
    ("a claimed 20 kmpl", [("mileage", 20, "kmpl")]),
    ("a range of 181 km on a single charge", [("range", 181, "km")]),
    ("1.5 GB per day", [("data_per_day", 1.5, "GB")]),
    ("a validity of 28 days", [("validity", 28, "days")]),
    ("a 55-inch 4K TV", [("display_size", 55, "inch"), ("resolution", "4K", None)]),
    ("20W speakers", [("speaker_output", 20, "W")]),
    ("up to 1,000 nits of brightness", [("brightness", 1000, "nit")]),
]


@pytest.mark.parametrize("text, expected", ISSUE_CASES, ids=[c[0] for c in ISSUE_CASES])
def test_issue_cases(text, expected):
    assert specs(text) == expected


NOT_SPECS = [
    "It is priced at Rs 16,999.",
    "It sold 2.5 lakh units in 10 days.",
    "Shares rose 5% to Rs 1,200.",
    "Galaxy M37 5G launched",
]


def test_networks_are_no_gigabytes_or_grams():
    assert [s[0] for s in specs("The phone supports 4G and 5G.")] == ["network"]


@pytest.mark.parametrize("text", NOT_SPECS)
def test_not_specs(text):
    assert specs(text) == []


def test_specs_carry_their_product():
    text = ("Xiaomi Redmi Note 7 Pro specification and features\n\n"
            "The phone has a 6.3-inch display. It packs a 4,000 mAh battery.\n\n"
            "Xiaomi Redmi Note 7 specification and features\n\n"
            "The Redmi Note 7 has a 12 MP + 2 MP rear camera. The selfie camera is 13 MP.")
    found = [(s.name, s.product) for s in extract(text).specs]
    assert found == [("display_size", "Xiaomi Redmi Note 7 Pro"), ("battery", "Xiaomi Redmi Note 7 Pro"),
                     ("rear_camera", "Redmi Note 7"), ("rear_camera", "Redmi Note 7"),
                     ("front_camera", "Redmi Note 7")]


def test_comparison_gives_each_spec_the_product_named_beside_it():
    text = "The iPhone 15 has a 6.1-inch screen, while the Galaxy S24 gets a 6.2-inch panel."
    assert [(s.value, s.product) for s in extract(text).specs] == [
        (6.1, "iPhone 15"), (6.2, "Galaxy S24")]


def test_no_specs_from_boilerplate():
    text = ("Phone launched\n\nIt has a 5000mAh battery.\n\n"
            "Related Stories\nBest phones with 6000mAh battery\n\nLeave a Reply\nmine has 8GB RAM")
    assert specs(text) == [("battery", 5000, "mAh"), ("battery", 6000, "mAh"), ("ram", 8, "GB")]
    assert [(s.name, s.value) for s in extract(text).specs] == [("battery", 5000)]


def test_a_camera_line_is_not_read_by_the_next_line():
    text = "Rear camera: 50MP + 8MP + 2MP\nFront camera: 16MP\nBattery: 5000mAh"
    cameras = [(s["name"], s["value"]) for s in find_specs(text) if s["name"].endswith("camera")]
    assert cameras == [("rear_camera", 50), ("rear_camera", 8), ("rear_camera", 2), ("front_camera", 16)]


def test_a_resolution_is_given_without_the_word_pixels():
    assert ("resolution", "2400 x 1080", None) in specs("a 2400 x 1080 pixels panel")


def test_the_verb_led_is_no_display():
    assert specs("Growth was led by SUVs, and the company led the market.") == []


def test_cameras_and_colours_found_around_their_cues_are_those_of_a_full_scan():
    """Megapixel figures are looked for only around "mp"/"megapixel", and colour lists only
    where a cue ("colours", "comes in") starts; on the corpus that must change nothing."""

    from newsfacts import scan
    from newsfacts.components.specs import _cameras, _colours

    texts = corpus_texts()
    texts.append("Colours: Onyx Black and Ruby Red. It comes in Mint Green, with a 50MP + 2 megapixel camera.")
    for text in texts:
        folded = scan.folded(text)
        assert list(_cameras(text, folded)) == list(_cameras(text, None))
        assert list(_colours(text, folded)) == list(_colours(text, None))
