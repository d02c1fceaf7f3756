"""Finding phrases: the rules, each a regex whose match a handler of :mod:`.resolve` turns
into a record. Listed in priority order (a longer match wins whatever its rank)."""

from __future__ import annotations

from functools import cache

import regex

from ... import scan
from .vocabulary import _vocabulary

# --- rules: (name, pattern) in priority order; handlers below -----------------------------------

@cache
def rules() -> list[tuple[str, scan.CaseBlindRule]]:
    v = _vocabulary()
    q, u, m, fy = v["quantity"], v["unit"], v["months"], v["fy"]
    year_ref = (rf"(?:{fy}|(?:calendar\s+(?:year\s+)?)?(?P<year>(?:19|20)\d{{2}})"
                r"|(?:the\s+)?(?P<rel>this|last|current|ongoing|previous|next)\s+(?:(?:financial|fiscal)(?:\s+year)?|(?:calendar\s+)?year)"
                r"|(?:the\s+)?(?P<fiscal>financial|fiscal)\s+year|the\s+year)")
    # "... ended September", "... ended December 31, 2024", "... ended 31 December"
    ended = (rf"(?:(?:that|which)\s+)?(?:ended|ending|ends|closed|to)\s+(?:on\s+)?(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+)?(?P<month>{m})\.?"
             rf"(?:\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?")
    flags = regex.IGNORECASE
    specs = [
        ("fiscal_year", rf"(?<![\w-]){fy}(?![\w-])", flags),
        ("fiscal_range_year", r"(?<=\b(?:in|for|during|of)\s+)(?P<fy_a>(?:19|20)\d{2})\s*[-–]\s*(?P<fy_b>\d{2})(?!\d)", flags),
        ("quarter", rf"(?<![\w-])(?:the\s+)?(?:Q(?P<q>[1-4])|(?:(?P<pyear>(?:19|20)\d\d)['’]s\s+)?"
                    rf"(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter"
                    r"|quarter\s+(?P<qword>one|two|three|four|[1-4]))"
                    rf"(?:\s*,?\s*(?:of\s+)?{year_ref})?(?![\w-])", flags),
        ("quarter_ended", rf"(?<![\w-])(?:the\s+)?(?:(?:first|second|third|fourth|final)\s+)?quarter\s+{ended}", flags),
        # "2Q21", "2Q 2018", "Q2'19" (a fiscal quarter where the article counts in fiscal years)
        ("quarter_short", r"(?<![\w-])(?:(?P<qn>[1-4])Q\s?'?|Q(?P<q>[1-4])\s?['’])(?P<yy>\d{2}(?:\d{2})?)(?![\w-])", flags),
        ("calendar_year", r"(?<![\w-])CY\s?'?(?P<yy>\d{2}(?:\d{2})?)(?![\w-])", flags),
        ("year_named", r"(?<![\w-])(?:the\s+)?(?P<year>(?:19|20)\d{2})\s+calendar\s+year(?![\w-])", flags),
        # "this financial year ending March 2016", "the year to March 31, 2014"
        ("year_ended", rf"(?<![\w-])(?:(?P<rel>this|current|the|last)\s+)?(?:(?:financial|fiscal)\s+)?year\s+{ended}", flags),
        # "the last week of the quarter", "the last two days of March", "last week of Nov 2021"
        ("part_of", rf"(?<![\w-])(?:the\s+)?(?P<which>first|last|final|second|third|fourth)\s+(?:(?P<qty>{q})[ -])?"
                    rf"(?P<unit>days?|weeks?|fortnight|months?)\s+of\s+(?:(?P<rel>this|last|next|the|that)\s+"
                    rf"(?P<relunit>month|quarter|year)|(?P<month>{m}){v['dot']}(?:\s*,?\s*(?P<year>(?:19|20)\d{{2}}))?)(?![\w-])", flags),
        ("months_ended", rf"(?<![\w-])(?:the\s+)?(?P<n>three|six|nine|twelve|3|6|9|12)\s+months\s+{ended}", flags),
        ("first_months", rf"(?<![\w-])(?:the\s+)?first\s+(?P<n>{q})\s+months?\s+(?:of\s+)?{year_ref}", flags),
        ("named_quarter", rf"(?<![\w-])(?:the\s+)?(?P<month>{m})\s+quarter(?![\w-])", flags),
        ("half", rf"(?<![\w-])(?:H(?P<h>[12])(?:\s*,?\s*{year_ref})?|(?:the\s+)?(?P<hord>first|second)\s+half"
                 rf"(?:\s+of\s+{year_ref})?)(?![\w-])", flags),
        ("month_range", rf"(?<![\w-])(?:the\s+)?(?P<m1>{m})\.?\s*(?:-|–|—|-to-|to|through|till)\s*(?P<m2>{m}){v['dot']}"
                        rf"(?:\s*,?\s*(?P<year>(?:19|20)\d{{2}}))?(?:\s+(?P<kind>quarter|period|months))?(?![\w-])", flags),
        # "52,000 in June 22, up from 40,000 in June 21": a month and a two-digit year, kept only
        # where the text compares a month with the same month a year before (see finding) and
        # after "in"/"of" ("on May 21" is a date)
        ("month_yy", rf"(?<=\b(?i:in|of|during|for)[ \t])(?P<month>{v['months_cased']})\.?[ \t]+(?P<yy>\d\d)(?![\d%])(?![,.:]?[ \t]*(?:19|20)\d\d)"
                     r"(?![.:]\d)", regex.VERSION1),
        ("date_range", rf"(?<![\w-])(?P<month>{m})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|till)\s*"
                       rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?(?![\w-])", flags),
        ("dates_between", rf"(?<![\w-])(?:between|from)\s+(?P<m1>{m})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
                          rf"(?:,?\s+(?P<y1>(?:19|20)\d{{2}}))?\s+(?:and|to|till|until|through)\s+(?P<m2>{m})\.?\s+"
                          rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?(?![\w-])", flags),
        ("anchored", rf"(?<![\w-])(?P<qty>{q})[ -]?(?P<unit>{u})(?:\s+and\s+a\s+half)?\s+(?:of|after|from|since)\s+"
                     rf"(?:its\s+|the\s+|their\s+)?(?P<event>{v['events']})(?![\w-])"
                     rf"(?:\s+on\s+(?P<on>(?:{m})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}))?", flags),
        ("duration_range", rf"(?<![\w-])(?P<q1>{q})\s*(?:-|–|to|or)\s*(?P<q2>{q})[ -](?P<unit>{u})(?![\w-])", flags),
        ("compound", rf"(?<![\w-])(?P<parts>(?:{q})[ -]?(?:{u})(?:,?\s+(?:and\s+)?(?:{q})[ -]?(?:{u})(?![\w-]))+)", flags),
        ("duration", rf"(?<![\w-])(?:(?P<pre>just|only|nearly|about|around|over|under|almost|roughly|approximately|"
                     rf"(?:a\s+)?span\s+of|(?:the|its|their)\s+(?:first|last|past|next|coming)|the\s+(?:whole|entire)|all|full|whole)[ -])?"
                     rf"(?P<qty>{q})[ -]?(?:(?:{v['unit_adjective']})\s+)?(?P<unit>{u})"
                     rf"(?P<half>\s+and\s+(?:a\s+)?half)?(?P<ago>\s+ago)?(?![\w-])", flags),
        ("long_unit", r"(?<![\w-])(?:an?[ -])?(?P<unit>day|week|month|year|decade)-long(?![\w-])", flags),
        # "the week after Diwali": one unit next to a named event
        ("unit_beside", r"(?<![\w-])(?i:the)\s+(?P<unit>(?i:week|day|fortnight|month))\s+(?i:after|before|following)\s+[A-Z][\w-]+",
         regex.VERSION1),
        ("weekend", r"(?<![\w-])(?P<rel>this|last|next|the|that|over\s+the)\s+weekend(?![\w-])", flags),
        ("first_unit", rf"(?<![\w-])(?:the|its|their)\s+first\s+(?P<unit>{u})(?![\w-])", flags),
        ("day_one", r"(?<![\w-])(?:day\s+one|opening\s+day)(?![\w-])", flags),
        ("whole_unit", r"(?<![\w-])(?:all|full|whole|entire)(?: |-(?![\w-]*\s+[a-z]))(?P<unit>day|week|month|year)(?![\w-])", flags),
        # ("so far this year" is "this year": the relative rule's)
        ("year_to_date", r"(?<![\w-])(?:year-to-date|year to date|YTD)(?![\w-])", flags),
        ("relative", r"(?<![\w-])(?:(?P<early>early|mid|late|earlier)\s+)?(?:the\s+)?(?P<rel>last|this|next|previous|preceding|current|ongoing|past|coming|same)\s+"
                     r"(?P<unit>month|year|quarter|week|fortnight|decade|(?:financial|fiscal)\s+year|fiscal)(?![\w-])", flags),
        ("month", rf"(?<![\w-])(?:(?P<early>early|mid|late)[ -](?:of\s+)?)?(?:(?P<rel>this|last|next)\s+)?(?:the\s+month\s+of\s+)?"
                  # an abbreviation's full stop: two fixed-width lookbehinds ("Sept" and the three-letter ones),
                  # so that Python's re runs the rule (faster than regex)
                  rf"(?P<month>{v['months_cased']})(?:(?:(?<=\b(?i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|(?<=\b(?i:Sept)))\.)?"
                  r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})|\s+(?P<relyear>this|last|next)\s+year)?(?![\w-])",
         0),
        ("year", r"(?<![\w-])(?:(?P<prep>in|of|since|during|for|from|through|throughout|calendar|calendar\s+year|the\s+year|year|between|and|early|late|mid"
                 r"|to|as|against|versus|vs\.?|than|its|their)[ -])"
                 r"(?P<year>(?:19|20)\d{2})(?![\w-])(?!\s*[-–/]\s*\d)(?!\s+(?:model|edition|variant|version)\b)", flags),
        # "2015 will be a year of expansion": a year opening a sentence, a verb after it
        ("year_opening", r"(?:(?<=\A)|(?<=\n)|(?<=[.!?][ \t]))(?P<year>(?:19|20)\d{2})(?=[ \t]+(?:will|was|is|has|had|saw|sees|brought|marked|proved)\b)", flags),
    ]
    return [(name, scan.CaseBlindRule(pattern, flag)) for name, pattern, flag in specs]


