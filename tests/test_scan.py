"""The scanning helpers: rule patterns run on Python's re must match as they do on regex."""

import re

import pytest
import regex

from newsfacts import dates, scan
from newsfacts.components import (
    currencies,
    layout,
    money,
    numbers,
    products,
    sale_periods,
    sale_tables,
    sale_words,
    sales,
    specs,
    timespans,
    world_amounts,
)
from newsfacts.components.quotes import attribution as quote_attribution
from newsfacts.components.quotes import marks as quote_marks
from newsfacts.components.quotes import names as quote_names
from newsfacts.components.quotes import words as quote_words

from .conftest import CORPUS, corpus_texts


def rule_patterns():
    """Every rule pattern compiled through scan.compile_pattern, by name."""
    found = {f"time:{name}": rule.original for name, rule in timespans.rules()}
    for index, rule in enumerate(specs.rules()):
        found[f"specs:{index}:{rule['name']}"] = rule["regex"]
        if rule["context_regex"] is not None:
            found[f"specs:{index}:{rule['name']}:context"] = rule["context_regex"]
    found["dates"] = dates.date_pattern()
    found.update({f"quotes:{name}": pattern for name, pattern in quote_words._patterns().items()})
    found.update({f"sales:{name}": pattern for name, pattern in sale_words._patterns().items()})
    marks = currencies.currencies()
    found.update({"money:prefix": marks.prefixes[0], "money:prefix_any": marks.prefixes[1],
                  "money:suffix": marks.suffixes[0], "money:suffix_any": marks.suffixes[1],
                  "money:bound_before": money._bounds()[0], "money:bound_after": money._bounds()[1],
                  "money:extra_magnitude": money.EXTRA_MAGNITUDE,
                  "numbers:phrase": numbers.number_pattern(), "numbers:part": numbers.PART,
                  "layout:numeric_date": layout.NUMERIC_DATE})
    time_modules = (timespans.anchoring, timespans.filters, timespans.fiscal, timespans.resolve,
                    timespans.phrases, timespans.triggers)
    for module in (layout, money, numbers, products, quote_attribution, quote_marks, quote_names, sales, specs,
                   timespans, *time_modules, currencies, world_amounts, sale_periods, sale_tables, sale_words):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, re.Pattern):
                found[f"{module.__name__.rsplit('.', 1)[-1]}:{name}"] = value
    return found


ON_RE = {name: pattern for name, pattern in rule_patterns().items() if isinstance(pattern, re.Pattern)}


def test_most_rule_patterns_run_on_re():
    assert len(ON_RE) > 0.8 * len(rule_patterns())


@pytest.mark.parametrize("name", sorted(ON_RE))
def test_a_pattern_on_re_matches_as_on_regex(name):
    pattern = ON_RE[name]
    reference = regex.compile(pattern.pattern, pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE))
    for path in sorted(CORPUS.glob("*.txt"))[::3]:
        text = path.read_text(encoding="utf-8")
        if any(anchor in pattern.pattern for anchor in ("\\Z", "\\A", "^", "$")):
            # anchored: these run on the text just before or after a position, as here
            samples = [text[max(0, i - 120):i] for i in range(0, len(text), 97)] + [text[i:i + 120] for i in range(0, len(text), 89)]
        else:
            samples = [text]
        for sample in samples:
            assert [m.span() for m in pattern.finditer(sample)] == \
                [m.span() for m in reference.finditer(sample)], (name, path.name)


def test_compile_pattern_falls_back_to_regex_for_what_re_cannot_do():
    assert isinstance(scan.compile_pattern(r"(?<=\d+) GB"), regex.Pattern)
    assert isinstance(scan.compile_pattern(r"\p{Lu}\w+"), regex.Pattern)
    assert isinstance(scan.compile_pattern(r"Jun", regex.VERSION1), regex.Pattern)  # VERSION1 is re.ASCII's bit
    assert isinstance(scan.compile_pattern(r"\d+ GB", regex.IGNORECASE), re.Pattern)


def test_a_trigger_keeps_a_quantifier_on_the_letter_it_follows():
    trigger = scan.Trigger(r"\bcolou?rs?|\bshades\b")
    assert [m.group() for m in trigger.finditer("colors, colours and shades; discolor")] == \
        ["colors", "colours", "shades"]


def test_trigger_runs_each_alternative_led_by_its_literal():
    trigger = scan.Trigger(r"oled|\bips\b|\d\s?hz|led\b")
    text = "ips oled, 120hz; chips and a led"
    assert [m.group() for m in trigger.finditer(text)] == ["ips", "oled", "led", "0hz", "led"]
    assert [m.start() for m in trigger.finditer(text)] == sorted(m.start() for m in trigger.finditer(text))
    assert trigger.search(text, 4).group() == "oled"
    assert trigger.search(text, 6).group() == "0hz"
    assert trigger.search("chips only") is None


def lowered_corpus_texts():
    return [text.lower() for text in corpus_texts()]


def test_a_trigger_set_finds_what_each_trigger_finds_alone():
    """The spec and time-span triggers run together (digit-led branches only at the digits
    one combined pass found) and must give each trigger's own matches."""
    patterns = [rule["trigger"] for rule in specs.rules() if rule.get("trigger")]
    patterns += [trigger.pattern for trigger in timespans.rule_triggers().values()]
    together = scan.TriggerSet(patterns)
    assert together.digit_starts is not None
    for text in lowered_corpus_texts() + ["2x4x8 and 0-100 in 3.5mm, 19-inch 2024"]:
        found = together.spans(text)
        for pattern in patterns:
            assert found[pattern] == scan.Trigger(pattern).spans(text), (pattern, text[:60])


def test_a_case_blind_rule_finds_what_its_pattern_finds_with_ignorecase():
    rules = [rule["rule"] for rule in specs.rules()] + [rule for _, rule in timespans.rules()]
    assert sum(rule.folded is not None for rule in rules) > 0.8 * len(rules)
    for path in sorted(CORPUS.glob("*.txt"))[::2]:
        text = path.read_text(encoding="utf-8")
        whole = [(0, len(text))]
        for rule in rules:
            assert [m.span() for m in rule.finditer(text, scan.folded(text), whole)] == \
                [m.span() for m in rule.original.finditer(text)], (rule.original.pattern[:60], path.name)


@pytest.mark.parametrize("pattern, folded", [
    (r"(?P<Qty>\d+)\s?GB\b", r"(?P<Qty>\d+)\s?gb\b"),
    (r"[A-Z]\W(?P=Qty)", r"[a-z]\W(?P=Qty)"),
    (r"\x41\u00A0", "a\xa0"),         # characters named by code point: their lower case
    (r"\N{DIGIT ONE}", None),          # characters named by name are not read
    (r"(?-i:LED)|VA", None),           # a case-sensitive part cannot be folded
])
def test_fold_pattern_lowers_letters_but_not_escapes_or_group_names(pattern, folded):
    assert scan.fold_pattern(pattern) == folded


def test_a_trigger_skips_only_branches_whose_literal_is_absent():
    """Trigger.finditer skips a branch whose leading literal is not in the text; every
    branch scanned whatever the text holds must give the same matches."""
    patterns = [rule["trigger"] for rule in specs.rules() if rule.get("trigger")]
    patterns += [trigger.pattern for trigger in timespans.rule_triggers().values()]
    for text in lowered_corpus_texts()[::3]:
        for pattern in patterns:
            trigger = scan.Trigger(pattern)
            every_branch = sorted((m.span() for branch in trigger.branches for m in branch.finditer(text)),
                                  key=lambda span: span[0])
            assert trigger.spans(text) == every_branch, pattern


def test_words_back_equals_a_walk_back_over_each_character():
    import random

    from newsfacts.scan import words_back

    def walked(text, offset, count, floor):  # words_back as first written
        position = offset
        for _ in range(count):
            while position > floor and text[position - 1].isspace():
                position -= 1
            while position > floor and not text[position - 1].isspace():
                position -= 1
        return position

    pieces = ["a", "bc", " ", "\n", "\u00a0", "\x1c", "\u2003", "x" * 90, " " * 100, "é"]
    rnd = random.Random(7)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        offset = rnd.randint(0, len(text))
        floor, count = rnd.randint(0, offset), rnd.randint(0, 7)
        assert words_back(text, offset, count, floor) == walked(text, offset, count, floor)
