"""Outcome verbs, mapped to one plain form so that figures of different sources compare."""

from __future__ import annotations

import re

from summarizer.analysis import vocabulary

# form -> plain outcome: 'died' -> 'killed', 'took part' -> 'protested'
OUTCOMES: dict[str, str] = {
    form: plain for plain, forms in vocabulary.groups("outcomes").items() for form in forms
}
INCLUDING = re.compile(r"\b(?:including|among them|of whom|of which)\s*$", re.IGNORECASE)
