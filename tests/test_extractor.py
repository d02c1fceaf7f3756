"""extract / extract_many / Extractor: never raise on a str, stream in order, reuse the pipeline."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts import Article, Extractor, extract, extract_many
from newsfacts.extractor import default_extractor

from .conftest import corpus_texts


def check_invariants(text: str, article: Article) -> None:
    for fact in article.facts():
        assert fact.span.text == text[fact.span.start:fact.span.end]
        assert 0 <= fact.span.start <= fact.span.end <= len(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u2028", "\x00", "Rs", "₹",
                                  "date 2019-04-10", " date 9999-99-99 x"])
def test_degenerate_inputs(text):
    article = extract(text)
    assert isinstance(article, Article)
    check_invariants(text, article)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300))
def test_random_unicode_never_raises(text):
    check_invariants(text, extract(text))


NEWSY = st.lists(st.sampled_from([
    "Rs", "Rs.", "₹", "$", "16,999", "1.5", "lakh", "crore", "million", "a", "half", "K", "4K",
    "sold", "units", "\n", "\n\n", "Follow Us", "Leave a Reply", "“", "”", '"', "date",
    "2019-04-10", "-", "/", "+", "GB", "4GB/64GB", "12MP+2MP", "twenty", "five", "and", ".",
]), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(NEWSY)
def test_newsy_garbage_never_raises(text):
    check_invariants(text, extract(text))


def test_lone_surrogates_never_raise():
    text = "Rs 999 \ud800 sold \udfff 2 lakh"
    check_invariants(text, extract(text))


def test_one_megabyte_of_text():
    paragraph = ("Xiaomi sold 1 million Redmi Note 7 units in a month at Rs 9,999 each, "
                 "said Manu Kumar Jain.\n\n")
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    assert len(text) > 1_000_000
    article = extract(text)
    check_invariants(text, article)


def test_one_megabyte_line_without_spaces():
    text = "9," * 500_000
    check_invariants(text, extract(text))


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError, match="str"):
        extract(b"bytes are not text")
    with pytest.raises(TypeError):
        list(extract_many(["fine", None]))


def test_published_from_the_text_and_from_the_caller():
    text = " date 2017-10-03 Xiaomi shipped 10 million phones in September."
    assert extract(text).published == date(2017, 10, 3)
    assert extract(text, published=date(2018, 1, 1)).published == date(2018, 1, 1)
    assert extract("No date here.").published is None


def test_the_pipeline_is_built_once():
    assert default_extractor() is default_extractor()
    extractor = Extractor()
    nlp = extractor.nlp
    extractor("one")
    extractor("two")
    assert extractor.nlp is nlp


def test_extract_many_keeps_order_and_streams():
    texts = [f"Headline number {i}\n\nBody {i}." for i in range(40)]
    titles = [a.title for a in extract_many(iter(texts), batch_size=7)]
    assert titles == [f"Headline number {i}" for i in range(40)]


def test_extract_many_with_two_processes_equals_one():
    texts = [f"Phone {i} launched\n\nIt costs Rs {i},999 and sold {i} lakh units." for i in range(30)]
    one = [a.model_dump(mode="json") for a in extract_many(texts)]
    two = [a.model_dump(mode="json") for a in extract_many(texts, n_process=2, batch_size=4)]
    assert two == one
    assert [a["title"] for a in two] == [f"Phone {i} launched" for i in range(30)]


def test_extract_many_published_applies_to_all():
    articles = list(extract_many(["a", "b"], published=date(2020, 5, 1)))
    assert [a.published for a in articles] == [date(2020, 5, 1)] * 2


def test_extract_many_in_processes_reads_the_stream_a_window_at_a_time():
    taken = []

    def stream():
        for i in range(10_000):
            taken.append(i)
            yield f"Story {i}\n\nRs {i}."

    articles = extract_many(stream(), n_process=2, batch_size=2)
    assert next(articles).title == "Story 0"
    assert len(taken) < 100  # a few batches ahead, not the whole stream
    articles.close()


def test_extract_many_in_processes_keeps_published_and_rejects_non_text():
    [article] = extract_many(["last month\n\nIt sold 2 lakh units last month."], n_process=2,
                             published=date(2020, 5, 1))
    assert article.published == date(2020, 5, 1)
    with pytest.raises(TypeError):
        list(extract_many([b"bytes"], n_process=2))


def test_extract_many_in_batches_equals_extract_one_by_one():
    """Components run over a batch of texts at a time; each text must get the Article it
    gets alone, whatever shares its batch."""

    texts = corpus_texts()[:12]
    alone = [extract(text).model_dump(mode="json") for text in texts]
    assert [a.model_dump(mode="json") for a in extract_many(texts, batch_size=5)] == alone
    assert [a.model_dump(mode="json") for a in extract_many(reversed(texts), batch_size=4)] == alone[::-1]


def test_extract_many_yields_what_came_before_a_non_text():
    articles = extract_many(["One\n\nRs 5.", "Two\n\nRs 6.", 42, "Four"], batch_size=10)
    assert [next(articles).title, next(articles).title] == ["One", "Two"]
    with pytest.raises(TypeError):
        next(articles)


def test_workers_send_articles_as_json_unless_json_would_round_an_amount():
    from decimal import Decimal

    from newsfacts.extractor import _portable, _restored
    from newsfacts.models import Money, Span

    article = extract("Phone launched\n\nIt costs Rs 9,999.50 and sold 2 lakh units in 10 days.")
    sent = _portable(article)
    assert isinstance(sent, str) and _restored(sent) == article
    precise = Money(span=Span(start=0, end=1, text="R"), sentence=0,
                    amount=Decimal("0.12345678901234567891"), currency="INR")
    exact = article.model_copy(update={"money": [precise]})
    assert _portable(exact) is exact  # pickled as it is: JSON would round the amount


def test_the_cyclic_garbage_collector_is_paused_only_while_extracting(monkeypatch):
    import gc

    from newsfacts.components import money

    seen = []
    real = money.extract_money

    def spy(doc, *args, **kwargs):
        seen.append(gc.isenabled())
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(money, "extract_money", spy)
    assert gc.isenabled()
    extract("Phone launched\n\nIt costs Rs 9,999.")
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        extract("It costs Rs 9,999.")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        extract(None)
    assert gc.isenabled()


#: Texts holding a number no news gives: Python refuses to turn 4,300+ digits into an int
#: or back, and a chain of scale words multiplies without end.
HUGE_NUMBERS = [
    "9" * 5000,
    "The tablet costs Rs " + "9" * 5000 + " in India.",
    "Brand X sold " + "4" * 4400 + " lakh units in " + "7" * 5000 + " days.",
    "It packs a " + "5" * 5000 + "mAh battery and " + "8" * 4500 + "GB of RAM.",
    "Revenue was $1." + "2" * 5000 + " billion, up from Rs " + "3" * 300 + " crore.",
    "The deal is worth Rs 1" + " lakh crore" * 400 + ".",
    "Brand X shipped 2" + " million" * 800 + " phones.",
    "1" + "0" * 4400 + "Hz screen, " + "6" * 4301 + "W charging, " + "9" * 4299,
    # 29 to 99 digits are read, and past Decimal's 28 digits of precision 'value % 1' raises
    "1" + "0" * 28,
    "Brand X sold 1" + "0" * 40 + " phones in May.",
    "Sales | May\nPhones | " + "7" * 60 + "\nTablets | " + "3" * 35 + ".5\n",
]


@pytest.mark.parametrize("text", HUGE_NUMBERS, ids=range(len(HUGE_NUMBERS)))
def test_huge_numbers_never_raise_and_print(text):
    import json

    article = extract(text)
    check_invariants(text, article)
    json.dumps(article.model_dump(mode="json"))  # every value printable
    article.model_dump_json()


def test_huge_numbers_do_not_end_a_stream_of_two_processes():
    texts = ["One\n\nRs 5.", *HUGE_NUMBERS, "Last\n\nRs 6."]
    articles = list(extract_many(texts, n_process=2, batch_size=2))
    assert [a.title for a in (articles[0], articles[-1])] == ["One", "Last"]
    assert len(articles) == len(texts)


@pytest.mark.parametrize("command", [["extract"], ["show", "--out", "-"]])
def test_huge_numbers_on_the_command_line(tmp_path, command):
    from .test_cli import run

    path = tmp_path / "huge.txt"
    path.write_text(HUGE_NUMBERS[1], encoding="utf-8")
    result = run(command[0], str(path), *command[1:])
    assert result.returncode == 0, result.stderr.decode()[-500:]
    assert b"Traceback" not in result.stderr


SURROGATE_TEXTS = [
    'Phone launched\n\nIt costs Rs 9,999 \ud800 and "a great \udfff phone" said Ravi Sen.',
    "Phone\ud83d launched\n\nBrand Y sold 2 lakh units\udc00 in 10 days at Rs 8,999.",
    '"\udbff"\n\n\udfff Rs \ud800 9,999',
]


@pytest.mark.parametrize("text", SURROGATE_TEXTS, ids=range(len(SURROGATE_TEXTS)))
def test_lone_surrogates_serialise_and_come_back(text):
    import json

    from newsfacts.models import json_dumps

    article = extract(text)
    check_invariants(text, article)
    for dumped in (article.model_dump_json(), article.model_dump_json(indent=2),
                   json_dumps(article.model_dump(mode="json"))):
        dumped.encode("utf-8")  # can be written out
        assert Article.model_validate(json.loads(dumped)) == article
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_lone_surrogates_pass_between_processes():
    texts = [SURROGATE_TEXTS[0], "One\n\nRs 5.", SURROGATE_TEXTS[1]]
    two = [a.model_dump(mode="python") for a in extract_many(texts, n_process=2, batch_size=1)]
    assert two == [extract(text).model_dump(mode="python") for text in texts]


def test_serialisation_without_surrogates_is_pydantic_s():
    import json

    article = extract(corpus_texts()[0])
    data = article.model_dump(mode="json")
    assert article.model_dump_json() == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert article.model_dump_json(indent=2) == json.dumps(data, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("scale", [" lakh", " crore", " million", " thousand crore"])
def test_a_chain_of_scale_words_stays_linear(scale):
    """Each scale word multiplied a value that grew without bound, and turning it to an int
    at every word made "1 lakh lakh lakh ..." cubic (2,000 words took 6-15 s)."""
    from .test_linear import best_time

    small, large = best_time("1" + scale * 500), best_time("1" + scale * 2000)
    assert large <= 10 * max(small, 0.01), f"{small:.3f}s -> {large:.3f}s for 4x the words"
