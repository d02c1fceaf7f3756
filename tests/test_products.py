"""Products: names from the lexicon and from the text, and which product a fact belongs to."""

import pytest

from newsfacts import extract
from newsfacts.components.products import find_products

from .conftest import corpus_texts


def names(text: str) -> dict[str, tuple[str | None, int]]:
    return {p["name"]: (p["brand"], len(p["mentions"])) for p in find_products(text)["products"]}


def fact_products(text: str) -> dict[str, str | None]:
    """fact text -> product, for every price and spec of the article."""
    article = extract(text)
    return {f.span.text: f.product for f in [*article.prices, *article.specs]}


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
    texts += ["Launched Redmi Note 7 Pro and Galaxy S24+ with the Rs 399 plan; Zephyr 125 Pro Max 2",
              "Airtel Rs 99 data pack, Rs. 49 plan, ₹ 19 booster; Samsung's Galaxy S9, Xiaomi-12, Oppo\u00a0F9, Apple."]
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

    from newsfacts.components.product_names import (
        PLAN_PRICE_NAME,
        _lexicon,
        mention_starts,
    )
    from newsfacts.lexicons import alternation

    brands, series, words = _lexicon()
    makers = [brand for brand in brands if brand not in series]

    def names(written):  # a space in a name may be a no-break space
        return alternation(written).replace(re.escape(" "), "[ \u00a0]")

    plain = re.compile(  # mention_starts as first written: led by its word-start lookbehind
        rf"(?<!\w)(?=(?:Rs\.?[ \u00a0]?|₹[ \u00a0]?){PLAN_PRICE_NAME})"
        rf"|(?<![\w-])(?=(?:{names(makers)})(?=[ \u00a0-])|(?:{names(series)})(?!\w)"
        rf"|[A-Z][a-z]{{2,}}(?:[ \u00a0](?:{alternation(words)}))*[ \u00a0](?:[A-Z]{{0,3}}|[a-z])\d)")
    texts = corpus_texts()
    texts += ["iPhone 15, xiPhone, -Redmi, Rs 399, -Rs 49, ₹99, a₹9, Zephyr Pro 125, Zephyr i7, vivo\u00a0X100, R", "Rs",
              "Rs 399 plan, -Rs. 49 data pack, ₹\u00a099 recharge, a₹9 plan, Samsung's Galaxy, Samsung-5, Oppo F9, Apple",
              "Hero Motors, Moto-5, Moto G, Motorola, Galaxy's, Galaxy_S, Galaxy"]
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
    # a segment by kind and threshold, a band with several example products
    ("The Zephyr 5 is out. Most buyers want devices priced below €300.", "€300", None),
    ("The Zephyr 5 is out. Smart phones were typically priced over Rs. 90,000 there.", "Rs. 90,000", None),
    ("The Zephyr 5 is out. Phones in the Rs 9,000-Rs 12,000 price bracket are the Kavo M3, Lumio 4 and Zeta 2.",
     "Rs 9,000", None),
    ("At the Rs 14,000 price point, the Zephyr 5 faces competition from the popular Kavo M3.", "Rs 14,000", "Zephyr 5"),
    # a product sold "for under" an amount is priced, not a band
    ("The Zephyr 5 is out. Handsets under Rs 8,000 rarely get 5G.", "Rs 8,000", None),
    ("The Zephyr 5 is out. You can buy the phone for under Rs 8,000.", "Rs 8,000", "Zephyr 5"),
    ("The Zephyr 5 is out. The handset retails at under Rs 8,000 online.", "Rs 8,000", "Zephyr 5"),
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


@pytest.mark.parametrize("text, fact, product", [
    ("BSNL has a pack of ₹187 that gives 2GB data per day.", "₹187", "₹187 pack"),
    ("BSNL has a pack of ₹187 that gives 2GB data per day.", "2GB data per day", "₹187 pack"),
    ("The Airtel family plan starts at Rs 599. It comes with 75GB data.", "75GB data", "Rs 599 plan"),
    ("Vi also launched a 45 days validity plan at ₹449. The pack gets 60GB data.", "60GB data", "₹449 plan"),
    ("Airtel offers a recharge pack priced at Rs 155 with 1GB data.", "Rs 155", "Rs 155 pack"),
    ("It has BSNL Saral plan of ₹399 that gives 30 days validity.", "30 days validity", "BSNL Saral plan"),
    # an operator's plans spoken of together
    ("BSNL has two prepaid plans with 90 days validity.", "90 days validity", "BSNL prepaid plans"),
    ("In May, Vi cut the validity of certain data plans from 28 to 21 days.", "21 days", "Vi data plans"),
    ("Vi\n\nVi offers a number of data packs which are priced under Rs 50.", "Rs 50", "Vi data packs"),
    ("Airtel news\n\nThe operator announced new postpaid plans starting at Rs 449.", "Rs 449", "Airtel postpaid plans"),
])
def test_a_plan_named_by_the_price_after_it_or_an_operators_plans_together(text, fact, product):
    assert fact_products(text)[fact] == product


def test_a_plan_floor_is_no_plan_name():
    assert names("A recharge pack of Rs 199 and above keeps the data flowing.") == {}


def test_plans_to_do_something_is_no_group_of_plans():
    assert names("Airtel has plans to raise tariffs next year.") == {}


@pytest.mark.parametrize("text, fact, product", [
    ("The Zephyr 5 faces competition from the popular Kavo M3, which packs 6GB of RAM.", "6GB of RAM", "Kavo M3"),
    ("The Zephyr 5 has 8GB of RAM, more than the Kavo M3 with 6GB of RAM.", "8GB of RAM", "Zephyr 5"),
    ("The Zephyr 5 has 8GB of RAM, more than the Kavo M3 with 6GB of RAM.", "6GB of RAM", "Kavo M3"),
])
def test_a_relative_clause_of_a_rival_is_the_rivals(text, fact, product):
    assert spec_products(text)[fact] == product


def test_a_range_from_one_model_to_another_is_no_comparison():
    text = "The maker sells models from hatchback Zeta 3 at Rs 3.1 lakh to crossover Zeta 9 at Rs 10.5 lakh."
    assert price_products(text) == {"Rs 3.1 lakh": "Zeta 3", "Rs 10.5 lakh": "Zeta 9"}


def test_the_main_product_is_not_one_named_only_to_compare():
    text = ("Lumio will launch its new handset for under Rs 9,000 this week.\n"
            "The 'Lumio R7' runs Android 14 and has a 6.5 inch display.\n"
            "Few phones like the Kavo M3 and Kavo M5 offer the same. From Kavo M3 to the Zeta 4, makers crowd the segment.")
    assert price_products(text)["Rs 9,000"] == "Lumio R7"


@pytest.mark.parametrize("text", [
    "The Zephyr 5 is new. Nearly everything is the same as the Kavo M3, including the 5000 mAh battery.",
    "The Zephyr 5 is new. Its 5000 mAh battery is similar to the Kavo M3's.",
    "The Zephyr 5 is new. Its 5000 mAh battery is twice the 2500 mAh capacity of the Kavo M3.",
])
def test_same_as_similar_to_and_twice_compare(text):
    assert spec_products(text)["5000 mAh"] == "Zephyr 5"


def test_a_quoted_name_after_a_capital_the():
    assert "Lumio Q7" in names("The 'Lumio Q7' runs Android 14.")


@pytest.mark.parametrize("text", [
    "Nokia TVs are on sale now.",
    "Nokia 43-inch and 55-inch smart TVs run Android.",
    "Nokia 32-inch, 43-inch and 55-inch Android TVs cost less.",
    "Nokia's 50-inch TV is new.",
])
def test_a_makers_tvs_named_as_its_line_are_its_tv(text):
    assert names(text) == {"Nokia TV": ("Nokia", 1)}


def test_a_platform_named_like_a_makers_tv_is_none():
    assert names("It runs Google TV out of the box.") == {}


def test_a_makers_line_owns_the_paragraph_under_it():
    text = ("Makers bet on TVs. Vexor TV launches soon.\n\n"
            "Nokia TVs start at Rs 12,999. The company offers 43-inch and 55-inch models at Rs 24,999 and Rs 34,999. "
            "Both the models have 2GB RAM.\n\nVexor TV will have a 55-inch panel. Vexor TV is due in May.")
    article = extract(text)
    assert {p.span.text: p.product for p in article.prices} == {
        "Rs 12,999": "Nokia TV", "Rs 24,999": "Nokia TV", "Rs 34,999": "Nokia TV"}
    assert spec_products(text)["2GB RAM"] == "Nokia TV"


@pytest.mark.parametrize("text, name, count", [
    ("Micromax launched its Canvas Vela tablet at Rs 9,999.\nMicromax Canvas Vela\nDevices like the Vela sell well.",
     "Canvas Vela", 3),
    ("The Galaxy Orla is new. The Galaxy Orla costs less than last year's model.", "Galaxy Orla", 2),
    ("Two models came out: Nokia Tide, priced at Rs. 55,000, and a cheaper one.", "Nokia Tide", 1),
    ("Two models came out: Nokia Wave at $299 and a cheaper one.", "Nokia Wave", 1),
])
def test_a_maker_or_series_and_an_unknown_word(text, name, count):
    assert names(text)[name][1] == count


def test_a_series_an_unknown_word_and_a_number_is_one_model():
    found = names("The Canvas Vela 2 runs Android 14. Canvas Vela 2 costs Rs 4,999.")
    assert found == {"Canvas Vela 2": ("Micromax", 2)}


def test_a_series_an_unknown_word_and_a_year_is_no_model():
    assert "Galaxy Unveils 2025" not in names("Galaxy Unveils 2025 lineup")


@pytest.mark.parametrize("text", [
    "Nokia Launches 2 Phones In India",
    "Galaxy Phase 2 begins soon.",
])
def test_a_headline_verb_or_common_word_after_a_maker_is_no_model_word(text):
    assert names(text) == {}


def test_a_makers_own_word_before_the_model_number_keeps_the_maker():
    assert names("The Nokia Tide Pro 55 runs Google TV.") == {"Nokia Tide Pro 55": ("Nokia", 1)}


@pytest.mark.parametrize("text, name, count", [
    ("Vardan launched the eZX 100 today. The eZX100 will offer a 150 km range.", "eZX100", 2),
    ("Its rival, the iQR5, costs more.", "iQR5", 1),
    ("Crowds queued to book the Rs.2-lakh Zola. The three variants of the Zola differ.", "Zola", 2),
    ("The three variants of the Mira are priced between Rs 6 lakh and Rs 8 lakh.", "Mira", 1),
    ("Fans want the $299 Kestrel, out in May.", "Kestrel", 1),
])
def test_names_told_by_the_words_around_them(text, name, count):
    assert names(text)[name][1] == count


@pytest.mark.parametrize("text", [
    "Updates reach the iOS 18 beta first.",
    "The three variants of the Rs 299 plan differ.",
])
def test_platforms_and_plans_are_not_context_names(text):
    assert not any(name in ("iOS 18", "Rs") for name in names(text))


def test_a_maker_launching_is_not_its_other_product():
    text = ("Vardan Motors sells the Vardan Rhino 300.\n\n"
            "Vardan on Monday launched an electric version of its Rhino 300 at Rs 9.5 lakh, making the eRhino 300 "
            "the cheapest EV. The eRhino300 offers a 200 km range.")
    assert price_products(text)["Rs 9.5 lakh"] == "eRhino300"


@pytest.mark.parametrize("text, fact, product", [
    ("The Zeta Slim 14 is thin at 11 mm; the 12-inch MacBook is 13.1 mm thick, while the Kavo Air 5 is 15 mm.",
     "13.1 mm", "MacBook"),
    ("The Zeta Slim 14 is thin at 11 mm; the 12-inch MacBook is 13.1 mm thick, while the Kavo Air 5 is 15 mm.",
     "12-inch", "MacBook"),
    ("The Zeta Slim 14 is thin at 11 mm; the 12-inch MacBook is 13.1 mm thick, while the Kavo Air 5 is 15 mm.",
     "15 mm", "Kavo Air 5"),
])
def test_a_series_no_named_product_belongs_to_names_itself(text, fact, product):
    assert spec_products(text)[fact] == product


def test_a_makers_name_used_as_a_series_is_no_product():
    text = "Redmi A9 review\n\nThe phone has USB Type-C and a 5000mAh cell, as Xiaomi says."
    assert spec_products(text)["5000mAh"] == "Redmi A9"


@pytest.mark.parametrize("text, fact, product", [
    ("Ferro launched the Zeta X1 scooter.\n\nBookings open soon.\n\n"
     "The makers say the scooter has a 3.9kWh pack, about twice the 2.1kWh capacity of the Kavo R3.", "3.9kWh", "Zeta X1"),
    ("Ferro launched the Zeta X1 scooter.\n\nBookings open soon.\n\n"
     "The makers say the scooter has a 3.9kWh pack, about twice the 2.1kWh capacity of the Kavo R3.", "2.1kWh", "Kavo R3"),
    ("The Kavo R3 sold well, so Ferro launched the Zeta X1. It is the thinnest phone at 9.9 mm; the Kavo R3 is 11 mm.",
     "9.9 mm", "Zeta X1"),
    ("The Zeta X1 is out.\n\nMany rivals exist. The Kavo R3 sold well.\n\nZeta X1\n\nThe phone has 8GB RAM, like the Kavo R3.",
     "8GB RAM", "Zeta X1"),
])
def test_it_and_the_phone_are_the_product_in_focus(text, fact, product):
    assert spec_products(text)[fact] == product


def test_a_model_that_slots_below_another_is_compared_to_it():
    text = ("Ferro launched the Zeta X1, an SUV that slots below the Zeta X5 in its line-up.\n\n"
            "Engine\n\nThe Zeta X1 uses a 1.2-litre engine. The engine makes 89 bhp.")
    assert find_products(text)["main"] == 0 and spec_products(text)["89 bhp"] == "Zeta X1"


@pytest.mark.parametrize("text, fact, product", [
    ("Notable mention: Ferrox has launched a 8 inch tablet priced at about Rs 9,000.\n\n"
     "The mobile supports dual-HDMI. Ferrox has a 0.48 megapixel display.", "Rs 9,000", "Ferrox 8 inch tablet"),
    ("Notable mention: Ferrox has launched a 8 inch tablet priced at about Rs 9,000.\n\n"
     "The mobile has 2GB RAM. Ferrox has a 0.48 megapixel display.", "2GB RAM", "Ferrox 8 inch tablet"),
    ("Xiaomi sold 1,000 Redmi A9 phones. It also launched its 55-inch 4K smart TV.\n\n"
     "Xiaomi unveiled 55-inch 4K smart TV to crowds. Xiaomi has kept its TV price at $399.", "$399",
     "Xiaomi 55-inch 4K smart TV"),
    ("Ola Electric has made waves with its upcoming scooter. The Ola electric scooter got many bookings.\n\n"
     "It will compete with the Ather 450X.\n\nThe Ola scooter offers a 150 km range.", "150 km", "Ola electric scooter"),
    ("Ruritania's $40 tablet shown off\n\nThe tablet has 2GB RAM and runs Android 2.1 OS.", "2GB RAM",
     "Ruritania's $40 tablet"),
])
def test_products_described_not_named(text, fact, product):
    assert fact_products(text)[fact] == product


@pytest.mark.parametrize("text", [
    "Samsung launched a new smartphone today. It has 8GB RAM.",
    "The Samsung smartphone market grew. The Galaxy A9 has 8GB RAM.",
    "Samsung has launched a 6.5-inch phone, the Galaxy A9, with 8GB RAM.",
])
def test_a_generic_or_named_product_is_not_described(text):
    assert not any(name.startswith("Samsung") and "Galaxy" not in name for name in names(text))


def test_a_price_described_product_only_where_nothing_is_named():
    assert names("The $35 tablet and the Zeta 5 are cheap.") == {"Zeta 5": (None, 1)}


def test_a_makers_market_is_no_described_product():
    assert names("The Samsung smartphone market grew 5% and the Samsung phone business with it.") == {}


@pytest.mark.parametrize("text, name, count", [
    ("The iPhone 16 is here. The iPhone-16 sells well.", "iPhone 16", 2),
    ("Nokia TV is new. Both the Nokia TVs sell online.", "Nokia TV", 2),
    ("The Hyundai Creta leads. The Creta is cheaper.", "Hyundai Creta", 2),
])
def test_spellings_of_one_product_are_one_entity(text, name, count):
    assert names(text)[name][1] == count and len(names(text)) == 1


def test_a_heading_word_after_a_model_is_no_trim():
    assert set(names("Mahindra XUV700 Production\n\nThe XUV700 is in demand.")) == {"Mahindra XUV700"}


def sale_products(text: str) -> dict[int, str | None]:
    return {s.units: s.product for s in extract(text).sales}


@pytest.mark.parametrize("text, units, product", [
    ("Ferro has sold 200,000 Zeta 9 phones in just 60 seconds.", 200000, "Zeta 9"),
    ("Ferro said it sold 2 million Zeta 9 units last year.", 2000000, "Zeta 9"),
    ("Micromax has announced that it has sold more than a million Canvas Vela series smartphones. "
     "The Canvas Vela is cheap.", 1000000, "Canvas Vela"),
    ("Ferro India has sold over 10 lakh units of its recently-launched Zeta 9 and Zeta 7 phones.", 1000000, "Zeta 9"),
    ("It sold 40,000 units of Zeta 7 and Zeta 9 each day.", 40000, "Zeta 7"),
])
def test_the_product_named_with_the_figure_owns_the_sale(text, units, product):
    assert sale_products(text)[units] == product


def test_a_sale_of_another_kind_is_the_product_of_that_kind():
    text = ("Ferro has sold 100,000 Zeta 9 phones in 60 seconds and 2500 TVs in 90 seconds. "
            "Ferro also launched its 50-inch 4K smart TV last month.")
    assert sale_products(text) == {100000: "Zeta 9", 2500: "Ferro 50-inch 4K smart TV"}


@pytest.mark.parametrize("text, units, product", [
    ("The Zeta 9 sold well. The smartphone maker sold 7.1 million devices in the half year.", 7100000, None),
    ("The Zeta 9 sold well. In May, Ravo smartphone was launched by the company, and all 50,000 units of "
     "the cheap phone sold out in a minute.", 50000, "Ravo"),
    ("Apple came second as iPhone shipments grew to 8.0 million units, helped by the iPhone 16e.", 8000000, "iPhone"),
    ("Makers of BEVs\n\nStellantis must reposition its BEV lineup, with 1.4 million units sold so far.", 1400000, None),
])
def test_company_totals_passive_launches_and_series_figures(text, units, product):
    assert sale_products(text)[units] == product


def test_noun_named_and_quoted_names_tried_where_they_can_start_equal_a_full_scan():

    from newsfacts.components.product_names import (
        QUOTED,
        noun_named,
        noun_named_pattern,
        noun_offsets,
        quoted_names,
    )

    texts = corpus_texts()
    texts += ["Reviewers liked the Pema Chromebook and the Zephyr One electric scooter; crossover Dune-X, "
              "of Lumio Notebook, its 'Vesta Q5' and Lava \"Zeta R2\", the\n'Kavo M3' and a phone, the Ray."]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in noun_named(text, noun_offsets(text))] == \
            [(m.span(), m.groupdict()) for m in noun_named_pattern().finditer(text)]
        assert [(m.span(), m.groupdict()) for m in quoted_names(text)] == \
            [(m.span(), m.groupdict()) for m in QUOTED.finditer(text)]


def test_a_model_named_by_the_end_of_its_name_is_one_entity():
    data = find_products("The Galaxy Tab 9 is out. The Tab 9 costs less than the Samsung Tab 9 Lite.")
    assert [(p["name"], len(p["mentions"])) for p in data["products"]] == [("Galaxy Tab 9", 2), ("Samsung Tab 9 Lite", 1)]


def test_the_makers_bare_tv_right_after_its_named_tv_is_that_tv():
    text = ("Nokia TV launches in India soon.\n\nIt could be the Nokia Smart TV Q series. Already sold in Europe, "
            "the Nokia TV comes in a 50-inch model and a 65-inch model.\n\nNokia TV prices are not out.")
    assert spec_products(text)["50-inch"] == "Nokia Smart TV Q series"
    assert len(find_products(text)["products"]) == 2


@pytest.mark.parametrize("text", [
    "It runs Harmony 4.0 out of the box.",
    "Updates to Lollipop 5.1 and Tizen 3 are due.",
])
def test_operating_systems_are_not_products(text):
    assert names(text) == {}


def test_a_watch_named_without_its_series_word_is_one_entity():
    data = find_products("The Lumio Watch Series 3 is here. The design of the Watch 3 is unchanged.")
    assert [(p["name"], len(p["mentions"])) for p in data["products"]] == [("Lumio Watch Series 3", 2)]


@pytest.mark.parametrize("text, fact, product", [
    ("The Zephyr 5 is new. Only a few phones like the Kavo M3 and Kavo M5 offer the Android 15 OS.",
     "Android 15 OS", "Kavo M5"),
    ("The Zephyr 5 is new. It is cheaper than phones like the Kavo M3, and it runs the Android 15 OS.",
     "Android 15 OS", "Zephyr 5"),
])
def test_products_given_as_examples_of_a_subject_are_not_compared(text, fact, product):
    assert spec_products(text)[fact] == product


def test_brand_word_pairs_read_at_mention_starts_equal_pairs_read_in_every_capitalised_run():
    import re

    from newsfacts.components.product_names import (
        CAPITALISED_RUN,
        NOT_A_MODEL_NAME,
        NOT_A_PRODUCT,
        PRICED_AFTER,
        TITLE_WORD,
        _brand_word_pairs,
        _lexicon,
        _services,
    )

    def in_every_run(text):  # _brand_word_pairs as first written: every run of capitalised words read
        brands, series, _ = _lexicon()
        for run in CAPITALISED_RUN.finditer(text):
            words = [(m.group(0), m.start()) for m in re.finditer(r"[^ \u00a0]+", run.group(0))]
            for i in range(len(words) - 1):
                for width in (2, 1):
                    if i + width >= len(words):
                        continue
                    brand = " ".join(w for w, _ in words[i:i + width])
                    name, offset = words[i + width]
                    if (brand in brands or brand in series) and TITLE_WORD.fullmatch(name) and not name.endswith("est") \
                            and name not in NOT_A_MODEL_NAME and name not in brands and name not in series \
                            and not _services().match(f"{brand} {name}"):
                        start, end = run.start() + words[i][1], run.start() + offset + len(name)
                        if name not in NOT_A_PRODUCT or PRICED_AFTER.match(text, end):
                            yield brand, name, (start, end)
                        break

    texts = corpus_texts()
    texts += [("New Hyundai Arvo Costs More; Royal\u00a0Enfield Vela and Royal Enfield Tide, priced at Rs 2 lakh. "
               "-Hyundai Arvo, x-Samsung Galaxy Vela, Galaxy Vela Prime Xeno, Rs Lakh Zeta, Samsung\u00a0Galaxy\u00a0Vela")]
    for text in texts:
        assert list(_brand_word_pairs(text)) == list(in_every_run(text))


SHAPED_MODELS = ("The X7d and THE K90 Pro Max, the 17T Pro 5G; a-the X9, its\u00a0S24 FE, Cheaper A55 series, "
                 "the  \n 5T and the 123TT, the AB12c. The 55-inch model, A  65-inch TV; its\n\n 43-inch set, "
                 "a-the 50-inch model, the 100-inch variant, the 5-inch model")


def test_siblings_and_sized_models_tried_before_their_tokens_equal_a_full_scan():
    from newsfacts.components.product_names import (
        SIBLING,
        SIZED,
        _shape,
        siblings,
        sized_models,
    )

    texts = corpus_texts() + [SHAPED_MODELS]
    for text in texts:
        assert [m.span() for m in sized_models(text)] == [m.span() for m in SIZED.finditer(text)]
        for shapes in ({"X"}, {"#T"}, {"K", "#T", "S", "A", "#TT", "AB"}):
            assert [(m.span(), m.groupdict()) for m in siblings(text, shapes)] == \
                [(m.span(), m.groupdict()) for m in SIBLING.finditer(text) if _shape(m.group("token")) in shapes]


def test_series_alone_read_at_mention_starts_equal_a_full_scan():
    from newsfacts.components.product_context import _add_series_alone
    from newsfacts.components.product_names import _Catalogue, mention_start_offsets

    texts = corpus_texts() + ["The 12-inch Lumibook and the new iPhone; Galaxy shipments grew, -Galaxy, Moto-X, xGalaxy"]
    for text in texts:
        at_starts, scanned = _Catalogue(), _Catalogue()
        _add_series_alone(text, at_starts, mention_start_offsets(text))
        _add_series_alone(text, scanned)
        assert (at_starts.products, at_starts.mentions) == (scanned.products, scanned.mentions)


def test_determiners_read_back_from_anchors_equal_a_search_in_reach():
    from newsfacts.components.product_context import (
        DETERMINER_BEFORE,
        DETERMINER_ENDINGS,
        DETERMINER_LENGTHS,
        VARIANTS_BEFORE,
        VARIANTS_ENDINGS,
        VARIANTS_LENGTHS,
        _starts_before,
    )

    def searched(text, anchors, before, reach):  # _starts_before as first written
        found = (before.search(text, max(0, anchor - reach), anchor) for anchor in anchors)
        return sorted({back.start() for back in found if back is not None})

    texts = corpus_texts() + ["the Rs 5, An  $9, xthe €3, a-the £4,\nTHE\n\n₹5, new  Rs, variants of the, Trims  \x1c of the, itſ Rs 4"]
    for text in texts:
        anchors = range(len(text) + 1)
        assert _starts_before(text, anchors, DETERMINER_BEFORE, DETERMINER_LENGTHS, DETERMINER_ENDINGS, 8) == \
            searched(text, anchors, DETERMINER_BEFORE, 8)
        assert _starts_before(text, anchors, VARIANTS_BEFORE, VARIANTS_LENGTHS, VARIANTS_ENDINGS, 12) == \
            searched(text, anchors, VARIANTS_BEFORE, 12)


def test_plan_list_lines_and_plans_at_a_price_tried_at_their_anchors_equal_a_full_scan():
    from newsfacts.components.product_plans import (
        PLAN_AT_PRICE,
        PLAN_AT_PRICE_NOUNS,
        PLAN_LIST_LINE,
        list_lines,
    )
    from newsfacts.scan import find_all, matches_at

    texts = corpus_texts() + [("Rs 179 → Rs 199: 2GB\n- Rs 719 -> Rs 859: 3GB\n*\n\n₹ 99 to ₹ 129 | 1GB\n•Rs. 5 => Rs. 9 – x\n"
                               "a pack of ₹296, the recharge priced at Rs 199, plans starting at Rs 9, -plan for Rs 5")]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in list_lines(text)] == \
            [(m.span(), m.groupdict()) for m in PLAN_LIST_LINE.finditer(text)]
        nouns = sorted(offset for noun in PLAN_AT_PRICE_NOUNS for offset in find_all(text, noun))
        assert [m.span() for m in matches_at(PLAN_AT_PRICE, text, nouns)] == [m.span() for m in PLAN_AT_PRICE.finditer(text)]
