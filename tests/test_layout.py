"""Layout: the date line, the title, paragraphs and boilerplate regions."""

import pytest

from newsfacts.components.layout import Boilerplate, analyse, get_layout

from .conftest import SEEDS


def regions(text):
    return [(text[s:e], what) for s, e, what in analyse(text)["boilerplate"]]


def test_leading_date_line_gives_published_and_is_not_body():
    text = " date 2017-10-03 Xiaomi may no longer be the top OEM. It sells well."
    layout = analyse(text)
    assert layout["published"] == "2017-10-03"
    assert regions(text) == [("date 2017-10-03", "date line")]
    assert layout["title"] is None  # the rest of the line is body text


def test_impossible_date_line_is_ignored():
    assert analyse("date 2017-13-45 Text.")["published"] is None


def test_title_is_a_short_first_line_without_a_full_stop():
    text = "Xiaomi hits milestone by selling 1 million phones\n\nFollow Us\n\nThe company said."
    layout = analyse(text)
    assert text[slice(*layout["title"])] == "Xiaomi hits milestone by selling 1 million phones"
    assert analyse("A full first sentence of the body.\n\nMore text.")["title"] is None
    assert analyse("Only one line")["title"] is None


def test_title_skips_navigation():
    text = "Home › Auto › Cars\nFollow Us\nToyota Ryze launched at Rs 7.99 lakh\n\nBody text here."
    layout = analyse(text)
    assert text[slice(*layout["title"])] == "Toyota Ryze launched at Rs 7.99 lakh"


@pytest.mark.parametrize("line, what", [
    ("Follow Us", "social follow prompt"),
    ("Follow us on Google News", "social follow prompt"),
    ("Share this article: Facebook  X  WhatsApp  Email", "share panel"),
    ("WhatsApp | Twitter | Facebook | Copy Link", "row of share buttons"),
    ("Sign in | Create account", "sign-in or subscribe panel"),
    ("Load More", "pager"),
    ("Also Read: Redmi 13 launched at Rs 10,999 | Best phones under Rs 15,000", "inline related-article link"),
    ("Tags: Xiaomi, Redmi, 5G", "tag list"),
    ("ADVERTISEMENT", "advertisement marker"),
])
def test_boilerplate_lines(line, what):
    text = f"Body paragraph one.\n\n{line}\n\nBody paragraph two costs Rs 500."
    assert regions(text) == [(line, what)]


def test_related_list_covers_its_items_and_stops_at_a_blank_line():
    text = ("Body.\n\nYou may also like\nRedmi 13 5G vs Lava: which one under Rs 12,000?\n"
            "Top 10 Phones Under Rs 15,000\n\nEngine and mileage\n\nThe engine makes 89 bhp.")
    found = regions(text)
    assert [w for _, w in found] == ["related-article list"] * 3
    assert "Engine and mileage" not in [t for t, _ in found]


@pytest.mark.parametrize("marker", ["Leave a Reply", "Recent Comments", "Notify of",
                                    "12 Comments", "Comments (0)"])
def test_comment_section_runs_to_the_end(marker):
    text = f"Body text.\n\n{marker}\n\nravi: it costs Rs 9,999 in my city\n\nLoad More"
    [(region, what)] = regions(text)
    assert what == "comment section"
    assert region.startswith(marker) and region.endswith("Load More")


def test_ordinary_lines_are_not_boilerplate():
    text = ("Share prices of Xiaomi rose 5% today.\n\nThe company follows us closely.\n\n"
            "Comments from analysts were positive about the Rs 1,500 crore deal.")
    assert regions(text) == []


def test_seed_comment_section_is_boilerplate():
    path = SEEDS / "002_e310ce93980a34c9.txt"
    if not path.exists():
        pytest.skip("shared seeds not present")
    text = path.read_text(encoding="utf-8")
    regions_ = Boilerplate(analyse(text)["boilerplate"])
    assert regions_.contains(text.index("Follow Us"))
    assert regions_.contains(text.index("avinashsuwal"))
    assert regions_.contains(text.index("50 Mbps Plan"))
    assert not regions_.contains(text.index("60,413.17 Million US Dollars"))


def test_paragraphs_are_non_empty_lines(nlp):
    doc = nlp("Title here\n\nFirst para.\nSecond para.\n\n")
    layout = get_layout(doc)
    assert [doc.text[s:e] for s, e in layout["paragraphs"]] == [
        "Title here", "First para.", "Second para."]
    assert [s.text for s in doc.spans["newsfacts_title"]] == ["Title here"]


def test_a_reading_time_bar_is_boilerplate():
    text = "Headline\n\nListen to this article | 4 min read | Share | Follow us\n\nBody text."
    assert [what for _, what in regions(text)] == ["reading time and audio bar"]


@pytest.mark.parametrize("line, published", [
    ("New Delhi | Updated: 28-06-2024 10:05 IST | Written by Shreya Iyer", "2024-06-28"),
    ("By Ritika Sen | Bengaluru, December 4, 2019", "2019-12-04"),
    ("PUNE, India, March 12, 2025 /PRNewswire/ -- Tarang Motors today launched a scooter.", "2025-03-12"),
])
def test_more_dateline_shapes(line, published):
    assert analyse(f"Headline of the story\n\n{line}\n\nBody text.")["published"] == published


def test_a_date_inside_a_sentence_is_no_dateline():
    assert analyse("Headline of the story\n\nSales rose 5% on 28-06-2024 after the launch.")["published"] is None
