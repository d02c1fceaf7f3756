"""Who said a quote: the attribution around its marks, and the people named before it."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

import regex

from ... import scan
from ...scan import compiled
from ..layout import Boilerplate
from .marks import quoted_segments
from .names import (
    COMPANY_WORDS,
    EXECUTIVE,
    NOT_IN_WORDS,
    ORG_NAME,
    ORG_NAME_START,
    ORG_NAME_WORDS,
    ORG_SUFFIX,
    PRONOUNS,
    TITLECASE_WORD,
    UNNAMED,
    UNNAMED_TITLE_WORDS,
    People,
    _names_in,
    _titlecase_words_among,
)
from .posts import TWEET_SIGNATURE
from .words import _brands, _patterns, _words

MIN_WORDS = 5  # fewer words in marks, with no attribution, is a scare quote or a name
INHERIT_PARAGRAPHS = 3  # an unattributed quote belongs to the last speaker this close


class QuoteFinder:
    """Quotes of one text. ``makers`` are the makers of the article's products, even those no
    lexicon knows ("Lumio" of the "Lumio X5"): '"...," Lumio said' is the company speaking."""

    def __init__(self, text: str, boilerplate: Boilerplate | None, product_spans: list | None = None,
                 makers: frozenset[str] = frozenset()):
        self.text = text
        self.makers = makers
        self.boilerplate = boilerplate
        self.people = People()
        self.patterns = _patterns()
        self.last_org: str | None = None
        self.org_counts: dict[str, int] = {}
        self.product_spans = sorted(product_spans or [])
        self.folded = scan.folded(text)

    def _is_product(self, offset: int) -> bool:
        i = bisect.bisect_right(self.product_spans, [offset, 10**12]) - 1
        return i >= 0 and self.product_spans[i][0] <= offset < self.product_spans[i][1]

    def main_org(self) -> str | None:
        """"The company": the organisation named most so far (the latest, on a tie)."""
        if not self.org_counts:
            return self.last_org
        best = max(self.org_counts.values())
        candidates = [name for name, count in self.org_counts.items() if count == best]
        return self.last_org if self.last_org in candidates else candidates[-1]

    def find(self) -> list[dict]:
        quotes: list[dict] = []
        tweets = self._tweets()
        covered = [(t["span"][0], t["span"][1]) for t in tweets]
        last_end = noted_until = 0
        for segment in quoted_segments(self.text):
            if segment["start"] < last_end:
                continue  # a quote nested in another belongs to the outer one
            if self.boilerplate is not None and self.boilerplate.contains(segment["open"]):
                continue
            if any(s <= segment["start"] < e for s, e in covered):
                continue
            self._note_people(max(0, last_end, noted_until), segment["open"])
            noted_until = max(noted_until, segment["open"])
            record = self._attribute(segment, quotes)
            if record is None:
                continue
            if quotes and segment["continues"] and not quotes[-1].get("speaker") and record.get("speaker"):
                # a quote running over paragraphs, attributed only at its end
                for key in ("speaker", "title", "organization", "cue", "channel"):
                    quotes[-1][key] = record.get(key)
            quotes.append(record)
            last_end = segment["end"]
        quotes += tweets
        quotes.sort(key=lambda q: q["span"][0])
        self._complete_speakers(quotes)
        return quotes

    def _complete_speakers(self, quotes: list[dict]) -> None:
        """Every quote of a speaker gets the fullest title and organisation the article gives
        them; an executive with no organisation named works for the story's main company."""
        best: dict[str, dict] = {}
        for quote in quotes:
            speaker = quote.get("speaker")
            if speaker:
                known = best.setdefault(speaker, {"title": None, "organization": None})
                for key in ("title", "organization"):
                    if quote.get(key) and (not known[key] or len(quote[key]) > len(known[key])):
                        known[key] = quote[key]
        main_org = self.main_org()
        for speaker, known in best.items():
            if known["title"] and not known["organization"] and EXECUTIVE.search(known["title"]):
                known["organization"] = main_org
        for quote in quotes:
            if quote.get("speaker") in best:
                for key in ("title", "organization"):
                    if best[quote["speaker"]][key] and not quote.get(key):
                        quote[key] = best[quote["speaker"]][key]

    # embedded tweets ---------------------------------------------------------------------
    def _tweets(self) -> list[dict]:
        found = []
        for match in TWEET_SIGNATURE.finditer(self.text):
            if self.boilerplate is not None and self.boilerplate.contains(match.start()):
                continue
            line_start = scan.line_start(self.text, match.start())
            body_end = match.start()
            link = self.text.rfind("pic.twitter.com", line_start, body_end)
            if link >= 0:
                body_end = link
            body = self.text[line_start:body_end]
            start = line_start + len(body) - len(body.lstrip())
            end = line_start + len(body.rstrip())
            if end - start < 3:
                continue
            found.append({"span": [start, end], "text": self.text[start:end],
                          "speaker": match.group("name").strip(), "title": None, "organization": None,
                          "cue": None, "channel": "twitter"})
        return found

    # attribution ------------------------------------------------------------------------------
    def _note_people(self, start: int, end: int) -> None:
        """People and organisations named in narration between quotes."""
        organisations = [(m.start(), m.group(0)) for m in self._org_names(start, end)]
        organisations += [(m.start(), m.group(0)) for m in _brands().finditer(self.text, start, end)]
        for _, name in organisations:
            self.org_counts[name] = self.org_counts.get(name, 0) + 1
        if organisations:
            self.last_org = max(organisations)[1]
        mentioned: list[tuple[int, dict]] = []  # (offset, person) for "he", "she"
        fragment = self.text[start:end]
        for run_start, run_end in _names_in(fragment):
            absolute = start + run_start
            if self._is_product(absolute) or fragment[max(0, run_start - 1):run_start] in "“\"‘'" and run_start > 0:
                continue
            sentence_start = max(fragment.rfind(". ", max(0, run_start - 300), run_start) + 2,
                                 fragment.rfind("\n", max(0, run_start - 300), run_start) + 1, run_start - 300, 0)
            lead = fragment[sentence_start:run_start]
            lead = lead if len(lead) < 120 and not compiled(r"[,;:]").search(lead) else ""
            clause = compiled(r"[^.;:\n“”\"]{0,160}").match(fragment[run_start:])
            person = self._describe(lead + (clause.group(0) if clause else fragment[run_start:run_end]))
            if person and person.get("speaker"):
                mentioned.append((absolute, self.people.remember(person)))
        for offset, word in _titlecase_words_among(fragment, self.people.name_parts()):
            known = self.people.by_part(word)
            if known is not None:
                mentioned.append((start + offset, known))
        for unnamed in self._unnamed_sources(fragment, start):
            mentioned.append((start + unnamed.start(), {"speaker": None, "title": unnamed.group("title").lower(),
                                                        "organization": None}))
        if mentioned:
            self.people.last_speaker = max(mentioned, key=lambda m: m[0])[1]

    @cached_property
    def _unnamed_title_starts(self) -> list[int] | None:
        """Where an unnamed source's title stands ("a company spokesperson") in the lower-cased
        text: the starts of ``re.finditer(alternation(UNNAMED_TITLE_WORDS), folded)``, found by
        ``str.find`` of each title, several times faster than that pattern, which tries most
        letters. None when lower-casing moved offsets."""
        if self.folded is None:
            return None
        found = sorted((offset, -len(title)) for title in UNNAMED_TITLE_WORDS
                       for offset in scan.find_all(self.folded, title))
        starts, last_end = [], 0
        for offset, minus_length in found:  # the longest title at an offset, as the pattern
            if offset >= last_end:  # matches do not overlap
                starts.append(offset)
                last_end = offset - minus_length
        return starts

    def _unnamed_sources(self, fragment: str, start: int) -> list:
        """``UNNAMED.finditer(fragment)`` (``fragment`` lies at ``start`` in the text), run only
        over the stretches of words and spaces holding a title, and not at all without one: a
        match lies in one such stretch, and its title starts where
        :attr:`_unnamed_title_starts` has one (after a space, so no other title hides it).
        Where lower-casing does not show every title as UNNAMED reads them ("ſ" is "s" to
        it), a fragment with a title is read whole."""
        titles = self._unnamed_title_starts
        if titles is None:
            return list(UNNAMED.finditer(fragment))
        first, last = bisect.bisect_left(titles, start), bisect.bisect_left(titles, start + len(fragment))
        if first == last:
            return []  # no title: no unnamed source
        if self._has_long_s:
            return list(UNNAMED.finditer(fragment))
        stops = [match.start() for match in NOT_IN_WORDS.finditer(fragment)]
        found, read_until = [], 0
        for title in titles[first:last]:
            i = bisect.bisect_right(stops, title - start)
            stretch_start, stretch_end = stops[i - 1] + 1 if i else 0, stops[i] if i < len(stops) else len(fragment)
            if stretch_start >= read_until:
                found += UNNAMED.finditer(fragment, stretch_start, stretch_end)
                read_until = stretch_end
        return found

    @cached_property
    def _has_long_s(self) -> bool:
        return "ſ" in self.text

    @cached_property
    def _org_suffix_starts(self) -> list[int]:
        return [match.start() for match in ORG_SUFFIX.finditer(self.text)]

    def _org_names(self, start: int, end: int) -> list[re.Match]:
        """``ORG_NAME.finditer(self.text, start, end)``, tried only where a match can start: at
        a capital or "&" among the five words before an organisation's suffix word (read back
        from the suffix to the fifth white space run: ORG_NAME's words hold none). A finder
        of the suffixes alone skips to their first letters; ORG_NAME, led by a lookbehind,
        makes ``re`` try every position of the text."""
        text, found = self.text, []
        tried_until = last_end = start
        suffixes = self._org_suffix_starts
        for index in range(bisect.bisect_left(suffixes, start), len(suffixes)):
            suffix_start = suffixes[index]
            if suffix_start >= end:
                break
            words_start = max(scan.words_back(text, suffix_start, ORG_NAME_WORDS, start), tried_until)
            for first in ORG_NAME_START.finditer(text, words_start, suffix_start):
                if first.start() >= last_end and (match := ORG_NAME.match(text, first.start(), end)):
                    found.append(match)
                    last_end = match.end()
            tried_until = max(tried_until, suffix_start)
        return found

    def _attribute(self, segment: dict, earlier: list[dict]) -> dict | None:
        text = self.text
        inner = text[segment["start"]:segment["end"]]
        paragraph_start = scan.line_start(text, segment["open"])
        paragraph_end = scan.line_end(text, segment["end"])
        after_from = segment["close_end"] if segment["close_end"] is not None else segment["end"]
        after = text[after_from:min(paragraph_end, after_from + 220)]
        after = after[:_sentence_end(after)]
        before = text[max(paragraph_start, segment["open"] - 220):segment["open"]]
        before = before[_sentence_start(before):]
        found = self._from_after(after) or self._from_before(before)
        words = len(inner.split())
        if found is None:
            if segment["continues"] and earlier:
                found = self._inherit(earlier[-1])
            elif words < MIN_WORDS or _looks_like_a_name(inner):
                return None
            else:
                found = self._intro_paragraph(paragraph_start) or self._recent_speaker(earlier, segment["open"])
        elif words < 2:
            return None
        if found is None:
            found = {"speaker": None, "title": None, "organization": None, "cue": None, "channel": None}
        found.setdefault("channel", None)
        found.setdefault("cue", None)
        return {"span": [segment["start"], segment["end"]], "text": inner, **found}

    def _from_after(self, after: str) -> dict | None:
        p = self.patterns
        for name in ("after_dash", "after_colon", "after_verb_first", "after_who_first"):
            match = p[name].match(after)
            if match is None:
                continue
            who = match.group("who")
            cue = match.groupdict().get("cue")
            person = self._resolve(who, after)
            if person is not None:
                if cue:
                    person["cue"] = cue.split()[0].lower() if cue.lower().split()[0] != "according" else "according to"
                person.setdefault("channel", self._channel(after))
                return person
        return None

    def _from_before(self, before: str) -> dict | None:
        p = self.patterns
        for name in ("according", "before"):
            if name == "before" and p["before_cue"].search(before) is None:
                continue
            match = p[name].search(before)
            if match is None:
                continue
            person = self._resolve(match.group("who"), before)
            if person is not None:
                cue = match.group("cue").lower()
                person["cue"] = "according to" if cue.startswith("according") else cue.split()[0]
                person["channel"] = self._channel(match.group(0))
                return person
        return None

    def _intro_paragraph(self, paragraph_start: int) -> dict | None:
        """A quote opening a paragraph after an introduction ending with a colon: "Here is an
        excerpt from the letter that Xiaomi published on its Facebook page:"."""
        previous_end = paragraph_start - 1
        while previous_end > 0 and self.text[previous_end - 1] in "\r\n ":
            previous_end -= 1
        previous_start = max(scan.line_start(self.text, previous_end), previous_end - 400)
        intro = self.text[previous_start:previous_end]
        if not intro.rstrip().endswith(":"):
            return None
        sentence = intro[_sentence_start(intro):]
        person = None
        match = self.patterns["before"].search(sentence)
        if match is not None:
            person = self._resolve(match.group("who"), sentence)
        if person is None:
            brands = list(_brands().finditer(sentence))
            names = _names_in(sentence)
            single = [w for w in TITLECASE_WORD.findall(sentence) if self.people.by_part(w)]
            if names:
                person = self._resolve(sentence[names[-1][0]:names[-1][1]], sentence)
            elif single:
                person = self.people.by_part(single[-1])
            elif COMPANY_WORDS.search(sentence) and self.last_org:
                person = {"speaker": self.main_org(), "title": None, "organization": None}
            elif brands:
                person = {"speaker": brands[-1].group(0), "title": None, "organization": None}
            elif self.last_org:
                person = {"speaker": self.last_org, "title": None, "organization": None}
        if person is not None:
            person["channel"] = self._channel(sentence)
        return person

    def _recent_speaker(self, earlier: list[dict], offset: int) -> dict | None:
        """An interview's unattributed quote belongs to the last speaker, if recent."""
        if not earlier or earlier[-1].get("speaker") is None:
            return None
        paragraphs_between = scan.newlines_between(self.text, earlier[-1]["span"][1], offset)
        if paragraphs_between > 2 * INHERIT_PARAGRAPHS:
            return None
        return self._inherit(earlier[-1])

    @staticmethod
    def _inherit(quote: dict) -> dict:
        return {k: quote.get(k) for k in ("speaker", "title", "organization", "channel")} | {"cue": None}

    def _channel(self, fragment: str) -> str | None:
        words = _words()["channel"]
        found = [m.group(0).casefold() for m in self.patterns["channel"].finditer(fragment)]
        channels = [words[w] for w in found if w != "x" or compiled(r"\bon\s+X\b").search(fragment)]
        platforms = [c for c in channels if c not in ("letter", "statement")]
        if platforms:
            return platforms[-1]
        return channels[-1] if channels else None

    # describing a speaker ----------------------------------------------------------------------
    def _resolve(self, who: str, context: str) -> dict | None:
        """A person from the words that name them ("he", "Jain", "a company spokesperson",
        "Raghu Reddy, Head of Category and Online Sales, Xiaomi India")."""
        who = who.strip(" ,:;—–-\t")
        who = compiled(r"^(?:In|On|At|Via|Through)\s+[^,]{1,40},\s*").sub("", who)
        lowered = who.casefold()
        first = lowered.split()[0] if lowered else ""
        if first in PRONOUNS or lowered in PRONOUNS:
            return dict(self.people.last_speaker) if self.people.last_speaker else None
        unnamed = UNNAMED.search(who)
        if unnamed and not self.patterns["name"].search(who[:unnamed.start()]):
            org = unnamed.group("where")
            org = org if org and _brands().search(org) else (self.last_org if "company" in lowered or org is None else None)
            person = {"speaker": None, "title": unnamed.group("title").lower(), "organization": org}
            self.people.last_speaker = person
            return dict(person)
        if COMPANY_WORDS.match(who) or lowered.startswith(("the company", "the firm", "the brand")):
            org = self.main_org()
            return {"speaker": org, "title": None, "organization": None} if org else None
        person = self._describe(who)
        if person is None:
            return None
        person = self.people.remember(person)
        self.people.last_speaker = person
        return dict(person)

    def _describe(self, who: str) -> dict | None:
        """Split "NAME, TITLE, ORG" / "TITLE at ORG NAME" / "ORG CEO NAME" into its parts."""
        who = who.strip(" ,:;—–-\t")
        if not who:
            return None
        who = compiled(r"^(?:In|On|At|Via|Through|Speaking to|Speaking at|Speaking on)\s+[^,]{1,40},\s*").sub("", who)
        parts = [p.strip() for p in compiled(r",\s*").split(who) if p.strip()]
        for index, part in enumerate(parts):
            names = _names_in(part)
            if names:
                start, end = names[-1] if names[-1][1] == len(part) else names[0]
                name = part[start:end]
                prefix = " ".join([*parts[:index], part[:start].strip()]).strip()
                rest = [part[end:].strip()] + parts[index + 1:] if part[end:].strip() else parts[index + 1:]
                break
        else:
            head = compiled(r"(?:[A-Z][\w&.'’-]*\s*)+").match(parts[0])
            head = head.group(0).strip() if head else parts[0]
            single = compiled(r"[A-Z][a-z]+").fullmatch(head)
            known = self.people.by_part(head) if single else None
            if known is not None:
                return known
            if _brands().fullmatch(head) or ORG_NAME.fullmatch(head) or head in self.makers:
                return {"speaker": head, "title": None, "organization": None}
            return None
        rest = [r for r in rest if not compiled(r"(?:who|which|that|with|a|an|the)\b").match(r)] \
            if not any(self.patterns["title"].search(r) for r in rest) else rest
        title, organization = self._title_and_org(prefix, rest)
        known = self.people.by_part(name.split()[-1]) if len(name.split()) == 1 else None
        if known is not None:
            return known
        return {"speaker": name, "title": title, "organization": organization}

    def _title_and_org(self, prefix: str, rest: list[str]) -> tuple[str | None, str | None]:
        """Title and organisation from the words around a name: "Head of Category and Online
        Sales, Xiaomi India" / "Xiaomi CEO" / "research director at Techmarc Research" /
        "Bajaj's president for international business" / "Director, Consumer Products"."""
        titles: list[str] = []
        organization, strong = None, False  # strong: a brand or a name with a company suffix
        pieces = ([prefix] if prefix else []) + [p for p in rest if p]
        for piece in pieces:
            piece = compiled(r"(?:^|\s+)(?:said|says|added|adds|told|tells|wrote|posted|noted)\b.*$",
                             regex.IGNORECASE).sub("", piece).strip(" ,")
            if compiled(r"(?:at the|which|who|had|has|have|is|was|were|will|would|did|does)\b").match(piece):
                break  # the description has ended: "…, at the launch event", "…, who runs a store"
            piece = compiled(r"\s+(?:who|which|that|we|from|in|on)\s+.*$").sub("", piece).strip(" ,")
            piece = compiled(r"^(?:an?|the)\s+", regex.IGNORECASE).sub("", piece)
            piece = compiled(r"^[A-Z][a-z]+-based\s+").sub("", piece)
            if not piece:
                continue
            possessive = compiled(r"(?P<org>.+?)['’]s\s+(?P<title>.+)$").match(piece)
            if possessive and self._is_org(possessive.group("org")):
                organization, strong = possessive.group("org"), True
                titles.append(possessive.group("title"))
                continue
            split = compiled(r"(?P<title>.+)\s+(?:at|of|with|for)\s+(?P<org>[A-Z][\w&.'’ -]+)$").match(piece)
            if split:
                head, org = split.group("title"), compiled(r"^[A-Z][a-z]+-based\s+").sub("", split.group("org").strip())
                # "Head of Offline Retail" is a department; "research director at Sino Device Insight" an org
                if (self.patterns["title"].search(head) or titles) and (
                        self._is_org(org) or (len(head.split()) > 1 and self._is_org(org, loose=True))):
                    titles.append(head)
                    organization, strong = (org, True) if not strong else (organization, strong)
                    continue
            orgs = list(_brands().finditer(piece)) + list(ORG_NAME.finditer(piece))
            last = max(orgs, key=lambda m: (m.end(), -m.start())) if orgs else None
            has_title = self.patterns["title"].search(piece)
            if has_title and last is not None and last.start() > 0 and last.end() == len(piece):
                titles.append(piece[:last.start()].strip(" ,"))  # "Managing Director Xiaomi India"
                organization, strong = last.group(0), True
            elif has_title and last is not None and last.start() == 0 and last.end() < len(piece):
                organization, strong = last.group(0), True  # "Xiaomi CEO"
                titles.append(piece[last.end():].strip(" ,"))
            elif has_title:
                titles.append(piece)
            elif _brands().match(piece) or ORG_NAME.fullmatch(piece):
                organization, strong = piece, True
            elif titles and compiled(r"[\w&()' -]+").fullmatch(piece) and not strong:
                titles.append(piece)  # "Director, Consumer Products": a department
            elif self._is_org(piece) and not strong:
                organization = piece
        title = ", ".join(t for t in titles if t) or None
        if title and " and " in title and _brands().search(title.split(" and ")[0]):
            title = title.split(" and ")[-1].strip()  # "Vice-President Xiaomi and Managing Director"
        if title and organization is None and EXECUTIVE.search(title):
            organization = self.main_org()  # "Rohan Kapadia, CEO": of the company in the story
        return title, organization

    def _is_org(self, piece: str, loose: bool = False) -> bool:
        """A brand, a name with an organisation's suffix — or, after "at"/"of", any short
        Titlecase name ("Honor Sri Lanka", "Sino Device Insight")."""
        piece = piece.strip()
        titlecase = compiled(r"(?:(?:[A-Z][\w&.'’-]*|&)\s*){1,5}").fullmatch(piece) is not None
        return bool(_brands().match(piece) or ORG_NAME.fullmatch(piece)
                    or (self.patterns["org_suffix"].search(piece) and titlecase) or (loose and titlecase))



def _looks_like_a_name(inner: str) -> bool:
    """'Make in India', "Binge All Night": a short Titlecase phrase, not speech."""
    words = inner.split()
    return len(words) <= 6 and not inner.rstrip().endswith((".", "!", "?", ",")) and \
        sum(w[:1].isupper() for w in words) >= max(1, len(words) - 2)



def _sentence_end(fragment: str) -> int:
    match = compiled(r"(?<=[.!?])\s|\n").search(fragment)
    return match.start() if match else len(fragment)


#: A sentence's end before a capital — not an initial ("K. Srinivasan") or "Mr."/"Dr.".
SENTENCE_BREAK = regex.compile(r"(?<!\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St))[.!?][\"”’]?\s+(?=[A-Z“\"‘])|\n")


def _sentence_start(fragment: str) -> int:
    matches = list(SENTENCE_BREAK.finditer(fragment))
    return matches[-1].end() if matches else 0

