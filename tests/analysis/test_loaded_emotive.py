"""Emotive, sensational and evaluative news vocabulary added to loaded_terms_general.json:
informal money and criticism verbs, idioms, comparative hype, framing nouns and labels, their
neutral alternatives, and the literal, attributed and technical senses that are left alone.

Every sentence here is written for the test (none comes from the seeds)."""

from __future__ import annotations

import pytest

from summarizer.analysis.loaded import find_loaded
from summarizer.analysis.loaded_lexicon import lexicon
from tests.support.loaded import assert_left_alone, assert_neutralised


@pytest.mark.parametrize(
    ("loaded", "neutral"),
    [
        # evaluative adjectives and labels, removed where the sentence still reads
        (
            "Police raided a seedy motel near the station.",
            "Police raided a motel near the station.",
        ),
        (
            "The report exposed shady deals with suppliers.",
            "The report exposed deals with suppliers.",
        ),
        ("A disturbed young man opened fire.", "A young man opened fire."),
        ("The isolated regime tested a missile.", "The government tested a missile."),
        ("The reclusive billionaire sold the team.", "The billionaire sold the team."),
        ("A shadowy group claimed the hack.", "A group claimed the hack."),
        ("The much-vaunted reform stalled.", "The reform stalled."),
        ("Officials uncovered a sinister plot.", "Officials uncovered a plot."),
        ("He delivered a defiant speech in Kyiv.", "He delivered a speech in Kyiv."),
        ("She defiantly refused to resign.", "She refused to resign."),
        # evaluative adjectives that carry a fact: replaced
        ("Nurses work gruelling 12-hour shifts.", "Nurses work demanding 12-hour shifts."),
        ("The grueling trial lasted six months.", "The demanding trial lasted six months."),
        ("The fractious coalition collapsed.", "The divided coalition collapsed."),
        (
            "The fractious talks ended without a deal.",
            "The contentious talks ended without a deal.",
        ),
        ("Relatives gave tearful testimony.", "Relatives gave emotional testimony."),
        ("The band released a trippy video.", "The band released a psychedelic video."),
        ("The club's murky finances were examined.", "The club's unclear finances were examined."),
        ("Refugees live in squalid camps.", "Refugees live in poor camps."),
        ("A botched raid left two dead.", "A failed raid left two dead."),
        ("The police botched the raid.", "The police mishandled the raid."),
        ("The firm reported lacklustre sales.", "The firm reported weak sales."),
        ("A freak accident closed the road.", "A rare accident closed the road."),
        ("The marathon talks ended at dawn.", "The lengthy talks ended at dawn."),
        ("It was a knee-jerk reaction.", "It was an immediate reaction."),
        ("Residents were gobsmacked by the bill.", "Residents were surprised by the bill."),
        ("Ecstatic fans filled the square.", "Pleased fans filled the square."),
        # money headlinese: the amount is kept
        ("The studio raked in $90 million.", "The studio earned $90 million."),
        ("The council splurged on new offices.", "The council spent money on new offices."),
        ("Drivers shelled out $5,000 for repairs.", "Drivers paid $5,000 for repairs."),
        ("Parents forked out £300 for uniforms.", "Parents paid £300 for uniforms."),
        ("Investors snapped up the bonds.", "Investors bought the bonds."),
        ("Sellers cashed in on the shortage.", "Sellers profited from the shortage."),
        ("Staff rejected a derisory pay offer.", "Staff rejected a small pay offer."),
        ("Cleaners are paid poverty wages.", "Cleaners are paid low wages."),
        ("The chain went bust in 2020.", "The chain collapsed in 2020."),
        ("The musical flopped in London.", "The musical failed in London."),
        # defeat, victory and comparative hype
        ("The party won a thumping majority.", "The party won a large majority."),
        ("The champions suffered a thumping defeat.", "The champions suffered a heavy defeat."),
        (
            "Democrats took a shellacking in the midterms.",
            "Democrats took a heavy defeat in the midterms.",
        ),
        ("She cruised to victory in Ohio.", "She won in Ohio."),
        ("He expects an easy victory in May.", "He expects a clear victory in May."),
        (
            "The port was the lone success of the plan.",
            "The port was the only success of the plan.",
        ),
        ("Its budget dwarfs that of the navy.", "Its budget far exceeds that of the navy."),
        ("Sales eclipsed last year's total.", "Sales surpassed last year's total."),
        ("The bank smashed forecasts.", "The bank far exceeded forecasts."),
        # framing nouns and idioms
        ("The pay saga dragged on for a year.", "The pay affair dragged on for a year."),
        ("Mudslinging marred the campaign.", "Personal attacks marred the campaign."),
        ("The launch was a trainwreck.", "The launch was a failure."),
        (
            "A turf war between ministries delayed the plan.",
            "A dispute between ministries delayed the plan.",
        ),
        ("Farmers face a perfect storm of costs.", "Farmers face a combination of costs."),
        (
            "There is no silver bullet for the housing crisis.",
            "There is no single solution for the housing crisis.",
        ),
        ("Critics called it a slap on the wrist.", "Critics called it a light penalty."),
        ("The inquiry found a catalogue of errors.", "The inquiry found a series of errors."),
        ("The bank is in hot water over fees.", "The bank is facing criticism over fees."),
        ("The app is in the crosshairs of regulators.", "The app is targeted by regulators."),
        ("The clip went viral overnight.", "The clip spread widely online overnight."),
        ("Scientists sounded the alarm over the drought.", "Scientists warned over the drought."),
        ("The figures set alarm bells ringing in Berlin.", "The figures raised concern in Berlin."),
        ("The row grabbed headlines for weeks.", "The row drew attention for weeks."),
        (
            "Tax breaks lured investors to the region.",
            "Tax breaks attracted investors to the region.",
        ),
        (
            "Critics pointed to his cosy relationship with lobbyists.",
            "Critics pointed to his close relationship with lobbyists.",
        ),
        ("The bill was rammed through parliament.", "The bill was pushed through parliament."),
        ("Owners were strong-armed into selling.", "Owners were pressured into selling."),
        ("Scammers duped pensioners.", "Scammers misled pensioners."),
        # labels
        ("Contracts went to a crony of the mayor.", "Contracts went to an associate of the mayor."),
        ("Yobs vandalised bus shelters.", "Youths vandalised bus shelters."),
        ("The job creators lobbied for tax cuts.", "The employers lobbied for tax cuts."),
        ("A madman stabbed two commuters.", "A man stabbed two commuters."),
        ("The hermit kingdom held a parade.", "The country held a parade."),
        ("The smear campaign targeted the judge.", "The negative campaign targeted the judge."),
        # criticism and influence verbs that take sides
        ("The senator laid into the nominee.", "The senator criticised the nominee."),
        ("Reviewers kept tearing into the sequel.", "Reviewers kept criticising the sequel."),
        ("The chief executive was hauled over the coals.", "The chief executive was reprimanded."),
        ("The minister faced a grilling from MPs.", "The minister faced questioning from MPs."),
        ("The play was panned by critics.", "The play was criticised by critics."),
        ("The studio kowtowed to censors.", "The studio deferred to censors."),
        ("The party is pandering to farmers.", "The party is appealing to farmers."),
        ("He is cosying up to Beijing.", "He is building ties with Beijing."),
        (
            "Officials warned of foreign meddling in the vote.",
            "Officials warned of foreign interference in the vote.",
        ),
        (
            "Moscow has been meddling in the election.",
            "Moscow has been interfering in the election.",
        ),
    ],
)
def test_emotive_vocabulary_is_neutralised(loaded: str, neutral: str) -> None:
    assert_neutralised(loaded, neutral)


@pytest.mark.parametrize(
    ("sentence", "term", "neutral", "category"),
    [
        ("The film raked in $40 million.", "raked in", "earned", "economy"),
        ("It was a gruelling campaign.", "gruelling", "demanding", "emotive"),
        ("Germany's fractious coalition split.", "fractious", "divided", "emotive"),
        ("The rally dwarfed the protest.", "dwarfed", "far exceeded", "emotive"),
        ("The shady deals went on for years.", "shady", "", "intensifier"),
        ("Protesters called him a zealot.", None, None, None),
        ("The zealot was arrested.", "zealot", "hardliner", "one_sided"),
        ("The newspaper mocked the scroungers.", "scroungers", "benefit claimants", "one_sided"),
        ("The video had gone viral.", "gone viral", "spread widely online", "emotive"),
    ],
)
def test_found_with_its_neutral_and_category(
    sentence: str, term: str | None, neutral: str | None, category: str | None
) -> None:
    found = [(m.text, m.neutral, m.category) for m in find_loaded(sentence, [])]
    assert found == ([] if term is None else [(term, neutral, category)])


# every guarded new entry with a sentence where its literal, technical or attributed sense is
# meant: the guard must leave it alone
GUARDED = [
    ("shady", "They rested in a shady corner of the park."),
    ("disturbed", "The noise disturbed men sleeping in the barracks."),
    ("disturbed", "Archaeologists found that the soil had been disturbed."),
    ("isolated", "Rain fell in isolated showers across the north."),
    ("isolated", "An isolated village lost power."),
    ("defiant", "A defiant Putin addressed the conference."),
    ("murky", "Divers searched the murky waters of the river."),
    ("freak", "He described himself as a control freak."),
    ("marathon", "She ran the marathon in under three hours."),
    ("raked in", "Volunteers raked in the leaves from the garden."),
    ("rakes in", "He rakes in the hay every autumn."),
    ("raking in", "Gardeners were raking in soil around the roses."),
    ("rake in", "Residents were asked to rake in leaves before winter."),
    ("shelled out", "Families were shelled out of their homes."),
    ("shells out", "The army moved its artillery shells out of the depot."),
    ("shelling out", "Artillery units were shelling out beyond the ridge."),
    ("shell out", "Mortar teams can shell out of sight of the town."),
    ("snapped up", "The shark snapped up the bait."),
    ("snaps up", "The crocodile snaps up fish near the bank."),
    ("snapping up", "Birds were snapping up insects over the lake."),
    ("snap up", "A dog will snap up any scraps."),
    ("flopped", "He flopped onto the sofa after the match."),
    ("thumping", "Neighbours complained about thumping music."),
    ("dwarfs", "The play tells the story of Snow White and the seven dwarfs."),
    ("dwarfs", "Brown dwarfs are too small to become stars."),
    ("dwarfed", "The village is dwarfed by the mountains around it."),
    ("dwarfing", "The new tower is dwarfing the buildings around it."),
    ("eclipsed", "The moon eclipsed the sun for four minutes."),
    ("eclipses", "Solar eclipses are visible only along a narrow path."),
    ("eclipsing", "Astronomers observed eclipsing binary stars."),
    ("turf war", "Police said the shootings were part of a turf war between gangs."),
    ("turf wars", "Drug cartels fought turf wars along the border."),
    ("saga", "The film is the final part of the Star Wars saga."),
    ("perfect storm of", "The film depicts a perfect storm of three weather systems."),
    ("perfect storm", "The novel tells of a perfect storm that sank a fishing boat."),
    ("silver bullet", "Legend says only a silver bullet can kill a werewolf."),
    ("in the crosshairs of", "The soldier was in the crosshairs of a sniper."),
    ("sounded the alarm", "A neighbour sounded the alarm when smoke poured from the flat."),
    ("sounds the alarm", "The system sounds the alarm if an intruder enters."),
    ("sounding the alarm", "Staff were sounding the alarm as flames spread."),
    ("sound the alarm", "Guards sound the alarm when a fire starts."),
    ("set alarm bells ringing", "The fire set alarm bells ringing across the building."),
    ("sets alarm bells ringing", "Smoke sets alarm bells ringing in the corridor."),
    ("setting alarm bells ringing", "An intruder broke in, setting alarm bells ringing."),
    ("rang alarm bells", "The school rang alarm bells during the fire drill."),
    ("raised alarm bells", "Smoke from the kitchen raised alarm bells in the corridor."),
    ("raising alarm bells", "Smoke was raising alarm bells throughout the hotel."),
    ("lured", "He lured the victim to a flat."),
    ("lures", "The angler lures fish with bait."),
    ("luring", "Police said he was luring children online."),
    ("cosy", "They rented a cosy cottage by the sea."),
    ("cozy", "The hotel has cozy rooms."),
    ("rammed through", "A truck rammed through the gates of the base."),
    ("ramming through", "A car was ramming through the checkpoint."),
    ("ram through", "Protesters tried to ram through the barrier."),
    ("crony", "He called the minister a crony of the president."),
    ("cronyism", "Critics accused the government of cronyism."),
    ("zealot", "He described the preacher as a zealot."),
    ("scrounger", "The newspaper branded him a scrounger."),
    ("scroungers", "He called benefit claimants scroungers."),
    ("welfare queen", "She was labelled a welfare queen in the campaign."),
    ("welfare queens", "He claimed that welfare queens were cheating the state."),
    ("do-gooders", "The minister dismissed the volunteers as do-gooders."),
    ("bleeding-heart liberal", "He called the judge a bleeding-heart liberal."),
    ("bleeding-heart liberals", "The senator described his opponents as bleeding-heart liberals."),
    ("gun nuts", "The candidate called his rivals gun nuts."),
    ("gun grabbers", "The group accused Democrats of being gun grabbers."),
    ("maniac", "He is a fitness maniac who runs every day."),
    ("maniacs", "The club's fans are football maniacs."),
    ("pariah state", "The minister called Iran a pariah state."),
    ("pariah states", "He said such countries were pariah states."),
    ("smear campaign", "She said the claims were a smear campaign."),
    ("smear campaigns", "The party accused its rivals of running smear campaigns."),
    ("hatchet job", "He called the documentary a hatchet job."),
    ("laid into", "Engineers laid into the trench a new power cable."),
    ("lays into", "The crew lays into the seabed a fibre cable."),
    ("laying into", "Workers were laying into the ground new pipes."),
    ("tearing into", "The dog was tearing into the meat."),
    ("tears into", "The wind tears into the coast every winter."),
    ("torn into", "The letter was torn into pieces."),
    ("a grilling", "The chef gave the steaks a grilling over charcoal."),
    ("panned by", "The scene was panned by the camera from left to right."),
]


@pytest.mark.parametrize(("term", "sentence"), GUARDED)
def test_literal_and_attributed_senses_are_left_alone(term: str, sentence: str) -> None:
    assert term in sentence.lower()
    assert_left_alone(sentence)


def test_each_literal_case_names_a_guarded_entry() -> None:
    lexicon.cache_clear()
    terms = {
        **lexicon().single,
        **{" ".join(t.words): t for ts in lexicon().multi.values() for t in ts},
    }
    covered = {term for term, _ in GUARDED}
    for term in covered:
        entry = terms[term]
        assert entry.not_after or entry.not_before or entry.only_before or entry.not_near, term
