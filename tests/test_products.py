"""Products: names from the lexicon and from the text, and which product a fact belongs to."""

import pytest

from newsfacts import extract
from newsfacts.components.products import find_products

from .conftest import corpus_texts


def names(text: str) -> dict[str, tuple[str | None, int]]:
    return {p["name"]: (p["brand"], len(p["mentions"])) for p in find_products(text)["products"]}


def spec_products(text: str) -> dict[str, str | None]:
    """spec text -> product, for every spec of the article."""
    return {s.span.text: s.product for s in extract(text).specs}


def test_lexicon_brand_and_series():
    found = names("The Redmi Note 7 Pro is here. Samsung Galaxy M37 5G rivals it.")
    assert found["Redmi Note 7 Pro"] == ("Xiaomi", 1)
    assert found["Samsung Galaxy M37 5G"] == ("Samsung", 1)


@pytest.mark.parametrize("text, name, brand", [
    ("Kestrel Motors today launched the Aura X, a family electric scooter, in Pune. The Aura X costs more.",
     "Aura X", "Kestrel"),
    ("Brightway Mobility has priced its Sprite city car at £23,495. The Sprite arrives in May.",
     "Sprite", "Brightway"),
    ("Sales of its electric scooter, the Vardhan Eon, crossed 54,000 units.", "Vardhan Eon", None),
    ("Vu launches Vibe Pro QLED TVs in two sizes.", "Vibe Pro QLED", None),
])
def test_names_the_lexicon_does_not_know_are_read_where_they_are_introduced(text, name, brand):
    found = names(text)
    assert name in found and found[name][0] == brand
    assert found[name][1] == text.count(name)


@pytest.mark.parametrize("text", [
    "Amazon Great Indian Festival 2024 begins on Friday.",
    "Google launched new Android phones.",
    "The company launched in India last year with two phones.",
])
def test_events_platforms_and_places_are_not_products(text):
    assert names(text) == {}


def test_a_sibling_model_named_with_a_capital_the_takes_the_series():
    text = "Xiaomi unveiled the Redmi K90 and the Xiaomi 17T Pro.\n\nThe K90 Pro has a 7,560mAh battery. The 17T Pro uses a 6.83-inch display."
    products = spec_products(text)
    assert products["7,560mAh"] == "Redmi K90 Pro"
    assert products["6.83-inch"] == "Xiaomi 17T Pro"


def test_network_suffix_is_not_a_sibling_model():
    assert "5G" not in names("Lava Blaze X Neo is the 5G phone to beat.")


def test_tvs_named_by_their_size():
    text = ("The Vu Vibe Pro 55 is a 55-inch 4K QLED TV.\n\n"
            "The 55-inch TV weighs 11.2 kg, and the 65-inch model weighs 16.8 kg.")
    products = spec_products(text)
    assert products["11.2 kg"] == "Vu Vibe Pro 55"
    assert products["16.8 kg"] == "Vu Vibe Pro 65"


def test_a_maker_named_alone_stands_for_its_product():
    text = ("The iPhone 15 and the Galaxy S24 are close rivals.\n\n"
            "The iPhone 15 gets a 48MP main camera. Samsung's triple setup adds a 10MP telephoto lens. "
            "Apple uses the A16 Bionic, a chip that debuted in the iPhone 14 Pro.")
    products = spec_products(text)
    assert products["48MP"] == "iPhone 15"
    assert products["10MP"] == "Galaxy S24"
    assert products["A16 Bionic"] == "iPhone 15"


def test_products_named_only_to_compare_are_not_the_subject():
    text = ("Xiaomi has added the Redmi Note 14 Lite 5G, slotting it between the Redmi 13 5G and the "
            "Redmi Note 14 Pro. The headline features are a 120Hz AMOLED panel and 67W charging.")
    assert spec_products(text)["67W"] == "Redmi Note 14 Lite 5G"


def test_both_models_means_the_series():
    text = ("Vu launches Vibe Pro QLED TVs in two sizes\n\n"
            "The Vu Vibe Pro 55 is a 55-inch TV, while the 65-inch model gets a 40W setup. "
            "Both TVs run Google TV with 2GB RAM.")
    assert spec_products(text)["2GB RAM"] == "Vibe Pro QLED"


def test_a_revised_plan_is_named_by_its_new_price():
    text = ("Airtel raises tariffs\n\n"
            "The Rs 299 plan with 1.5GB per day and a validity of 28 days will now cost Rs 349. "
            "The annual plan with 2GB/day climbs from Rs 2,999 to Rs 3,599.\n\n"
            "Prepaid plans: old vs new\n\n"
            "- Rs 179 → Rs 199: 2GB total data, 24 days validity\n"
            "- Rs 719 → Rs 859: 3GB per day, 84 days validity\n")
    products = spec_products(text)
    assert products["1.5GB per day"] == "Rs 349 plan"
    assert products["2GB/day"] == "Rs 3,599 plan"
    assert products["2GB total data"] == "Rs 199 plan"
    assert products["84 days validity"] == "Rs 859 plan"


def test_mentions_found_from_cheap_starts_equal_a_full_scan():

    from newsfacts.components.product_names import mention_matches, mention_pattern

    texts = corpus_texts()
    texts += ["Launched Redmi Note 7 Pro and Galaxy S24+ with the Rs 399 plan; Zephyr 125 Pro Max 2"]
    for text in texts:
        assert [m.span() for m in mention_matches(text)] == [m.span() for m in mention_pattern().finditer(text)]


PLAN_TABLE = ("Jio raises tariffs: Rs 349 plan now Rs 409\n\n"
              "Jio prepaid plans: old vs new prices\n\n"
              "Data | Validity | Old price | New price\n"
              "1GB/day | 28 days | Rs 249 | Rs 289\n"
              "1.5GB/day | 28 days | Rs 299 | Rs 349\n"
              "2GB/day | 28 days | Rs 349 | Rs 409\n\n"
              "If you are on the Rs 299 plan, recharge before July 10.")


def test_rows_of_a_revised_plan_table_belong_to_the_plan_at_its_new_price():
    article = extract(PLAN_TABLE)
    prices = {(p.span.start, p.amount): p for p in article.prices}
    assert all(p.kind == "price" for p in article.prices) and not article.money
    row = PLAN_TABLE.index("1GB/day")
    assert {p.product for (start, _), p in prices.items() if row < start < row + 40} == {"Rs 289 plan"}
    assert [s.product for s in article.specs if s.span.text == "1GB/day"] == ["Rs 289 plan"]


def test_a_plan_named_by_its_old_price_takes_its_new_name():
    article = extract(PLAN_TABLE)
    later = PLAN_TABLE.index("the Rs 299 plan")
    assert [p.product for p in article.prices if p.span.start > later] == ["Rs 349 plan"]
    headline = [p.product for p in article.prices if p.span.start < PLAN_TABLE.index("\n")]
    assert headline == ["Rs 409 plan", "Rs 409 plan"]


def test_a_variant_beside_an_introduced_name_is_its_own_product():
    found = names("Nuvora Motors today launched the Ray, an electric scooter. The Ray Plus costs more. "
                  "The Ray is cheaper.")
    assert found["Ray"] == ("Nuvora", 2) and found["Ray Plus"] == ("Nuvora", 1)


def test_a_known_maker_and_an_unknown_word_named_twice_is_a_model():
    text = ("Hyundai Arvo first drive review\n\nThe Arvo sits between the Venue and the Creta. "
            "Hyundai Arvo prices start at Rs 10.99 lakh. The Arvo has six airbags.")
    found = names(text)
    assert found["Hyundai Arvo"] == ("Hyundai", 4)
    assert [s.product for s in extract(text).specs if s.name == "airbags"] == ["Hyundai Arvo"]


def test_a_maker_and_a_common_word_is_no_model():
    assert names("Hyundai India said sales grew. Hyundai India will add a plant.") == {}


def test_mention_starts_led_by_their_first_character_equal_a_lookbehind_led_pattern():
    import re

    from newsfacts.components.product_names import _lexicon, mention_starts
    from newsfacts.lexicons import alternation

    brands, series, words = _lexicon()
    plain = re.compile(  # mention_starts as first written: led by its word-start lookbehind
        rf"(?<!\w)(?=Rs|₹)|(?<![\w-])(?=(?:{alternation(list(brands) + list(series))})"
        rf"|[A-Z][a-z]{{2,}}(?:[ \u00a0](?:{alternation(words)}))*[ \u00a0](?:[A-Z]{{0,3}}|[a-z])\d)")
    texts = corpus_texts()
    texts += ["iPhone 15, xiPhone, -Redmi, Rs 399, -Rs 49, ₹99, a₹9, Zephyr Pro 125, Zephyr i7, vivo\u00a0X100, R", "Rs"]
    for text in texts:
        assert [m.start() for m in mention_starts().finditer(text)] == [m.start() for m in plain.finditer(text)]


def test_the_mention_pattern_on_re_matches_as_on_regex():
    """mention_pattern runs on re, its second brand group renamed lone_brand (re names a group
    once); under regex (VERSION1, as it first ran) the pattern must match the same."""

    import regex

    from newsfacts.components.product_names import (
        MENTION_LENGTH,
        mention_pattern,
        mention_starts,
    )

    pattern = mention_pattern()
    on_regex = regex.compile(pattern.pattern.replace("(?P<lone_brand>", "(?P<brand>"), regex.VERSION1)

    def read(match):
        if match is None:
            return None
        groups = match.groupdict()
        return (match.span(), groups["plan"], groups["series"], groups["brand"] or groups.get("lone_brand"),
                groups["generic"], match.end("series"))

    texts = corpus_texts()
    texts += ["Launched Redmi Note 7 Pro and Galaxy S24+ with the Rs 399 plan; Zephyr 125 Pro Max 2, Airtel Rs 99 data pack"]
    for text in texts:
        assert [read(m) for m in pattern.finditer(text)] == [read(m) for m in on_regex.finditer(text)]
        for start in mention_starts().finditer(text):
            end = min(len(text), start.start() + MENTION_LENGTH)
            assert read(pattern.match(text, start.start(), end)) == read(on_regex.match(text, start.start(), end))


def test_introductions_tried_where_a_branch_can_start_equal_a_full_scan():

    from newsfacts.components.product_names import introduction_pattern, introductions

    texts = corpus_texts()
    texts += ["It launched the Aura X, a family electric scooter, and its Sprite city car; its scooter, "
              "the Vardhan Eon, and a new smart TV, the Vista 55, and (the smart  TV, the Orbit,",
              "Bajaj unveiled the all-new Chetak Blue scooter. It rolled out its Nova X2 fitness band, the Pulse,"]
    for text in texts:
        assert [m.span() for m in introductions(text)] == [m.span() for m in introduction_pattern().finditer(text)]


def test_the_sibling_pattern_on_re_matches_as_on_regex():

    import regex

    from newsfacts.components.product_names import SIBLING

    on_regex = regex.compile(SIBLING.pattern)
    texts = corpus_texts()
    texts += ["The X7d and THE K90 Pro Max, the 17T Pro 5G; a-the X9, its\u00a0S24 FE, Cheaper A55 series"]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in SIBLING.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in on_regex.finditer(text)]


@pytest.mark.parametrize("text, name", [
    ("Kavo has launched a feature phone, the Kavo z9, priced at Rs 999.", "Kavo z9"),
    ("The Samsung Galaxy On9 arrives next week with a larger screen.", "Samsung Galaxy On9"),
    ("Xiaomi will also sell the Mi-7 in two colours.", "Mi-7"),
    ("Samsung Galaxy R, at Rs 9,000, is the cheaper one.", "Samsung Galaxy R"),
    ("Orvio has begun teasing its first laptop called Orvio Slate+ on social media.", "Orvio Slate+"),
    ("Lava will launch the 'Vesta Q5' this week. The Vesta Q5 has a 5-inch screen.", "Vesta Q5"),
    ("The Kelso Rover electric scooter goes on sale soon. The Kelso Rover has a 3kWh pack.", "Kelso Rover"),
    ("The range tops out with the crossover Dune-X priced at Rs 12 lakh.", "Dune-X"),
    ("Reviewers liked the Pema Chromebook for its keyboard.", "Pema Chromebook"),
    ("Mahindra Vetra\n\nThe Vetra is a light motorcycle with a 300cc engine.", "Mahindra Vetra"),
])
def test_names_found_by_shape_and_context(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "The tablet runs on an NVIDIA Tegra 9 chip and a Rockchip 4100 board.",
    "Oppo Is The Fastest Brand To Sell 2 Million Units In India",
    "Voice support comes from Google Assistant and apps from Google Play.",
    "A Samsung Smart Phone is on show at the store.",
])
def test_chips_counts_services_and_generic_phones_are_not_products(text):
    assert names(text) == {}


def test_one_entity_one_name_with_its_aliases():
    data = find_products("The Samsung Galaxy Q41 5G is here. The Galaxy Q41 has a 6,000mAh cell.")
    assert [(p["name"], p["aliases"]) for p in data["products"]] == [("Galaxy Q41", ["Samsung Galaxy Q41 5G"])]


def test_a_makers_bare_tv_is_that_makers_own():
    found = names("Motorola TV will launch soon, and Nokia TV is already on sale.")
    assert set(found) == {"Motorola TV", "Nokia TV"}


def test_one_operators_plan_is_not_anothers():
    text = ("Jio\n\nJio offers a Rs 98 prepaid plan with 2GB of data.\n\n"
            "Airtel\n\n-Rs 98 recharge: 6GB data for 28 days.\n")
    assert len(find_products(text)["products"]) == 2


def price_products(text: str) -> dict[str, str | None]:
    return {p.span.text: p.product for p in extract(text).prices}


@pytest.mark.parametrize("text, amount, product", [
    ("The Zephyr 5 is out. Phones under Rs 10,000 sell the most.", "Rs 10,000", None),
    ("The Zephyr 5 is out. The Rs 15,000-Rs 20,000 band grew fastest.", "Rs 20,000", None),
    ("The Zephyr 5 is out. The maker plans an electric car priced at Rs 8 lakh.", "Rs 8 lakh", None),
    ("The Zephyr 5 is out. It is priced at Rs 12,999 in India.", "Rs 12,999", "Zephyr 5"),
    ("At the Rs 18,000 price point, the Zephyr 5 has many rivals.", "Rs 18,000", "Zephyr 5"),
])
def test_bands_and_products_not_yet_named_have_no_product(text, amount, product):
    assert price_products(text)[amount] == product


def test_prices_after_as_many_products_pair_up_in_order():
    text = "The Lumio TV 43 and Lumio TV 55 are priced at Rs 29,999 and Rs 39,999."
    assert price_products(text) == {"Rs 29,999": "Lumio TV 43", "Rs 39,999": "Lumio TV 55"}


@pytest.mark.parametrize("text", [
    "The Zephyr 5 Lite is new. It is a cheaper version of the Zephyr 5. It will come with 8GB of RAM.",
    "The Zephyr 5 Lite is new. It takes on the likes of the Kavo M3. It will come with 8GB of RAM.",
    "The Zephyr 5 Lite is new. It competes with phones such as the Kavo M3. It will come with 8GB of RAM.",
])
def test_it_is_the_product_in_focus_not_a_rival_named_in_passing(text):
    assert spec_products(text)["8GB of RAM"] == "Zephyr 5 Lite"
