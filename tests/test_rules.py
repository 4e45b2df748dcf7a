"""The attribution rule registry: every rule's examples are found, and each rule is needed for one.

A rule without examples fails here, and so does an example the pipeline finds just as well
without its rule (it would not show what the rule does).
"""

from __future__ import annotations

from functools import cache

import pytest

from tracer.parse.attribution.find import find_attributions
from tracer.parse.attribution.registry import RULES, Example, Rule, RuleKind
from tracer.parse.attribution.scan import fast_scan
from tracer.parse.attribution.spans import Attribution

_ORDER = list(RuleKind)


def _seen(a: Attribution, text: str) -> tuple[str | None, str, str, bool]:
    source = a.source.of(text) if a.source else None
    return source, a.cue.of(text), " | ".join(f.of(text) for f in a.content), a.quoted


@cache
def _found(text: str, rules: tuple[Rule, ...]) -> list[tuple[str | None, str, str, bool, str, str | None]]:
    return [
        (*_seen(a, text), a.form, a.group.of(text) if a.group else None) for a in find_attributions(text, rules=rules)
    ]


def _holds(example: Example, rule: Rule, rules: tuple[Rule, ...]) -> bool:
    """Whether the pipeline of `rules` finds the example's attribution (or, if `absent`, does not)."""
    wanted = (example.source, example.cue, example.content, example.quoted)
    forms = rule.forms if rule.kind in (RuleKind.TOKEN, RuleKind.SENTENCE) else None
    hit = any(
        f[:4] == wanted and (forms is None or f[4] in forms) and (example.group is None or f[5] == example.group)
        for f in _found(example.text, rules)
    )
    return hit != example.absent


def test_names_are_unique_and_kinds_in_pipeline_order() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    kinds = [_ORDER.index(r.kind) for r in RULES]
    assert kinds == sorted(kinds)  # token rules, then sentence, clean-up and document passes


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_examples(rule: Rule) -> None:
    assert rule.examples, f"rule {rule.name!r} has no examples"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_examples_are_found(rule: Rule) -> None:
    for example in rule.examples:
        assert _holds(example, rule, RULES), (example, _found(example.text, RULES))


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_rule_is_needed_for_one_of_its_examples(rule: Rule) -> None:
    """Left out of the pipeline, the rule's absence shows in at least one example."""
    without = tuple(r for r in RULES if r is not rule)
    assert not all(_holds(e, rule, without) for e in rule.examples), rule.name


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == RuleKind.TOKEN], ids=lambda r: r.name)
def test_the_fast_scan_keeps_every_token_rules_example(rule: Rule) -> None:
    """The scan is built from the registry: a rule's own example sentences reach the parser."""
    scan = fast_scan()
    assert all(scan.is_candidate(e.text) for e in rule.examples)


def test_a_rule_left_out_of_the_registry_leaves_the_scan_and_the_dispatch() -> None:
    according = next(r for r in RULES if r.name == "according")
    without = tuple(r for r in RULES if r is not according)
    text = "The dam will hold, according to engineers."
    assert fast_scan().is_candidate(text)
    assert not fast_scan(without).is_candidate(text)
    assert _found(text, without) == []
