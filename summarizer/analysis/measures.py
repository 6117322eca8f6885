"""Outcome verbs, mapped to one plain form so that figures of different sources compare."""

from __future__ import annotations

import re

OUTCOMES: dict[str, str] = {}
for _plain, _forms in (
    ("killed", "killed died dead deaths death slaughtered massacred murdered executed perished"),
    ("wounded", "wounded injured hurt maimed"),
    ("lost", "lost losses"),
    ("missing", "missing disappeared"),
    ("displaced", "displaced fled evacuated homeless"),
    ("destroyed", "destroyed damaged flattened razed"),
    ("arrested", "arrested detained jailed"),
    ("rescued", "rescued saved"),
    ("infected", "infected sickened"),
    ("hospitalised", "hospitalised hospitalized admitted"),
    ("rose", "rose risen increased grew jumped climbed surged soared"),
    ("fell", "fell fallen decreased dropped declined shrank slumped plunged"),
    ("raised", "raised hiked"),
    ("cut", "cut lowered reduced slashed"),
    ("protested", "protested marched rallied gathered demonstrated attended"),
    ("voted", "voted"),
    ("paid", "paid spent cost costs"),
    ("sentenced", "sentenced fined"),
):
    OUTCOMES.update(dict.fromkeys(_forms.split(), _plain))
OUTCOMES.update({"took part": "protested", "turned out": "protested"})  # two-word verbs
INCLUDING = re.compile(r"\b(?:including|among them|of whom|of which)\s*$", re.IGNORECASE)
