"""Shortening a news sentence to its main clause without cutting a phrase in two.

Headlines (at most 15 words) and event descriptions (about 30) are cut from the article's own
sentences. A cut at a word count leaves "...Average hourly earnings rose 5" or "...for the rape."
(for "rape and murder"). Here the sentence is shortened only by removing whole pieces, the ones
an editor removes: the attribution tail (", officials said"), asides in brackets and dashes, a
leading subordinate clause ("After nearly 20 years of hostile relations, ..."), appositives and
relative clauses between commas, descriptors before a name ("cyber security firm CrowdStrike"),
what follows a clause boundary (", killing ...", " as ...", "; ..."), trailing adjuncts; or by
keeping only what follows a colon. Every combination is a candidate; the one that fits, ends
whole and keeps the most information (numbers, names, the main verb's object) wins.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from summarizer.analysis import vocabulary

_WEAK_END = vocabulary.words("weak_line_ends")
_NEEDS_COMPLEMENT = vocabulary.words("complement_participles")
_AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "got"}
_SUBORDINATORS = vocabulary.words("leading_subordinators")
_BOUNDARY_OPENERS = vocabulary.alternation(vocabulary.ordered("clause_boundary_openers"))
_LEAD_FILLER = re.compile(r"^(?:But|And|So|Yet|Meanwhile|However|Still|Now|Also),?\s+")
_ATTRIBUTION_TAIL = re.compile(
    r"(?:,|\s[-\u2013\u2014])\s*(?:[^,;]{1,60}\s(?:said|says|added|adds|reported|told\s[^,;]{1,40}"
    r"|confirmed|announced|estimated|warned|wrote|noted)|according\s+to\s[^,;]{1,160}"
    r"|(?:said|says|added)\s[^,;]{1,60})(?:\s+(?:on|in|late|early)\s+\w+)?$"
)
_BRACKETS = re.compile(r"\s*\([^()]{1,120}\)")
_DASH_ASIDE = re.compile(
    r"\s*[\u2013\u2014]\s[^\u2013\u2014]{1,120}?\s[\u2013\u2014](?=\s)|\s+-{1,2}\s[^-]{1,120}?\s-{1,2}(?=\s)"
)
# a relative clause with no commas that ends right before the main clause's auxiliary: "Two
# hostages who had been held by the Taliban since 2016 | were released Tuesday"
_BARE_RELATIVE = re.compile(
    r"\s(?:who|that|which)\s(?:had|has|have|was|were|is|are)\s(?:been\s)?[a-z]+(?:ed|en)\b"
    r"[^,;:]{0,80}?(?=\s(?:were|was|are|is|have|has|had|will)\s)"
)
# "on Tuesday", "late Sunday", "earlier this month": when, which a headline can leave out
_TIME_ADVERBIAL = re.compile(
    rf"\s(?:(?:on|late|early)\s+(?:{vocabulary.WEEKDAYS})"
    r"(?:\s+(?:night|morning|afternoon|evening))?|(?:earlier|later)\s+(?:this|last)\s+"
    r"(?:week|month|year)|(?:this|last)\s+(?:week|month))(?=[\s,.;:])"
)
_APPOSITIVE = re.compile(
    r",\s(?:(?:who|which|whose|where)\s[^,]{2,90}|(?:a|an|the|its|his|her|their)\s[^,]{2,70}"
    r"|(?:many|some|most|all|one|two|three|several|none|each)\s+of\s+(?:whom|which|them)\s[^,]{2,60}"
    r"|(?:including|among\s+them|such\s+as)\s[^,]{2,60}"
    r"|[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*){0,3}),(?=\s)"
)
# lower-case descriptors before a capitalised name: "cyber security firm CrowdStrike"
_DESCRIPTOR_HEADS = vocabulary.alternation(
    vocabulary.words("role_heads")
    | vocabulary.words("company_nouns")
    | vocabulary.words("descriptor_nouns")
)
# the descriptor follows a preposition, a conjunction or an article, never a name
_DESCRIPTOR = re.compile(
    r"\b(?:at|by|and|with|from|for|of|to|on|against|the|a|an)\s"
    rf"(?P<descriptor>(?:[a-z][\w-]*\s){{0,2}}(?:{_DESCRIPTOR_HEADS})\s)(?=[A-Z][\w&'\u2019.-]+)"
)
_BOUNDARY = re.compile(
    rf"(?:,\s+|\s+)(?:{_BOUNDARY_OPENERS})\b|;\s|\s[\u2013\u2014]\s|\s-{{1,2}}\s|,\s"
)
_PHRASE_CUT = re.compile(
    r"\s(?=(?:in|on|at|for|with|from|by|during|after|before|as|over|near|amid|since)\s)"
)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    r"did|does|do|" + vocabulary.alternation(vocabulary.words("irregular_finite_verbs")) + r")\b"
    r"|\b\w{2,}ed\b|\b\w{3,}(?<!s)s\b"
)
_INFORMATION = re.compile(r"\d[\d,.]*|\b[A-Z][\w'\u2019-]+")
_EVENT_VOCABULARY = (
    vocabulary.words("violent_event_verbs")
    | vocabulary.words("event_verbs")
    | vocabulary.words("event_nouns")
)
_EVENT_WORDS = re.compile(rf"\b(?:{vocabulary.alternation(_EVENT_VOCABULARY)})\b", re.IGNORECASE)
# "Qualcomm Inc", "Samsung Electronics Co Ltd": the suffix adds nothing to a headline
_CORPORATE_SUFFIX = re.compile(r"\s(?:Inc|Co|Ltd|Corp|Plc|PLC|LLC|SA|AG|NV|Holdings)\b\.?(?=[\s,])")
# "Qualcomm said on Thursday Samsung will...": the day goes, the attribution stays
_SAID_WHEN = re.compile(
    r"\b(said|says|announced|reported)\s+(?:on|late|early)\s+"
    rf"(?:{vocabulary.WEEKDAYS})\b"
)
# 'after heavy monsoon rains triggered deadly landslides ...': the cause is often the news
_SUBORDINATE = re.compile(r"\b(?:after|as|when|because)\s+(?P<clause>[^,;]{20,})")
_DASH = re.compile(r"\s(?:-{1,2}|[\u2013\u2014])\s")


@dataclass(frozen=True)
class _Variant:
    text: str
    removed: int  # pieces taken out whole (asides, appositives, a leading clause)
    cut: bool  # the end was cut off: the predicate may have lost its object
    leading_clause: bool  # still opens with a subordinate clause (background, not the news)


# Cuts further in than this many words are never tried: a clause keeps at most ~20 words and an
# attribution tail strips at most ~55 more, so no such cut can fit, and trying each one made a
# long unpunctuated sentence quadratic ('- - - ...' of 6,000 characters took 1.3 s)
_MAX_CUT_WORDS = 100


def words_of(text: str) -> int:
    return len(text.split())


def whole(text: str) -> bool:
    """Not ending on a function word, a dangling conjunction or a verb that lost its object
    ('..., killing')."""
    words = [re.sub(r"[^\w'\u2019]", "", word).lower() for word in text.split()[-2:]]
    last = words[-1] if words else ""
    before = words[0] if len(words) == 2 else ""
    # 'areas packed' (with civilians) lost its complement; 'it was packed' did not
    lost_complement = last in _NEEDS_COMPLEMENT and before not in _AUXILIARIES
    return bool(last) and last not in _WEAK_END and not last.endswith("ing") and not lost_complement


def main_clause(
    sentence: str,
    max_words: int,
    keep_attribution: bool = False,
    prefer: frozenset[str] = frozenset(),
) -> str | None:
    """`sentence` shortened to at most `max_words` words by removing whole pieces; None when
    no combination leaves a whole clause. No final period; the first letter upper-case.
    `prefer`: word stems (five letters) of the article's own title; a piece that keeps more of
    them keeps more of what the publisher called the news."""
    text = _LEAD_FILLER.sub("", " ".join(sentence.split())).rstrip(" .")
    text = _SAID_WHEN.sub(r"\1", _CORPORATE_SUFFIX.sub("", text))
    stripped = text if keep_attribution else _strip_attribution(text)
    bases = [stripped]
    after_colon = _after_colon(stripped)
    if after_colon:
        bases.append(after_colon)
    subordinate = _SUBORDINATE.search(stripped)
    if subordinate and _EVENT_WORDS.search(subordinate.group("clause")):
        bases.append(subordinate.group("clause"))
    best = _best(bases, max_words, sentence, prefer) or _best([text], max_words, sentence, prefer)
    return best[0].upper() + best[1:] if best else None


def _best(
    bases: list[str], max_words: int, source: str, prefer: frozenset[str] = frozenset()
) -> str | None:
    best: tuple[float, str] | None = None
    for base in dict.fromkeys(bases):
        for variant in _variants(base):
            candidate = variant.text.strip(" ,;:-\u2013\u2014")
            if not _fits(candidate, max_words, source):
                continue
            score = _information(candidate) - 0.3 * variant.removed
            score -= 2.0 * variant.cut + 1.0 * variant.leading_clause
            if prefer:
                kept = {w[:5] for w in re.findall(r"[a-z]{4,}", candidate.lower())}
                score += 3.0 * len(prefer & kept) / len(prefer)
            if best is None or score > best[0]:
                best = (score, candidate)
    return best[1] if best else None


def _fits(candidate: str, max_words: int, source: str) -> bool:
    return (
        4 <= words_of(candidate) <= max_words
        and whole(candidate)
        and bool(_VERB.search(candidate))
        and len(_DASH.findall(candidate)) % 2 == 0  # not inside a dash aside
        and not _splits_coordination(candidate, source)
        and not _open_appositive(candidate, source)
    )


def _open_appositive(candidate: str, source: str) -> bool:
    """'The deal comes as Samsung, a major Apple supplier' when the article goes on ', is...':
    the appositive was opened and the clause it interrupts was cut."""
    last = candidate.rsplit(", ", 1)
    if len(last) < 2 or last[1].split(" ", 1)[0].lower() not in {"a", "an", "the", "its"}:
        return False
    at = source.find(last[1])
    return at >= 0 and source[at + len(last[1]) :].startswith(",")


def _splits_coordination(candidate: str, source: str) -> bool:
    """'for the rape' when the article says 'for the rape and murder': half a pair."""
    tail = " ".join(candidate.split()[-3:])
    at = source.find(tail)
    return at >= 0 and bool(re.match(r"\s+(?:and|or|nor)\s+\w", source[at + len(tail) :]))


def _information(text: str) -> float:
    """Numbers and names carry the news, and so do event words; other words add a little."""
    found = 2.0 * len(_INFORMATION.findall(text[1:])) + 2.0 * len(_EVENT_WORDS.findall(text))
    return found + 0.3 * words_of(text)


def _strip_attribution(text: str) -> str:
    stripped = _ATTRIBUTION_TAIL.sub("", text)
    return stripped if words_of(stripped) >= 4 else text


def _after_colon(text: str) -> str | None:
    """'...something investors may not want to hear: the U.S. economy may be doing well but
    corporate profits are in a recession' -> what follows the colon, when it is a clause."""
    head, colon, rest = text.partition(": ")
    return rest if colon and words_of(rest) >= 5 and words_of(head) >= 5 else None


def _leading_clause(text: str) -> tuple[int, int] | None:
    first = text.split(" ", 1)[0].lower()
    comma = text.find(", ")
    if first in _SUBORDINATORS and 0 < comma < 0.7 * len(text):
        return (0, comma + 2)
    return None


def _removals(text: str) -> list[tuple[int, int]]:
    """Spans that can each be removed whole."""
    spans = [m.span() for m in _BRACKETS.finditer(text)]
    spans += [m.span() for m in _DASH_ASIDE.finditer(text)]
    spans += [m.span() for m in _APPOSITIVE.finditer(text)]
    spans += [m.span("descriptor") for m in _DESCRIPTOR.finditer(text)]
    spans += [m.span() for m in _BARE_RELATIVE.finditer(text)]
    spans += [m.span() for m in _TIME_ADVERBIAL.finditer(text)]
    leading = _leading_clause(text)
    return ([leading] if leading else []) + spans[:5]


def _cuts(text: str) -> list[int]:
    """Where the text may end: before a clause boundary, before an adjunct's preposition."""
    verb = _VERB.search(text)
    after = verb.end() if verb else 0
    ends = [m.start() for m in _BOUNDARY.finditer(text, after)]
    ends += [m.start() for m in _PHRASE_CUT.finditer(text, after)]
    return sorted(set(ends))


def _variants(text: str) -> list[_Variant]:
    removals = _removals(text)
    leading = _leading_clause(text)
    variants: list[_Variant] = []
    for count in range(len(removals) + 1):
        for chosen in itertools.combinations(removals, count):
            if _overlap(chosen):
                continue
            opens_with_clause = leading is not None and leading not in chosen
            shortened = _remove(text, chosen)
            reach = _word_reach(shortened, _MAX_CUT_WORDS)
            for end in [len(shortened), *(end for end in _cuts(shortened) if end <= reach)]:
                cut = shortened[:end]
                for final in dict.fromkeys([cut, _strip_attribution(cut)]):
                    variants.append(_Variant(final, count, end < len(shortened), opens_with_clause))
    return variants


def _word_reach(text: str, words: int) -> int:
    """Offset just past the first `words` words of `text` (its end when it has fewer)."""
    match = re.match(rf"\s*(?:\S+\s+){{{words}}}", text)
    return match.end() if match else len(text)


def _overlap(spans: tuple[tuple[int, int], ...]) -> bool:
    ordered = sorted(spans)
    return any(a[1] > b[0] for a, b in itertools.pairwise(ordered))


def _remove(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return " ".join(text.split())
