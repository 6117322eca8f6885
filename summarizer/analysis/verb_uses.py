"""Whether a reporting-verb word in a sentence is used as a verb of speech at all: 'reports'
and 'states' are nouns too ("Some reports said", "the only two Arab states"), 'reported to
prison' is going there, and a negated or passive verb claims nothing."""

from __future__ import annotations

import re

from summarizer.analysis.masking import DOT

_REPORTED_TO_PLACE = re.compile(
    r"\s+(?:to|for)\s+(?:(?:a|the|his|her|their|federal|state|county)\s+)*"
    r"(?:prison|jail|custody|duty|work|camp|barracks|base|training)\b",
    re.IGNORECASE,
)
_PHONED = re.compile(
    r"\s+(?:\d{3}\b|(?:the\s+)?police\b|(?:an\s+)?ambulance\b|for\s+(?:help|an\s+ambulance))",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:that|on|to|the|a|an|his|her|its|their|this|these|those|some|no|more|new)\b)"
    r"[a-z]+\b"
)
_TO_SOMEONE = re.compile(r"\s+to\s+(?!prison|jail|custody|duty|work)", re.IGNORECASE)
_CLAIMED_LIVES = re.compile(
    r"\s+(?:the\s+)?(?:[\w,.-]+\s+){0,4}?lives\b|\s+(?:the\s+)?(?:[\w,.-]+\s+){0,3}?victims?\b",
    re.IGNORECASE,
)
# a base form ('report', 'estimate') is a verb after a plural subject, a pronoun or an auxiliary
_BASE_FORMS = frozenset({"report", "estimate", "forecast", "claim"})
_BASE_VERB_SUBJECT = re.compile(
    r"(?:\b(?:i|we|you|they|to|will|would|could|can|may|might|must|should|did|do|does|not|"
    r"also|still|now|often|typically|usually)|[a-z]s)\s+$",
    re.IGNORECASE,
)
# a lowercase noun right before 'called' (not a pronoun, an auxiliary or an adverb)
_NAMING = re.compile(
    r"\b(?!(?:he|she|they|it|we|who|which|that|also|then|once|later|and|has|have|had|was|were|"
    r"is|are|been|publicly|repeatedly|previously|recently|again|never|not|just|only|first|"
    r"had|already)\b)[a-z][a-z-]+\s+$"
)
_CALLED_FOR = re.compile(r"\s+(?:for|on|upon|it|him|her|them|this|that|the|a|an|his|their|its)\b")
_INFINITIVE = re.compile(r"(?<!\bon )\bto\s+$")
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|reported|announced)\s+$", re.I
)
_ACTION_BEFORE = re.compile(r"\b(?:after|before|by|while|since|without|for|of)\s+$", re.I)
_NEGATED = re.compile(
    r"(?:n[\u2019']t|\bnot|\bnever|\b(?:declined|refused|declining|refusing)\s+to)\s+$",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+$", re.IGNORECASE)
_NOUN_VERBS = frozenset(
    {
        "forecast",
        "forecasts",
        "estimate",
        "estimates",
        "report",
        "reports",
        "claim",
        "claims",
        "states",
        "shows",
        "notes",
    }
)
# "where the group maintains a political office", "the ATF cited in the study": not speech
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|its|his|her|their|offices?|ties|contact)\b")
_PARTICIPLE_AFTER = re.compile(r"\s+(?:in|by)\b")
# "the Russian and Syrian claims are false", "filing backdated claims for the tax credit"
_NOUN_FOLLOWERS = re.compile(r"(?:are|were|have|had|for)\b")
# a plural noun-verb opening its clause, or after a quantifier, an adjective of news or a verb
# that takes reports as its object, is the noun: "Initial reports spoke of", "follows reports"
_PLURAL_NOUN_CONTEXT = re.compile(
    r"(?:^|[;:]|\b(?:meanwhile|however|but|yet|some|many|several|other|initial|preliminary|"
    r"early|earlier|unconfirmed|conflicting|separate|local|media|news|press|official|recent|latest|first|later|new|"
    r"previous|independent|follows|following|amid|despite|denied|dismissed|rejected|confirmed|"
    r"cited|citing|quoting|and|or))\W*$",
    re.IGNORECASE,
)
_KIND_OF_STATES = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|several|all|both|member|nation|island|city|"
    r"arab|gulf|baltic|nordic|western|eastern|southern|northern|african|european|asian|"
    r"american|muslim|islamic|neighbou?ring|rogue|border|coastal|sovereign|independent|"
    r"[a-z]+(?:ian|ese|ean))\s+$",
    re.IGNORECASE,
)
_ACRONYM_BEFORE = re.compile(r"\b(?:[A-Z][.\u2024]?){2,3}\s+$")
_COMPOUND_AFTER_LINK = re.compile(r"\b(?:and|or)\s+[A-Za-z-]+\s+$")
_BEFORE_NOUN = re.compile(r"\b(?:from|of|in|with|to|for|by|on|at|under|than)\s*$", re.IGNORECASE)


def noun_use(masked: str, match: re.Match[str]) -> bool:
    """'forecasts of 6.8%', 'up from estimates': words that are verbs and nouns, used as nouns
    (after a preposition, or before 'of')."""
    verb = match.group("verb").lower()
    if verb not in _NOUN_VERBS:
        return False
    after = masked[match.end() :].lstrip().lower()
    if after.startswith("of ") or (verb.endswith("s") and _NOUN_FOLLOWERS.match(after)):
        return True  # "forecasts of", "the Russian and Syrian claims are false"
    before = masked[: match.start()]
    if verb in _BASE_FORMS and not _BASE_VERB_SUBJECT.search(before):
        return True  # "a new departmental report which ...": no plural subject or auxiliary
    if verb.endswith("s") and _PLURAL_NOUN_CONTEXT.search(before):
        return True  # "Some reports said", "Meanwhile, reports from London say"
    if verb.endswith("s") and _COMPOUND_AFTER_LINK.search(before):
        return True  # "movies and TV shows from Pixar": a one-word modifier, then the noun
    if verb == "states" and (_KIND_OF_STATES.search(before) or _ACRONYM_BEFORE.search(before)):
        return True  # "the only two Arab states", "EU member states", "in U.S. states where"
    return _BEFORE_NOUN.search(before) is not None


def not_speech(masked: str, match: re.Match[str]) -> bool:
    """The verb `match` found claims nothing: a noun, a trip, a negation or a passive."""
    if noun_use(masked, match):
        return True  # "up from forecasts of 6.8%": a noun, not a verb
    verb = match.group("verb").lower()
    if verb.startswith("report") and _REPORTED_TO_PLACE.match(masked, match.end()):
        return True  # "Bannon, who reported to federal prison": he went there, said nothing
    if verb.startswith("call") and _PHONED.match(masked, match.end()):
        return True  # "spotted the car and called 911", "called police": a phone call
    if verb == "reporting" and _NOUN_AFTER.match(masked, match.end()):
        return True  # "One Napa County reporting station": an adjective
    if verb in {"reporting", "reports"} and _TO_SOMEONE.match(masked, match.end()):
        return True  # "a diplomat reporting to senior officials": whom she answers to
    if verb.startswith("maintain") and _OBJECT_AFTER.match(masked, match.end()):
        return True  # "the group maintains a political office": keeps it, says nothing
    if verb in {"cited", "mentioned", "noted"} and _PARTICIPLE_AFTER.match(masked, match.end()):
        return True  # "the Bureau of Alcohol, Tobacco, Firearms and Explosives cited in the study"
    if verb.startswith("claim") and _CLAIMED_LIVES.match(masked, match.end()):
        return True  # "fighting that has claimed hundreds of lives": deaths, not speech
    naming = verb == "called" and _NAMING.search(masked[: match.start("verb")]) is not None
    if naming and not _CALLED_FOR.match(masked, match.end()):
        return True  # "an outfit called shadowcrew.com", "a group called Hamas": a name
    if _INFINITIVE.search(masked[: match.start("verb")]):
        return True  # "amended the lawsuit to allege": what they meant to do, no claim yet
    if verb.endswith("ing") and _SPEECH_BEFORE.search(masked[: match.start("verb")]):
        return True  # "officials said warning shots were fired": a noun's modifier
    if verb.endswith("ing") and _ACTION_BEFORE.search(masked[: match.start("verb")]):
        return True  # "Then, after adding charging circuits": something done, not said
    if _NEGATED.search(masked[: match.start("verb")]):
        return True  # "the agency didn't estimate how many": no claim
    # "Guede, who was found to have ...": done to the subject, not said by it
    return _PASSIVE_BEFORE.search(masked[: match.start()]) is not None


# a noun phrase after 'says' that has a verb of its own is what was said, not who said it
# 'said Christie "has dedicated his efforts"': the quote is the predicate of what was said
_QUOTED_PREDICATE = re.compile(r"\s+[\"\u201c]")
_AFTER_QUOTE = re.compile(r"[\"\u201d]\s*$")
_FINITE_AFTER = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|could|can|should|must|may|might)\b"
)
# 'says the company respects the findings': a second determiner after a word that is no
# preposition, or a reporting verb, inside what follows 'says' makes it a clause, not a name
_CLAUSE_INSIDE = re.compile(
    r"\b(?!(?:of|for|at|in|on|from|to|with|by|and|or)\b)[a-z]+\s+(?:the|a|an|its|their|his|her)\s"
    r"|\b(?:said|says|told|tells)\b"
)


def _clause_not_name(words: str) -> bool:
    return _CLAUSE_INSIDE.search(words.replace(DOT, ".")) is not None


# "Prelogar, 43, argues the government's cases": the subject stands before, nothing is inverted
_NAME_AGE_BEFORE = re.compile(r"^\W*[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*,\s*\d{1,3},?\s*$")
# after an inverted speaker: a short time or place phrase, then punctuation or the end
_INVERTED_END = re.compile(
    r"\s*(?:(?:on|in|at|to|during|after|before|late|early|last|this)\b"
    r"(?:(?!\b(?:that|which|who|it|he|she|they|we)\b)[^,.;:!?]){0,40})?"
    r"\s*(?:[,.;:!?\u201c\u201d\"(]|$)"
)


_CLOSING = ("\u201d", '"', "\u2019", "'")


def _named(words: str) -> bool:
    """'Mohit Jain, a research engineer', 'the Foreign Ministry': a phrase opening with a
    capitalised name never starts a clause of content ('weekend road closures throughout ...')."""
    first = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.IGNORECASE)
    return first[:1].isupper()


def _runs_on(masked: str, verb_at: int, np_end: int) -> bool:
    """'Officials in Washington, warned residents on Monday that it would take days': after a
    comma (not a quote) the words after the verb go on as a clause, so they are its object."""
    after_quote = any(mark in masked[max(0, verb_at - 3) : verb_at + 2] for mark in _CLOSING)
    return not after_quote and _INVERTED_END.match(masked, np_end) is None


def not_inverted(masked: str, verb_at: int, np_start: int, np_end: int) -> bool:
    """`said X` where X is no speaker: what follows the verb is a clause of content."""
    words = masked[np_start:np_end]
    return bool(
        _FINITE_AFTER.match(masked, np_end)
        or (_QUOTED_PREDICATE.match(masked, np_end) and not _AFTER_QUOTE.search(masked[:verb_at]))
        or _clause_not_name(words)
        or _NAME_AGE_BEFORE.search(masked[:verb_at])
        or (not _named(words) and _runs_on(masked, verb_at, np_end))
    )
