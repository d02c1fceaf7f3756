"""newsfacts show: one self-contained, well-formed, inert HTML page of an article's facts."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsfacts.cli import main
from newsfacts.extractor import extract
from newsfacts.models import (
    FACT_FIELDS,
    Article,
    Money,
    Price,
    Product,
    Quote,
    Sale,
    Span,
    Spec,
    TimeSpan,
)
from newsfacts.show import render_html, summary

from .conftest import CORPUS

SAMPLE = CORPUS / "001_samsung_galaxy_m37_launch.txt"
#: Several families, nested facts (time spans in quotes) and boilerplate regions.
RICH = CORPUS / "035_orvix_p5_series_sales_milestones.txt"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class PageParser(HTMLParser):
    """Checks that tags balance and gathers what the tests look at: every tag with its
    attributes, the text of the article container, and the text of each fact piece."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self.text_parts: list[str] | None = None  # inside <div id="text">
        self.text_depth = -1
        self.pieces: list[tuple[str, bool, list[str]]] = []  # (key, first piece?, its text)
        self.open_pieces: list[tuple[int, list[str]]] = []  # (stack depth, text collector)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if len(attributes) != len(attrs):
            self.errors.append(f"duplicate attribute in <{tag}>")
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self.stack.append(tag)
        if attributes.get("id") == "text":
            self.text_parts, self.text_depth = [], len(self.stack)
        for name, first in (("data-fact", True), ("data-fact-part", False)):
            if name in attributes:
                collector: list[str] = []
                self.pieces.append((attributes[name], first, collector))
                self.open_pieces.append((len(self.stack), collector))

    def handle_startendtag(self, tag, attrs):
        self.errors.append(f"self-closing <{tag}/>")
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"end tag of void <{tag}>")
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        while self.open_pieces and self.open_pieces[-1][0] == len(self.stack):
            self.open_pieces.pop()
        if len(self.stack) == self.text_depth:
            self.text_depth = -1
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.styles.append(data)
        if self.text_depth != -1:
            self.text_parts.append(data)
        for _, collector in self.open_pieces:
            collector.append(data)

    def handle_comment(self, data):
        self.errors.append("comment in the page")

    @property
    def text(self) -> str:
        return "".join(self.text_parts or [])

    def fact_text(self, key: str) -> str:
        """The text of a fact's pieces, joined in page order."""
        return "".join("".join(parts) for k, _, parts in self.pieces if k == key)


def parse(page: str) -> PageParser:
    """Parse a page and assert it is well formed."""
    parser = PageParser()
    parser.feed(page)
    parser.close()
    assert parser.errors == []
    assert parser.stack == [], f"unclosed tags: {parser.stack}"
    assert page.startswith("<!DOCTYPE html>")
    return parser


def fact_keys(article: Article) -> dict[str, Span]:
    return {f"{field}-{i}": fact.span
            for field in FACT_FIELDS for i, fact in enumerate(getattr(article, field))}


def check_page(text: str, article: Article) -> PageParser:
    """The checks every page must pass: well formed, the text whole, each fact once."""
    parser = parse(render_html(text, article))
    assert parser.text == text
    firsts = [key for key, first, _ in parser.pieces if first]
    expected = fact_keys(article)
    assert len(firsts) == len(article.facts()) == len(expected)
    assert sorted(firsts) == sorted(expected)
    for key, span in expected.items():
        assert parser.fact_text(key) == span.text, key
    ids = [attrs["id"] for _, attrs in parser.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    return parser


def assert_inert(parser: PageParser) -> None:
    """No script, no event handler, nothing fetched from anywhere."""
    for tag, attrs in parser.tags:
        assert tag not in {"script", "link", "iframe", "object", "embed", "img", "base"}, tag
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            pytest.fail("meta refresh")
    style = "".join(parser.styles)
    assert "@import" not in style and "url(" not in style and "http" not in style


# --- (1) well formed; (2) every fact once; (3) the whole text, in order ---------------------


def test_page_of_a_corpus_article_is_well_formed_and_complete():
    text = RICH.read_text(encoding="utf-8")
    article = extract(text)
    assert article.sales and article.quotes and article.time_spans
    page = render_html(text, article)
    parser = check_page(text, article)
    assert_inert(parser)
    for field in FACT_FIELDS:
        assert f'id="table-{field}"' in page
    # boilerplate (here a share line and a comment section) is dimmed
    regions = [attrs for _, attrs in parser.tags if "data-region" in attrs]
    assert regions and all(attrs["class"] == "bp" for attrs in regions)
    assert any(attrs["title"] == "boilerplate: comment section" for attrs in regions)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_every_corpus_article(path):
    text = path.read_text(encoding="utf-8")
    check_page(text, extract(text))


def test_header_tables_and_legend():
    text = SAMPLE.read_text(encoding="utf-8")
    article = extract(text)
    page = render_html(text, article)
    parser = parse(page)
    h1 = page[page.index("<h1>") + 4:page.index("</h1>")]
    assert h1 == html.escape(article.title, quote=True)
    assert f"published {article.published}" in page
    for product in article.products:
        assert f'<span class="m">{product.name}</span>' in page
    for name in ("currency", "variant", "speaker", "organisation", "duration", "unit"):
        assert f"<th>{name}</th>" in page
    assert not article.sales and "<th>units</th>" not in page  # an empty list says so
    assert 'id="table-sales"' in page and "none found" in page
    # specs are grouped under one heading per product
    assert f"<h3>{article.specs[0].product}</h3>" in page
    assert sum(1 for tag, _ in parser.tags if tag == "table") >= 5
    assert "white-space: pre-wrap" in page and "overflow-wrap: anywhere" in page
    # tables link to the highlights
    hrefs = {attrs["href"][1:] for tag, attrs in parser.tags if tag == "a"}
    assert hrefs == set(fact_keys(article))


def test_overlapping_nested_and_empty_facts():
    """Facts crossing each other, nested three deep, sharing a span, or empty."""
    text = "Abc said “the Zeta 5 costs Rs 9,999 for 8GB RAM” on 1 May 2019 in Delhi."

    def span(piece: str, occurrence: int = 0) -> Span:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(piece, start + 1)
        return Span(start=start, end=start + len(piece), text=piece)

    def cross(a: str, b: str) -> Span:  # from the start of a to the end of b
        start, end = text.index(a), text.index(b) + len(b)
        return Span(start=start, end=end, text=text[start:end])

    article = Article(
        products=[Product(name="Zeta 5", mentions=[span("Zeta 5")])],
        prices=[Price(span=cross("Rs 9,999", "8GB"), sentence=0, amount=Decimal(9999), currency="INR"),
                Price(span=span("Rs 9,999"), sentence=0, amount=Decimal(9999), currency="INR")],
        specs=[Spec(span=cross("8GB", "on 1"), sentence=0, name="ram", value=8, unit="GB"),
               Spec(span=span("8GB"), sentence=0, name="ram", value=8, unit="GB"),
               Spec(span=Span(start=3, end=3, text=""), sentence=0, name="empty", value="x")],
        quotes=[Quote(span=cross("the Zeta", "RAM"), sentence=0, text="...", speaker="Abc")],
        time_spans=[TimeSpan(span=cross("RAM", "2019"), sentence=0, start=date(2019, 5, 1)),
                    TimeSpan(span=cross("Abc", "Delhi."), sentence=0)],
    )
    parser = check_page(text, article)
    parts = [key for key, first, _ in parser.pieces if not first]
    assert parts  # crossing facts were split, and joined back above


# --- (4) hostile input stays inert text; (5) no external references ------------------------


HOSTILE = (
    '<script>alert(1)</script> "quoted" & \'single\' &amp; &lt;b&gt;\n\n'
    '<img src=x onerror="alert(2)"> <a href="https://evil.example/x.js" onclick=alert(3)>'
    "Rs 999</a> <link rel=stylesheet href=http://evil.example/s.css>\n"
    "</span></div><!-- --> ]]> <style>@import url(http://evil.example/a.css)</style>\r\n"
    "It costs Rs 14,999 \"now\" & it sold 2 lakh units in 10 days.\n"
)


@pytest.mark.parametrize("text", [
    HOSTILE,
    "x" * 200_000 + "\n\nIt costs Rs 999.",
    "Rs Rs Rs " * 5_000,
    "<script>" * 2_000 + "Rs 500",
    "",
], ids=["markup", "long-line", "rs-rs-rs", "many-scripts", "empty"])
def test_hostile_input_is_inert_text(text):
    article = extract(text)
    page = render_html(text, article)
    parser = check_page(text, article)
    assert_inert(parser)
    lowered = page.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<link" not in lowered
    values = [value or "" for _, attrs in parser.tags for name, value in attrs.items()
              if name != "title"]
    assert not [value for value in values if "evil" in value or "alert" in value]


def test_hostile_record_values_are_escaped():
    """Record values (product names, speakers, variants) are escaped in titles and tables."""
    text = "The Zeta costs Rs 999. “Hi,” he said."
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    article = Article(
        title=evil,
        products=[Product(name=evil, brand=evil, mentions=[Span(start=4, end=8, text="Zeta")])],
        prices=[Price(span=Span(start=15, end=21, text="Rs 999"), sentence=0, amount=Decimal(999),
                      currency="INR", product=evil, variant=evil)],
        specs=[Spec(span=Span(start=4, end=8, text="Zeta"), sentence=0, product=evil, name=evil,
                    value=evil, unit=evil)],
        quotes=[Quote(span=Span(start=24, end=27, text="Hi,"), sentence=1, text=evil, speaker=evil,
                      title=evil, organization=evil, channel=evil)],
    )
    page = render_html(text, article)
    parser = check_page(text, article)
    assert_inert(parser)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    titles = [attrs["title"] for _, attrs in parser.tags if "title" in attrs]
    assert any(evil in title for title in titles)  # shown as text on hover, unescaped by the parser


def test_no_external_references_in_a_corpus_page():
    text = SAMPLE.read_text(encoding="utf-8")
    page = render_html(text, extract(text))
    assert_inert(parse(page))
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


# --- (6) the command line ---------------------------------------------------------------------


def run(*args, stdin: bytes | None = None, cwd: Path | None = None):
    """Run the installed console script in a child process (as a user would)."""
    exe = Path(sys.executable).with_name("newsfacts")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "newsfacts.cli"]
    return subprocess.run([*command, *args], check=False, input=stdin, capture_output=True, cwd=cwd,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_cli_show_writes_the_page(tmp_path):
    out = tmp_path / "page.html"
    result = run("show", str(SAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    err = result.stderr.decode()
    article = extract(SAMPLE.read_text(encoding="utf-8"))
    assert err == f"wrote {out}: {summary(article)}\n"
    for noun, field in [("sale", "sales"), ("price", "prices"), ("money amount", "money"),
                        ("spec", "specs"), ("quote", "quotes"), ("time span", "time_spans")]:
        count = len(getattr(article, field))
        assert f"{count} {noun}{'' if count == 1 else 's'}" in err
    page = out.read_text(encoding="utf-8")
    assert page.count('data-fact="') == len(article.facts())
    parse(page)


def test_cli_show_missing_file_is_one_line_and_exit_2(tmp_path):
    out = tmp_path / "page.html"
    result = run("show", str(tmp_path / "missing.txt"), "--out", str(out))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("newsfacts: error: ") and "no such file" in err
    assert not out.exists()


def test_cli_show_unwritable_output_is_one_line_and_exit_2(tmp_path):
    result = run("show", str(SAMPLE), "--out", str(tmp_path / "no" / "such" / "dir.html"))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "cannot write" in err and "Traceback" not in err


def test_cli_show_needs_out():
    result = run("show", str(SAMPLE))
    assert result.returncode == 2 and b"--out" in result.stderr


def test_cli_show_from_stdin_to_stdout():
    result = run("show", "-", "--out", "-", "--published", "2019-04-10",
                 stdin="Phone launched\n\nIt costs ₹9,999 <now>.".encode())
    assert result.returncode == 0, result.stderr
    page = result.stdout.decode("utf-8")
    parser = parse(page)
    assert parser.text == "Phone launched\n\nIt costs ₹9,999 <now>."
    assert "published 2019-04-10" in page and page.count('data-fact="prices-0"') == 1
    assert result.stderr.decode().startswith("wrote stdout: 1 fact (")


def test_cli_show_in_process_from_stdin(tmp_path, capsys, monkeypatch):
    class Stdin:
        buffer = io.BytesIO(b"Phone launched\n\nIt sold 2 lakh units in 10 days.")

    monkeypatch.setattr(sys, "stdin", Stdin)
    out = tmp_path / "page.html"
    assert main(["show", "-", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(f"wrote {out}: ")
    assert parse(out.read_text(encoding="utf-8")).text.endswith("in 10 days.")


def test_cli_help_mentions_show():
    result = run("--help")
    assert b"show" in result.stdout
    result = run("show", "--help")
    assert result.returncode == 0 and b"--out" in result.stdout and b"Examples" in result.stdout


# --- (7) it renders in a real browser -----------------------------------------------------------


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium or chromium-browser on PATH")
def test_page_renders_headless_to_png(tmp_path):
    text = RICH.read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(render_html(text, extract(text)), encoding="utf-8")
    png = tmp_path / "out.png"
    command = [CHROMIUM, "--headless", "--disable-gpu", f"--screenshot={png}",
               "--window-size=1200,2000", page.as_uri()]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # chromium refuses to run as root otherwise
    result = subprocess.run(command, check=False, capture_output=True, timeout=120,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 2000)


def test_counts_amounts_and_headers_read_well():
    """One fact is "1 quote", not "1 quotes"; big amounts have separators; headers keep
    their words whole."""
    text = "The Zeta sold 1,20,000 units. Revenue hit Rs 26,000 crore. “Hi,” said Ana Roy."

    def span(part: str) -> Span:
        return Span(start=text.index(part), end=text.index(part) + len(part), text=part)

    article = Article(
        sales=[Sale(span=span("1,20,000 units"), sentence=0, units=120000)],
        money=[Money(span=span("Rs 26,000 crore"), sentence=1, amount=Decimal("2.6E+11"), currency="INR")],
        quotes=[Quote(span=span("Hi,"), sentence=2, text="Hi,", speaker="Ana Roy")],
    )
    for fact in article.facts():
        assert fact.span.text == text[fact.span.start:fact.span.end]
    assert summary(article) == ("3 facts (1 sale, 0 prices, 1 money amount, 0 specs, 1 quote, "
                                "0 time spans)")
    page = render_html(text, article)
    assert "<td>260,000,000,000</td>" in page and "<td>120,000</td>" in page
    assert "money: 260,000,000,000 INR" in page and "sale: 120,000 sold" in page
    assert "260000000000" not in page
    header_rule = re.search(r"\bth \{[^}]*\}", page.split("th, td {", 1)[1]).group(0)
    assert "white-space: nowrap" in header_rule and "overflow-wrap: normal" in header_rule
