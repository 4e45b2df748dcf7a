"""Quotations with no cue of their own carried to the speaker before them (quotes14): guards on
who must NOT get them. The chain cases of the forms are in tests/data/chains/quotes14_forms.json;
these check the negative for a quotation some other speaker may rightly get once its own cue is
read, so they ask only that the wrong speaker does not get it."""

from __future__ import annotations

from tracer.parse.article import extract_claims
from tracer.read.document import read_text


def _sources_of(text: str, words: str) -> list[list[str]]:
    claims, _ = extract_claims(read_text(text), [])
    return [[hop.source.name for hop in c.chain] for c in claims if words in c.text]


def test_quotation_paragraph_with_a_missed_cue_between_quotations_is_not_the_group_before() -> None:
    """'Democrats blasted Republicans ...' / '“...,” said X (D-Md.). "..."': the words between the
    two quotations are a cue the parse may miss; the quotations are X's, never the group's."""
    text = (
        "The vote was close on Monday.\n\n"
        "Democrats, meanwhile, blasted Republicans for being sore losers now that the agency has ruled.\n\n"
        "“Republicans are so frustrated with the agency’s ruling that they are now unloading on the secretary with"
        ' everything they’ve got — right before the conventions," said Oversight ranking Democrat Elijah Cummings'
        ' (D-Md.). "They are spending their final days here in Washington climbing all over each other."'
    )
    for words in ("climbing all over each other", "so frustrated with the agency"):
        assert all(chain[:1] != ["Democrats"] for chain in _sources_of(text, words)), words


def test_quotation_after_a_colon_tail_with_its_own_subject_is_not_the_first_speaker() -> None:
    """'X said that ..., and her rival told reporters in the hall:' / a quotation: never X's."""
    text = (
        "The vote was close on Monday.\n\n"
        "Senator Ana Ruiz said that the plan had failed, and her rival Tom Lee told reporters in the hall:\n\n"
        "“We will not back down. This bill is a disgrace to the city.”"
    )
    assert all(chain[:1] != ["Senator Ana Ruiz"] for chain in _sources_of(text, "a disgrace to the city"))
