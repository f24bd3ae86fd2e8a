"""Which of many regexes can match a text, found with one Aho-Corasick pass instead of one scan per regex.

Each regex is parsed (Python's own parser, `re._parser`) for strings of which every match holds at least one
(its required strings: "visit" for `visit(?:s|ed)?`, {"met", "meet"} for `met|meet|meets`); a text that holds
none of them cannot match, and the regex is not run on it. A regex with no such strings is always a candidate.
Text and strings are compared lower-cased, which keeps the test a necessary condition for case-insensitive
regexes too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

_LITERAL, _IN, _SUBPATTERN, _BRANCH = (
    re._constants.LITERAL,
    re._constants.IN,
    re._constants.SUBPATTERN,
    re._constants.BRANCH,
)
_REPEATS = (re._constants.MAX_REPEAT, re._constants.MIN_REPEAT, re._constants.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (re._constants.AT, re._constants.ASSERT, re._constants.ASSERT_NOT)
_MAX_SPELLINGS = 256


class Prefilter:
    """The candidates among `patterns` for a text: the indexes of those that may match it, in order."""

    def __init__(self, patterns: Sequence[re.Pattern]):
        by_string: dict[str, set[int]] = {}
        always = []
        for index, pattern in enumerate(patterns):
            strings = required_strings(pattern)
            if not strings:
                always.append(index)
            for string in strings or ():
                by_string.setdefault(string, set()).add(index)
        self.always = tuple(always)
        self.automaton = None
        if by_string:
            self.automaton = ahocorasick.Automaton()
            for string, indexes in by_string.items():
                self.automaton.add_word(string, tuple(sorted(indexes)))
            self.automaton.make_automaton()

    def candidates(self, text: str) -> list[int]:
        possible = set(self.always)
        if self.automaton is not None:
            for _end, indexes in self.automaton.iter(text.lower()):
                possible.update(indexes)
        return sorted(possible)


def required_strings(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-cased strings of which every match of `pattern` holds at least one, or None if none are found."""
    return _required(re._parser.parse(pattern.pattern, pattern.flags).data)


def _required(items: list) -> frozenset[str] | None:
    """Lower-cased strings of which every match of the parsed regex contains at least one, or None when no
    such set is found. A run of parts with finitely many spellings (literals, small classes, alternations,
    optional parts) gives the set of its spellings; any other part may give its own set (a group; an
    alternation whose every branch has one; a repeat of at least once). The set whose shortest string is
    longest is kept, since it lets the fewest sentences through."""
    best: frozenset[str] | None = None
    spellings = frozenset({""})

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate):
            candidate = frozenset(s for s in candidate if not any(o != s and o in s for o in candidate))
            if best is None or _selectivity(candidate) > _selectivity(best):
                best = candidate

    for op, value in items:
        exact = _spellings([(op, value)])
        if exact is not None and len(spellings) * len(exact) <= _MAX_SPELLINGS:
            spellings = frozenset(a + b for a in spellings for b in exact)
            continue
        consider(spellings)
        spellings = exact if exact is not None else frozenset({""})
        if op is _SUBPATTERN:
            consider(_required(value[-1]))
        elif op is _BRANCH:
            branches = [_required(branch) for branch in value[1]]
            if all(branches):
                consider(frozenset().union(*branches))
        elif op in _REPEATS and value[0] >= 1:
            consider(_required(value[2]))
    consider(spellings)
    return best


def _spellings(items: list) -> frozenset[str] | None:
    """Every lower-cased string the parsed regex can match, or None if they are many or unbounded."""
    result = frozenset({""})
    for op, value in items:
        if op is _LITERAL:
            options = frozenset({chr(value).lower()})
        elif op is _IN and all(kind is _LITERAL for kind, _ in value):
            options = frozenset(chr(char).lower() for _, char in value)
        elif op is _SUBPATTERN:
            options = _spellings(value[-1])
        elif op is _BRANCH:
            branches = [_spellings(branch) for branch in value[1]]
            options = None if None in branches else frozenset().union(*branches)
        elif op in _REPEATS and value[1] <= 1:
            inner = _spellings(value[2])
            options = None if inner is None else inner | ({""} if value[0] == 0 else set())
        elif op in _ZERO_WIDTH:
            options = frozenset({""})
        else:
            return None
        if options is None or len(result) * len(options) > _MAX_SPELLINGS:
            return None
        result = frozenset(a + b for a in result for b in options)
    return result


def _selectivity(strings: frozenset[str]) -> tuple[int, int]:
    return min(len(s) for s in strings), -len(strings)
