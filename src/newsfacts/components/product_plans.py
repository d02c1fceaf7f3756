"""Telecom plans named by their price: "the Rs 399 plan", and plans whose price the text
revises ("the Rs 299 plan will now cost Rs 349" names the Rs 349 plan).

>>> plan_revisions("The Rs 299 plan will now cost Rs 349.")
{'299': '349'}
"""

from __future__ import annotations

import re
from functools import cache

import regex

from .. import scan
from ..lexicons import alternation
from .product_names import _Catalogue, _lexicon

RUPEES = r"(?:Rs\.?[ \u00a0]?|₹[ \u00a0]?)"
PRICE = r"\d+(?:,\d{2,3})*"
REVISED_TO = scan.compile_pattern(
    rf"(?:[^.\n]|\.(?=\d)){{0,100}}?\b(?:will\s+)?(?:now\s+)?(?:costs?|becomes?|goes\s+(?:up\s+)?to|(?:is\s+)?going\s+(?:up\s+)?to|rises\s+to|now|"
    rf"(?:has\s+been\s+|have\s+been\s+|is\s+|was\s+|been\s+)?(?:raised|hiked|increased|revised|cut|reduced)\s+to)"
    rf"\s+{RUPEES}(?P<new>{PRICE})")
PLAN_NOUNS = ("plan", "pack", "booster", "recharge")
#: What PLAN_FROM_TO cannot match without: a text lacking it is not scanned.
FROM_RUPEES = regex.compile(r"from\s+(?:Rs|₹)")
#: "The entry-level unlimited plan goes from Rs 179 to Rs 199"
PLAN_FROM_TO = regex.compile(
    rf"\b(?i:the|its|an?)\s+(?P<plan>(?:[a-z-]+\s+){{0,3}}(?:{'|'.join(PLAN_NOUNS)}))\b[^.\n]{{0,60}}?"
    rf"\b(?:climbs?|goes|rises|jumps|moves|increases|changes|is\s+revised|has\s+been\s+revised)\s+(?:up\s+)?"
    rf"from\s+{RUPEES}(?P<old>{PRICE})\s+to\s+{RUPEES}(?P<new>{PRICE})")
#: "- Rs 179 → Rs 199: 2GB total data, 28 days validity" in a list of revised plans
PLAN_LIST_LINE = scan.compile_pattern(
    rf"^(?:[-*•]\s*)?(?P<plan>{RUPEES}(?P<old>{PRICE})\s*(?:→|->|➝|=>|to)\s*{RUPEES}(?P<new>{PRICE}))\s*[:|–-]",
    regex.MULTILINE)
#: A rupee amount alone in a table cell, and the column headers that make it a plan's name.
TABLE_PRICE = regex.compile(rf"(?<=\|[ \t]*){RUPEES}(?P<price>{PRICE})(?=[ \t]*(?:\||$))", regex.MULTILINE)
PRICE_COLUMN = regex.compile(r"\bnew\s+(?:price|tariff|MRP)\b|\brevised\b", regex.IGNORECASE)
OLD_PRICE_COLUMN = regex.compile(r"\b(?:old|current|earlier|previous)\s+(?:price|tariff|MRP)\b", regex.IGNORECASE)
PLAN_WORDS = regex.compile(r"\b(?:plans?|packs?|recharges?|tariffs?)\b", regex.IGNORECASE)


def _revision_phrases(text: str):
    """"goes from Rs 179 to Rs 199" and list lines "Rs 179 → Rs 199:", with their groups
    ``plan``, ``old`` and ``new``. Each pattern runs only on a text holding words it cannot
    match without (a substring test costs far less than its scan)."""
    if "from" in text and any(noun in text for noun in PLAN_NOUNS) and FROM_RUPEES.search(text):
        yield from PLAN_FROM_TO.finditer(text)
    if "Rs" in text or "₹" in text:
        yield from list_lines(text)


def list_lines(text: str) -> list:
    """``PLAN_LIST_LINE.finditer(text)``, tried only where a line opens on a rupee sign, or
    on a bullet and white space before one (its ``^`` makes ``re`` try every position)."""
    starts = set()
    for sign in scan.find_all(text, "Rs") + scan.find_all(text, "₹"):
        if sign == 0 or text[sign - 1] == "\n":
            starts.add(sign)
        bullet = sign
        while bullet > 0 and text[bullet - 1].isspace():
            bullet -= 1
        bullet -= 1  # the bullet's place, before the white space
        if bullet >= 0 and text[bullet] in "-*•" and (bullet == 0 or text[bullet - 1] == "\n"):
            starts.add(bullet)
    return scan.matches_at(PLAN_LIST_LINE, text, sorted(starts))


def table_prices(text: str) -> list:
    """``TABLE_PRICE.finditer(text)``, tried only at the rupee signs (its leading lookbehind
    makes ``regex`` try every position)."""
    if "|" not in text:
        return []
    return scan.matches_at(TABLE_PRICE, text, sorted(scan.find_all(text, "Rs") + scan.find_all(text, "₹")))


def plan_revisions(text: str) -> dict[str, str]:
    """Old price -> new price of every plan the text says is revised: "Rs 179 → Rs 199",
    "goes from Rs 179 to Rs 199", "the Rs 299 plan will now cost Rs 349", a table row under
    "Old price | New price". Keys are digits only ("3599"); an old price that is also some
    plan's new price is left out, as it may name either plan."""
    revisions = {}
    for match in _revision_phrases(text):
        revisions[match.group("old").replace(",", "")] = match.group("new")
    for match in PLAN_MENTION_PRICE.finditer(text):
        new = _revised_price(text, match.end())
        if new is not None:
            revisions[match.group("price").replace(",", "")] = new
    for match in table_prices(text):
        header = scan.table_header(text, match.start())
        if header is None or not OLD_PRICE_COLUMN.search(header):
            continue
        row_end = scan.line_end(text, match.end())
        for later in TABLE_PRICE.finditer(text, match.end(), row_end):
            if PRICE_COLUMN.search(scan.table_header(text, later.start()) or ""):
                revisions[match.group("price").replace(",", "")] = later.group("price")
                break
    new_prices = {new.replace(",", "") for new in revisions.values()}
    return {old: new for old, new in revisions.items() if old not in new_prices}


NAMED_PLAN = regex.compile(rf"{RUPEES}\d[\d,]*\s+(?:plan|pack)")
PLAN_MENTION_PRICE = regex.compile(rf"{RUPEES}(?P<price>{PRICE})(?:[ \u00a0][a-z-]+)?[ \u00a0](?:plan|pack|booster|voucher|recharge)\b")


def _revised_price(text: str, end: int) -> str | None:
    """The new price when the plan named just before ``end`` "will now cost Rs 349" (in the
    same sentence, before any other price plan is named)."""
    match = REVISED_TO.match(text, end, min(len(text), end + 200))
    if match is None or NAMED_PLAN.search(match.group(0)):
        return None
    return match.group("new")


def _add_revised_plans(text: str, found: _Catalogue) -> None:
    """Plans named by the price they are revised to: "the annual plan ... climbs from Rs 2,999
    to Rs 3,599" is the Rs 3,599 annual plan; so is a list line "Rs 179 → Rs 199: ..."."""
    for match in _revision_phrases(text):
        start, end = match.span("plan")
        if not found.free(start):
            continue
        from_to = match.re is PLAN_FROM_TO
        if not from_to and not PLAN_WORDS.search(text, max(0, start - 600), start):
            continue
        noun = match.group("plan").split()[-1] if from_to else "plan"
        name = f"Rs {match.group('new')} {noun}"
        found.add(start, end, name, None, "plan " + match.group("new").replace(",", ""), alias=True)
    for match in table_prices(text):
        start, end = match.span()
        if not found.free(start):
            continue
        header = scan.table_header(text, start)
        if header is None or not PRICE_COLUMN.search(header):
            continue
        table_start = scan.line_start(text, start)  # the plan words sit near the table's head
        if PLAN_WORDS.search(text, max(0, table_start - 1500), table_start):
            found.add(start, end, f"Rs {match.group('price')} plan", None,
                      "plan " + match.group("price").replace(",", ""), alias=True)



@cache
def _operators() -> re.Pattern:
    brands, _, _ = _lexicon()
    return re.compile(rf"\b(?:{alternation(b for b, r in brands.items() if r['category'] == 'telecom')})\b")


def operator_named_before(text: str, start: int) -> str | None:
    """The telecom operator named last before a plan (within a few paragraphs), as written."""
    last = None
    for last in _operators().finditer(text, max(0, start - 1500), start + 40):
        if last.start() > start:
            break
    return last.group(0) if last is not None else None


def _operator_before(text: str, start: int) -> str:
    """The key of :func:`operator_named_before`: one operator's Rs 98 plan is not another's."""
    return (operator_named_before(text, start) or "").casefold()


#: A plan named by the price after it: "a pack of ₹296", "a recharge pack priced at Rs 199",
#: "the prepaid plan starts at ₹327", "a 31 days validity plan at ₹337" — not "a pack of Rs 199
#: and above" (a floor) nor a plural ("packs starting at Rs 199": several plans).
PLAN_AT_PRICE_NOUNS = ("plan", "pack", "recharge", "voucher", "booster")
PLAN_AT_PRICE = regex.compile(
    rf"(?<![\w-])(?P<noun>{'|'.join(PLAN_AT_PRICE_NOUNS)})\s+(?:of|at|for|(?:is\s+)?priced\s+at|starts?\s+(?:at|from)"
    rf"|starting\s+(?:at|from)|costing|which\s+costs)\s+(?P<price>{RUPEES}(?P<digits>{PRICE}))(?![\d,]|\.\d)"
    rf"(?!\s*(?:and\s+above|or\s+(?:more|above)|onwards|crore|lakh|cr\b))")
#: A plan's own name before its noun: "Jio Freedom plan of ₹296" (a maker and Titlecase words).
PLAN_OWN_NAME = regex.compile(r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][a-z][\w-]*){1,2})\s+\Z")


def _add_plans_at_price(text: str, found: _Catalogue) -> None:
    """Plans named by the price after them: "a pack of ₹296" is the ₹296 pack, "Jio Freedom
    plan of ₹296" keeps its own name; the mention runs to the price, which so names its plan."""
    if not ("Rs" in text or "₹" in text) or not any(noun in text for noun in PLAN_NOUNS):
        return
    brands, _, _ = _lexicon()
    nouns = sorted(offset for noun in PLAN_AT_PRICE_NOUNS for offset in scan.find_all(text, noun))
    for match in scan.matches_at(PLAN_AT_PRICE, text, nouns):  # a match starts with its noun
        start, end = match.start(), match.end()
        if not found.free(start, end):
            continue
        name = f"{match.group('price')} {match.group('noun')}"
        own = PLAN_OWN_NAME.search(text, max(0, start - 40), start)
        if own is not None and own.group("name").split()[0] in brands and found.free(own.start(), start):
            start, name = own.start(), f"{own.group('name')} {match.group('noun')}"
        found.add(start, end, name, None, f"plan {_operator_before(text, start)} {match.group('digits').replace(',', '')}",
                  alias=True)


#: An operator's plans as a group, offered or announced together: "Airtel has two prepaid plans
#: with 30 days validity", "it offers a number of recharge packs", "announced new pre-paid plans",
#: "the validity of certain prepaid plans".
PLAN_GROUP = regex.compile(
    r"\b(?:has|have|offers?|announced|announces|launche[sd]|introduce[sd]|unveil(?:s|ed)|rolled\s+out|rolls\s+out|"
    r"of\s+(?=(?:certain|some|select|all|its|their)\s))\s*"
    r"(?:(?:a\s+(?:number|range|host|couple|set|bunch)\s+of|several|some|two|three|four|five|six|new|its|their|revised|"
    r"certain|many|multiple)\s+)*(?P<group>(?P<words>(?:(?!(?:the|a|an|its|of|to|with)\s)[a-z][a-z-]*\s+){0,2})"
    r"(?P<noun>plans|packs))\b(?!\s+to\b)")


#: How PLAN_GROUP ends: a text without it is not scanned.
PLAN_GROUP_NOUN = regex.compile(r"(?:plans|packs)\b(?!\s+to\b)")


def _add_plan_groups(text: str, found: _Catalogue) -> None:
    """A telecom operator's plans spoken of together ("Airtel has two prepaid plans with 30 days
    validity") are what that sentence's validity, data and prices are of: the operator's
    "prepaid plans"."""
    if not any(PLAN_GROUP_NOUN.match(text, offset) for noun in ("plans", "packs") for offset in scan.find_all(text, noun)):
        return  # no "plans" that PLAN_GROUP could end with ("plans to launch" cannot)
    for match in PLAN_GROUP.finditer(text):
        start, end = match.span("group")
        operator = operator_named_before(text, start)
        if operator is None or not found.free(start, end):
            continue
        words = " ".join(match.group("words").split())
        name = " ".join(part for part in (operator, words, match.group("noun")) if part)
        found.add(start, end, name, None, f"plans {operator.casefold()} {words}", alias=True)
