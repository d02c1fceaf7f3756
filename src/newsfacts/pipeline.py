"""Build the spaCy pipeline: ``spacy.blank("en")`` + our tokenizer rules + our components.

The tokenizer rules split the glue between numbers, units and currencies that news copy is
full of, so that every number stands on token boundaries:

>>> nlp = build_pipeline()
>>> [t.text for t in nlp.make_doc("Rs.16,999 for 4GB/64GB, 4,000mAh")]
['Rs.', '16,999', 'for', '4', 'GB', '/', '64', 'GB', ',', '4,000', 'mAh']

The components (``newsfacts_<name>`` factories) run in the order of :data:`COMPONENTS`.
"""

from __future__ import annotations

import re
from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

from . import lexicons
from .lexicons import alternation

#: Our components, in pipeline order. Products come before money: a price needs to know
#: what it is the price of.
COMPONENTS: tuple[str, ...] = (
    "newsfacts_sentences",
    "newsfacts_layout",
    "newsfacts_numbers",
    "newsfacts_products",
    "newsfacts_money",
    "newsfacts_time",
    "newsfacts_specs",
    "newsfacts_sales",
    "newsfacts_quotes",
)

#: Inputs longer than spaCy's default limit (1,000,000 characters) are fine for the rule
#: pipeline: its memory grows linearly with the text.
MAX_LENGTH = 2**31 - 1



def tokenizer_rules() -> tuple[list[str], list[str], list[str], dict[str, list[dict]]]:
    """Extra (prefixes, infixes, suffixes, special cases) for number/unit/currency glue."""
    units = alternation(lexicons.values("tokenizer", "text", rule="unit_suffix"))
    currency_list = lexicons.values("tokenizer", "text", rule="currency_prefix") + list("₹$€£¥")
    currencies = alternation(currency_list)
    prefixes = [
        rf"(?:{currencies})(?=[0-9])",  # "Rs.16,999" "INR500" "Rs16,189-crore"
    ]
    infixes = [
        rf"(?<=[0-9])(?=(?:{units})(?![A-Za-z]))",  # "4GB" "4,000mAh" "2.2GHz" "5bn"
        r"(?<=[A-Za-z])/(?=[0-9])",  # "4GB/64GB"
        r"(?<=[A-Za-z0-9])\+(?=[0-9])",  # "12MP+2MP"
        r"(?<=[0-9])[-–—](?=[0-9])",  # "7-9 lakh", "2014–15"
        rf"(?<=[0-9])[-–—](?=(?:{currencies}|[₹$€£¥]))",  # "₹7,000-₹14,000"
        # a currency glued to a number inside a longer token: "-₹14,000", "to-Rs.500"
        "(?=[0-9])(?:" + "|".join(f"(?<={re.escape(c)})" for c in currency_list) + ")",
    ]
    suffixes = [
        r"(?<=[A-Za-z])/",  # "4GB RAM/ 64GB"
    ]
    specials = {
        text: [{"ORTH": text}] for text in lexicons.values("tokenizer", "text", rule="special_case")
    }
    return prefixes, infixes, suffixes, specials


def customize_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` a tokenizer with newsfacts' rules added to its own (idempotent)."""
    nlp.tokenizer = _with_rules(nlp.tokenizer, nlp.Defaults)


def _with_rules(tokenizer: Tokenizer, defaults: type) -> Tokenizer:
    """A tokenizer like ``tokenizer`` plus our prefixes, infixes, suffixes and special cases,
    built in one go: setting them one by one on a tokenizer reloads every special case each
    time (a quarter of a second)."""
    prefixes, infixes, suffixes, specials = tokenizer_rules()
    current_prefixes = getattr(tokenizer.prefix_search, "__self__", None)
    if current_prefixes is not None and current_prefixes.pattern.startswith("^" + prefixes[0]):
        return tokenizer  # already customised
    rules = dict(tokenizer.rules or {})
    rules.update(specials)
    return Tokenizer(
        tokenizer.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(prefixes + list(defaults.prefixes or ())).search,
        suffix_search=compile_suffix_regex(suffixes + list(defaults.suffixes or ())).search,
        infix_finditer=compile_infix_regex(infixes + list(defaults.infixes or ())).finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
        faster_heuristics=tokenizer.faster_heuristics,
    )


@registry.tokenizers("newsfacts.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy config hook: ``[nlp.tokenizer] @tokenizers = "newsfacts.Tokenizer.v1"``."""
    make_default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> Tokenizer:
        return _with_rules(make_default(nlp), nlp.Defaults)

    return make


def build_pipeline(nlp: Language | str | None = None) -> Language:
    """Our pipeline on ``spacy.blank("en")``, or our components added to a given pipeline.

    ``nlp`` may be a loaded ``Language`` or the name of an installed spaCy package
    (e.g. ``"en_core_web_sm"``). Components already present are not added twice.
    """
    if nlp is None:
        nlp = spacy.blank("en")
    elif isinstance(nlp, str):
        nlp = spacy.load(nlp)
    customize_tokenizer(nlp)
    nlp.max_length = MAX_LENGTH
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
