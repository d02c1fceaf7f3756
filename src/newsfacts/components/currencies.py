"""Currency markers, and which currency an amount is in.

Every currency in use since 2000 comes from the Unicode CLDR (``data/currencies_cldr.jsonl``,
built by ``python -m newsfacts.currency_data``): its ISO code ("PLN", "AUD"), symbols ("zł",
"Kč", "Rp", "RM", "₪", "R$"), English names ("Malaysian ringgit", "Polish zlotys") and their
nouns ("ringgit", "zlotys"). ``data/currencies.jsonl`` holds the project's own markers on top
("Rs", "Rs.", "bucks", "cents", "paise", "MUSD"), its decisions on shared ones ("$" is the US
dollar unless the text names another, "Rs" the Indian rupee unless it names Sri Lanka,
Pakistan or Nepal) and its corrections (``"code": null`` drops a CLDR marker that is an
English word: "mark", "real", "rand", "TOP", "ALL").

A marker several currencies share ("kr", "dinars", "pesos") is read as the currency of the
country the text names nearest it (CLDR's country names and the adjectives of the currency
names: "Sweden", "Swedish"); one that is also a letter or a short word ("R", "K", "KM") is read
only where the text names its country. With no country to go by, the amount is left out
rather than given a currency it may not be in.

>>> lexicon = currencies()
>>> lexicon.row("zł")["code"], lexicon.row("ringgit")["code"], sorted(lexicon.row("kr")["candidates"])
('PLN', 'MYR', ['DKK', 'NOK', 'SEK'])
"""

from __future__ import annotations

import re
from functools import cache

import regex

from .. import lexicons, scan
from ..lexicons import alternation

PARAGRAPH_REACH = 2000  # how far a paragraph is read for context, at most
NEAR = 120  # characters on each side of an amount read first for a country

CHINA = scan.compile_pattern(r"\b(?:China|Chinese|Beijing|Shanghai|Shenzhen|yuan|RMB|renminbi|Weibo|JD\.com|Tmall|Taobao|Alibaba)\b")
JAPAN = scan.compile_pattern(r"\b(?:Japan|Japanese|Tokyo|Osaka|yen)\b")
#: (These run on ``regex``, 3x faster than ``re`` over a whole text.)
SRI_LANKA = regex.compile(r"\b(?:Sri Lanka|Sri Lankan|Colombo|Kandy|LKR)\b")
PAKISTAN = regex.compile(r"\b(?:Pakistan|Pakistani|Karachi|Lahore|Islamabad|PKR)\b")
NEPAL = regex.compile(r"\b(?:Nepal|Nepali|Nepalese|Kathmandu|NPR)\b")
INDIA_NAMES = scan.compile_pattern(r"\b(?:India|Indian|Delhi|New Delhi|Mumbai|Bengaluru|Bangalore|Chennai|Kolkata|Hyderabad)\b")
INDIA = scan.compile_pattern(r"\b(?:India|Indian|Delhi|Mumbai|Bengaluru|Bangalore|Chennai|Rs\.?|₹|INR|lakh|crore)\b")
DOLLAR_AREA = scan.compile_pattern(r"\$|\bUS\b|\bdollars?\b|\bAmerica")
EURO_AREA = scan.compile_pattern(r"€|\bEUR\b|\beuros?\b", regex.IGNORECASE)
#: Every name SRI_LANKA, PAKISTAN and NEPAL match holds one of these: a text holding none
#: names no rupee country but India, told by substring tests instead of three regex searches.
OTHER_RUPEE_NAMES = ("Sri Lanka", "Colombo", "Kandy", "LKR", "Pakistan", "Karachi", "Lahore", "Islamabad", "PKR",
                     "Nepal", "Kathmandu", "NPR")
RUPEE_COUNTRIES = {"India": INDIA_NAMES, "Sri Lanka": SRI_LANKA, "Pakistan": PAKISTAN, "Nepal": NEPAL}
RUPEE_CODES = {"Sri Lanka": "LKR", "Pakistan": "PKR", "Nepal": "NPR"}
YEN_COUNTRIES = {"China": CHINA, "Japan": JAPAN}


class Currencies:
    """Every marker (CLDR's and the project's) as two anchored regexes, with its currency."""

    def __init__(self) -> None:
        cldr = lexicons.load("currencies_cldr")
        own = lexicons.load("currencies")
        self.places: dict[str, list[str]] = {}
        self.no_decimals: frozenset[str] = frozenset(r["code"] for r in cldr if r["kind"] == "digits" and r["digits"] == 0)
        for row in cldr:
            if row["kind"] == "place":
                self.places.setdefault(row["code"], []).append(row["place"])
        self.exact: dict[str, dict] = {}
        self.folded: dict[str, dict] = {}
        decided = {row["marker"].casefold() for row in own}  # CLDR's readings of these give way
        for row in own:
            if row.get("code") is not None:
                self._add({"needs_context": False, **row})
        groups: dict[tuple[str, str], list[dict]] = {}
        for row in cldr:
            if row["kind"] == "marker" and row["marker"].casefold() not in decided:
                key = row["marker"] if row["case"] == "exact" else row["marker"].casefold()
                groups.setdefault((key, row["case"]), []).append(row)
        for (_, case), rows in groups.items():
            self._add(_entry(rows))
        self._widen_stops()
        self._compile()

    def _widen_stops(self) -> None:
        """A marker that ends in a full stop may be its stem at a sentence's end ("1 299 kr."
        of Sweden, "kr." of Denmark): it may be any currency either stands for."""
        for entries in (self.exact, self.folded):
            for key, entry in entries.items():
                stem = entries.get(key[:-1]) if key.endswith(".") else None
                if stem is None:
                    continue
                codes = set(entry.get("candidates") or [entry["code"]]) | set(stem.get("candidates") or [stem["code"]])
                if len(codes) > 1:
                    entries[key] = {**entry, "code": None, "candidates": sorted(codes),
                                    "needs_context": entry["needs_context"] or stem["needs_context"]}

    def _add(self, entry: dict) -> None:
        if entry["case"] == "exact":
            self.exact[entry["marker"]] = entry
        else:
            self.folded[entry["marker"].casefold()] = entry

    def _compile(self) -> None:
        prefix_exact, prefix_any, suffix_exact, suffix_any = [], [], [], []
        for entries, exact in ((self.exact, True), (self.folded, False)):
            for entry in entries.values():
                marker = entry["marker"]
                if entry["position"] in ("prefix", "both"):
                    (prefix_exact if exact else prefix_any).append(marker)
                if entry["position"] in ("suffix", "both"):
                    (suffix_exact if exact else suffix_any).append(marker)

        prefixes, suffixes = prefix_exact + prefix_any, suffix_exact + suffix_any
        # how far back a prefix marker and its spaces may reach: the windows searched are cut to it
        self.prefix_reach = max(len(m) for m in prefixes) + 3
        # the last two characters a prefix marker can end in, the first two a suffix one can
        # start with (one, for a one-character marker): "Rs", "kr", "$"; as written, or folded
        self.prefix_ends = (frozenset(m[-2:] for m in prefix_exact), frozenset(m[-2:].casefold() for m in prefix_any))
        # the word a prefix marker ends with ("Rs.", "$", "dollars"), the word a suffix marker
        # starts with ("United" of "United States dollars", "€"): a number's neighbour must be one
        self.prefix_last_words = (frozenset(_last_word(m) for m in prefix_exact),
                                  frozenset(_last_word(m).casefold() for m in prefix_any))
        self.suffix_first_words = (frozenset(_first_word(m) for m in suffix_exact),
                                   frozenset(_first_word(m).casefold() for m in suffix_any))
        self.filtered = all(m and m.strip(" \u00a0-") == m for m in prefixes + suffixes)
        not_a_letter_before, not_a_letter_after = r"(?<![^\W\d_])", r"(?![^\W\d_])"
        # markers as written, and markers in any case: two patterns, the longer match wins
        # ("1,250 D-marks" is no "D", Gambia's dalasi)
        self.prefixes = tuple(
            scan.compile_pattern(rf"{not_a_letter_before}(?P<marker>{trie})[ \u00a0]*\Z")
            for trie in (alternation(prefix_exact), f"(?i:{alternation(prefix_any)})"))
        self.suffixes = tuple(
            scan.compile_pattern(rf"\A[ \u00a0]*-?(?P<marker>{trie}){not_a_letter_after}")
            for trie in (alternation(suffix_exact), f"(?i:{alternation(suffix_any)})"))
        # a marker glued to the word before it, as in a table that lost its cell borders
        # ("Swift GL ManualRs2,499,000Rs4,052,000"): written markers that open with a capital
        glued = [m for m in prefix_exact if len(m) > 1 and m[0].isupper() and not m.isupper()]
        self.glued_prefix = scan.compile_pattern(rf"(?P<marker>{alternation(glued)})\Z") if glued else None
        self.scale_after_marker = scan.compile_pattern(
            r"\A[ \u00a0]+(?P<scale>million|billion|thousand|crore|lakh|mn|bn)\b", regex.IGNORECASE)

    def may_end_prefix(self, before: str) -> bool:
        """Can a prefix marker end ``before`` (its spaces aside)? A cheap look-up of its last
        word, which spares most numbers the prefix search."""
        return bool(self._prefix_patterns(before))

    def _prefix_patterns(self, before: str) -> tuple:
        """The prefix patterns (as written, any case) whose markers can end ``before``."""
        before = before.rstrip(" \u00a0")
        if not self.filtered or not before:
            return self.prefixes
        return _usable(_last_word(before), self.prefix_last_words, self.prefixes)

    def _suffix_patterns(self, after: str) -> tuple:
        """The suffix patterns whose markers can start ``after``."""
        after = after.lstrip(" \u00a0")
        after = after[1:] if after[:1] == "-" else after
        if not self.filtered or not after:
            return self.suffixes
        return _usable(_first_word(after), self.suffix_first_words, self.suffixes)

    def may_touch(self, before: str, after: str) -> bool:
        """Can a prefix marker end ``before`` or a suffix marker start ``after``? The look-ups
        :meth:`prefix` and :meth:`suffix` make first, in one call: most numbers have no
        marker, and are told so by two set look-ups."""
        if not self.filtered:
            return True
        before = before.rstrip(" \u00a0")
        if not before:
            return True
        word = _last_word(before)
        exact, folded = self.prefix_last_words
        if word in exact or word.casefold() in folded:
            return True
        after = after.lstrip(" \u00a0")
        after = after[1:] if after[:1] == "-" else after
        if not after:
            return True
        word = _first_word(after)
        exact, folded = self.suffix_first_words
        return word in exact or word.casefold() in folded

    def may_end_glued(self, before: str) -> bool:
        """Can a marker of two characters or more end ``before``, glued to the digits after it
        ("AUD4.50", "HKD139.90")? Letters glued to digits are mostly names ("S24")."""
        two = before[-2:]
        exact, folded = self.prefix_ends
        return len(two) == 2 and (two in exact or two.casefold() in folded)

    def may_start_suffix(self, after: str) -> bool:
        """Can a suffix marker start ``after`` (its spaces and a hyphen aside)?"""
        return bool(self._suffix_patterns(after))

    def prefix(self, before: str):
        """The marker that ends ``before`` (spaces aside), the longest one; or None."""
        patterns = self._prefix_patterns(before)
        if not patterns:
            return None
        from_ = max(0, len(before) - self.prefix_reach)
        found = [m for m in (pattern.search(before, from_) for pattern in patterns) if m]
        return min(found, key=lambda m: m.start("marker")) if found else None

    def suffix(self, after: str):
        """The marker that starts ``after`` (spaces and a hyphen aside), the longest one; or None."""
        patterns = self._suffix_patterns(after)
        if not patterns:
            return None
        found = [m for m in (pattern.match(after) for pattern in patterns) if m]
        return max(found, key=lambda m: m.end()) if found else None

    def row(self, marker: str) -> dict:
        return self.exact.get(marker) or self.folded[marker.casefold()]

    @cache  # noqa: B019 - one lexicon per process
    def places_of(self, codes: tuple[str, ...]) -> dict[str, regex.Pattern]:
        """For each currency, a pattern of the places that tell it: "Sweden", "Swedish", "SEK"."""
        found = {}
        for code in codes:
            names = sorted({*self.places.get(code, ()), code}, key=len, reverse=True)
            found[code] = regex.compile(rf"\b(?:{alternation(names)})\b")
        return found


def _entry(rows: list[dict]) -> dict:
    """One CLDR marker's entry: its currency, or the currencies it may be and the one English
    means by it ("$" of the US) when there is one."""
    codes = sorted({row["code"] for row in rows})
    positions = {row["position"] for row in rows}
    entry = {"marker": rows[0]["marker"], "case": rows[0]["case"],
             "position": "both" if len(positions) > 1 else positions.pop(),
             "needs_context": any(row.get("needs_context") for row in rows)}
    if len(codes) == 1:
        return {**entry, "code": codes[0]}
    english = sorted({row["code"] for row in rows if row["source"] == "symbol:en"})
    return {**entry, "code": english[0] if len(english) == 1 else None, "candidates": codes}


def _usable(word: str, words: tuple[frozenset[str], frozenset[str]], patterns: tuple) -> tuple:
    """Of the (as written, any case) ``patterns``, those whose markers can have ``word`` at
    their edge, by the (as written, folded) ``words`` markers have there."""
    exact, folded = words
    return ((patterns[0],) if word in exact else ()) + ((patterns[1],) if word.casefold() in folded else ())


FIRST_WORD = re.compile(r"[^\W\d_]+|\S")


def _last_word(text: str) -> str:
    """The letters (and a full stop) or the one character a text ends with: "Rs." of "at Rs."
    (read backwards: a search anchored at the end would try every position)."""
    word = text[text.rfind(" ") + 1:]
    if word.isalpha():
        return word  # the common case, a plain word after a space: found by C string methods
    end = letters_end = len(text)
    if letters_end and text[letters_end - 1] == ".":
        letters_end -= 1
    start = letters_end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end] if start < letters_end else text[end - 1:end]


def _first_word(text: str) -> str:
    """The letters or the one character a text starts with: "United" of "United States dollars"."""
    space = text.find(" ")
    word = text[:space] if space >= 0 else text
    if word.isalpha():
        return word  # the common case, a plain word before a space: no regex call
    first = text[:1]
    if first and not first.isalnum() and not first.isspace():
        return first  # punctuation (",", "%", ")"): FIRST_WORD's ``\S`` alone matches it
    match = FIRST_WORD.match(text)
    return match.group(0) if match else ""


@cache
def currencies() -> Currencies:
    return Currencies()


def resolve(text: str, amounts: list[dict]) -> list[dict]:
    """Settle the currency of each amount whose marker several currencies share, and drop
    those the text gives no way to settle: rupees of Sri Lanka, Pakistan or Nepal, ¥ of China,
    cents of the euro, "kr" of Sweden, "R" only in a text about South Africa."""
    first_named: dict[str, str | None] = {}  # the article's first country, found once per set

    def article_country(name: str, countries: dict[str, regex.Pattern]) -> str | None:
        if name not in first_named:
            firsts = [(m.start(), country) for country, pattern in countries.items()
                      if (m := pattern.search(text))]
            first_named[name] = min(firsts)[1] if firsts else None
        return first_named[name]

    other_rupee_country: list[bool] = []  # does the text name a rupee country but India? (asked once)

    def names_other_rupee_country() -> bool:
        if not other_rupee_country:
            other_rupee_country.append(any(name in text for name in OTHER_RUPEE_NAMES) and any(
                pattern.search(text) for pattern in (SRI_LANKA, PAKISTAN, NEPAL)))
        return other_rupee_country[0]

    lexicon = currencies()
    kept = []
    for amount in amounts:
        kind = amount.get("ambiguous")
        if kind == "rupee":
            if not names_other_rupee_country():
                amount["currency"] = "INR"  # no other rupee country in the text: nothing to weigh
            else:
                country = (nearest_country(text, amount, RUPEE_COUNTRIES)
                           or article_country("rupee", RUPEE_COUNTRIES))
                amount["currency"] = RUPEE_CODES.get(country, "INR")
        elif kind == "yen_or_yuan":
            country = (nearest_country(text, amount, YEN_COUNTRIES)
                       or article_country("yen", YEN_COUNTRIES))
            amount["currency"] = "CNY" if country == "China" else "JPY"
        elif kind == "cent":
            sentence = text[max(0, amount["start"] - 120):amount["start"]]
            if EURO_AREA.search(sentence):
                amount["currency"] = "EUR"
        elif kind == "dollar" and amount["marker"].casefold() == "bucks":
            if article_country("bucks", {"India": INDIA, "US": DOLLAR_AREA}) == "India":
                amount["currency"] = "INR"
        elif amount.get("candidates") or amount.get("needs_context"):
            codes = tuple(amount.get("candidates") or (amount["currency"],))
            countries = lexicon.places_of(codes)
            told = nearest_country(text, amount, countries) or article_country(" ".join(codes), countries)
            amount["currency"] = told or (None if amount.get("needs_context") else amount["currency"])
        if amount["currency"] is not None:
            kept.append(amount)
    return kept


def nearest_country(text: str, amount: dict, countries: dict[str, regex.Pattern]) -> str | None:
    """The country named nearest the amount: near it, else in its paragraph (or the 2,000
    characters around it, in a paragraph without end)."""
    paragraph_start = max(scan.line_start(text, amount["start"]), amount["start"] - PARAGRAPH_REACH)
    paragraph_end = min(scan.line_end(text, amount["end"]), amount["end"] + PARAGRAPH_REACH)
    for window in (NEAR, None):
        lo = paragraph_start if window is None else max(paragraph_start, amount["start"] - window)
        hi = paragraph_end if window is None else min(paragraph_end, amount["end"] + window)
        best: tuple[int, str] | None = None
        for country, pattern in countries.items():
            for match in pattern.finditer(text, lo, hi):
                distance = min(abs(match.start() - amount["end"]), abs(amount["start"] - match.end()))
                if best is None or distance < best[0]:
                    best = (distance, country)
        if best:
            return best[1]
    return None
