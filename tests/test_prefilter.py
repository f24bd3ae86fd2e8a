import re

import pytest

from pipeline.prefilter import Prefilter, required_strings


def words(pattern: str) -> list[str]:
    return sorted(required_strings(re.compile(pattern, re.I)) or [])


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"met|meet|meets|meeting", ["meet", "met"]),  # the parser's shared prefix "me" is not enough
        (r"(?:tele)?phone (?:call|talks?)", ["phone call", "phone talk"]),
        (r"apologi[sz](?:ed|e)", ["apologise", "apologize"]),
        (r"\bvisit(?:s|ed)?\s+\w+ to", ["visit"]),
        (r"arrest\w*", ["arrest"]),
        (r"\w+ed", ["ed"]),
        (r"[^a]bc?", ["b"]),
    ],
)
def test_required_strings_of_a_pattern(pattern, expected):
    assert words(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:a|\d+)", r"x?", r"(?:ab)*"])
def test_a_pattern_with_no_required_string_has_none(pattern):
    assert required_strings(re.compile(pattern)) is None


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"met|meet|meets|meeting", "they MEET"),
        (r"(?:tele)?phone (?:call|talks?)", "a Telephone talk"),
        (r"apologi[sz](?:ed|e)", "APOLOGISED"),
        (r"visit(?:s|ed)?(?:\s+\S+){0,3}\s+to", "visited the city to"),
        (r"прибыл\w* в", "Прибыли в"),
    ],
)
def test_every_match_holds_a_required_string(pattern, text):
    compiled = re.compile(pattern, re.I)
    match = compiled.search(text)
    assert match
    assert any(word in match.group().lower() for word in required_strings(compiled))
    assert Prefilter([compiled]).candidates(text) == [0]


def test_candidates_are_the_patterns_that_may_match_in_order():
    patterns = [re.compile(p, re.I) for p in [r"visit\w*", r"\d+", r"arrest(?:ed)?", r"phone call"]]
    prefilter = Prefilter(patterns)
    assert prefilter.candidates("Lavrov VISITED Baku") == [0, 1]  # \d+ has no required string: always tried
    assert prefilter.candidates("Police arrested a phone caller") == [1, 2, 3]
    assert prefilter.candidates("") == [1]
