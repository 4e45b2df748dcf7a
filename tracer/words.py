"""Word sets more than one stage reads: one owner for each, so their members cannot drift apart.

Calendar words are read by the reader (page dates), the hop dater, the source filters (a
month is no speaker) and the attribution rules ("Reuters Monday reported": a name and a day).
The grammar words are read by the attribution rules in several places each.
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
