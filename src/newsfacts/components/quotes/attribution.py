"""Who said a quote: the attribution in its sentence, else the quote it continues.

For each quoted segment the words of its sentence outside the marks are read (grammar in
:mod:`.words`): the reporting verb next to the quote, then one at the sentence's end, then one
earlier in the sentence whose subject speaks a partial quote. The speaker's words are split
into name, title and organisation ("Sky Li, Vice President, OPPO" / "Carphone Warehouse MD
Jeremy Fennell" / "chief executive of the SMMT"). "he", "Rao" and "Mr. Rao" resolve to the
person named earlier, with the title and organisation given then; "the company", "the
statement" and "a company statement" to the organisation the article is about; "a
spokesperson" is no one by name, with that title. A quote with no attribution of its own
continues the quote before it in its sentence, its paragraph or the paragraphs just before.
"""

from __future__ import annotations

import bisect
import re

import regex

from ... import scan
from ...scan import compiled
from ..layout import Boilerplate
from .marks import quoted_segments
from .names import (
    EXECUTIVE,
    ORG_NAME,
    ORG_NAME_START,
    ORG_NAME_WORDS,
    ORG_SUFFIX,
    PRONOUNS,
    TITLECASE_WORD,
    People,
    document_noun,
    is_honorific,
    is_name_word,
    person_names,
    unnamed_source,
    unnamed_sources_in,
)
from .posts import channel, tweets
from .speakers import Speakers, _clean, _parts, _unnamed_title, _without_adverbials
from .words import AUX, _brands, _patterns, verbs

MIN_WORDS = 5  # fewer words in marks, with no attribution, is a scare quote or a name
INHERIT_PARAGRAPHS = 3  # an unattributed quote belongs to the last speaker this close
WINDOW = 320  # characters of the sentence read on each side of a quote
RECENT = 600  # characters of narration before a quote read for who "he" is

#: Where a clause ends and the speaker's own begins: "…and he said", "…as Rao said".
CLAUSE_BREAK = regex.compile(
    r"(?:\b(?:as|while|when|because|although|though|if|since|whereas|until|once|where|whom)\s+|"
    r"\b(?:and|but|so|yet|or)\s+(?=(?:he|she|they|we|i|it|the|a|an|this|that|his|her|its|their)\b|[a-z])|"
    r"\bthat\s+(?=[A-Z]|(?:he|she|they|we|i)\b))")
#: How the words of a speaker right after a quote begin: a capital, a pronoun or a determiner.
SUBJECT_START = regex.compile(r"[\s,]*(?:\p{Lu}|(?:he|she|they|we|i|the|a|an|one|another|his|her|its|their|our)\b)")
SUBJECT_TAIL_AUX = regex.compile(rf"\s*,?\s+{AUX}*\Z", regex.IGNORECASE)
#: What may stand between a reporting verb and the quote it introduces: "said:", "told
#: reporters,", "wrote on Weibo:", "said in a statement that", or nothing.
DIRECT_TAIL = regex.compile(r"\s*|[^.!?\n:“”\"]{0,60}?(?:\s*[:,—–-]|\s+that)\s*", regex.IGNORECASE)
ING_CUE = regex.compile(r"\w+ing", regex.IGNORECASE)
LEGAL_SUFFIX = regex.compile(r"(?:[\s,]+(?:Pvt|Private|Ltd|Limited|Inc|Corp|Corporation|LLC|PLC|Co|GmbH|AG|SA)\.?)+\Z")
#: Verbs that put a word in someone's mouth: Rao called the plan "reckless".
NAMING_CUE = regex.compile(r"call(?:ed|s|ing)?|describ(?:ed|es|ing)|dubb(?:ed|ing)|label+(?:ed|ing)|brand(?:ed|ing)|"
                           r"termed|likened", regex.IGNORECASE)
SENTENCE_END = regex.compile(r"(?<!\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gov|Sen|Rep|Del|Lt|Gen|Col|No|Inc|Co|vs|Hon|Rev))"
                             r"[.!?][\"”’)]?\s+(?=[\p{Lu}“\"‘'(])|\n")
CAPITALISED_RUN = re.compile(r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|der|bin|al|da|del|la|le|di|du))+")
#: The full stops of initials, honorifics and abbreviations, which end no sentence: "Ms. Rao",
#: "G.K. Rao", "Rep. Rao (D-N.C.)", "Lumio Inc.".
ABBREVIATION_DOT = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Del|Lt|Gen|Col|Capt|St|Jr|Sr|Hon|Rev|Maj|Sgt|Adm|Inc|Co|Corp|Ltd|"
    r"No|vs|Ft|Mt|Pres|Supt|Insp|Cmdr|Brig)|\b\p{Lu}|\b\p{Lu}-\p{Lu}\p{L}{0,2}|\b\p{Lu}\p{Ll}\p{Ll}?)\.")


class QuoteFinder(Speakers):
    """Quotes of one text. ``makers`` are the makers of the article's products, even those no
    lexicon knows ("Lumio" of the "Lumio X5"): '"...," Lumio said' is the company speaking.
    ``entities`` are a trained pipeline's (start, end, label) PERSON and ORG spans, when the
    Doc has them: their names are taken as they are."""

    def __init__(self, text: str, boilerplate: Boilerplate | None, product_spans: list | None = None,
                 makers: frozenset[str] = frozenset(), entities: list | None = None):
        self.text = text
        self.makers = makers
        self.boilerplate = boilerplate
        self.people = People()
        self.patterns = _patterns()
        self.last_org: str | None = None
        self.org_counts: dict[str, int] = {}
        self.product_spans = sorted(product_spans or [])
        entities = entities or []
        self.entity_people = {text[s:e] for s, e, label in entities if label in ("PERSON", "PER")}
        self.entity_orgs = {text[s:e] for s, e, label in entities if label in ("ORG", "NORP_ORG")}
        self.known_orgs: set[str] = set(makers) | self.entity_orgs
        self.entity_org_spans = [(s, e) for s, e, label in entities if label == "ORG"]
        self.last_source: tuple[int, dict] | None = None  # the last speaker of reported speech
        self.folded_text = scan.folded(text)  # where the reporting verbs are looked for
        self._org_keys: dict[str, str] = {}  # an organisation's name without its legal suffix -> as first counted

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
        posts = tweets(self.text, self.boilerplate)
        covered = [(t["span"][0], t["span"][1]) for t in posts]
        segments, last_end = [], 0
        for segment in quoted_segments(self.text):
            if segment["start"] < last_end:
                continue  # a quote nested in another belongs to the outer one
            if self.boilerplate is not None and self.boilerplate.contains(segment["open"]):
                continue
            if any(s <= segment["start"] < e for s, e in covered):
                continue
            segments.append(segment)
            last_end = segment["end"]
        noted_until = 0
        for index, segment in enumerate(segments):
            self._note_people(noted_until, segment["open"])
            noted_until = max(noted_until, segment["close_end"] or segment["end"])
            record = self._attribute(segments, index, quotes)
            if record is None:
                continue
            if quotes and segment["continues"] and (not quotes[-1].get("speaker") or quotes[-1].get("_guessed")) \
                    and record.get("speaker") and not record.get("_guessed"):
                # a quote running over paragraphs, attributed only at its end
                for key in ("speaker", "title", "organization", "cue", "channel"):
                    quotes[-1][key] = record.get(key)
            quotes.append(record)
        if posts and noted_until < posts[-1]["span"][0]:
            self._note_people(noted_until, posts[-1]["span"][0])  # who the posts' authors are
        quotes += posts
        quotes.sort(key=lambda q: q["span"][0])
        self._complete_speakers(quotes)
        return [{k: v for k, v in quote.items() if not k.startswith("_")} for quote in quotes]

    def _complete_speakers(self, quotes: list[dict]) -> None:
        """Every quote of a speaker gets the fullest title and organisation the article gives
        them; an executive with no organisation named works for the story's main company."""
        best: dict[str, dict] = {}
        for known in self.people.known:
            best[known["speaker"]] = {"title": known.get("title"), "organization": known.get("organization")}
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

    # narration ----------------------------------------------------------------------------
    def _note_people(self, start: int, end: int) -> None:
        """People and organisations named in narration between quotes."""
        organisations = [(m.start(), m.group(0)) for m in self._org_names(start, end)]
        organisations += [(m.start(), m.group(0)) for m in _brands().finditer(self.text, start, end)]
        organisations += [(s, self.text[s:e]) for s, e in self.entity_org_spans if start <= s < end]
        for _, name in organisations:
            name = self._org_surface(name)
            if name not in self.org_counts:
                self._org_keys.setdefault(LEGAL_SUFFIX.sub("", name), name)
            self.org_counts[name] = self.org_counts.get(name, 0) + 1
        if organisations:
            self.last_org = self._org_surface(max(organisations)[1])
        mentioned: list[tuple[int, dict]] = []  # (offset, person) for "he", "she"
        text = self.text
        for run in CAPITALISED_RUN.finditer(text, start, end):
            if not _may_name(run.group(0)):
                continue
            lead_start = max(start, run.start() - 12)
            fragment = text[lead_start:run.end()]
            for name_start, name_end in person_names(fragment):
                absolute = lead_start + name_start
                if absolute < run.start() or self._is_product(absolute) or \
                        (absolute > 0 and text[absolute - 1] in "“\"‘'"):
                    continue
                known = self.people.described(text[absolute:lead_start + name_end])
                person = known or self._mention(absolute, lead_start + name_end, start, end)
                if person and person.get("speaker"):
                    mentioned.append((absolute, self.people.remember(person)))
        recent = max(start, end - RECENT)  # who "he" is next is named in the last lines
        for offset, word in self._known_words(recent, end):
            known = self.people.by_part(word)
            if known is not None:
                mentioned.append((offset, known))
        mentioned += self._sources(recent, end)
        if mentioned:
            self.people.last_speaker = max(mentioned, key=lambda m: m[0])[1]

    def _sources(self, start: int, end: int) -> list[tuple[int, dict]]:
        """(offset, person) of the speakers of reported speech in narration: "a Pune-based
        dealer said demand…", "…, said Meera Rao, head of sales at Orvio."."""
        text, found = self.text, []
        for cue in verbs(text, start, end, self.folded_text):
            sentence_from = max(start, cue.start() - 200)
            breaks = list(SENTENCE_END.finditer(text, sentence_from, cue.start()))
            left = text[breaks[-1].end() if breaks else sentence_from:cue.start()]
            person = None
            if left.rstrip().endswith(",") or not left.strip():
                right = compiled(r"[^.;:\n“”\"]{1,160}").match(text, cue.end(), end)
                if right is not None and right.group(0).strip()[:1].isupper():
                    person = self._resolve(right.group(0), strict=True)
            elif not compiled(r"[“”\"]").search(left):
                left = SUBJECT_TAIL_AUX.sub("", left)
                clause = _last_clause(left)
                person = self._resolve(clause if clause.strip() else self._sentence_subject(left), strict=True)
            if person is not None:
                self.last_source = (cue.start(), person)  # "Lumio said it … “…”": Lumio's quote
                if not person.get("_org"):
                    found.append((cue.start(), person))
        return found

    def _org_surface(self, name: str) -> str:
        """One name for an organisation however it is written: "Tarang Motors Pvt Ltd" is
        counted as the "Tarang Motors" named first."""
        return self._org_keys.get(LEGAL_SUFFIX.sub("", name), name)

    def _mention(self, name_start: int, name_end: int, floor: int, ceiling: int) -> dict | None:
        """A person named in narration, with the title and organisation around the name:
        "Apple CEO Tim Cook on Tuesday said", "Mike Hawes, chief executive of the SMMT,"."""
        text = self.text
        lead_from = max(floor, name_start - 120, scan.line_start(text, name_start))
        lead = text[lead_from:name_start]
        cut = max(lead.rfind(". "), lead.rfind(", "), lead.rfind("; "), lead.rfind(": "))
        lead = lead[cut + 2:] if cut >= 0 else lead
        clause = compiled(r"(?:,|\s+--|\s+\()[^.;:\n“”\"]{0,160}").match(text, name_end, min(ceiling, name_end + 160))
        person = self._describe(lead + text[name_start:name_end] + (clause.group(0) if clause else ""))
        return None if person is None or person.get("_org") else person

    def _known_words(self, start: int, end: int) -> list[tuple[int, str]]:
        """(offset, word) of the words of known names in the text between ``start`` and ``end``
        (``TITLECASE_WORD`` matches): each word found with ``str.find``, then its match checked."""
        text, found = self.text, []
        for part in self.people.name_parts():
            if not TITLECASE_WORD.fullmatch(part):
                continue
            offset = text.find(part, start, end)
            while offset >= 0:
                match = TITLECASE_WORD.match(text, offset, end)
                if match is not None and match.end() == offset + len(part):
                    found.append((offset, part))
                offset = text.find(part, offset + 1, end)
        found.sort()
        return found

    @property
    def _org_suffix_starts(self) -> list[int]:
        if not hasattr(self, "_suffix_starts"):
            self._suffix_starts = [match.start() for match in ORG_SUFFIX.finditer(self.text)]
        return self._suffix_starts

    def _org_names(self, start: int, end: int) -> list[re.Match]:
        """``ORG_NAME.finditer(self.text, start, end)``, tried only where a match can start: at
        a capital or "&" among the five words before an organisation's suffix word."""
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

    # the sentence around a quote ----------------------------------------------------------
    def _context(self, segments: list[dict], index: int) -> tuple[str, str, dict | None]:
        """The words of the quote's sentence before its opening mark and after its closing
        one (up to the next quote), and the quote before it in the same sentence, if any."""
        text, segment = self.text, segments[index]
        paragraph_start = scan.line_start(text, segment["open"])
        paragraph_end = scan.line_end(text, segment["end"])
        previous = segments[index - 1] if index else None
        if previous is not None and (previous["close_end"] or previous["end"]) < paragraph_start:
            previous = None
        following = segments[index + 1] if index + 1 < len(segments) else None
        floor = (previous["close_end"] or previous["end"]) if previous else paragraph_start
        window_start = max(floor, segment["open"] - WINDOW)
        before = text[window_start:segment["open"]]
        breaks = list(SENTENCE_END.finditer(before))
        same_sentence = previous if previous is not None and not breaks and window_start == floor \
            and not (text[previous["end"] - 1:previous["end"]] in ".!?" and not before.strip(" ,")) else None
        before = before[breaks[-1].end():] if breaks else before
        after_from = segment["close_end"] if segment["close_end"] is not None else segment["end"]
        ceiling = min(paragraph_end, after_from + WINDOW)
        if following is not None and following["open"] < ceiling:
            ceiling = following["open"]
        after = text[after_from:ceiling]
        end = SENTENCE_END.search(after)
        after = after[:end.start() + 1] if end else after
        return before, after, same_sentence

    def _attribute(self, segments: list[dict], index: int, earlier: list[dict]) -> dict | None:
        segment = segments[index]
        text = self.text
        inner = text[segment["start"]:segment["end"]]
        before, after, same_sentence = self._context(segments, index)
        ended = inner.rstrip().endswith((".", "!", "?")) and not after.startswith((",", " ,"))
        found = self._transcript(inner) or self._from_after(after, ended) or self._from_before(before)
        words = len(inner.split())
        if found is None and same_sentence is not None and earlier and earlier[-1]["span"][0] == same_sentence["start"]:
            found = self._inherit(earlier[-1])
            if words < 2 or (words < MIN_WORDS and _looks_like_a_name(inner)):
                return None
        elif found is None:
            if segment["continues"] and earlier:
                found = self._inherit(earlier[-1])
            elif words < MIN_WORDS or _looks_like_a_name(inner):
                return None
            else:
                found = self._intro_paragraph(scan.line_start(text, segment["open"])) or \
                    self._paragraph_source(segment, earlier)
                if found is None:
                    found = self._recent_speaker(earlier, segment["open"])
                    if found is not None:
                        found["_guessed"] = True
        elif words < 3 and _looks_like_a_name(inner) and not found.get("_next_to"):
            return None  # "Galaxy AI" in reported speech is a name; "That," he said is speech
        if found is None:
            found = {"speaker": None, "title": None, "organization": None, "cue": None, "channel": None}
        found.setdefault("channel", None)
        found.setdefault("cue", None)
        return {"span": [segment["start"], segment["end"]], "text": inner, **found}

    def _transcript(self, inner: str) -> dict | None:
        """"PENCE: Well, look, …" — a transcript's speaker, in capitals before a colon."""
        match = self.patterns["transcript"].match(inner)
        if match is None or match.group("who").lower() in PRONOUNS or _patterns()["title"].fullmatch(match.group("who")):
            return None
        who = match.group("who").strip(".")
        known = self.people.by_part(who) or self.people.by_part(who.capitalize())
        person = known or {"speaker": who, "title": None, "organization": None}
        self.people.last_speaker = person
        return dict(person) | {"cue": None}

    def _from_after(self, after: str, ended: bool) -> dict | None:
        p = self.patterns
        candidates = []
        for name in ("after_dash", "after_colon", "after_verb_first", "after_according"):
            match = p[name].match(after)
            if match is not None:
                candidates.append((match.group("who"), match.groupdict().get("cue")))
        cue = next(iter(verbs(after)), None)
        if cue is not None and cue.start() < 240:
            who = after[:cue.start()]
            if not compiled(r"[.!?;“”\"]").search(ABBREVIATION_DOT.sub("", who)) and len(who.split()) <= 24 \
                    and (SUBJECT_START.match(who) or p["title"].match(who.lstrip(" ,"))):
                candidates.append((SUBJECT_TAIL_AUX.sub("", who), cue.group(0)))
        for who, cue_word in candidates:
            person = self._resolve(who)
            if person is not None:
                return self._with_cue(person, cue_word, after) | {"_next_to": True}
        if ended:
            return None
        for name in ("trailing_who_first", "trailing_verb_first", "trailing_according"):
            match = p[name].search(after)
            if match is not None:
                person = self._resolve(match.group("who"), strict=name != "trailing_according")
                if person is not None:
                    return self._with_cue(person, match.group("cue"), after)
        return None

    def _from_before(self, before: str) -> dict | None:
        according = before.lower().rfind("according to")
        if according >= 0:
            who = before[according + len("according to"):]
            if compiled(r"[^“”\"]{1,160}?\s*[:,]?\s*").fullmatch(who):
                person = self._resolve(who)
                if person is not None:
                    return self._with_cue(person, "according to", before)
        cues = verbs(before)
        for cue in reversed(cues):
            tail = before[cue.end():]
            direct = DIRECT_TAIL.fullmatch(tail) is not None
            who = SUBJECT_TAIL_AUX.sub("", before[:cue.start()])
            if ING_CUE.fullmatch(cue.group(0)):  # "Orvio opened the stores, saying: “…”": Orvio's
                who = self._sentence_subject(who)
            elif not direct:
                clause = _last_clause(who)
                who = clause if clause.strip() else self._sentence_subject(who)
            person = self._antecedent(before[:cue.start()], who) or self._resolve(who, strict=not direct)
            if person is not None:
                person = self._with_cue(person, cue.group(0), before[cue.start():])
                return person | {"_next_to": direct, "_naming": NAMING_CUE.fullmatch(cue.group(0)) is not None}
        return None

    def _antecedent(self, sentence: str, who: str) -> dict | None:
        """Who a pronoun stands for when its own sentence names them first: "When the
        customer care executive picked up, he said …" -> the customer care executive."""
        parts = _parts(who)
        if not parts or _clean(parts[-1]).casefold() not in PRONOUNS:
            return None
        head = sentence[:sentence.rfind(parts[-1])] if parts[-1] in sentence else sentence
        described = unnamed_sources_in(head)
        if not described:
            return None
        person = {"speaker": None, "title": _unnamed_title(described[-1].group(0), unnamed_source(described[-1].group(0))),
                  "organization": None}
        self.people.last_speaker = person
        return dict(person)

    def _sentence_subject(self, words: str) -> str:
        """The subject of a sentence whose verb an "-ing" cue follows: "Rao spoke at the
        launch, saying" -> "Rao"."""
        first_clause = compiled(r"[^,]*").match(_without_adverbials(words.strip())).group(0)
        verb = compiled(r"\s+(?:[a-z]+(?:ed|s)|is|was|has|had|will|would|took|spoke|went|made|gave)\b").search(first_clause)
        return first_clause[:verb.start()] if verb else first_clause

    def _with_cue(self, person: dict, cue: str | None, fragment: str) -> dict:
        if cue:
            words = cue.lower().split()
            person["cue"] = "according to" if words[0] == "according" else words[0]
        person["channel"] = person.get("channel") or channel(fragment)
        return person

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
        person = self._from_before(sentence.rstrip()[:-1] + ":")
        if person is None:
            brands = list(_brands().finditer(sentence))
            names = person_names(sentence)
            single = [w for w in TITLECASE_WORD.findall(sentence) if self.people.by_part(w)]
            if names:
                person = self._resolve(sentence[names[-1][0]:names[-1][1]])
            elif single:
                person = self.people.by_part(single[-1])
            elif (_company_mentioned(sentence) or document_noun(sentence)) and self.last_org:
                person = {"speaker": self.main_org(), "title": None, "organization": None}
            elif brands:
                person = {"speaker": brands[-1].group(0), "title": None, "organization": None}
            elif self.last_org:
                person = {"speaker": self.last_org, "title": None, "organization": None}
        if person is not None:
            person["channel"] = channel(sentence)
        return person

    def _paragraph_source(self, segment: dict, earlier: list[dict]) -> dict | None:
        """The speaker of reported speech earlier in the quote's paragraph, after any other
        quote: 'Lumio, which …, said it aims to double sales. “We are …”'."""
        if self.last_source is None:
            return None
        offset, person = self.last_source
        if offset < scan.line_start(self.text, segment["open"]) or (earlier and earlier[-1]["span"][1] > offset):
            return None
        return {k: person.get(k) for k in ("speaker", "title", "organization")} | {"cue": None, "channel": None}

    def _recent_speaker(self, earlier: list[dict], offset: int) -> dict | None:
        """An interview's unattributed quote belongs to the last speaker, if recent."""
        last = self.people.last_speaker
        if earlier and earlier[-1].get("speaker") is not None:
            between = scan.newlines_between(self.text, earlier[-1]["span"][1], offset)
            if between <= 2 * INHERIT_PARAGRAPHS:
                return self._inherit(earlier[-1])
        if last is not None and last.get("speaker"):
            return {k: last.get(k) for k in ("speaker", "title", "organization")} | {"cue": None, "channel": None}
        return None

    @staticmethod
    def _inherit(quote: dict) -> dict:
        return {k: quote.get(k) for k in ("speaker", "title", "organization", "channel")} | {"cue": None}



def _last_clause(words: str) -> str:
    """The subject right before a verb far from its quote: "…and she said" -> "she"."""
    breaks = list(CLAUSE_BREAK.finditer(words))
    return words[breaks[-1].end():] if breaks else words


DOTTED = regex.compile(r"(?:\p{Lu}\.)+")


def _may_name(run: str) -> bool:
    """Whether a run of capitalised words can hold a name: two name words in a row, or an
    honorific before one (a cheap test before :func:`person_names`)."""
    previous = False
    for word in run.split():
        word = word.strip(",;:()")
        word = word if is_honorific(word) or DOTTED.fullmatch(word) else word.rstrip(".")
        if is_name_word(word) or (len(word) <= 2 and word.isupper()):
            if previous:
                return True
            previous = True
        else:
            previous = is_honorific(word)
    return False


def _company_mentioned(sentence: str) -> bool:
    return compiled(r"\b(?:the\s+)?(?:company|firm|brand|carmaker|automaker|maker|manufacturer|operator|telco)\b",
                    regex.IGNORECASE).search(sentence) is not None


def _looks_like_a_name(inner: str) -> bool:
    """'Make in India', "Binge All Night": a short Titlecase phrase, not speech."""
    words = inner.split()
    return len(words) <= 6 and not inner.rstrip().endswith((".", "!", "?", ",")) and \
        sum(w[:1].isupper() for w in words) >= max(1, len(words) - 2)


#: A sentence's end before a capital — not an initial ("K. Srinivasan") or "Mr."/"Dr.".
SENTENCE_BREAK = regex.compile(r"(?<!\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St))[.!?][\"”’]?\s+(?=[A-Z“\"‘])|\n")


def _sentence_start(fragment: str) -> int:
    matches = list(SENTENCE_BREAK.finditer(fragment))
    return matches[-1].end() if matches else 0
