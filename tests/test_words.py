"""Word sets with one owner, `tracer.words`: no other module spells out its own copy of them.

The gendered pronouns were written out twice with different members (the resolver's five, the
gender count's eight); now both read `tracer.words`, and a copy written again is caught here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tracer.parse.claims.people import pronoun_gender
from tracer.parse.claims.sources import PRONOUNS
from tracer.words import GENDERED_PRONOUNS, PERSON_PRONOUNS

ROOT = Path(__file__).resolve().parents[1] / "tracer"
# Two forms of one gender's pronoun in one literal: a set of gendered pronouns ("he"/"she" alone
# is the subject pronouns' list, which is no such set).
_TELLTALES = ({"she", "her"}, {"he", "him"}, {"he", "his"}, {"she", "herself"}, {"he", "himself"})


def _word_literals(tree: ast.AST) -> list[tuple[int, set[str]]]:
    """Each set, dict, list or tuple literal's string members (a dict's keys), with its line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            members = node.elts
        elif isinstance(node, ast.Dict):
            members = [key for key in node.keys if key is not None]
        else:
            continue
        words = {m.value for m in members if isinstance(m, ast.Constant) and isinstance(m.value, str)}
        found.append((node.lineno, words))
    return found


def test_no_module_but_words_spells_out_gendered_pronouns() -> None:
    copies = [
        f"{path.relative_to(ROOT.parent)}:{line}"
        for path in sorted(ROOT.rglob("*.py"))
        if path.name != "words.py" or path.parent != ROOT
        for line, words in _word_literals(ast.parse(path.read_text(encoding="utf-8")))
        if any(telltale <= words for telltale in _TELLTALES)
    ]
    assert copies == []


def test_the_resolver_knows_the_gender_of_every_person_pronoun_the_registry_takes() -> None:
    """The resolver looks up the gender of each pronoun `PRONOUNS` calls a person's: none may be missing."""
    assert {word for word, group in PRONOUNS.items() if group == "person"} == set(PERSON_PRONOUNS)
    assert PERSON_PRONOUNS.items() <= GENDERED_PRONOUNS.items()


def test_the_gender_count_reads_every_gendered_pronoun() -> None:
    """'hers' and 'herself' after a name count, as 'she' does: two of them and no 'he' say 'f'."""
    assert pronoun_gender("Avery Quinn spoke. The decision was hers, Quinn herself said.", "Avery Quinn") == "f"
    assert pronoun_gender("Avery Quinn spoke. Quinn himself said the decision was his.", "Avery Quinn") == "m"
