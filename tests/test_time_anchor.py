"""The article's anchor for relative periods when it states no date of its own, and periods
resolved against the period in focus. Texts are made up; each pattern has several variants."""

from datetime import date

import pytest

from newsfacts import extract
from newsfacts.components.timespans.anchoring import Anchor, Evidence, infer_anchor
from newsfacts.components.timespans.finding import find_anchored


def periods(text, reference=None):
    records, anchor = find_anchored(text, reference)
    return {text[r["span"][0]:r["span"][1]]: (r["start"], r["end"]) for r in records}, anchor


@pytest.mark.parametrize("text, phrase, start", [
    # the latest period the text reports on: written after it
    ("Zentro sold 40,000 scooters in August 2023. Sales in July were lower.", "July", "2023-07-01"),
    ("Kestrel shipped 2 million phones in Q3 2019, up from the previous quarter. In Q3 alone it grew.",
     "Q3", "2019-07-01"),
    # a year the text names: the months it names without one are in it
    ("The Orla Mini went on sale in 2016. In March, it crossed 10,000 units.", "March", "2016-03-01"),
    # a relative period restated with its year
    ("We will double our stores this year (2021), and in June we open a plant.", "June", "2021-06-01"),
    ("More models will come next year, 2030. In May the first one ships.", "May", "2029-05-01"),
])
def test_relative_periods_resolve_against_an_anchor_inferred_from_the_text(text, phrase, start):
    found, anchor = periods(text)
    assert anchor is not None and anchor.source == "text"
    assert found[phrase][0] == start


@pytest.mark.parametrize("text, anchor_day", [
    ("sales rose 9% compared to March 2024, when it sold 800 units in March.", date(2025, 4, 1)),
    ("It sold 5,000 units, up from 4,100 units in June 2017.", date(2018, 7, 1)),
])
def test_a_year_ago_base_counts_a_year_on(text, anchor_day):
    assert periods(text)[1].day == anchor_day


def test_a_quarter_on_quarter_base_does_not():
    text = "Shipments grew 6% quarter-on-quarter over Q2 2014 in Q3."
    assert periods(text)[1].day == date(2014, 7, 1)


def test_a_year_in_a_sentence_looking_ahead_is_no_evidence():
    text = "In 2011 the brand entered India. It will launch three models in 2030. Sales rose in May."
    found, anchor = periods(text)
    assert anchor.day.year == 2011 and found["May"][0] == "2011-05-01"


def test_a_forecast_year_anchors_when_all_else_dated_is_years_older():
    text = ("Its record profit came in fiscal 2006. It raised its forecast for the year to March 31, 2014. "
            "Sales rose in the current financial year.")
    found, anchor = periods(text)
    assert anchor.precision == "year"
    assert found["the current financial year"] == ("2013-04-01", "2014-03-31")


@pytest.mark.parametrize("text, phrase, expected", [
    ("NEW DELHI, March 3 (Agency) Rivo sold 1 million phones in Q4 2022. It sold fewer last month.",
     "last month", ("2023-02-01", "2023-02-28")),
    ("Pune [India], September 1 : Tablet shipments rose in April-June 2024. Last month was slow.",
     "Last month", ("2024-08-01", "2024-08-31")),
])
def test_a_dateline_without_a_year_takes_the_year_from_the_text(text, phrase, expected):
    found, anchor = periods(text)
    assert anchor.source == "dateline"
    assert found[phrase] == expected


def test_a_month_only_date_line_anchors_with_month_precision():
    article = extract(" date 2020-07 Sales fell last month.")
    assert (article.time_anchor.precision, article.time_anchor.source) == ("month", "published")
    assert article.published is None
    assert (article.time_spans[0].start, article.time_spans[0].end) == (date(2020, 6, 1), date(2020, 6, 30))


def test_a_year_only_anchor_fixes_no_month():
    found, anchor = periods("The brand entered India in 2012. Sales fell last month but grew this year.")
    assert anchor.precision == "year"
    assert found["last month"] == (None, None)
    assert found["this year"] == ("2012-01-01", "2012-12-31")


def test_the_article_says_which_anchor_it_used():
    article = extract("Lumo sold 2 lakh units in October 2022, more than last month.")
    assert (article.time_anchor.reference, article.time_anchor.precision) == (date(2022, 11, 1), "month")
    assert article.time_anchor.source == "text" and article.time_anchor.span.text == "October 2022"
    stated = extract(" date 2021-05-04 Sales fell last month.")
    assert (stated.time_anchor.source, stated.time_anchor.span.text) == ("published", "2021-05-04")
    assert extract("Sales fell last month.", published=date(2020, 1, 9)).time_anchor.source == "caller"
    assert extract("Sales fell last month.").time_anchor is None


def test_infer_anchor_prefers_a_restated_period_to_the_latest_one():
    evidence = [Evidence(date(2019, 7, 1), date(2019, 9, 30), (0, 5)),
                Evidence(date(2018, 1, 1), date(2018, 12, 31), (10, 20), within=True)]
    assert infer_anchor(evidence) == Anchor(date(2018, 1, 1), "year", "text", (10, 20))


# --- the period in focus --------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, expected", [
    ("Shipments reached 9 million in Q3 2016, up 20% from the previous quarter.", "the previous quarter",
     ("2016-04-01", "2016-06-30")),
    ("Sales were 40,000 in March 2019, against 35,000 in the preceding month.", "the preceding month",
     ("2019-02-01", "2019-02-28")),
    ("Exports in the 2015-16 financial year rose 12% over the previous financial year.",
     "the previous financial year", ("2014-04-01", "2015-03-31")),
    ("Its share grew to 12% in 2021's second quarter from 10% in the previous quarter, as against 9% in Q2 2020.",
     "the previous quarter", ("2021-01-01", "2021-03-31")),
])
def test_a_comparison_base_resolves_against_the_period_in_focus(text, phrase, expected):
    found, _ = periods(text, date(2030, 1, 15))
    assert found[phrase] == expected


def test_a_previous_period_that_is_no_comparison_base_counts_from_the_anchor():
    text = "It sold 2,000 units in the previous month as compared to 1,500 units a year ago."
    found, _ = periods(text, date(2023, 9, 19))
    assert found["the previous month"] == ("2023-08-01", "2023-08-31")


@pytest.mark.parametrize("published, expected", [
    (date(2018, 10, 25), ("2018-07-01", "2018-09-30")),  # reports on the quarter just ended
    (date(2019, 6, 14), ("2019-04-01", "2019-06-30")),  # the quarter in focus is long past
])
def test_this_quarter_of_a_dated_article(published, expected):
    text = "Revenue for Q3 2018 rose; ARPU improved this quarter." if published.year == 2018 else \
        "The record came in Q4 2018. It aims to beat it this quarter."
    found, _ = periods(text, published)
    assert found["this quarter"] == expected
