"""Time spans: durations, calendar periods, relative periods, anchors — and what is not one.

Each rule's examples live in a table here (timexy style); the reference date is the
article's publication date unless a case says otherwise.
"""

from datetime import date

import pytest

from newsfacts import extract
from newsfacts.components.timespans import find_time_spans

from .conftest import corpus_texts

REFERENCE = date(2017, 10, 3)


def spans(text, reference=REFERENCE):
    return [(text[r["span"][0]:r["span"][1]], r["duration"], r["start"], r["end"], r["anchor"])
            for r in find_time_spans(text, reference)]


def one(text, reference=REFERENCE):
    found = spans(text, reference)
    assert len(found) == 1, found
    return found[0]


DURATIONS = [
    ("It sold out in 18 days.", "18 days", "P18D"),
    ("It took two weeks.", "two weeks", "P2W"),
    ("It took a month.", "a month", "P1M"),
    ("It did it in just a month.", "just a month", "P1M"),
    ("within 45 days", "45 days", "P45D"),
    ("for six months", "six months", "P6M"),
    ("in 10 minutes", "10 minutes", "PT10M"),
    ("within 36 hours", "36 hours", "PT36H"),
    ("in a single day", "a single day", "P1D"),
    ("in a fortnight", "a fortnight", "P2W"),
    ("for a year and a half", "a year and a half", "P18M"),
    ("a 22-day sale", "22-day", "P22D"),
    ("claimed to offer 2 days of battery backup", "2 days", "P2D"),
    ("an hour and a half", "an hour and a half", "PT1.5H"),
    ("two and a half hours", "two and a half hours", "PT2.5H"),
    ("takes 6 hours 30 minutes to charge", "6 hours 30 minutes", "P" + "T6H30M"),
    ("He left four years ago.", "four years ago", "P4Y"),
    ("the first 45 days of sale", "the first 45 days", "P45D"),
    ("a couple of weeks", "a couple of weeks", "P2W"),
    ("two decades", "two decades", "P20Y"),
    ("another week", "another week", "P1W"),
    # an acceleration time is a duration too (real pages' gold counts it, besides the spec)
    ("It reaches 100 km/h in 8.9 seconds.", "8.9 seconds", "PT8.9S"),
]


@pytest.mark.parametrize("text, span, duration", DURATIONS, ids=[d[0] for d in DURATIONS])
def test_durations(text, span, duration):
    found, iso, *_ = one(text)
    assert (found, iso) == (span, duration)


@pytest.mark.parametrize("text, span", [("It takes 3-5 years.", "3-5 years"),
                                         ("Delivery in 7 to 10 days.", "7 to 10 days"),
                                         ("in one to two years", "one to two years")])
def test_ranges_are_one_record_without_a_duration(text, span):
    assert one(text)[:2] == (span, None)


def test_anchored_durations():
    assert one("It sold 2 lakh units within two weeks of launch.")[1::3] == ("P2W", "launch")
    found = one("It sold 1 million units in 45 days from its first sale on January 23rd, 2017.")
    assert found[1:] == ("P45D", "2017-01-23", None, "first sale")


PERIODS = [
    ("in September", "2017-09-01", "2017-09-30"),
    ("for the month of September alone", "2017-09-01", "2017-09-30"),
    ("in September 2016", "2016-09-01", "2016-09-30"),
    ("In Q2 alone", "2017-04-01", "2017-06-30"),
    ("in Q3 2016", "2016-07-01", "2016-09-30"),
    ("in Q3 FY25", "2024-10-01", "2024-12-31"),
    ("the April-June quarter", "2017-04-01", "2017-06-30"),
    ("the third quarter", "2017-07-01", "2017-09-30"),
    ("the quarter ended September", "2017-07-01", "2017-09-30"),
    ("the quarter ended December 31, 2024", "2024-10-01", "2024-12-31"),
    ("three months ended 31 December", "2016-10-01", "2016-12-31"),
    ("the nine months ended December 2024", "2024-04-01", "2024-12-31"),
    ("in 2016", "2016-01-01", "2016-12-31"),
    ("in FY22", "2021-04-01", "2022-03-31"),
    ("in FY 2021-22", "2021-04-01", "2022-03-31"),
    ("for the financial year 2014 to 2015", "2014-04-01", "2015-03-31"),
    ("in H1 2020", "2020-01-01", "2020-06-30"),
    ("the first half of 2024", "2024-01-01", "2024-06-30"),
    ("the first nine months of 2023", "2023-01-01", "2023-09-30"),
    ("for the January-October period", "2017-01-01", "2017-10-31"),
    ("the sale ran from September 23 to 28", "2017-09-23", "2017-09-28"),
]


@pytest.mark.parametrize("text, start, end", PERIODS, ids=[p[0] for p in PERIODS])
def test_calendar_periods(text, start, end):
    assert one(text)[2:4] == (start, end)


def test_fiscal_context_makes_a_bare_quarter_fiscal():
    found = spans("Q2 net profit rose. Revenue for Q2 FY24 grew.", date(2023, 10, 26))
    assert [f[2] for f in found] == ["2023-07-01", "2023-07-01"]


RELATIVE = [
    ("sales last month", "2017-09-01", "2017-09-30"),
    ("sales this year", "2017-01-01", "2017-12-31"),
    ("sales last year", "2016-01-01", "2016-12-31"),
    ("Early this March, it sold", "2017-03-01", "2017-03-31"),
    ("launched in March this year", "2017-03-01", "2017-03-31"),
    ("the previous quarter", "2017-07-01", "2017-09-30"),
    ("next year", "2018-01-01", "2018-12-31"),
]


@pytest.mark.parametrize("text, start, end", RELATIVE, ids=[r[0] for r in RELATIVE])
def test_relative_periods_resolve_against_the_reference(text, start, end):
    assert one(text)[2:4] == (start, end)


def test_relative_periods_without_a_reference_keep_no_dates():
    assert one("sales last month", reference=None)[2:4] == (None, None)


def test_a_month_that_lies_ahead_in_a_forward_looking_sentence():
    assert one("Deliveries will begin in September.", date(2025, 5, 14))[2] == "2025-09-01"
    assert one("Sales were weak in September.", date(2025, 5, 14))[2] == "2024-09-01"


NOT_SPANS = [
    "The phone was announced on April 10, 2019.",
    "It goes on sale on October 5.",
    "The plan offers 1.5GB per day.",
    "Recharge every month to stay active.",
    "The plan costs Rs 250 a month.",
    "The plant makes 1,000 cars a day.",
    "Support is available 24x7 on 4G.",
    "Demand should improve in the coming weeks.",
    "Sales rose from the same period last year.",
    "The target is 1 million units by the end of 2022.",
    "It sold 9.8 lakh units a year earlier.",
    "Xiaomi CEO Lei Jun said so. It may rain.",
    "Volkswagen will open a second plant.",
    "It took a few days.",
]


@pytest.mark.parametrize("text", NOT_SPANS)
def test_not_time_spans(text):
    assert spans(text) == []


def test_published_from_a_dateline():
    text = "Phone sales soar\n\nNew Delhi, April 10, 2019: Xiaomi sold 1 million units last month."
    article = extract(text)
    assert article.published == date(2019, 4, 10)
    [last_month] = article.time_spans
    assert (last_month.start, last_month.end) == (date(2019, 3, 1), date(2019, 3, 31))


@pytest.mark.parametrize("byline", [
    "Updated: Apr 10, 2019 14:32 IST", "By Tech Desk | Updated: April 10, 2019",
    "Posted on April 10, 2019 by Rahul", "Gadgets Bureau | Wednesday, April 10, 2019",
])
def test_published_from_a_byline(byline):
    assert extract(f"Headline here\n\n{byline}\n\nBody text.").published == date(2019, 4, 10)


def test_a_date_deep_in_the_body_is_not_the_publication_date():
    text = "Headline\n\n" + "Body paragraph.\n\n" * 8 + "He posted on April 10, 2019."
    assert extract(text).published is None


def test_callers_published_date_anchors_relative_periods():
    article = extract("Xiaomi sold 1 million units last month.", published=date(2020, 1, 15))
    assert (article.time_spans[0].start, article.time_spans[0].end) == (date(2019, 12, 1), date(2019, 12, 31))


def test_embedded_post_date_anchors_when_nothing_else_does():
    text = "Early this March, it sold well. — Redmi India (@RedmiIndia) April 10, 2019"
    [march] = extract(text).time_spans
    assert march.start == date(2019, 3, 1)


def test_per_rule_triggers_find_what_scanning_every_window_finds(monkeypatch):
    """Rules run only around their own trigger; on every corpus article that must give the
    same spans as running every rule in every window."""

    from newsfacts.components import timespans

    texts = corpus_texts()
    fast = [timespans.find_time_spans(t, None) for t in texts]
    monkeypatch.setattr(timespans.finding, "_rule_windows", lambda folded: None)
    assert fast == [timespans.find_time_spans(t, None) for t in texts]


@pytest.mark.parametrize("text, span", [
    ("Sales grew in July. Prices rose after that.", "July"),
    ("Sales in Sept. 2024 rose.", "Sept. 2024"),
])
def test_a_full_stop_after_a_month_belongs_to_an_abbreviation_only(text, span):
    assert [t.span.text for t in extract(text).time_spans] == [span]


def test_a_chip_name_is_no_duration():
    text = "It runs an Intel Core Ultra 5 125H chip and the battery lasts 10 h."
    assert [t.duration for t in extract(text).time_spans] == ["PT10H"]


def test_a_period_between_two_dates():
    spans = extract("The sale ran between September 28 and October 31.", published=date(2019, 11, 5)).time_spans
    assert [(t.duration, t.start, t.end) for t in spans] == [("P34D", date(2019, 9, 28), date(2019, 10, 31))]


@pytest.mark.parametrize("text, quantified", [
    ("sold in 18 days", True), ("a 2-year plan", True), ("within twenty-five days", True),
    ("a couple of weeks", True), ("in a month", True), ("in 3days", True),
    ("this year", False), ("per month", False), ("the days", False), ("often weeks", False),
])
def test_the_duration_rules_run_only_after_a_quantity(text, quantified):
    from newsfacts.components.timespans import triggers as timespans

    unit = max(text.rfind(word) for word in ("days", "year", "weeks", "month"))
    assert timespans._quantified(text, unit) is quantified


def test_each_rule_is_tried_only_around_what_it_needs():
    """Derived trigger classes keep only the trigger matches their rules cannot match without."""
    from newsfacts.components.timespans import triggers as timespans

    text = ("sales from april 2 to may 5 rose; in the six months ended june and the quarter ended "
            "march, 2 years and 3 months after its launch, april to june, this year, 3-4 weeks, q2 and h1")
    found: dict = {}
    triggers = timespans.rule_triggers()

    def words(trigger_class):
        return [text[s:e] for s, e in timespans._trigger_spans(text, trigger_class, triggers, found)]

    assert words("month_day") == ["april", "may"]
    assert words("month_after_from") == ["april"]
    assert words("month_pair") == ["april", "june"]
    assert words("months_word") == ["months", "months"]
    assert words("quantified_unit") == ["months", "years", "months", "weeks"]
    assert words("anchored_unit") == ["months"]
    assert {"years", "months"} <= set(words("paired_unit"))
    assert words("ranged_unit")[-1] == "weeks"
    assert words("quarter_ended") == ["quarter"]
    assert words("quarter_mark") == ["quarter", "q2"]
    assert words("half_mark") == ["h1"]


def test_units_far_apart_make_no_compound_window():
    from newsfacts.components.timespans import triggers as timespans

    text = "it sold in 3 weeks" + " and then nothing" * 6 + ", then 4 days"
    found: dict = {}
    assert timespans._trigger_spans(text, "paired_unit", timespans.rule_triggers(), found) == []
    assert len(found["quantified_unit"]) == 2
    assert timespans._trigger_spans(text, "ranged_unit", timespans.rule_triggers(), found) == []
