"""Units sold: figures, metric, bound, product, period — and what is not a sale."""

from datetime import date

import pytest

from newsfacts import extract


def sales(text, published=date(2025, 3, 14)):
    return [(s.units, s.bound, s.metric, s.period.duration if s.period else None)
            for s in extract(text, published=published).sales]


FIGURES = [
    ("Xiaomi has already sold a million units of smartphones.", (1_000_000, "exact", "sold", None)),
    ("Xiaomi hits milestone by selling 1 million smartphones in 18 days in India",
     (1_000_000, "exact", "sold", "P18D")),
    ("It sold over 200,000 units within two weeks of launch.", (200_000, "at_least", "sold", "P2W")),
    ("In Q2 alone, the company shipped 23.1 million phones.", (23_100_000, "exact", "shipped", "P3M")),
    ("The brand sold 2.5 lakh units on Flipkart.", (250_000, "exact", "sold", None)),
    ("It has sold 50 lakh smartphones in India.", (5_000_000, "exact", "sold", None)),
    ("It sold 1.3 million smartphones in 20 hours.", (1_300_000, "exact", "sold", "PT20H")),
    ("It sold more than 250,000 units in just 10 minutes.", (250_000, "at_least", "sold", "PT10M")),
    ("Its P-series crossed 5 mn units in 2024.", (5_000_000, "at_least", "sold", "P1Y")),
    ("Dealers reported 55,000 units sold on day one.", (55_000, "exact", "sold", "P1D")),
    ("A million units sold before today's sale.", (1_000_000, "exact", "sold", None)),
    ("Mahindra dispatched 43,708 SUVs in the domestic market.", (43_708, "exact", "shipped", None)),
    ("The Ryze has received over 10,000 bookings.", (10_000, "at_least", "booked", None)),
    ("Voltaris delivered 212,400 vehicles in the third quarter.", (212_400, "exact", "delivered", "P3M")),
    ("Ather registered 28,640 scooters in October.", (28_640, "exact", "registered", "P1M")),
    ("Huawei handsets logged 12.4 million activations in the quarter.",
     (12_400_000, "exact", "activated", "P3M")),
    ("Shipments stood at nearly 2.5 lakh units within 12 hours.", (250_000, "at_most", "shipped", "PT12H")),
    ("Its dealers sold 1,000 cars a day through Navratri.", (1_000, "exact", "sold", "P1D")),
    ("Xiaomi shipped an estimated 7.3 million phones in China.", (7_300_000, "approximate", "shipped", None)),
    # small counts right after their verb
    ("The kiosk sold 40 handsets in an hour.", (40, "exact", "sold", "PT1H")),
    ("Meera said she bought six Lumio phones for her staff.", (6, "exact", "sold", None)),
    # rates without the item
    ("Arvo is handing over cars at about 800 a day.", (800, "approximate", "delivered", "P1D")),
    ("Zentro is delivering scooters at a rate of roughly 1,200 a day.", (1_200, "approximate", "delivered", "P1D")),
    ("Orvix sold 20,000 units of the Z3 and the Z3 Pro each day.", (20_000, "exact", "sold", "P1D")),
    ("EVs make up 12% of its sales (selling around 4,000 units on an average every month).",
     (4_000, "approximate", "sold", "P1M")),
    # glued magnitudes, "-plus", a space after the grouping comma
    ("The brand sold 2.1m phones last year.", (2_100_000, "exact", "sold", "P1Y")),
    ("Nexo shipped 3mn handsets in the quarter.", (3_000_000, "exact", "shipped", "P3M")),
    ("Volumes hit seven lakh-plus units in October.", (700_000, "at_least", "sold", "P1M")),
    ("We have sold around 300, 000 devices in Kenya.", (300_000, "approximate", "sold", None)),
    ("Domestic sales stood at 2,40,500 units in March.", (240_500, "exact", "sold", "P1M")),
    # items told by their kind
    ("A total of 52,100 new BEVs were registered in May.", (52_100, "exact", "registered", "P1M")),
    ("Some 41.5 million mobiles were shipped in the quarter.", (41_500_000, "approximate", "shipped", "P3M")),
    # bounds: a milestone crossed, a comparison's base
    ("Bookings crossed the mark of 50,000 units.", (50_000, "at_least", "booked", None)),
    ("Bookings are crossing the 80,000 mark.", (80_000, "at_least", "booked", None)),
    # sales that changed to a bare figure
    ("Tablet sales in the region grew almost three-fold to over 4.4 million in 2013.",
     (4_400_000, "at_least", "sold", "P1Y")),
    ("Scooter shipments fell sharply to 2.3 lakh in May.", (230_000, "exact", "shipped", "P1M")),
]


@pytest.mark.parametrize("text, expected", FIGURES, ids=[f[0] for f in FIGURES])
def test_sales_figures(text, expected):
    assert sales(text) == [expected]


def test_a_range_is_two_sales():
    assert sales("Wholesales came in between 800,000 and 925,000 units.") == [
        (800_000, "at_least", "shipped", None), (925_000, "at_most", "shipped", None)]


NOT_SALES = [
    "Orvix plans to sell 1 crore units this year.",
    "The company aims to sell 2 crore units during the festive season.",
    "It expects to cross 10 million units by the end of 2026.",
    "The plant can manufacture 33 million phones a year.",
    "The brand has a target of 10 lakh units.",
    "Amazon said 1.1 crore customers shopped during the sale.",
    "The app saw 45 lakh downloads and 2.4 billion page views.",
    "Flipkart sold Rs 750 crore worth of smartphones.",
    "Samsung held an 18.4% market share.",
    "The phone has a 5000mAh battery and costs Rs 16,999.",
    "Xiaomi's installed base stands at 600 million devices.",
    # plans, hedges, imports, output, thresholds, user counts
    "Despite the slump, the carmaker planned to deliver 400,000 vehicles in 2021.",
    "Orvix may have passed 1 million units by now.",
    "Imports of 3 lakh handsets were recorded in 2020-21.",
    "A total of 885,000 mobile sets worth Rs 2 billion were imported in ten months.",
    "There are almost 6,000 more deliveries planned over the next week.",
    "It posted its delivery target, which was set at 1.6 million vehicles.",
    "The telecom unit added 4.2 million smartphone customers.",
    "Sales exceeded the 30,000 units threshold for the first time.",
    "The startup can break the two million units line this year.",
    "With respect to sales for the 2017-18 financial year, volumes were strong.",
    "Sales for the 2019-20 year - 18 models were on offer.",
    # a figure that is part of a name; an estimate told in the clause before
    "Over several months of selling Zeta 450, the maker learnt a lot.",
    "Over 70% of its sales are of bikes that are more than 125 cc bikes.",
    "Orvix has revised the estimated sales figure for this year, which is around 20 million smartphones.",
]


@pytest.mark.parametrize("text", NOT_SALES)
def test_not_sales(text):
    assert sales(text) == []


def test_sale_product_from_its_clause():
    text = "The Mate 60 Pro, priced at 6,999 yuan, sold about 1.6 million units in its first six weeks."
    [sale] = extract(text).sales
    assert (sale.product, sale.bound, sale.period.duration) == ("Mate 60 Pro", "approximate", "P6W")


def test_a_company_figure_has_no_product():
    text = ("The OnePlus Nord 6 sold out. The OnePlus Nord 6 is popular. OnePlus Nord 6 fans cheered.\n\n"
            "OnePlus shipped about 1.8 million smartphones in India in 2024.")
    [sale] = extract(text).sales
    assert sale.product is None and sale.company == "OnePlus" and sale.region == "India"


def test_period_of_a_monthly_report_comes_from_its_headline():
    text = (" date 2023-11-01 \nFestive rush lifts October auto sales\n\n"
            "Kia India sold 21,941 units. Toyota Kirloskar Motor sold 21,879 units, 68 per cent more than a year ago.")
    assert [(s.units, s.period.start) for s in extract(text).sales] == [
        (21_941, date(2023, 10, 1)), (21_879, date(2023, 10, 1))]


def test_table_of_monthly_sales_by_model():
    text = (" date 2025-11-01 \nTop models\n\nModel | October 2025 | October 2024\n"
            "Tata Nexon | 22,083 | 14,759\nHyundai Creta | 18,381 | 17,497\n")
    found = [(s.units, s.product, s.period.start.year) for s in extract(text).sales]
    assert found == [(22_083, "Tata Nexon", 2025), (14_759, "Tata Nexon", 2024),
                     (18_381, "Hyundai Creta", 2025), (17_497, "Hyundai Creta", 2024)]


def test_no_sales_from_comments():
    text = "Phone sells out\n\nIt sold 1 lakh units in a day.\n\nLeave a Reply\nravi: I heard they sold 5 lakh units"
    assert [s.units for s in extract(text).sales] == [100_000]


def products_of_sales(text):
    return {s.units: s.product for s in extract(text).sales}


def test_a_reported_figure_takes_the_product_of_the_sentence_before():
    text = ("Honor prices X9d and X7d for Sri Lanka\n\n"
            "The Honor X9d costs more. The X7d uses a 6.77-inch display and a 6,500mAh battery. "
            "Honor says it has already received more than 12,000 pre-orders.")
    assert products_of_sales(text)[12000] == "Honor X7d"


def test_a_launch_article_lends_its_product_to_bare_figures():
    text = ("Lava Agni 3 launched at Rs 21,999: price, specs\n\n"
            "The Lava Agni 3 comes with a 5,000mAh battery. Lava said pre-bookings crossed 50,000.")
    assert products_of_sales(text)[50000] == "Lava Agni 3"


@pytest.mark.parametrize("text, units", [
    ("Nimbus Zen 5 launched\n\nThe Nimbus Zen 5 is here. Nimbus sold 38 lakh smartphones in 2023.", 3800000),
    ("Kestrel Aura X review\n\nThe Kestrel Aura X rides well. Kestrel Motors sold 41,250 scooters last year.", 41250),
    ("Nimbus Zen 5 launched\n\nThe Nimbus Zen 5 is here. The company crossed the 1 lakh cumulative sales mark.", 100000),
    ("Maruti October sales\n\nCompact cars such as the Swift, Baleno and Dzire rose to 80,662 units.", 80662),
])
def test_company_segment_and_cumulative_totals_have_no_product(text, units):
    assert products_of_sales(text)[units] is None


def test_a_change_column_of_percentages_is_no_sale():
    text = ("October sales\n\nModel | Oct 2026 | Oct 2025 | Change\n"
            "Honda Activa | 2,61,340 | 2,44,910 | 6.7%\nTVS Jupiter | 1,35,060 | 1,12,400 | 20.2%\n")
    assert sorted(s.units for s in extract(text).sales) == [112400, 135060, 244910, 261340]


def test_the_rest_of_a_ranking_in_one_sentence():
    text = "Samsung shipped 57.5 million units in the quarter, followed by Apple at 54.5 million and Xiaomi at 43.5 million."
    assert [(s.units, s.company) for s in extract(text).sales] == [
        (57500000, "Samsung"), (54500000, "Apple"), (43500000, "Xiaomi")]


def test_a_ranked_list_with_lower_case_brands_and_others():
    text = ("Top five brands, Q3 2023 (shipments)\n1. Samsung – 7.9 million (18.4%)\n2. vivo – 7.6 million (17.7%)\n"
            "Others – 10.8 million (25.1%)\n")
    assert [(s.units, s.company) for s in extract(text).sales] == [
        (7900000, "Samsung"), (7600000, "vivo"), (10800000, None)]


def test_a_table_column_of_shipments_scaled_by_its_heading():
    text = ("Japan smartphone shipments, Q3 2025 (million units)\nBrand | Shipments | Share\n"
            "Apple | 3.40 | 50.0%\nGoogle | 1.02 | 15.0%\n")
    found = [(s.units, s.metric, s.company, s.period.duration) for s in extract(text).sales]
    assert found == [(3400000, "shipped", "Apple", "P3M"), (1020000, "shipped", "Google", "P3M")]


def test_an_elliptic_figure_after_a_brand():
    text = "Samsung shipped 480,000 phones in the quarter and Sony 290,000."
    assert [s.units for s in extract(text).sales] == [480000, 290000]


def test_a_sentence_with_its_own_subject_borrows_no_product():
    text = ("Japan smartphone shipments\n\nApple shipped 3.4 million units in the quarter. Google was "
            "second, helped by discounts on the Pixel 10. Sharp held third place with 710,000 units.")
    assert [(s.units, s.product) for s in extract(text).sales] == [(3400000, None), (710000, None)]


@pytest.mark.parametrize("text, expected", [
    ("Kairo sold 10 lakh units in May. It took a fortnight more to reach the 15 lakh mark.",
     [(1000000, "units"), (1500000, None)]),
    ("Sensex crossed the 75,000 mark on Monday.", []),
])
def test_a_milestone_mark_is_a_sale_only_among_sales(text, expected):
    assert [(s.units, s.item) for s in extract(text).sales] == expected


PERIODS = [
    # a period after the figure, with modifiers, or after the figure's own verb
    ("It sold more than 20,000 units in less than two minutes in its first flash sale.", ["PT2M"]),
    ("Zento got 250,000 pre-bookings for its Z9 series over a three-week period.", ["P3W"]),
    ("Orvio sold about 38 lakh smartphones in Kenya in 2023, according to the company.", ["P1Y"]),
    ("Sales rose 12 per cent over 2,300 units sold last year.", ["P1Y"]),
    # a period opening the sentence, or earlier in a clause the figure's clause continues
    ("In the March quarter this year, Arvo delivered 90,000 vehicles.", ["P3M"]),
    ("With respect to sales for the third quarter of 2024, volumes stood at 80,100 units.", ["P3M"]),
    ("Wearable shipments grew 40% in the third quarter of 2024, shipping 11.2 million units.", ["P3M"]),
    ("The Lumio X was the top model in the second quarter, with 2.3 million units shipped.", ["P3M"]),
    # a comparison: each figure keeps its own period
    ("Sales rose to 2.1 lakh units against 1.8 lakh units in June last year.", [None, "P1M"]),
    # totals to date have none, and take none from the sentence before
    ("Orvix sold 2 lakh units in May. It has sold 5 million phones since 2019.", ["P1M", None]),
    ("Nexo in September said that it has sold more than 2.6 million smartphones since 2014.", [None]),
    # the time a record was set in is no selling period
    ("PC shipments in the third quarter were the highest in the last seven years with 3.4 million units.", ["P3M"]),
    # "took ... to sell"
    ("The Zeta 5 took around 30 minutes to sell 1 lakh units on its opening day last year.", ["PT30M"]),
    # a rate's own period wins over a span after it
    ("Its dealers sold 1,000 cars a day through the nine days of the festival.", ["P1D"]),
    # a report's colon: "this week: 200,000" is when it was told
    ("Tarvo has better news to report this week: 203,000 fully paid bookings.", [None]),
    # "a year earlier" says when the compared figure was, not for how long: it is of the same length
    ("Kestrel sold 5,19,342 units in September 2023, up 2.5 per cent from 5,07,690 units a year earlier.",
     ["P1M", "P1M"]),
    # "last month" after a short phrase links itself
    ("The company dispatched 1,52,000 vehicles to dealers last month.", ["P1M"]),
]


@pytest.mark.parametrize("text, periods", PERIODS, ids=[p[0] for p in PERIODS])
def test_selling_periods(text, periods):
    assert [s[3] for s in sales(text)] == periods


def test_a_heading_with_a_month_frames_the_figures_under_it():
    text = (" date 2021-06-02 \nTwo-wheeler makers post mixed numbers\n\n"
            "Buyers are back in showrooms.\n\nDomestic Sales May 2021\n\n"
            "Total two-wheelers sold stood at 3,30,823 units, a growth of 26 percent over 2,61,630 units. "
            "Exports were 41,067 units.")
    assert {s.units: s.period.duration if s.period else None for s in extract(text).sales} == {
        330823: "P1M", 261630: "P1M", 41067: "P1M"}


def test_the_lead_period_carries_to_figures_without_their_own():
    text = (" date 2020-10-01 Kestrel Motors on Thursday reported a 30 per cent rise in total sales at "
            "1.6 lakh units during September. The company sold 1.2 lakh units in September last year.\n\n"
            "Two-wheeler sales jumped 20 per cent at 4.04 lakh units against 3.36 lakh units in September last year.")
    assert [(s.units, s.period.duration) for s in extract(text).sales] == [
        (160000, "P1M"), (120000, "P1M"), (404000, "P1M"), (336000, "P1M")]


def test_a_sale_in_the_period_takes_the_period_told_before():
    text = ("Orvix and its subsidiaries sold 7.41 million vehicles in the January-to-September period.\n"
            "Its overseas sales rose 3.3 per cent from a year earlier to 5.66 million units in the period.\n"
            "Domestic sales fell to 1.75 million units for the same period.")
    assert [s.period.duration if s.period else None for s in extract(text).sales] == ["P9M", "P9M", "P9M"]


def test_a_figure_told_again_takes_its_period():
    text = ("Zento Z5 is the fastest phone to sell 1 million units\n\n"
            "The Zento Z5 has sold more than one million units in 45 days, the company said.")
    assert [s.period.duration for s in extract(text).sales] == ["P45D", "P45D"]


def test_of_these_is_a_share_of_the_figure_before():
    text = ("A total of 53 million handsets were shipped in the first quarter of 2015. "
            "Out of these, 19.5 million or about 37% of handsets, were smartphones.")
    assert sales(text, date(2015, 6, 1)) == [(53_000_000, "exact", "shipped", "P3M"),
                                            (19_500_000, "exact", "shipped", "P3M")]


def test_a_growth_over_a_figure_is_no_bound():
    text = "Domestic volumes stood at 801,230 units, increasing by 23 per cent over 651,107 units sold a year ago."
    assert [(s[0], s[1]) for s in sales(text)] == [(801230, "exact"), (651107, "exact")]


@pytest.mark.parametrize("text, period", [
    ("Festive sales touched 2 lakh units on Dhanteras.", "P1D"),
    ("On Singles' Day, Orvix sold 10,000 phones.", "P1D"),
    ("The brand sold 10,000 phones on Black Friday alone.", "P1D"),
    ("Orvix said on Diwali that it has sold 5 million phones.", None),
])
def test_a_festival_day_is_one_day(text, period):
    assert [s[3] for s in sales(text)] == [period]


@pytest.mark.parametrize("lead, period", [
    # a lead about sales names the period the article's figures are of
    ("Three Chinese carmakers broke their monthly delivery records in October, a traditional high season for car buyers there.", "P1M"),
    ("Kestrel Motors reported a 54 percent fall in total sales in the month of June at 57,428 units.", "P1M"),
    # not a launch, a plan or the time of the report
    ("The Zeta lineup, sold online only, went on sale in May earlier this year.", None),
    ("Kestrel will hand over the first cars to buyers who booked in July this year, it said.", None),
    ("Kestrel sold its first cars and has better news to report this week: demand is strong.", None),
])
def test_the_lead_frames_figures_without_a_period(lead, period):
    text = f" date 2020-11-02 {lead}\n\nThe startup said it shipped 40,422 units, up from a year ago.\n"
    found = {s.units: s.period.duration if s.period else None for s in extract(text).sales}
    assert found[40422] == period


def test_a_plus_after_a_magnitude_word_is_a_bound():
    assert sales("The brand sold 1 lakh+ units in 10 minutes.") == [(100_000, "at_least", "sold", "PT10M")]
