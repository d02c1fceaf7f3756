"""Time-span phrases of real pages, in made-up texts: compound periods, fiscal and tracker
forms, parts of a period, counted durations, and what is not a time span."""

from datetime import date

import pytest

from newsfacts import extract

from . import test_timespans

REFERENCE = date(2021, 10, 14)


def spans(text, reference=REFERENCE):
    """(text, duration, start, end) of each span: test_timespans' records without the anchor."""
    return [found[:4] for found in test_timespans.spans(text, reference)]


def one(text, reference=REFERENCE):
    return test_timespans.one(text, reference)[:4]


COMPOUNDS = [
    ("The lineup went on sale in June earlier this year.", "June earlier this year", "2021-06-01", "2021-06-30"),
    ("It launched the Vela 2 in March of 2019.", "March of 2019", "2019-03-01", "2019-03-31"),
    ("It entered the market in February last year.", "February last year", "2020-02-01", "2020-02-29"),
    ("Deliveries peaked in the March quarter this year.", "the March quarter this year", "2021-01-01", "2021-03-31"),
    ("Bookings ran between April and October in FY2023.", "April and October in FY2023", None, None),
    ("The brand aims for 2 million units this year (2021).", "this year (2021)", "2021-01-01", "2021-12-31"),
    ("More TVs will come next year, 2022.", "next year, 2022", "2022-01-01", "2022-12-31"),
    ("Shipments doubled in 3Q20 (July to September).", "3Q20 (July to September)", "2020-07-01", "2020-09-30"),
    ("Prices rose from March 2019 to March 2020.", "March 2019 to March 2020", "2019-03-01", "2020-03-31"),
    ("Output grew from 2005 to 2009.", "from 2005 to 2009", "2005-01-01", "2009-12-31"),
    ("Dispatches happen in March and April.", "March and April", "2021-03-01", "2021-04-30"),
    ("We shipped across Mar, Apr (sic).", "Mar, Apr", "2021-03-01", "2021-04-30"),
]


@pytest.mark.parametrize("text, phrase, start, end", COMPOUNDS, ids=[c[1] for c in COMPOUNDS])
def test_compound_periods_are_one_span(text, phrase, start, end):
    found = one(text)
    assert found[0] == phrase
    if start is not None:
        assert found[2:] == (start, end)


def test_months_in_a_fiscal_year_take_its_calendar_years():
    found = one("Bookings ran between April and October in FY2023.")
    assert found[2:] == ("2022-04-01", "2022-10-31")


def test_non_consecutive_months_stay_apart():
    assert [f[0] for f in spans("It sold well in March and in May.")] == ["March", "May"]


FISCAL = [
    ("Sales for the 2017-18 financial year rose.", "2017-04-01", "2018-03-31"),
    ("It looks forward to the 2019-20 fiscal.", "2019-04-01", "2020-03-31"),
    ("Growth of 30% is projected for the fiscal 2013-14.", "2013-04-01", "2014-03-31"),
    ("Volumes rose in Q1 FY 20-21.", "2020-04-01", "2020-06-30"),
    ("The segment grew in CY2016.", "2016-01-01", "2016-12-31"),
    ("The segment grew in CY 17.", "2017-01-01", "2017-12-31"),
    ("Wearables doubled in 2Q18.", "2018-04-01", "2018-06-30"),
    ("Shipments grew 5% in 2Q 2018.", "2018-04-01", "2018-06-30"),
    ("Share dipped in 2015's third quarter.", "2015-07-01", "2015-09-30"),
    ("Units stood at 1 lakh in quarter two of fiscal 2019.", "2018-07-01", "2018-09-30"),
    ("Profit rose in the second quarter of the ongoing fiscal.", "2021-07-01", "2021-09-30"),
    ("Its goal is within the 2024 calendar year.", "2024-01-01", "2024-12-31"),
    ("Profit is forecast at $9 billion for the year to March 31, 2014.", "2013-04-01", "2014-03-31"),
    ("Revenue rose in the quarter that ended December 31, 2022.", "2022-10-01", "2022-12-31"),
    ("The firm disclosed figures for the fiscal year ending March 2022.", "2021-04-01", "2022-03-31"),
]


@pytest.mark.parametrize("text, start, end", FISCAL, ids=[f[0] for f in FISCAL])
def test_fiscal_and_tracker_forms(text, start, end):
    assert one(text)[2:] == (start, end)


def test_an_apostrophe_quarter_is_fiscal_where_the_article_counts_in_fiscal_years():
    found = spans("FY19 revenue grew. India revenues for Q2'19 declined.", date(2018, 10, 25))
    assert found[-1][2:] == ("2018-07-01", "2018-09-30")
    assert one("Revenue for Q2'19 declined.", date(2019, 10, 25))[2:] == ("2019-04-01", "2019-06-30")


PARTS = [
    ("More deliveries are expected over the last week of the quarter.", date(2019, 6, 14),
     "2019-06-24", "2019-06-30"),
    ("Deliveries are scheduled from the last week of Oct 2021.", REFERENCE, "2021-10-25", "2021-10-31"),
    ("He was relaxed during the last two days of March.", date(2019, 4, 2), "2019-03-30", "2019-03-31"),
    ("Sales open in the first week of December.", REFERENCE, "2021-12-01", "2021-12-07"),
]


@pytest.mark.parametrize("text, reference, start, end", PARTS, ids=[p[0] for p in PARTS])
def test_a_part_of_a_period_is_not_the_whole_nor_last_week(text, reference, start, end):
    assert one(text, reference)[2:] == (start, end)


@pytest.mark.parametrize("text, reference, start", [
    ("Delivery of the phone comes later this weekend.", date(2017, 4, 18), "2017-04-22"),  # a Tuesday
    ("Over the weekend, the chief tweeted a song.", date(2019, 4, 1), "2019-03-30"),  # a Monday
    ("Thanks for your help last weekend!", date(2019, 4, 3), "2019-03-30"),
])
def test_weekends(text, reference, start):
    found = one(text, reference)
    assert (found[1], found[2]) == ("P2D", start)


DURATIONS = [
    ("Scale grew sevenfold in the last two fiscal years.", "the last two fiscal years", "P2Y"),
    ("It sells ten times what it sells on an average day.", "an average day", "P1D"),
    ("It launched three hundred and sixty-five days later.", "three hundred and sixty-five days", "P365D"),
    ("Batches sold out within half an hour.", "half an hour", "PT30M"),
    ("It led the market for five quarters in a row.", "five quarters", "P15M"),
    ("It won 8% of the market in a quarter.", "a quarter", "P3M"),
    ("It will be a month-long festival.", "a month-long", "P1M"),
    ("This decade-long trend goes on.", "decade-long", "P10Y"),
    ("Prices shifted over the last decade.", "the last decade", "P10Y"),
    ("Traffic stays high the week after Holi.", "the week after Holi", "P1W"),
    ("The share was 35% a year ago.", "a year ago", "P1Y"),
    ("It cost Rs 9 lakh just a year ago.", "just a year ago", "P1Y"),
    ("It goes from 0 to 50 km/h in 3.1 seconds.", "3.1 seconds", "PT3.1S"),
]


@pytest.mark.parametrize("text, phrase, duration", DURATIONS, ids=[d[1] for d in DURATIONS])
def test_counted_durations(text, phrase, duration):
    assert one(text)[:2] == (phrase, duration)


def test_a_list_of_durations_is_one_span_each():
    found = spans("Plans come with 3 days, 30 days, 90 days and 180 days validity.")
    assert [(f[0], f[1]) for f in found] == [("3 days", "P3D"), ("30 days", "P30D"), ("90 days", "P90D"),
                                            ("180 days", "P180D")]


@pytest.mark.parametrize("text, phrase, duration", [
    ("It took 1 minute 40 seconds.", "1 minute 40 seconds", "PT1M40S"),
    ("It took 2 days 1 month.", "2 days 1 month", "P1M2D"),
])
def test_a_compound_duration_names_each_unit_once(text, phrase, duration):
    assert one(text)[:2] == (phrase, duration)


@pytest.mark.parametrize("text, months", [
    ("Units sold in May 22 rose to 52,000 from 40,000 in May 21.", ["2022-05-01", "2021-05-01"]),
    ("Sales in June 19 grew over those of June 18; in May 19 they fell.", ["2019-06-01", "2018-06-01", "2019-05-01"]),
])
def test_a_month_with_a_two_digit_year_in_a_year_on_year_comparison(text, months):
    assert [f[2] for f in spans(text)] == months


@pytest.mark.parametrize("text", [
    "The phone goes on sale on May 21 and in stores on May 22.",
    "Launched globally on January 17, it opens bookings on January 18.",
    "Sales in May 21 were strong.",  # no comparison shows that "21" is a year
])
def test_a_month_and_two_digits_is_otherwise_a_date(text):
    assert [f for f in spans(text) if f[0].endswith(("21", "22", "17", "18"))] == []


NOT_SPANS = [
    "The store opened a minute past midnight.",
    "Most buyers are less than 35 years of age.",
    "Half the population is under 40 years old.",
    "Mobile revenue saw a year on year decline of 7%.",
    "The plan offered 900 minutes of local talk time.",
    "This was published 13 years ago",
    "The firm targets 40% by the end of next year.",
    "The plants should be ready by December this year.",
    "Users numbered 6 million as of mid-April 2010.",
    "It will grow 22% annually until 2013.",
    "The launch is set for the 20th of this month.",
    "Both the Vexa TV Q1 and the Vexa TV Q1 Pro 55-inch are premium sets.",
    "Users get 1.5GB of high speed data in a day.",
    "Buyers took a quarter of the stock.",
    "The 2019 Classic 350 sells well, as does its 2020 model.",
    "A share of 14% compares with 11% in the corresponding quarter a year ago.",
]


@pytest.mark.parametrize("text", NOT_SPANS)
def test_not_time_spans(text):
    assert spans(text) == []


@pytest.mark.parametrize("text", ["Dealers reported 55,000 units sold on day one.",
                                  "Dealers reported 55,000 units sold on the first day of the sale."])
def test_event_days_are_a_sales_period_but_no_time_span(text):
    article = extract(text, published=REFERENCE)
    assert article.time_spans == []
    assert article.sales[0].period.duration == "P1D"


def test_an_html_heading_tag_is_no_half_year():
    assert spans("users globally<\\/a><\\/h2> Showing a recovery") == []


@pytest.mark.parametrize("text, phrase, start", [
    ("2015 will be a year of expansion for the brand.", "2015", "2015-01-01"),
    ("Sales fell 3% compared to 2023.", "2023", "2023-01-01"),
    ("It will post an update on its 2023 delivery target.", "2023", "2023-01-01"),
    ("Fast forward to 2025, and prices doubled.", "2025", "2025-01-01"),
])
def test_a_year_standing_for_itself(text, phrase, start):
    found = one(text)
    assert phrase in found[0] and found[2] == start


@pytest.mark.parametrize("text", ["It sold 1.4 million units so far this year.",
                                  "Registrations so far this year fell 3%."])
def test_so_far_this_year_is_this_year(text):
    assert one(text)[:4] == ("this year", "P1Y", "2021-01-01", "2021-12-31")


def test_since_a_month_is_never_ahead():
    text = "Teams have run double shifts since January, and we will add stock."
    assert one(text, date(2025, 3, 3))[2] == "2025-01-01"
