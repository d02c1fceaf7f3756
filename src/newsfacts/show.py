"""One self-contained HTML page showing an article's text with its facts highlighted.

The page has the title, published date and products at the top, a colour legend, the
article text with every fact highlighted by kind (hover a highlight for its values; page
boilerplate such as share panels and comment sections is dimmed), and below it one table
per fact list. It has inline CSS only: no script, no fonts, no network access.

>>> from newsfacts import extract
>>> text = "Phone launched\\n\\nIt costs Rs 9,999 <b>now</b>."
>>> page = render_html(text, extract(text))
>>> page.count('data-fact="'), 'data-fact="prices-0"' in page, "&lt;b&gt;now" in page
(1, True, True)

From the shell: ``newsfacts show article.txt --out page.html``.

Every fact appears once as an element with ``data-fact="<list>-<index>"`` (its ``id`` too,
which the tables link to). Facts may overlap or nest: when one crosses the end of another,
it is split into pieces and the later pieces carry ``data-fact-part`` instead, so joining a
fact's pieces in page order gives its span text. Product mentions are marked the same way
with ``data-mention`` / ``data-mention-part``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal

from .components.layout import analyse
from .models import (
    FACT_FIELDS,
    Article,
    Fact,
    Money,
    Price,
    Quote,
    Sale,
    Spec,
    TimeSpan,
)
from .wording import counted

#: Per fact list: the label shown, the highlight background and the underline colour.
KINDS: dict[str, tuple[str, str, str]] = {
    "sales": ("sales", "#d7f5d7", "#2e8b3a"),
    "prices": ("prices", "#fff1a8", "#b08900"),
    "money": ("money", "#ffdcc2", "#c75a00"),
    "specs": ("specs", "#d9e6ff", "#2f5fc4"),
    "quotes": ("quotes", "#f0ddff", "#8a3fc0"),
    "time_spans": ("time spans", "#cff4f4", "#12807f"),
}
PRODUCT_COLOUR = "#444444"

_SURROGATE = re.compile("[\ud800-\udfff]")

# Layers, from outermost to innermost when two marks cover the same characters.
_REGION, _FACT, _MENTION = 0, 1, 2
#: Nesting depths beyond this one share its underline offset.
_MAX_DEPTH_CLASS = 4


def _esc(value: object) -> str:
    """``value`` as HTML text or attribute value: every markup character escaped.

    Lone surrogates (which UTF-8 cannot encode) become U+FFFD and a carriage return a
    character reference, so the page's text keeps one character per input character.
    """
    text = _SURROGATE.sub("\ufffd", str(value))
    return html.escape(text, quote=True).replace("\r", "&#13;")


# --- compact renderings of record values -------------------------------------------------


def _amount(value: Decimal | int) -> str:
    """An amount or a count with thousands separators, never an exponent.

    >>> _amount(Decimal("2.6E+11")), _amount(Decimal("16999.50")), _amount(120000)
    ('260,000,000,000', '16,999.5', '120,000')
    """
    if isinstance(value, int):
        return f"{value:,}"
    if value == value.to_integral_value():
        return format(value.to_integral_value(), ",f")
    return format(value.normalize(), ",f")


def _bound(bound: str) -> str:
    """" (at least)" and the like; nothing for an exact figure."""
    return "" if bound == "exact" else f" ({bound.replace('_', ' ')})"


def _joined(head: str, **fields: object) -> str:
    """``head`` followed by " · name value" for every field that has a value."""
    parts = [head] + [f"{name.replace('_', ' ')} {value}" for name, value in fields.items()
                      if value not in (None, "")]
    return " · ".join(parts)


def _dates(span: TimeSpan) -> str:
    """ "2019-07-01 – 2019-09-30", one side only, or ""."""
    if span.start is None and span.end is None:
        return ""
    return f"{span.start or '…'} – {span.end or '…'}"


def _period(span: TimeSpan | None) -> str | None:
    """A sale's period: its text, then its duration and dates in brackets."""
    if span is None:
        return None
    details = ", ".join(part for part in (span.duration, _dates(span)) if part)
    return f"{span.span.text} ({details})" if details else span.span.text


def describe(fact: Fact) -> str:
    """A one-line rendering of a fact's values, shown when hovering its highlight.

    >>> from newsfacts.models import Span
    >>> describe(Price(span=Span(start=0, end=9, text="Rs 16,999"), sentence=0,
    ...                amount=Decimal("16999"), currency="INR", product="Redmi Note 7 Pro"))
    'price: 16,999 INR · product Redmi Note 7 Pro'
    """
    if isinstance(fact, Sale):
        return _joined(f"sale: {_amount(fact.units)} {fact.metric}{_bound(fact.bound)}", item=fact.item,
                       product=fact.product, company=fact.company, region=fact.region,
                       period=_period(fact.period))
    if isinstance(fact, Price):
        return _joined(f"price: {_amount(fact.amount)} {fact.currency}{_bound(fact.bound)}",
                       product=fact.product, variant=fact.variant)
    if isinstance(fact, Money):
        return f"money: {_amount(fact.amount)} {fact.currency}{_bound(fact.bound)}"
    if isinstance(fact, Spec):
        value = f"{fact.value} {fact.unit}" if fact.unit else f"{fact.value}"
        return _joined(f"spec: {fact.name} = {value}", product=fact.product)
    if isinstance(fact, Quote):
        return _joined("quote", speaker=fact.speaker, title=fact.title,
                       organisation=fact.organization, cue=fact.cue, channel=fact.channel)
    if isinstance(fact, TimeSpan):
        return _joined("time span", duration=fact.duration, dates=_dates(fact), anchor=fact.anchor)
    return fact.kind


# --- the highlighted text --------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A stretch of the text to wrap in a span: a fact, a product mention or a region."""

    start: int
    end: int
    key: str  # unique per mark: "prices-3", "product-0-2", "boilerplate-1"
    attr: str  # data attribute naming it: "fact", "mention" or "region"
    css: str  # class names
    title: str  # hover text
    layer: int  # _REGION, _FACT or _MENTION


def _marks(text: str, article: Article) -> list[Mark]:
    """Every fact, product mention and boilerplate region, clamped into the text."""
    marks = []

    def add(start: int, end: int, **fields) -> None:
        start = max(0, min(start, len(text)))
        marks.append(Mark(start=start, end=max(start, min(end, len(text))), **fields))

    for number, (start, end, what) in enumerate(analyse(text)["boilerplate"]):
        add(start, end, key=f"boilerplate-{number}", attr="region", css="bp",
            title=f"boilerplate: {what}", layer=_REGION)
    for field in FACT_FIELDS:
        for number, fact in enumerate(getattr(article, field)):
            add(fact.span.start, fact.span.end, key=f"{field}-{number}", attr="fact",
                css=f"f k-{field}", title=describe(fact), layer=_FACT)
    for number, product in enumerate(article.products):
        title = _joined(f"product: {product.name}", brand=product.brand, aliases=", ".join(product.aliases) or None)
        for mention, span in enumerate(product.mentions):
            add(span.start, span.end, key=f"product-{number}-{mention}", attr="mention",
                css="m", title=title, layer=_MENTION)
    return marks


def _open_tag(mark: Mark, first: bool, ancestors: list[Mark]) -> str:
    """The opening tag of one piece of ``mark``; the hover text lists the enclosing marks too."""
    depth = sum(1 for other in ancestors if other.layer == _FACT)
    classes = mark.css
    if mark.layer == _FACT and depth:
        classes += f" d{min(depth, _MAX_DEPTH_CLASS)}"
    title = "\n".join([mark.title, *(other.title for other in reversed(ancestors))])
    if first:
        naming = f'data-{mark.attr}="{mark.key}"' + (f' id="{mark.key}"' if mark.layer == _FACT else "")
    else:
        naming = f'data-{mark.attr}-part="{mark.key}"'
        classes += " cont"
    return f'<span class="{classes}" {naming} title="{_esc(title)}">'


def _outer_first(mark: Mark) -> tuple:
    """Sort key opening the longest-lasting mark outermost, so fewer marks need splitting."""
    return (-mark.end, mark.layer, mark.key)


def highlight(text: str, marks: list[Mark]) -> str:
    """``text`` as escaped HTML with every mark wrapped in ``<span>`` elements.

    The text is cut at every mark boundary and a stack of open spans is kept. When a mark
    ends while marks opened inside it are still running, those are closed with it and
    reopened as continuation pieces, so the tags always nest. Linear in the text, times
    the nesting depth.

    >>> marks = [Mark(0, 7, "a", "fact", "f", "A", _FACT), Mark(4, 10, "b", "fact", "f", "B", _FACT)]
    >>> page = highlight("0123456789", marks)  # b is cut in two where a ends
    >>> page.count("<span"), page.count('data-fact-part="b"')
    (3, 1)
    """
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    boundaries = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[Mark] = []
    position = 0
    for boundary in boundaries:
        out.append(_esc(text[position:boundary]))
        position = boundary
        # close every mark ending here, and whatever is open inside it
        reopen: list[Mark] = []
        ending = [i for i, mark in enumerate(stack) if mark.end == boundary]
        if ending:
            for mark in reversed(stack[ending[0]:]):
                out.append("</span>")
                if mark.end != boundary:
                    reopen.append(mark)
            del stack[ending[0]:]
        continued = {mark.key for mark in reopen}
        for mark in sorted(reopen + starting.get(boundary, []), key=_outer_first):
            first = mark.key not in continued
            out.append(_open_tag(mark, first, stack))
            if mark.end == boundary:  # an empty span: still shown, as an empty element
                out.append("</span>")
            else:
                stack.append(mark)
    return "".join(out)


# --- the tables --------------------------------------------------------------------------


def _cell(value: object) -> str:
    """A table cell holding ``value`` as text, or a dash when it is missing."""
    if value is None or value == "":
        return '<td class="none">–</td>'
    return f"<td>{_esc(value)}</td>"


def _link(field: str, number: int, fact: Fact, label: str | None = None) -> str:
    """A cell with ``label`` (by default the fact's text), linking to its highlight."""
    label = fact.span.text if label is None else label
    return f'<td class="ref"><a href="#{field}-{number}">{_esc(label)}</a></td>'


def _table(columns: list[str], rows: list[list[str]]) -> str:
    """A table with a header row; ``rows`` hold ready-made ``<td>`` cells."""
    head = "".join(f"<th>{_esc(column)}</th>" for column in columns)
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(field: str, count: int, content: str) -> str:
    """A titled section for one fact list, with a note when the list is empty."""
    label = KINDS[field][0]
    body = content if count else '<p class="none">none found</p>'
    return (f'<section id="table-{field}"><h2><span class="swatch k-{field}"></span>'
            f"{_esc(label.capitalize())} <small>({count})</small></h2>{body}</section>")


def _sales_table(article: Article) -> str:
    rows = [[_link("sales", i, s), _cell(_amount(s.units)), _cell(s.bound), _cell(s.metric), _cell(s.item),
             _cell(s.product), _cell(s.company), _cell(s.region), _cell(_period(s.period))]
            for i, s in enumerate(article.sales)]
    columns = ["text", "units", "bound", "metric", "item", "product", "company", "region", "period"]
    return _section("sales", len(rows), _table(columns, rows))


def _prices_table(article: Article) -> str:
    rows = [[_link("prices", i, p), _cell(_amount(p.amount)), _cell(p.currency), _cell(p.bound),
             _cell(p.product), _cell(p.variant)]
            for i, p in enumerate(article.prices)]
    columns = ["text", "amount", "currency", "bound", "product", "variant"]
    return _section("prices", len(rows), _table(columns, rows))


def _money_table(article: Article) -> str:
    rows = [[_link("money", i, m), _cell(_amount(m.amount)), _cell(m.currency), _cell(m.bound)]
            for i, m in enumerate(article.money)]
    return _section("money", len(rows), _table(["text", "amount", "currency", "bound"], rows))


def _specs_tables(article: Article) -> str:
    """One sub-table per product, in order of first appearance; unattributed specs last."""
    groups: dict[str | None, list[list[str]]] = {}
    for i, spec in enumerate(article.specs):
        groups.setdefault(spec.product, []).append(
            [_link("specs", i, spec), _cell(spec.name), _cell(spec.value), _cell(spec.unit)])
    parts = []
    for product in sorted(groups, key=lambda name: name is None):
        heading = _esc(product) if product is not None else '<span class="none">no product</span>'
        parts.append(f"<h3>{heading}</h3>{_table(['text', 'name', 'value', 'unit'], groups[product])}")
    return _section("specs", len(article.specs), "".join(parts))


def _quotes_table(article: Article) -> str:
    rows = [[_link("quotes", i, q, q.text), _cell(q.speaker), _cell(q.title),
             _cell(q.organization), _cell(q.channel)]
            for i, q in enumerate(article.quotes)]
    columns = ["quote", "speaker", "title", "organisation", "channel"]
    return _section("quotes", len(rows), _table(columns, rows))


def _time_spans_table(article: Article) -> str:
    rows = [[_link("time_spans", i, t), _cell(t.duration), _cell(t.start), _cell(t.end),
             _cell(t.anchor)]
            for i, t in enumerate(article.time_spans)]
    return _section("time_spans", len(rows),
                    _table(["text", "duration", "start", "end", "anchor"], rows))


# --- the page ----------------------------------------------------------------------------


#: Per fact list, what one of its facts is called in a count ("1 quote", "3 money amounts").
NOUNS = {"sales": "sale", "prices": "price", "money": "money amount", "specs": "spec",
         "quotes": "quote", "time_spans": "time span"}


def summary(article: Article) -> str:
    """ "37 facts (2 sales, 5 prices, 1 money amount, ...)" — the counts of every fact list."""
    counts = ", ".join(counted(len(getattr(article, field)), NOUNS[field]) for field in KINDS)
    return f"{counted(len(article.facts()), 'fact')} ({counts})"


def _header(article: Article) -> str:
    """Title, published date, fact counts and the products with their mention counts."""
    title = _esc(article.title) if article.title else '<span class="none">(no title)</span>'
    published = _esc(article.published) if article.published else "unknown"
    products = "".join(
        f"<li><span class=\"m\">{_esc(p.name)}</span>"
        f"{' · brand ' + _esc(p.brand) if p.brand else ''}"
        f" · {counted(len(p.mentions), 'mention')}</li>"
        for p in article.products
    ) or '<li class="none">none found</li>'
    return (f"<header><h1>{title}</h1>"
            f'<p class="meta">published {published} · {_esc(summary(article))}</p>'
            f'<h2>Products <small>({len(article.products)})</small></h2><ul class="products">'
            f"{products}</ul></header>")


def _legend(article: Article) -> str:
    """What each highlight colour means."""
    items = [f'<li><span class="swatch k-{field}"></span>{_esc(label)} '
             f"({len(getattr(article, field))})</li>"
             for field, (label, _, _) in KINDS.items()]
    items.append('<li><span class="m">product</span> mention</li>')
    items.append('<li><span class="bp">boilerplate</span> (navigation, share panels, comments)</li>')
    return f'<ul class="legend">{"".join(items)}</ul>'


_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b;
       background: #fff; margin: 0 auto; padding: 1.5em; max-width: 72em; }
h1 { font-size: 1.5em; margin: 0 0 .3em; overflow-wrap: anywhere; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; }
h3 { font-size: 1em; margin: 1em 0 .3em; overflow-wrap: anywhere; }
small, .meta { color: #666; font-weight: normal; }
.none { color: #999; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4em 1.4em; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -.15em;
          margin-right: .35em; background: var(--bg); border-bottom: 3px solid var(--edge); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1;
        border: 1px solid #ddd; border-radius: 4px; padding: 1em; background: #fcfcfc; }
.f { background: var(--bg); border-bottom: 2px solid var(--edge); }
.f.d1, .f.d2, .f.d3, .f.d4 { background-clip: content-box; }
.f.d1 { padding-bottom: 3px; } .f.d2 { padding-bottom: 6px; }
.f.d3 { padding-bottom: 9px; } .f.d4 { padding-bottom: 12px; }
.f:hover { outline: 1px solid var(--edge); }
.f:target { outline: 2px solid #d00000; }
.m { text-decoration: underline dotted PRODUCT 1.5px; text-underline-offset: .25em; }
.bp { color: #9a9a9a; background: #f1f1f1; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 1em; font-size: .93em; }
th, td { border: 1px solid #ddd; padding: .25em .5em; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; white-space: pre-wrap; }
th { background: #f4f4f4; white-space: nowrap; overflow-wrap: normal; }
td.ref a { color: inherit; }
""".replace("PRODUCT", PRODUCT_COLOUR)


def _kind_css() -> str:
    """The colour variables of each kind's class."""
    return "\n".join(f".k-{field} {{ --bg: {bg}; --edge: {edge}; }}"
                     for field, (_, bg, edge) in KINDS.items())


def render_html(text: str, article: Article) -> str:
    """A standalone HTML page of ``text`` with the facts of ``article`` (its extraction)."""
    page_title = f"newsfacts: {article.title}" if article.title else "newsfacts"
    body = "".join([
        _header(article),
        "<h2>Text</h2>",
        _legend(article),
        f'<div class="text" id="text">{highlight(text, _marks(text, article))}</div>',
        _sales_table(article), _prices_table(article), _money_table(article),
        _specs_tables(article), _quotes_table(article), _time_spans_table(article),
    ])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        # nothing may be fetched or run, even if something slipped through the escaping
        "<meta http-equiv=\"Content-Security-Policy\" "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(page_title)}</title>\n<style>{_CSS}{_kind_css()}\n</style></head>\n"
        f"<body>{body}</body></html>\n"
    )
