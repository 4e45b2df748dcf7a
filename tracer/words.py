"""Word sets more than one stage reads: one owner for each, so their members cannot drift apart.

Calendar words are read by the reader (page dates), the hop dater, the source filters (a
month is no speaker) and the attribution rules ("Reuters Monday reported": a name and a day).
The grammar words are read by the attribution rules in several places each; the gendered
pronouns by the pronoun resolver and the person-gender count of `tracer.parse.claims`.
"""

from __future__ import annotations

_MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
# English month names and abbreviations → month number.
MONTHS = {m: i for i, names in enumerate(_MONTHS, start=1) for m in names}
# The full names alone ("Jan" and "Mar" are names too often to be read as months everywhere).
MONTH_NAMES = tuple(names[0] for names in _MONTHS)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_PATTERN = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Forms of "to be" (the copula rule's cues; "it's hard to ...": an empty "it" before one).
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "am", "'m", "’m"})
# Pronouns that open a relative clause ("a lawmaker who said", ", for whom he was to host");
# "that" opens one too, but far more often a reported clause, so each user says whether it counts.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})

# Gendered pronouns that can stand for a source ("he said", "told her", "his statement"), by the
# gender they name: the pronoun resolver's "he"/"she" and the source registry's person pronouns.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Every gendered pronoun, with the forms that only follow a name ("she herself", "the decision
# was hers"): the person-gender count reads all of them after a name.
GENDERED_PRONOUNS = {**PERSON_PRONOUNS, "himself": "m", "hers": "f", "herself": "f"}
