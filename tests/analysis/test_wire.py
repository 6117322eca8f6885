"""Wire and web noise: datelines, credit lines, promos and photo credits are not the story."""

from __future__ import annotations

import pytest

from summarizer.analysis import wire
from summarizer.analysis.segment import segment


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("BAGHDAD (Reuters) - A car bomb killed 26 people in a market.", "BAGHDAD (Reuters) - "),
        (
            "WASHINGTON, May 2 (Reuters) - The Senate passed the bill.",
            "WASHINGTON, May 2 (Reuters) - ",
        ),
        ("(CNN) -- A winter storm struck the eastern United States.", "(CNN) -- "),
        ("CAIRO — Gunmen opened fire on visitors at a museum.", "CAIRO — "),
        ("NEW DELHI (PTI): Heavy rain lashed the capital on Monday.", "NEW DELHI (PTI): "),
        # a scraped wire story that lost its "(Reuters) -"
        ("SEOUL Qualcomm Inc said on Thursday Samsung would make its chip.", "SEOUL "),
        ("MADAYA, Syria An aid convoy entered a besieged town.", "MADAYA, Syria "),
        (
            "LAHORE/ISLAMABAD, Pakistan A suicide bomber struck a park.",
            "LAHORE/ISLAMABAD, Pakistan ",
        ),
        # not datelines: an acronym or a plain capitalised subject opens the lede
        ("NATO Secretary-General Jens Stoltenberg said the alliance would respond.", ""),
        ("The U.S. economy added 200,000 jobs in March.", ""),
        ("IBM is not considering this as a business.", ""),
    ],
)
def test_datelines(paragraph: str, dateline: str) -> None:
    assert paragraph[: wire.dateline_end(paragraph)] == dateline


@pytest.mark.parametrize(
    ("paragraph", "credit"),
    [
        ("(Reporting by John Davison; Editing by Hugh Lawson and Giles Elgood)", True),
        ("Additional reporting by Kinda Makieh in Damascus", True),
        ("CNN's Jason Carroll and Ben Brumfield contributed to this report.", True),
        ("($1 = 118.55 yen)", True),
        ("By John Smith and Jane Doe, Associated Press", True),
        ("Follow Tia Ghose on Twitter and Google+. Originally published on Live Science.", True),
        ("CNNMoney (New York) First published February 1, 2016: 1:28 AM ET", True),
        ("This article originally appeared on VICE US.", True),
        (  # a desk story's credit, bracketed, naming many reporters in many cities
            "(Additional reporting by "
            + ", ".join(f"Reporter{n} Name{n} in CITY{n}" for n in range(20))
            + "; Writing by Dean Yates; Editing by Michael Perry)",
            True,
        ),
        ("By the end of the year, prices had risen 4%.", False),
        ("Reporting from the front line, the officer said troops had advanced.", False),
    ],
)
def test_credit_lines(paragraph: str, credit: bool) -> None:
    assert wire.is_credit_line(paragraph) is credit


def test_promos_and_photo_credits() -> None:
    assert wire.is_promo("Are you affected? Please share your videos, pictures and stories.")
    assert wire.is_photo_credit("Credit: WhiteHaven/Shutterstock.com")
    assert wire.is_photo_credit("Photo: Reuters")
    assert not wire.is_photo_credit("Credit rating agencies said the bank would be downgraded.")


def test_segment_marks_noise_and_keeps_offsets() -> None:
    text = (
        "Please share your photos of the storm at our site.\n\n"
        "BAGHDAD (Reuters) - A car bomb killed 26 people in a Baghdad market on Sunday, police "
        "said.\n\n"
        "Rescuers searched the rubble.\n\n"
        "A woman mourns outside the market.\n\n"
        "Photo: Reuters\n\n"
        "(Reporting by Ahmed Rasheed; Editing by Peter Graff)"
    )
    sentences = segment(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    reporting = [s for s in sentences if s.is_reporting]
    assert [s.content for s in reporting] == [
        "A car bomb killed 26 people in a Baghdad market on Sunday, police said.",
        "Rescuers searched the rubble.",
    ]
    assert reporting[0].content_start == text.index("A car bomb")
    caption = next(s for s in sentences if s.text.startswith("A woman mourns"))
    assert caption.is_caption  # the paragraph before a photo credit is the picture's caption
