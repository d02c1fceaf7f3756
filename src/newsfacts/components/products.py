"""Products the article names: phones, cars, two-wheelers, laptops, TVs, telecom plans.

A mention is a brand or series from ``data/brands.jsonl`` followed by model tokens
("Samsung Galaxy M37 5G", "Redmi Note 7 Pro", "Ather 450X"), a car or bike model that
stands alone ("Creta"), an unknown name shaped like a model ("Zephyr 125"), or a plan
("the Rs 399 plan"). Mentions of one model are grouped into one product.

>>> data = find_products("The Redmi Note 7 Pro costs more. Redmi Note 7 Pro sales soared.")
>>> [(p["name"], p["brand"], len(p["mentions"])) for p in data["products"]]
[('Redmi Note 7 Pro', 'Xiaomi', 2)]

:class:`ProductIndex` answers "which product does the fact at this offset belong to?":
a mention in the same sentence, else the product of the section heading above, else the
article's main product.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from .. import docdata
from ..scan import compiled
from .layout import Boilerplate, get_layout
from .product_context import (
    _add_context_named,
    _add_described,
    _add_series_alone,
    launch_verbs,
)
from .product_index import ProductIndex
from .product_names import (
    _add_brand_named,
    _add_introduced,
    _add_maker_tvs,
    _add_noun_named,
    _add_quoted,
    _add_siblings,
    _add_sizes,
    _Catalogue,
    _lexicon,
    launch_verb_prefixes,
    mention_matches,
    mention_start_offsets,
    noun_offsets,
    read_name,
)
from .product_plans import (
    _add_plan_groups,
    _add_plans_at_price,
    _add_revised_plans,
    _operator_before,
    _revised_price,
    plan_revisions,
)

__all__ = ["ProductIndex", "find_products", "get_products", "makers_of", "Products"]

FAMILY = "products"

def find_products(text: str, boilerplate: Boilerplate | None = None,
                  layout: dict | None = None) -> dict:
    """Products and their mentions in ``text`` (see the module docstring)."""
    brands, series, words = _lexicon()
    found = _Catalogue(boilerplate)
    revisions: dict[str, str] | None = None  # found when the first plan is met
    starts = mention_start_offsets(text)
    for match in mention_matches(text, starts):
        start, end = match.span()
        if boilerplate is not None and boilerplate.contains(start):
            continue
        name = match.group(0)
        alias = False
        if match.group("plan"):
            brand = None
            revised = _revised_price(text, end)
            if revised is None:  # "the Rs 299 plan" of a text that revised it to Rs 349 elsewhere
                if revisions is None:
                    revisions = plan_revisions(text)
                revised = revisions.get(compiled(r"\d[\d,]*").search(name).group(0).replace(",", ""))
            if revised is not None:  # "the Rs 299 plan ... will now cost Rs 349": the Rs 349 plan
                name, alias = compiled(r"(?<=(?:Rs\.?|₹)\s?)\d[\d,]*").sub(revised, name, count=1), True
            key = f"plan {_operator_before(text, start)} " + compiled(r"[^\d]").sub("", name)
        else:
            named = read_name(text, match)
            if named is None:
                continue
            name, brand, key = named
            end = start + len(name)  # a name read shorter than its match
        found.add(start, end, name, brand, key, alias)
    _add_revised_plans(text, found)
    _add_plans_at_price(text, found)
    _add_plan_groups(text, found)
    found.mentions.sort()
    prefixes = launch_verb_prefixes(text)
    _add_introduced(text, found, prefixes)
    _add_brand_named(text, found, starts)
    _add_quoted(text, found)
    nouns = noun_offsets(text)
    _add_noun_named(text, found, nouns)
    verbs = launch_verbs(text, prefixes)
    _add_context_named(text, found, verbs)
    found.mentions.sort()
    _add_siblings(text, found)
    _add_sizes(text, found)
    _add_maker_tvs(text, found)
    _add_series_alone(text, found, starts)
    _add_described(text, found, verbs, nouns)
    found.mentions.sort()
    _merge_shortened(found)
    _refer_back(text, found)
    _name_entities(text, found)
    return {"products": found.products, "mentions": found.mentions, "aliases": sorted(found.aliases),
            "main": _main_product(found.products, layout), "titled": _titled(found.products, layout),"sections": _sections(text, found.mentions, layout)}


#: "the " right before a mention: the text refers to something it has named.
THE_BEFORE = compiled(r"(?<![\w-])[Tt]he[ \u00a0]\Z")


def _refer_back(text: str, found: _Catalogue) -> None:
    """"the Lumio TV comes in three sizes" right after "it could be the Lumio Smart TV X
    series": a maker's bare TV, with "the", is the maker's TV the text named just before."""
    for k, (start, end, index) in enumerate(found.mentions):
        product = found.products[index]
        maker_tv = product["key"].split()
        if k == 0 or len(maker_tv) != 2 or maker_tv[1] != "tv" or not THE_BEFORE.search(text, max(0, start - 4), start):
            continue
        previous = found.mentions[k - 1]
        named = found.products[previous[2]]
        same_maker = named["key"].split()[0] == maker_tv[0] or (named["brand"] is not None and named["brand"] == product["brand"])
        if start - previous[1] < 300 and previous[2] != index and same_maker and " TV " in f" {named['name']} ":
            found.mentions[k][2] = previous[2]
            product["mentions"].remove([start, end])
            named["mentions"].append([start, end])
            named["mentions"].sort()
            found.aliases.append(start)


def _numbered(tokens: list[str]) -> list[str]:
    """A key's tokens without "series" before a number: "watch series 3" reads "watch 3"."""
    return [t for i, t in enumerate(tokens) if not (t == "series" and i + 1 < len(tokens) and tokens[i + 1][:1].isdigit())]


def _merge_shortened(found: _Catalogue) -> None:
    """A model named by the end of another's name ("Tab 2" beside "Galaxy Tab 2", "Watch 3"
    beside "Lumio Watch Series 3"; two words or more with a number) is that product, when only
    one product's name ends so."""
    keys = [_numbered(p["key"].split()) for p in found.products]
    into: dict[int, int] = {}
    for i, key in enumerate(keys):
        if len(key) < 2 or not any(map(str.isdigit, key[-1])):
            continue
        longer = [j for j, other in enumerate(keys) if len(other) > len(key) and other[-len(key):] == key]
        if len(longer) == 1:
            into[i] = longer[0]
    if not into:
        return
    kept = [i for i in range(len(found.products)) if i not in into]
    new_index = {old: new for new, old in enumerate(kept)}
    for i, j in into.items():
        found.aliases.extend(start for start, _ in found.products[i]["mentions"])  # the longer name stays the name
        found.products[j]["mentions"].extend(found.products[i]["mentions"])
        found.products[j]["mentions"].sort()
    found.products[:] = [found.products[i] for i in kept]
    for mention in found.mentions:
        mention[2] = new_index[into.get(mention[2], mention[2])]
    found.by_key = {key: new_index[into.get(i, i)] for key, i in found.by_key.items()}


def _name_entities(text: str, found: _Catalogue) -> None:
    """Each product's canonical name — its shortest spelling of two words or more, which the
    others hold ("Galaxy M37" of "Samsung Galaxy M37 5G"; the maker is the ``brand``), the
    most used of equals — and its ``aliases``, every other spelling. All facts of the product
    carry that one name."""
    aliases = set(found.aliases)
    spellings: list[list[str]] = [[] for _ in found.products]
    counts: dict[str, int] = {}
    for start, end, index in found.mentions:
        written = " ".join(text[start:end].split())
        counts[written] = counts.get(written, 0) + 1
        if start not in aliases and written not in spellings[index]:
            spellings[index].append(written)
    for product, written in zip(found.products, spellings):
        named = [name for name in written if " " in name] or written
        if named and (" " in named[0] or " " not in product["name"]):
            product["name"] = min(named, key=lambda name: (len(name), -counts[name], written.index(name)))
        product["aliases"] = [name for name in written if name != product["name"]]


def _titled(products: list[dict], layout: dict | None) -> bool:
    """Does the headline name a product (which then is the main one)?"""
    title = layout.get("title") if layout else None
    return bool(title) and any(title[0] <= m[0] < title[1] for p in products for m in p["mentions"])


def _main_product(products: list[dict], layout: dict | None) -> int | None:
    """The product the headline names first; without one, the product mentioned most."""
    if not products:
        return None
    title = layout.get("title") if layout else None
    if title:
        in_title = [(m[0], i) for i, p in enumerate(products) for m in p["mentions"] if title[0] <= m[0] < title[1]]
        if in_title:
            return min(in_title)[1]

    def weight(index: int) -> tuple[int, int]:
        mentions = products[index]["mentions"]
        in_title = sum(1 for s, _ in mentions if title and title[0] <= s < title[1])
        return (len(mentions) + in_title, -mentions[0][0])

    return max(range(len(products)), key=weight)


def _sections(text: str, mentions: list[list[int]], layout: dict | None) -> list[list[int]]:
    """[heading start, product index] for each heading-like paragraph naming a product."""
    if not layout:
        return []
    starts = [m[0] for m in mentions]
    sections = []
    for start, end in layout["paragraphs"]:
        if text.endswith((".", "?", "!", ":", ",", "”", '"'), start, end) or len(text[start:end].split(None, 12)) > 12:
            continue  # a sentence, or more than 12 words
        i = bisect.bisect_left(starts, start)
        if i < len(mentions) and mentions[i][0] < end:
            sections.append([start, mentions[i][2]])
    return sections


def makers_of(products: list[dict]) -> frozenset[str]:
    """The brands of the products, and the first word of names without a known brand
    ("Lumio" of "Lumio X5").

    >>> sorted(makers_of([{"name": "Lumio X5", "brand": None}, {"name": "Redmi 13", "brand": "Xiaomi"}]))
    ['Lumio', 'Xiaomi']
    """
    found = {p["brand"] for p in products if p["brand"]}
    found |= {p["name"].split()[0] for p in products if not p["brand"] and " " in p["name"]}
    return frozenset(word for word in found if compiled(r"[A-Z][A-Za-z]+").fullmatch(word))



def get_products(doc: Doc) -> dict:
    """The products data of a processed Doc (computed on the spot if the component has not run)."""
    data = docdata.get(doc, FAMILY)
    if data is None:
        layout = get_layout(doc)
        data = find_products(docdata.text_of(doc), Boilerplate(layout["boilerplate"]), layout)
    return data


class Products:
    """Stores :func:`find_products` on the Doc, mirrored as ``doc.spans["newsfacts_products"]``."""

    def __call__(self, doc: Doc) -> Doc:
        layout = get_layout(doc)
        data = find_products(docdata.text_of(doc), Boilerplate(layout["boilerplate"]), layout)
        docdata.put(doc, FAMILY, data)
        docdata.mirror_spans(doc, "newsfacts_products", [m[:2] for m in data["mentions"]], "PRODUCT")
        return doc


@Language.factory("newsfacts_products")
def make_products(nlp: Language, name: str) -> Products:
    """Factory of :class:`Products`."""
    return Products()
