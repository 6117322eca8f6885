"""Who a reporting verb belongs to: the noun phrase before it, or the one after it.

All of it reads a sentence "masked" by `masked_clause`: quoted words and the dateline blanked,
and the full stops of abbreviations and initials ("Mr. Reeves", "Thomas E. Perez", "U.S.")
turned into a dot leader so that a noun phrase does not end there. Rules, in the order wire
copy needs them: `said X` and `according to X` read forward over organisation names with
"and"/"of"/"for" inside ("World Travel and Tourism Council"); `X, who ..., said` and `X, an
ally of Y, in response to Z, denied` find X at the start of the clause, not the word before the
verb; `..., telling CNN` and `..., saying` belong to the main clause's subject; a negated subject
("no group claimed") is no one.
"""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary
from summarizer.analysis.appositives import (
    appositive,
    name_after_quote,
    opening_document,
)
from summarizer.analysis.masking import DOT as DOT
from summarizer.analysis.masking import masked_clause as masked_clause
from summarizer.analysis.masking import phrase as phrase
from summarizer.analysis.number_words import UNIT_BY_FORM
from summarizer.analysis.openings import clause_subject, speaker
from summarizer.analysis.sources import PRONOUNS, ParsedSource, parse_source

NAME_JOINERS = frozenset({"and", "&", "for", "of", "de", "on"})
_BACKWARD_STOP = vocabulary.words("subject_stop_words")
_UNIT_WORDS = frozenset(UNIT_BY_FORM) | {"million", "billion", "trillion", "thousand", "bn", "m"}
# "two people familiar with the discussions", "sources close to the minister"
_INFORMED = re.compile(
    r"(?:\b[\w-]+\s+){0,3}?(?:people|person|sources?|officials?|diplomats?|insiders?)\s+"
    r"(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on|involved\s+in)"
    r"\s+[\w\s'\u2019-]{1,60}$",
    re.IGNORECASE,
)
_LEADING_FILLER = vocabulary.words("leading_fillers")
# "The research published in the journal NEJM Evidence in May showed", "A study by experts in
# London revealed": a document opening its clause, its head noun followed by a participle or
# prepositional modifier that ends right before the verb (the verb's nearest noun is not it)
_MODIFIED_DOCUMENT = re.compile(
    r"(?:^|[;:]\s|,\s)\W*(?P<np>(?:(?:the|a|an|this|that|its|their)\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
    r"(?P<head>[a-z]+))\s+(?:published|released|conducted|led|carried\s+out|issued|"
    r"commissioned|funded|produced|by|from|of|in|on)\b[^,;:]{0,100}$",
    re.IGNORECASE,
)
_DOCUMENT_HEADS = vocabulary.words("document_heads")
_PLACE_HEADS = frozenset(
    {"village", "town", "city", "province", "state", "district", "region", "county", "area"}
)
# "200,000" has a comma that does not end the clause
_RELATIVE = re.compile(r",\s*(?:who|which|whose|whom)\b(?:[^,]|,(?=\d))*,?\s*$", re.IGNORECASE)
_BARE_RELATIVE = re.compile(r"\s(?:who|which)\s[^,]{0,80}$", re.IGNORECASE)
_DAY_AFTER = re.compile(
    rf"\s+(?:on|late|early|last|this)?\s*(?:{vocabulary.WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?$"
)
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Z&.-]{1,9}\)$")
# after a quote the masked text keeps its closing mark: '"…,” Falesi Chukuwumba, a national,'
_TOKEN = re.compile(rf"[\w\u2019'.{DOT}&-]+|[^\w\s]")
_OBJECT_RELATIVE = re.compile(
    r"\b(?:which|that|whom)\s+(?P<np>(?:the|a|an|some|many|most|several|other)\s+"
    r"[\w'\u2019 -]{1,40}?"
    r"|[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}|it|they|he|she)$"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(in|of|at|on|by|for|from|to|into|near|against|about|over|under)\s*(?:(?:the|a|an)\s+)?$",
    re.I,
)
_SPEAKER_HEADS = (
    vocabulary.words("role_heads")
    | vocabulary.words("anonymous_heads")
    | vocabulary.words("government_heads")
    | vocabulary.words("organisation_heads")
    | vocabulary.words("media_heads")
)
_TITLES = vocabulary.words("titles")
_ROLE_WORDS = vocabulary.words("role_heads")


def _clean_word(word: str) -> str:
    return word.lower().strip(".,;:\u2019'")


def after_determiner(masked: str, at: int) -> bool:
    """'an estimated eight', "analysts' estimates", "the company's report": a noun or an
    adjective there, not a verb."""
    previous = masked[:at].rstrip().rsplit(maxsplit=1)
    if not previous:
        return False
    word = previous[-1].lower()
    possessive = word.endswith(("'", "\u2019", "'s", "\u2019s"))
    return possessive or word in {"a", "an", "the", "its", "their", "his", "her", "our", "my"}


_DAY = rf"(?:{vocabulary.WEEKDAYS}|today|yesterday)"
_TIME_OPENER = re.compile(
    rf"^\W*(?:(?:Earlier|Later|Late|Early)\s+(?:on\s+)?(?:this\s+\w+|{_DAY})"
    rf"|(?:Earlier|Later|Late|Early|On|Last|This)\s+{_DAY}(?:\s+(?:morning|afternoon|evening|night))?)"
    r"\s*,\s*"
)


def subject_before(masked: str, verb_at: int) -> tuple[ParsedSource, int, int] | None:
    """The source whose verb stands at `verb_at`: the noun phrase right before it, or, when a
    comma stands right before the verb, the subject at the start of the clause."""
    prefix = masked[:verb_at].rstrip()
    opener = _TIME_OPENER.match(prefix)
    if opener is not None:
        # "Earlier Monday, LaPierre told": a time set off by a comma is no part of the subject
        prefix = " " * opener.end() + prefix[opener.end() :]
    own = _OBJECT_RELATIVE.search(prefix)
    parsed_own = parse_source(phrase(prefix, *own.span("np"))) if own is not None else None
    if own is not None and parsed_own is not None and _names_someone(parsed_own):
        # "which the company said could", "which it now expects to grow by 7%"
        return parsed_own, own.start("np"), own.end("np")
    nearest = _nearest_subject(prefix)
    if nearest is None and prefix.count(",") == 1:
        # "Dr. Manoj Narayanan, the superintendent of a hospital in the village of X told"
        opening = clause_subject(prefix)
        if opening is not None and opening[0].kind == "person" and " " in opening[0].name:
            return opening
    reduced = _REDUCED_RELATIVE.search(prefix) if nearest is not None else None
    if reduced is not None:
        # "The draft report from the GAO, finalized after the arrest of Joaquin Guzman, also
        # criticized": a participle clause set off by commas; the clause's opening noun speaks
        opening = clause_subject(prefix) or opening_document(prefix)
        if opening is not None and opening[2] <= reduced.start():
            return opening
    if prefix.endswith(",") and (nearest is None or nearest[0].kind != "person"):
        # "Hezbollah, an ally of Assad, ..., denied"; "Omar Lamrani, an analyst at Stratfor,
        # the Texas-based intelligence firm, told": the clause's opening name speaks
        opening = name_after_quote(prefix) or clause_subject(prefix)
        if nearest is None or (opening is not None and opening[0].kind == "person"):
            return opening
        if nearest is not None and _a_place(nearest[0].name):
            # "Officials in Washington, D.C., warned": D.C. ends a place name; "A team led by
            # researchers in Greenbelt, Maryland, has confirmed": a state names no speaker
            return opening
        if opening is not None and _DESCRIBED.match(prefix, opening[2]):
            # "The California ISO, the nonprofit that controls 80 percent of California, said":
            # a description in apposition, so the body it describes speaks
            return opening
    return nearest or _modified_document(prefix)


_REDUCED_RELATIVE = re.compile(
    r",\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+(?:by|after|before|in|on|at|for|with)\b[^,]*,$"
)
_DESCRIBED = re.compile(r",\s*(?:the|a|an|which|who|part\s+of)\s")


def _names_someone(parsed: ParsedSource) -> bool:
    return parsed.kind is not None or parsed.name.lower() in PRONOUNS


def _modified_document(prefix: str) -> tuple[ParsedSource, int, int] | None:
    match = _MODIFIED_DOCUMENT.search(prefix)
    if match is None or match.group("head").lower() not in _DOCUMENT_HEADS:
        return None
    parsed = parse_source(phrase(prefix, *match.span("np")))
    if parsed is None or parsed.kind != "document":
        return None
    return parsed, match.start("np"), match.end("np")


def _nearest_subject(prefix: str, placed: bool = False) -> tuple[ParsedSource, int, int] | None:
    """The noun phrase that ends right before the verb, unless it is a preposition's object
    ('... starving people in Madaya, denied')."""
    prefix = _ACRONYM_AFTER.sub("", prefix)  # "the World Health Organization (WHO) said"
    prefix = _DAY_AFTER.sub("", prefix)  # "Robert Gates on Sunday defended"
    relative = _RELATIVE.search(prefix) or _BARE_RELATIVE.search(prefix)
    if relative is not None:
        prefix = prefix[: relative.start()].rstrip()
    prefix = prefix.rstrip(", ")
    paired = appositive(phrase(prefix, 0, len(prefix)))
    if paired is not None:
        return paired
    informed = _INFORMED.search(prefix)
    if informed is not None:
        words = phrase(prefix, informed.start(), len(prefix)).strip()
        return ParsedSource(words, None, "anonymous"), informed.start(), len(prefix)
    dated = _DATED_DOCUMENT.search(prefix)
    if dated is not None:
        # "An NBC/Wall Street Journal/Marist poll from the beginning of January found"
        return ParsedSource(phrase(prefix, *dated.span("np")), None, "document"), *dated.span("np")
    start = noun_phrase_start(prefix)
    if start >= len(prefix):
        return None
    linked = _PREPOSITION_BEFORE.search(prefix[:start])
    if placed and linked is None:
        return None  # after a place was set aside, only 'researchers at X' may speak
    if linked is not None:
        # "experts from Harvard said", "a spokesman for the ministry said": the head noun
        # before the preposition speaks; "people in Madaya, denied": a place does not
        head_start = noun_phrase_start(prefix[: linked.start()].rstrip())
        head = prefix[head_start : linked.start()].split()
        named = parse_source(phrase(prefix, head_start, linked.start()))
        governed = re.search(r"\b(?:in|of|for|at|the|from|to)\s*$", prefix[:head_start])
        person = named is not None and named.kind == "person" and " " in named.name
        if person and named and not governed and not placed and linked.group(1).lower() in _OF:
            # "Yair Lapid of the opposition Labor party, who wrote": the person speaks
            return named, head_start, len(prefix[: linked.start()].rstrip())
        if head and _clean_word(head[-1]) in _SPEAKER_HEADS:
            start = head_start
            whole = speaker(parse_source(phrase(prefix, start, len(prefix))))
            placed_here = linked.group(1).lower() in {"in", "near"}
            if whole is None and placed_here and not _PREPOSITION_BEFORE.search(prefix[:start]):
                # "An eyewitness in Khan Younis told", "sources in the Rukban camp told": an
                # unnamed speaker, with the place that tells the reader who they are
                owner = speaker(parse_source(phrase(prefix, head_start, linked.start())))
                if owner is None or owner.kind != "anonymous":
                    return None
                placed_name = phrase(prefix, head_start, len(prefix)).strip()
                return ParsedSource(placed_name, None, "anonymous"), head_start, len(prefix)
        elif head and _clean_word(head[-1]) in _DOCUMENT_HEADS and _only_place(prefix[start:]):
            # "reports from London say": the reports speak; a city or country names no one
            document = phrase(prefix, head_start, len(prefix))
            return ParsedSource(document, None, "document"), head_start, len(prefix)
        elif head and _clean_word(head[-1]) in _PLACE_HEADS:
            # "Ziv Medical Center in the northern Israeli city of Safed said": the body before
            # the place speaks; "the superintendent for the hospital in the village of X": no one
            located = _LOCATED_AT.search(prefix[:head_start])
            if located is None or placed:
                return None
            return _nearest_subject(prefix[: located.start()], placed=True) or _named_body(
                prefix[: located.start()]
            )
        elif linked.group(1).lower() in {"in", "at", "near"} and not placed:
            # "researchers at IBM Research India in Bangalore found": a place after the body
            placed_subject = _nearest_subject(prefix[: linked.start()].rstrip(), placed=True)
            return placed_subject or _opening_head(prefix)
        elif placed or linked.group(1).lower() not in {"by", "of", "for", "from"}:
            return None
    parsed = speaker(parse_source(phrase(prefix, start, len(prefix))))
    if parsed is None:
        return None
    return parsed, start, len(prefix)


_PLACES = vocabulary.words("countries_and_capitals")
_OF = frozenset({"of", "from", "at"})
_STATES = vocabulary.words("us_states")


_DATED_DOCUMENT = re.compile(
    r"(?:^|[,;:]\s)\W*(?P<np>(?:(?:an?|the)\s+)?[^,;:]{0,60}?\b(?:"
    + vocabulary.alternation(vocabulary.words("document_heads"))
    + r"))\s+(?:from|in|on|of)\s+(?:the\s+)?(?:(?:beginning|end|start|middle)\s+of\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|\d{4})\b[^,;:]{0,20}$"
)


def _a_place(name: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z][.\u2024]){2,3}", name)) or _only_place(name)


def _only_place(words: str) -> bool:
    """A country, capital or US state ('New York' and the other two-word states are left out:
    they also name cities and bodies)."""
    return _clean_word(re.sub(r"^(?:the|The)\s+", "", words.strip())) in _PLACES | _STATES


_OPENING_HEAD = re.compile(
    r"^\W*(?P<np>(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?P<head>[a-z]+))\s+(?:of|at|from|for)\s",
    re.IGNORECASE,
)


def _opening_head(prefix: str) -> tuple[ParsedSource, int, int] | None:
    """'The authors of the research published in the journal X argued': the people the
    sentence opens with speak, not the journal their work appeared in."""
    match = _OPENING_HEAD.match(prefix)
    if match is None or _clean_word(match.group("head")) not in _SPEAKER_HEADS:
        return None
    parsed = speaker(parse_source(match.group("np")))
    return (parsed, match.start("np"), match.end("np")) if parsed is not None else None


_LOCATED_AT = re.compile(r"\s(?:in|at|near)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")


def _named_body(prefix: str) -> tuple[ParsedSource, int, int] | None:
    start = noun_phrase_start(prefix)
    parsed = speaker(parse_source(phrase(prefix, start, len(prefix))))
    if parsed is None or parsed.kind not in {"organisation", "government", "media"}:
        return None
    return parsed, start, len(prefix)


def noun_phrase_start(prefix: str) -> int:
    """Where the noun phrase that ends `prefix` begins: walks back over words that can belong,
    across 'and'/'of'/'for' inside a capitalised name."""
    tokens = list(_TOKEN.finditer(prefix))
    start = len(prefix)
    named = False  # a capitalised name has been crossed
    for count, token in enumerate(reversed(tokens), 1):
        word = token.group()
        lower = word.lower()
        position = len(tokens) - count
        if lower in NAME_JOINERS and _inside_name(tokens, position):
            start = token.start()
            continue
        if named and word[0].islower() and _clean_word(word) not in _SPEAKER_HEADS | _TITLES:
            break  # "annotation to his letter | Mrs Thatcher said": the name is the subject
        named = named or word[0].isupper()
        if lower in {"its", "their", "his", "her"} and count > 1:
            start = token.start()  # "its regional office": resolved to the speaker later
            break
        acronym = len(word) > 1 and word.isupper()  # "the WHO said": a name, not 'who'
        # "USA Today newspaper reported": a capitalised stop word inside a name
        in_name = word[0].isupper() and position > 0 and tokens[position - 1].group()[:1].isupper()
        # "the crew, May said": a modal written with a capital inside a sentence is a surname
        in_name = in_name or (word in {"May", "Will"} and position > 0 and count == 1)
        # "Just Stop Oil described": an adverb written with a capital before a name is the name
        in_name = in_name or (word == "Just" and named and count > 1)
        if not (word[0].isalnum()) or (
            lower in _BACKWARD_STOP and lower not in PRONOUNS and not acronym and not in_name
        ):
            break
        if any(ch.isdigit() for ch in word) or lower in _UNIT_WORDS:
            break  # "below the 6.1bn euros analysts had expected": a figure ends the subject
        if lower in PRONOUNS and count > 1:
            break
        start = token.start()
        if lower in PRONOUNS or count >= 10:
            break
    while start < len(prefix):
        first = _TOKEN.match(prefix, start)
        if first is None or first.group().lower() not in _LEADING_FILLER:
            break
        start = first.end() + 1
    return start


def _inside_name(tokens: list[re.Match[str]], position: int) -> bool:
    if position == 0 or position + 1 >= len(tokens):
        return False
    return tokens[position - 1].group()[:1].isupper() and tokens[position + 1].group()[:1].isupper()
