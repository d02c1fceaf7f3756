"""Telecom plans named by their price: "the Rs 399 plan", and plans whose price the text
revises ("the Rs 299 plan will now cost Rs 349" names the Rs 349 plan).

>>> plan_revisions("The Rs 299 plan will now cost Rs 349.")
{'299': '349'}
"""

from __future__ import annotations

import regex

from .. import scan
from .product_names import _Catalogue

RUPEES = r"(?:Rs\.?[ \u00a0]?|₹[ \u00a0]?)"
PRICE = r"\d+(?:,\d{2,3})*"
REVISED_TO = scan.compile_pattern(
    rf"(?:[^.\n]|\.(?=\d)){{0,100}}?\b(?:will\s+)?(?:now\s+)?(?:costs?|becomes?|goes\s+(?:up\s+)?to|(?:is\s+)?going\s+(?:up\s+)?to|rises\s+to|now|"
    rf"(?:has\s+been\s+|have\s+been\s+|is\s+|was\s+|been\s+)?(?:raised|hiked|increased|revised|cut|reduced)\s+to)"
    rf"\s+{RUPEES}(?P<new>{PRICE})")
PLAN_NOUNS = ("plan", "pack", "booster", "recharge")
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
    if "from" in text and any(noun in text for noun in PLAN_NOUNS):
        yield from PLAN_FROM_TO.finditer(text)
    if "Rs" in text or "₹" in text:
        yield from PLAN_LIST_LINE.finditer(text)


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
    for match in TABLE_PRICE.finditer(text):
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
    for match in TABLE_PRICE.finditer(text):
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

