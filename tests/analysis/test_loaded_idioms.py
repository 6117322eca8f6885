"""Labels, slang, figurative idioms, emotion and hype words and headlinese added to
loaded_terms_general.json: their neutral alternatives, and the literal, technical, legal and
attributed senses that are left alone.

Every sentence here is written for the test (none comes from the seeds)."""

from __future__ import annotations

import pytest

from summarizer.analysis.loaded import loaded_terms_in, rewrite
from summarizer.analysis.loaded_lexicon import lexicon
from tests.support.loaded import assert_found, assert_left_alone, assert_neutralised


@pytest.mark.parametrize(
    ("loaded", "neutral"),
    [
        # labels for people and groups
        (
            "The junta became a pariah after the coup.",
            "The junta became an outcast after the coup.",
        ),
        (
            "The bank tried to shake off its pariah status.",
            "The bank tried to shake off its isolation.",
        ),
        (
            "The chipmaker was the darling of Wall Street last year.",
            "The chipmaker was the favourite of Wall Street last year.",
        ),
        ("The app was a market darling in 2021.", "The app was a market favourite in 2021."),
        (
            "The lender fell from Wall Street darling to outcast.",
            "The lender fell from Wall Street favourite to outcast.",
        ),
        (
            "Police questioned a drifter near the depot.",
            "Police questioned a transient near the depot.",
        ),
        ("The ringleader fled to Dubai.", "The leader fled to Dubai."),
        ("The ringleaders were caught in Lisbon.", "The leaders were caught in Lisbon."),
        ("Die-hard supporters queued overnight.", "Committed supporters queued overnight."),
        ("Only a diehard would stay.", "Only a loyalist would stay."),
        (
            "The party's die-hards rejected the compromise.",
            "The party's loyalists rejected the compromise.",
        ),
        ("The feds seized his laptop.", "The federal authorities seized his laptop."),
        (
            "Officers detained nine johns during the operation.",
            "Officers detained nine clients of sex workers during the operation.",
        ),
        ("Armed hoodlums looted a market in Kano.", "Armed attackers looted a market in Kano."),
        ("The cartel kingpin was extradited.", "The cartel leader was extradited."),
        ("A drug kingpin escaped from prison.", "A drug trafficking leader escaped from prison."),
        (
            "The alleged mastermind of the heist was arrested.",
            "The alleged organiser of the heist was arrested.",
        ),
        (
            "He is accused of helping to mastermind the scheme.",
            "He is accused of helping to organise the scheme.",
        ),
        ("Prosecutors say she masterminded the fraud.", "Prosecutors say she organised the fraud."),
        ("He masterminds the group's finances.", "He organises the group's finances."),
        (
            "The maverick senator voted against the bill.",
            "The unconventional senator voted against the bill.",
        ),
        ("She has long been a political maverick.", "She has long been a political outsider."),
        ("Regional strongmen backed the junta.", "Regional leaders backed the junta."),
        ("The club beat its arch-rivals on Sunday.", "The club beat its rivals on Sunday."),
        ("Firebrands on the left walked out.", "Outspoken figures on the left walked out."),
        ("The radical cleric was deported.", "The cleric was deported."),
        ("Islamist radicals attacked the convoy.", "Islamist hardliners attacked the convoy."),
        (
            "Hostile foreign powers are spreading false stories.",
            "Foreign powers are spreading false stories.",
        ),
        (
            "After decades of hostile relations, the envoys met.",
            "After decades of strained relations, the envoys met.",
        ),
        (
            "The radical Sunni group carried out the attack.",
            "The Sunni group carried out the attack.",
        ),
        ("She left her abusive husband in 2019.", "She left her husband in 2019."),
        # slang for officials and professions
        ("Cops closed the road for hours.", "Police officers closed the road for hours."),
        ("British boffins built a faster battery.", "British scientists built a faster battery."),
        ("British spooks briefed ministers.", "British intelligence officers briefed ministers."),
        ("The top brass resisted the change.", "The senior leadership resisted the change."),
        # figurative idioms
        ("The speech struck a chord with voters.", "The speech resonated with voters."),
        (
            "The campaign has struck a chord with parents.",
            "The campaign has resonated with parents.",
        ),
        ("The data set off alarm bells in Brussels.", "The data raised concern in Brussels."),
        ("Alarm bells are ringing in the Treasury.", "There is concern in the Treasury."),
        ("Alarm bells rang in Washington.", "Concern grew in Washington."),
        (
            "The report triggered alarm bells at the bank.",
            "The report triggered concern at the bank.",
        ),
        (
            "The tax rise pushed many farms over the edge.",
            "The tax rise pushed many farms to breaking point.",
        ),
        (
            "Staff were kept in the dark about the sale.",
            "Staff were kept uninformed about the sale.",
        ),
        ("The board kept it in the dark.", "The board kept it uninformed."),
        ("Investors were left in the dark.", "Investors were left uninformed."),
        ("Tenants are in the dark about the plans.", "Tenants are uninformed about the plans."),
        ("The party is burning up from within.", "The party is in internal crisis."),
        ("Ministers gave the summit a body swerve.", "Ministers gave the summit a miss."),
        ("She body-swerved the question.", "She avoided the question."),
        (
            "The only body swerve he made was on taxes.",
            "The only evasion he made was on taxes.",
        ),
        ("It is a big deal for farmers.", "It is significant for farmers."),
        (
            "The delay is no big deal, officials said.",
            "The delay is not significant, officials said.",
        ),
        ("The firm faces a mounting series of lawsuits.", "The firm faces a series of lawsuits."),
        ("Police found a vast network of tunnels.", "Police found a network of tunnels."),
        ("The war has entered an unpredictable new phase.", "The war has entered a new phase."),
        ("He personified the model family man.", "He represented the family man."),
        ("Supporters stuffed the courtroom.", "Supporters filled the courtroom."),
        ("Police staged an action movie-like raid.", "Police staged a raid."),
        ("The ministry issued a carefully worded statement.", "The ministry issued a statement."),
        (
            "The coach announced his shock retirement.",
            "The coach announced his unexpected retirement.",
        ),
        ("Markets fell after the shock ruling.", "Markets fell after the unexpected ruling."),
        ("The party suffered a shock defeat.", "The party suffered an unexpected defeat."),
        (
            "He was accused of plying guests with alcohol.",
            "He was accused of supplying guests with alcohol.",
        ),
        ("Delegates were plied with gifts.", "Delegates were given gifts."),
        (
            "Settlers came for the lure of cheap land.",
            "Settlers came for the appeal of cheap land.",
        ),
        ("The city hopes to lure investors.", "The city hopes to attract investors."),
        ("Rivals will try to lure them away.", "Rivals will try to attract them away."),
        ("Engineers were lured away by a rival.", "Engineers were recruited by a rival."),
        # emotion and hype
        ("The vote was a triumph for the premier.", "The vote was a victory for the premier."),
        ("She said reason would triumph in the end.", "She said reason would prevail in the end."),
        ("He triumphed in the final.", "He prevailed in the final."),
        ("The team made a triumphant return.", "The team made a return."),
        ("She expressed distaste for the plan.", "She expressed dislike for the plan."),
        ("Relatives were sobbing outside court.", "Relatives were crying outside court."),
        ("Investors cheered the rate cut.", "Investors welcomed the rate cut."),
        ("The premier cheered on the decision.", "The premier welcomed the decision."),
        ("He was reviled by his former allies.", "He was criticised by his former allies."),
        ("The reviled levy was scrapped.", "The unpopular levy was scrapped."),
        ("The booming economy added jobs.", "The growing economy added jobs."),
        ("Business was booming until the raid.", "Business was growing until the raid."),
        ("Pensioners live on meagre incomes.", "Pensioners live on limited incomes."),
        ("Farmers got meager payouts.", "Farmers got limited payouts."),
        (
            "The firm was accused of dodgy accounting.",
            "The firm was accused of questionable accounting.",
        ),
        ("Fumes leaked from a dodgy boiler.", "Fumes leaked from a faulty boiler."),
        (
            "The bill faced the harshest criticism yet.",
            "The bill faced the strongest criticism yet.",
        ),
        ("He received the harshest penalty.", "He received the most severe penalty."),
        ("Squeezed households cut spending.", "Financially strained households cut spending."),
        ("Families are feeling the squeeze.", "Families are under financial pressure."),
        (
            "Renters squeezed by high costs moved out.",
            "Renters strained by high costs moved out.",
        ),
        (
            "Higher rates extend the squeeze on incomes.",
            "Higher rates extend the pressure on incomes.",
        ),
        ("Crews fought several infernos overnight.", "Crews fought several fires overnight."),
        ("The warehouse became a raging inferno.", "The warehouse became a fire."),
        ("Oil giant Shell reported a profit.", "Oil company Shell reported a profit."),
        ("The retail giant cut prices.", "The retailer cut prices."),
        (
            "The entertainment giant delayed the launch.",
            "The entertainment company delayed the launch.",
        ),
        (
            "Social media giants must remove the posts.",
            "Social media companies must remove the posts.",
        ),
        ("He was intensely spiritual.", "He was spiritual."),
        ("She vehemently denied the claims.", "She denied the claims."),
        ("He is an ardent supporter of the club.", "He is a supporter of the club."),
        ("The menu drew the ire of diners.", "The menu drew the anger of diners."),
        ("Residents were dumbfounded by the ruling.", "Residents were surprised by the ruling."),
        ("Fans were thrilled by the result.", "Fans were pleased by the result."),
        # headlinese
        (
            "Police launched a probe into the crash.",
            "Police launched an investigation into the crash.",
        ),
        ("Regulators will probe the merger.", "Regulators will investigate the merger."),
        ("The committee probed the contract.", "The committee investigated the contract."),
        ("Officers swooped on the house at dawn.", "Officers raided the house at dawn."),
        ("The minister hit back at critics.", "The minister responded to critics."),
        ("The chief executive fired back at critics.", "The chief executive responded to critics."),
        ("Hundreds of jobs face the axe.", "Hundreds of jobs face cuts."),
        ("The crunch talks resume on Monday.", "The key talks resume on Monday."),
        (
            "They made a last-ditch attempt to save the deal.",
            "They made a final attempt to save the deal.",
        ),
        ("His reputation is in tatters.", "His reputation is badly damaged."),
        ("The carrier is on the ropes.", "The carrier is struggling."),
        ("Customers were fleeced by the scheme.", "Customers were overcharged by the scheme."),
        ("He was busted for possession.", "He was arrested for possession."),
        ("Police made a drug bust at the port.", "Police made a drug raid at the port."),
        ("The market bloodbath erased billions.", "The market sell-off erased billions."),
        (
            "The party suffered a bloodbath at the polls.",
            "The party suffered a heavy defeat at the polls.",
        ),
    ],
)
def test_idioms_labels_and_hype_are_neutralised(loaded: str, neutral: str) -> None:
    assert_neutralised(loaded, neutral)


@pytest.mark.parametrize(
    ("sentence", "term", "neutral", "category"),
    [
        ("The feds raided the office.", "feds", "federal authorities", "one_sided"),
        ("It struck a chord with readers.", "struck a chord", "resonated", "emotive"),
        ("A vast network was exposed.", "vast", "", "intensifier"),
        ("The pharma giant settled.", "pharma giant", "drugmaker", "economy"),
        ("Police opened a probe on Friday.", "probe", "investigation", "emotive"),
        ("The hostile regime fired a missile.", "hostile", "", "one_sided"),
        ("The minister called him a pariah.", None, None, None),
        ("Critics branded the group radical leftists.", None, None, None),
    ],
)
def test_found_with_its_neutral_and_category(
    sentence: str, term: str | None, neutral: str | None, category: str | None
) -> None:
    assert_found(sentence, term, neutral, category)


# every guarded new entry with a sentence where its literal, technical, legal or attributed
# sense is meant: the guard must leave it alone
GUARDED = [
    ("pariah", "The minister called the country a pariah."),
    ("pariahs", "He said the banks were treated like pariahs, critics claimed."),
    ("drifter", "A drifter was charged with the killing on Tuesday."),
    ("drifter", "The old herring drifter was restored as a museum boat."),
    ("drifters", "Steam drifters once filled the fishing harbour."),
    ("johns", "Johns Hopkins researchers published the study."),
    ("johns", "Johns said the plan would work."),
    ("hoodlums", "The governor called the protesters hoodlums."),
    ("scumbags", "He described the burglars as scumbags."),
    ("kingpin", "He was sentenced under the kingpin statute."),
    ("kingpin", "Mechanics replaced the kingpin on the truck axle."),
    ("kingpins", "Bowling kingpins were knocked over."),
    ("mastermind", "She won the Mastermind quiz on television."),
    ("masterminds", "Contestants on the quiz show are called masterminds."),
    ("maverick", "The Maverick fighter jet flew over the base."),
    ("mavericks", "Mavericks guard Luka Doncic scored 40 points."),
    ("strongmen", "The strongmen competition tested lifting and carrying."),
    ("radical", "She had a radical mastectomy in 2019."),
    ("radical", "Engineers proposed a radical new design."),
    ("radical", "The senator described his rivals as the radical left."),
    ("radicals", "Free radicals damage cells."),
    ("radicals", "Antioxidants neutralise radicals in the body."),
    ("hostile", "The board rejected a hostile takeover bid."),
    ("hostile", "The patrol came under hostile fire."),
    ("hostile", "The judge declared her a hostile witness."),
    ("hostile", "The law targets hostile state activity."),
    ("abusive", "She was in an abusive relationship for years."),
    ("abusive", "The regulator banned abusive lending practices."),
    ("spooks", "The news spooks investors."),
    ("sycophants", "He called his critics sycophants."),
    ("turncoat", "The party branded him a turncoat."),
    ("struck a chord", "The guitarist struck a chord and the crowd roared."),
    ("strikes a chord", "The pianist strikes a chord to open the song."),
    ("striking a chord", "She was striking a chord on the harp."),
    ("strike a chord", "Musicians strike a chord on the organ."),
    ("alarm bells", "The fire triggered alarm bells across the hotel."),
    ("alarm bells are ringing", "Alarm bells are ringing as smoke fills the corridor."),
    ("alarm bells rang", "Alarm bells rang when the intruder broke in."),
    ("set off alarm bells", "The smoke set off alarm bells in the school."),
    ("over the edge", "The car went over the edge of the cliff."),
    ("kept in the dark", "After the power failed, miners were kept in the dark."),
    ("left in the dark", "Homes were left in the dark after the storm."),
    ("in the dark about", "After the blackout, residents sat in the dark about an hour."),
    ("kept it in the dark", "The farmer kept it in the dark in a cellar."),
    ("kept them in the dark", "Growers kept them in the dark in a cave to blanch them."),
    ("burning up from within", "The star is burning up from within its core."),
    ("body swerve", "The winger's body swerve beat two defenders."),
    ("body-swerved", "The striker body-swerved the goalkeeper and scored."),
    ("a big deal", "Boeing signed a big deal with the airline."),
    ("a big deal", "The firm won a big deal worth $2 billion."),
    ("vast", "The vast majority of voters agreed."),
    ("sprawling", "They live in a sprawling house outside the city."),
    ("unpredictable", "The weather was unpredictable all week."),
    ("personified", "She was greed personified."),
    ("personifies", "It is the idea that the statue personifies."),
    ("stuffed", "She stuffed the turkey with herbs."),
    ("plying", "Ferries plying the route were cancelled."),
    ("plying", "Street vendors plying their trade were moved on."),
    ("plied", "Barges plied the river between the two towns."),
    ("plied with", "The boats plied with cargo along the coast."),
    ("the lure of", "Anglers tested the lure of a new fishing fly."),
    ("lure", "He used a lure of bright feathers."),
    ("lured away", "The girl was lured away by a stranger."),
    ("lured by the promise of", "Victims were lured by the promise of jobs abroad."),
    ("triumph", "He rode a Triumph motorbike to the rally."),
    ("triumphs", "Vintage Triumphs and other motorbikes lined the street."),
    ("cheered", "Crowds cheered as the parade passed."),
    ("cheering", "Fans were cheering in the stands."),
    ("booming", "His booming voice filled the hall."),
    ("booming", "Booming guns could be heard at night."),
    ("dodgy", "He has a dodgy knee."),
    ("dodgy", "The inquiry examined the dodgy dossier of 2003."),
    ("harshest", "The region has the harshest winters in Europe."),
    ("squeezed", "She squeezed the lemon over the fish."),
    ("probe", "The space probe sent back images."),
    ("probe", "NASA's probe reached Jupiter."),
    ("probes", "Surgeons used ultrasound probes on the patient."),
    ("probed", "The surgeon probed the wound with a needle."),
    ("probing", "He asked probing questions."),
    ("swooped on", "An eagle swooped on the rabbit."),
    ("hit back at", "The army hit back at rebel positions with artillery."),
    ("hits back at", "Struck with a punch, he hits back at his opponent."),
    ("fired back at", "Police fired back at the gunmen."),
    ("crunch", "The credit crunch hit banks in 2008."),
    ("in tatters", "The flag hung in tatters from the mast."),
    ("on the ropes", "The boxer was on the ropes in the third round."),
    ("fleeced", "The sheep were fleeced in spring for their wool."),
    ("busted", "The water pipe was busted."),
    ("busted", "Police busted him near the border."),
    ("inferno", "Dante wrote Inferno as the first part of the poem."),
    ("isolated", "An isolated village lost power."),
    ("darling", "Darling, the former chancellor, spoke first."),
    ("darling", "Tourists crowded Darling Harbour."),
    ("darlings", "Darlings, she wrote, is her favourite word."),
    ("squeezed", "She was squeezed by the crowd near the door."),
    ("squeeze on", "Traders braced for a short squeeze on the stock."),
    ("was booming", "His voice was booming across the hall."),
    ("is booming", "Artillery is booming in the distance."),
    ("cheered on", "Fans cheered on the runners."),
    ("dodgy", "He has a dodgy back."),
]


@pytest.mark.parametrize(("term", "sentence"), GUARDED)
def test_literal_technical_and_attributed_senses_are_left_alone(term: str, sentence: str) -> None:
    assert term in sentence.lower()
    assert_left_alone(sentence)


def test_each_literal_case_names_a_guarded_entry() -> None:
    lexicon.cache_clear()
    terms = {
        **lexicon().single,
        **{" ".join(t.words): t for ts in lexicon().multi.values() for t in ts},
    }
    for term in {term for term, _ in GUARDED}:
        entry = terms[term]
        assert entry.not_after or entry.not_before or entry.only_before or entry.not_near, term


@pytest.mark.parametrize(
    "sentence",
    [
        "A tiger and a giant panda were born at the zoo.",  # only 'X giant' forms are listed
        "Astronomers studied a gas giant near the star.",
        "The company announced a radical overhaul of its pricing.",
        "Hostile forces shelled the town overnight.",
        "The tribunal heard evidence of abusive conduct.",
        "The drug lowers the risk of a massive stroke.",  # protected phrases still win
    ],
)
def test_neutral_senses_of_the_new_words_are_left_alone(sentence: str) -> None:
    assert_left_alone(sentence)


def test_quoted_idioms_stay_verbatim_and_are_reported() -> None:
    text = 'The coach said the loss "pushed us over the edge" and called it "no big deal".'
    result = rewrite(text)
    assert result.text == text
    assert [(c.text, c.reason) for c in result.changes] == [
        ("over the edge", "in a quote"),
        ("no big deal", "in a quote"),
    ]
    assert loaded_terms_in(text, include_quoted=False) == []


def test_a_predicative_evaluation_is_kept_and_reported() -> None:
    result = rewrite("The statement was carefully worded.")
    assert result.text == "The statement was carefully worded."
    assert [(c.text, c.reason) for c in result.kept] == [
        ("carefully worded", "removing it would break the sentence")
    ]
