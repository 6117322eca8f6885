"""Who 'the company', 'the president', 'they' and 'its website' are; staff of a named body;
figures in a leading background clause; a paragraph that closes on its speaker."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from tests.support.analysis import assert_sources, quote_speakers, source_names


def test_the_company_is_the_one_word_company_that_just_spoke() -> None:
    text = (
        "Halvorsen, which is based in Oslo, said the fine was unfair. "
        "\u201cWe have always followed the rules in every market,\u201d the company said in a "
        "statement."
    )
    assert quote_speakers(text) == {"We have always": "Halvorsen"}
    assert "company" not in source_names(text)


def test_the_company_is_not_a_company_that_spoke_paragraphs_ago() -> None:
    text = (
        "Halvorsen said the fine was unfair.\n\nRegulators met on Friday. The meeting was long. "
        "Inspectors visited three sites.\n\n\u201cWe will appeal the decision,\u201d the company "
        "said."
    )
    assert quote_speakers(text)["We will appeal"] != "Halvorsen"


def test_its_website_is_read_once_and_belongs_to_the_body() -> None:
    text = (
        "Halvorsen said the ruling was wrong. Halvorsen has trained 4,000 farmers since 2015, "
        "according to its website."
    )
    names = source_names(text)
    assert names.count("Halvorsen website") == 1, names
    assert not any(name.endswith("website website") for name in names), names


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("President Ana Varela said the vote failed.", "the president"),
        ("Ana Varela, the country's president, said the vote failed.", "the president"),
        ("Finance Minister Ana Varela said the vote failed.", "the minister"),
    ],
)
def test_the_role_noun_is_the_one_person_who_holds_it(first: str, later: str) -> None:
    text = f"{first} Later, {later} said \u201cwe will try again next year with more votes.\u201d"
    assert quote_speakers(text) == {"we will try": "Ana Varela"}


def test_a_role_two_people_hold_stays_unresolved() -> None:
    text = (
        "Finance Minister Ana Varela said no. Trade Minister Luis Ortega said yes. "
        "The minister said \u201cthe talks will go on until the end of the month.\u201d"
    )
    assert quote_speakers(text)["the talks will"] not in {"Ana Varela", "Luis Ortega"}


@pytest.mark.parametrize(
    ("text", "body", "staff"),
    [
        ("Analysts at Brandt Capital said demand could slow.", "Brandt Capital", "analysts"),
        ("Economists at the Bank of Ostrava warned that prices would rise.",
         "Bank of Ostrava", "economists"),
        ("Doctors at Saint Mary Hospital said 12 people were treated.",
         "Saint Mary Hospital", "doctors"),
    ],
)  # fmt: skip
def test_staff_at_a_named_body_speak_for_it(text: str, body: str, staff: str) -> None:
    sources = [(s.name, s.role, s.kind) for s in analyse(text).sources]
    assert (body, staff, "organisation") in sources, sources


def test_staff_at_a_named_body_are_they_in_the_next_quote() -> None:
    text = (
        "Analysts at Brandt Capital warned on Monday that demand could slow. "
        "\u201cAny slowing in demand could delay a recovery,\u201d they said in a note."
    )
    assert quote_speakers(text) == {"Any slowing in": "Brandt Capital"}


def _claimant_of(text: str, number: str) -> str | None:
    for figure in analyse(text).figures:
        if figure.number.text == number:
            return figure.source.name if figure.source else None
    raise AssertionError(f"no figure {number!r}")


@pytest.mark.parametrize(
    "text",
    [
        "After 14 miners died in the collapse in March, the minister said safety would improve.",
        "Since 300 homes were flooded last year, the mayor has said the levee must be raised.",
    ],
)
def test_a_figure_in_a_leading_background_clause_is_the_reporters(text: str) -> None:
    number = "14" if "14" in text else "300"
    assert _claimant_of(text, number) is None


def test_a_figure_after_the_leading_clause_is_the_speakers() -> None:
    text = "After the storm passed, officials said 12 people had died."
    assert _claimant_of(text, "12") == "officials"


def test_a_data_paragraph_closing_on_its_speaker() -> None:
    text = (
        "Stocks of grain fell last week, the ministry said on Monday.\n\n"
        "Wheat stocks fell by 1.2 million tonnes to 40 million. "
        "Maize stocks fell by 300,000 tonnes, the agriculture board said.\n\n"
        "Prices rose."
    )
    assert _claimant_of(text, "1.2 million tonnes") == "agriculture board"


def test_a_longer_paragraph_does_not_lend_its_closing_speaker() -> None:
    text = (
        "Wheat is grown in 11 regions. Most farms are small, the board said. "
        "Yields vary, they wrote.\n\nPrices rose."
    )
    assert _claimant_of(text, "11") is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a day after 'said' is no speaker; the name before the appositive speaks
        ("\u201cThe launch went badly for us,\u201d Okafor, the company\u2019s head of "
         "streaming, said Tuesday at a conference.", "Okafor"),
        # 'Name of the X in City, Country, said': the name after the quote, not the country
        ("\u201cThe colonies will not recover soon,\u201d Ana Ruiz of the University of Leon "
         "in Leon, Spain, said to reporters.", "Ana Ruiz"),
        # a party and district between a name and its verb
        ("State Sen. Dana Whitby (R-Fairfield), for example, said the governor \u201chas "
         "worked hard for every family in the state.\u201d", "Dana Whitby"),
        # the quote's own reporting clause, not the sentence before that ends in 'said'
        ("The fire will be hard to fight, local officials said. \u201cWe do not know if we "
         "will get air support today,\u201d sheriff\u2019s spokesperson Lena Marsh said.",
         "Lena Marsh"),
    ],
)  # fmt: skip
def test_the_speaker_of_a_quote_in_awkward_clauses(text: str, speaker: str) -> None:
    assert list(quote_speakers(text).values()) == [speaker]


def test_a_day_or_a_quantifier_is_never_a_source() -> None:
    names = source_names(
        "\u201cWe fixed it,\u201d Okafor, the chairman, said Friday. Others reported being "
        "logged off. The service offers films and TV shows from three studios."
    )
    assert "Friday" not in names and "Others" not in names and "TV" not in names, names


def test_she_is_the_person_named_after_her_role() -> None:
    text = (
        "Tom Reyes said the search would go on. The mayor of Duluth, Carla Brandt, comforted "
        "relatives on Monday.\n\n\u201cThey are with us in our prayers,\u201d she said."
    )
    assert quote_speakers(text) == {"They are with": "Carla Brandt"}


def test_a_quote_after_a_sentence_about_a_person_is_theirs() -> None:
    text = (
        "Tom Reyes, a lawyer, said the case was different. \u201cThey will appeal,\u201d he "
        "said.\n\nThe family\u2019s lawyer, Nadia Osei, had a shorter statement after the "
        "ruling. \u201cThis ruling will change how every online store does business.\u201d"
    )
    assert quote_speakers(text)["This ruling will"] == "Nadia Osei"
    assert "Nadia Osei" in source_names(text)


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("Secretary of State Ana Varela said on Friday that talks had stalled.",
         "the top US diplomat"),
        ("Tech investor Ana Varela said the deal was off.", "the billionaire"),
    ],
)  # fmt: skip
def test_a_definite_epithet_is_the_person_just_named(first: str, later: str) -> None:
    text = (
        f"{first} The assessment is new.\n\n\u201cWe are not in a good place,\u201d {later} said."
    )
    assert quote_speakers(text) == {"We are not": "Ana Varela"}


def test_a_person_named_after_their_employer_is_merged_with_their_full_name() -> None:
    text = (
        "\u201cThe outage will cost them,\u201d said Dan Orsi, an analyst at Keller Securities. "
        "Keller Securities\u2019 Orsi estimates that 5% of customers will leave."
    )
    assert source_names(text) == ["Dan Orsi"]


def test_an_office_named_after_a_role_is_a_body() -> None:
    text = "Police are \u201csecuring the area,\u201d the Police Spokesperson\u2019s Unit said."
    assert source_names(text) == ["Police Spokesperson\u2019s Unit"]


def test_in_a_sentence_with_two_speakers_the_last_before_a_quote_speaks_it() -> None:
    text = (
        "Finance Minister Ana Varela said the army must strike \u201cwith all its might,\u201d "
        "while Defence Minister Luis Ortega said the attack \u201chas a price\u201d and that "
        "the \u201cresult will be the same everywhere.\u201d"
    )
    speakers = quote_speakers(text)
    assert speakers["with all its"] == "Ana Varela"
    assert speakers["result will be"] == "Luis Ortega"


def test_a_name_before_a_past_verb_and_its_object_speaks_the_participle() -> None:
    text = (
        "Ortega repeated his criticism, saying the minister \u201chas failed every family in "
        "the country.\u201d"
    )
    assert quote_speakers(text) == {"has failed every": "Ortega"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("At least 11 children have died this year, according to data from the nonprofit "
         "Safe Kids Now.", "Safe Kids Now", "nonprofit"),
        ("The advocacy group Free Press Watch said 12 journalists were held.",
         "Free Press Watch", "group"),
        ("Of 9,000 rifles seized, 70 percent were traced, according to the Office of Arms, "
         "Ammunition and Explosives (OAAE).",
         "Office of Arms, Ammunition and Explosives (OAAE)", None),
    ],
)  # fmt: skip
def test_bodies_behind_data_descriptions_and_listed_names(
    text: str, name: str, role: str | None
) -> None:
    sources = [(s.name, s.role) for s in analyse(text).sources]
    assert (name, role) in sources, sources


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("In 2020 the Department of Health reported that the number of young people in the "
         "city who have reported vaping was 3.8 percent.",
         "number of young people in the city who", "Department of Health"),
        ("Most studies agree. One group of researchers tested 72 boots and found 20 pathogens.",
         "One group", "One group of researchers"),
        ("The report doesn\u2019t say who should apologise, saying only that it should be done "
         "\u201cthrough the appropriate officials of the state.\u201d", None, "The report"),
        ("Experts in Lisbon said the bridge was safe.", "Lisbon", None),
    ],
)  # fmt: skip
def test_subjects_that_end_in_a_clause_or_a_place(
    text: str, absent: str | None, present: str | None
) -> None:
    assert_sources(text, absent, present)


def test_a_sobbed_quote_has_its_speaker_and_a_count_of_people_is_no_name() -> None:
    text = (
        "Two Senior Ortega administration officials spoke to the media on Monday.\n\n"
        "\u201cI want to go home,\u201d sobbed Lena Marsh, a teacher in Lima, after the result."
        "\n\n\u201cWe want our country to be free,\u201d she said.\n\n"
        "Her two sisters sobbed in court as the verdict was read."
    )
    assert quote_speakers(text) == {"I want to": "Lena Marsh", "We want our": "Lena Marsh"}
    assert source_names(text) == ["Lena Marsh"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("\u201cThe plan is a dangerous gamble with the climate,\u201d Orsi writes.", "Orsi"),
        ("Judge Lena Marsh ruled on June 14 that \u201cthe evidence supports a finding of "
         "innocence.\u201d", "Lena Marsh"),
        ("Justice Dana Whitby cut her off: \u201cNo, I am not making that point at all.\u201d",
         "Dana Whitby"),
        ("\u201cI do not regret it at all,\u201d local newspapers quote Salinas as saying.",
         "Salinas"),
    ],
)  # fmt: skip
def test_writers_judges_colons_and_quoted_as_saying(text: str, speaker: str) -> None:
    assert list(quote_speakers(text).values()) == [speaker]


def test_transcript_colons_and_interjections_keep_their_speakers() -> None:
    text = (
        "Solicitor General Dana Whitby said the law was clear. Justice Tom Orsi asked about "
        "the agency.\n\n"
        "Not satisfied, Orsi continued: \u201cWhat is your best example of an agency like "
        "this?\u201d\n\n"
        "Whitby: \u201cI cannot think of anything else that is precisely like this one.\u201d\n\n"
        "\u201cWhat about a college that does not have such a program,\u201d Orsi interjected."
    )
    assert list(quote_speakers(text).values()) == ["Tom Orsi", "Dana Whitby", "Tom Orsi"]


def test_a_speaker_of_a_house_is_a_person() -> None:
    text = (
        "\u201cThe plan is not working,\u201d Republican House of Delegates Speaker Ana Ruiz said."
    )
    assert quote_speakers(text) == {"The plan is": "Ana Ruiz"}


def test_a_quote_after_a_says_sentence_goes_on_for_its_speaker() -> None:
    text = (
        "Trade Minister Tom Orsi says farmers will suffer. \u201cWe are especially concerned "
        "at the clear intent of the farm lobby.\u201d Labor's spokesman on trade, Ana Ruiz, says "
        "the Opposition does not want to delay the bill. \u201cWe want it dealt with quickly "
        "by the Parliament.\u201d"
    )
    assert list(quote_speakers(text).values()) == ["Tom Orsi", "Ana Ruiz"]
    assert "Opposition does not want" not in source_names(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # 'he' after the one person its own sentence names, not whoever spoke last
        ("Tesla chief Elon Musk said the car was safe. Analyst Dana Whitby tested it in May.\n\n"
         "There were problems when Keller\u2019s Whitby tried the demo mode, he wrote in a note: "
         "\u201cMy quick intervention was absolutely required.\u201d", "Dana Whitby"),
        # a relative named by first name alone, then 'he'
        ("Tom Orsi, 70, was found dead, police said. Sable Island is a long sandbar.\n\n"
         "Orsi\u2019s son James paid tribute to his father in a post.\n\n"
         "\u201cThey were amazing people, and nothing will fill the hole,\u201d he wrote.",
         "James"),
        # 'May' inside a sentence is a surname
        ("Rescue Chief John May said the team was tired. Hern was alive, despite the odds, May "
         "said.\n\n\u201cThat extra boost of energy kicked in when we heard,\u201d he said.",
         "John May"),
    ],
)  # fmt: skip
def test_who_he_is(text: str, speaker: str) -> None:
    assert list(quote_speakers(text).values())[-1] == speaker


def test_a_quoted_nickname_stays_inside_the_name() -> None:
    text = (
        "The attorney for Ramon \u201cEl Gordo\u201d Varela, the alleged head of the cartel, "
        "says his client \u201cnever negotiated any terms with the government,\u201d but was "
        "kidnapped."
    )
    assert quote_speakers(text)["never negotiated any"] == "attorney for Ramon El Gordo Varela"


def test_a_participle_clause_between_commas_does_not_speak() -> None:
    text = (
        "The draft report from the Audit Office (AO), finalized after the arrest of drug lord "
        "Ramon \u201cEl Gordo\u201d Varela, also criticized the police."
    )
    names = source_names(text)
    assert "Ramon El Gordo Varela" not in names and any("report" in n for n in names), names


def test_a_person_of_a_party_who_wrote_is_the_person() -> None:
    text = (
        "The criticism was echoed by Dana Whitby of the opposition Green party, who wrote on X: "
        "\u201cAn hour of talking without saying the one sentence that matters.\u201d"
    )
    assert quote_speakers(text) == {"An hour of": "Dana Whitby"}


def test_she_is_the_person_a_who_clause_describes() -> None:
    text = (
        "President Tom Orsi said he would attend. Also among the absentees was Dana Whitby, who "
        "later criticised the speech.\n\n\u201cMany of us spent today listening to the families "
        "instead,\u201d she said in a statement."
    )
    assert quote_speakers(text) == {"Many of us": "Dana Whitby"}


def test_a_body_that_recommends_is_a_claimant() -> None:
    text = (
        "The Health Agency recommends that people who test positive stay home for at least 24 "
        "hours after the fever ends."
    )
    assert _claimant_of(text, "at least 24 hours") == "Health Agency"


def test_offices_releases_and_states() -> None:
    text = (
        "The girl died on Monday, according to the Ocean County Prosecutor\u2019s Office.\n\n"
        "Her father told officers he left her sleeping, according to a news release from "
        "police. Ortega \u201ctold detectives he did not want to wake her,\u201d the release "
        "said.\n\n"
        "A team led by researchers in Greenbelt, Maryland, has confirmed the finding."
    )
    names = source_names(text)
    assert "Ocean County Prosecutor\u2019s Office" in names and "Office" not in names, names
    assert "Maryland" not in names and "the release" not in names, names
