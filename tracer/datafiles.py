"""Load the lexicons and tables kept as data files in `tracer/data/`."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


def _read(name: str) -> str:
    return files("tracer").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file ('#' starts a comment line)."""
    return tuple(
        line.strip() for line in _read(name).splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def load_json(name: str) -> Any:
    """A JSON data file, parsed (cached: callers must not mutate the result)."""
    return json.loads(_read(name))
