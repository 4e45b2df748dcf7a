"""Issue 14, development gold misses fixed in general ways: which words a claim covers when
attributions nest, who a pronoun stands for, which cues make claims."""

from __future__ import annotations

from tracer.models import Claim, Link
from tracer.parse.article import extract_claims
from tracer.read.document import read_text


def _claims(text: str) -> list[tuple[str, list[str]]]:
    found: list[Claim] = extract_claims(read_text(text), [])[0]
    return [(c.text, [h.source.name for h in c.chain]) for c in found]


def test_the_speakers_own_aside_keeps_their_words_one_claim() -> None:
    """ "We understand ..." inside Gonzales's quotation is Gonzales again: the claim is her whole
    quotation, not the clause after "We understand", and no second claim repeats it."""
    text = (
        "“We understand rolling outages are not easy, and we do everything we can to avoid them,” said "
        "Anne Gonzales, a spokeswoman for the grid operator. Jack Scarola, who represents some of the "
        "accusers, said he is pleased to see authorities investigate the circumstances of his death."
    )
    assert _claims(text) == [
        ("“We understand rolling outages are not easy, and we do everything we can to avoid them,”", ["Anne Gonzales"]),
        ("he is pleased to see authorities investigate the circumstances of his death", ["Jack Scarola"]),
    ]


def test_another_source_inside_the_words_still_makes_its_own_claim() -> None:
    text = "The minister said the agency found that the river was polluted."
    assert _claims(text) == [("the river was polluted", ["The minister", "the agency"])]


def test_a_source_who_does_not_put_the_words_forward_takes_none_of_them() -> None:
    """Negated, wanted or ordered: the enclosing speaker's words stay theirs, whole."""
    text = (
        "“But the ISO isn’t saying it’s congestion,” said Loretta Lynch, a former utilities regulator.\n"
        "The loggers claimed that Ramdehol had told them to stay behind while he walked into the jungle.\n"
        "A spokesperson at Air Mobility Command told Mashable they didn't know why the plane was there."
    )
    assert _claims(text) == [
        ("“But the ISO isn’t saying it’s congestion,”", ["Loretta Lynch"]),
        ("Ramdehol had told them to stay behind while he walked into the jungle", ["The loggers"]),
        ("they didn't know why the plane was there", ["A spokesperson at Air Mobility Command"]),
    ]


def test_she_after_a_named_speaker_with_an_office_and_a_body_in_the_appositive_is_that_speaker() -> None:
    """The appositive's union made Serene Gregg a union, and the names in Dr. Chang's own
    appositive stood between her and "she": both pronouns were left unresolved."""
    text = (
        "There were 30 staff vacancies at the facility, said Serene Gregg, local president of the prison "
        "workers' union. Prison officials regularly assigned civilian staffers to guard duty, she said.\n"
        "The deaths are “absolutely devastating,” said Dr. Jamie Chang, associate professor of Social "
        "Welfare, whose research has focused on the Bay Area.\n"
        "“It’s unspeakable that children have become victims of this crisis,” she said."
    )
    sources = [chain for _, chain in _claims(text)]
    assert sources == [["Serene Gregg"], ["Serene Gregg"], ["Dr. Jamie Chang"], ["Dr. Jamie Chang"]]


def test_an_accusation_is_a_stance_claim() -> None:
    """ "accused X of Y" put forward Y as true of X: it was an attribution only, so the sentence
    fell to the link in it (the linked site's host became the claim's source)."""
    claims = _claims("Fedorov accused the General of enabling corruption.")
    assert claims == [("the General of enabling corruption", ["Fedorov"])]


def test_an_emphatic_pronoun_a_floating_quantifier_or_the_medium_is_no_part_of_the_name() -> None:
    text = (
        "Prosecutors alleged that Noel and Thomas both acknowledged that they had not made their checks.\n"
        "“The most important thing is that I not be the last,” said Judge Raquel Montoya-Lewis. "
        "Montoya-Lewis herself said she was honoured.\n"
        "“Our results reflected broad-based growth,” said CEO Craig Menear in the company’s news release."
    )
    names = [chain for _, chain in _claims(text)]
    assert names == [
        ["Prosecutors", "Noel and Thomas"],
        ["Judge Raquel Montoya-Lewis"],
        ["Judge Raquel Montoya-Lewis"],
        ["CEO Craig Menear"],
    ]


def test_a_speaker_named_inside_someone_elses_words_does_not_take_the_next_he() -> None:
    """The names in a speaker's own appositive do not stand between the speaker and "she", but a
    speaker the article only reports through someone else (Trump's nominee) is not whom "He" picks up."""
    text = (
        "Trump said in his proclamation that his nominee for commerce secretary, Howard Lutnick, had "
        "informed him that imports of steel have increased significantly.\n"
        "He also said that the rise in steel imports supports a conclusion that there is transshipment."
    )
    hop = next(c for c in extract_claims(read_text(text), [])[0] if "transshipment" in c.text).chain[0]
    assert hop.source.name != "his nominee for commerce secretary"


def _hop(text: str, words: str) -> tuple[str, list[str]]:
    claim = next(c for c in extract_claims(read_text(text), [])[0] if words in c.text)
    return claim.chain[-1].source.name, [f.value for f in claim.chain[-1].flags]


def test_people_named_in_someones_words_do_not_stand_between_a_speaker_and_she() -> None:
    """The man named in her quotation and in what she told the paper is what she said, not a
    second speaker: "she" is the lawyer, stated, not a guess (was only the likely referent)."""
    text = (
        "Maren Hollis, Pavlenko’s attorney, told the Courier in a statement that her client did not intend "
        "to harm Ortiz and made no plans to do so.\n"
        "“Dmitri Pavlenko is passionate about his beliefs and his right to voice them,” she said in an email."
    )
    assert _hop(text, "passionate about") == ("Maren Hollis", [])


def test_a_lone_surname_of_someone_named_in_full_is_a_person_for_he() -> None:
    """'Dmitri Pavlenko, 47, ...' then 'Pavlenko ... he said': the surname alone carries no mark
    of a person, so "he" went to the lawyer quoted before him."""
    text = (
        "Dmitri Pavlenko, 47, admitted sending the letters, prosecutors said.\n"
        "Maren Hollis, his lawyer, said her client regretted them.\n"
        "Pavlenko was detained in May after a call in which he said he would burn the depot down."
    )
    assert _hop(text, "burn the depot")[0] == "Dmitri Pavlenko"


def test_a_possessive_name_is_no_rival_for_she() -> None:
    """'Ortiz asked for mercy at Pavlenko's hearing. She added ... she wrote': a name in a
    possessive is no other speaker (the second quotation was left unresolved)."""
    text = (
        "Prosecutors said that the former soldier Dmitri Pavlenko had sent the letters.\n"
        "Councillor Elena Ortiz asked for mercy at Pavlenko's hearing in a letter posted on Tuesday, saying "
        'she did not think a long sentence would help. She added, "We must teach him love."\n'
        '"Hate will not be answered with hate," she wrote in her letter.'
    )
    assert _hop(text, "answered with hate") == ("Councillor Elena Ortiz", [])


def test_a_name_after_an_introductory_phrase_is_the_subject_he_picks_up() -> None:
    """'On Monday, Sir Owen Hale dodged ... from Lord Pell. He said': Hale opens the sentence after
    its time phrase, so he is the likely referent, flagged (was unresolved)."""
    text = (
        "Lord Pell has given the party nearly £1 million, a spokesman for Lord Pell said.\n"
        "On Monday, Sir Owen Hale dodged several questions on whether he would keep taking gifts from "
        'Lord Pell. He said it would be "going too far" to refuse every ticket.'
    )
    assert _hop(text, "going too far") == ("Sir Owen Hale", ["likely_referent"])


def test_the_elder_surname_opens_its_sentence() -> None:
    """'The elder Marek gives ... He funds ... and has stated': a determiner and an adjective before
    the name leave it the subject (was unresolved)."""
    text = (
        "The donor George Marek backs the senator, and Senator Ruth Tallis said the fund was vital.\n"
        "The elder Marek gives millions a year to groups that back stricter laws. He funds several of "
        'them and has stated, "I am very much against these weapons."'
    )
    assert "George Marek" in _hop(text, "against these weapons")[0]


def test_capitalised_words_the_text_never_treats_as_a_person_stop_no_pronoun() -> None:
    """A link's title between a speaker and her next quotation ("Related: The Quiet Race to Build
    Cheaper Rockets") names no rival speaker (was unresolved)."""
    text = (
        '"The launch pad was badly damaged," Hana Lutz, the chief executive of Orbix, told the Ledger.\n'
        "Related: The Quiet Race to Build Cheaper Rockets\n"
        '"These failures are hard to come back from," she said.'
    )
    assert _hop(text, "hard to come back")[0] == "Hana Lutz"


def test_a_surname_particle_keeps_the_name_whole() -> None:
    """'City Mayor Luis de Vallejo indicated ...' then 'he said': the name runs through "de" (the
    quotation went to 'City Mayor Luis')."""
    text = (
        "Burials have increased to five days a week, said prison spokesman Jason Kerr.\n"
        "City Mayor Luis de Vallejo indicated this week that temporary burials might be needed.\n"
        '"Obviously the place we have used before is Pell Island," he said.'
    )
    assert _hop(text, "Pell Island")[0] == "City Mayor Luis de Vallejo"


def test_the_first_name_alone_of_someone_introduced_with_a_role_is_a_person() -> None:
    """'AP photojournalist Dar Yasin' is 'Dar' in the story: "He said" after "Dar said" is him."""
    text = (
        "AP photojournalist Dar Yasin reached the second site before police sealed the area. "
        '"The wreckage burned for an hour," Dar said from the site. He said firefighters struggled to douse the fires.'
    )
    assert _hop(text, "firefighters struggled")[0] == "Dar"


def test_he_in_a_speakers_own_quotation_is_someone_else() -> None:
    """'"He left ... and he said that he was going to hunt," Moraga told this newspaper': "he" in
    her quotation is not Moraga (the speaker comes after the words, so it was not known when "he"
    was read, and the whole quotation stayed hers); the man named before is the likely referent."""
    text = (
        "Paulo Verdes, 41, was found dead in the forest on Sunday after he failed to return from his hunting trip. "
        "Ines Moraga, his neighbour, said he had left his home at dawn.\n"
        "“He left on Thursday night on his tractor and he said that he was going to hunt,” Moraga told this newspaper."
    )
    claim = next(c for c in extract_claims(read_text(text), [])[0] if c.text.startswith("he was going to hunt"))
    assert [h.source.name for h in claim.chain] == ["Ines Moraga", "Paulo Verdes"]
    assert [f.value for f in claim.chain[-1].flags] == ["likely_referent"]


def test_who_replies_is_whom_the_sentence_before_asked() -> None:
    """'A reporter asked Judge Lena Ortiz, "...?" / "...," she replied': the judge, as the likely
    referent (the reporter was the latest source, the judge a rival: unresolved)."""
    text = (
        "Judge Lena Ortiz was sworn in on Monday. At a press conference, a reporter asked Ortiz, "
        "“What is the hardest part of the job?”\n"
        "“Getting people to see their own biases is the hardest part,” she replied."
    )
    assert _hop(text, "their own biases") == ("Ortiz", ["likely_referent"])


def test_a_countrys_leader_is_the_person_named_with_its_leading_title_flagged_likely() -> None:
    """'what Veloria's leader called ...': the article names Veloria's Prime Minister, so the claim
    is his, shown as a likely referent below a stated name (gold_fresh: 'Pakistan's leader')."""
    text = (
        "In what Veloria's leader called an act of piracy, the navy seized two cargo ships. "
        "Veloria's Prime Minister Anton Brask said the crews were safe."
    )
    found: list[Claim] = extract_claims(read_text(text), [])[0]
    guessed = next(c for c in found if "act of piracy" in c.text).chain[0]
    stated = next(c for c in found if "crews were safe" in c.text).chain[0]
    assert guessed.source.name == stated.source.name == "Veloria's Prime Minister Anton Brask"
    assert [f.value for f in guessed.flags] == ["likely_referent"]
    assert guessed.confidence < stated.confidence


def test_she_after_someone_of_the_other_gender_is_the_one_woman_named_before_flagged_likely() -> None:
    """'When Halvorsen visited his agent Ingrid Solberg ... "...," she recalled': the sentence's
    subject is a man, so "she" was left unresolved; the one woman named before is the likely
    referent, flagged."""
    text = (
        "“He never stopped writing,” Tomas Berge told me.\n"
        "When Halvorsen visited his agent Ingrid Solberg at her office, he left poems on her desk. "
        "“There was never enough time,” she recalled, “for all his plans.”"
    )
    assert _hop(text, "never enough time") == ("Ingrid Solberg", ["likely_referent"])


def test_she_after_a_rival_is_the_one_person_named_in_the_sentence_before() -> None:
    """'..., after the poet Mira Castell explained them to me. "...," she said': a rival came
    between the speaker quoted before and "she" (was unresolved)."""
    text = (
        "“Every chapter hid a riddle,” said Paul Dorsey, one of his editors.\n"
        "I came to call these the dark rooms, after the poet Mira Castell explained them to me. "
        "“You only see a corner of each room,” she said."
    )
    assert _hop(text, "a corner of each room") == ("Mira Castell", ["likely_referent"])


def test_a_camel_cased_surname_opening_the_sentence_takes_he() -> None:
    """'DeLuca even blasted Moreno for ..., which he suggested ...': "DeLuca" matched no name
    pattern, so no subject was found and "he" stayed unresolved."""
    text = (
        "Paolo DeLuca, the state governor, spoke at the forum with Senator Anna Kerr.\n"
        "Kerr promised to cut the budget, aides said.\n"
        "DeLuca even blasted Moreno for trying to fund the study, which he suggested is a waste of money."
    )
    assert _hop(text, "a waste of money")[0] in ("Paolo DeLuca", "DeLuca")


def test_a_name_that_owns_the_candidate_is_not_the_candidate() -> None:
    """'Ford's father told Starner ... Although Ford had outlined the book, he struggled ... he
    emailed Lane about it': Ford was taken for another name of "Ford's father", so not his
    sentence's subject, and "he" stayed unresolved."""
    text = (
        "The novelist Ray Ford died in 2006. At some point, Ford’s late father told Starner that “he never writes back.”\n"
        "Although Ford worked on the book for years, he struggled to get it right. "
        "On July 27, 2006, he emailed Lane about how hard it was to weave action into the story."
    )
    assert _hop(text, "weave action")[0] in ("Ray Ford", "Ford")


def test_he_after_he_opening_the_sentence_before_is_the_same_man_not_the_man_he_named() -> None:
    """'On July 27, he emailed Lane about it. "...," he wrote': "he" opening the sentence before
    is its subject, so the second "he" is the same man, flagged (was given to Lane)."""
    text = (
        "The novelist Ray Ford worked on the book for years, but he struggled to finish it. "
        "On July 27, 2006, he emailed his editor Tom Lane about how hard it was to weave action into the story. "
        "“I cannot have someone charge into the room every few minutes,” he wrote."
    )
    assert _hop(text, "charge into the room") == ("Ray Ford", ["likely_referent"])


def test_a_woman_guessed_for_she_is_not_taken_for_he_next() -> None:
    """'after the poet Mira Castell explained them. "...," she said. ... he'd respond': once "she"
    was given to Castell, a "he" after is not hers (it was, with no flag)."""
    text = (
        "“Every chapter hid a riddle,” said Paul Dorsey, one of his editors.\n"
        "I came to call these the dark rooms, after the poet Mira Castell explained them to me. "
        "“You only see a corner of each room,” she said. "
        "When his editors asked him to explain more, he’d respond, “I have a horror of being obvious.”"
    )
    assert _hop(text, "horror of being obvious")[0] != "Mira Castell"


def test_no_person_is_guessed_past_a_speaker_the_text_only_describes() -> None:
    """'After a meeting with Alliance Secretary General Piet Vos, the US President said: "..." He
    has also accused ...': the speaker before "He" is a description, no named person, but still
    the likelier referent; the one person named (Vos) is not guessed."""
    text = (
        "President Dale Carver has questioned the alliance, calling it a paper tiger.\n"
        "In a post after a meeting with Alliance Secretary General Piet Vos, the US President said: "
        "“THEY WERE NOT THERE WHEN WE NEEDED THEM.”\n"
        "He has also said that member nations rely too much on the strength of the US military."
    )
    assert _hop(text, "rely too much")[0] != "Alliance Secretary General Piet Vos"


def test_a_possessive_description_with_an_appositive_name_is_that_name() -> None:
    """ "According to his aunt, Jane Starner," / "Her lawyer, Ana Ruiz, said": the name is the
    source (the relation was shown as the source, gold_fresh3a), as "my colleague X" already is."""
    text = (
        "Mark Ford grew up in Indiana. According to his uncle, Tom Barrow, “He was brilliant from the start.”\n"
        "Maria Lopez was arrested on Monday. Her lawyer, Ana Ruiz, said the charges were baseless."
    )
    assert [chain for _, chain in _claims(text)] == [["Tom Barrow"], ["Ana Ruiz"]]


def test_a_pronoun_owned_body_is_named_after_the_person() -> None:
    """ "according to her campaign's weekend memo": the memo, then the campaign of the person "her"
    stands for (the pronoun was kept, gold_fresh3a)."""
    text = (
        "Gretchen Whitmer spoke in Lansing on Friday. The state added 40 new clinics this year, "
        "according to her campaign’s latest memo."
    )
    assert [chain for _, chain in _claims(text)] == [["her campaign’s latest memo", "Whitmer campaign"]]


def test_a_pronoun_owned_body_unresolved_takes_the_body_named_before() -> None:
    """No person for "her" before, but "Whitmer’s office" just before: the body is hers, named as
    the text writes it (campaign10: one source with the text's own naming)."""
    text = "Critics met on Monday. Whitmer’s office has hired 12 new aides, according to her office’s weekly memo."
    assert [chain for _, chain in _claims(text)] == [["her office’s weekly memo", "Whitmer’s office"]]


def test_a_link_on_an_earlier_clause_does_not_source_a_hedged_claim() -> None:
    """ "Okafor <a>also insulted the host</a> and mocked Lindqvist for allegedly ...": the link backs
    the first clause, not the hedged words (the outlet's own story was shown as their source,
    gold_fresh3a), so the hedged claim keeps no source rather than a wrong one."""
    text = (
        "The debate was tense in Miami on Wednesday night. Okafor also insulted the host of the debate and "
        "mocked Lindqvist for allegedly hiding a second passport from voters."
    )
    anchor = "also insulted the host of the debate"
    at = text.index(anchor)
    links = [Link(url="https://www.example-news.com/entry/okafor", text=anchor, start=at, end=at + len(anchor))]
    found = extract_claims(read_text(text), [], links=links)[0]
    assert [(c.text, c.chain) for c in found] == [("allegedly hiding a second passport from voters", [])]
