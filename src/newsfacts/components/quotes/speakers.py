"""Who the words of an attribution name: a person with title and organisation, an
organisation, or someone unnamed.

"Raghu Reddy, Head of Category and Online Sales, Xiaomi India" / "Carphone Warehouse MD
Jeremy Fennell" / "chief executive of the SMMT" / "he" / "Reyes" / "Mr. Reyes" / "a company
spokesperson" / "the company" / "a company statement" / "CMR" / "Orvio India VP".
"""

from __future__ import annotations

from functools import cache

import regex

from ...scan import compiled
from .names import (
    EXECUTIVE,
    ORG_NAME,
    PRONOUNS,
    company_noun,
    department,
    document_noun,
    is_acronym,
    is_org,
    is_place,
    name_words,
    person_names,
    single_name,
    strip_honorific,
    unnamed_source,
)
from .posts import channel
from .words import _brands, _patterns, _words, verbs

ADJUNCT_TAIL = regex.compile(
    r"\s+(?:in|on|at|to|during|via|through|from|while|after|before|over|for|when|without|with)\s+.*$|"
    r"\s+(?:here|today|yesterday|tonight|earlier|later|recently|then|also)\b.*$", regex.IGNORECASE)


class Speakers:
    """Describing speakers, for :class:`~.attribution.QuoteFinder`: it keeps the article's
    ``text``, ``people``, ``patterns``, the organisations it knows (``known_orgs``,
    ``entity_orgs``, ``makers``), the entities' ``entity_people`` and ``main_org()``."""

    def _resolve(self, who: str, strict: bool = False) -> dict | None:
        """A person from the words that name them ("he", "Jain", "a company spokesperson",
        "Raghu Reddy, Head of Category and Online Sales, Xiaomi India"). ``strict``: the words
        stand far from the quote, so they must be a speaker's and nothing more."""
        who = _without_adverbials(_clean(who))
        who = compiled(r",?\s+(?:who|whose|which)\b.*$").sub("", who)
        if not who:
            return None
        lowered = who.casefold()
        first = lowered.split()[0]
        if lowered in PRONOUNS or (first in PRONOUNS and len(lowered.split()) <= 3):
            return dict(self.people.last_speaker) if self.people.last_speaker else None
        if lowered in ("another", "one", "someone", "somebody", "others", "one person", "another person", "many"):
            person = {"speaker": None, "title": None, "organization": None}
            self.people.last_speaker = person
            return dict(person)
        if first in ("it", "its", "they", "their") and len(lowered.split()) <= 2:
            org = self.main_org()
            return {"speaker": org, "title": None, "organization": None, "_org": True} if org else None
        unnamed = unnamed_source(who)
        if unnamed is not None and not person_names(who[:unnamed.start("title")]):
            where = unnamed.group("where")
            org = where if where and is_org(where, known=self.known_orgs) else None
            previous = self.people.last_speaker
            if lowered.startswith("the ") and unnamed.group("title").lower() in name_words()["anaphoric"] and \
                    previous and previous.get("speaker"):
                return dict(previous)  # "the teenager said": the person just named, not a new one
            if org is None and (lowered.startswith("the ") or "company" in lowered):
                if lowered.startswith("the ") and previous and previous.get("speaker") is None and \
                        previous.get("title") == unnamed.group("title").lower():
                    return dict(previous)
                org = self.main_org() if "company" in lowered or lowered.startswith("the ") else None
            person = {"speaker": None, "title": _unnamed_title(who, unnamed), "organization": org}
            self.people.last_speaker = person
            return dict(person)
        document = document_noun(who)
        if document is not None and document.start() == 0 or (document is not None and lowered.startswith(("a ", "an ", "the "))):
            issuer = who[:document.start()].strip(" ,") if document.start() else ""
            if not issuer:  # "a message on Lumio's website", "a report by Orvio Research"
                named = compiled(r"\b(?:on|by|from|of|at)\s+(?P<org>(?:\p{Lu}[\w&.-]*\s*){1,5})(?:['’]s)?").search(who, document.end())
                issuer = named.group("org").strip() if named else ""
            org = issuer if issuer and is_org(issuer, loose=True, known=self.known_orgs) else self.main_org()
            return {"speaker": org, "title": None, "organization": None, "channel": channel(who), "_org": True} if org else None
        if company_noun(who):
            org = self.main_org()
            return {"speaker": org, "title": None, "organization": None, "_org": True} if org else None
        person = self._describe(who, strict=strict)
        if person is None:
            return None
        if person.get("_org"):
            return person
        person = self.people.remember(person)
        self.people.last_speaker = person
        return dict(person)

    def _describe(self, who: str, strict: bool = False) -> dict | None:
        """Split "NAME, TITLE, ORG" / "TITLE at ORG NAME" / "ORG CEO NAME" into its parts."""
        who = _clean(who)
        if not who:
            return None
        parts = _parts(_without_adverbials(who))
        if parts and compiled(r"according\s+to\s+", regex.IGNORECASE).match(parts[0]):
            parts[0] = compiled(r"according\s+to\s+", regex.IGNORECASE).sub("", parts[0], count=1)
        for index, part in enumerate(parts):
            names = self._names(part)
            if names:
                start, end = names[-1] if names[-1][1] == len(part) else names[0]
                name = part[start:end]
                titled = [p for p in parts[:index] if self.patterns["title"].search(p)]  # "Co-founder of X, NAME"
                prefix = " ".join([*titled, _title_words_before(part[:start].strip())]).strip()
                rest = [part[end:].strip()] + parts[index + 1:] if part[end:].strip() else parts[index + 1:]
                break
        else:
            return self._unnamed_head(parts, strict)
        name, honorific = strip_honorific(name)
        rest = [r for r in rest if not compiled(r"(?:who|which|that|with|a|an|the)\b").match(r)] \
            if not any(self.patterns["title"].search(r) for r in rest) else rest
        rest = [compiled(r"\s*\([A-Z]-[^)]*\)").sub("", r) for r in rest]
        title, organization = self._title_and_org(prefix, rest)
        if len(name.split()) == 1:
            known = self.people.by_part(name)
            if known is not None:
                return known
        if name in self.entity_orgs:
            return {"speaker": name, "title": None, "organization": None, "_org": True}
        return {"speaker": name, "title": title, "organization": organization}

    def _names(self, part: str) -> list[tuple[int, int]]:
        """People's names in one comma-separated part of a speaker's words: a trained
        pipeline's PERSON entities first, else the name shapes."""
        found = []
        for person in self.entity_people:
            offset = part.find(person)
            if offset >= 0:
                found.append((offset, offset + len(person)))
        if found:
            return sorted(found)
        return person_names(part, honorifics=True)

    def _unnamed_head(self, parts: list[str], strict: bool) -> dict | None:
        """Speaker words without a full name: a known surname ("Rao", "Mr. Rao"), an
        organisation ("Lumio", "Counterpoint Research", "CMR"), or a lone name ("Trump");
        the first part that gives one, else the last ("journalists on the call, Cook")."""
        for part in parts:
            word = compiled(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(\p{Lu}[\w'’-]*)\s*\Z").match(part)
            known = self.people.by_part(word.group(1)) if word else None
            if known is not None:
                return known
        found = self._head(parts[0], strict)
        if found is None and len(parts) > 1 and parts[-1][:1].isupper():
            found = self._head(parts[-1], strict)
        return found

    def _head(self, part: str, strict: bool) -> dict | None:
        head = compiled(r"(?:[\p{Lu}&][\w&.'’-]*\s*)+").match(part)
        if head is None:
            return None
        head_text = head.group(0).strip()
        if head.end() < len(part.rstrip()) and strict:
            tail = part[head.end():].strip()
            if not ADJUNCT_TAIL.match(" " + tail) and not compiled(r"\(").match(tail):
                return None  # "Rao's team" is no speaker
        title = self.patterns["title"].search(head_text)
        if title is not None and title.end() == len(head_text):
            named = self._named_elsewhere(head_text)
            if named is not None:
                return named
            org = head_text[:title.start()].strip()
            return {"speaker": None, "title": title.group(0),
                    "organization": org if org and self._is_org(org, loose=True) else None}
        words = head_text.split()
        while len(words) > 1 and (words[0] in ("Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.") or
                                  _patterns()["title"].fullmatch(words[0])):
            words.pop(0)
        head_text = " ".join(words)
        if is_acronym(head_text):
            return {"speaker": self._expand(head_text), "title": None, "organization": None, "_org": True}
        if head_text in self.entity_orgs or head_text in self.known_orgs or _brands().fullmatch(head_text) or \
                ORG_NAME.fullmatch(head_text) or head_text in self.makers:
            return {"speaker": head_text, "title": None, "organization": None, "_org": True}
        if len(words) == 1:
            known = self.people.by_part(head_text)
            if known is not None:
                return known
            if single_name(head_text) and head_text not in self.people.name_parts():
                if is_org(head_text, known=self.known_orgs):
                    return {"speaker": head_text, "title": None, "organization": None, "_org": True}
                return {"speaker": head_text, "title": None, "organization": None}
            return None
        if is_org(head_text, loose=True, known=self.known_orgs) and not strict:
            return {"speaker": head_text, "title": None, "organization": None, "_org": True}
        return None

    def _named_elsewhere(self, description: str) -> dict | None:
        """The person an article names with this description somewhere: "Orvio India VP said"
        is the "Orvio India VP Tom Reyes" of another paragraph."""
        offset = self.text.find(description + " ")
        while offset >= 0:
            after = self.text[offset + len(description) + 1:offset + len(description) + 60]
            names = person_names(after)
            if names and names[0][0] == 0:
                return self._describe(description + " " + after[:names[0][1]])
            offset = self.text.find(description + " ", offset + 1)
        return None

    def _expand(self, short: str) -> str:
        """An abbreviation's full name where the article gives it: "Cybermedia Research (CMR)"."""
        match = compiled(r"((?:[\p{Lu}][\w&'’-]*\s+(?:of\s+|and\s+|for\s+|the\s+)?){1,7})\(" + regex.escape(short) + r"\)").search(self.text)
        return match.group(1).strip() if match else short

    def _title_and_org(self, prefix: str, rest: list[str]) -> tuple[str | None, str | None]:
        """Title and organisation from the words around a name: "Head of Category and Online
        Sales, Xiaomi India" / "Xiaomi CEO" / "research director at Techmarc Research" /
        "Bajaj's president for international business" / "Director, Consumer Products" /
        "Carphone Warehouse MD" / "chief executive of the SMMT"."""
        titles: list[str] = []
        organization, strong = None, False  # strong: a brand or a name with a company suffix
        pieces = ([prefix] if prefix else []) + [p for p in rest if p]
        for piece in pieces:
            cue = next(iter(verbs(piece)), None)
            piece = (piece[:cue.start()] if cue else piece).strip(" ,")
            if compiled(r"(?:at the|which|who|had|has|have|is|was|were|will|would|did|does)\b").match(piece):
                break  # the description has ended: "…, at the launch event", "…, who runs a store"
            piece = compiled(r"\s+(?:who|which|that|we|from|in|on)\s+.*$").sub("", piece).strip(" ,")
            piece = compiled(r"^(?:an?|the)\s+", regex.IGNORECASE).sub("", piece)
            piece = compiled(r"^[A-Z][a-z]+-based\s+").sub("", piece)
            piece = compiled(r"^(?:at|of|with)\s+(?:the\s+)?(?=[\p{Lu}\d])").sub("", piece).rstrip(".")
            if not piece:
                continue
            if self.patterns["title_dash"].match(piece):
                titles.append(piece)  # "Head-Consumer Insights (CI)"
                continue
            compound = compiled(r"(?P<org>.+?)\s+(?:and|&)\s+(?P<title>.+)$").match(piece)
            if titles and compound and self._is_org(compound.group("org")) and \
                    self.patterns["title"].match(compound.group("title")):
                titles.append(piece)  # "Vice President, Orvio and Managing Director, Orvio India"
                continue
            possessive = compiled(r"(?P<org>.+?)['’]s\s+(?P<title>.+)$").match(piece)
            if possessive and self._is_org(possessive.group("org")):
                organization, strong = possessive.group("org"), True
                titles.append(possessive.group("title"))
                continue
            split = compiled(r"(?P<title>.+?)\s+(?:at|of|with|for)\s+(?:the\s+)?(?P<org>[\p{Lu}\d][\w&.'’ ()-]+)$").match(piece)
            if split:
                head, org = split.group("title"), compiled(r"^[A-Z][a-z]+-based\s+").sub("", split.group("org").strip())
                # "Head of Offline Retail" is a department; "research director at Sino Device Insight" an org
                if (self.patterns["title"].search(head) or titles) and not department(org) and (
                        self._is_org(org) or (len(head.split()) > 1 and self._is_org(org, loose=True))
                        or compiled(r"(?:at|with|of)\b").search(piece[len(head):len(head) + 6])):
                    titles.append(head)
                    organization, strong = (org, True) if not strong else (organization, strong)
                    continue
            orgs = list(_brands().finditer(piece)) + list(ORG_NAME.finditer(piece))
            last = max(orgs, key=lambda m: (m.end(), -m.start())) if orgs else None
            has_title = self.patterns["title"].search(piece) or self.patterns["title_dash"].match(piece)
            if has_title and last is not None and last.start() > 0 and last.end() == len(piece):
                titles.append(piece[:last.start()].strip(" ,"))  # "Managing Director Xiaomi India"
                organization, strong = last.group(0), True
            elif has_title and last is not None and last.start() == 0 and last.end() < len(piece):
                organization, strong = last.group(0), True  # "Xiaomi CEO"
                titles.append(piece[last.end():].strip(" ,"))
            elif has_title and has_title.start() > 0 and self._is_org(piece[:has_title.start()].strip(), loose=True) \
                    and not self.patterns["title"].search(piece[:has_title.start()]):
                organization, strong = piece[:has_title.start()].strip(), True  # "Carphone Warehouse MD"
                titles.append(piece[has_title.start():])
            elif has_title:
                titles.append(piece)
            elif _brands().match(piece) or ORG_NAME.fullmatch(piece) or (self._is_org(piece) and not strong):
                organization, strong = piece, True
            elif titles and compiled(r"[\w&()' -]+").fullmatch(piece) and not strong and \
                    (department(piece) or piece is not pieces[-1]):
                titles.append(piece)  # "Director, Consumer Products": a department
            elif titles and not strong and piece is pieces[-1] and piece[:1].isupper() and len(piece.split()) <= 6:
                organization, strong = piece, True  # "Sky Wen, vice president, Lumio"
        title = ", ".join(t for t in titles if t) or None
        if title and organization is None and EXECUTIVE.search(title):
            organization = self.main_org()  # "Rohan Kapadia, CEO": of the company in the story
        return title, organization

    def _is_org(self, piece: str, loose: bool = False) -> bool:
        return is_org(piece, loose=loose, known=self.known_orgs)



def _clean(who: str) -> str:
    """The speaker's words without leading conjunctions, trailing adjuncts or brackets."""
    who = who.strip(" ,:;—–-\t\n")
    dateline = compiled(r"(?P<place>(?:\p{Lu}[\w.-]*\s?){1,3}):\s+").search(who)
    if dateline and is_place(dateline.group("place").strip()):
        who = who[dateline.end():]  # "New Delhi: Orvio said" -> "Orvio"
    who = compiled(r"^(?:and|but|so|then|also|now|yet|still|however|meanwhile|later|earlier)\b[\s,]*", regex.IGNORECASE).sub("", who)
    who = compiled(r"\s*\(@\w+\)").sub("", who)
    return who.strip(" ,:;—–-\t\n")



@cache
def _title_modifiers() -> frozenset[str]:
    """The words of every title ("operating" of "chief operating officer"), and the small
    words between a title's words: what may stand before a name as part of its title."""
    words = {word for title in _words()["title"] for word in title.split()}
    return frozenset(words | set("lead senior deputy associate assistant principal global regional former interim "
                                 "and of for the & at".split()))


def _title_words_before(prefix: str) -> str:
    """The title and organisation words right before a name, without what came before them:
    "date 2021-05-02 Orvio CEO" -> "Orvio CEO", "CMR's lead analyst" stays whole."""
    words = prefix.split()
    keep = len(words)
    while keep > 0:
        word = words[keep - 1].strip(",")
        if word[:1].isupper() or word.lower() in _title_modifiers() or _patterns()["title"].fullmatch(word) or \
                compiled(r"[\p{Lu}][\w&.-]*['’]s").fullmatch(word):
            keep -= 1
            continue
        break
    return " ".join(words[keep:]).strip()


def _parts(who: str) -> list[str]:
    return [p.strip() for p in compiled(r",\s*|\s+(?:--|—|–)\s+").split(who) if p.strip()]


#: An opening adverbial: "In the analysts' call", "Asked about the price", "Stating that …".
LEADING_ADVERBIAL = regex.compile(
    r"(?:\w+ing|In|On|At|When|While|As|After|Before|During|Asked|Speaking|Talking|Answering|Responding|"
    r"Commenting|Addressing|Earlier|Later|However|Meanwhile|Also|But|And|So|Now|Then|Still|Further|"
    r"Separately|Similarly|Besides|Following|Despite|Though|Although|Since|Last|This|For|With|Without|Via|Through|"
    r"Under|Over|From|By|Here|There|Today|Yesterday|On\s+\w+day)\b")


def _without_adverbials(who: str) -> str:
    """The speaker's words without the adverbials before them: "In the call, Cook" -> "Cook",
    "Speaking to reporters, the spokesperson" -> "the spokesperson"."""
    parts = _parts(who)
    dropped = 0
    while dropped < len(parts) - 1 and LEADING_ADVERBIAL.match(parts[dropped]) and \
            not compiled(r"According\b").match(parts[dropped]) and not person_names(parts[dropped]):
        dropped += 1
    if not dropped:
        return who
    return who[who.index(parts[dropped]):] if parts[dropped] in who else who


def _unnamed_title(who: str, unnamed: regex.Match) -> str:
    where = unnamed.group("where") or ""
    title = who[unnamed.start("title") if where else unnamed.start():unnamed.end()]
    title = compiled(r"^(?:an?|one|another|the)\s+", regex.IGNORECASE).sub("", title)
    return title.lower() if not where else unnamed.group("title").lower()


