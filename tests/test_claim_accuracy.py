"""Issue 14, development gold misses fixed in general ways: which words a claim covers when
attributions nest, who a pronoun stands for, which cues make claims."""

from __future__ import annotations

from tracer.models import Claim
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
