"""Numbers written any way news writes them — "1,100", "1100", "1.1 thousand", "eleven hundred",
"3.2m", "half a million" — read to one value, so two wordings of a figure compare equal."""

from __future__ import annotations

import re
from functools import lru_cache

from tracer.datafiles import load_lines

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SUFFIXES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}
# "1,100" / "1 100" (thin or no-break space) / "1100" / "3.2"; then an optional k/m/bn suffix.
_DIGITS = re.compile(r"^(\d{1,3}(?:[,\u202f\u00a0]\d{3})+|\d+)(\.\d+)?(k|m|mn|bn|b|tn)?$")


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    pairs = [line.split("=", 1) for line in load_lines("number_phrases.txt")]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return tuple((re.compile(r"\b" + re.escape(k.strip()) + r"\b"), v.strip()) for k, v in pairs)


def rewrite_phrases(text: str) -> str:
    """Rewrite "half a year", "a dozen", "per cent" … into numerals and one spelling (lower-cased text)."""
    for pattern, replacement in _phrases():
        text = pattern.sub(replacement, text)
    return text


def digits_value(token: str) -> float | None:
    """The value of a numeral token such as "1,100", "3.2", "10k" or "1.1bn"."""
    match = _DIGITS.match(token)
    if not match:
        return None
    whole, fraction, suffix = match.groups()
    value = float(re.sub(r"[,\u202f\u00a0]", "", whole) + (fraction or ""))
    return value * _SUFFIXES[suffix] if suffix else value


def is_number_word(token: str) -> bool:
    """Whether a lower-case token can be part of a number ("eleven", "hundred", "million", "3.2")."""
    return (
        token in _UNITS or token in _TENS or token in _SCALES or token == "hundred" or digits_value(token) is not None
    )


def read_number(tokens: list[str], start: int) -> tuple[float, int] | None:
    """Read the number that starts at `tokens[start]`, in words, digits or both.

    Handles "eleven hundred", "one thousand one hundred", "twenty-five", "3.2 million",
    "a thousand" and "1,100"; "and" inside a number ("two hundred and ten") is skipped.

    Returns:
        (value, index after the number), or None when no number starts there.
    """
    total, current, index, seen = 0.0, 0.0, start, False
    if tokens[index] in {"a", "an"} and index + 1 < len(tokens) and tokens[index + 1] in {"hundred", *_SCALES}:
        current, index, seen = 1.0, index + 1, True
    while index < len(tokens):
        step = _number_step(tokens, index, total, current, seen)
        if step is None:
            break
        total, current, index, seen = step
    return (total + current, index) if seen else None


def _number_step(
    tokens: list[str], index: int, total: float, current: float, seen: bool
) -> tuple[float, float, int, bool] | None:
    """Consume one token of a number; None when the token ends it."""
    token = tokens[index]
    value = digits_value(token)
    if value is not None:
        return (total, value, index + 1, True) if not seen else None
    if token in _UNITS or token in _TENS:
        small = _UNITS.get(token, _TENS.get(token, 0))
        if seen and current % 100 and (current % 10 or small >= 10):
            return None  # "five six" is two numbers, not fifty-six
        return total, current + small, index + 1, True
    if token == "hundred" and seen:
        return total, (current or 1) * 100, index + 1, True
    if token in _SCALES and seen:
        return total + (current or 1) * _SCALES[token], 0.0, index + 1, True
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if token == "and" and seen and (following in _UNITS or following in _TENS):
        return total, current, index + 1, True
    return None


def number_token(value: float) -> str:
    """The canonical token for a value: "#1100", "#3200000", "#2.5"."""
    return "#" + (str(int(value)) if value == int(value) else f"{value:.6g}")
