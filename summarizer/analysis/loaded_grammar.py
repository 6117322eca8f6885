"""Removing a word without breaking the sentence around it.

An intensifier or emotive adjective is removed only where the sentence still reads after it:
never a predicative adjective ("the attack was brutal"), never leaving "a attack", a dangling
"and" or comma, a doubled space, a sentence starting lower-case, an adverb with nothing to modify
("potentially life-changing treatment") or a determiner before a verb ("the evil of war"). A
coordinated adjective takes its "and"/comma with it ("a long and brutal war" -> "a long war"). When
no clean removal exists the word stays and the caller reports it as left in place.

`Removal.plan` works on the text written so far (`out`) and the input still to copy, so a chain of
removals ("a very, very brutal attack") sees what its neighbours left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# after these an adjective is predicative or graded: removing it would leave "was ." or "most ."
COPULAS = _words(
    "is was were are be been being became become becomes seemed seems seem looked looks remain "
    "remained remains appeared appears proved prove proves sounded sounds felt feel feels "
    "get gets got getting grew grow grows"
)
DEGREE = _words(
    "so too most more less least how quite rather fairly pretty increasingly particularly "
    "especially equally sufficiently this that such"
)
NEGATIONS = _words(
    "not never no hardly barely scarcely isn't wasn't aren't weren't don't doesn't didn't "
    "won't can't cannot couldn't wouldn't shouldn't"
)
DETERMINERS = _words(
    "a an the this that these those its their his her our your my some any each every another "
    "no several many few"
)
PREPOSITIONS = _words(
    "in on at by for with from of into onto over under after before during amid amidst among "
    "against across through toward towards about around between despite without like"
)
FUNCTION_WORDS = (
    DETERMINERS
    | PREPOSITIONS
    | _words(
        "and or but nor so yet if than then that which who whom whose what when where while as "
        "is was were are be been being am has have had do does did will would shall should can "
        "could may might must to not it he she they we i you him them us me there here"
    )
)
# adverbs that may stand between an auxiliary and the verb: "have now soared", "has never plunged"
INSERTED_ADVERBS = _words(
    "now already also just since long still even all both never ever nearly almost more much "
    "further then not so far"
)
# words that end in -ly and are adjectives, not adverbs ("a costly and bloody war")
_LY_ADJECTIVES = _words(
    "costly deadly early likely unlikely only daily weekly monthly yearly elderly friendly "
    "lonely lovely ugly holy silly lively orderly timely bodily hourly"
)
_COMMON_ADJECTIVES = _words(
    "long short new old big small large great high low hard deep slow fast quick swift dark "
    "cold hot harsh bitter grim bleak tough strong weak heavy bad good poor rich wide broad "
    "sharp steep sudden rapid violent full major minor serious severe fresh intense fierce "
    "bloody brutal huge massive vast young senior fragile"
)
_ADJECTIVE_SUFFIXES = ("ous", "ful", "less", "able", "ible", "ive", "ic", "al", "ish")
# nouns with those suffixes that news often puts before "and"
_NOUNS = _words(
    "official general rival criminal individual local capital hospital executive detective "
    "relative representative captive native initiative offensive public republic clinic critic "
    "animal trial total signal journal arrival approval proposal festival principal national "
    "medical chemical music logic traffic"
)
_CONNECTOR_AFTER = re.compile(r"\s*,\s+|\s+(?:and|or|but)\s+")
_CONNECTOR_BEFORE = re.compile(r"(?:,\s+|\s+(?:and|or|but)\s+)$")
_WORD_AFTER = re.compile(r"[ \t]+(?=[\w$£€])")
_PUNCT_AFTER = re.compile(r"[ \t]*(?:[.;:!?)\]\"”’]|$|\n|—|\s[-–]{1,2}\s)")
_LAST_WORDS = re.compile(
    r"([^\W\d_]+(?:['’-][^\W\d_]+)*)(?:\s+([^\W\d_]+(?:['’-][^\W\d_]+)*))?\s*$"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")
_ARTICLE = re.compile(r"(?<![\w'’])(a|an|A|An|AN)(\s+)$")
_SENTENCE_END = re.compile(r"(?:^|[.!?\n])[\s\"“‘'(]*$")
# what a removal must not leave behind (counted before and after; more after = broken)
_BROKEN = [
    re.compile(rf"(?=({pattern}))")  # a lookahead: overlapping cases are all counted
    for pattern in (
        r"[ \t]{2,}",
        r"\s[,.;:!?]",
        r"[,;:]\s*[,.;:!?]",
        r"(?i:\b(?:a|an|the|and|or|but|of|to|very|most|more)[ \t]*[,.;:!?])",
        r"(?i:\b(?:a|an|the)\s+(?:a|an|the|of|and|or|but|is|was|were|are|to|in|on|by)\b)",
        r"(?i:\b(?:and|or|but)\s+(?:and|or|but)\b)",
        r"[.!?]\s+[a-z]",
        r"^\s*[,;:.]",
    )
]


def is_adverb(word: str) -> bool:
    return (word.endswith("ly") and word not in _LY_ADJECTIVES) or word == "very"


def _adjective_like(word: str, before: str | None) -> bool:
    if word in _COMMON_ADJECTIVES or word in _LY_ADJECTIVES:
        return True
    if word in _NOUNS:
        return False
    if word.endswith(("ed", "ing")):
        return before in DETERMINERS
    return word.endswith(_ADJECTIVE_SUFFIXES) or is_adverb(word)


def last_words(out: str) -> tuple[str | None, str | None]:
    """The last word of `out` when only spaces follow it, and the word before that."""
    found = _LAST_WORDS.search(out[-80:])
    if found is None:
        return None, None
    last = found.group(2) or found.group(1)
    before = found.group(1) if found.group(2) else None
    if before is None:
        previous = _LAST_WORDS.search(out[-80 : len(out) - len(found.group(0))])
        before = previous.group(2) or previous.group(1) if previous else None
    return last.lower(), before.lower() if before else None


def at_sentence_start(out: str) -> bool:
    return _SENTENCE_END.search(out[-40:]) is not None


def _an(next_word: str) -> str:
    """'a' or 'an' before `next_word`, by its sound for the common exceptions."""
    digits = re.match(r"\d+", next_word)
    if digits is not None:  # 'an 8-hour', 'an 11-year-old', 'an 18%', 'a 24-hour'
        number = digits.group()
        return "an" if number.startswith("8") or number in ("11", "18") else "a"
    letters = next_word.replace(".", "")
    if letters.isupper() and len(letters) <= 3:  # initialisms by letter name: 'an FBI', 'a U.N.'
        return "an" if letters[:1] in "AEFHILMNORSX" else "a"
    lower = next_word.lower()
    if lower.startswith(("hour", "honest", "honour", "honor", "heir")):
        return "an"
    if lower.startswith(("uni", "use", "usu", "eu", "one", "once", "ukrain")):
        return "a"
    return "an" if lower[:1] in ("a", "e", "i", "o", "u") else "a"


def fix_article(out: str, next_word: str) -> str:
    """`out` with a trailing 'a'/'an' made to agree with the word written next."""
    article = _ARTICLE.search(out[-10:]) if next_word else None
    if article is None:
        return out
    written = article.group(1)
    wanted = _an(next_word)
    fixed = wanted.capitalize() if written[:1].isupper() else wanted
    if written.isupper() and len(written) > 1:
        fixed = wanted.upper()
    return out[: len(out) - len(article.group(0))] + fixed + article.group(2)


def without_repeat(out: str, replacement: str) -> str | None:
    """`out` without its trailing 'and'/'or'/comma when the word before it is `replacement`
    ('abuses and atrocities' -> 'abuses', not 'abuses and abuses'); None when it is not."""
    connector = _CONNECTOR_BEFORE.search(out[-12:])
    if connector is None:
        return None
    trimmed = out[: len(out) - len(connector.group(0))]
    before = trimmed[-len(replacement) - 1 :].lower()
    if before[1:] == replacement.lower() and not before[:1].isalnum():
        return trimmed
    return None


def next_word(text: str, position: int) -> str:
    found = _WORD.search(text, position, min(len(text), position + 60))
    return found.group() if found else ""


def next_token(text: str, position: int) -> str:
    """The word or number written next, for choosing 'a' or 'an' ('a 24-hour', 'an 8%')."""
    found = _TOKEN.search(text, position, min(len(text), position + 60))
    return found.group() if found else ""


def _damage(window: str) -> list[int]:
    return [len(pattern.findall(window)) for pattern in _BROKEN]


@dataclass(frozen=True)
class Removal:
    out: str  # the text written so far, trimmed of a connector the removal takes with it
    resume: int  # where copying the input resumes
    capitalise: bool  # the next word starts a sentence and must be capitalised

    @staticmethod
    def plan(
        text: str, out: str, start: int, end: int, adverb: bool, chained: bool, at_end_ok: bool
    ) -> Removal | None:
        """How to remove text[start:end] cleanly after `out`, or None when it cannot be.

        `chained`: a removable term follows right after a connector ('brutal and bloody');
        `at_end_ok`: an adverb that may go at the end of a clause ('beaten brutally.').
        """
        step = _step(text, out, start, end, adverb, chained, at_end_ok)
        if step is None:
            return None
        new_out, resume = step
        capitalise = at_sentence_start(out) and text[start:end][:1].isupper()
        new_out = fix_article(new_out, next_token(text, resume))
        following = text[resume : resume + 40]
        if capitalise:
            following = following[:1].upper() + following[1:]
        before = out[-40:] + text[start : resume + 40]
        damage = zip(_damage(new_out[-40:] + following), _damage(before), strict=True)
        if any(after > was for after, was in damage):
            return None
        return Removal(new_out, resume, capitalise)


def _step(
    text: str, out: str, start: int, end: int, adverb: bool, chained: bool, at_end_ok: bool
) -> tuple[str, int] | None:
    previous, _ = last_words(out)
    attached = out[-1:].isspace() and previous is not None  # only spaces since that word
    if not adverb and attached:
        if previous in COPULAS or previous in DEGREE:
            return None  # 'the attack was brutal', 'the most brutal attack'
        if previous == "as" and text.startswith(" as ", end):
            return None  # 'as brutal as'
        if is_adverb(previous or ""):
            return None  # 'potentially life-changing treatment'
    connector_before = _CONNECTOR_BEFORE.search(out[-12:])
    connector_after = _CONNECTOR_AFTER.match(text, end)
    if connector_after is not None and chained:
        return out, connector_after.end()  # 'brutal and bloody war', 'very, very difficult'
    if connector_after is not None:
        connectors = (connector_before, connector_after)
        return _in_list(text, out, connectors, adverb, previous, at_end_ok)
    trimmed = out[: len(out) - len(connector_before.group(0))] if connector_before else out
    joined, joined_before = last_words(trimmed + " ")  # the word before the connector
    if _PUNCT_AFTER.match(text, end):
        if connector_before is not None:
            if joined is None or is_adverb(joined) or not _adjective_like(joined, None):
                return None  # 'the plan was, frankly, absurd.'
            return trimmed, end  # 'long and brutal.'
        if adverb and at_end_ok and attached:
            return out.rstrip(), end  # 'beaten brutally.'
        return None
    word_after = _WORD_AFTER.match(text, end)
    if word_after is None:
        return None
    if not adverb and next_word(text, word_after.end()).lower() in FUNCTION_WORDS:
        return None  # 'the evil of war'
    if connector_before is None:
        return out, word_after.end()
    if joined is not None and _adjective_like(joined, joined_before):
        return trimmed, end  # 'a long and brutal war'
    if joined_before in DETERMINERS and not (joined or "").endswith("s"):
        return None  # 'a secret and brutal campaign': is 'secret' an adjective or a noun?
    return out, word_after.end()  # 'soldiers and innocent civilians'


def _in_list(
    text: str,
    out: str,
    connectors: tuple[re.Match[str] | None, re.Match[str]],
    adverb: bool,
    previous: str | None,
    at_end_ok: bool,
) -> tuple[str, int] | None:
    """A term followed by ', ' or ' and ': in a list of adjectives, or a sentence adverb."""
    connector_before, connector_after = connectors
    comma_after = "," in connector_after.group(0)
    following = next_word(text, connector_after.end()).lower()
    if connector_before is not None and "," in connector_before.group(0):
        trimmed = out[: len(out) - len(connector_before.group(0))]
        if adverb and comma_after:
            return trimmed + " ", connector_after.end()  # 'the plan, clearly, failed'
        joined, before = last_words(trimmed + " ")
        if joined is not None and not is_adverb(joined) and _adjective_like(joined, before):
            return trimmed, connector_after.start()  # 'long, brutal and costly'
        return None  # 'the war, brutal and long, ...'
    if connector_before is not None:
        return None
    if adverb:
        if comma_after and at_sentence_start(out):
            return out, connector_after.end()  # 'Clearly, the plan failed'
        if not comma_after and (is_adverb(following) or _adjective_like(following, None)):
            return out, connector_after.end()  # 'brutally and systematically'
        if at_end_ok and out[-1:].isspace() and previous is not None:
            return out.rstrip(), connector_after.start()  # 'fought fiercely and won'
        return None
    attributive = previous is None or previous in DETERMINERS or previous in PREPOSITIONS
    if attributive and _adjective_like(following, previous):
        return out, connector_after.end()  # 'a brutal, costly war', 'a brutal and protracted war'
    return None
